#!/usr/bin/env python3
"""Record and replay (emu --record / emu --replay), end to end.

    tests/check_replay.py [--builddir DIR]

Every golden transcript is recorded (the recorded run must give the golden's stdout, stderr
and status byte for byte) and replayed (exit 0); one recording replays 100 times with
identical bytes; perturbed replays (the EMU_REPLAY_PERTURB test hook: a register or a RAM
byte) are narrowed to the instruction count, register and values, or to the store that sent a
differing serial byte; an input after an idle time jump replays at its own boundary; guest
programs (SMP too) replay with digests every 1000 instructions; a recording
killed with SIGKILL replays up to its last whole chunk (exit 5); broken traces are named
(exit 4), never a crash; the committed corpus tests/traces/*.mp replays on this build.
Prints ok/FAIL per case and a closing line `N passed, N failed`.
"""
import argparse
import glob
import json
import os
import re
import signal
import shutil
import struct
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
                     ("plic_uart", []), ("sirq", []), ("selfmod", []), ("tlb_dirty", [])]:
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
    # 6000 must catch it, the sub-checkpoints bound it to (5000, 5062], the registers name x1
    # with both values, and the stepping re-run names instruction count 5000 exactly.
    t = os.path.join(tmp, "g-smp.mp")
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "5000"})
    e = err.decode()
    check("perturbed replay is a divergence narrowed to the right instruction and register",
          rc == 3 and "divergence at icount 6000" in e and "hart 0's state differs" in e
          and "matched its recorded register hash at icount 5000 and differed at icount 5062"
          in e and "x1 (ra): expected 0x00000000800006d0, actual 0x00000000800006d1" in e
          and "x1 (ra): took its replay value at icount 5000, between two instructions" in e
          and "earliest of those changes: icount 5000, inside the trace's bound" in e
          and "last matching digest: icount 5000" in e and "hart 0 pc 0x" in e,
          "exit %s: %s" % (rc, tail(err)))
    perturbed_registers(emu, bd, tmp, env)
    perturbed_ram(emu, bd, tmp)
    serial_divergence(emu, bd, tmp)


def perturbed_registers(emu, bd, tmp, env):
    """Flips at several counts, in registers the timer guest never writes (tp, gp) and in one
    it does: each report names the count (a flip is no instruction's doing), the register with
    its recorded and replayed values, and a sub-checkpoint bound that holds the count."""
    t = os.path.join(tmp, "g-timer.mp")
    for n, reg in [(300, 4), (1234, 4), (2500, 3), (4321, 4), (999, 3)]:
        rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:x%d" % (n, reg)})
        e = err.decode()
        m = re.search(r"matched its recorded register hash at icount (\d+) and differed at "
                      r"icount (\d+)", e)
        val = re.search(r"x%d \(\w+\): expected 0x([0-9a-f]+), actual 0x([0-9a-f]+)" % reg, e)
        ok = (rc == 3 and m is not None and int(m.group(1)) <= n < int(m.group(2))
              and val is not None and int(val.group(1), 16) ^ int(val.group(2), 16) == 1
              and ("took its replay value at icount %d, between two instructions" % n) in e
              and ("earliest of those changes: icount %d, inside the trace's bound" % n) in e)
        check("perturbed x%d at icount %d: reported at that count, with both values" % (reg, n),
              ok, "exit %s: %s" % (rc, tail(err)))
    # A flipped RAM word (the guest's tick counter) that a load then brings into a register:
    # the registers that differ got their values from instructions, which are named.
    nm = subprocess.run(["riscv64-unknown-elf-nm", os.path.join(bd, "guest", "timer.elf")],
                        capture_output=True).stdout.decode()
    ticks = [int(x.split()[0], 16) for x in nm.splitlines() if x.endswith(" ticks")]
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "1500:m%d" % ticks[0]})
    e = err.decode()
    m = re.search(r"matched its recorded register hash at icount (\d+) and differed at "
                  r"icount (\d+)", e)
    check("flipped RAM word: bounded, and the instructions that wrote the registers named",
          rc == 3 and m is not None and int(m.group(1)) <= 1500 < int(m.group(2))
          and re.search(r"took its replay value at icount \d+, written by instruction #\d+ at "
                        r"pc 0x[0-9a-f]+: \w+", e) is not None
          and "earliest of those changes: icount" in e, "exit %s: %s" % (rc, tail(err)))
    # A register the guest then writes from the flipped one: the instruction is named.
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "2500:x2"})
    e = err.decode()
    check("perturbed sp: the report names registers, values and where each got its value",
          rc == 3 and "expected 0x" in e and "took its replay value at icount" in e,
          "exit %s: %s" % (rc, tail(err)))


