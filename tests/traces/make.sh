#!/bin/sh
# Writes the committed trace corpus (tests/traces/*.mp) with build/emu: a few small QMP
# sessions and guest runs; a trace already committed is kept as it is, since each guards the
# format it was written in. The corpus is a regression guard: tests/check_replay.py replays
# every trace on every build, so a change to the format or to emu's determinism shows. To
# replace one (only when a change is meant to break old traces; say so in the commit), delete
# it first.
# It must never embed a large image or a path of this machine (runs happen in a temp dir).
set -e
here=$(cd "$(dirname "$0")" && pwd)
emu=$(cd "$here/../.." && pwd)/${EMU_BUILDDIR:-build}/emu
guest=$(cd "$here/../.." && pwd)/${EMU_BUILDDIR:-build}/guest
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
# argv[0] goes into the header: run emu by name, never by a path of this machine
PATH=$(dirname "$emu"):$PATH
emu=emu
printf '%s\n' '{"execute":"qmp_capabilities"}' '{"execute":"query-status"}' \
    '{"execute":"stop"}' '{"execute":"query-status"}' '{"execute":"cont"}' '{"execute":"quit"}' |
    "$emu" --record qmp-runstate.mp -M none -qmp stdio >/dev/null
printf '%s\n' '{"execute":"qmp_capabilities"}' '{"execute":"query-status"}' \
    '{"execute":"query-commands"}' '{"execute":"x-exit-preconfig"}' '{"execute":"query-status"}' \
    '{"execute":"quit"}' |
    "$emu" --record qmp-preconfig-7.2.mp --dialect 7.2 -M none --preconfig -qmp stdio >/dev/null
cp "$guest/hello.elf" hello.elf
printf '%s\n' '{"execute":"qmp_capabilities"}' '{"execute":"cont"}' '{"execute":"query-status"}' |
    EMU_RECORD_DIGEST_INTERVAL=100 "$emu" --record guest-hello.mp -M virt -bios none \
        -nodefaults -S -qmp stdio -serial null -kernel hello.elf >/dev/null
# Inputs with idle_ns and digests with sub-checkpoints and registers (added later; the traces
# above predate them and must still replay): the sleep guest stopped and continued while it
# waits, so a held request comes at the same count after a 10 s idle jump.
cp "$guest/sleep.elf" sleep.elf
printf '%s\n' '{"execute":"qmp_capabilities"}' '{"execute":"cont"}' '{"execute":"stop"}' \
    '{"execute":"cont"}' '{"execute":"stop"}' '{"execute":"cont"}' |
    EMU_RECORD_DIGEST_INTERVAL=32 "$emu" --record guest-idle-jump.mp -M virt -bios none \
        -nodefaults -S -qmp stdio -serial null -kernel sleep.elf >/dev/null
# Digests with the RAM write log (added later still): the timer guest, whose interrupt handler
# and main loop store to RAM between every two digests.
cp "$guest/timer.elf" timer.elf
EMU_RECORD_DIGEST_INTERVAL=500 "$emu" --record guest-ram-log.mp -M virt -bios none -nodefaults \
    -serial null -kernel timer.elf </dev/null >/dev/null
# ... and with the device state in parts (added next): the PLIC and UART guest.
cp "$guest/plic_uart.elf" plic_uart.elf
EMU_RECORD_DIGEST_INTERVAL=500 "$emu" --record guest-devices.mp -M virt -bios none -nodefaults \
    -serial null -kernel plic_uart.elf </dev/null >/dev/null
mkdir -p "$here"
# Never overwrite a committed trace: each guards the format it was written in.
for t in qmp-runstate.mp qmp-preconfig-7.2.mp guest-hello.mp guest-idle-jump.mp \
    guest-ram-log.mp guest-devices.mp; do
    [ -e "$here/$t" ] || cp "$t" "$here/"
done
for t in "$here"/*.mp; do "$emu" --replay "$t"; done
