# --preconfig with -incoming other than defer is a CLI error, exit 1, no greeting (spec 4.7,
# scenario 7.11): 7.2 "'preconfig' supports '-incoming defer' only", 3.0 "'preconfig' and
# 'incoming' options are mutually exclusive".
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2 --preconfig -incoming tcp:127.0.0.1:4444
status: 1
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"quit"}
--- stdout
--- stderr
emu: 'preconfig' supports '-incoming defer' only