def perturbed_ram(emu, bd, tmp):
    """RAM divergences, placed by the trace's RAM log. A byte flipped in a page the timer guest
    never touches: the report names that page, a sub-checkpoint bound holding the count, the
    flip at that count between two instructions with the byte's address and values, and no
    register (RAM parted first). Then the guest's own store: a flipped tick counter found in a
    window where the tick handler stores it, and a flipped register it stores from, which the
    report names as that store instruction (bytes changed or not)."""
    t = os.path.join(tmp, "g-timer.mp")
    for n in (300, 1234, 2500, 4321):
        rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:m%d" % (n, 0x80100010)})
        e = err.decode()
        m = re.search(r"RAM's sum matched at icount (\d+) and differed at icount "
                      r"(\d+)", e)
        ok = (rc == 3 and "RAM differs (sum of page hashes" in e and m is not None
              and int(m.group(1)) <= n < int(m.group(2))
              and "1 page of 4 KiB differs" in e
              and "page 0x0000000080100000: xxh3 low half" in e
              and "changed since the last digest by the replay only" in e
              and ("icount %d, between two instructions" % n) in e
              and "1 byte changed, the first at 0x0000000080100010: 0x00 -> 0x01" in e
              and ("changed from outside the guest's code at icount %d, inside the trace's "
                   "bound" % n) in e
              and "hart 0's state differs" not in e)
        check("flipped byte of an untouched page at icount %d: the page, the bound, the count"
              % n, ok, "exit %s: %s" % (rc, tail(err)))
    # A stack slot the guest overwrites before the next digest: RAM parts and meets again.
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "3010:m%d" % 0x80005ed0})
    e = err.decode()
    m = re.search(r"RAM's sum matched at icount (\d+) and differed at icount (\d+)", e)
    check("RAM that parts and meets again by the digest: bounded, said so",
          rc == 3 and m is not None and int(m.group(1)) <= 3010 < int(m.group(2))
          and "RAM differed at a sub-checkpoint (its sum at the digest" in e
          and "the runs parted and met again within the interval" in e
          and "a write around the RAM log" not in e, "exit %s: %s" % (rc, tail(err)))
    elf = os.path.join(bd, "guest", "timer.elf")
    nm = subprocess.run(["riscv64-unknown-elf-nm", elf], capture_output=True).stdout.decode()
    ticks = [int(x.split()[0], 16) for x in nm.splitlines() if x.endswith(" ticks")][0]
    dis = subprocess.run(["riscv64-unknown-elf-objdump", "-d", "-M", "no-aliases", elf],
                         capture_output=True).stdout.decode().splitlines()
    # the handler: ...<ticks>, then ld a5,0(a4); addi a5,a5,1; sd a5,0(a4)
    at = [i for i, x in enumerate(dis) if "<ticks>" in x][0]
    store_pc = [int(x.split(":")[0], 16) for x in dis[at:at + 4] if "sd\ta5,0(a4)" in x
                or "c.sd\ta5,0(a4)" in x][0]
    store_line = re.compile(r"icount (\d+), by instruction #\1, hart 0 at pc 0x0*%x: sd "
                            r"a5,0\(a4\)" % store_pc)
    found = None
    for n in range(1010, 7000, 40):
        rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:m%d" % (n, ticks)})
        m = store_line.search(err.decode())
        if rc == 3 and m:
            found = int(m.group(1))
            break
    check("flipped tick counter: the handler's store to it is listed in the RAM report",
          found is not None, "no window with the store at pc 0x%x" % store_pc)
    if found is None:
        return
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:x15" % (found - 1)})
    e = err.decode()
    ram = e[e.find("RAM differs (sum"):]
    m = re.search(r"RAM's sum matched at icount (\d+) and differed at icount (\d+)",
                  ram)
    check("flipped a5 before the store: the RAM report names the store instruction",
          rc == 3 and m is not None and int(m.group(1)) < found <= int(m.group(2))
          and re.search(r"icount %d, by instruction #%d, hart 0 at pc 0x0*%x: sd a5,0\(a4\); "
                        r"(a store that left the page's bytes as they were|\d+ bytes? changed)"
                        % (found, found, store_pc), ram) is not None,
          "exit %s: %s" % (rc, tail(err)))
    perturbed_devices(emu, t, dis, at, found)


