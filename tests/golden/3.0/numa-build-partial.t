# Some CPUs mapped, not all: the rest go to node 0 with QEMU's two warnings, then the board
# builds (here two sockets of one hart each).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":1}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
emu: warning: CPU(s) not present in any NUMA nodes: CPU 0 [core-id: 0]
emu: warning: All CPU(s) up to maxcpus should be described in NUMA config, ability to start up with partial NUMA mappings is obsoleted and will be removed in future
