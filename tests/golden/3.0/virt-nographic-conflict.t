# -nographic without -nodefaults puts the virt board's serial port on stdio, which -qmp
# stdio already uses: the same error without the option prefix.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -display none -qmp stdio --dialect 3.0 -S -nographic -kernel @BUILD@/guest/hello.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
--- stderr
emu: cannot use stdio by multiple character devices
emu: could not connect serial device to character backend 'stdio'
