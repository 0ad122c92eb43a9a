#!/usr/bin/env python3
"""Run emu on every golden QMP transcript (tests/golden/{7.2,3.0}/*.t) and compare
stdout, stderr and exit status byte for byte.

    tests/check_golden.py [--builddir DIR] [--update] [names...]

names select cases (`name`, `7.2/name`, or a path to the .t file); default: all.
--update rewrites the stdout/stderr/status sections of the selected files from emu's
actual run (header and stdin are kept); review the diff before committing.
Prints one ok/FAIL line per case and a closing line `N passed, N failed`; exit 1 on
any failure.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep tests/golden free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
import golden  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--builddir", default=golden.default_builddir(),
                    help="build directory holding emu (default: $EMU_BUILDDIR or build)")
    ap.add_argument("--update", action="store_true",
                    help="rewrite expected stdout/stderr/status from emu's actual run")
    ap.add_argument("names", nargs="*", help="cases to run (default: all)")
    args = ap.parse_args()

    emu = golden.emu_path(args.builddir)
    paths = golden.select(golden.find_all(), args.names)
    if args.names and not paths:
        print("no golden file matches %s" % " ".join(args.names))
        print("0 passed, 1 failed")
        return 1
    if not os.access(emu, os.X_OK):
        print("note: %s is not an executable; every case will fail" % emu)

    passed = failed = updated = 0
    for path in paths:
        rel = os.path.relpath(path, golden.GOLDEN_DIR)[:-2]
        try:
            g = golden.parse(path)
        except golden.GoldenError as e:
            print("FAIL %s: malformed golden file: %s" % (rel, e))
            failed += 1
            continue
        problems = golden.lint(g)
        if problems:
            print("FAIL %s: %s" % (rel, "; ".join(problems)))
            failed += 1
            continue
        res = golden.run([emu] + golden.expand_args(g.args, args.builddir), g.stdin)
        mismatches = golden.compare(g.stdout, g.stderr, g.status, res)
        if args.update and mismatches:
            if res.timed_out or res.error:
                print("FAIL %s: %s, not updated" % (rel, res.error or "timed out"))
                failed += 1
                continue
            g.stdout, g.stderr, g.status = res.stdout, res.stderr, res.status
            try:
                golden.write(g)
            except golden.GoldenError as e:
                print("FAIL %s: cannot update: %s" % (rel, e))
                failed += 1
                continue
            print("ok   %s (updated)" % rel)
            updated += 1
            passed += 1
            continue
        if mismatches:
            note = " (TODO-UPDATE: expected output not written yet; run --update and review)" \
                if g.todo else ""
            print("FAIL %s%s" % (rel, note))
            for m in mismatches:
                for line in m.splitlines():
                    print("    " + line)
            failed += 1
        else:
            print("ok   %s" % rel)
            passed += 1
        sys.stdout.flush()
    if args.update:
        print("%d file(s) updated" % updated)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
