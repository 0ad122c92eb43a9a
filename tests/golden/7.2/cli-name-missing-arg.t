# An option missing its argument: '<argv0>: -name: requires an argument', exit 1.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -name
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -name: requires an argument
