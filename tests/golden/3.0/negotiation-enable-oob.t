# qmp_capabilities {'enable': ['oob']} (spec 3.2, 3.7): accepted where oob is offered (7.2),
# 'Capability oob not available' where nothing is offered (3.0, session stays negotiating);
# after negotiation: 'already complete'.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities","arguments":{"enable":["oob"]},"id":1}
{"execute":"qmp_capabilities","arguments":{"enable":["oob"]},"id":2}
{"execute":"qmp_capabilities","id":3}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"id": 1, "error": {"class": "GenericError", "desc": "Capability oob not available"}}
{"id": 2, "error": {"class": "GenericError", "desc": "Capability oob not available"}}
{"return": {}, "id": 3}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
