# set-numa-node type=node checks (spec 4.6), QEMU 7.2's order and messages: node-id range,
# duplicate, unknown memdev, CPU index against maxcpus (the CPUs listed before the bad one stay
# mapped), initiator without hmat=on.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=128M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":128}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"nope"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"cpus":[1,4]}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":2,"initiator":0}}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Max number of NUMA nodes reached: 128"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 0"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 1"}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 1"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "ACPI Heterogeneous Memory Attribute Table (HMAT) is disabled, enable it with -machine hmat=on before using any of hmat specific options"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
