# -numa dist naming a node not declared (yet).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S -smp 2 -numa dist,src=0,dst=1,val=20 -numa node -numa node
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: -numa dist,src=0,dst=1,val=20: Source/Destination NUMA node is missing. Please use '-numa node' option to declare it first.
