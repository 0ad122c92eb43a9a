# -incoming defer (spec 1.2, 6.1, scenario 7.11): status inmigrate; stop/cont only toggle
# autostart (no event, state unchanged); system_reset emits RESET and stays inmigrate;
# system_powerdown emits POWERDOWN.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -incoming defer
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"stop","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"query-status"}
{"execute":"system_reset","id":3}
{"execute":"query-status"}
{"execute":"system_powerdown","id":4}
{"execute":"x-exit-preconfig","id":5}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 1}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 2}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 3}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {}, "id": 4}
{"id": 5, "error": {"class": "GenericError", "desc": "The command is permitted only before machine initialization"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
