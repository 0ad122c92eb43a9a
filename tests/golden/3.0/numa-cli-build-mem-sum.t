# -numa from the command line without --preconfig: the deprecation warning at the option,
# the greeting, then the board-build check with the program name.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
# unsure: 3.0 has no mem= deprecation warning and splits RAM among nodes given none (spec 4.6)
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S -smp 2 -m 128M -numa node,mem=64M
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: total memory for NUMA nodes (0x4000000) should equal RAM size (0x8000000)
