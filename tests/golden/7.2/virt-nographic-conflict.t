# -nographic without -nodefaults puts the virt board's serial port on stdio, which -qmp
# stdio already uses: the same error without the option prefix.
args: -M virt -bios none -display none -qmp stdio --dialect 7.2 -S -nographic -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip QEMU may or may not flush its greeting before this start-up error (racy)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: cannot use stdio by multiple character devices
emu: could not connect serial device to character backend 'stdio'
