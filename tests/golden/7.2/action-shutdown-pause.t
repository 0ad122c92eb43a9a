# -action shutdown=pause alone: system_reset is a normal reset (spec 6.2; 7.2 only).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -action shutdown=pause
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 1}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
