# -smp whose sockets*cores*threads is not maxcpus: 7.2's machine-smp message.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S -smp 4,sockets=2,cores=1,threads=1
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: cpu topology: sockets (2) * cores (1) * threads (1) < smp_cpus (4)
