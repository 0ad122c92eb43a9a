# set-numa-node argument errors in preconfig (spec 3.4, 4.6): missing/unknown type, uint16
# range and type errors, list elements, extra members; 7.2 on -M none then refuses valid
# arguments with 'NUMA is not supported by this machine-type'; after machine creation it
# refuses them with the 'permitted only before...' message (after argument checks).
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: 3.0 argument-error texts are assumed to be the 7.2 ones (spec 3.4 gives one set for all versions)
# unsure: a valid set-numa-node on -M none in 3.0 preconfig is left out (behaviour not in the spec)
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{}}
{"execute":"set-numa-node","arguments":{"type":"bogus"}}
{"execute":"set-numa-node","arguments":{"type":1}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":"x"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":70000}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":-1}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1.5}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":true}}
{"execute":"set-numa-node","arguments":{"type":"node","cpus":"x"}}
{"execute":"set-numa-node","arguments":{"type":"node","cpus":[-1]}}
{"execute":"set-numa-node","arguments":{"type":"node","cpus":["a"]}}
{"execute":"set-numa-node","arguments":{"type":"node","cpus":[1,70000]}}
{"execute":"set-numa-node","arguments":{"type":"node","mem":"x"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":1}}
{"execute":"set-numa-node","arguments":{"type":"node","initiator":"x"}}
{"execute":"set-numa-node","arguments":{"type":"dist","dst":1,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":300}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":"x","val":20}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":"x"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"foo":1}}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"set-numa-node","arguments":{}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0},"id":"after"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"error": {"class": "GenericError", "desc": "Parameter 'type' does not accept value 'bogus'"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'type', expected: string"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint16_t"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint16_t"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'cpus', expected: array"}}
{"error": {"class": "GenericError", "desc": "Parameter 'null' expects uint16_t"}}
{"error": {"class": "GenericError", "desc": "Parameter 'cpus[0]' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Parameter 'null' expects uint16_t"}}
{"error": {"class": "GenericError", "desc": "Parameter 'mem' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'memdev', expected: string"}}
{"error": {"class": "GenericError", "desc": "Parameter 'initiator' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'src' is missing"}}
{"error": {"class": "GenericError", "desc": "Parameter 'val' expects uint8_t"}}
{"error": {"class": "GenericError", "desc": "Parameter 'dst' expects uint64"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'node-id', expected: integer"}}
{"error": {"class": "GenericError", "desc": "Parameter 'foo' is unexpected"}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"id": "after", "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
