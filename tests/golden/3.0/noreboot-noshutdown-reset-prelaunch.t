# -no-reboot -no-shutdown -S: system_reset in prelaunch emits SHUTDOWN only and stays in
# prelaunch (spec 6.2, scenario 7.9); after cont it goes to shutdown with STOP.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -no-reboot -no-shutdown -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 2}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 4, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
