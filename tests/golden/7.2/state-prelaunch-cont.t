# cont in state prelaunch (spec 6.1, 6.3 table; 3.0 event order: request-driven events after
# the return). State reached with: -S.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"cont","id":"cont"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": "cont"}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
