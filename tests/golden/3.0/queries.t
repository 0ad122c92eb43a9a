# Simple queries after machine init (spec 3.10, brief): query-version, query-name (no -name
# -> {}), query-uuid (default all zeros), query-target riscv64, query-kvm, query-cpus-fast
# (none on -M none), query-hotpluggable-cpus (not enabled), query-chardev, query-iothreads,
# query-memdev.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: query-chardev and query-hotpluggable-cpus results on -M none are assumed to be the 7.2 ones
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-version","id":"query-version"}
{"execute":"query-name","id":"query-name"}
{"execute":"query-uuid","id":"query-uuid"}
{"execute":"query-target","id":"query-target"}
{"execute":"query-kvm","id":"query-kvm"}
{"execute":"query-cpus-fast","id":"query-cpus-fast"}
{"execute":"query-hotpluggable-cpus","id":"query-hotpluggable-cpus"}
{"execute":"query-chardev","id":"query-chardev"}
{"execute":"query-iothreads","id":"query-iothreads"}
{"execute":"query-memdev","id":"query-memdev"}
{"execute":"query-status","id":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "id": "query-version"}
{"return": {}, "id": "query-name"}
{"return": {"UUID": "00000000-0000-0000-0000-000000000000"}, "id": "query-uuid"}
{"return": {"arch": "riscv64"}, "id": "query-target"}
{"return": {"enabled": false, "present": false}, "id": "query-kvm"}
{"return": [], "id": "query-cpus-fast"}
{"id": "query-hotpluggable-cpus", "error": {"class": "GenericError", "desc": "The feature 'query-hotpluggable-cpus' is not enabled"}}
{"return": [{"frontend-open": true, "filename": "stdio", "label": "compat_monitor0"}], "id": "query-chardev"}
{"return": [], "id": "query-iothreads"}
{"return": [], "id": "query-memdev"}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": "query-status"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
