# -numa cpu with socket-id on virt (its CPUs have core-id only).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 2 -numa node -numa cpu,node-id=0,socket-id=0
status: 1
qemu: skip QEMU's greeting races its exit when -numa fails (printed or not from run to run)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -numa cpu,node-id=0,socket-id=0: socket-id is not supported
