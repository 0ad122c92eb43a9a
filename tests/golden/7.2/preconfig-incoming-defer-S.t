# --preconfig -S -incoming defer (spec 4.7; 7.2 only, 3.0 refuses --preconfig with -incoming):
# inmigrate before and after x-exit-preconfig, no RESUME.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -S -incoming defer
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"query-status"}
{"execute":"cont"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"return": {}}
{"return": {"status": "inmigrate", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
