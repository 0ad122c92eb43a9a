# mem= and memdev= mixed (spec 4.6): 7.2 refuses either once the other was seen, and a
# failed call still counts as seen (the unknown memdev makes mem= fail, and that mem= makes
# the next memdev= fail).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"nope"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"mem":67108864}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"mem":67108864,"memdev":"m0"}}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "memdev=nope is ambiguous"}}
{"error": {"class": "GenericError", "desc": "numa configuration should use either mem= or memdev=,mixing both is not allowed"}}
{"error": {"class": "GenericError", "desc": "numa configuration should use either mem= or memdev=,mixing both is not allowed"}}
{"error": {"class": "GenericError", "desc": "numa configuration should use either mem= or memdev=,mixing both is not allowed"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
