# More harts than emu's virt has (8; QEMU 7.2's has 512): refused on the command line with
# QEMU's message.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -smp 9 -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Invalid SMP CPUs 9. The max CPUs supported by machine 'virt' is 8
