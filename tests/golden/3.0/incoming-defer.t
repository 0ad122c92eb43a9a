# -incoming defer (spec 1.2, 6.1, scenario 7.11): status inmigrate; stop/cont only toggle
# autostart (no event, state unchanged); system_reset emits RESET and stays inmigrate;
# system_powerdown emits POWERDOWN.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -incoming defer
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 1}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 2}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 4}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"id": 5, "error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
