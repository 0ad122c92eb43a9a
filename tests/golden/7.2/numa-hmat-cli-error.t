# -numa hmat-cache before the latency and bandwidth of its node (command line, hmat=on).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=on -S -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,nodeid=0,memdev=m0,cpus=0 -numa node,nodeid=1,memdev=m1,cpus=1 -numa hmat-cache,node-id=1,size=8K,level=1,associativity=direct,policy=write-back,line=8
status: 1
qemu: skip QEMU's greeting races its exit when -numa fails (printed or not from run to run)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa hmat-cache,node-id=1,size=8K,level=1,associativity=direct,policy=write-back,line=8: The latency and bandwidth information of node-id=1 should be provided before memory side cache attributes
