# A guest resets through the test finisher (0x7777): RESET (guest, guest-reset), the board
# restarts from the reset vector, the second boot powers off (spec 6.2 guest reset row).
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 -S -serial null -kernel @BUILD@/guest/reset.elf
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
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "RESET", "data": {"guest": true, "reason": "guest-reset"}}
--- stderr
