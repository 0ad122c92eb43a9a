# A guest powers off through the test finisher (0x5555) after -S and cont: the guest runs
# (its serial output on stderr), then emu exits at once with status 0 and no SHUTDOWN event,
# as QEMU 7.2 does (its sifive_test device calls exit(0)) (spec 6.2 guest shutdown row does
# not apply to this device).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -serial file:/dev/stderr -kernel @BUILD@/guest/poweroff.elf
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"cont","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
--- stderr
spinning
powering off
minstret 25000201
