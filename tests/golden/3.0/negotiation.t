# Capabilities negotiation (spec 3.2, scenario 7.1): before qmp_capabilities every command,
# known or not (quit, x-exit-preconfig too), is CommandNotFound 'Expecting capabilities
# negotiation...' with the id echoed; qmp_capabilities returns {}; again: 'already complete'.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"query-status"}
{"execute":"query-status","id":"a"}
{"execute":"nonexistent","id":"b"}
{"execute":"x-exit-preconfig","id":"c"}
{"execute":"quit","id":"q"}
{"execute":"qmp_capabilities","id":1}
{"execute":"qmp_capabilities","id":2}
{"execute":"query-status","id":3}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"id": "a", "error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"id": "b", "error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"id": "c", "error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"id": "q", "error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"return": {}, "id": 1}
{"id": 2, "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": 3}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
