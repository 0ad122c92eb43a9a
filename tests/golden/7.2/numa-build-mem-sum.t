# Leaving preconfig with node memory that does not add up to -m: QEMU's message, exit 1, no reply.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
--- stderr
total memory for NUMA nodes (0x4000000) should equal RAM size (0x8000000)
