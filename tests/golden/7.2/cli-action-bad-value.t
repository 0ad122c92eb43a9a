# -action with an unknown value is a CLI error (7.2 only).
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 -action reboot=bogus
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: -action reboot=bogus: Parameter 'reboot' does not accept value 'bogus'
