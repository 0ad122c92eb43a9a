# set-numa-node once the board exists (spec 4.5): refused, whatever its arguments say.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0}}
{"execute":"set-numa-node","id":"after"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"error": {"class": "GenericError", "desc": "The command is permitted only before the machine has been created"}}
{"id": "after", "error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
