# An unknown option is a CLI error: '<argv0>: -foo: invalid option', exit 1.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -foo
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -foo: invalid option
