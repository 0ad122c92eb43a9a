# -numa and -object from the command line, no --preconfig: the board is built at start
# with the mapping, distances completed.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,memdev=m0,cpus=0-1 -numa node,memdev=m1,cpus=2-3 -numa dist,src=0,dst=1,val=15
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"arch": "riscv", "thread-id": 2, "qom-path": "/machine/soc/harts[2]", "cpu-index": 2, "target": "riscv64"}, {"arch": "riscv", "thread-id": 3, "qom-path": "/machine/soc/harts[3]", "cpu-index": 3, "target": "riscv64"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
