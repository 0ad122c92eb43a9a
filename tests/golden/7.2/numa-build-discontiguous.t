# riscv virt makes one socket per node: a node whose harts are not contiguous is refused
# ("discontinuous hartids in socket0") when the board is built.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0","cpus":[0]}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1","cpus":[1]}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":3}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
--- stderr
discontinuous hartids in socket0
