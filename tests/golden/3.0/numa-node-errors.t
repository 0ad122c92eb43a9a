# set-numa-node type=node checks (spec 4.6), QEMU 7.2's order and messages: node-id range,
# duplicate, unknown memdev, CPU index against maxcpus (the CPUs listed before the bad one stay
# mapped), initiator without hmat=on.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 4 -m 128M -object memory-backend-ram,id=m0,size=128M
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":128}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"memdev":"nope"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":1,"cpus":[1,4]}}
{"execute":"set-numa-node","arguments":{"type":"cpu","node-id":0,"core-id":1}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":2,"initiator":0}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Max number of NUMA nodes reached: 128"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 0"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 1"}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 1"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'initiator' is unexpected"}}
{"return": {}}
--- stderr
emu: total memory for NUMA nodes (0x10000000) should equal RAM size (0x8000000)
