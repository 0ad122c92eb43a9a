# -no-reboot -no-shutdown: system_reset while running gives SHUTDOWN then STOP, state
# shutdown; cont needs a reset; stop is a no-op; another system_reset only emits SHUTDOWN
# (the VM is not running) and stays in shutdown; quit still exits (spec 6.1, 6.2).
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -no-reboot -no-shutdown
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 2, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"return": {}, "id": 3}
{"return": {}, "id": 4}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}, "id": 5}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}, "id": 6}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
