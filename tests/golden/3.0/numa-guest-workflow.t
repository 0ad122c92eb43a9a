# The whole NUMA workflow with a guest (issue 6): ask for the possible CPUs, configure two
# nodes (64M with hart 0, 192M with harts 1-3) and asymmetric distances over QMP, leave
# preconfig; the guest (numa_topo) reads the device tree at a1 and prints on serial the harts'
# numa-node-id, the cpu-map clusters, each memory node and the distance matrix, then powers off.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run); QEMU 3.0's riscv
# virt had no NUMA and no device tree in a1 for -bios none: this is emu's board in that dialect
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 --preconfig -smp 4 -m 256M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=192M -serial file:/dev/stderr -kernel @BUILD@/guest/numa_topo.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-hotpluggable-cpus","id":"possible"}
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
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"props": {"core-id": 3}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}], "id": "possible"}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}, "id": "exit"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
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
