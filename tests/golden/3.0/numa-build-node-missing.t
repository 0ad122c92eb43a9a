# Leaving preconfig with a gap in node ids (spec 4.6 build checks): stderr, exit 1, no reply.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -m 128M
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":2}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}, "id": 1}
--- stderr
emu: numa: Node ID missing: 1
