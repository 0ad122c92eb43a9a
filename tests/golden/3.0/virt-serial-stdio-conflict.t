# -serial stdio with -qmp stdio: QEMU opens the serial port after the monitors, so the
# greeting goes out, then the error, exit 1.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -serial stdio -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: -serial stdio: cannot use stdio by multiple character devices
emu: -serial stdio: could not connect serial device to character backend 'stdio'
