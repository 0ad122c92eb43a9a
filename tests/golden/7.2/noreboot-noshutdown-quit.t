# -no-reboot -no-shutdown: quit exits 0 even from the shutdown state (spec 6.2).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot -no-shutdown
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"quit","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": 1}
--- stderr
