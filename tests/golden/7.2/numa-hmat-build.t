# QEMU's numa-test /numa/pc/hmat/build (spec 5.4) adapted to virt (-machine hmat=on): every
# hmat-lb and hmat-cache check (initiator/target range, initiator without CPUs, data-type
# mismatch, 1 MiB alignment, duplicates, cache node, level and size order), the successful
# configuration, and leaving preconfig. virt needs CPUs in every node (one socket per node),
# so node 1 gets its hart last, after the checks that need it CPU-less.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=on --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,nodeid=0,memdev=m0 -numa node,nodeid=1,memdev=m1 -numa cpu,node-id=0,core-id=0
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":3,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":3,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":1,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":2,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"write-latency","bandwidth":524288000}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"read-bandwidth","latency":5}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":1048575}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":68717379584}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":68717379584}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":1,"hierarchy":"memory","data-type":"access-latency","latency":65534}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":1,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":34358689792}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":2,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":4,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":0,"associativity":"direct","policy":"none","line":0}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":2,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":2,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":20480,"level":2,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":40960,"level":3,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":30000,"level":3,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":1,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":1,"core-id":1}}
{"execute":"x-exit-preconfig"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Invalid initiator=3, it should be less than 2"}}
{"error": {"class": "GenericError", "desc": "Invalid target=3, it should be less than 2"}}
{"error": {"class": "GenericError", "desc": "Invalid initiator=1, it isn't an initiator proximity domain"}}
{"error": {"class": "GenericError", "desc": "Invalid initiator=2, it isn't an initiator proximity domain"}}
{"error": {"class": "GenericError", "desc": "Missing 'latency' option"}}
{"error": {"class": "GenericError", "desc": "Missing 'bandwidth' option"}}
{"error": {"class": "GenericError", "desc": "Bandwidth 1048575 between initiator=0 and target=0 should be 1MB aligned"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate configuration of the latency for initiator=0 and target=0"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate configuration of the bandwidth for initiator=0 and target=0"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=2, it should be less than 2"}}
{"error": {"class": "GenericError", "desc": "Invalid level=4, it should be larger than 0 and less than or equal to 3"}}
{"error": {"class": "GenericError", "desc": "Invalid level=0, it should be larger than 0 and less than or equal to 3"}}
{"error": {"class": "GenericError", "desc": "Cache level=1 shall be defined first"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate configuration of the side cache for node-id=0 and level=1"}}
{"error": {"class": "GenericError", "desc": "Invalid size=10240, the size of level=2 should be larger than the size(10240) of level=1"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate configuration of the side cache for node-id=0 and level=3"}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0, "node-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"thread-id": 1, "props": {"core-id": 1, "node-id": 1}, "qom-path": "/machine/soc1/harts[0]", "cpu-index": 1, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
