# --preconfig with -incoming defer (spec 4.7, scenario 7.11): 7.2 accepts it, status
# inmigrate, x-exit-preconfig does not start the VM, cont/stop only toggle autostart;
# 3.0 refuses the combination on the command line.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -incoming defer
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"cont","id":1}
{"execute":"x-exit-preconfig"}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"query-status"}
{"execute":"stop","id":3}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command 'cont' is permitted only after machine initialization has completed"}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 2}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 4}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
