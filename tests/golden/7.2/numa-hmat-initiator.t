# node initiator= with hmat=on: an initiator node must map its CPUs to itself ("should be
# itself"; the CPU stays mapped), an id of 128 or more is printed on stderr and the call
# succeeds without creating the node (QEMU 7.2's error_report without an error).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=on --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0","initiator":200}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1","initiator":0,"cpus":[1]}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0","initiator":0}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":0}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1","cpus":[1]}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "The initiator of CPU NUMA node 1 should be itself (got 0)"}}
{"return": {}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 1, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
The initiator id 200 expects an integer between 0 and 127
