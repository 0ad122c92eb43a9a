# query-commands in preconfig and after x-exit-preconfig (spec 4.4: allowed in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig
status: 0
qemu: skip QEMU lists its own ~200 commands
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-commands","id":1}
{"execute":"x-exit-preconfig"}
{"execute":"query-commands","id":2}
{"execute":"quit"}
--- stdout
TODO-UPDATE
--- stderr
