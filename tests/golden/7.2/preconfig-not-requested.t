# x-exit-preconfig and set-numa-node without --preconfig (spec 4.3, 4.5): refused with the
# dialect's message, also with -S.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"set-numa-node","arguments":{"type":"node"},"id":2}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command is permitted only before machine initialization"}}
{"id": 2, "error": {"class": "GenericError", "desc": "The command is permitted only before the machine has been created"}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
