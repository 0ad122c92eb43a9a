# -smp with cpus below maxcpus and a topology whose product is maxcpus: 3 harts built (sockets on virt are not NUMA sockets: one /machine/soc0).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 3,maxcpus=4,cores=2,sockets=2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1}, "qom-path": "/machine/soc0/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"thread-id": 2, "props": {"core-id": 2}, "qom-path": "/machine/soc0/harts[2]", "cpu-index": 2, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
