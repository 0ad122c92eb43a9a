# allow-preconfig gate for each command emu implements (spec 4.4, 4.5): allowed ones run
# (query-hotpluggable-cpus runs and fails on -M none; set-numa-node reaches argument
# checking), refused ones get the dialect's gate message; set-action does not exist in
# 3.0. query-commands/query-qmp-schema are in their own files; quit in preconfig-quit.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: query-chardev and query-hotpluggable-cpus results on -M none are assumed to be the 7.2 ones
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"qmp_capabilities","id":"qmp_capabilities"}
{"execute":"query-status","id":"query-status"}
{"execute":"query-version","id":"query-version"}
{"execute":"query-name","id":"query-name"}
{"execute":"query-uuid","id":"query-uuid"}
{"execute":"query-target","id":"query-target"}
{"execute":"query-machines","id":"query-machines"}
{"execute":"query-kvm","id":"query-kvm"}
{"execute":"query-cpus-fast","id":"query-cpus-fast"}
{"execute":"query-hotpluggable-cpus","id":"query-hotpluggable-cpus"}
{"execute":"query-chardev","id":"query-chardev"}
{"execute":"query-iothreads","id":"query-iothreads"}
{"execute":"query-memdev","id":"query-memdev"}
{"execute":"set-numa-node","id":"set-numa-node"}
{"execute":"cont","id":"cont"}
{"execute":"stop","id":"stop"}
{"execute":"system_reset","id":"system_reset"}
{"execute":"system_powerdown","id":"system_powerdown"}
{"execute":"system_wakeup","id":"system_wakeup"}
{"execute":"set-action","id":"set-action"}
{"execute":"x-exit-preconfig","id":"exit"}
{"execute":"qmp_capabilities","id":"qmp_capabilities"}
{"execute":"query-status","id":"query-status"}
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
{"execute":"cont","id":"cont"}
{"execute":"stop","id":"stop"}
{"execute":"system_reset","id":"system_reset"}
{"execute":"system_powerdown","id":"system_powerdown"}
{"execute":"system_wakeup","id":"system_wakeup"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"id": "qmp_capabilities", "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}, "id": "query-status"}
{"return": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "id": "query-version"}
{"return": {}, "id": "query-name"}
{"return": {"UUID": "00000000-0000-0000-0000-000000000000"}, "id": "query-uuid"}
{"id": "query-target", "error": {"class": "GenericError", "desc": "The command 'query-target' isn't permitted in 'preconfig' state"}}
{"id": "query-machines", "error": {"class": "GenericError", "desc": "The command 'query-machines' isn't permitted in 'preconfig' state"}}
{"id": "query-kvm", "error": {"class": "GenericError", "desc": "The command 'query-kvm' isn't permitted in 'preconfig' state"}}
{"id": "query-cpus-fast", "error": {"class": "GenericError", "desc": "The command 'query-cpus-fast' isn't permitted in 'preconfig' state"}}
{"id": "query-hotpluggable-cpus", "error": {"class": "GenericError", "desc": "The feature 'query-hotpluggable-cpus' is not enabled"}}
{"return": [{"frontend-open": true, "filename": "stdio", "label": "compat_monitor0"}], "id": "query-chardev"}
{"return": [], "id": "query-iothreads"}
{"return": [], "id": "query-memdev"}
{"id": "set-numa-node", "error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"id": "cont", "error": {"class": "GenericError", "desc": "The command 'cont' isn't permitted in 'preconfig' state"}}
{"id": "stop", "error": {"class": "GenericError", "desc": "The command 'stop' isn't permitted in 'preconfig' state"}}
{"id": "system_reset", "error": {"class": "GenericError", "desc": "The command 'system_reset' isn't permitted in 'preconfig' state"}}
{"id": "system_powerdown", "error": {"class": "GenericError", "desc": "The command 'system_powerdown' isn't permitted in 'preconfig' state"}}
{"id": "system_wakeup", "error": {"class": "GenericError", "desc": "The command 'system_wakeup' isn't permitted in 'preconfig' state"}}
{"id": "set-action", "error": {"class": "CommandNotFound", "desc": "The command set-action has not been found"}}
{"return": {}, "id": "exit"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"id": "qmp_capabilities", "error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}}
{"return": {"status": "running", "singlestep": false, "running": true}, "id": "query-status"}
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
{"return": {}, "id": "cont"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "STOP"}
{"return": {}, "id": "stop"}
{"return": {}, "id": "system_reset"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESET", "data": {"guest": false}}
{"return": {}, "id": "system_powerdown"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "POWERDOWN"}
{"return": {}, "id": "system_wakeup"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
