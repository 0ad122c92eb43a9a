# The same found by x-exit-preconfig: 7.2 builds the board inside the command, prints both
# lines without the program name (error_report in a monitor command) and exits 1 without a
# reply; 3.0 returns first, then fails in the main loop (with the prefix).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 --preconfig -kernel /nonexistent/kernel.elf
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {"status": "preconfig", "singlestep": false, "running": false}}
{"return": {}, "id": 1}
--- stderr
/nonexistent/kernel.elf: No such file or directory
emu: could not load kernel '/nonexistent/kernel.elf'
