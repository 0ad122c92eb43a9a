# dumpdtb with --preconfig: the tree is written when x-exit-preconfig builds the board, inside
# the command (7.2): the info line without the program name, exit 0, no reply.
args: -M virt,dumpdtb=/dev/null -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 7.2 --preconfig
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status"}
{"execute":"x-exit-preconfig","id":1}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
--- stderr
info: dtb dumped to /dev/null. Exiting.
