# A malformed -uuid is a CLI error, exit 1, no greeting.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -uuid bad
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -uuid bad: failed to parse UUID string: wrong format
