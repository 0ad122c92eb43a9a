# -no-reboot -no-shutdown -S: system_reset in prelaunch emits SHUTDOWN only and stays in
# prelaunch (spec 6.2, scenario 7.9); after cont it goes to shutdown with STOP.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -no-reboot -no-shutdown -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_reset","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"system_reset","id":3}
{"execute":"query-status"}
{"execute":"cont","id":4}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 1}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 2}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}, "id": 3}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 4, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
