# QEMU's numa-test /numa/pc/dynamic/cpu (spec 5.4) adapted to virt: its CPUs have core-id
# only, so the mapping is by core-id (socket-id is refused on virt). Node 0 gets all RAM through
# memdev 'ram', node 1 none; core 1 -> node 0, core 0 -> node 1; after x-exit-preconfig
# query-hotpluggable-cpus shows the mapping and each hart's socket path.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -object memory-backend-ram,id=ram,size=128M
status: 0
qemu: skip QEMU 7.2's riscv virt has no query-hotpluggable-cpus, and segfaults building a socket 0 that does not start at hart 0
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":0}}
{"execute":"x-exit-preconfig"}
{"execute":"query-hotpluggable-cpus"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"props": {"core-id": 1, "node-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc0/harts[0]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0, "node-id": 1}, "vcpus-count": 1, "qom-path": "/machine/soc1/harts[0]", "type": "rv64-riscv-cpu"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
