# -no-reboot -S: system_reset in prelaunch also exits with SHUTDOWN (spec 6.2).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 1}
--- stderr
