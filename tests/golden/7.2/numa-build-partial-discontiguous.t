# Partial mapping that leaves a node without harts: the warnings, then the socket check.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 192M -object memory-backend-ram,id=m1,size=64M -object memory-backend-ram,id=m2,size=64M -object memory-backend-ram,id=m0,size=64M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","cpus":[0,1,3],"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m2"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m0"}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
--- stderr
warning: CPU(s) not present in any NUMA nodes: CPU 2 [core-id: 2]
warning: All CPU(s) up to maxcpus should be described in NUMA config, ability to start up with partial NUMA mappings is obsoleted and will be removed in future
discontinuous hartids in socket1
