# qmp_capabilities {'enable': ['oob']} (spec 3.2, 3.7): accepted where oob is offered (7.2),
# 'Capability oob not available' where nothing is offered (3.0, session stays negotiating);
# after negotiation: 'already complete'.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: skip with oob enabled QEMU drops queued requests when stdin reaches EOF, so a piped run is racy (expected output taken from complete QEMU runs)
--- stdin
{"execute":"qmp_capabilities","arguments":{"enable":["oob"]},"id":1}
{"execute":"qmp_capabilities","arguments":{"enable":["oob"]},"id":2}
{"execute":"qmp_capabilities","id":3}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}, "id": 1}
{"id": 2, "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"id": 3, "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
