# hmat=on, an unmapped hart placed on a node whose initiator is another node: the
# placement fails with the initiator rule when the board is built.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=on --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m0","initiator":1}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m1","cpus":[1]}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
--- stderr
The initiator of CPU NUMA node 0 should be itself (got 1)
