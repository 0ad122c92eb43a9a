# -smp 0: 7.2's deprecation warning, then the defaults (one hart).
args: -M virt -bios none -nodefaults -display none -qmp stdio --dialect 7.2 -S -smp 0
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-cpus-fast"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"return": [{"thread-id": 0, "props": {"core-id": 0}, "qom-path": "/machine/soc0/harts[0]", "cpu-index": 0, "target": "riscv64"}]}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
emu: warning: Deprecated CPU topology (considered invalid): CPU topology parameters must be greater than zero
