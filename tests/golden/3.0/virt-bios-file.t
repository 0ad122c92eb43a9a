# emu has no firmware: -bios other than none is refused when the board is built (QEMU 7.2
# would load the file as firmware).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -bios fw.bin -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: -bios fw.bin: emu has no firmware; use -bios none (the -kernel image starts in M mode at its entry point)
