#!/usr/bin/env python3
"""Process-level tests of `-M virt` that a golden transcript cannot express: a guest idle in WFI
with no deadline leaves emu blocked in poll (no busy loop), a timer deadline makes virtual time
jump (10 s of guest sleep in well under a host second), serial input from stdin reaches the
guest whatever way it is split, -nographic puts the serial port on stdio, and an interactive
client that waits for each reply sees the same bytes as the golden transcript fed at once (the
input-hold rule of the README), and QEMU's check of overlapping images when the board is
built. Closing line `N passed, N failed`.
It must never leave a process running: every emu it starts is killed in a finally block.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_process  # noqa: E402
import golden  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMU = None
BUILD = None
VIRT = ["-M", "virt", "-bios", "none", "-nodefaults", "-display", "none"]


def guest(name):
    path = os.path.join(BUILD, "guest", name + ".elf")
    if not os.path.exists(path):
        raise AssertionError(f"{path} is not built (ninja all)")
    return path


expect = check_process.expect


def cpu_seconds(pid):
    """User + system CPU time of a process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_idle_guest_blocks(tmp):
    p = subprocess.Popen([EMU] + VIRT + ["-qmp", "stdio", "--dialect", "7.2", "-serial", "null",
                                         "-kernel", guest("idle")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        p.stdout.readline()  # the greeting: the guest runs from here on
        time.sleep(1.0)
        used = cpu_seconds(p.pid)
        if used > 0.3:
            raise AssertionError(f"emu used {used:.2f} s of CPU in 1 s with an idle guest")
        p.stdin.write(b'{"execute":"qmp_capabilities"}\n{"execute":"query-status"}\n'
                      b'{"execute":"quit"}\n')
        p.stdin.flush()
        out, err = p.communicate(timeout=5)
        expect(out.count(b'"status": "running"'), 1, "the idle guest is still running")
        expect(p.returncode, 0, "exit status")
    finally:
        p.kill()
        p.wait()


def test_timer_deadline_jumps(tmp):
    t0 = time.monotonic()
    r = subprocess.run([EMU] + VIRT + ["-serial", "stdio", "-kernel", guest("sleep")],
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=10)
    took = time.monotonic() - t0
    expect(r.returncode, 0, "exit status")
    if b"slept 10 s\n" not in r.stdout or b"FAIL" in r.stdout:
        raise AssertionError(f"unexpected guest output {r.stdout!r}")
    if took > 2:
        raise AssertionError(f"10 s of virtual sleep took {took:.1f} s")


def echo_run(chunks):
    p = subprocess.Popen([EMU] + VIRT + ["-serial", "stdio", "-kernel", guest("echo")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for c in chunks:
            p.stdin.write(c)
            p.stdin.flush()
            time.sleep(0.05)
        out, err = p.communicate(timeout=10)
        return p.returncode, out, err
    finally:
        p.kill()
        p.wait()


def test_serial_input(tmp):
    want = (0, b"echo ready\nHELLO, GUEST\necho done\n", b"")
    expect(echo_run([b"hello, guest\n."]), want, "all at once")
    expect(echo_run([b"hel", b"lo, g", b"uest\n", b"."]), want, "in pieces")


def test_nographic_serial_on_stdio(tmp):
    r = subprocess.run([EMU, "-M", "virt", "-bios", "none", "-nographic", "-kernel",
                        guest("hello")], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=10)
    expect((r.returncode, r.stdout.splitlines()[0]), (0, b"hello from the guest"), "output")


ROM_HEADER = (b"Some ROM regions are overlapping\n"
              b"These ROM regions might have been loaded by direct user request or by "
              b"default.\n"
              b"They could be BIOS/firmware images, a guest kernel, initrd or some other file "
              b"loaded into guest memory.\n"
              b"Check whether you intended to load all this guest code, and whether it has "
              b"been built to load to the correct addresses.\n")
FDT_2M = b"  fdt (addresses 0x0000000080000000 - 0x0000000080100000)\n"


def rom_overlap_run(prog, args, tmp, stdin=b""):
    r = subprocess.run([prog] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=20, cwd=tmp)
    return r.returncode, r.stdout, r.stderr


def test_rom_overlap(tmp):
    """QEMU's overlap check of the images in guest memory when the board is built: with 2 MiB
    of RAM the device tree's window starts at the base of RAM, where the kernel goes. Exit 1
    with QEMU's message (every overlapping pair); under --preconfig, x-exit-preconfig gets no
    reply and the message has no program name (an error inside a monitor command). Compared
    with qemu-system-riscv64 itself when it is installed."""
    shutil.copy(guest("hello"), os.path.join(tmp, "hello.elf"))
    with open(os.path.join(tmp, "raw.bin"), "wb") as f:
        f.write(b"\x6f\x00\x00\x00" * 1024)
    base = ["-M", "virt", "-bios", "none", "-display", "none", "-serial", "null", "-m", "2M"]
    cases = {
        "elf": (base + ["-kernel", "hello.elf"], b""),
        "raw": (base + ["-kernel", "raw.bin"], b""),
        "preconfig": (base + ["-kernel", "hello.elf", "--preconfig", "-qmp", "stdio",
                              "--dialect", "7.2"],
                      b'{"execute":"qmp_capabilities"}\n{"execute":"x-exit-preconfig"}\n'
                      b'{"execute":"query-status"}\n'),
    }
    got = {k: rom_overlap_run(EMU, a, tmp, i) for k, (a, i) in cases.items()}
    rc, _, err = got["raw"]
    expect((rc, err), (1, b"emu: " + ROM_HEADER + b"\nThe following two regions overlap (in "
                       b"the memory address space):\n  raw.bin (addresses 0x0000000080000000 - "
                       b"0x0000000080001000)\n" + FDT_2M), "raw kernel over the device tree")
    rc, _, err = got["elf"]
    expect((rc, err.startswith(b"emu: " + ROM_HEADER), err.count(b"The following two regions"),
            b"  hello.elf ELF program header segment 1 (addresses 0x0000000080000000 - " in err,
            FDT_2M in err), (1, True, 2, True, True), "ELF kernel: each overlapping pair")
    rc, out, err = got["preconfig"]
    expect((rc, out.count(b"\n"), err.startswith(ROM_HEADER)), (1, 2, True),
           "in preconfig: the greeting and one reply, then the message without a program name")
    qemu = shutil.which("qemu-system-riscv64")
    if qemu:
        for k, (a, i) in cases.items():
            a = [x for x in a if x not in ("--dialect", "7.2")]
            if k == "preconfig":
                a = a + ["-monitor", "none"]
            q = rom_overlap_run(qemu, a, tmp, i)
            mine = got[k][2].replace(b"emu: ", b"qemu-system-riscv64: ", 1) \
                if got[k][2].startswith(b"emu: ") else got[k][2]
            expect((got[k][0], mine), (q[0], q[2]), "the same as QEMU 7.2: " + k)


def interactive(g):
    """Runs a golden transcript line by line, each line sent only once its reply came."""
    p = subprocess.Popen([EMU] + golden.expand_args(g.args, BUILD), stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    guard = threading.Timer(20, p.kill)  # a reply that never comes must not hang the suite
    guard.start()
    try:
        out = [p.stdout.readline()]  # greeting
        for line in g.stdin.splitlines(keepends=True):
            try:
                p.stdin.write(line)
                p.stdin.flush()
            except BrokenPipeError:
                break  # the guest ended emu
            while True:
                got = p.stdout.readline()
                out.append(got)
                if not got or not got.startswith(b'{"timestamp"'):
                    break
        try:
            p.stdin.close()
        except BrokenPipeError:
            pass
        # read through the buffered reader: readline() may already hold the last lines
        rest, err = p.stdout.read(), p.stderr.read()
        p.wait(timeout=10)
        return b"".join(out) + rest, err, p.returncode
    finally:
        guard.cancel()
        p.kill()
        p.wait()


# Transcripts whose guest stops itself (or exits) before each later command: a client that waits
# for every reply must see exactly the bytes of the batch run.
INTERACTIVE = ["7.2/guest-shutdown-noshutdown", "3.0/guest-shutdown-noshutdown",
               "7.2/guest-reset-noreboot-noshutdown", "7.2/guest-suspend", "3.0/guest-suspend",
               "7.2/guest-panic", "3.0/guest-panic"]


def test_interactive_matches_batch(tmp):
    for name in INTERACTIVE:
        g = golden.parse(os.path.join(golden.GOLDEN_DIR, name + ".t"))
        out, err, rc = interactive(g)
        expect((out, err, rc), (g.stdout, g.stderr, g.status), name)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def main():
    global EMU, BUILD
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default=os.environ.get("EMU_BUILDDIR", "build"))
    ap.add_argument("only", nargs="*")
    args = ap.parse_args()
    BUILD = golden.builddir_path(args.builddir)
    EMU = os.path.join(BUILD, "emu")
    return check_process.run_cases(TESTS, args.only)


if __name__ == "__main__":
    sys.exit(main())
