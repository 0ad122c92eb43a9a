#!/usr/bin/env python3
"""Runs emu's benchmarks, each side by side with its reference, and reports ratios.

Each benchmark is a function in BENCHMARKS taking a Context and returning Rows (name, emu value,
reference name, reference value, unit, ratio, target, met). Results go to stdout as a table and
to BUILDDIR/bench/results.json. This is a measurement, not a test: a figure that misses its
target is reported, never asserted. The exit status is non-zero only when something failed to
run (a reference, a bench program, the harness itself). When emu is missing or does not support
something yet, its figure is "n/a: reason" and the run goes on. It must never hide a failure,
and never report a figure whose replies it did not verify.
"""
import argparse
import dataclasses
import json
import math
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

QEMU = "qemu-system-riscv64"
# The machine both emu and QEMU are started with; emu is given exactly the same options.
BASE_ARGS = ["-M", "none", "-nodefaults", "-display", "none", "-S"]


@dataclasses.dataclass
class Row:
    name: str
    emu: object  # a number, or None when note says why
    ref_name: str
    ref: object  # a number, or None when note says why
    unit: str
    ratio: object = None  # a number or None
    ratio_of: str = ""  # which way the ratio is taken, e.g. "emu/hello"
    target: str = ""  # the requirement in words, empty if informational
    met: object = None  # True, False, or None (no target, or not measurable)
    note: str = ""  # "n/a: reason" and the like
    detail: dict = dataclasses.field(default_factory=dict)


class Unavailable(Exception):
    """A side of a comparison could not be measured; the reason becomes an n/a."""


class HarnessError(Exception):
    """The bench itself cannot run (a bench program is not built, say): a failure to run."""


