"""Fuzz throughput figures for bench/run.py: each libFuzzer target's executions per second
(ASan+UBSan build BUILDDIR-fuzz, built here when missing), side by side with the reference the
issue names, a small JSON target: bench/fuzzref_small_json.c (parse the input with emu's
parser, free it; same sanitizers and instrumentation) run with libFuzzer's defaults from an
empty corpus. For qmp_preconfig also: the same target held to shorter inputs (its rate is set
by input length: every stray byte earns a reply), the rate of a fork-per-input harness (one emu
process per input, the way a fuzzer drives a program it cannot run in process) and, where
AFL++ is installed, the target under afl-fuzz (fuzz/afl-build.sh, rebuilt each time into
BUILDDIR-afl) from the same seeds for the same time. Every target run starts from the same
corpus (the seeds fuzz/make_corpus.py writes) with a fixed seed and time, and the figure is
libFuzzer's final stat::average_exec_per_sec (AFL++'s execs_per_sec). qmp_preconfig runs three
times, each run between two runs of the reference; its row gives the median figure and the
median ratio (each run to the mean of the reference runs around it), and the other rows
compare with the median of those means. The runs' corpora live on a memory file system when there is one. It measures; it never
asserts, and a run that crashes or finds something is a failure to run (RuntimeError), not a
figure.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "fuzz"))
import campaign  # noqa: E402  (options_flags: the target's .options as flags)

TARGETS = ["qmp_preconfig", "json", "replay_roundtrip", "trace"]
TARGET_EXEC_PER_SEC = 20000  # issue 5: qmp_preconfig on one core, ASan+UBSan ...
ISSUE_REFERENCE = 55000  # ... where the small JSON target runs about 55,000
TARGET_RATIO = TARGET_EXEC_PER_SEC / ISSUE_REFERENCE
REFERENCE = "fuzzref_small_json"
SHORTER_INPUTS = [256, 128]  # max_len of the extra qmp_preconfig rows
ROUNDS = 3  # runs of qmp_preconfig, each between two runs of the reference


def _build(builddir):
    bd = os.path.relpath(builddir, ROOT) + "-fuzz"  # as the fuzz build names its own files
    if not os.path.exists(os.path.join(ROOT, bd, "build.ninja")):
        subprocess.run([sys.executable, "configure.py", "--fuzz", "--builddir", bd], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, timeout=60)
    p = subprocess.run(["ninja", "-f", f"{bd}/build.ninja", f"{bd}/bench/{REFERENCE}"] +
                       [f"{bd}/fuzz/fuzz_{t}" for t in TARGETS], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1200)
    if p.returncode != 0:
        raise RuntimeError("fuzz targets do not build: " +
                           p.stdout.decode("utf-8", "replace")[-300:])
    return os.path.join(ROOT, bd)


def _exec_per_sec(exe, seeds, seconds, tmp, extra=()):
    """libFuzzer's average exec/s of exe over `seconds` from the seeds (None: an empty corpus),
    with the target's .options and then `extra` (a later flag wins)."""
    corpus = tempfile.mkdtemp(dir=tmp)
    cmd = ([exe] + campaign.options_flags(exe) + list(extra) +
           ["-seed=1", f"-max_total_time={seconds}", "-print_final_stats=1",
            f"-artifact_prefix={tmp}/", corpus] + ([seeds] if seeds else []))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=seconds + 600)
    out = p.stdout.decode("utf-8", "replace")
    m = re.findall(r"^stat::average_exec_per_sec:\s+(\d+)", out, re.M)
    if p.returncode != 0 or not m:
        raise RuntimeError(f"{os.path.basename(exe)} ended with {p.returncode}: " +
                           "\n".join(out.splitlines()[-5:]))
    return int(m[-1])


def _afl_exec_per_sec(builddir, seeds, seconds, tmp):
    """AFL++'s execs_per_sec for fuzz_qmp_preconfig built by fuzz/afl-build.sh (persistent
    mode through AFL++'s libFuzzer driver, ASan+UBSan) over the same seeds, or None when AFL++
    is not installed."""
    if not (shutil.which("afl-clang-fast") and shutil.which("afl-fuzz")):
        return None
    afl = os.path.relpath(builddir, ROOT) + "-afl"
    subprocess.run(["sh", "fuzz/afl-build.sh", afl], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1200)
    out = os.path.join(tmp, "afl-out")
    rc, text, stats = campaign.afl_fuzz(os.path.join(ROOT, afl, "fuzz_qmp_preconfig"), seeds,
                                        out, seconds, ["-s", "1"])
    if rc != 0 or "execs_per_sec" not in stats:
        raise RuntimeError("afl-fuzz ended with %d: %s" % (rc, text[-300:]))
    if stats.get("saved_crashes", "0") != "0":
        raise RuntimeError("AFL++ found a crash in fuzz_qmp_preconfig: " + out)
    return float(stats["execs_per_sec"])


def _fork_per_input(emu, seeds, seconds):
    """Inputs a second when each input is one emu process (its session, then quit). A session
    that does not end within 0.5 s (a quit refused, or swallowed by an unfinished string; a
    session otherwise takes a few ms) is left out of the rotation, and its time is not
    counted."""
    files = sorted(os.listdir(seeds))
    n, i, spent = 0, 0, 0.0
    while spent < seconds and files:
        name = files[i % len(files)]
        data = open(os.path.join(seeds, name), "rb").read()
        dialect = "7.2" if data[0] & 1 else "3.0"
        argv = [emu, "-M", "none", "-nodefaults", "--preconfig", "--dialect", dialect,
                "-qmp", "stdio"] + (["-S"] if data[0] & 4 else [])
        t0 = time.perf_counter()
        try:
            subprocess.run(argv, input=data[1:] + b'\n{"execute":"quit"}\n',
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=0.5)
        except subprocess.TimeoutExpired:
            files.remove(name)
            continue
        spent += time.perf_counter() - t0
        n += 1
        i += 1
    return n / spent if spent else 0.0


