# A guest shutdown request (emu test device) with the default action: SHUTDOWN (guest,
# guest-shutdown), exit 0 (spec 6.2 guest shutdown row).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -serial file:/dev/stderr -kernel @BUILD@/guest/shutdown.elf
status: 0
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}}
--- stderr
shutting down
