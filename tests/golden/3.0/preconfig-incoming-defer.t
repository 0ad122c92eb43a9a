# --preconfig with -incoming defer (spec 4.7, scenario 7.11): 7.2 accepts it, status
# inmigrate, x-exit-preconfig does not start the VM, cont/stop only toggle autostart;
# 3.0 refuses the combination on the command line.
# 3.0: expected output written from the spec, not from a QEMU run
args: -M none -nodefaults -display none -qmp stdio --dialect 3.0 --preconfig -incoming defer
status: 1
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"cont","id":1}
{"execute":"x-exit-preconfig"}
{"execute":"query-status"}
{"execute":"cont","id":2}
{"execute":"query-status"}
{"execute":"stop","id":3}
{"execute":"system_reset","id":4}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
--- stderr
emu: 'preconfig' and 'incoming' options are mutually exclusive
