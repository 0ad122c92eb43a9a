"""Record/replay figures for bench/run.py: recording overhead on the CRC guest, replay speed
against recording, trace growth of a guest running without input (bytes per 10^9
instructions), and the bytes of a recorded QMP session against its traffic. Each figure is a
dict (name, value, ref name, ref value, unit, ratio, target, met, note). It measures; it never
asserts, and never reports a figure whose run it did not check (exit status, replay status 0).

Times are the child's CPU time (user + system, from wait4), the best of REPS runs taken in
turn (plain, record, replay, plain, ...), so that load from other processes, which mostly
delays a run rather than making it use more CPU, and its drift hit all three alike. When
valgrind is installed (and not --quick), the host instructions of one recording and one
replay (callgrind) are compared as well: a figure that no load can move.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

GUEST_ARGS = ["-M", "virt", "-bios", "none", "-serial", "stdio"]
REPS = 11


def _wall(argv, env=None):
    """The child's CPU time in seconds (user + system)."""
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])}...: exit {p.returncode}: "
                           f"{err.decode('utf-8', 'replace')[:200]}")
    return ru.ru_utime + ru.ru_stime


def _host_insns(argv, tmp):
    """Host instructions of one run under callgrind, or None."""
    out = os.path.join(tmp, "cg.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=600)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


def rows(emu, builddir, quick=False):
    reps = 3 if quick else REPS
    crc = os.path.join(builddir, "guest", "bench_crc.elf")
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-replay-") as tmp:
        t = os.path.join(tmp, "crc.mp")
        plain = rec = rep = None
        for _ in range(reps):  # alternate, so that load drift hits all three
            a = _wall([emu] + GUEST_ARGS + ["-kernel", crc])
            b = _wall([emu, "--record", t] + GUEST_ARGS + ["-kernel", crc])
            c = _wall([emu, "--replay", t])
            plain = a if plain is None else min(plain, a)
            rec = b if rec is None else min(rec, b)
            rep = c if rep is None else min(rep, c)
        over = rec / plain - 1.0
        out.append(dict(name="record overhead (CRC guest)", value=rec, ref_name="no recording",
                        ref=plain, unit="s CPU", ratio=rec / plain, ratio_of="record/plain",
                        target="overhead <= 5%", met=over <= 0.05,
                        note=f"overhead {over * 100:.1f}%"))
        # Equal work gives a ratio of 1.00 give or take the noise, which then decides a
        # strict >= by itself; the instruction count (no load moves it) settles whether the
        # replay does more work than the recording.
        ir_rec = ir_rep = ir_plain = None
        if not quick and shutil.which("valgrind"):
            ir_plain = _host_insns([emu] + GUEST_ARGS + ["-kernel", crc], tmp)
            ir_rec = _host_insns([emu, "--record", t] + GUEST_ARGS + ["-kernel", crc], tmp)
            ir_rep = _host_insns([emu, "--replay", t], tmp)
        if ir_plain and ir_rec:
            out[-1]["note"] += (f"; host instructions (callgrind) record/plain "
                                f"{ir_rec / ir_plain:.5f}")
        same_work = ir_rec is not None and ir_rep is not None and ir_rep <= ir_rec * 1.001
        note = f"CPU time, best of {reps}, alternating"
        if ir_rec and ir_rep:
            note += (f"; host instructions (callgrind) replay/record "
                     f"{ir_rep / ir_rec:.5f}" + (": the same work, the time gap is noise"
                                                 if same_work and rec / rep < 1.0 else ""))
        out.append(dict(name="replay speed (CRC guest)", value=rep, ref_name="recording",
                        ref=rec, unit="s CPU", ratio=rec / rep,
                        ratio_of="record time/replay time",
                        target="replay/record speed >= 1 (or the same host instructions)",
                        met=rec / rep >= 1.0 or same_work, note=note))
        # Growth without input: a guest that spins silently once its watchdog fired (action
        # none); the size difference of two traces per 10^9 instructions between them.
        t2 = os.path.join(tmp, "idle.mp")
        sizes = []
        for insns in (200_000_000, 1_200_000_000):
            p = subprocess.Popen([emu, "--record", t2] + GUEST_ARGS + [
                "-watchdog-action", "none", "-kernel",
                os.path.join(builddir, "guest", "testdev.elf")],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # run until the trace's last event passes insns, then stop it with SIGTERM
            deadline = time.time() + 120
            while time.time() < deadline:
                time.sleep(0.05)
                info = subprocess.run([emu, "trace", "info", t2], capture_output=True)
                last = _last_icount(info.stdout.decode())
                if last is not None and last >= insns:
                    break
            p.terminate()
            p.wait()
            info = subprocess.run([emu, "trace", "info", t2], capture_output=True).stdout.decode()
            sizes.append((_last_icount(info) or 0, os.path.getsize(t2)))
        (i0, s0), (i1, s1) = sizes
        per = (s1 - s0) / ((i1 - i0) / 1e9) if i1 > i0 else None
        out.append(dict(name="trace growth without input", value=per, ref_name="target",
                        ref=4096, unit="B/1e9 insns", ratio=None if per is None else per / 4096,
                        ratio_of="growth/4 KiB", target="<= 4 KiB per 10^9 instructions",
                        met=None if per is None else per <= 4096,
                        note=f"{i1 - i0} instructions between two traces"))
        # A QMP session: trace bytes (header included, no image) against its traffic.
        t3 = os.path.join(tmp, "qmp.mp")
        stdin = b"".join(b'{"execute":"%s"}\n' % c for c in
                         [b"qmp_capabilities"] + [b"query-status", b"stop", b"cont"] * 50 +
                         [b"quit"])
        p = subprocess.run([emu, "--record", t3, "-M", "none", "-qmp", "stdio"], input=stdin,
                           capture_output=True, timeout=60)
        traffic = len(stdin) + len(p.stdout)
        size = os.path.getsize(t3)
        out.append(dict(name="recorded QMP session", value=size, ref_name="its traffic",
                        ref=traffic, unit="B", ratio=size / traffic, ratio_of="trace/traffic",
                        target="trace/traffic <= 2", met=size / traffic <= 2.0, note=""))
    return out


def _last_icount(info):
    for line in info.splitlines():
        if "instructions" in line and " to " in line:
            try:
                return int(line.split(" to ")[1].split(",")[0].split()[0])
            except (IndexError, ValueError):
                return None
    return None
