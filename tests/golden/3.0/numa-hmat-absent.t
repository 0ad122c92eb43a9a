# 3.0 had no HMAT (added in 5.0): hmat-lb and hmat-cache are not NumaOptionsType values, and a
# node has no initiator member.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -object memory-backend-ram,id=ram,size=128M
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"hmat-lb","initiator":0,"target":0,"hierarchy":"memory","data-type":"access-latency","latency":1}}
{"execute":"set-numa-node","arguments":{"type":"hmat-cache","node-id":0,"size":10240,"level":1,"associativity":"direct","policy":"write-back","line":8}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram","initiator":0}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"ram"}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'type' does not accept value 'hmat-lb'"}}
{"error": {"class": "GenericError", "desc": "Parameter 'type' does not accept value 'hmat-cache'"}}
{"error": {"class": "GenericError", "desc": "Parameter 'initiator' is unexpected"}}
{"return": {}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "RESUME"}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
