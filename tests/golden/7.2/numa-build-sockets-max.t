# QEMU 7.2's virt has at most 4 sockets (one per NUMA node): a fifth node is refused when the
# board is built, with its message (which says "less than").
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -smp 5 -m 5M -numa node,cpus=0,mem=1M -numa node,cpus=1,mem=1M -numa node,cpus=2,mem=1M -numa node,cpus=3,mem=1M -numa node,cpus=4,mem=1M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa node,cpus=0,mem=1M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: -numa node,cpus=1,mem=1M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: -numa node,cpus=2,mem=1M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: -numa node,cpus=3,mem=1M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: -numa node,cpus=4,mem=1M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: number of sockets/nodes should be less than 4
