# stop in state paused (spec 6.1, 6.3 table; 3.0 event order: request-driven events after
# the return). State reached with: -S + cont, stop.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont"}
{"execute":"stop"}
{"execute":"query-status"}
{"execute":"stop","id":"stop"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"return": {}, "id": "stop"}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
