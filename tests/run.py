#!/usr/bin/env python3
"""Runs every test suite of emu and prints one closing line `N passed, N failed`.

Suites: each cmocka binary BUILDDIR/tests/test_*, each tests/check_*.py script (golden
transcripts, differential runs, build checks). A suite reports its own cases; this script
adds them up. It must never hide a failure: any suite that fails, crashes or prints no
count is counted as failed, and the exit status is non-zero.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CMOCKA_PASSED = re.compile(r"^\[  PASSED  \] (\d+) test", re.M)
CMOCKA_FAILED = re.compile(r"^\[  FAILED  \] (\d+) test", re.M)
PLAIN = re.compile(r"^(\d+) passed, (\d+) failed", re.M)


def run_suite(name, cmd, env=None):
    print(f"=== {name}", flush=True)
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, timeout=1800)
        out = p.stdout.decode("utf-8", "replace")
        rc = p.returncode
    except subprocess.TimeoutExpired:
        out, rc = "timed out\n", -1
    sys.stdout.write(out)
    passed = failed = 0
    m = PLAIN.findall(out)
    if m:
        passed, failed = int(m[-1][0]), int(m[-1][1])
    else:
        passed = sum(int(x) for x in CMOCKA_PASSED.findall(out))
        failed = sum(int(x) for x in CMOCKA_FAILED.findall(out))
    if rc != 0 and failed == 0:
        failed = 1  # crashed or failed without saying which case
    if passed + failed == 0:
        failed = 1  # a suite that ran nothing is a defect
    print(f"--- {name}: {passed} passed, {failed} failed (exit {rc})", flush=True)
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    ap.add_argument("only", nargs="*", help="run only suites whose name contains one of these")
    args = ap.parse_args()
    env = dict(os.environ, EMU_BUILDDIR=args.builddir)
    suites = []
    for b in sorted(glob.glob(os.path.join(ROOT, args.builddir, "tests", "test_*"))):
        if os.access(b, os.X_OK) and not b.endswith(".d") and not b.endswith(".o"):
            suites.append((os.path.basename(b), [b]))
    for s in sorted(glob.glob(os.path.join(ROOT, "tests", "check_*.py"))):
        suites.append((os.path.basename(s), [sys.executable, s, "--builddir", args.builddir]))
    if args.only:
        suites = [s for s in suites if any(o in s[0] for o in args.only)]
    total_p = total_f = 0
    bad = []
    for name, cmd in suites:
        p, f = run_suite(name, cmd, env)
        total_p += p
        total_f += f
        if f:
            bad.append(name)
    if bad:
        print("failing suites: " + ", ".join(bad))
    print(f"{total_p} passed, {total_f} failed")
    return 1 if total_f else 0


if __name__ == "__main__":
    sys.exit(main())
