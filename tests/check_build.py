#!/usr/bin/env python3
"""Project hygiene checks, each a test case: the committed build.ninja is what configure.py
writes with no options; C sources follow .clang-format; every source file opens with its
purpose comment; nothing names a path of the machine it was written on.
It must never modify the tree.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC_DIRS = ["emu", "emu/tcg", "emu/hw", "qmp", "replay", "fuzz", "tests", "bench"]


def sources(exts):
    out = []
    for d in SRC_DIRS:
        full = os.path.join(ROOT, d)
        if os.path.isdir(full):
            out += sorted(os.path.join(d, n) for n in os.listdir(full) if n.endswith(exts))
    return out


def check_ninja_current():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "build.ninja")
        subprocess.run([sys.executable, os.path.join(ROOT, "configure.py"), "--output", out],
                       check=True, cwd=ROOT)
        want = open(out).read()
    have = open(os.path.join(ROOT, "build.ninja")).read()
    if want != have:
        return "build.ninja is stale: run ./configure.py and commit the result"
    return None


def check_clang_format():
    cf = shutil.which("clang-format")
    if not cf:
        return "clang-format is not installed"
    bad = []
    for f in sources((".c", ".h")):
        p = subprocess.run([cf, "--dry-run", "-Werror", f], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if p.returncode != 0:
            bad.append(f)
    return ("not clang-formatted: " + " ".join(bad)) if bad else None


def check_header_comments():
    bad = []
    for f in sources((".c", ".h", ".py")):
        with open(os.path.join(ROOT, f), errors="replace") as fh:
            head = fh.read(400).lstrip()
        if f.endswith(".py"):
            head = re.sub(r"^#!.*\n", "", head).lstrip()
            if not (head.startswith('"""') or head.startswith("#")):
                bad.append(f)
        elif not head.startswith("/*"):
            bad.append(f)
    return ("no purpose comment at the top: " + " ".join(bad)) if bad else None


def check_no_machine_paths():
    p = subprocess.run(["git", "ls-files"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    bad = []
    pattern = re.compile(rb"/work/|/home/[a-z]|/root/")
    for f in p.stdout.split():
        path = os.path.join(ROOT, f)
        if f.startswith("tests/check_build.py") or not os.path.isfile(path):
            continue
        with open(path, "rb") as fh:
            if pattern.search(fh.read()):
                bad.append(f)
    return ("names a path of this machine: " + " ".join(bad)) if bad else None


CHECKS = [
    ("build.ninja is current", check_ninja_current),
    ("C sources are clang-formatted", check_clang_format),
    ("every source file says what it is for", check_header_comments),
    ("no machine paths in the tree", check_no_machine_paths),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    ap.parse_args()
    passed = failed = 0
    for name, fn in CHECKS:
        err = fn()
        if err:
            failed += 1
            print(f"FAIL {name}: {err}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
