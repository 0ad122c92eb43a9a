# NUMA from the command line (-numa node/dist, default CPU placement: 2 harts per node), the
# machine started at once; the guest reports the topology of its device tree and powers off.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -smp 4 -m 256M -object memory-backend-ram,id=m0,size=128M -object memory-backend-ram,id=m1,size=128M -numa node,memdev=m0 -numa node,memdev=m1 -numa dist,src=0,dst=1,val=30 -serial file:/dev/stderr -kernel @BUILD@/guest/numa_topo.elf
status: 0
qemu: compare
--- stdin
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
distance 0 0 10
distance 0 1 30
distance 1 0 30
distance 1 1 10
memory base 0x0000000080000000 size 0x0000000008000000 node 0
memory base 0x0000000088000000 size 0x0000000008000000 node 1
timebase 10000000
hart 0 node 0
hart 1 node 0
hart 2 node 1
hart 3 node 1
cluster0 core0 hart 0
cluster0 core1 hart 1
cluster1 core0 hart 2
cluster1 core1 hart 3
end of topology