def perturbed_devices(emu, t, dis, at, tick_store):
    """Device state divergences: the UART's scratch register flipped (nothing else changes) is
    placed at its count and named; a flipped a3 that the tick handler then writes to the
    CLINT's timecmp (the handler's `sd a3,0(a5)`, two instructions after its store to ticks)
    is named as that instruction's change of the CLINT."""
    for n in (700, 2222, 4800):
        rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:d" % n})
        e = err.decode()
        m = re.search(r"the device state matched at icount (\d+) and differed at icount (\d+)",
                      e)
        ok = (rc == 3 and "device state differs (xxh3" in e and m is not None
              and int(m.group(1)) <= n < int(m.group(2))
              and re.search(r"    uart: xxh3 low half [0-9a-f]{8}, recorded [0-9a-f]{8}", e)
              and "uart: changed 1 time by the replay" in e
              and ("icount %d, between two instructions (a device event" % n) in e
              and "hart 0's state differs" not in e and "RAM differs" not in e)
        check("flipped UART scratch register at icount %d: the part, the bound, the count" % n,
              ok, "exit %s: %s" % (rc, tail(err)))
    timecmp_pc = [int(x.split(":")[0], 16) for x in dis[at:at + 8] if "sd\ta3,0(a5)" in x
                  or "c.sd\ta3,0(a5)" in x][0]
    k = tick_store + 2
    rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "%d:x13" % (k - 1)})
    e = err.decode()
    dev = e[e.find("device state differs"):]
    check("flipped a3 before the timecmp store: the CLINT's change is named as that store",
          rc == 3 and "clint: xxh3 low half" in dev
          and re.search(r"icount %d, by instruction #%d, hart 0 at pc 0x0*%x: sd a3,0\(a5\)"
                        % (k, k, timecmp_pc), dev) is not None,
          "exit %s: %s" % (rc, tail(err)))


def elf_vaddr_of(path, needle):
    """The guest address of bytes in an ELF64 image (its PT_LOAD program headers)."""
    data = open(path, "rb").read()
    off = data.find(needle)
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize)
        if p_type == 1 and p_offset <= off < p_offset + p_filesz:
            return p_vaddr + off - p_offset
    return None


def serial_divergence(emu, bd, tmp):
    """A byte of the greeting flipped in RAM: the report names the stream offset and the store
    that sent it, which must be the guest's `sb` to the UART, one loop iteration per byte (the
    same number of instructions apart), and no later than the recorded slice's end."""
    elf = os.path.join(bd, "guest", "hello.elf")
    t = os.path.join(tmp, "g-hello.mp")
    base = elf_vaddr_of(elf, b"hello from the guest")
    found = []
    for k in range(3):
        rc, _, err = replay(emu, t, env={"EMU_REPLAY_PERTURB": "1:m%d" % (base + k)})
        e = err.decode()
        m = re.search(r"the replay's byte (\d+) was sent by instruction #(\d+), hart 0's store "
                      r"at pc 0x([0-9a-f]+): (sb \S+)", e)
        ok = (rc == 3 and ("serial 0 output differs at byte %d of the stream" % k) in e
              and m is not None and int(m.group(1)) == k)
        check("flipped greeting byte %d: the serial divergence names its store" % k, ok,
              "exit %s: %s" % (rc, tail(err)))
        if ok:
            found.append((int(m.group(2)), m.group(3)))
    steps = [b[0] - a[0] for a, b in zip(found, found[1:])]
    dump = subprocess.run([emu, "trace", "dump", t], capture_output=True).stdout.decode()
    first_out = [json.loads(x)["icount"] for x in dump.splitlines() if "serial-out" in x]
    check("the named stores are one per byte, at one pc, within the recorded slice",
          len(found) == 3 and len(set(pc for _, pc in found)) == 1 and steps[0] == steps[1] > 0
          and first_out and found[-1][0] <= first_out[0], "%s %s" % (found, first_out))


