# -object memory-backend-ram without size: refused before the monitors exist (no greeting).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -object memory-backend-ram,id=m0
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -object memory-backend-ram,id=m0: Parameter 'size' is missing
