# A symmetric table given one way (0->1 only) is completed: the board builds.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
# unsure: 3.0 has no mem= deprecation warning and splits RAM among nodes given none (spec 4.6)
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -m 128M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","mem":67108864}}
{"execute":"set-numa-node","arguments":{"type":"node","mem":67108864}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":20}}
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
