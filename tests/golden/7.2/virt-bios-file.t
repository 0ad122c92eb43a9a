# emu has no firmware: -bios other than none is refused when the board is built (QEMU 7.2
# would load the file as firmware).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -bios fw.bin -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip emu has no firmware to load
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -bios fw.bin: emu has no firmware; use -bios none (the -kernel image starts in M mode at its entry point)
