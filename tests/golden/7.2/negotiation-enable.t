# qmp_capabilities argument errors (spec 3.2, 3.4): they leave the session in negotiation
# mode; in command mode they are reported before 'already complete'.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities","arguments":{"enable":["foo"]}}
{"execute":"qmp_capabilities","arguments":{"enable":"oob"}}
{"execute":"qmp_capabilities","arguments":{"enable":[1]}}
{"execute":"qmp_capabilities","arguments":{"enable":null}}
{"execute":"qmp_capabilities","arguments":{"foo":1}}
{"execute":"qmp_capabilities","arguments":{"enable":["oob","foo"]}}
{"execute":"qmp_capabilities","arguments":[]}
{"execute":"query-status"}
{"execute":"qmp_capabilities","arguments":{"enable":[]},"id":1}
{"execute":"qmp_capabilities","arguments":{"enable":["foo"]},"id":2}
{"execute":"qmp_capabilities","arguments":{"enable":[]},"id":3}
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"error": {"class": "GenericError", "desc": "Parameter 'null' does not accept value 'foo'"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'enable', expected: array"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'enable[0]', expected: string"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'enable', expected: array"}}
{"error": {"class": "GenericError", "desc": "Parameter 'foo' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'null' does not accept value 'foo'"}}
{"error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"error": {"class": "CommandNotFound", "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}}
{"return": {}, "id": 1}
{"id": 2, "error": {"class": "GenericError", "desc": "Parameter 'null' does not accept value 'foo'"}}
{"id": 3, "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
