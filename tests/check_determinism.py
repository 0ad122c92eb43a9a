#!/usr/bin/env python3
"""Determinism across builds: emu built with gcc and clang, optimised and not, must write the
same bytes for the same inputs. Builds the variants in their own build directories (never
the main one), then runs every golden transcript's stdin through each and compares every
variant's stdout, stderr and exit status with the main build's. One case per variant.
Traces too: recordings made by the main build (gcc -O2: a QMP session, an SMP guest with
digests every 1000 instructions) must replay under every variant, and a recording made by
the gcc -O0 variant under the -O2 builds (one more case per variant).
It must never touch the main build directory.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

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


def recordings(emu, builddir, tmp, tag):
    """Records a QMP session and an SMP guest run with emu; returns the trace paths."""
    guest = os.path.join(golden.builddir_path(builddir), "guest")
    env = dict(os.environ, EMU_RECORD_DIGEST_INTERVAL="1000")
    runs = [("qmp", ["-M", "none", "-qmp", "stdio"],
             b'{"execute":"qmp_capabilities"}\n{"execute":"query-status"}\n{"execute":"quit"}\n'),
            ("smp", ["-M", "virt", "-smp", "4", "-bios", "none", "-serial", "stdio", "-kernel",
                     os.path.join(guest, "smp.elf")], b"")]
    paths = []
    for name, argv, stdin in runs:
        t = os.path.join(tmp, f"{tag}-{name}.mp")
        subprocess.run([emu, "--record", t] + argv, input=stdin, env=env, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        paths.append(t)
    return paths


def replays(emu, traces):
    """The traces that do not replay identically under emu."""
    bad = []
    for t in traces:
        p = subprocess.run([emu, "--replay", t], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=120)
        if p.returncode != 0:
            bad.append(f"{os.path.basename(t)}: exit {p.returncode}: "
                       f"{p.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    args = ap.parse_args()
    cases = [golden.parse(p) for p in golden.find_all()]
    reference = outputs(os.path.join(ROOT, args.builddir, "emu"), cases, args.builddir)
    passed = failed = 0
    tmpdir = tempfile.TemporaryDirectory(prefix="det-replay-")
    main_traces = recordings(os.path.join(ROOT, args.builddir, "emu"), args.builddir,
                             tmpdir.name, "main")
    o0_traces = []
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
        if name == "gcc -O0":
            o0_traces = recordings(emu, args.builddir, tmpdir.name, "gccO0")
        cross = [(t, "main build") for t in main_traces]
        if "-O2" in name:
            cross += [(t, "gcc -O0") for t in o0_traces]
        bad = replays(emu, [t for t, _ in cross])
        if bad or not cross:
            failed += 1
            print(f"FAIL {name}: recordings do not replay: " + "; ".join(bad))
        else:
            passed += 1
            print(f"ok   {name}: replays {len(cross)} recordings of other builds "
                  f"({', '.join(sorted(set(w for _, w in cross)))})")
    o0_main = replays(os.path.join(ROOT, args.builddir, "emu"), o0_traces)
    if o0_main or not o0_traces:
        failed += 1
        print("FAIL main build: gcc -O0 recordings do not replay: " + "; ".join(o0_main))
    else:
        passed += 1
        print(f"ok   main build (-O2): replays {len(o0_traces)} gcc -O0 recordings")
    tmpdir.cleanup()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
