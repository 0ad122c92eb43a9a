# system_reset in state shutdown (spec 6.1, 6.3 table; 3.0 event order: request-driven events after
# the return). State reached with: -no-shutdown -no-reboot + system_reset.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -no-shutdown -no-reboot
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_reset"}
{"execute":"query-status"}
{"execute":"system_reset","id":"system_reset"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}, "id": "system_reset"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
