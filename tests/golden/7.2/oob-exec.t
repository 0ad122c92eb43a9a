# Out-of-band execution after enabling oob (spec 3.3 step 3 and 7, 3.7): exec-oob on a
# command without allow-oob, unknown exec-oob command, execute+exec-oob clash, non-string
# exec-oob; in-band execute still works.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: skip with oob enabled QEMU drops queued requests when stdin reaches EOF, so a piped run is racy (expected output taken from complete QEMU runs)
--- stdin
{"execute":"qmp_capabilities","arguments":{"enable":["oob"]}}
{"exec-oob":"query-status","id":1}
{"exec-oob":"nosuch","id":2}
{"exec-oob":"query-status","execute":"query-status","id":3}
{"execute":"query-status","exec-oob":"query-status","id":4}
{"exec-oob":1,"id":5}
{"exec-oob":"quit","id":6}
{"exec-oob":"query-status"}
{"exec-oob":"query-status","arguments":{"x":1},"id":7}
{"execute":"query-status","id":8}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"id": 1, "error": {"class": "GenericError", "desc": "The command query-status does not support OOB"}}
{"id": 2, "error": {"class": "CommandNotFound", "desc": "The command nosuch has not been found"}}
{"id": 3, "error": {"class": "GenericError", "desc": "QMP input member 'execute' clashes with 'exec-oob'"}}
{"id": 4, "error": {"class": "GenericError", "desc": "QMP input member 'execute' clashes with 'exec-oob'"}}
{"id": 5, "error": {"class": "GenericError", "desc": "QMP input member 'exec-oob' must be a string"}}
{"id": 6, "error": {"class": "GenericError", "desc": "The command quit does not support OOB"}}
{"error": {"class": "GenericError", "desc": "The command query-status does not support OOB"}}
{"id": 7, "error": {"class": "GenericError", "desc": "The command query-status does not support OOB"}}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": 8}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
