# quit in preconfig (spec 4.2 item 6, 4.3, 6.1): allowed in 7.2 (SHUTDOWN host-qmp-quit, exit
# 0), refused by the gate in 3.0 (then x-exit-preconfig and quit exit).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit","id":"pre"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"quit","id":"post"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": "pre"}
--- stderr
