# -S lifecycle (scenario 7.7, spec 6.1): stop in prelaunch is a no-op, cont -> RESUME, cont
# again no-op, stop -> STOP/paused, stop again no-op, system_reset -> RESET and prelaunch,
# cont, system_reset while running stays running, quit -> SHUTDOWN host-qmp-quit, exit 0.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"stop","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"cont","id":3}
{"execute":"query-status"}
{"execute":"stop","id":4}
{"execute":"stop","id":5}
{"execute":"query-status"}
{"execute":"system_reset","id":6}
{"execute":"query-status"}
{"execute":"cont","id":7}
{"execute":"system_reset","id":8}
{"execute":"query-status"}
{"execute":"system_powerdown","id":9}
{"execute":"query-status"}
{"execute":"quit","id":10}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": 1}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 2}
{"return": {}, "id": 3}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}, "id": 4}
{"return": {}, "id": 5}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 6}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 7}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 8}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {}, "id": 9}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": 10}
--- stderr
