# The whole preconfig NUMA workflow (issue 6): ask the board for its possible CPUs,
# configure nodes, memory, CPU mapping and distances over QMP, leave preconfig, and see the
# CPUs with node-id and per-socket QOM paths (/machine/soc<node>/harts[<index in node>]).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: skip QEMU 7.2's riscv virt answers query-hotpluggable-cpus with 'not enabled'
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-hotpluggable-cpus","id":"pre"}
{"execute":"query-memdev"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":3}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":20}}
{"execute":"query-hotpluggable-cpus","id":"mapped"}
{"execute":"x-exit-preconfig"}
{"execute":"query-hotpluggable-cpus","id":"built"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"props": {"core-id": 3}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}], "id": "pre"}
{"return": [{"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m1"}, {"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m0"}]}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": [{"props": {"core-id": 3, "node-id": 1}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2, "node-id": 1}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1, "node-id": 0}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0, "node-id": 0}, "vcpus-count": 1, "type": "rv64-riscv-cpu"}], "id": "mapped"}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"props": {"core-id": 3, "node-id": 1}, "vcpus-count": 1, "qom-path": "/machine/soc1/harts[1]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 2, "node-id": 1}, "vcpus-count": 1, "qom-path": "/machine/soc1/harts[0]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 1, "node-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc0/harts[1]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0, "node-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc0/harts[0]", "type": "rv64-riscv-cpu"}], "id": "built"}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 0}, "qom-path": "/machine/soc0/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"thread-id": 2, "props": {"core-id": 2, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 2, "target": "riscv64"}, {"thread-id": 3, "props": {"core-id": 3, "node-id": 1}, "qom-path": "/machine/soc1/harts[1]", "cpu-index": 3, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
