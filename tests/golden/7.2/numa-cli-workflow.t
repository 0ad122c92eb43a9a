# -numa and -object from the command line, no --preconfig: the board is built at start
# with the mapping, distances completed.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,memdev=m0,cpus=0-1 -numa node,memdev=m1,cpus=2-3 -numa dist,src=0,dst=1,val=15
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 0}, "qom-path": "/machine/soc0/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"thread-id": 2, "props": {"core-id": 2, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 2, "target": "riscv64"}, {"thread-id": 3, "props": {"core-id": 3, "node-id": 1}, "qom-path": "/machine/soc1/harts[1]", "cpu-index": 3, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
