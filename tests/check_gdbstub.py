#!/usr/bin/env python3
"""The gdb stub (-gdb tcp:127.0.0.1:PORT), live and under emu --replay, spoken from Python.

    tests/check_gdbstub.py [--builddir DIR]

On build/guest/hello.elf: registers at reset (pc at the reset ROM), the target description, a
breakpoint at the ELF entry, continue, one step, memory against the ELF's bytes, an E01 for
unbacked memory, then continue to the guest's power-off (W00); the guest's output must be the
same as without gdb. The same on a replay of a recording of that guest (digests every 1000
instructions), which must still end with exit 0 (identical). On build/guest/smp.elf with four
harts: one thread per hart, the stop reply and qC name the hart that hit a breakpoint (its a0
holds its hartid at the entry), Hg selects whose registers g reads. One case drives gdb-multiarch in
batch mode when it is installed (.ci/install installs it; skipped otherwise, not failed), on
hello.elf and on smp.elf (info threads, thread N). Needs no gdb otherwise.
Prints ok/FAIL per case and a closing line `N passed, N failed`.
"""
import argparse
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import golden  # noqa: E402

results = [0, 0]
ENTRY = 0x80000000


def check(name, ok, detail=""):
    results[0 if ok else 1] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    sys.stdout.flush()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def elf_bytes_at(path, addr, n):
    """n bytes of the ELF64 file's loadable segment holding addr."""
    d = open(path, "rb").read()
    phoff, = struct.unpack_from("<Q", d, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", d, 0x36)
    for i in range(phnum):
        p_type, _, off, vaddr, paddr, filesz = struct.unpack_from("<IIQQQQ", d, phoff + i * phentsize)
        if p_type == 1 and paddr <= addr < paddr + filesz:
            return d[off + addr - paddr:off + addr - paddr + n]
    return b""


class Gdb:
    def __init__(self, port):
        deadline = time.time() + 20
        while True:
            try:
                self.s = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        self.buf = b""
        self.ack = True

    def _byte(self):
        while not self.buf:
            d = self.s.recv(4096)
            if not d:
                raise EOFError("the stub closed the connection")
            self.buf += d
        c, self.buf = self.buf[:1], self.buf[1:]
        return c

    def send(self, data):
        pkt = b"$" + data.encode() + b"#%02x" % (sum(data.encode()) & 0xff)
        self.s.sendall(pkt)
        if self.ack:
            c = self._byte()
            if c != b"+":
                raise ValueError("expected an ack, got %r" % c)

    def recv(self):
        while self._byte() != b"$":
            pass
        body = b""
        while True:
            c = self._byte()
            if c == b"#":
                break
            body += c
        cs = self._byte() + self._byte()
        if int(cs, 16) != sum(body) & 0xff:
            raise ValueError("bad checksum on %r" % body)
        if self.ack:
            self.s.sendall(b"+")
        return body.decode()

    def cmd(self, data):
        self.send(data)
        return self.recv()

    def reg(self, n):
        r = self.cmd("p%x" % n)
        return struct.unpack("<Q", bytes.fromhex(r))[0]


def session(tag, g, elf):
    sup = g.cmd("qSupported:multiprocess+;swbreak+;xmlRegisters=i386")
    check(tag + ": qSupported", "PacketSize=" in sup and "qXfer:features:read+" in sup, sup)
    check(tag + ": QStartNoAckMode", g.cmd("QStartNoAckMode") == "OK")
    g.ack = False
    xml, off = "", 0
    while True:
        r = g.cmd("qXfer:features:read:target.xml:%x,200" % off)
        xml += r[1:]
        off += len(r) - 1
        if r[0] == "l":
            break
    check(tag + ": target description", "org.gnu.gdb.riscv.cpu" in xml and 'name="pc"' in xml
          and 'name="zero"' in xml, xml[:200])
    check(tag + ": stop reason", g.cmd("?").startswith("T05"))
    regs = g.cmd("g")
    pc = struct.unpack("<Q", bytes.fromhex(regs[32 * 16:33 * 16]))[0]
    check(tag + ": g at reset: pc at the reset ROM", len(regs) == 33 * 16 and pc == 0x1000,
          "pc %#x" % pc)
    check(tag + ": p pc at reset", g.reg(32) == 0x1000)
    check(tag + ": qAttached, qC", g.cmd("qAttached") == "1" and g.cmd("qC") == "QC01")
    # Inside the reset ROM's one block: the block is cut short before the breakpoint.
    check(tag + ": Z0 inside a block", g.cmd("Z0,100c,4") == "OK")
    stop = g.cmd("c")
    check(tag + ": continue stops inside the block", stop.startswith("T05") and
          g.reg(32) == 0x100c, "%s pc %#x" % (stop, g.reg(32)))
    check(tag + ": z0 inside the block", g.cmd("z0,100c,4") == "OK")
    check(tag + ": Z0 at the entry", g.cmd("Z0,%x,4" % ENTRY) == "OK")
    stop = g.cmd("vCont;c")
    check(tag + ": continue stops at the breakpoint",
          stop.startswith("T05") and g.reg(32) == ENTRY, "%s pc %#x" % (stop, g.reg(32)))
    mem = g.cmd("m%x,10" % ENTRY)
    want = elf_bytes_at(elf, ENTRY, 16)
    check(tag + ": m at the entry gives the ELF's bytes", bytes.fromhex(mem) == want and want,
          mem)
    check(tag + ": m of unbacked memory is E01", g.cmd("m0,4") == "E01")
    # A write whose payload breaks off changes nothing (it used to write the bytes before the
    # bad one, which the RAM write log of a replay then did not see).
    spare = 0x80100010
    before = g.cmd("m%x,2" % spare)
    check(tag + ": M with a bad payload is E01 and writes nothing",
          g.cmd("M%x,2:01zz" % spare) == "E01" and g.cmd("m%x,2" % spare) == before, before)
    check(tag + ": M writes", g.cmd("M%x,2:0102" % spare) == "OK"
          and g.cmd("m%x,2" % spare) == "0102")
    stop = g.cmd("s")
    pc = g.reg(32)
    check(tag + ": step one instruction", stop.startswith("T05") and ENTRY < pc <= ENTRY + 4,
          "%s pc %#x" % (stop, pc))
    check(tag + ": z0", g.cmd("z0,%x,4" % ENTRY) == "OK")
    end = g.cmd("c")
    check(tag + ": continue to the guest's power-off", end == "W00", end)


def smp_session(g, nharts):
    """Threads: one per hart; a breakpoint selects the hart that hit it; Hg picks whose
    registers g and p read."""
    g.cmd("QStartNoAckMode")
    g.ack = False
    ids = g.cmd("qfThreadInfo")
    want = "m" + ",".join("%02x" % (i + 1) for i in range(nharts))
    check("smp: qfThreadInfo lists one thread per hart", ids == want and
          g.cmd("qsThreadInfo") == "l", ids)
    check("smp: T for a live and an unknown thread",
          g.cmd("T%x" % nharts) == "OK" and g.cmd("T%x" % (nharts + 1)) == "E01")
    check("smp: Hg of an unknown thread is E01", g.cmd("Hg%x" % (nharts + 1)) == "E01")
    check("smp: Z0 at the entry", g.cmd("Z0,%x,4" % ENTRY) == "OK")
    stop = g.cmd("c")
    thread = int(stop.split("thread:")[1].rstrip(";"), 16) if "thread:" in stop else 0
    check("smp: the stop reply names the hart at the breakpoint",
          stop.startswith("T05") and 1 <= thread <= nharts and g.cmd("qC") == "QC%02x" % thread
          and g.reg(32) == ENTRY and g.reg(10) == thread - 1,
          "%s qC pc %#x a0 %d" % (stop, g.reg(32), g.reg(10)))
    name = bytes.fromhex(g.cmd("qThreadExtraInfo,%x" % thread)).decode()
    check("smp: qThreadExtraInfo names the hart", name == "hart %d" % (thread - 1), name)
    mine = g.cmd("g")
    other = thread % nharts + 1
    check("smp: Hg selects another hart's registers", g.cmd("Hg%x" % other) == "OK" and
          g.cmd("g") != mine and g.cmd("qC") == "QC%02x" % other, g.cmd("g")[:64])
    check("smp: Hg back to the first", g.cmd("Hg%x" % thread) == "OK" and g.cmd("g") == mine)
    check("smp: z0", g.cmd("z0,%x,4" % ENTRY) == "OK")
    # A step runs one instruction of the selected hart (the others run theirs in between as
    # they would without gdb).
    g.cmd("Hg%x" % other)
    pc0 = g.reg(32)
    stop = g.cmd("s")
    pc1 = g.reg(32)
    check("smp: a step runs the selected hart", stop == "T05thread:%02x;" % other and
          pc1 != pc0, "%s pc %#x -> %#x" % (stop, pc0, pc1))
    # Hc picks the hart `s` steps; vCont;s:TID steps that thread (how gdb asks).
    stop = g.cmd("Hc%x" % thread) == "OK" and g.cmd("s")
    check("smp: Hc picks the hart s steps", stop == "T05thread:%02x;" % thread, str(stop))
    g.cmd("Hc-1")
    stop = g.cmd("vCont;s:%x;c" % other)
    check("smp: vCont;s:TID steps that thread", stop == "T05thread:%02x;" % other, stop)
    end = g.cmd("c")
    check("smp: continue to the guest's power-off", end == "W00", end)


def debugger_write_in_replay(emu, trace):
    """A debugger's write during a replay is a divergence the RAM log places: the report names
    the page as changed by the replay only, and says the re-run (which has no debugger) did
    not repeat the change rather than blaming the recording."""
    port = free_port()
    p = subprocess.Popen([emu, "--replay", trace, "-gdb", "tcp:127.0.0.1:%d" % port],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    try:
        g = Gdb(port)
        g.cmd("Z0,%x,4" % ENTRY)
        g.cmd("c")
        wrote = g.cmd("M80100010,1:01")
        g.send("c")
        try:
            g.recv()
        except EOFError:
            pass
        _, err = p.communicate(timeout=60)
    except Exception as e:  # noqa: BLE001
        p.kill()
        _, err = p.communicate()
        wrote = "%r" % e
    e = err.decode("utf-8", "replace")
    check("replay: a debugger's write is placed, and not blamed on the recording",
          wrote == "OK" and p.returncode == 3
          and "page 0x0000000080100000" in e and "by the replay only" in e
          and "a debugger's write, which a re-run does not repeat" in e,
          "exit %s: %s" % (p.returncode, e[-600:]))


def run_case(tag, argv, drive, want_out, want_err=None):
    """Runs argv with a gdb stub, drive(Gdb) speaks to it, then emu must exit 0 with want_out
    on stdout (and want_err within stderr when given)."""
    port = free_port()
    p = subprocess.Popen(argv + ["-gdb", "tcp:127.0.0.1:%d" % port], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        drive(Gdb(port))
        out, err = p.communicate(timeout=60)
    except Exception as e:  # noqa: BLE001
        p.kill()
        out, err = p.communicate()
        check(tag + ": session", False, "%r; stderr %s" % (e, err[-400:]))
        return
    check(tag + ": exit 0, " + ("reports identical" if want_err else "same output as without gdb"),
          p.returncode == 0 and out == want_out and (not want_err or want_err in err),
          "exit %s out %r err %r" % (p.returncode, out[-200:], err[-400:]))


def drive_gdb(name, argv, commands, wants):
    """Runs argv with a gdb stub, drives it with gdb-multiarch in batch mode (the -ex commands
    after connecting) and checks that gdb's output holds every string of wants, that the guest
    ran to its end, and that emu exited 0. Skipped (not failed) without gdb-multiarch."""
    gdb = shutil.which("gdb-multiarch")
    if not gdb:
        print("ok   %s (skipped: no gdb-multiarch)" % name)
        return
    port = free_port()
    p = subprocess.Popen(argv + ["-gdb", "tcp:127.0.0.1:%d" % port], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.2)
    cmd = [gdb, "-nx", "-batch", "-ex", "set arch riscv:rv64",
           "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        cmd += ["-ex", c]
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=60)
    try:
        p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
    o = r.stdout.decode("utf-8", "replace")
    check(name, all(w in o for w in wants) and "exited normally" in o and p.returncode == 0,
          o[-800:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default=golden.default_builddir())
    args = ap.parse_args()
    bd = golden.builddir_path(args.builddir)
    emu = golden.emu_path(args.builddir)
    elf = os.path.join(bd, "guest", "hello.elf")
    argv = [emu, "-M", "virt", "-bios", "none", "-serial", "stdio", "-kernel", elf]
    plain = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
    run_case("live", argv, lambda g: session("live", g, elf), plain.stdout)
    smp = [emu, "-M", "virt", "-bios", "none", "-serial", "stdio", "-smp", "4", "-kernel",
           os.path.join(bd, "guest", "smp.elf")]
    smp_plain = subprocess.run(smp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=60)
    run_case("smp", smp, lambda g: smp_session(g, 4), smp_plain.stdout)
    with tempfile.TemporaryDirectory(prefix="gdbstub-") as tmp:
        t = os.path.join(tmp, "hello.mp")
        subprocess.run([emu, "--record", t] + argv[1:], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                       env=dict(os.environ, EMU_RECORD_DIGEST_INTERVAL="1000"))
        run_case("replay", [emu, "--replay", t], lambda g: session("replay", g, elf), b"",
                 b": identical (")
        t100 = os.path.join(tmp, "hello-100.mp")
        subprocess.run([emu, "--record", t100] + argv[1:], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                       env=dict(os.environ, EMU_RECORD_DIGEST_INTERVAL="100"))
        debugger_write_in_replay(emu, t100)
        drive_gdb("gdb-multiarch drives the stub", argv,
                  ["info registers pc", "break *0x%x" % ENTRY, "continue", "info registers pc",
                   "stepi", "x/2wx 0x%x" % ENTRY, "delete", "continue"],
                  ["0x1000", "0x80000000"])
        drive_gdb("gdb-multiarch lists the harts as threads", smp,
                  ["break *0x%x" % ENTRY, "continue", "info threads", "thread 3",
                   "info registers a0", "delete", "continue"],
                  ["Thread 4 (hart 3)", "Switching to thread 3"])
    print("%d passed, %d failed" % tuple(results))
    return 1 if results[1] else 0


if __name__ == "__main__":
    sys.exit(main())
