# Request validation after negotiation (spec 3.3, scenario 7.2): non-object input (no id),
# execute/arguments member types, unexpected members (exec-oob without oob, control),
# missing execute, unknown commands; id echoed from step 3 on.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
null
1
"str"
[]
[{"execute":"query-status"}]
true
{}
{"id":1}
{"execute":true,"id":2}
{"execute":1,"id":3}
{"execute":null,"id":4}
{"execute":{},"id":5}
{"execute":"query-status","arguments":[],"id":6}
{"execute":"query-status","arguments":"x","id":7}
{"execute":"query-status","arguments":null,"id":8}
{"execute":"query-status","extra":true,"id":9}
{"execute":"query-status","control":{},"id":10}
{"exec-oob":"query-status","id":11}
{"execute":"no-such-cmd","id":12}
{"execute":"no-such-cmd","arguments":[],"id":13}
{"execute":"no-such-cmd","extra":true}
{"execute":"","id":14}
{"execute":"query-status","arguments":{},"id":15}
{"execute":1,"foo":2,"id":16}
{"arguments":{},"id":17}
{"execute":"query-status","id":18,"id2":1}
{"execute":"Query-Status","id":19}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"id": 1, "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"id": 2, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": 3, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": 4, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": 5, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": 6, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": 7, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": 8, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": 9, "error": {"class": "GenericError", "desc": "QMP input member 'extra' is unexpected"}}
{"id": 10, "error": {"class": "GenericError", "desc": "QMP input member 'control' is unexpected"}}
{"id": 11, "error": {"class": "GenericError", "desc": "QMP input member 'exec-oob' is unexpected"}}
{"id": 12, "error": {"class": "CommandNotFound", "desc": "The command no-such-cmd has not been found"}}
{"id": 13, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"error": {"class": "GenericError", "desc": "QMP input member 'extra' is unexpected"}}
{"id": 14, "error": {"class": "CommandNotFound", "desc": "The command  has not been found"}}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": 15}
{"id": 16, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": 17, "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"id": 18, "error": {"class": "GenericError", "desc": "QMP input member 'id2' is unexpected"}}
{"id": 19, "error": {"class": "CommandNotFound", "desc": "The command Query-Status has not been found"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
