# set-numa-node type=cpu checks (spec 4.6): missing node-id, undeclared node, properties
# virt's CPUs do not have (thread-id checked first, then cluster-id, socket-id, die-id), no
# match, CPU already on another node; node-id alone maps every CPU not yet mapped elsewhere
# (stopping at the first that is).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"cpu","core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"socket-id":0,"thread-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"cluster-id":0,"socket-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"die-id":0,"socket-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"die-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":9}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":3}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Missing mandatory node-id property"}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=1, NUMA node must be defined with -numa node,nodeid=ID before it's used with -numa cpu,node-id=ID"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "thread-id is not supported"}}
{"error": {"class": "GenericError", "desc": "Parameter 'cluster-id' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'die-id' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'die-id' is unexpected"}}
{"error": {"class": "GenericError", "desc": "no match found"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "CPU is already assigned to node-id: 1"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "CPU is already assigned to node-id: 1"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"arch": "riscv", "thread-id": 2, "qom-path": "/machine/soc/harts[2]", "cpu-index": 2, "target": "riscv64"}, {"arch": "riscv", "thread-id": 3, "qom-path": "/machine/soc/harts[3]", "cpu-index": 3, "target": "riscv64"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
