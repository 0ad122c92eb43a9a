# Nodes with mem= (QEMU 7.2's riscv virt supports it: numa-mem-supported): each prints
# the deprecation warning (no program name inside a command), and the board builds.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","mem":67108864}}
{"execute":"set-numa-node","arguments":{"type":"node","mem":67108864}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 1, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
