# 3.0's machines had no hmat property (HMAT came in 5.0): -machine hmat= is an unknown property.
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
# unsure: QEMU 3.0's wording for an unknown -machine property is assumed to be 7.2's
args: -M virt,hmat=on -bios none -nodefaults -display none -qmp stdio --dialect 3.0 -S
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Property 'virt-machine.hmat' not found
