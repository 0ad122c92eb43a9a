# -numa node twice with one id: QEMU's message at the option, exit 1 (greeting: QEMU reads
# -numa after creating its monitors).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 2 -numa node,nodeid=0 -numa node,nodeid=0
status: 1
qemu: skip QEMU's greeting races its exit when -numa fails (printed or not from run to run)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa node,nodeid=0: Duplicate NUMA nodeid: 0
