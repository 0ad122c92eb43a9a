# QEMU's numa-test /numa/pc/dynamic/cpu (spec 5.4) adapted to virt: its CPUs have core-id
# only, so the mapping is by core-id (socket-id is refused on virt). Node 0 gets all RAM through
# memdev 'ram', node 1 none; core 1 -> node 0, core 0 -> node 1; after x-exit-preconfig
# query-hotpluggable-cpus shows the mapping and each hart's socket path.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -object memory-backend-ram,id=ram,size=128M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":0}}
{"execute":"x-exit-preconfig"}
{"execute":"query-hotpluggable-cpus"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "memdev option must be specified for either all or no nodes"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=1, NUMA node must be defined with -numa node,nodeid=ID before it's used with -numa cpu,node-id=ID"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"props": {"core-id": 1, "node-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[1]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0, "node-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[0]", "type": "rv64-riscv-cpu"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
emu: warning: CPU(s) not present in any NUMA nodes: CPU 0 [core-id: 0]
emu: warning: All CPU(s) up to maxcpus should be described in NUMA config, ability to start up with partial NUMA mappings is obsoleted and will be removed in future
