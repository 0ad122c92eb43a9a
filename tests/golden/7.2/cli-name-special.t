# -name with spaces and non-ASCII: query-name echoes it with \u escapes (spec 3.1).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -name 'my vm é'
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"name": "my vm \u00E9"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
