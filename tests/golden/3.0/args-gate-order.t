# The preconfig gate comes before argument checking (spec 4.5): refused commands with bad
# arguments get the gate message; allowed ones get the argument error (7.2 allows quit in
# preconfig, 3.0 does not).
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: 3.0 argument-error texts are assumed to be the 7.2 ones (spec 3.4 gives one set for all versions)
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","arguments":{"x":1}}
{"execute":"query-target","arguments":{"x":1}}
{"execute":"system_reset","arguments":{"x":1}}
{"execute":"quit","arguments":{"x":1}}
{"execute":"x-exit-preconfig","arguments":{"x":1}}
{"execute":"query-status","arguments":{"x":1}}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "The command 'cont' isn't permitted in 'preconfig' state"}}
{"error": {"class": "GenericError", "desc": "The command 'query-target' isn't permitted in 'preconfig' state"}}
{"error": {"class": "GenericError", "desc": "The command 'system_reset' isn't permitted in 'preconfig' state"}}
{"error": {"class": "GenericError", "desc": "The command 'quit' isn't permitted in 'preconfig' state"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
