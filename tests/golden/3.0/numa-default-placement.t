# -numa nodes from the command line, no CPU mapping: riscv's contiguous blocks
# (5 harts, 2 nodes: 0-1 and 2-4), shown by query-cpus-fast once the board is built.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 5 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,memdev=m0 -numa node,memdev=m1
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-memdev"}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m1"}, {"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m0"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"arch": "riscv", "thread-id": 2, "qom-path": "/machine/soc/harts[2]", "cpu-index": 2, "target": "riscv64"}, {"arch": "riscv", "thread-id": 3, "qom-path": "/machine/soc/harts[3]", "cpu-index": 3, "target": "riscv64"}, {"arch": "riscv", "thread-id": 4, "qom-path": "/machine/soc/harts[4]", "cpu-index": 4, "target": "riscv64"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
