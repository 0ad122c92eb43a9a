# Resynchronising the parser (spec 3.5, 9.1 recovery, 9.2): an incomplete request gives no
# answer; a control character or 0xFF makes a lexical error that drops the queued tokens;
# a newline inside a string is a control character.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
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
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
