# -rtc base=<date> is accepted with -M none (events still carry the virtual-clock timestamp).
# unsure: whether emu derives its event epoch from -rtc base (timestamps would then be 1262304000)
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -rtc base=2010-01-01T00:00:00
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 1262304000, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
