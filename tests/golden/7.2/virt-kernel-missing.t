# A -kernel file that cannot be opened: the loader's line, then `could not load kernel`,
# exit 1 after the greeting (the board is built after the monitors).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -kernel /nonexistent/kernel.elf
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
/nonexistent/kernel.elf: No such file or directory
emu: could not load kernel '/nonexistent/kernel.elf'
