# Guest panic under -no-shutdown (spec 6.2): GUEST_PANICKED (pause), STOP, state
# guest-panicked; stop is a no-op; system_reset: RESET, prelaunch; cont: RESUME, the guest
# boots and panics again; cont from guest-panicked: RESUME, running (the guest spins on).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -no-shutdown -serial file:/dev/stderr -kernel @BUILD@/guest/panic.elf
status: 0
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"stop","id":2}
{"execute":"system_reset","id":3}
{"execute":"query-status"}
{"execute":"cont","id":4}
{"execute":"query-status"}
{"execute":"cont","id":5}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "GUEST_PANICKED", "data": {"action": "pause"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {"status": "guest-panicked", "singlestep": false, "running": false}}
{"return": {}, "id": 2}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 3}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 4}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "GUEST_PANICKED", "data": {"action": "pause"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {"status": "guest-panicked", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 5}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 1000}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
panicking
panicking
