# query-commands (spec 4.4: allowed in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: skip QEMU lists its own ~200 commands
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-commands","id":1}
{"execute":"quit"}
--- stdout
TODO-UPDATE
--- stderr
