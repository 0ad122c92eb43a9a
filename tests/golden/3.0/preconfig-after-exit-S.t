# After x-exit-preconfig with -S, x-exit-preconfig and set-numa-node are refused while in
# prelaunch (spec 4.5), and the normal commands work (spec 6.3).
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0},"id":2}
{"execute":"query-target"}
{"execute":"stop"}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"id": 2, "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"return": {"arch": "riscv64"}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
