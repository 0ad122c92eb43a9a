#!/usr/bin/env python3
"""Check the 7.2 golden transcripts against the real QEMU 7.2 (qemu-system-riscv64).

    tests/check_qemu_diff.py [--builddir DIR] [names...]

For every tests/golden/7.2/*.t with `qemu: compare`, run qemu-system-riscv64 with the
file's args minus `--dialect 7.2`, feed the same stdin at once and close it, and require
the same stdout bytes, stderr bytes and exit status after masking on both sides:
event timestamps, the `{"qemu": {...}, "package": "..."}` version object, query-cpus-fast's
`thread-id`, the argv0
prefix (`qemu-system-riscv64: ` / `emu: `) of stderr lines, the pid/name detail of
`terminating on signal N from pid P (name)`, and QEMU's timing-dependent `icount sleep
disabled and no active timers` warning.  This tests the corpus, not emu: --builddir
only says where the guest programs are that args name as `@BUILD@/guest/NAME.elf`.
QEMU is run again (3 runs in all) when its output differs: its exit() can race a monitor's
output under load; a case that matched only on a later run says so.

If qemu-system-riscv64 is not installed this fails, unless EMU_SKIP_QEMU=1 (then it says
so and reports `0 passed, 0 failed`).  Closing line: `N passed, N failed`.
"""
import argparse
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True  # keep tests/golden free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
import golden  # noqa: E402

QEMU = "qemu-system-riscv64"

TIMESTAMP = re.compile(rb'\{"seconds": -?[0-9]+, "microseconds": -?[0-9]+\}')
VERSION = re.compile(rb'\{"qemu": \{"micro": [0-9]+, "minor": [0-9]+, "major": [0-9]+\}, '
                     rb'"package": "(?:[^"\\]|\\.)*"\}')
ARGV0 = re.compile(rb'^(?:qemu-system-riscv64|emu): ', re.M)
SIGNAL = re.compile(rb'terminating on signal ([0-9]+) from pid -?[0-9]+ \([^)\n]*\)')
# QEMU warns (once, at random) when its vCPU thread finds every CPU stopped with no timer
# while -icount sleep=off, e.g. in the instant a guest reset pauses them: host timing, not
# behaviour. emu never prints it.
ICOUNT_WARNING = re.compile(rb'^ARGV0: warning: icount sleep disabled and no active timers\n',
                            re.M)


# query-cpus-fast's thread-id is a host thread id in QEMU and the hart index in emu (README:
# differences); the rest of each entry (cpu-index, qom-path, props) is compared.
THREAD_ID = re.compile(rb'"thread-id": -?[0-9]+')


QEMU_RUNS = 3


def mask_stdout(b):
    b = TIMESTAMP.sub(b'{"seconds": S, "microseconds": U}', b)
    b = THREAD_ID.sub(b'"thread-id": T', b)
    return VERSION.sub(b'VERSION', b)


def mask_stderr(b):
    b = ARGV0.sub(b'ARGV0: ', b)
    b = ICOUNT_WARNING.sub(b'', b)
    return SIGNAL.sub(rb'terminating on signal \1 from pid P (NAME)', b)


def qemu_args(args):
    out = []
    skip = False
    for i, a in enumerate(args):
        if skip:
            skip = False
            continue
        if a == "--dialect" and i + 1 < len(args) and args[i + 1] == "7.2":
            skip = True
            continue
        if a == "--dialect=7.2":
            continue
        out.append(a)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--builddir", default=golden.default_builddir(),
                    help="build directory holding the guest programs (@BUILD@)")
    ap.add_argument("names", nargs="*", help="cases to run (default: all 7.2 compare files)")
    args = ap.parse_args()

    qemu = shutil.which(QEMU)
    if not qemu:
        if os.environ.get("EMU_SKIP_QEMU") == "1":
            print("skipped: %s is not installed (EMU_SKIP_QEMU=1)" % QEMU)
            print("0 passed, 0 failed")
            return 0
        print("FAIL: %s is not installed (set EMU_SKIP_QEMU=1 to skip this suite)" % QEMU)
        print("0 passed, 1 failed")
        return 1

    paths = golden.select(golden.find_all(("7.2",)), args.names)
    passed = failed = skipped = 0
    for path in paths:
        rel = os.path.relpath(path, golden.GOLDEN_DIR)[:-2]
        try:
            g = golden.parse(path)
        except golden.GoldenError as e:
            print("FAIL %s: malformed golden file: %s" % (rel, e))
            failed += 1
            continue
        if not g.qemu_compare:
            skipped += 1
            continue
        problems = golden.lint(g)
        if problems:
            print("FAIL %s: %s" % (rel, "; ".join(problems)))
            failed += 1
            continue
        # QEMU itself is not deterministic: under load its exit() can beat a monitor's
        # output (a greeting, a reply) out of the process. A mismatch is run again, up to
        # QEMU_RUNS in all; emu's own determinism is check_golden's and check_determinism's.
        for run in range(1, QEMU_RUNS + 1):
            res = golden.run([qemu] + qemu_args(golden.expand_args(g.args, args.builddir)),
                             g.stdin)
            res.stdout = mask_stdout(res.stdout)
            res.stderr = mask_stderr(res.stderr)
            found = golden.compare(mask_stdout(g.stdout), mask_stderr(g.stderr), g.status, res)
            if run == 1:
                mismatches = found
            if not found:
                break
        if found:
            print("FAIL %s" % rel)
            for m in mismatches:
                for line in m.splitlines():
                    print("    " + line)
            failed += 1
        else:
            print("ok   %s%s" % (rel, "" if not mismatches else
                                 " (QEMU matched on run %d of its %d)" % (run, QEMU_RUNS)))
            passed += 1
        sys.stdout.flush()
    if args.names and not paths:
        print("no 7.2 golden file matches %s" % " ".join(args.names))
        failed += 1
    print("(%d file(s) with 'qemu: skip' not compared)" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
