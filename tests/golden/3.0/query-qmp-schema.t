# query-qmp-schema (spec 4.4: allowed in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip QEMU's schema describes QEMU's commands
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-qmp-schema","id":1}
{"execute":"quit"}
--- stdout
TODO-UPDATE
--- stderr
