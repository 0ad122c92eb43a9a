#!/usr/bin/env python3
"""Process-level tests of `emu trace info|dump|verify|diff` (replay/trace_tool.c) on the sample
traces `BUILDDIR/tests/test_trace --write-samples DIR` writes, and on truncated, corrupted and
foreign copies of them: outputs, exit statuses, and never a crash. Each check is a case; the
closing line is `N passed, N failed`. It must never write outside its temporary directory.
"""
import argparse
import base64
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The sample run of tests/test_trace.c, event by event (kinds), then the exit event.
SAMPLE_KINDS = ["qmp-connect", "qmp-out", "qmp-in", "qmp-out", "host-time", "host-time",
                "serial-out", "serial-out", "serial-in", "digest", "qmp-in", "qmp-out",
                "qmp-out-hash", "serial-out-hash", "signal", "qmp-disconnect", "qmp-connect",
                "digest", "exit"]
PREAMBLE, FRAME = 9, 16


class Suite:
    def __init__(self, emu):
        self.emu = emu
        self.passed = self.failed = 0

    def run(self, *args):
        p = subprocess.run([self.emu, "trace"] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        if p.returncode < 0 or p.returncode >= 128 or "Sanitizer" in err or "runtime error" in err:
            raise AssertionError(f"crashed ({p.returncode}): {' '.join(args)}\n{err}")
        return p.returncode, out, err

    def case(self, name, fn):
        try:
            fn()
            self.passed += 1
            print(f"ok   {name}")
        except AssertionError as e:
            self.failed += 1
            print(f"FAIL {name}: {e}")


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def chunk_starts(data):
    """Frame offsets of a well-formed trace's chunks."""
    starts, off = [], PREAMBLE
    while off < len(data):
        starts.append(off)
        off += FRAME + struct.unpack_from("<I", data, off)[0]
    return starts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default="build")
    args = ap.parse_args()
    bd = os.path.join(ROOT, args.builddir)
    s = Suite(os.path.join(bd, "emu"))
    tmp = tempfile.TemporaryDirectory(prefix="emu-trace-tools-")
    d = tmp.name
    gen = os.path.join(bd, "tests", "test_trace")
    if not (os.access(gen, os.X_OK) and os.access(s.emu, os.X_OK)):
        print(f"FAIL {args.builddir}/emu and {args.builddir}/tests/test_trace are not built "
              "(ninja all)\n0 passed, 1 failed")
        return 1
    if subprocess.run([gen, "--write-samples", d]).returncode != 0:
        print("FAIL writing the sample traces\n0 passed, 1 failed")
        return 1

    def p(name):
        return os.path.join(d, name)

    clean = open(p("clean.mp"), "rb").read()

    def write(name, data):
        with open(p(name), "wb") as f:
            f.write(data)
        return p(name)

    def verify_clean():
        rc, out, err = s.run("verify", p("clean.mp"))
        expect(rc == 0, f"exit {rc}: {err}")
        expect(out == f"{p('clean.mp')}: ok: format 1, emu 0.1.0, 14 chunks, 19 events, "
               "instructions 0 to 134217733, closed cleanly, exit status 3\n", out)
    s.case("verify: a clean trace", verify_clean)

    def info_clean():
        rc, out, err = s.run("info", p("clean.mp"))
        expect(rc == 0, f"exit {rc}: {err}")
        for line in ["format:          1", "emu:             0.1.0",
                     "features:        0x0 (outputs as bytes, images embedded)",
                     'dialect:         "7.2"', "events:          19",
                     'start:           {"machine":"virt","runstate":"prelaunch","smp":2}',
                     "instructions:    0 to 134217733", "closed cleanly:  yes, exit status 3",
                     "digest interval: 67108864 instructions", "icount shift:    0"]:
            expect(line in out.splitlines(), f"no line {line!r} in\n{out}")
        expect(f"size:            {len(clean)} bytes: preamble 9," in out, out)
        expect('"guest.elf": 23 bytes, xxh3 ' in out and ", embedded" in out, out)
        rows = {l.split()[0]: l.split()[1:] for l in out.splitlines() if l.startswith("  ")}
        expect(rows["qmp-out"][0] == "3" and rows["digest"][0] == "2", rows)
    s.case("info: header fields, counts by kind, size", info_clean)

    def dump_clean():
        rc, out, err = s.run("dump", "--header", p("clean.mp"))
        expect(rc == 0, f"exit {rc}: {err}")
        lines = [json.loads(l) for l in out.splitlines()]
        h = lines[0]["header"]
        expect(h["argv"][:3] == ["emu", "-M", "virt"] and h["dialect"] == "7.2", h)
        expect(h["images"][0]["embedded"] is True and len(h["images"][0]["xxh3"]) == 16, h)
        ev = lines[1:]
        expect([e["kind"] for e in ev] == SAMPLE_KINDS, [e["kind"] for e in ev])
        expect([e["seq"] for e in ev] == list(range(len(SAMPLE_KINDS))), "seq")
        expect(ev[2]["data"] == '{"execute":"qmp_capabilities"}\n', ev[2])
        expect(ev[6]["data"] == 'Hello "world"\n', ev[6])
        expect(base64.b64decode(ev[7]["data_b64"]) == b"\xff\xfe\x00 bin", ev[7])
        expect(ev[4] == {"seq": 4, "icount": 1000, "kind": "host-time", "clock": 0,
                         "ns": 1700000000123456789}, ev[4])
        expect(ev[9]["harts"] == ["0123456789abcdef", "fedcba9876543210"], ev[9])
        expect(ev[14]["signo"] == 15 and ev[18] == {"seq": 18, "icount": 134217733,
                                                    "kind": "exit", "status": 3}, ev[18])
        rc, out2, _ = s.run("dump", p("clean.mp"))
        expect(out2.splitlines() == out.splitlines()[1:], "dump without --header")
    s.case("dump: JSON lines, text and base64 bytes, header", dump_clean)

    def dump_hashed():
        rc, out, err = s.run("dump", p("hashed.mp"))
        expect(rc == 0, f"exit {rc}: {err}")
        ev = [json.loads(l) for l in out.splitlines()]
        kinds = [e["kind"] for e in ev]
        expect("qmp-out" not in kinds and "serial-out" not in kinds, kinds)
        expect(kinds.count("qmp-out-hash") == 4 and kinds.count("serial-out-hash") == 3, kinds)
        expect(ev[1]["len"] == 26 and len(ev[1]["xxh3"]) == 16, ev[1])
        rc, out, _ = s.run("info", p("hashed.mp"))
        expect("features:        0x1 (outputs as xxh3, images embedded)" in out, out)
    s.case("dump, info: outputs recorded as hashes", dump_hashed)

    def no_images():
        rc, out, err = s.run("info", p("noimages.mp"))
        expect(rc == 0 and ", not embedded" in out and "(images 0)" in out, out + err)
    s.case("info: images left out", no_images)

    def unclosed():
        for tool, want_out in (("verify", None), ("info", "closed cleanly:  no: truncated: "),
                               ("dump", None)):
            rc, out, err = s.run(tool, p("unclosed.mp"))
            expect(rc == 2, f"{tool}: exit {rc}")
            expect("did not close cleanly" in out + err, out + err)
            if want_out:
                expect(want_out in out, out)
        rc, out, err = s.run("dump", p("unclosed.mp"))
        expect(len(out.splitlines()) == 10, out)
    s.case("a trace that was not closed: exit 2, every event before", unclosed)

    def other_emu():
        rc, out, err = s.run("verify", p("other-emu.mp"))
        expect(rc == 5 and "written by emu 0.0.9; this is emu 0.1.0" in err, f"{rc} {err}")
        rc, out, err = s.run("verify", "--any-version", p("other-emu.mp"))
        expect(rc == 0 and "emu 0.0.9" in out, f"{rc} {out}{err}")
        rc, out, err = s.run("info", p("other-emu.mp"))
        expect(rc == 0 and "emu:             0.0.9 (this is emu 0.1.0)" in out, out)
    s.case("another emu version: verify exit 5, --any-version, info says so", other_emu)

    starts = chunk_starts(clean)

    def truncations():
        for cut in range(len(clean)):
            path = write("cut.mp", clean[:cut])
            rc, out, err = s.run("verify", path)
            expect(rc == 2, f"cut at {cut}: exit {rc}: {err}")
            boundary = max([b for b in starts if b <= cut], default=cut)
            expect(f"offset {boundary}" in err, f"cut at {cut}: {err}")
    s.case(f"verify: truncated at each of {len(clean)} offsets: exit 2, the chunk named",
           truncations)

    def corruptions():
        for i in range(len(clean)):
            data = bytearray(clean)
            data[i] ^= 0x55
            path = write("bad.mp", bytes(data))
            rc, out, err = s.run("verify", path)
            if i < PREAMBLE:
                expect(rc == 4, f"byte {i}: exit {rc}: {err}")
                continue
            chunk = max(b for b in starts if b <= i)
            expect(rc == 3 and f"offset {chunk}" in err, f"byte {i}: exit {rc}: {err}")
    s.case(f"verify: each of {len(clean)} bytes corrupted: exit 3, the chunk named", corruptions)

    def bad_versions():
        rc, _, err = s.run("verify", write("v2.mp", clean[:8] + b"\x02" + clean[9:]))
        expect(rc == 4 and "format version 2 (offset 8): this emu reads format version 1" in err,
               err)
        rc, _, err = s.run("info", write("text.mp", b"hello, world\n"))
        expect(rc == 4 and "not an emu trace" in err, err)
        rc, _, err = s.run("dump", p("missing.mp"))
        expect(rc == 66 and "cannot open the trace" in err, err)
    s.case("unsupported version, not a trace, missing file: exits 4 and 66", bad_versions)

    def usage():
        for argv in ([], ["frobnicate"], ["dump"], ["dump", "a", "b"], ["diff", "a"],
                     ["verify", "--bogus", "a"], ["info"]):
            rc, out, err = s.run(*argv)
            expect(rc == 64 and "usage: emu trace" in err, f"{argv}: {rc} {err}")
        rc, out, _ = s.run("--help")
        expect(rc == 0 and "emu trace diff A B" in out, out)
    s.case("usage errors: exit 64", usage)

    def diffs():
        rc, out, err = s.run("diff", p("clean.mp"), p("clean-copy.mp"))
        expect(rc == 0 and out == "identical: 19 events, same ending\n", f"{rc} {out}{err}")
        rc, out, err = s.run("diff", p("clean.mp"), p("differ.mp"))
        lines = out.splitlines()
        expect(rc == 1 and "first difference at event 11:" in lines, f"{rc} {out}")
        ctx = [json.loads(l[2:])["seq"] for l in lines if l.startswith("  {")]
        minus = [json.loads(l[2:]) for l in lines if l.startswith("- {")]
        plus = [json.loads(l[2:]) for l in lines if l.startswith("+ {")]
        expect(ctx == [8, 9, 10] and [e["seq"] for e in minus] == [11, 12, 13], out)
        expect(minus[0]["data"] != plus[0]["data"] and "paused" in plus[0]["data"], out)
        rc, out, err = s.run("diff", p("clean.mp"), p("argv.mp"))
        expect(rc == 1 and "header field argv differs:" in out and
               "events identical: 19 events, same ending" in out, out)
        rc, out, err = s.run("diff", p("clean.mp"), p("unclosed.mp"))
        expect(rc == 1 and "+ (end: truncated: the trace ends at offset" in out, out)
        rc, out, err = s.run("diff", p("unclosed.mp"), p("unclosed.mp"))
        expect(rc == 0, f"{rc} {out}")
        data = bytearray(clean)
        data[starts[3] + FRAME + 1] ^= 1
        rc, out, err = s.run("diff", p("clean.mp"), write("bad.mp", bytes(data)))
        expect(rc == 3 and f"corrupt: chunk at offset {starts[3]}" in err, f"{rc} {out}{err}")
    s.case("diff: identical, an event, a header field, an ending, a corrupt trace", diffs)

    print(f"{s.passed} passed, {s.failed} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
