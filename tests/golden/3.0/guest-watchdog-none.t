# Watchdog expiry (emu test device, 100 us of virtual time) with -watchdog-action none
# (spec 6.2): WATCHDOG (none); running.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -watchdog-action none -serial file:/dev/stderr -kernel @BUILD@/guest/testdev.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 100}, "event": "WATCHDOG", "data": {"action": "none"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 100}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
ok test device id
ok watchdog armed
waiting for the watchdog
