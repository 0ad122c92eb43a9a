# The NUMA workflow without query-hotpluggable-cpus, byte for byte as QEMU 7.2 runs it:
# memdev nodes, CPU mapping by core-id, a distance, x-exit-preconfig, query-cpus-fast.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-memdev"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":2}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":3}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":20}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"query-memdev"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m1"}, {"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m0"}]}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}, {"arch": "riscv", "thread-id": 2, "qom-path": "/machine/soc/harts[2]", "cpu-index": 2, "target": "riscv64"}, {"arch": "riscv", "thread-id": 3, "qom-path": "/machine/soc/harts[3]", "cpu-index": 3, "target": "riscv64"}]}
{"return": [{"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m1"}, {"share": false, "reserve": true, "prealloc": false, "host-nodes": [], "size": 67108864, "merge": true, "dump": true, "policy": "default", "id": "m0"}]}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
