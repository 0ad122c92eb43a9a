# The NUMA workflow with a guest as QEMU 7.2 runs it byte for byte (no query-hotpluggable-cpus):
# set-numa-node for nodes, CPUs and distances, x-exit-preconfig, and the guest's report of the
# topology it finds in the device tree at a1 (serial on stderr). Without -icount: QEMU 7.2 does
# not finish multi-hart guests that idle in WFI under -icount. Node 1 holds harts 1-3: QEMU 7.2
# aborts (PLIC gpio-out out of range) when a node's first hart id is twice its hart count.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 256M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=192M -serial file:/dev/stderr -kernel @BUILD@/guest/numa_topo.elf
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":3}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":25}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":1,"dst":0,"val":35}}
{"execute":"x-exit-preconfig","id":"exit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": "exit"}
--- stderr
distance 0 0 10
distance 0 1 25
distance 1 0 35
distance 1 1 10
memory base 0x0000000080000000 size 0x0000000004000000 node 0
memory base 0x0000000084000000 size 0x000000000c000000 node 1
timebase 10000000
hart 0 node 0
hart 1 node 1
hart 2 node 1
hart 3 node 1
cluster0 core0 hart 0
cluster1 core0 hart 1
cluster1 core1 hart 2
cluster1 core2 hart 3
end of topology
