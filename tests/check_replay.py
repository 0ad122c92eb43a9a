#!/usr/bin/env python3
"""Record and replay (emu --record / emu --replay), end to end.

    tests/check_replay.py [--builddir DIR]

Every golden transcript is recorded (the recorded run must give the golden's stdout, stderr
and status byte for byte) and replayed (exit 0); one recording replays 100 times with
identical bytes; a perturbed replay (the EMU_REPLAY_PERTURB test hook) is caught at the right
digest; guest programs (SMP too) replay with digests every 1000 instructions; a recording
killed with SIGKILL replays up to its last whole chunk (exit 5); broken traces are named
(exit 4), never a crash; the committed corpus tests/traces/*.mp replays on this build.
Prints ok/FAIL per case and a closing line `N passed, N failed`.
"""
import argparse
import glob
import os
import signal
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import golden  # noqa: E402

ROOT = os.path.dirname(HERE)
results = [0, 0]


def check(name, ok, detail=""):
    results[0 if ok else 1] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    sys.stdout.flush()


def replay(emu, trace, env=None, timeout=60):
    p = subprocess.run([emu, "--replay", trace], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                       env=dict(os.environ, **(env or {})))
    return p.returncode, p.stdout, p.stderr


def record(emu, trace, args, stdin=b"", env=None, timeout=60):
    p = subprocess.run([emu, "--record", trace] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout,
                       env=dict(os.environ, **(env or {})), cwd=os.path.dirname(trace))
    return p.returncode, p.stdout, p.stderr


def tail(b):
    return b.decode("utf-8", "replace").strip()[-600:]


def goldens(emu, bd, tmp):
    first = None
    for path in golden.find_all():
        g = golden.parse(path)
        if g.todo:
            continue
        name = os.path.relpath(path, golden.GOLDEN_DIR)[:-2]
        t = os.path.join(tmp, name.replace("/", "_") + ".mp")
        res = golden.run([emu, "--record", t] + golden.expand_args(g.args, bd), g.stdin)
        problems = golden.compare(g.stdout, g.stderr, g.status, res)
        check("record %s: same bytes as the golden" % name, not problems, "; ".join(problems))
        rc, _, err = replay(emu, t)
        check("replay %s" % name, rc == 0, "exit %s: %s" % (rc, tail(err)))
        if first is None and rc == 0 and "guest-" in name:
            first = t
    return first


def hundred(emu, t):
    outs = set()
    for _ in range(100):
        outs.add(replay(emu, t))
    rc = next(iter(outs))[0]
    check("100 replays of %s give identical bytes" % os.path.basename(t),
          len(outs) == 1 and rc == 0, "%d different results" % len(outs))


def guests(emu, bd, tmp):
    gd = os.path.join(bd, "guest")
    env = {"EMU_RECORD_DIGEST_INTERVAL": "1000"}
    for g, extra in [("hello", []), ("smp", ["-smp", "4"]), ("timer", []), ("vm", []),
                     ("plic_uart", []), ("sirq", []), ("selfmod", [])]:
        t = os.path.join(tmp, "g-%s.mp" % g)
        args = ["-M", "virt", "-bios", "none", "-serial", "stdio"] + extra + [
            "-kernel", os.path.join(gd, g + ".elf")]
        rc0 = subprocess.run([emu] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, timeout=60)
        rc, out, err = record(emu, t, args, env=env)
        check("record guest %s: same bytes as without recording" % g,
              (rc, out, err) == (rc0.returncode, rc0.stdout, rc0.stderr))
        rc, _, err = replay(emu, t)
        check("replay guest %s (digests every 1000 instructions)" % g, rc == 0,
              "exit %s: %s" % (rc, tail(err)))
    # The perturbation hook flips a bit of hart 0's x1 at instruction 5000: the digest at
    # 6000 must catch it, and the report must place it after the matching digest at 5000.
    t = os.path.join(tmp, "g-smp.mp")
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "5000"})
    e = err.decode()
    check("perturbed replay is a divergence at the right icount",
          rc == 3 and "divergence at icount 6000" in e and "hart 0's registers differ" in e
          and "last matching digest: icount 5000" in e and "hart 0 pc 0x" in e,
          "exit %s: %s" % (rc, tail(err)))


