# mem= and memdev= mixed (spec 4.6): 7.2 refuses either once the other was seen, and a
# failed call still counts as seen (the unknown memdev makes mem= fail, and that mem= makes
# the next memdev= fail).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's riscv virt had no NUMA; its generic checks (hw/core/numa.c, machine.c) and riscv's later board rules are assumed
# unsure: 3.0 has no mem= deprecation warning and splits RAM among nodes given none (spec 4.6)
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -smp 2 -m 128M -object memory-backend-ram,id=m0,size=64M
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"nope"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"mem":67108864}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"memdev":"m0"}}
{"execute":"set-numa-node","arguments":{"type":"node","nodeid":0,"mem":67108864,"memdev":"m0"}}
{"execute":"x-exit-preconfig"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "memdev=nope is ambiguous"}}
{"error": {"class": "GenericError", "desc": "memdev option must be specified for either all or no nodes"}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Duplicate NUMA nodeid: 0"}}
{"return": {}}
--- stderr
emu: total memory for NUMA nodes (0x4000000) should equal RAM size (0x8000000)
