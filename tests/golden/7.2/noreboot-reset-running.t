# -no-reboot: QMP system_reset becomes a shutdown: SHUTDOWN host-qmp-system-reset, exit 0
# (spec 6.1 system_reset, 6.2 matrix, scenario 7.9).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot
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
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 1}
--- stderr
