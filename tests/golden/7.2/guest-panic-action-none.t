# -action panic=none (spec 6.2): GUEST_PANICKED (run), the guest keeps running; system_reset
# while running restarts it (RESET), and the next command waits one slice, so the second
# panic comes first whatever way the input was split.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -action panic=none -serial file:/dev/stderr -kernel @BUILD@/guest/panic.elf
status: 0
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"system_reset","id":2}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "GUEST_PANICKED", "data": {"action": "run"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 2}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "GUEST_PANICKED", "data": {"action": "run"}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
panicking
panicking
