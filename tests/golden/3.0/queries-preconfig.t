# Queries allowed in preconfig (spec 4.4) before x-exit-preconfig, and the refused ones
# (query-target, query-kvm, query-cpus-fast) after it.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: query-chardev and query-hotpluggable-cpus results on -M none are assumed to be the 7.2 ones
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -name pc -uuid 00000000-0000-0000-0000-000000000001
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-version","id":"query-version"}
{"execute":"query-name","id":"query-name"}
{"execute":"query-uuid","id":"query-uuid"}
{"execute":"query-chardev","id":"query-chardev"}
{"execute":"query-iothreads","id":"query-iothreads"}
{"execute":"query-memdev","id":"query-memdev"}
{"execute":"query-hotpluggable-cpus","id":"query-hotpluggable-cpus"}
{"execute":"x-exit-preconfig"}
{"execute":"query-target","id":"query-target"}
{"execute":"query-kvm","id":"query-kvm"}
{"execute":"query-cpus-fast","id":"query-cpus-fast"}
{"execute":"query-name","id":"query-name"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "id": "query-version"}
{"return": {"name": "pc"}, "id": "query-name"}
{"return": {"UUID": "00000000-0000-0000-0000-000000000001"}, "id": "query-uuid"}
{"return": [{"frontend-open": true, "filename": "stdio", "label": "compat_monitor0"}], "id": "query-chardev"}
{"return": [], "id": "query-iothreads"}
{"return": [], "id": "query-memdev"}
{"id": "query-hotpluggable-cpus", "error": {"class": "GenericError", "desc": "The feature 'query-hotpluggable-cpus' is not enabled"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {"arch": "riscv64"}, "id": "query-target"}
{"return": {"enabled": false, "present": false}, "id": "query-kvm"}
{"return": [], "id": "query-cpus-fast"}
{"return": {"name": "pc"}, "id": "query-name"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
