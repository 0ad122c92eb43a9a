# --preconfig with -S (spec 4.1, scenario 7.6): after x-exit-preconfig the VM stays in
# prelaunch without RESUME; cont then emits RESUME and runs.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -S
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig"}
{"execute":"query-status"}
{"execute":"cont"}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": {"status": "running", "singlestep": false, "running": true}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
