# -name foo and query-name (allowed in preconfig too; spec 4.4).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -name foo --preconfig
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":1}
{"execute":"x-exit-preconfig"}
{"execute":"query-name","id":2}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"name": "foo"}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": {"name": "foo"}, "id": 2}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
