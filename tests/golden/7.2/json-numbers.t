# Number re-serialisation (spec 3.1, 9.2): int64, then uint64, then double (%.17g style:
# 1.5e3 -> 1500, -0 -> 0, 0.1 -> 0.10000000000000001); malformed numbers are lexical errors.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-name","id":0}
{"execute":"query-name","id":-0}
{"execute":"query-name","id":-0.0}
{"execute":"query-name","id":0.0}
{"execute":"query-name","id":1.5e3}
{"execute":"query-name","id":1E3}
{"execute":"query-name","id":1e+3}
{"execute":"query-name","id":1e-3}
{"execute":"query-name","id":0.1}
{"execute":"query-name","id":1.0}
{"execute":"query-name","id":2.5}
{"execute":"query-name","id":-1.5}
{"execute":"query-name","id":9223372036854775807}
{"execute":"query-name","id":9223372036854775808}
{"execute":"query-name","id":18446744073709551615}
{"execute":"query-name","id":18446744073709551616}
{"execute":"query-name","id":-9223372036854775808}
{"execute":"query-name","id":-9223372036854775809}
{"execute":"query-name","id":123456789012345678901234567890}
{"execute":"query-name","id":1e308}
{"execute":"query-name","id":5e-324}
{"execute":"query-name","id":1.7976931348623157e308}
{"execute":"query-name","id":100000000000000000000.0}
{"execute":"query-name","id":1e22}
{"execute":"query-name","id":1e21}
{"execute":"query-name","id":123.456}
{"execute":"query-name","id":3.141592653589793}
{"execute":"query-name","id":-}
{"execute":"query-name","id":1.}
{"execute":"query-name","id":.5}
{"execute":"query-name","id":+1}
{"execute":"query-name","id":1e}
{"execute":"query-name","id":0x10}
{"execute":"query-name","id":00}
{"execute":"query-name","id":-01}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}, "id": 0}
{"return": {}, "id": 0}
{"return": {}, "id": -0}
{"return": {}, "id": 0}
{"return": {}, "id": 1500}
{"return": {}, "id": 1000}
{"return": {}, "id": 1000}
{"return": {}, "id": 0.001}
{"return": {}, "id": 0.10000000000000001}
{"return": {}, "id": 1}
{"return": {}, "id": 2.5}
{"return": {}, "id": -1.5}
{"return": {}, "id": 9223372036854775807}
{"return": {}, "id": 9223372036854775808}
{"return": {}, "id": 18446744073709551615}
{"return": {}, "id": 1.8446744073709552e+19}
{"return": {}, "id": -9223372036854775808}
{"return": {}, "id": -9.2233720368547758e+18}
{"return": {}, "id": 1.2345678901234568e+29}
{"return": {}, "id": 1e+308}
{"return": {}, "id": 4.9406564584124654e-324}
{"return": {}, "id": 1.7976931348623157e+308}
{"return": {}, "id": 1e+20}
{"return": {}, "id": 1e+22}
{"return": {}, "id": 1e+21}
{"return": {}, "id": 123.456}
{"return": {}, "id": 3.1415926535897931}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '-}'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '1.}'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '.'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '+'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '1e}'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expected separator in dict"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '00'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, stray '-01'"}}
{"error": {"class": "GenericError", "desc": "JSON parse error, expecting value"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