def _scratch_parent():
    """Where the runs' corpora go: a memory file system when there is one. libFuzzer writes
    every new input as a file, and creating files on a disk file system has cost up to a tenth
    of a run here (ext4 looking for a free inode), the more the more a target finds."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def rows(emu, builddir, quick=False):
    seconds = 5 if quick else 20
    bd = _build(builddir)
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-fuzz-", dir=_scratch_parent()) as tmp:
        seeds = os.path.join(tmp, "seeds")
        subprocess.run([sys.executable, os.path.join(ROOT, "fuzz", "make_corpus.py"), seeds],
                       check=True, stdout=subprocess.DEVNULL, timeout=120)
        os.makedirs(os.path.join(seeds, "trace"), exist_ok=True)
        subprocess.run([os.path.join(builddir, "tests", "test_trace"), "--write-samples",
                        os.path.join(seeds, "trace")], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
        # This machine's speed moves by a third and more between runs of one binary. So
        # qmp_preconfig runs ROUNDS times, each run between two runs of the reference, and each
        # round's ratio is to the mean of the reference runs around it; the row gives the
        # medians, and every round in its note.
        reference = f"{bd}/bench/{REFERENCE}"
        refs = [_exec_per_sec(reference, None, seconds, tmp)]
        mains = []
        for _ in range(1 if quick else ROUNDS):
            mains.append(_exec_per_sec(f"{bd}/fuzz/fuzz_qmp_preconfig",
                                       os.path.join(seeds, "qmp_preconfig"), seconds, tmp))
            refs.append(_exec_per_sec(reference, None, seconds, tmp))
        around = [(refs[i] + refs[i + 1]) / 2 for i in range(len(mains))]
        ratios = [m / a for m, a in zip(mains, around)]
        main, small, main_ratio = (statistics.median(mains), statistics.median(around),
                                   statistics.median(ratios))
        rounds_note = "; ".join(f"{m} between {refs[i]} and {refs[i + 1]} ({r:.2f})"
                                for i, (m, r) in enumerate(zip(mains, ratios)))
        small_name = ("small JSON target (bench/fuzzref_small_json.c: parse and free; same "
                      "sanitizers; libFuzzer defaults, empty corpus; median of the means of its "
                      "runs around each fuzz_qmp_preconfig run)")
        target = (f">= {TARGET_EXEC_PER_SEC} exec/s where the small JSON target runs "
                  f"{ISSUE_REFERENCE}: ratio >= {TARGET_RATIO:.2f}")
        for t in TARGETS:
            is_main = t == "qmp_preconfig"
            v = main if is_main else _exec_per_sec(f"{bd}/fuzz/fuzz_{t}", os.path.join(seeds, t),
                                                   seconds, tmp)
            ratio = main_ratio if is_main else (v / small if small else None)
            out.append({
                "name": f"fuzz_{t} exec/s (libFuzzer, ASan+UBSan, {seconds} s from the seeds" +
                        (f", median of {len(mains)} rounds)" if is_main else ")"),
                "value": round(v), "ref_name": small_name, "ref": round(small), "unit": "exec/s",
                "ratio": ratio, "ratio_of": f"{t}/small JSON",
                "target": target if is_main else "",
                "met": ratio >= TARGET_RATIO if is_main else None,
                "note": ("max_len 512 (fuzz/fuzz_qmp_preconfig.options); rounds: " + rounds_note)
                        if is_main else ""})
            if is_main:
                afl = _afl_exec_per_sec(builddir, os.path.join(seeds, t), seconds, tmp)
                if afl is not None:
                    out.append({
                        "name": f"fuzz_qmp_preconfig exec/s under AFL++ (persistent, ASan+UBSan, "
                                f"{seconds} s from the seeds)",
                        "value": round(afl), "ref_name": small_name, "ref": round(small),
                        "unit": "exec/s", "ratio": afl / small if small else None,
                        "ratio_of": "qmp_preconfig (AFL++)/small JSON",
                        "target": target, "met": afl / small >= TARGET_RATIO if small else None,
                        "note": ""})
                # The same target held to shorter inputs: what input length costs.
                for max_len in SHORTER_INPUTS:
                    short = _exec_per_sec(f"{bd}/fuzz/fuzz_{t}", os.path.join(seeds, t),
                                          seconds, tmp, [f"-max_len={max_len}"])
                    out.append({
                        "name": f"fuzz_qmp_preconfig exec/s held to inputs <= {max_len} bytes",
                        "value": short, "ref_name": small_name, "ref": round(small),
                        "unit": "exec/s", "ratio": short / small if small else None,
                        "ratio_of": "qmp_preconfig/small JSON", "target": target,
                        "met": short / small >= TARGET_RATIO if small else None,
                        "note": "seeds cut to max_len by libFuzzer"})
                fork = _fork_per_input(emu, os.path.join(seeds, t), seconds)
                out.append({
                    "name": "fuzz_qmp_preconfig exec/s against a fork-per-input harness",
                    "value": round(v), "ref_name": "one emu process per input (plain build)",
                    "ref": round(fork, 1), "unit": "exec/s",
                    "ratio": v / fork if fork else None, "ratio_of": "in-process/fork",
                    "target": "", "met": None, "note": ""})
    return out
