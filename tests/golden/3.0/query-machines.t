# query-machines (spec 4.4: refused in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip QEMU lists its many riscv64 machines
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-machines","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"hotpluggable-cpus": false, "name": "none", "cpu-max": 1}, {"hotpluggable-cpus": false, "name": "virt", "cpu-max": 8}], "id": 1}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
