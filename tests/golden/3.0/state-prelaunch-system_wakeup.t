# system_wakeup in state prelaunch (spec 6.1, 6.3 table; 3.0 event order: request-driven events after
# the return). State reached with: -S.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"system_wakeup","id":"system_wakeup"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}, "id": "system_wakeup"}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
