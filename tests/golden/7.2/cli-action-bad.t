# -action with an unknown key or value is a CLI error (7.2 only).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -action bogus=x
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -action bogus=x: Invalid parameter 'bogus'
