# -machine hmat= takes on or off.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M virt,hmat=maybe
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Parameter 'hmat' expects 'on' or 'off'
