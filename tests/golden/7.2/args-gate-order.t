# The preconfig gate comes before argument checking (spec 4.5): refused commands with bad
# arguments get the gate message; allowed ones get the argument error (7.2 allows quit in
# preconfig, 3.0 does not).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig
status: 0
qemu: compare
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "The command 'cont' is permitted only after machine initialization has completed"}}
{"error": {"class": "GenericError", "desc": "The command 'query-target' is permitted only after machine initialization has completed"}}
{"error": {"class": "GenericError", "desc": "The command 'system_reset' is permitted only after machine initialization has completed"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
