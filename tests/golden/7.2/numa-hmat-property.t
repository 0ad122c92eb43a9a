# -machine hmat= exists on boards with NUMA (virt), not on none; its value is on or off.
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -M none,hmat=on
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: Property 'none-machine.hmat' not found
