# -serial stdio with -qmp stdio: QEMU opens the serial port after the monitors, so the
# greeting goes out, then the error, exit 1.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -serial stdio -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip QEMU may or may not flush its greeting before this start-up error (racy)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
--- stderr
emu: -serial stdio: cannot use stdio by multiple character devices
emu: -serial stdio: could not connect serial device to character backend 'stdio'
