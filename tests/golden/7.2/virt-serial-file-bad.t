# A -serial file that cannot be created: the error follows the greeting, exit 1.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -serial file:/nonexistent/dir/serial.log -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip QEMU may or may not flush its greeting before this start-up error (racy)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -serial file:/nonexistent/dir/serial.log: Could not open '/nonexistent/dir/serial.log': No such file or directory
emu: -serial file:/nonexistent/dir/serial.log: could not connect serial device to character backend 'file:/nonexistent/dir/serial.log'
