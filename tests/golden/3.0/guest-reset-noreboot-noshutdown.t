# -no-reboot -no-shutdown: a guest reset gives SHUTDOWN (guest-reset), STOP, state shutdown;
# cont needs a reset; stop is a no-op; system_reset is a shutdown too (only SHUTDOWN, the VM
# is not running); quit exits (spec 6.2, scenario 7.9). Compared by hand with QEMU 7.2 fed
# the same lines after a pause.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -no-reboot -no-shutdown -serial file:/dev/stderr -kernel @BUILD@/guest/reset.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"cont","id":1}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"stop","id":3}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}, "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": true}}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "STOP"}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"id": 2, "error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}
{"return": {}, "id": 3}
{"return": {}, "id": 4}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": false}}
{"return": {"status": "shutdown", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 500}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
boot 0
resetting
