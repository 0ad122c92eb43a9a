# JSON lexer (spec 3.5, 9.2): single-quoted strings and \' escapes, % (no interpolation),
# stray characters, control characters in and outside strings, 0xFF, leading zero, unknown
# keywords, bad escapes, DEL, TAB/CR as whitespace; the parser recovers after each error.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{'execute':'query-name','id':'sq'}
{'execute':'query-name','id':'it\'s'}
{"execute":"query-name","id":'say "hi"'}
{"execute":"query-name","id":"dq \' ok"}
{"execute":"query-name","id":1}
{"execute":%d}
{"execute":"query-name","id":2}
%p
{"execute":"query-name","id":3}
@
{"execute":"query-name","id":4}
{"execute":"query-name"}
{"execute":"query-name","id":5}
ÿ
{"execute":"query-name","id":6}
{ÿ
{"execute":"query-name","id":7}
{
{"execute":"query-name","id":8}
{'bad ÿ
{"execute":"query-name","id":9}
01
{"execute":"query-name","id":10}
{"execute":"query-name","id":01}
{"execute":"query-name","id":11}
tru
garbage
nul
True
{"execute":"query-name","id":12}
{"execute":"query-name","id":"a\qb"}
{"execute":"query-name","id":13}
{"execute":"query-name","id":"ab"}
{"execute":"query-name","id":14}
{"execute":"query-name","id":"a	b"}
{"execute":"query-name","id":15}
{"execute":"query-name","id":"ab"}
{"execute":"query-name","id":16}
{'execute':'nonexistent','id':'
{"execute":"query-name","id":17}
{"execute":"query-name","id":"x"} 
{"execute":"query-name","id":18}
	{"execute":"query-name","id":19}	
{"execute":"query-name","id":20}
null
true
false
"s"
1.5
{"execute":"query-name","id":21}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": "sq"}
{"return": {}, "id": "it's"}
{"return": {}, "id": "say \"hi\""}
{"return": {}, "id": "dq ' ok"}
{"return": {}, "id": 1}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '%'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 2}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '%'"}}
{"return": {}, "id": 3}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '@'"}}
{"return": {}, "id": 4}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\u0001'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 5}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\uFFFD'"}}
{"return": {}, "id": 6}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\uFFFD'"}}
{"return": {}, "id": 7}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\u0001'"}}
{"return": {}, "id": 8}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray ''bad \uFFFD'"}}
{"return": {}, "id": 9}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '01'"}}
{"return": {}, "id": 10}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '01'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 11}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid keyword 'tru'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid keyword 'garbage'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid keyword 'nul'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray 'T'"}}
{"return": {}, "id": 12}
{"error": {"class": "GenericError", "desc": "JSON parse error, invalid escape sequence in string"}}
{"return": {}, "id": 13}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\"a\u0001'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 14}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\"a\t'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"return": {}, "id": 15}
{"return": {}, "id": "a\u007Fb"}
{"return": {}, "id": 16}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray ''\n'"}}
{"return": {}, "id": 17}
{"return": {}, "id": "x"}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '\u001B'"}}
{"return": {}, "id": 18}
{"return": {}, "id": 19}
{"return": {}, "id": 20}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"error": {"class": "GenericError", "desc": "QMP input must be a JSON object"}}
{"return": {}, "id": 21}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
