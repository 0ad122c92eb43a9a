# dumpdtb with --preconfig in 3.0: x-exit-preconfig returns, then the main loop builds the
# board, writes the tree and exits 0 (the info line with the program name, outside a command).
args: -M virt,dumpdtb=/dev/null -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --preconfig
status: 0
qemu: skip 3.0 dialect
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"query-status"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": {}, "id": 1}
--- stderr
emu: info: dtb dumped to /dev/null. Exiting.
