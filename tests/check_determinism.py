#!/usr/bin/env python3
"""Determinism across builds: emu built with gcc and clang, optimised and not, must write the
same bytes for the same inputs. Builds the variants in their own build directories (never
the main one), then runs every golden transcript's stdin through each and compares every
variant's stdout, stderr and exit status with the main build's. One case per variant.
It must never touch the main build directory.
"""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
import golden  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS = [
    ("gcc -O0", ["--cc", "gcc", "--debug"]),
    ("clang -O2", ["--cc", "clang"]),
    ("clang -O0", ["--cc", "clang", "--debug"]),
]


def build_variant(builddir, opts):
    subprocess.run([sys.executable, "configure.py", "--builddir", builddir] + opts, cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-f", f"{builddir}/build.ninja", f"{builddir}/emu"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, builddir, "emu")


def outputs(emu, cases, builddir):
    """builddir: where the guest programs are (the main build; variants build only emu)."""
    res = []
    for t in cases:
        r = golden.run([emu] + golden.expand_args(t.args, builddir), t.stdin)
        res.append((t.path, (r.stdout, r.stderr, r.status)))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    args = ap.parse_args()
    cases = [golden.parse(p) for p in golden.find_all()]
    reference = outputs(os.path.join(ROOT, args.builddir, "emu"), cases, args.builddir)
    passed = failed = 0
    for name, opts in VARIANTS:
        if not shutil.which(opts[1]):
            print(f"FAIL {name}: compiler {opts[1]} not installed")
            failed += 1
            continue
        bd = f"{args.builddir}-det-{name.replace(' ', '').replace('-', '')}"
        try:
            emu = build_variant(bd, opts)
        except subprocess.CalledProcessError as e:
            print(f"FAIL {name}: build failed: {e}")
            failed += 1
            continue
        variant = outputs(emu, cases, args.builddir)
        diffs = [p for (p, a), (_, b) in zip(reference, variant) if a != b]
        if diffs:
            failed += 1
            print(f"FAIL {name}: {len(diffs)} transcripts differ from the main build, e.g. "
                  f"{os.path.relpath(diffs[0], ROOT)}")
        else:
            passed += 1
            print(f"ok   {name}: {len(cases)} transcripts identical")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
