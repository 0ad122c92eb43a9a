# -no-shutdown does not keep emu alive when the guest writes the test finisher: QEMU 7.2's
# device exits the process directly, bypassing the shutdown action.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -no-shutdown -serial file:/dev/stderr -kernel @BUILD@/guest/poweroff.elf
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
--- stderr
spinning
powering off
minstret 25000201
