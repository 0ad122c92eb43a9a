# JSON framing and syntax (spec 3.1, 3.5, 9.2): values spanning lines, several values per
# line, blank lines, stray closers, trailing commas, missing colon/separator, non-string key,
# duplicate key, 'expecting value'; an incomplete value waits for more input.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: 3.0 JSON parse error texts are assumed to be the 7.2 ones (spec 3.5 recommends them; real 3.0 may have said 'Invalid JSON syntax' for lexical errors)
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":
"query-name",
"id":
1}
{"execute":"query-name","id":2}{"execute":"query-name","id":3} {"execute":"query-name","id":4}

   	  

}
]
{"execute":"query-name","id":5}}
{"execute":"query-name","id":6}]
{"execute":"query-name","id":7,}
{"execute" "query-name","id":8}
{1:2}
{"execute":"query-name","execute":"query-status","id":9}
{"execute": }
{,}
[1,]
[,1]
{"execute":"query-name" "id":10}
[1 2]
:
,
{"execute":"query-name","id":[1,2}
{"execute":"query-name","id":16}
]
{"execute":"query-name","id":11} 5
{"execute":"query-name",
"id":12}
{"execute":"query-name","arguments":{"a":{"b":[1,2,{"c":3}]}},"id":13}
{"id":14,"execute":"query-name"}
{"execute":"query-name","id":15}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}, "id": 1}
{"return": {}, "id": 2}
{"return": {}, "id": 3}
{"return": {}, "id": 4}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 5}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 6}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, missing : in object pair"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, key is not a string in object"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, duplicate key"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expected separator in dict"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expected separator in list"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expected separator in list"}}
{"return": {}, "id": 11}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"return": {}, "id": 12}
{"id": 13, "error": {"class": "GenericError", "desc": "Parameter 'a' is unexpected"}}
{"return": {}, "id": 14}
{"return": {}, "id": 15}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
