# query-hotpluggable-cpus on -M virt: every possible hart (-smp maxcpus), highest slot first;
# in preconfig without qom-path, after x-exit-preconfig with qom-path for the present harts.
# QEMU 7.2's riscv virt answers "not enabled"; emu answers as QEMU's pc machine does because
# the preconfig NUMA workflow needs the possible CPUs (README: differences).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S --preconfig -smp 2,maxcpus=4 -kernel @BUILD@/guest/hello.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-hotpluggable-cpus","id":"pre"}
{"execute":"x-exit-preconfig"}
{"execute":"query-hotpluggable-cpus","id":"post"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"props": {"core-id": 3}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}], "id": "pre"}
{"return": {}}
{"return": [{"props": {"core-id": 3}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[1]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[0]", "type": "rv64-riscv-cpu"}], "id": "post"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
