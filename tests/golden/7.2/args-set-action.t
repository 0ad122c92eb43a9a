# set-action arguments (spec 6.2; 7.2 only): unknown enum values, wrong types, unknown members
# are refused before anything changes; {} is accepted and changes nothing.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-action","arguments":{"reboot":"bogus"}}
{"execute":"set-action","arguments":{"shutdown":1}}
{"execute":"set-action","arguments":{"foo":"x"}}
{"execute":"set-action","arguments":{"panic":null}}
{"execute":"set-action","arguments":{"reboot":"shutdown","watchdog":"bogus"}}
{"execute":"set-action","arguments":{}}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'reboot' does not accept value 'bogus'"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'shutdown', expected: string"}}
{"error": {"class": "GenericError", "desc": "Parameter 'foo' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'panic', expected: string"}}
{"error": {"class": "GenericError", "desc": "Parameter 'watchdog' does not accept value 'bogus'"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
