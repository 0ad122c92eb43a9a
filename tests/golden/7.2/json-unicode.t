# JSON strings are modified UTF-8 (spec 9.2, 9.3): C0 80 is U+0000, an encoded surrogate
# (ED A0 80) is invalid UTF-8, lone \ud800 is not a valid Unicode character, pairs combine;
# output is ASCII with upper-case \uXXXX, invalid bytes as \uFFFD.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":"¿Ä"}
{"execute":"query-name","id":"Ì†Ä"}
{"execute":"query-name","id":"\ud800"}
{"execute":"query-name","id":"\udc00"}
{"execute":"query-name","id":"\ud800\u0041"}
{"execute":"query-name","id":"\ud83d\ude00"}
{"execute":"query-name","id":"üòÄ"}
{"execute":"query-name","id":"√©\u00e9\u00E9"}
{"execute":"query-name","id":"\u0000"}
{"execute":"query-name","id":"\u0001\u001f\u007f\u0080\uffff"}
{"execute":"query-name","id":"\/ / \b\f\n\r\t\"\\"}
{"execute":"query-name","id":"¡Å"}
{"execute":"query-name","id":"√"}
{"execute":"query-name","id":"‚Ç"}
{"execute":"query-name","id":"ÙêÄÄ"}
{"execute":"query-name","id":"¯àÄÄÄ"}
{"execute":"query-name","id":"Ä"}
{"execute":"query-name","id":"\u12"}
{"execute":"query-name","id":"\uZZZZ"}
{"execute":"query-name","id":"Ôªø"}
{"execute":"query-name","id":"‡ÄØ"}
{"execute":"query-name","id":99}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": "\u0000"}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\ud800 is not a valid Unicode character"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\udc00 is not a valid Unicode character"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\ud800 is not a valid Unicode character"}}
{"return": {}, "id": "\uD83D\uDE00"}
{"return": {}, "id": "\uD83D\uDE00"}
{"return": {}, "id": "\u00E9\u00E9\u00E9"}
{"return": {}, "id": "\u0000"}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\uffff is not a valid Unicode character"}}
{"return": {}, "id": "/ / \b\f\n\r\t\"\\"}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\u12\" is not a valid Unicode character"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, \\uZZZZ is not a valid Unicode character"}}
{"return": {}, "id": "\uFEFF"}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid UTF-8 sequence in string"}}
{"return": {}, "id": 99}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
