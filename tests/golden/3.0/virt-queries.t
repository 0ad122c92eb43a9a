# -M virt -smp 2 before the guest starts: query-cpus-fast lists the harts (7.2: props
# core-id, target; 3.0: arch riscv; thread-id is the hart index, QEMU's is a host thread
# id), query-hotpluggable-cpus is refused, system_wakeup in prelaunch: emu's test device can
# suspend, so emu's virt supports wake-up (QEMU 7.2 says it is not supported).
# 3.0: expected output from emu, reviewed against the spec (no QEMU 3.0 run)
args: -M virt -bios none -nodefaults -display none -icount shift=0,sleep=off -qmp stdio --dialect 3.0 -S -smp 2 -kernel @BUILD@/guest/hello.elf
status: 0
qemu: skip 3.0 dialect: no QEMU 3.0 to compare with
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-cpus-fast","id":1}
{"execute":"query-hotpluggable-cpus","id":2}
{"execute":"system_wakeup","id":3}
{"execute":"query-status"}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 0, "major": 3}, "package": "emu 0.1.0"}, "capabilities": []}}
{"return": {}}
{"return": [{"arch": "riscv", "thread-id": 0, "qom-path": "/machine/soc/harts[0]", "cpu-index": 0, "target": "riscv64"}, {"arch": "riscv", "thread-id": 1, "qom-path": "/machine/soc/harts[1]", "cpu-index": 1, "target": "riscv64"}], "id": 1}
{"return": [{"props": {"core-id": 1}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[1]", "type": "rv64-riscv-cpu"}, {"props": {"core-id": 0}, "vcpus-count": 1, "qom-path": "/machine/soc/harts[0]", "type": "rv64-riscv-cpu"}], "id": 2}
{"return": {}, "id": 3}
{"return": {"status": "prelaunch", "singlestep": false, "running": false}}
{"return": {}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false}}
--- stderr
