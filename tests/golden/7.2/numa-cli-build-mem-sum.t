# -numa from the command line without --preconfig: the deprecation warning at the option,
# the greeting, then the board-build check with the program name.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 2 -m 128M -numa node,mem=64M
status: 1
qemu: skip QEMU's greeting races its exit when the board fails to build
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa node,mem=64M: warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
emu: total memory for NUMA nodes (0x4000000) should equal RAM size (0x8000000)
