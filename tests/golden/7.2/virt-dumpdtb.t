# -machine dumpdtb=FILE (QEMU's qemu_fdt_dumpdtb): the board is built, the device tree written,
# an info line on stderr and exit 0 right after the greeting; no command runs.
args: -M virt,dumpdtb=/dev/null -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: info: dtb dumped to /dev/null. Exiting.
