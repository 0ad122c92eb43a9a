# Default start (no -S) runs; stop/cont/system_reset/system_powerdown in running and paused
# (spec 2.5, 6.1, 6.3).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"stop"}
{"execute":"query-status"}
{"execute":"system_powerdown"}
{"execute":"query-status"}
{"execute":"cont"}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"stop"}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"cont"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {}}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
