#!/usr/bin/env python3
"""A bounded libFuzzer campaign on one target: runs the fuzzer (under `nice -n 19`) from a
corpus and the seeds for SECONDS in all, restarting it after a crash so that one finding does
not end the campaign, and writes a summary (executions, exec/s, new units, coverage, findings)
as JSON next to the logs. Usage:

    fuzz/campaign.py BINARY SECONDS OUTDIR [SEED_DIR...] [-- EXTRA_LIBFUZZER_FLAGS...]

The target's .options file (fuzz/<binary name>.options) gives the dictionary and max_len.
It must never run unbounded: every fuzzer run has -max_total_time no larger than what remains
and a process timeout, and it writes only under OUTDIR.
"""
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def options_flags(binary):
    """-dict=... and -max_len=... from fuzz/<name>.options (libFuzzer section)."""
    name = os.path.basename(binary)
    path = os.path.join(ROOT, "fuzz", name + ".options")
    flags = []
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"\s*(\w+)\s*=\s*(\S+)", line)
            if m:
                key, value = m.groups()
                if key == "dict":
                    value = os.path.join(ROOT, "fuzz", value)
                flags.append(f"-{key}={value}")
    return flags


def afl_fuzz(target, inputs, out, seconds, extra=()):
    """Runs AFL++ (afl-fuzz) on an AFL++ build of a target (fuzz/afl-build.sh) for seconds,
    with the dictionary, in a container-friendly environment (no CPU frequency or core-pattern
    checks, no UI, no CPU pinning), writing under out. Returns (exit status or -1 on timeout,
    output text, fuzzer_stats as a dict, empty when AFL++ wrote none)."""
    env = dict(os.environ, AFL_SKIP_CPUFREQ="1", AFL_NO_UI="1", AFL_NO_AFFINITY="1",
               AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES="1")
    cmd = (["afl-fuzz", "-V", str(seconds)] + list(extra) +
           ["-i", inputs, "-o", out, "-x", os.path.join(ROOT, "fuzz", "qmp.dict"), "--", target])
    try:
        p = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=seconds + 600)
        rc, text = p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, text = -1, "timed out"
    stats = {}
    try:
        with open(os.path.join(out, "default", "fuzzer_stats")) as f:
            stats = {k.strip(): v.strip() for k, v in
                     (l.split(":", 1) for l in f.read().splitlines() if ":" in l)}
    except OSError:
        pass
    return rc, text, stats


def stat(text, key):
    m = re.findall(rf"^stat::{key}:\s+(\d+)", text, re.M)
    return int(m[-1]) if m else 0


def main(argv):
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    binary, seconds, outdir = argv[0], int(argv[1]), argv[2]
    seeds = argv[3:]
    corpus = os.path.join(outdir, "corpus")
    artifacts = os.path.join(outdir, "artifacts")
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    start = time.monotonic()
    segments = []
    while True:
        left = int(seconds - (time.monotonic() - start))
        if left < 5:
            break
        log_path = os.path.join(outdir, f"segment-{len(segments)}.log")
        cmd = (["nice", "-n", "19", binary] + options_flags(binary) +
               [f"-max_total_time={left}", "-print_final_stats=1",
                f"-artifact_prefix={artifacts}/"] + extra + [corpus] + seeds)
        t0 = time.monotonic()
        with open(log_path, "wb") as log:
            try:
                rc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT,
                                    timeout=left + 600).returncode
            except subprocess.TimeoutExpired:
                rc = -1
        text = open(log_path, "rb").read().decode("utf-8", "replace")
        cov = re.findall(r"cov: (\d+) ft: (\d+)", text)
        seg = {
            "log": log_path, "exit": rc, "seconds": round(time.monotonic() - t0, 1),
            "executions": stat(text, "number_of_executed_units"),
            "exec_per_sec": stat(text, "average_exec_per_sec"),
            "new_units": stat(text, "new_units_added"),
            "cov": int(cov[-1][0]) if cov else 0, "ft": int(cov[-1][1]) if cov else 0,
            "finding": [l for l in text.splitlines()
                        if l.startswith(("FUZZ ORACLE:", "==", "SUMMARY:",
                                         "artifact_prefix"))][:6],
        }
        segments.append(seg)
        print(json.dumps(seg), flush=True)
        if rc == 0:
            break
    total_exec = sum(s["executions"] for s in segments)
    total_time = sum(s["seconds"] for s in segments)
    summary = {
        "binary": os.path.basename(binary), "seconds": round(total_time, 1),
        "executions": total_exec,
        "exec_per_sec": round(total_exec / total_time) if total_time else 0,
        "new_units": sum(s["new_units"] for s in segments),
        "final_cov": segments[-1]["cov"] if segments else 0,
        "final_ft": segments[-1]["ft"] if segments else 0,
        "corpus_files": len(os.listdir(corpus)),
        "artifacts": sorted(os.listdir(artifacts)),
        "segments": segments,
    }
    with open(os.path.join(outdir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "segments"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
