#!/usr/bin/env python3
"""Differential test of emu's CPU and virt board against QEMU 7.2.

Runs every guest program BUILDDIR/guest/<name>.elf under
  qemu-system-riscv64 -M virt -bios none -display none -monitor none \
      -serial file:/dev/stdout -icount shift=0,sleep=off \
      -rtc base=2000-01-01T00:00:00,clock=vm -kernel X
and under BUILDDIR/guest/runguest, and requires identical serial output (including each
guest's closing `minstret N` line, so instruction counts must match exactly) and the same exit
status. `sleep=off` is needed: with QEMU's default sleep=on, idle time follows the host clock
and QEMU's own counts differ run to run. Guests listed in CONFIGS run with extra options (-smp,
-numa, -object) under BUILDDIR/emu itself and QEMU, and must print the same report (numa_topo:
the topology it reads from the device tree at a1). Prints `N passed, N failed` and exits non-zero on failure.
It must never pass a guest it could not run.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The serial port's host side is an output-only file: with -nographic, QEMU's UART took its
# input from stdio, and one CI run saw a received byte (LSR.DR set from the first instruction)
# although stdin was /dev/null. Output-only keeps the guest's view independent of the host.
QEMU = ["qemu-system-riscv64", "-M", "virt", "-bios", "none", "-display", "none",
        "-monitor", "none", "-serial", "file:/dev/stdout",
        "-rtc", "base=2000-01-01T00:00:00,clock=vm"]
ICOUNT = ["-icount", "shift=0,sleep=off"]

# name -> options. smp: harts; icount: run QEMU with -icount (QEMU 7.2 does not finish SMP
# guests that idle in WFI under -icount here, so the SMP guest runs without it and its minstret
# line, which depends on how harts interleave, is not compared).
GUESTS = {
    "hello": {},
    "isa": {},
    "traps": {},
    "timer": {},
    "sirq": {},
    "plic_uart": {},
    "devices": {},
    "vm": {},
    "selfmod": {},
    "htif": {},
    "smp": {"smp": 4, "icount": False, "mask_minstret": True},
    "bench_crc": {},
    "bench_sieve": {},
    "bench_mmio": {},
}
# Guests run with extra options on both sides, under BUILDDIR/emu itself (the in-process runner
# knows no -numa): label -> (guest, options). They print what they find in the device tree and
# no minstret line (QEMU's tree is not emu's, so the instructions spent walking it differ).
# Multi-hart runs go without -icount, as the smp guest does.
MEM = "memory-backend-ram,id=m{},size={}"
CONFIGS = {
    "numa_topo": ("numa_topo", []),
    "numa_topo-smp4": ("numa_topo", ["-smp", "4"]),
    "numa_topo-2nodes": ("numa_topo", [
        "-smp", "4", "-m", "256M", "-object", MEM.format(0, "128M"),
        "-object", MEM.format(1, "128M"), "-numa", "node,nodeid=0,cpus=0-1,memdev=m0",
        "-numa", "node,nodeid=1,cpus=2-3,memdev=m1"]),
    "numa_topo-distances": ("numa_topo", [
        "-smp", "2", "-m", "192M", "-object", MEM.format(0, "64M"),
        "-object", MEM.format(1, "128M"), "-numa", "node,nodeid=0,cpus=0,memdev=m0",
        "-numa", "node,nodeid=1,cpus=1,memdev=m1", "-numa", "dist,src=0,dst=1,val=25",
        "-numa", "dist,src=1,dst=0,val=35"]),
    "numa_topo-default-placement": ("numa_topo", [
        "-smp", "4", "-m", "256M", "-object", MEM.format(0, "128M"),
        "-object", MEM.format(1, "128M"), "-numa", "node,memdev=m0", "-numa", "node,memdev=m1"]),
}
CONFIG_GUESTS = {guest for guest, _ in CONFIGS.values()}
EMU = ["-M", "virt", "-bios", "none", "-nodefaults", "-display", "none",
       "-serial", "file:/dev/stdout"]

# Guests of emu-only devices (the emu test device), checked by tests/test_cpu and the golden
# transcripts instead, and guests that need input or never end (tests/check_process.py).
EMU_ONLY = {"testdev", "panic", "shutdown", "suspend", "idle", "idle_timer", "echo"}

MINSTRET = re.compile(rb"^minstret \d+$", re.M)


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, cwd=ROOT)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""
    except OSError as e:
        return f"cannot run: {e}", b"", b""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--builddir", default="build")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("only", nargs="*", help="run only these guests")
    args = ap.parse_args()
    gdir = os.path.join(ROOT, args.builddir, "guest")
    runner = os.path.join(gdir, "runguest")
    present = sorted(n[:-4] for n in os.listdir(gdir) if n.endswith(".elf")) \
        if os.path.isdir(gdir) else []
    names = sorted(set(GUESTS) | (set(present) - EMU_ONLY - CONFIG_GUESTS)) + list(CONFIGS)
    if args.only:
        names = [n for n in names if n in args.only]
    passed = failed = 0
    for name in names:
        guest, extra = CONFIGS.get(name, (name, None))
        opts = GUESTS.get(name, {})
        elf = os.path.join(gdir, guest + ".elf")
        if not os.path.exists(elf) or not os.path.exists(runner):
            print(f"FAIL {name}: {elf} or the runner is missing (build the `all` target)")
            failed += 1
            continue
        smp = opts.get("smp", 1)
        qcmd = QEMU + (ICOUNT if opts.get("icount", True) else []) + \
            (["-smp", str(smp)] if smp > 1 else []) + ["-kernel", elf]
        ecmd = [runner] + (["-smp", str(smp)] if smp > 1 else []) + [elf]
        if extra is not None:
            multi = "-smp" in extra and extra[extra.index("-smp") + 1] != "1"
            qcmd = QEMU + ([] if multi else ICOUNT) + extra + ["-kernel", elf]
            ecmd = [os.path.join(ROOT, args.builddir, "emu")] + EMU + extra + ["-kernel", elf]
            opts = {"no_minstret": True}
        qrc, qout, qerr = run(qcmd, args.timeout)
        erc, eout, eerr = run(ecmd, args.timeout)
        if opts.get("mask_minstret"):
            qout = MINSTRET.sub(b"minstret (not compared)", qout)
            eout = MINSTRET.sub(b"minstret (not compared)", eout)
        problems = []
        if opts.get("no_minstret"):
            if not eout.endswith(b"end of topology\n"):
                problems.append("the guest did not finish its report")
        elif not MINSTRET.search(eout) and not opts.get("mask_minstret"):
            problems.append("no minstret line")
        if qout != eout:
            ql, el = qout.splitlines(), eout.splitlines()
            for i in range(max(len(ql), len(el))):
                a = ql[i] if i < len(ql) else b"<end>"
                b = el[i] if i < len(el) else b"<end>"
                if a != b:
                    problems.append(f"line {i + 1}: qemu {a!r} emu {b!r}")
                    break
        if qrc != erc:
            problems.append(f"exit qemu {qrc} emu {erc} {qerr[-200:]!r} {eerr[-200:]!r}")
        if problems:
            print(f"FAIL {name}: " + "; ".join(problems))
            failed += 1
        else:
            last = eout.strip().splitlines()[-1].decode("utf-8", "replace") if eout.strip() else ""
            print(f"ok {name} ({last})")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