class Context:
    def __init__(self, builddir, shown_builddir, quick):
        self.builddir = builddir
        self.shown_builddir = shown_builddir  # as given on the command line, for messages
        self.quick = quick
        self.bench_bin = os.path.join(builddir, "bench")
        self.tmp = tempfile.mkdtemp(prefix="emu-bench-")
        self.failures = []
        emu = os.path.join(builddir, "emu")
        self.emu = emu if os.path.isfile(emu) and os.access(emu, os.X_OK) else None
        self.qemu = shutil.which(QEMU)
        self.qemu_name = "QEMU"
        if self.qemu:
            try:
                out = subprocess.run([self.qemu, "--version"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, timeout=10).stdout
                words = out.decode("utf-8", "replace").split()
                if len(words) > 3 and words[1] == "emulator" and words[2] == "version":
                    self.qemu_name = "QEMU " + words[3]
            except (OSError, subprocess.SubprocessError):
                pass

    def fail(self, what):
        print(f"FAILED: {what}", file=sys.stderr, flush=True)
        self.failures.append(what)

    def tool(self, name):
        """A bench program built from bench/NAME.c; a missing one is a failure to run."""
        path = os.path.join(self.bench_bin, name)
        if not os.access(path, os.X_OK):
            raise HarnessError(f"{os.path.join(self.shown_builddir, 'bench', name)} is not built")
        return path

    def emu_or_reason(self):
        if self.emu is None:
            raise Unavailable(f"{os.path.join(self.shown_builddir, 'emu')} is not built")
        return self.emu


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def p90(xs):
    s = sorted(xs)
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def first_line(text, limit=200):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return ""


# --- 1. Spawn to QMP greeting -------------------------------------------------------------

def spawn_samples(ctx, argv, reps):
    """Milliseconds from spawn to the greeting line, via bench/spawn_time."""
    try:
        p = subprocess.run([ctx.tool("spawn_time"), str(reps), "10000"] + argv,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=30 + reps * 10)
    except subprocess.TimeoutExpired:
        raise Unavailable("spawn_time timed out")
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace")
        raise Unavailable(first_line(err.replace("error: ", "", 1)) or
                          f"spawn_time exited with {p.returncode}")
    samples = [int(x) / 1e6 for x in p.stdout.split()]
    if len(samples) != reps:
        raise RuntimeError(f"spawn_time gave {len(samples)} samples, expected {reps}")
    return samples


def bench_spawn(ctx):
    qmp = ["-qmp", "stdio"]
    sides = {"hello": [ctx.tool("hello_line")], "emu": None, "qemu": None}
    reasons = {}
    try:
        sides["emu"] = [ctx.emu_or_reason()] + BASE_ARGS + qmp
    except Unavailable as e:
        reasons["emu"] = str(e)
    if ctx.qemu:
        sides["qemu"] = [ctx.qemu] + BASE_ARGS + qmp
    else:
        reasons["qemu"] = f"{QEMU} not found"
    # Warm up (page cache, dynamic loader) and find out which sides run at all.
    for side, argv in sides.items():
        if argv is None:
            continue
        try:
            spawn_samples(ctx, argv, 3)
        except Unavailable as e:
            sides[side] = None
            reasons[side] = str(e)
            if side != "emu":
                ctx.fail(f"spawn {side}: {e}")
    # Interleaved rounds, so drift in machine load hits every side alike.
    rounds = 2 if ctx.quick else 10
    per_round = {"hello": 20, "emu": 20, "qemu": 3}
    samples = {side: [] for side in sides}
    for _ in range(rounds):
        for side, argv in sides.items():
            if argv is None:
                continue
            try:
                samples[side] += spawn_samples(ctx, argv, per_round[side])
            except Unavailable as e:
                sides[side] = None
                reasons[side] = str(e)
                samples[side] = []
                if side != "emu":
                    ctx.fail(f"spawn {side}: {e}")

    def stat_of(side, fn):
        return fn(samples[side]) if samples[side] else None

    detail = {side: {"n": len(samples[side]), "median_ms": stat_of(side, median),
                     "p90_ms": stat_of(side, p90), "min_ms": stat_of(side, min)}
              for side in sides}
    rows = []
    for label, fn in (("median", median), ("p90", p90)):
        emu, hello, qemu = (stat_of(s, fn) for s in ("emu", "hello", "qemu"))
        note = "" if emu is not None else f"n/a: {reasons.get('emu', 'no samples')}"
        r = ratio(emu, hello)
        target = "emu/hello <= 1.5" if label == "median" else ""
        rows.append(Row(f"spawn to QMP greeting, {label}", emu, "hello_line", hello, "ms",
                        r, "emu/hello", target,
                        (r <= 1.5) if (target and r is not None) else None,
                        note, detail if label == "median" else {}))
        qnote = note
        if qemu is None:
            why = reasons.get("qemu", "no samples")
            qnote = (qnote + "; " if qnote else "") + f"reference n/a: {why}"
        rows.append(Row(f"spawn to QMP greeting, {label}", emu, ctx.qemu_name, qemu, "ms",
                        ratio(qemu, emu), "qemu/emu", "", None, qnote))
    return rows


# --- 2. query-status round trips over a unix socket ---------------------------------------

def start_server(ctx, argv, sock, log):
    """Starts a QMP server listening on sock; returns the Popen once the socket exists."""
    if os.path.exists(sock):
        os.unlink(sock)
    with open(log, "wb") as err:
        proc = subprocess.Popen(argv + ["-qmp", f"unix:{sock},server=on,wait=off"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err, cwd=ctx.tmp)
    deadline = time.monotonic() + 10
    while True:
        try:
            if stat.S_ISSOCK(os.stat(sock).st_mode):
                return proc
        except FileNotFoundError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(proc)
            with open(log, "rb") as f:
                said = first_line(f.read().decode("utf-8", "replace"))
            why = (f"exited with {proc.returncode}" if proc.returncode is not None and
                   proc.returncode >= 0 else "no socket within 10 s")
            raise Unavailable(f"server {why}" + (f": {said}" if said else ""))
        time.sleep(0.002)


def stop_server(proc):
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def roundtrip_once(ctx, argv, mode, seconds, window):
    client = ctx.tool("qmp_client")
    sock = os.path.join(ctx.tmp, "qmp.sock")
    proc = start_server(ctx, argv, sock, os.path.join(ctx.tmp, "server.log"))
    try:
        p = subprocess.run([client, sock, mode, str(seconds), str(window)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        raise Unavailable("qmp_client timed out")
    finally:
        stop_server(proc)
    try:
        res = json.loads(p.stdout.decode("utf-8", "replace"))
    except ValueError:
        raise RuntimeError(f"qmp_client exited with {p.returncode} and printed no result: "
                           + first_line(p.stderr.decode("utf-8", "replace")))
    if "fatal" in res:
        raise Unavailable(res["fatal"])
    if res["errors"]:
        raise Unavailable(f"{res['errors']} bad or missing replies (of "
                          f"{res['errors'] + res['replies']}), first: {res['first_error']}")
    return res


def bench_qmp_roundtrip(ctx):
    seconds = 0.3 if ctx.quick else 1.0
    trials = 1 if ctx.quick else 3
    window = 64
    sides = {"qemu": None, "emu": None}
    reasons = {}
    if ctx.qemu:
        sides["qemu"] = [ctx.qemu] + BASE_ARGS
    else:
        reasons["qemu"] = f"{QEMU} not found"
    try:
        sides["emu"] = [ctx.emu_or_reason()] + BASE_ARGS
    except Unavailable as e:
        reasons["emu"] = str(e)
    modes = (("serial", 1, "one at a time", 100000), ("pipelined", window,
                                                     f"pipelined, window {window}", 200000))
    results = {(side, mode): [] for side in sides for mode, *_ in modes}
    for mode, win, _, _ in modes:
        for _ in range(trials):
            for side, argv in sides.items():  # interleaved, as for spawn
                if argv is None or (side, mode) in reasons:
                    continue
                try:
                    results[(side, mode)].append(roundtrip_once(ctx, argv, mode, seconds, win))
                except Unavailable as e:
                    reasons[(side, mode)] = str(e)
                    if side != "emu":
                        ctx.fail(f"query-status {mode} on {side}: {e}")
    rows = []
    for mode, win, label, target in modes:
        vals = {}
        for side in sides:
            rs = results[(side, mode)]
            ok = rs and (side, mode) not in reasons
            vals[side] = median([r["per_second"] for r in rs]) if ok else None
        notes = []
        if vals["emu"] is None:
            notes.append("n/a: " + reasons.get(("emu", mode), reasons.get("emu", "no result")))
        if vals["qemu"] is None:
            notes.append("reference n/a: " + reasons.get(("qemu", mode),
                                                         reasons.get("qemu", "no result")))
        detail = {side: [{k: r[k] for k in ("replies", "seconds", "per_second", "events")}
                         for r in results[(side, mode)]] for side in sides}
        r = ratio(vals["emu"], vals["qemu"])
        rows.append(Row(f"query-status {label}", vals["emu"], ctx.qemu_name, vals["qemu"],
                        "req/s", r, "emu/qemu", f"emu >= {target:,}/s",
                        None if vals["emu"] is None else vals["emu"] >= target,
                        "; ".join(notes), detail))
    return rows


# --- 3. Guest CPU speed: build/emu -M virt and QEMU 7.2 -icount shift=0 on the same ELFs ----

def bench_guest(ctx):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import guest_bench
    if not os.path.isdir(os.path.join(ctx.builddir, "guest")):
        raise HarnessError(f"{os.path.join(ctx.shown_builddir, 'guest')} is not built "
                           "(ninja all)")
    rows = []
    for r in guest_bench.rows(ctx.shown_builddir, ctx.quick, emu=ctx.emu_or_reason(),
                              qemu=ctx.qemu or QEMU):
        if r["qemu"] is None:
            ctx.fail(f"{r['name']} on {ctx.qemu_name}: {r['note']}")
        met = None if r["ratio"] is None else r["ratio"] >= r["target"]
        if r["emu_inprocess"]:
            r["note"] = "; ".join(x for x in (f"emu in-process (runguest): "
                                              f"{r['emu_inprocess']:.0f} MIPS", r["note"]) if x)
        rows.append(Row(r["name"], r["emu"], ctx.qemu_name + " -icount shift=0", r["qemu"],
                        "MIPS", r["ratio"], "emu/qemu", f"emu/qemu >= {r['target']}", met,
                        r["note"], {"emu_inprocess_mips": r["emu_inprocess"],
                                    "guest_insns": r.get("insns")}))
    return rows


def bench_replay(ctx):
    """Record/replay figures (bench/replay_bench.py): emu against itself, no QEMU."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import replay_bench
    try:
        figures = replay_bench.rows(ctx.emu_or_reason(), ctx.builddir, ctx.quick)
    except RuntimeError as e:
        raise Unavailable(str(e))
    return [Row(f["name"], f["value"], f["ref_name"], f["ref"], f["unit"], f["ratio"],
                f["ratio_of"], f["target"], f["met"], f["note"]) for f in figures]


def bench_fuzz(ctx):
    """Fuzz targets' exec/s (bench/fuzz_bench.py) against a small JSON target and fork-per-input."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import fuzz_bench
    try:
        figures = fuzz_bench.rows(ctx.emu_or_reason(), ctx.builddir, ctx.quick)
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        raise Unavailable(str(e))
    return [Row(f["name"], f["value"], f["ref_name"], f["ref"], f["unit"], f["ratio"],
                f["ratio_of"], f["target"], f["met"], f["note"]) for f in figures]


BENCHMARKS = [
    ("spawn", bench_spawn),
    ("qmp_roundtrip", bench_qmp_roundtrip),
    ("guest", bench_guest),
    ("replay", bench_replay),
    ("fuzz", bench_fuzz),
]


# --- Reporting ------------------------------------------------------------------------------

def fmt(v):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        if abs(v) >= 10:
            return f"{v:.1f}"
        return f"{v:.3f}"
    return str(v)


def print_table(rows):
    head = ["benchmark", "emu", "reference", "ref value", "unit", "ratio", "target", "met"]
    body = []
    for r in rows:
        met = {True: "yes", False: "NO", None: "-"}[r.met]
        rat = f"{r.ratio:.2f} {r.ratio_of}" if r.ratio is not None else f"n/a {r.ratio_of}"
        body.append([r.name, fmt(r.emu), r.ref_name, fmt(r.ref), r.unit, rat,
                     r.target or "-", met])
    widths = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]
    right = {1, 3, 5}

    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    print(line(head))
    print(line(["-" * w for w in widths]))
    for r, cells in zip(rows, body):
        print(line(cells))
        if r.note:
            print("    " + r.note)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--builddir", default="build")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, for development")
    ap.add_argument("only", nargs="*", help="run only benchmarks whose name contains one of these")
    args = ap.parse_args()
    builddir = os.path.join(ROOT, args.builddir)
    ctx = Context(builddir, args.builddir, args.quick)
    rows = []
    started = time.monotonic()
    try:
        for name, fn in BENCHMARKS:
            if args.only and not any(o in name for o in args.only):
                continue
            print(f"=== {name}", flush=True)
            t0 = time.monotonic()
            try:
                got = fn(ctx)
            except HarnessError as e:
                ctx.fail(f"{name}: {e}")
                continue
            except Exception as e:  # a harness defect: report it, run the rest
                traceback.print_exc()
                ctx.fail(f"{name}: {e}")
                continue
            rows += got
            print(f"--- {name}: {len(got)} rows in {time.monotonic() - t0:.1f} s", flush=True)
    finally:
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    print()
    print_table(rows)
    out = {
        "emu": "built" if ctx.emu else "not built",
        "reference_qemu": ctx.qemu_name if ctx.qemu else None,
        "cpus": os.cpu_count(),
        "quick": args.quick,
        "seconds": round(time.monotonic() - started, 1),
        "rows": [dataclasses.asdict(r) for r in rows],
        "failures": ctx.failures,
    }
    os.makedirs(os.path.join(builddir, "bench"), exist_ok=True)
    path = os.path.join(builddir, "bench", "results.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"\nresults: {os.path.join(args.builddir, 'bench', 'results.json')}")
    if ctx.failures:
        print(f"{len(ctx.failures)} failed to run:")
        for f in ctx.failures:
            print(f"  {f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
