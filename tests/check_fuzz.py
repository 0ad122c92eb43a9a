#!/usr/bin/env python3
"""Fuzz smoke test, part of `ninja test` (and `ninja fuzz-smoke`): builds the instrumented fuzz
targets (clang, libFuzzer, ASan, UBSan) in BUILDDIR-fuzz, replays every committed regression
input and the seeds made from the golden transcripts, then fuzzes each target for a bounded
time. Each step is a case; a crash, an oracle failure or a timeout fails it.
It must never run unbounded: every fuzzer run has -max_total_time and a process timeout.
"""
import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "fuzz"))
import campaign  # noqa: E402  (afl_fuzz: one AFL++ run and its fuzzer_stats)
import make_corpus  # noqa: E402  (options_max_len: the seeds' length limit)
TARGETS = ["qmp_preconfig", "json", "trace", "replay_roundtrip"]


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return -1, (e.stdout or b"").decode("utf-8", "replace") + "\ntimed out"


def tail(text, n=25):
    return "\n".join(text.rstrip().splitlines()[-n:])


def self_test(exe, variable, mode, probe, want):
    """Runs exe on probe with its self-test `variable` set to mode: (it failed saying want,
    its output)."""
    env = dict(os.environ, **{variable: mode})
    try:
        p = subprocess.run([exe, probe], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=120)
    except subprocess.TimeoutExpired:
        return False, "timed out"
    out = p.stdout.decode("utf-8", "replace")
    return p.returncode != 0 and want in out, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "20")))
    args = ap.parse_args()
    bd = args.builddir + "-fuzz"
    passed = failed = 0

    def case(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}\n{detail}")

    rc, out = run([sys.executable, "configure.py", "--fuzz", "--builddir", bd], 60)
    if rc == 0:
        rc, out = run(["ninja", "-f", f"{bd}/build.ninja"] +
                      [f"{bd}/fuzz/fuzz_{t}" for t in TARGETS], 900)
    case("fuzz targets build", rc == 0, tail(out))
    if rc != 0:
        print(f"{passed} passed, {failed} failed")
        return 1
    # A seed left by an earlier run (another max_len, a transcript since changed) must go.
    stale = os.path.join(ROOT, bd, "seeds", "qmp_preconfig", "0" * 40)
    os.makedirs(os.path.dirname(stale), exist_ok=True)
    with open(stale, "wb") as f:
        f.write(b"\x01" + b" " * 4096)
    run([sys.executable, "fuzz/make_corpus.py", f"{bd}/seeds"], 120)
    max_len = make_corpus.options_max_len("fuzz_qmp_preconfig")
    seed_dir = os.path.join(ROOT, bd, "seeds", "qmp_preconfig")
    sizes = [os.path.getsize(os.path.join(seed_dir, n)) for n in os.listdir(seed_dir)]
    case("qmp_preconfig seeds: none left from an earlier run, none over max_len",
         not os.path.exists(stale) and sizes and max(sizes) <= max_len,
         f"stale seed kept: {os.path.exists(stale)}; largest {max(sizes or [0])} > {max_len}")
    # trace seeds: sample traces written by the trace unit test of the main build
    os.makedirs(os.path.join(ROOT, bd, "seeds", "trace"), exist_ok=True)
    run([os.path.join(args.builddir, "tests", "test_trace"), "--write-samples",
         f"{bd}/seeds/trace"], 120)
    # The round trip's oracles must fire when the round trip is broken on purpose (a changed
    # output byte; a replay in the other dialect), on a seed that passes untouched.
    probe = os.path.join(ROOT, "fuzz", "regressions", "replay_roundtrip",
                         "compat-monitor-index-per-run")
    for mode, want in (("1", "FUZZ ORACLE: qmp-out event"),
                       ("2", "emu: replay: divergence at icount 0")):
        ok, out = self_test(f"{bd}/fuzz/fuzz_replay_roundtrip", "FUZZ_ROUNDTRIP_SELFTEST", mode,
                            probe, want)
        case(f"replay_roundtrip: a broken round trip is caught (self-test {mode})", ok,
             tail(out))
    # So must qmp_preconfig's checks of the reply count: a lost reply, a parser that is not
    # fresh when a session starts, a parser that drops the rest of the input.
    probe = os.path.join(ROOT, "fuzz", "regressions", "qmp_preconfig", "id-negative-zero")
    for mode, want in (("1", "FUZZ ORACLE: 3 requests but 2 replies"),
                       ("2", "FUZZ ORACLE: the session's parser is not fresh"),
                       ("3", "FUZZ ORACLE: the session's parser took 30 of 114 input bytes")):
        ok, out = self_test(f"{bd}/fuzz/fuzz_qmp_preconfig", "FUZZ_QMP_SELFTEST", mode, probe,
                            want)
        case(f"qmp_preconfig: a broken reply count is caught (self-test {mode})", ok, tail(out))
    for t in TARGETS:
        exe = f"{bd}/fuzz/fuzz_{t}"
        inputs = [d for d in (f"fuzz/regressions/{t}", f"{bd}/seeds/{t}") if os.path.isdir(d)]
        rc, out = run([exe, "-runs=0"] + inputs, 600)
        case(f"{t}: regressions and seeds replay", rc == 0, tail(out))
        corpus = f"{bd}/corpus/{t}"
        os.makedirs(os.path.join(ROOT, corpus), exist_ok=True)
        rc, out = run([exe, f"-max_total_time={args.seconds}"] + campaign.options_flags(exe) +
                      ["-print_final_stats=1", f"-artifact_prefix={bd}/", corpus] + inputs,
                      args.seconds + 300)
        stats = [l for l in out.splitlines() if l.startswith("stat::average_exec_per_sec")]
        case(f"{t}: {args.seconds} s campaign ({stats[0].split()[-1] if stats else '?'} exec/s)",
             rc == 0, tail(out))
    # The other two builds must keep building: OSS-Fuzz's convention (every target, with
    # libFuzzer here) and, where AFL++ is installed, afl-clang-fast with its libFuzzer driver.
    oss = os.path.join(ROOT, bd, "oss-fuzz")
    shutil.rmtree(oss, ignore_errors=True)
    os.makedirs(oss)
    env = dict(os.environ, CC="clang", CFLAGS="-O1 -fsanitize=address,undefined,fuzzer-no-link",
               LIB_FUZZING_ENGINE="-fsanitize=fuzzer", OUT=oss)
    try:
        p = subprocess.run(["bash", "fuzz/oss-fuzz-build.sh"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
        rc, out = p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, out = -1, "timed out"
    if rc == 0:
        for t in TARGETS:
            rc, out = run([os.path.join(oss, f"fuzz_{t}"), "-runs=0", f"fuzz/regressions/{t}"],
                          300)
            if rc != 0:
                break
    case("OSS-Fuzz build script: every target builds and replays its regressions", rc == 0,
         tail(out))
    if shutil.which("afl-clang-fast") and shutil.which("afl-fuzz"):
        afl = os.path.join(ROOT, bd, "afl")
        rc, out = run(["sh", "fuzz/afl-build.sh", afl], 900)
        stats = {}
        if rc == 0:
            afl_out = os.path.join(afl, "out")
            shutil.rmtree(afl_out, ignore_errors=True)
            rc, out, stats = campaign.afl_fuzz(os.path.join(afl, "fuzz_qmp_preconfig"),
                                               "fuzz/regressions/qmp_preconfig", afl_out, 10)
        ok = (rc == 0 and int(stats.get("execs_done", "0")) > 0 and
              stats.get("saved_crashes", "?") == "0")
        case(f"AFL++: qmp_preconfig builds and runs 10 s "
             f"({stats.get('execs_per_sec', '?')} exec/s, {stats.get('saved_crashes', '?')} "
             f"crashes)", ok, tail(out))
    else:
        print("skip AFL++: afl-clang-fast not installed")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
