#!/usr/bin/env python3
"""Guest CPU benchmarks: MIPS of emu's interpreter on the bench_* guest programs, next to QEMU
7.2 -icount shift=0 on the same ELF. For bench/run.py: rows(builddir) -> list of dicts.

emu's figure comes from runguest -stats (guest instructions / host seconds of the run loop).
QEMU's is the guest's own minstret over QEMU's wall time minus the wall time of the `hello`
guest (QEMU's start-up and exit), best of three. It must never report a figure for a run that
did not finish with the expected output.
"""
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHES = ["bench_crc", "bench_sieve", "bench_mmio"]
QEMU = ["qemu-system-riscv64", "-M", "virt", "-bios", "none", "-nographic",
        "-icount", "shift=0,sleep=off"]
MIPS = re.compile(r"insns (\d+) seconds ([\d.]+) mips ([\d.]+)")
MINSTRET = re.compile(rb"^minstret (\d+)$", re.M)


def _qemu_seconds(elf):
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        p = subprocess.run(QEMU + ["-kernel", elf], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=300)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            return None, None
        best = dt if best is None else min(best, dt)
    m = MINSTRET.search(p.stdout)
    return best, int(m.group(1)) if m else None


def rows(builddir):
    gdir = os.path.join(ROOT, builddir, "guest")
    runner = os.path.join(gdir, "runguest")
    out = []
    base, _ = _qemu_seconds(os.path.join(gdir, "hello.elf"))
    for name in BENCHES:
        elf = os.path.join(gdir, name + ".elf")
        best = None
        for _ in range(3):
            p = subprocess.run([runner, "-stats", elf], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            m = MIPS.search(p.stderr.decode())
            if p.returncode != 0 or not m:
                best = None
                break
            mips = float(m.group(3))
            best = mips if best is None else max(best, mips)
        row = {"name": f"guest_{name[6:]}", "unit": "MIPS", "emu": best}
        qs, insns = _qemu_seconds(elf)
        if qs is not None and base is not None and insns and qs > base:
            row["qemu"] = insns / (qs - base) / 1e6
            if best:
                row["ratio"] = best / row["qemu"]
        out.append(row)
    return out


if __name__ == "__main__":
    bd = sys.argv[sys.argv.index("--builddir") + 1] if "--builddir" in sys.argv else "build"
    for r in rows(bd):
        print(r)
