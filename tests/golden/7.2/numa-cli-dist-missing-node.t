# -numa dist naming a node not declared (yet).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 2 -numa dist,src=0,dst=1,val=20 -numa node -numa node
status: 1
qemu: skip QEMU's greeting races its exit when -numa fails (printed or not from run to run)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa dist,src=0,dst=1,val=20: Source/Destination NUMA node is missing. Please use '-numa node' option to declare it first.
