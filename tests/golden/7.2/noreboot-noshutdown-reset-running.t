# -no-reboot -no-shutdown: system_reset while running gives SHUTDOWN then STOP, state
# shutdown; cont needs a reset; stop is a no-op; another system_reset only emits SHUTDOWN
# (the VM is not running) and stays in shutdown; quit still exits (spec 6.1, 6.2).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot -no-shutdown
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"stop","id":3}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"system_powerdown","id":5}
{"execute":"query-status"}
{"execute":"quit","id":6}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}, "id": 1}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 2, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 4}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {}, "id": 5}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}, "id": 6}
--- stderr
