# Resynchronising the parser (spec 3.5, 9.1 recovery, 9.2): an incomplete request gives no
# answer; a control character or 0xFF makes a lexical error that drops the queued tokens;
# a newline inside a string is a control character.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: 3.0 JSON parse error texts are assumed to be the 7.2 ones (spec 3.5 recommends them; real 3.0 may have said 'Invalid JSON syntax' for lexical errors)
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":1

{"execute":"query-name","id":2}
{"execute":"query-name","id":[3,
ÿ
{"execute":"query-name","id":4}
{"execute":"query-name","id":"unterminated
{"execute":"query-name","id":5}
[[[[

{"execute":"query-name","id":6}
{"execute":"query-name","id":7
}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\u0001'"}}
{"return": {}, "id": 2}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\uFFFD'"}}
{"return": {}, "id": 4}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\"unterminated\n'"}}
{"return": {}, "id": 5}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\u0002'"}}
{"return": {}, "id": 6}
{"return": {}, "id": 7}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
