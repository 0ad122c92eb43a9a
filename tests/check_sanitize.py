#!/usr/bin/env python3
"""The unit tests, golden transcripts and process tests again, on a build with AddressSanitizer
and UndefinedBehaviorSanitizer (BUILDDIR-asan, -O0): bad input must never reach undefined
behaviour, not just never crash. One case per suite.
It must never touch the main build directory.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITES = ["test_", "check_golden.py", "check_process.py"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    args = ap.parse_args()
    bd = args.builddir + "-asan"
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=1",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    subprocess.run([sys.executable, "configure.py", "--debug", "--sanitize=address,undefined",
                    "--builddir", bd], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    b = subprocess.run(["ninja", "-f", f"{bd}/build.ninja", "all"], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if b.returncode:
        print(b.stdout.decode("utf-8", "replace")[-3000:])
        print("FAIL sanitizer build\n0 passed, 1 failed")
        return 1
    passed = failed = 0
    for suite in SUITES:
        p = subprocess.run([sys.executable, "tests/run.py", "--builddir", bd, suite], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = p.stdout.decode("utf-8", "replace")
        m = re.findall(r"^(\d+) passed, (\d+) failed$", out, re.M)
        ok = p.returncode == 0 and m and int(m[-1][1]) == 0
        if ok:
            passed += 1
            print(f"ok   {suite} under ASan+UBSan ({m[-1][0]} cases)")
        else:
            failed += 1
            print(f"FAIL {suite} under ASan+UBSan")
            print("\n".join(l for l in out.splitlines() if "FAIL" in l or "ERROR" in l
                            or "runtime error" in l)[:4000])
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
