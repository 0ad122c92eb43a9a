# The README's main job: --preconfig with a bundled guest. query-status in preconfig (7.2
# prelaunch, 3.0 preconfig), x-exit-preconfig builds the board and starts the guest (7.2:
# RESUME then the return; 3.0: the return then RESUME), the guest prints and powers off on
# its own (test finisher): exit 0.
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 --preconfig -serial file:/dev/stderr -kernel @BUILD@/guest/demo.elf
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig","id":1}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
--- stderr
emu demo guest: hart 0 up, counting primes below 2000000
148933 primes; powering off
ok prime count
minstret 25988001
