# set-numa-node type=dist checks (spec 4.6): src/dst range, undeclared node, value below 10,
# local distance other than 10; then a valid table and the board builds.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M -object memory-backend-ram,id=m1,size=64M
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"m1"}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":128,"dst":0,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":200,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":2,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":9}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":1,"dst":1,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":1,"dst":1,"val":10}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":30}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Source/Destination NUMA node is missing. Please use '-numa node' option to declare it first."}}
{"return": {}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'src' expects an integer between 0 and 127"}}
{"error": {"class": "GenericError", "desc": "Parameter 'dst' expects an integer between 0 and 127"}}
{"error": {"class": "GenericError", "desc": "Source/Destination NUMA node is missing. Please use '-numa node' option to declare it first."}}
{"error": {"class": "GenericError", "desc": "NUMA distance (9) is invalid, it shouldn't be less than 10."}}
{"error": {"class": "GenericError", "desc": "Local distance of node 1 should be 10."}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
