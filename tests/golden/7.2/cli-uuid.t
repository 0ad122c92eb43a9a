# -uuid and query-uuid: printed in lower case whatever the input case (allowed in preconfig).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -uuid 12345678-ABCD-1234-abcd-123456789ABC
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-uuid"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"UUID": "12345678-abcd-1234-abcd-123456789abc"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
