# dumpdtb to a file that cannot be written: QEMU's "qemu_fdt_dumpdtb: Failed dumping dtb to"
# line and exit 1.
args: -M virt -machine dumpdtb=/nonexistent/virt.dtb -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: qemu_fdt_dumpdtb: Failed dumping dtb to /nonexistent/virt.dtb
