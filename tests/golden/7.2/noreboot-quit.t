# -no-reboot: quit gives SHUTDOWN host-qmp-quit and exits 0 (spec 6.2).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": 1}
--- stderr