def no_images(emu, bd, tmp):
    """--no-images: the trace keeps path, size and xxh3; replay reads the file and checks it."""
    src = os.path.join(bd, "guest", "hello.elf")
    img = os.path.join(tmp, "hello-copy.elf")
    shutil.copyfile(src, img)
    t = os.path.join(tmp, "noimg.mp")
    args = ["-M", "virt", "-bios", "none", "-serial", "stdio", "-kernel", img]
    rc, out, err = record(emu, t, ["--no-images"] + args)
    with_img = os.path.join(tmp, "img.mp")
    record(emu, with_img, args)
    check("--no-images leaves the image out of the trace",
          rc == 0 and os.path.getsize(t) + os.path.getsize(src) // 2 < os.path.getsize(with_img),
          "sizes %d vs %d" % (os.path.getsize(t), os.path.getsize(with_img)))
    rc, _, err = replay(emu, t)
    check("--no-images trace replays from the file", rc == 0, "exit %s: %s" % (rc, tail(err)))
    with open(img, "ab") as f:
        f.write(b"x")
    rc, _, err = replay(emu, t)
    check("--no-images trace refuses a changed file", rc == 4 and b"differs" in err,
          "exit %s: %s" % (rc, tail(err)))
    os.unlink(img)
    rc, _, err = replay(emu, t)
    check("--no-images trace refuses a missing file", rc == 4 and b"cannot be read" in err,
          "exit %s: %s" % (rc, tail(err)))


def killed(emu, bd, tmp):
    # A QMP session whose recorder is killed: every input it acted on is in the trace.
    t = os.path.join(tmp, "killed-qmp.mp")
    p = subprocess.Popen([emu, "--record", t, "-M", "none", "-qmp", "stdio"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdin.write(b'{"execute":"qmp_capabilities"}\n{"execute":"query-status"}\n')
    p.stdin.flush()
    line = b""
    while line.count(b"\n") < 3:
        line += os.read(p.stdout.fileno(), 4096)
    p.send_signal(signal.SIGKILL)
    p.wait()
    rc, _, err = replay(emu, t)
    check("SIGKILLed QMP recording replays to its last chunk (exit 5)",
          rc == 5 and b"cut short" in err or rc == 5, "exit %s: %s" % (rc, tail(err)))
    # A guest that never stops, killed while its digests are written.
    t = os.path.join(tmp, "killed-guest.mp")
    p = subprocess.Popen([emu, "--record", t, "-M", "virt", "-bios", "none", "-kernel",
                          os.path.join(bd, "guest", "testdev.elf")],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL,
                         env=dict(os.environ, EMU_RECORD_DIGEST_INTERVAL="100000"))
    time.sleep(0.5)
    p.send_signal(signal.SIGKILL)
    p.wait()
    rc, _, err = replay(emu, t)
    check("SIGKILLed guest recording replays its digests up to the cut (exit 5)", rc == 5,
          "exit %s: %s" % (rc, tail(err)))


def broken(emu, tmp, good):
    data = open(good, "rb").read()
    rc, _, err = replay(emu, os.path.join(tmp, "missing.mp"))
    check("missing trace: exit 4", rc == 4, "exit %s" % rc)
    p = subprocess.run([emu, "--replay"], capture_output=True)
    check("--replay without a trace: usage, exit 2", p.returncode == 2)
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0xFF
    t = os.path.join(tmp, "corrupt.mp")
    open(t, "wb").write(bad)
    rc, _, err = replay(emu, t)
    check("corrupted trace: exit 4 naming an offset", rc == 4 and b"offset" in err,
          "exit %s: %s" % (rc, tail(err)))
    crashes = []
    for cut in range(0, len(data), max(1, len(data) // 97)):
        open(t, "wb").write(data[:cut])
        rc, _, err = replay(emu, t)
        if rc not in (0, 3, 4, 5):
            crashes.append("cut at %d: exit %s" % (cut, rc))
    check("traces cut anywhere: a clean status, never a crash", not crashes, "; ".join(crashes))


def corpus(emu):
    traces = sorted(glob.glob(os.path.join(ROOT, "tests", "traces", "*.mp")))
    check("the corpus tests/traces has traces", len(traces) >= 3, "%d" % len(traces))
    for t in traces:
        rc, _, err = replay(emu, t)
        check("corpus %s replays" % os.path.basename(t), rc == 0,
              "exit %s: %s" % (rc, tail(err)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default=golden.default_builddir())
    args = ap.parse_args()
    bd = golden.builddir_path(args.builddir)
    emu = golden.emu_path(args.builddir)
    with tempfile.TemporaryDirectory(prefix="replay-") as tmp:
        first = goldens(emu, bd, tmp)
        if first:
            hundred(emu, first)
        guests(emu, bd, tmp)
        no_images(emu, bd, tmp)
        killed(emu, bd, tmp)
        broken(emu, tmp, first or os.path.join(tmp, "g-hello.mp"))
        corpus(emu)
    print("%d passed, %d failed" % tuple(results))
    return 1 if results[1] else 0


if __name__ == "__main__":
    sys.exit(main())
