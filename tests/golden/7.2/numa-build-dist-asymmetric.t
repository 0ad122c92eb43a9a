# An asymmetric distance table (0->1 != 1->0) must give both directions of every pair.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -smp 3 -m 96M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"mem":33554432}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"mem":33554432}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":2,"mem":33554432}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":1,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":1,"dst":0,"val":30}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":1,"dst":2,"val":20}}
{"execute":"set-numa-node","arguments":{"type":"dist","src":0,"dst":2,"val":20}}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
{"return": {}}
--- stderr
warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
warning: Parameter -numa node,mem is deprecated, use -numa node,memdev instead
At least one asymmetrical pair of distances is given, please provide distances for both directions of all node pairs.
