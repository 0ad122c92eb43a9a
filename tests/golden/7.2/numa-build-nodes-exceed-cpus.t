# More nodes than harts: riscv's default placement refuses it (QEMU prints maxcpus).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 1,maxcpus=2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m1"}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
--- stderr
Number of NUMA nodes (2) cannot exceed the number of available CPUs (2).
