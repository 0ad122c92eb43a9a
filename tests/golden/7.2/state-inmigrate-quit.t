# quit in state inmigrate (spec 6.1, 6.3 table; 3.0 event order: request-driven events after
# the return). State reached with: -incoming defer.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -incoming defer
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"quit","id":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": "quit"}
--- stderr
