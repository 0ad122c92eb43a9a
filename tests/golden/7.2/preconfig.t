# --preconfig lifecycle (spec 4.2, 4.3, 4.5, scenarios 7.4 / 7.5): status before (7.2
# prelaunch, 3.0 preconfig), gate error for cont, x-exit-preconfig (7.2: RESUME then return;
# 3.0: return then RESUME), running, second x-exit-preconfig and set-numa-node refused.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status","id":1}
{"execute":"cont","id":2}
{"execute":"x-exit-preconfig","id":3}
{"execute":"query-status","id":4}
{"execute":"x-exit-preconfig","id":5}
{"execute":"set-numa-node","arguments":{"type":"node"},"id":6}
{"execute":"cont","id":7}
{"execute":"query-status","id":8}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}, "id": 1}
{"id": 2, "error": {"class": "GenericError", "desc": "The command 'cont' is permitted only after machine initialization has completed"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 3}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": 4}
{"id": 5, "error": {"class": "GenericError", "desc": "The command is permitted only before machine initialization"}}
{"id": 6, "error": {"class": "GenericError", "desc": "The command is permitted only before the machine has been created"}}
{"return": {}, "id": 7}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": 8}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
