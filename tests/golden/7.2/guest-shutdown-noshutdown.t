# Scenario 7.8: a guest shutdown request (emu test device) under -no-shutdown: SHUTDOWN
# (guest, guest-shutdown), STOP, state shutdown; cont refused; stop a no-op; system_reset:
# RESET, prelaunch; cont: RESUME, running, the guest boots and shuts down again.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -no-shutdown -serial file:/dev/stderr -kernel @BUILD@/guest/shutdown.elf
status: 0
qemu: skip emu test device (QEMU's virt board has none)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"stop","id":3}
{"execute":"query-status"}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"cont","id":5}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 2, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"return": {}, "id": 3}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 4}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "RESUME"}
{"return": {}, "id": 5}
{"timestamp": {"seconds": 946684800, "microseconds": 1000}, "event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}}
{"timestamp": {"seconds": 946684800, "microseconds": 1000}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 1000}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
shutting down
shutting down
