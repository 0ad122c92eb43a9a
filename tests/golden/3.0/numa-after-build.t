# set-numa-node once the board exists (spec 4.5): refused, whatever its arguments say.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -m 128M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0}}
{"execute":"set-numa-node","id":"after"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"error": {"class": "GenericError", "desc": "The command is permitted only in 'preconfig' state"}}
{"id": "after", "error": {"class": "GenericError", "desc": "Parameter 'type' is missing"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
