# query-commands in preconfig and after x-exit-preconfig (spec 4.4: allowed in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip QEMU lists its own ~200 commands
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-commands","id":1}
{"execute":"x-exit-preconfig"}
{"execute":"query-commands","id":2}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"name": "qmp_capabilities"}, {"name": "query-commands"}, {"name": "query-qmp-schema"}, {"name": "query-status"}, {"name": "query-version"}, {"name": "query-name"}, {"name": "query-uuid"}, {"name": "query-target"}, {"name": "query-machines"}, {"name": "query-kvm"}, {"name": "query-cpus-fast"}, {"name": "query-hotpluggable-cpus"}, {"name": "query-chardev"}, {"name": "query-iothreads"}, {"name": "query-memdev"}, {"name": "x-exit-preconfig"}, {"name": "exit-preconfig"}, {"name": "set-numa-node"}, {"name": "cont"}, {"name": "stop"}, {"name": "system_reset"}, {"name": "system_powerdown"}, {"name": "system_wakeup"}, {"name": "quit"}], "id": 1}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"name": "qmp_capabilities"}, {"name": "query-commands"}, {"name": "query-qmp-schema"}, {"name": "query-status"}, {"name": "query-version"}, {"name": "query-name"}, {"name": "query-uuid"}, {"name": "query-target"}, {"name": "query-machines"}, {"name": "query-kvm"}, {"name": "query-cpus-fast"}, {"name": "query-hotpluggable-cpus"}, {"name": "query-chardev"}, {"name": "query-iothreads"}, {"name": "query-memdev"}, {"name": "x-exit-preconfig"}, {"name": "exit-preconfig"}, {"name": "set-numa-node"}, {"name": "cont"}, {"name": "stop"}, {"name": "system_reset"}, {"name": "system_powerdown"}, {"name": "system_wakeup"}, {"name": "quit"}], "id": 2}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
