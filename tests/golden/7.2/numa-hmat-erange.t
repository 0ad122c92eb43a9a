# QEMU's numa-test /numa/pc/hmat/erange (spec 5.4) adapted to virt: latencies and bandwidths
# that the compressed HMAT entries cannot hold, a bandwidth of 0 (accepted, but not "provided"),
# and cache attributes before the bandwidth information.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=on --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M -numa node,nodeid=0,memdev=m0,cpus=0 -numa node,nodeid=1,memdev=m1,cpus=1
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":1,"hierarchy":"memory","data-type":"access-latency","latency":65535}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":1,"hierarchy":"memory","data-type":"access-latency","latency":65534}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":0}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":1,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":1048576}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":1,"target":1,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":68718428160}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":1,"target":0,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":34359738368}}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":1,"target":1,"hierarchy":"memory","data-type":"access-bandwidth","bandwidth":137438953472}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":1,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Latency 65535 between initiator=0 and target=1 should not differ from previously entered min or max values on more than 65534"}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "The latency and bandwidth information of node-id=0 should be provided before memory side cache attributes"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Bandwidth 68718428160 between initiator=1 and target=1 should not differ from previously entered values on more than 65534"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Bandwidth 137438953472 between initiator=1 and target=1 should not differ from previously entered values on more than 65534"}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
