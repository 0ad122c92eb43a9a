# -numa nodes from the command line, no CPU mapping: riscv's contiguous blocks
# (5 harts, 2 nodes: 0-1 and 2-4), shown by query-cpus-fast once the board is built.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 5 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,memdev=m0 -numa node,memdev=m1
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-memdev"}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m1"}, {"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m0"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 0}, "qom-path": "/machine/soc0/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"thread-id": 2, "props": {"core-id": 2, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 2, "target": "riscv64"}, {"thread-id": 3, "props": {"core-id": 3, "node-id": 1}, "qom-path": "/machine/soc1/harts[1]", "cpu-index": 3, "target": "riscv64"}, {"thread-id": 4, "props": {"core-id": 4, "node-id": 1}, "qom-path": "/machine/soc1/harts[2]", "cpu-index": 4, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
