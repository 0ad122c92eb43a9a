# More harts than emu's virt has (8; QEMU 7.2's has 512): refused on the command line with
# emu's own message, since QEMU would take them (README: differences).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -smp 9 -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip QEMU's virt takes up to 512 harts
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Invalid SMP CPUs 9: emu's 'virt' board has at most 8 CPUs (QEMU's has 512)
