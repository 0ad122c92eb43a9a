# A -kernel file that cannot be opened: the loader's line, then `could not load kernel`,
# exit 1 after the greeting (the board is built after the monitors).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -kernel /nonexistent/kernel.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
/nonexistent/kernel.elf: No such file or directory
emu: could not load kernel '/nonexistent/kernel.elf'
