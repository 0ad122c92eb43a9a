# query-machines (spec 4.4: refused in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: skip QEMU lists its many riscv64 machines
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-machines","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"hotpluggable-cpus": false, "name": "none", "numa-mem-supported": false, "cpu-max": 1, "deprecated": false, "default-ram-id": "ram"}, {"hotpluggable-cpus": false, "name": "virt", "numa-mem-supported": true, "default-cpu-type": "rv64-riscv-cpu", "cpu-max": 8, "deprecated": false, "default-ram-id": "riscv_virt_board.ram"}], "id": 1}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
