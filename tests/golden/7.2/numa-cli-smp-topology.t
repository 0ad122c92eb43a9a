# -smp whose sockets*cores*threads is not maxcpus: 7.2's machine-smp message.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 4,sockets=2,cores=1,threads=1
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (2) * cores (1) * threads (1) != maxcpus (4)
