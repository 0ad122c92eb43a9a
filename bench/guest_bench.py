#!/usr/bin/env python3
"""Guest CPU benchmarks: MIPS of emu on the bench_* guest programs (a bitwise CRC-32, a prime
sieve, a loop of UART status reads), next to QEMU 7.2 -icount shift=0 on the same ELF files.
For bench/run.py: rows(builddir, quick) -> list of dicts.

Both programs are started with exactly the same options (-M virt -bios none -nographic -icount
shift=0,sleep=off -kernel X) and measured the same way: the guest's own minstret over the
process's wall time minus the wall time of the `hello` guest (start-up and exit), each the
best of seven runs, alternating. emu's in-process figure (runguest -stats: instructions over
the host time of the run loop alone) is reported next to it. It must never report a figure for
a run that did not finish with the expected output and status.
"""
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (program, label, target: emu/QEMU at least this)
BENCHES = [("bench_crc", "CRC-32", 0.4), ("bench_sieve", "sieve", 0.4),
           ("bench_mmio", "MMIO loop", 5.0)]
ARGS = ["-M", "virt", "-bios", "none", "-nographic", "-icount", "shift=0,sleep=off"]
MIPS = re.compile(r"insns (\d+) seconds ([\d.]+) mips ([\d.]+)")
MINSTRET = re.compile(rb"^minstret (\d+)$", re.M)


class Failed(Exception):
    """A run that did not finish as expected: no figure."""


def _wall(argv, elf):
    """Wall time of one run of `argv -kernel elf`, and the guest's minstret."""
    t0 = time.perf_counter()
    p = subprocess.run(argv + ARGS + ["-kernel", elf], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    dt = time.perf_counter() - t0
    m = MINSTRET.search(p.stdout)
    if p.returncode != 0 or not m or b"FAIL" in p.stdout:
        raise Failed(f"{os.path.basename(argv[0])} {os.path.basename(elf)}: exit "
                     f"{p.returncode}, {p.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return dt, int(m.group(1))


def _mips(argv, gdir, name, reps):
    """Runs hello and the benchmark alternately (so load drift hits both) and takes the best
    time of each: QEMU's start-up alone varies by tens of milliseconds."""
    base = best = None
    for _ in range(reps):
        b, _ = _wall(argv, os.path.join(gdir, "hello.elf"))
        t, insns = _wall(argv, os.path.join(gdir, name + ".elf"))
        base = b if base is None else min(base, b)
        best = t if best is None else min(best, t)
    if best <= base:
        raise Failed(f"{name}: no longer than the hello guest")
    return insns / (best - base) / 1e6, insns


def _inprocess(runner, elf, reps):
    best = None
    for _ in range(reps):
        p = subprocess.run([runner, "-stats", elf], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        m = MIPS.search(p.stderr.decode())
        if p.returncode != 0 or not m:
            raise Failed(f"runguest {os.path.basename(elf)}: exit {p.returncode}")
        best = max(best or 0.0, float(m.group(3)))
    return best


def rows(builddir, quick=False, emu=None, qemu="qemu-system-riscv64"):
    """One dict per benchmark: name, what, emu (MIPS of build/emu), emu_inprocess, qemu,
    ratio (emu/qemu), target, insns, and note (why a figure is missing)."""
    gdir = os.path.join(ROOT, builddir, "guest")
    emu = emu or os.path.join(ROOT, builddir, "emu")
    reps = 2 if quick else 7
    out = []
    for name, what, target in BENCHES:
        row = {"name": f"guest {what}", "bench": name, "target": target, "emu": None,
               "emu_inprocess": None, "qemu": None, "ratio": None, "note": ""}
        notes = []
        for key, fn in (("emu", lambda: _mips([emu], gdir, name, reps)),
                        ("qemu", lambda: _mips([qemu], gdir, name, reps))):
            try:
                row[key], row["insns"] = fn()
            except (Failed, OSError, subprocess.TimeoutExpired) as e:
                notes.append(f"{key} n/a: {e}")
        try:
            row["emu_inprocess"] = _inprocess(os.path.join(gdir, "runguest"),
                                              os.path.join(gdir, name + ".elf"), reps)
        except (Failed, OSError, subprocess.TimeoutExpired) as e:
            notes.append(f"in-process n/a: {e}")
        if row["emu"] and row["qemu"]:
            row["ratio"] = row["emu"] / row["qemu"]
        row["note"] = "; ".join(notes)
        out.append(row)
    return out


if __name__ == "__main__":
    bd = sys.argv[sys.argv.index("--builddir") + 1] if "--builddir" in sys.argv else "build"
    for r in rows(bd, quick="--quick" in sys.argv):
        print(r)
