# The same found by x-exit-preconfig: 7.2 builds the board inside the command, prints both
# lines without the program name (error_report in a monitor command) and exits 1 without a
# reply; 3.0 returns first, then fails in the main loop (with the prefix).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 --preconfig -kernel /nonexistent/kernel.elf
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
--- stderr
/nonexistent/kernel.elf: No such file or directory
could not load kernel '/nonexistent/kernel.elf'
