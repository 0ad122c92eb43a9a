# Argument errors (spec 3.4): unexpected members of argument-less commands, missing and
# mistyped members; they are reported before the command runs (no state change, no event).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status","arguments":{"x":1}}
{"execute":"query-name","arguments":{"a":1,"b":2}}
{"execute":"cont","arguments":{"x":1}}
{"execute":"stop","arguments":{"force":true}}
{"execute":"system_reset","arguments":{"x":1}}
{"execute":"system_powerdown","arguments":{"x":1}}
{"execute":"system_wakeup","arguments":{"x":1}}
{"execute":"quit","arguments":{"now":true}}
{"execute":"query-version","arguments":{"x":1}}
{"execute":"x-exit-preconfig","arguments":{"x":1}}
{"execute":"set-numa-node","arguments":{}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":"x"}}
{"execute":"query-uuid","arguments":{"x":null},"id":1}
{"execute":"query-target","arguments":{"x":1}}
{"execute":"query-kvm","arguments":{"x":1}}
{"execute":"query-cpus-fast","arguments":{"x":1}}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'b' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'force' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'now' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"error": {"class": "GenericError", "desc": "Parameter 'nodeid' expects uint64"}}
{"id": 1, "error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
