# -no-reboot -no-shutdown: system_reset while paused emits SHUTDOWN only, state stays
# paused (spec 6.2).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot -no-shutdown -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont"}
{"execute":"stop"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 1}
{"return": {"status": "paused", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 2}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
