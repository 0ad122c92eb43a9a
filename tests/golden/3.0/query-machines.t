# query-machines (spec 4.4: refused in preconfig). Output is emu's own: recorded by emu's first run
# (check_golden.py --update) and reviewed by hand.
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0
status: 0
qemu: skip QEMU lists its many riscv64 machines
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-machines","id":1}
{"execute":"quit"}
--- stdout
TODO-UPDATE
--- stderr
