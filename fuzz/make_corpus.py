#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the golden transcripts (their stdin), so the
fuzzers start from every scenario the suite knows. Usage: make_corpus.py OUTDIR.

json and replay_roundtrip get one file per transcript (and read mode), the whole stdin.
qmp_preconfig gets one per transcript and mode byte (dialect; dialect | negotiated;
dialect | -S), none longer than the max_len of fuzz/fuzz_qmp_preconfig.options, which libFuzzer
would cut a seed to: a longer stdin becomes windows of whole lines. A window after the first
starts where its session was: negotiated (mode | 2) once an earlier line sent
qmp_capabilities, and once an earlier line left preconfig it starts with that line, so the
commands of a built machine stay reachable. A line that alone exceeds max_len (the nesting
limit cases) is left to the json target, whose max_len is 64 KiB. A window may start inside a
request that spans lines: it is a seed, not a test, and the fuzzer mutates it anyway.
It replaces the seeds an earlier run left in OUTDIR, and must never write outside it.
"""
import hashlib
import os
import re
import sys

FUZZ_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(FUZZ_DIR, "..", "tests", "golden"))
import golden  # noqa: E402

def options_max_len(name):
    """max_len from fuzz/<name>.options (as fuzz/campaign.py reads it)."""
    with open(os.path.join(FUZZ_DIR, name + ".options")) as f:
        for line in f:
            m = re.match(r"\s*max_len\s*=\s*(\d+)", line)
            if m:
                return int(m.group(1))
    raise SystemExit(f"no max_len in fuzz/{name}.options")


def windows(stdin, limit):
    """(negotiated, bytes) for each window of whole lines of stdin, each at most limit bytes
    with its preamble. negotiated: an earlier line sent qmp_capabilities."""
    out, cur, cur_neg = [], b"", False
    negotiated, exit_line = False, b""
    for line in stdin.splitlines(keepends=True):
        if cur and len(cur) + len(line) > limit:
            out.append((cur_neg, cur))
            cur = b""
        if not cur:
            cur_neg = negotiated
            cur = exit_line if len(exit_line) + len(line) <= limit else b""
        if len(cur) + len(line) <= limit:
            cur += line
        negotiated = negotiated or b"qmp_capabilities" in line
        if not exit_line and b"exit-preconfig" in line and len(line) <= 128:
            exit_line = line  # x-exit-preconfig (7.2) or exit-preconfig (3.0), as sent
    if cur:
        out.append((cur_neg, cur))
    return out


def write(out, target, data):
    with open(os.path.join(out, target, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]
    for target in ("qmp_preconfig", "json", "replay_roundtrip"):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        # Seeds an earlier run wrote (named by their SHA-1) go: a transcript since changed, or
        # a window of another max_len, would otherwise stay in the corpus.
        for name in os.listdir(d):
            if re.fullmatch(r"[0-9a-f]{40}", name) and os.path.isfile(os.path.join(d, name)):
                os.remove(os.path.join(d, name))
    qmp_limit = options_max_len("fuzz_qmp_preconfig") - 1  # the mode byte is part of an input
    n = 0
    for path in golden.find_all():
        g = golden.parse(path)
        if len(g.stdin) > 65536:
            continue
        dialect_bit = 1 if g.dialect == "7.2" else 0
        for mode in (dialect_bit, dialect_bit | 2, dialect_bit | 4):
            for negotiated, data in windows(g.stdin, qmp_limit):
                if data.strip():
                    write(out, "qmp_preconfig", bytes([mode | 2 if negotiated else mode]) + data)
                    n += 1
        write(out, "json", bytes([len(g.stdin) % 256]) + g.stdin)
        # replay_roundtrip: the session with its transcript's --preconfig and -S, read a line
        # at a time (0x40) and in 4096-byte reads (0x38).
        flags = dialect_bit | (2 if "-S" in g.args else 0) | (0 if "--preconfig" in g.args else 4)
        for reads in (0x40, 0x38):
            write(out, "replay_roundtrip", bytes([flags | reads]) + g.stdin)
    print(f"{n} qmp_preconfig seeds written to {out}")


if __name__ == "__main__":
    main()
