# set-action at run time (spec 6.2; 7.2 only): reboot=shutdown + shutdown=pause turns
# system_reset into SHUTDOWN+STOP (state shutdown); reboot=reset makes it a reset again
# (RESET, prelaunch); shutdown=poweroff + reboot=shutdown makes it exit.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-action","arguments":{"reboot":"shutdown","shutdown":"pause"},"id":1}
{"execute":"system_reset","id":2}
{"execute":"query-status"}
{"execute":"set-action","arguments":{"reboot":"reset"},"id":3}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"cont","id":5}
{"execute":"set-action","arguments":{"shutdown":"poweroff","reboot":"shutdown"},"id":6}
{"execute":"system_reset","id":7}
{"execute":"query-status"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}, "id": 2}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 4}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 5}
{"return": {}, "id": 6}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-system-reset"}}
{"return": {}, "id": 7}
--- stderr
