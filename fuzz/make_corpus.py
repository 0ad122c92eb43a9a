#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the golden transcripts (their stdin), so the
fuzzers start from every scenario the suite knows. One file per transcript and mode byte.
It must never write outside the directory it is given.
"""
import hashlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "golden"))
import golden  # noqa: E402


def main():
    out = sys.argv[1]
    for target in ("qmp_preconfig", "json", "replay_roundtrip"):
        os.makedirs(os.path.join(out, target), exist_ok=True)
    n = 0
    for path in golden.find_all():
        g = golden.parse(path)
        if len(g.stdin) > 65536:
            continue
        dialect_bit = 1 if g.dialect == "7.2" else 0
        for mode in (dialect_bit, dialect_bit | 2, dialect_bit | 4):
            data = bytes([mode]) + g.stdin
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, "qmp_preconfig", name), "wb") as f:
                f.write(data)
            n += 1
        data = bytes([len(g.stdin) % 256]) + g.stdin
        with open(os.path.join(out, "json", hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        # replay_roundtrip: the session with its transcript's --preconfig and -S, read a line
        # at a time (0x40) and in 4096-byte reads (0x38).
        flags = dialect_bit | (2 if "-S" in g.args else 0) | (0 if "--preconfig" in g.args else 4)
        for reads in (0x40, 0x38):
            data = bytes([flags | reads]) + g.stdin
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, "replay_roundtrip", name), "wb") as f:
                f.write(data)
    print(f"{n} qmp_preconfig seeds written to {out}")


if __name__ == "__main__":
    main()
