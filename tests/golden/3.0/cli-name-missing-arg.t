# An option missing its argument: '<argv0>: -name: requires an argument', exit 1.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 -name
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -name: requires an argument
