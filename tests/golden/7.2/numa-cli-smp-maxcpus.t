# -smp with maxcpus below cpus.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 4,maxcpus=2
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Invalid CPU topology: maxcpus must be equal to or greater than smp: sockets (1) * cores (2) * threads (1) == maxcpus (2) < smp_cpus (4)
