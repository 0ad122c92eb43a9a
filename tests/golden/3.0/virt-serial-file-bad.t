# A -serial file that cannot be created: the error follows the greeting, exit 1.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -serial file:/nonexistent/dir/serial.log -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: -serial file:/nonexistent/dir/serial.log: Could not open '/nonexistent/dir/serial.log': No such file or directory
emu: -serial file:/nonexistent/dir/serial.log: could not connect serial device to character backend 'file:/nonexistent/dir/serial.log'
