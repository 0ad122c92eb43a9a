# A number too big for a double (1e400): QEMU 7.2 echoes the bare token inf (invalid JSON;
# spec 9.2 'Bug'); emu may deliberately differ, so its output is recorded by emu's first run.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: skip QEMU prints non-finite numbers as bare inf; emu's behaviour is its own choice
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":1e400}
{"execute":"query-name","id":-1e400}
{"execute":"query-name","id":[1e400,1]}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": null}
{"return": {}, "id": null}
{"return": {}, "id": [null, 1]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