def idle_jump(emu, bd, tmp):
    """Input after an idle time jump at the count of an earlier boundary. The sleep guest
    waits in WFI for a timer 10 s away; `stop` while it waits, `cont` (the next request is
    held until a slice has run), and that slice runs no instruction: time jumps 10 s, so the
    held `stop` comes at the same count 10 s later (its STOP event says so). A replay that
    took it at the first boundary of that count would stamp the event 10 s early."""
    t = os.path.join(tmp, "idle-jump.mp")
    qmp = b"".join(b'{"execute":"%s"}\n' % c for c in
                   [b"qmp_capabilities", b"cont", b"stop", b"cont", b"stop", b"quit"])
    rc, out, _ = record(emu, t, ["-M", "virt", "-bios", "none", "-S", "-kernel",
                                 os.path.join(bd, "guest", "sleep.elf"), "-qmp", "stdio"],
                        stdin=qmp)
    stops = re.findall(rb'"seconds": (\d+), "microseconds": \d+}, "event": "STOP"', out)
    check("idle jump: the recorded run stamps the second STOP 10 s after the first",
          rc == 0 and len(stops) == 2 and int(stops[1]) - int(stops[0]) == 10, repr(out[-300:]))
    rc, _, err = replay(emu, t)
    check("idle jump: the replay takes the held request after the jump", rc == 0,
          "exit %s: %s" % (rc, tail(err)))
    # An input read after a silent jump: the idle_timer guest arms a timer with interrupts
    # off and waits; time jumps 1 s at once (no output), then emu blocks. A `stop` sent a
    # moment later is read at the count of the boundaries before the jump, 1 s later: the
    # trace says so (idle_ns), and the replay must deliver it after its own jump, or its STOP
    # event would be stamped 1 s early.
    t = os.path.join(tmp, "idle-jump-input.mp")
    for attempt in range(5):
        p = subprocess.Popen([emu, "--record", t, "-M", "virt", "-bios", "none", "-kernel",
                              os.path.join(bd, "guest", "idle_timer.elf"), "-qmp", "stdio"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdin.write(b'{"execute":"qmp_capabilities"}\n')
        p.stdin.flush()
        seen = b""
        while b"return" not in seen:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
        time.sleep(0.2 * (attempt + 1))  # the guest reaches its WFI in microseconds
        p.stdin.write(b'{"execute":"stop"}\n{"execute":"quit"}\n')
        p.stdin.close()
        p.stdout.read()
        p.stderr.read()
        p.wait(timeout=60)
        dump = subprocess.run([emu, "trace", "dump", t], capture_output=True).stdout.decode()
        late = [json.loads(x) for x in dump.splitlines() if '\\"stop\\"' in x]
        if late and late[0].get("idle_ns", 0) > 0:
            break
    check("idle jump: an input read after a silent jump records its idle time",
          late and late[0].get("idle_ns", 0) > 900_000_000
          and late[0]["icount"] < 1000, dump[-400:])
    rc, _, err = replay(emu, t)
    check("idle jump: that input replays at its own boundary, after the jump", rc == 0,
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
        idle_jump(emu, bd, tmp)
        no_images(emu, bd, tmp)
        killed(emu, bd, tmp)
        broken(emu, tmp, first or os.path.join(tmp, "g-hello.mp"))
        corpus(emu)
    print("%d passed, %d failed" % tuple(results))
    return 1 if results[1] else 0


if __name__ == "__main__":
    sys.exit(main())
