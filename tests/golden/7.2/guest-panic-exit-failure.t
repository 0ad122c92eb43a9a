# -action panic=exit-failure (spec 6.2): like the default, but exit status 1.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -action panic=exit-failure -serial file:/dev/stderr -kernel @BUILD@/guest/panic.elf
status: 1
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "GUEST_PANICKED", "data": {"action": "poweroff"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-panic"}}
--- stderr
panicking
