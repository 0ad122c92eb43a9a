# A guest suspends (emu test device): SUSPEND, state suspended; cont is a no-op there;
# system_wakeup: WAKEUP, running (7.2 before the return, 3.0 after), the guest goes on after
# its suspend and powers off. Before the suspend, system_wakeup is refused (7.2) or silently
# nothing (3.0).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -serial file:/dev/stderr -kernel @BUILD@/guest/suspend.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"system_wakeup","id":1}
{"execute":"cont","id":2}
{"execute":"query-status"}
{"execute":"cont","id":3}
{"execute":"query-status"}
{"execute":"system_wakeup","id":4}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 2}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SUSPEND"}
{"return": {"status": "suspended", "singlestep": false, "running": false}}
{"return": {}, "id": 3}
{"return": {"status": "suspended", "singlestep": false, "running": false}}
{"return": {}, "id": 4}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "WAKEUP"}
--- stderr
suspending
woken up
minstret 185
