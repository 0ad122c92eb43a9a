# type=cpu with a node-id outside QEMU's node table: emu answers as for an undeclared node.
# QEMU 7.2 indexes its table unchecked (node-id 200 maps the CPU to a node that does not exist).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: skip QEMU 7.2 reads outside its node table for node-id 200 or -1 (undefined behaviour)
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":200,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":-1,"core-id":1}}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=200, NUMA node must be defined with -numa node,nodeid=ID before it's used with -numa cpu,node-id=ID"}}
{"error": {"class": "GenericError", "desc": "Invalid node-id=-1, NUMA node must be defined with -numa node,nodeid=ID before it's used with -numa cpu,node-id=ID"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
