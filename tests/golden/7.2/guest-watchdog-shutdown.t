# Watchdog expiry (emu test device, 100 us of virtual time) with -watchdog-action shutdown
# (spec 6.2): WATCHDOG (shutdown), POWERDOWN; the guest ignores it and runs on.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -watchdog-action shutdown -serial file:/dev/stderr -kernel @BUILD@/guest/testdev.elf
status: 0
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 100}, "event": "WATCHDOG", "data": {"action": "shutdown"}}
{"timestamp": {"seconds": 946684800, "microseconds": 100}, "event": "POWERDOWN"}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 100}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
ok test device id
ok watchdog armed
waiting for the watchdog
