# quit in preconfig (spec 4.2 item 6, 4.3, 6.1): allowed in 7.2 (SHUTDOWN host-qmp-quit, exit
# 0), refused by the gate in 3.0 (then x-exit-preconfig and quit exit).
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit","id":"pre"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"quit","id":"post"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"id": "pre", "error": {"class": "GenericError", "desc": "The command 'quit' isn't permitted in 'preconfig' state"}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": "post"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
