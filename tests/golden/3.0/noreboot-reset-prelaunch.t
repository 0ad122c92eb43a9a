# -no-reboot -S: system_reset in prelaunch also exits with SHUTDOWN (spec 6.2).
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -no-reboot -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
