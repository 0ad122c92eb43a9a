# Nothing after quit is processed: the process exits after the SHUTDOWN event and the
# return (spec 6.1 quit; 3.0: return then SHUTDOWN).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit","id":1}
{"execute":"query-status"}
{"execute":"quit","id":2}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": 1}
--- stderr
