# -no-reboot: a guest reset becomes SHUTDOWN (guest, guest-reset) and emu exits 0
# (spec 6.2, scenario 7.9).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -no-reboot -serial null -kernel @BUILD@/guest/reset.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": true}}
--- stderr
