# After x-exit-preconfig with -S, x-exit-preconfig and set-numa-node are refused while in
# prelaunch (spec 4.5), and the normal commands work (spec 6.3).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -S
status: 0
qemu: compare
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command is permitted only before machine initialization"}}
{"id": 2, "error": {"class": "GenericError", "desc": "The command is permitted only before the machine has been created"}}
{"return": {"arch": "riscv64"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
