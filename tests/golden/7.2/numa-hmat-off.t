# QEMU's numa-test /numa/pc/hmat/off (spec 5.4) adapted to virt: without -machine hmat=on a
# node with initiator fails, a plain memdev node succeeds, hmat-lb and hmat-cache fail
# (after the schema checked their members), and leaving preconfig works.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -object memory-backend-ram,id=ram,size=128M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram","initiator":0}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram"}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory"}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, enable it with -machine hmat=on before using any of hmat specific options"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, enable it with -machine hmat=on before using any of hmat specific options"}}
{"error": {"class": "GenericError", "desc": "Parameter 'data-type' is missing"}}
{"error": {"class": "GenericError", "desc": "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, enable it with -machine hmat=on before using any of hmat specific options"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
