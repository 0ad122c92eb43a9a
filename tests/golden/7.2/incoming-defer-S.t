# -incoming defer with -S: still inmigrate; cont does not start the VM (spec 6.1 cont).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -incoming defer -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}, "id": 1}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
