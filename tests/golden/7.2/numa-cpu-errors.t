# set-numa-node type=cpu checks (spec 4.6): missing node-id, undeclared node, properties
# virt's CPUs do not have (thread-id checked first, then cluster-id, socket-id, die-id), no
# match, CPU already on another node; node-id alone maps every CPU not yet mapped elsewhere
# (stopping at the first that is).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: compare
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Missing mandatory node-id property"}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=1, NUMA node must be defined with -numa node,nodeid=ID before it's used with -numa cpu,node-id=ID"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "thread-id is not supported"}}
{"error": {"class": "GenericError", "desc": "cluster-id is not supported"}}
{"error": {"class": "GenericError", "desc": "socket-id is not supported"}}
{"error": {"class": "GenericError", "desc": "die-id is not supported"}}
{"error": {"class": "GenericError", "desc": "no match found"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "CPU is already assigned to node-id: 1"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "CPU is already assigned to node-id: 1"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 0}, "qom-path": "/machine/soc0/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"thread-id": 2, "props": {"core-id": 2, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 2, "target": "riscv64"}, {"thread-id": 3, "props": {"core-id": 3, "node-id": 1}, "qom-path": "/machine/soc1/harts[1]", "cpu-index": 3, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
