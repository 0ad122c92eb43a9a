# Two memory backends with one id.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S -object memory-backend-ram,id=m0,size=1M -object memory-backend-ram,id=m0,size=2M
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -object memory-backend-ram,id=m0,size=2M: Duplicate ID 'm0' for object
