# More harts than QEMU 7.2's virt takes (512): QEMU's message and limit; -smp cpus=-1 is read
# as unsigned and printed as -1, as QEMU does.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp cpus=-1
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Invalid SMP CPUs -1. The max CPUs supported by machine 'virt' is 512
