# Two memory backends with one id.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -object memory-backend-ram,id=m0,size=1M -object memory-backend-ram,id=m0,size=2M
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -object memory-backend-ram,id=m0,size=2M: Duplicate ID 'm0' for object
