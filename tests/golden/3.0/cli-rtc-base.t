# -rtc base=<date> is accepted with -M none (events still carry the virtual-clock timestamp).
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: whether emu derives its event epoch from -rtc base (timestamps would then be 1262304000)
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -rtc base=2010-01-01T00:00:00
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"return": {}}
{"timestamp": {"seconds": 1262304000, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
