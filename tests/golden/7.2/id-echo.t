# id echo (spec 3.3 notes, 9.3, scenario 7.3): string, numbers, null, bools, arrays, nested
# objects (members in QEMU's hash order), non-ASCII; on success, CommandNotFound, argument
# and shape errors; never on parse errors or non-object input.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":"str"}
{"execute":"query-name","id":42}
{"execute":"query-name","id":-1}
{"execute":"query-name","id":0}
{"execute":"query-name","id":2.5}
{"execute":"query-name","id":null}
{"execute":"query-name","id":true}
{"execute":"query-name","id":false}
{"execute":"query-name","id":[]}
{"execute":"query-name","id":[1,"a",null]}
{"execute":"query-name","id":{}}
{"execute":"query-name","id":{"a":1}}
{"execute":"query-name","id":{"b":[1,{"c":null}]}}
{"execute":"query-name","id":{"z":1,"a":2,"m":3}}
{"execute":"query-name","id":{"return":1,"id":2,"error":3,"event":4}}
{"execute":"query-name","id":"\u00e9"}
{"execute":"query-name","id":"é"}
{"execute":"query-name","id":18446744073709551615}
{"execute":"query-name","id":"cookie#1"}
{"execute":"no-such","id":"s"}
{"execute":"query-status","arguments":{"x":1},"id":"s"}
{"execute":"query-status","arguments":[],"id":"s"}
{"execute":1,"id":"s"}
{"id":"s"}
{"execute":"no-such","id":{"k":[true]}}
{"execute":"query-status","arguments":{"x":1},"id":{"k":[true]}}
{"execute":"query-status","arguments":[],"id":{"k":[true]}}
{"execute":1,"id":{"k":[true]}}
{"id":{"k":[true]}}
{"execute":"no-such","id":null}
{"execute":"query-status","arguments":{"x":1},"id":null}
{"execute":"query-status","arguments":[],"id":null}
{"execute":1,"id":null}
{"id":null}
{"execute":"query-name","id":1,}
[{"execute":"query-name","id":2}]
{"execute":"query-name","id":3
}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": "str"}
{"return": {}, "id": 42}
{"return": {}, "id": -1}
{"return": {}, "id": 0}
{"return": {}, "id": 2.5}
{"return": {}, "id": null}
{"return": {}, "id": true}
{"return": {}, "id": false}
{"return": {}, "id": []}
{"return": {}, "id": [1, "a", null]}
{"return": {}, "id": {}}
{"return": {}, "id": {"a": 1}}
{"return": {}, "id": {"b": [1, {"c": null}]}}
{"return": {}, "id": {"a": 2, "z": 1, "m": 3}}
{"return": {}, "id": {"event": 4, "return": 1, "id": 2, "error": 3}}
{"return": {}, "id": "\u00E9"}
{"return": {}, "id": "\u00E9"}
{"return": {}, "id": 18446744073709551615}
{"return": {}, "id": "cookie#1"}
{"id": "s", "error": {"class": "CommandNotFound", "desc": "The command no-such has not been found"}}
{"id": "s", "error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"id": "s", "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": "s", "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": "s", "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"id": {"k": [true]}, "error": {"class": "CommandNotFound", "desc": "The command no-such has not been found"}}
{"id": {"k": [true]}, "error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"id": {"k": [true]}, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": {"k": [true]}, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": {"k": [true]}, "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"id": null, "error": {"class": "CommandNotFound", "desc": "The command no-such has not been found"}}
{"id": null, "error": {"class": "GenericError", "desc": "Parameter 'x' is unexpected"}}
{"id": null, "error": {"class": "GenericError", "desc": "QMP input member 'arguments' must be an object"}}
{"id": null, "error": {"class": "GenericError", "desc": "QMP input member 'execute' must be a string"}}
{"id": null, "error": {"class": "GenericError", "desc": "QMP input lacks member 'execute'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"return": {}, "id": 3}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
