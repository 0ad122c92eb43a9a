# 3.0 has no -action option (spec 6.2: added in 6.0): emu refuses it like an unknown option.
# 3.0: expected output written from the spec, not from a QEMU run
# unsure: the exact message for a 7.2-only option in dialect 3.0 is emu's choice; QEMU 3.0 would say '-action: invalid option'
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -action reboot=shutdown
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -action: invalid option
