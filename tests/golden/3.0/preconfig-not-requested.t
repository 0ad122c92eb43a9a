# x-exit-preconfig and set-numa-node without --preconfig (spec 4.3, 4.5): refused with the
# dialect's message, also with -S.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"set-numa-node","arguments":{"type":"node"},"id":2}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"id": 2, "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
