#!/usr/bin/env python3
"""Process-level tests of emu that a stdin/stdout transcript cannot express: signals, several
monitors on unix and tcp sockets at once, clients that disconnect mid-command, -daemonize with
-pidfile, server wait=on, -chardev/-mon with an inherited fd, and determinism across repeated
runs. Each function is one case; the closing line is `N passed, N failed`.
It must never leave a process running: every emu it starts is killed in a finally block.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMU = None
TS = '{"seconds": 946684800, "microseconds": 0}'


class Client:
    """A line-oriented QMP client over a connected socket."""

    def __init__(self, sock):
        self.sock = sock
        self.sock.settimeout(5)
        self.buf = b""

    @classmethod
    def unix(cls, path, tries=200):
        for _ in range(tries):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(path)
                return cls(s)
            except OSError:
                s.close()
                time.sleep(0.01)
        raise RuntimeError(f"cannot connect to {path}")

    def line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode()

    def send(self, text):
        self.sock.sendall(text.encode())

    def cmd(self, text):
        self.send(text)
        return self.line()

    def negotiate(self):
        greeting = self.line()
        assert greeting.startswith('{"QMP": '), greeting
        assert self.cmd('{"execute":"qmp_capabilities"}') == '{"return": {}}'
        return greeting

    def close(self):
        self.sock.close()


def spawn(args, **kw):
    return subprocess.Popen([EMU] + args, stdin=kw.pop("stdin", subprocess.DEVNULL),
                            stdout=kw.pop("stdout", subprocess.PIPE),
                            stderr=subprocess.PIPE, **kw)


def finish(p, timeout=5):
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        raise AssertionError("emu did not exit")
    return p.returncode, out, err


def expect(got, want, what=""):
    if got != want:
        raise AssertionError(f"{what}\n  expected: {want!r}\n  got:      {got!r}")


def case_sigterm(tmp, dialect, reason):
    p = spawn(["-M", "none", "-qmp", "stdio", "--dialect", dialect, "-S"],
              stdin=subprocess.PIPE)
    try:
        p.stdin.write(b'{"execute":"qmp_capabilities"}\n')
        p.stdin.flush()
        # wait for the two lines so that the signal arrives after negotiation
        lines = [p.stdout.readline(), p.stdout.readline()]
        expect(lines[1], b'{"return": {}}\r\n', "negotiation")
        p.send_signal(signal.SIGTERM)
        rc, out, err = finish(p)
        data = '{"guest": false' + (', "reason": "host-signal"}' if reason else "}")
        expect(out.decode(), '{"timestamp": %s, "event": "SHUTDOWN", "data": %s}\r\n'
               % (TS, data), "SHUTDOWN event")
        expect(rc, 0, "exit status")
        expect(err.decode(), "emu: terminated by signal 15\n", "stderr")
    finally:
        p.kill()


def test_sigterm_72(tmp):
    case_sigterm(tmp, "7.2", True)


def test_sigterm_30(tmp):
    case_sigterm(tmp, "3.0", False)


def test_sigint_preconfig_30(tmp):
    # 3.0: a signal in preconfig simply exits (spec §4.2 item 6: QEMU's own path is a bug)
    p = spawn(["-M", "none", "-qmp", "stdio", "--preconfig"], stdin=subprocess.PIPE)
    try:
        p.stdout.readline()
        p.send_signal(signal.SIGINT)
        rc, out, err = finish(p)
        expect(rc, 0, "exit status")
    finally:
        p.kill()


def test_two_monitors_events(tmp):
    a, b = os.path.join(tmp, "a.sock"), os.path.join(tmp, "b.sock")
    p = spawn(["-M", "none", "--dialect", "7.2", "-S",
               "-qmp", f"unix:{a},server=on,wait=off",
               "-chardev", f"socket,id=mon1,path={b},server=on,wait=off",
               "-mon", "chardev=mon1,mode=control"])
    try:
        ca = Client.unix(a)
        cb = Client.unix(b)
        ca.negotiate()
        cb.line()  # greeting only: b is not negotiated
        expect(ca.cmd('{"execute":"cont","id":1}'),
               '{"timestamp": %s, "event": "RESUME"}' % TS, "event first on a")
        expect(ca.line(), '{"return": {}, "id": 1}', "return on a")
        # b was not negotiated: it got nothing; after negotiating it gets the next event
        expect(cb.cmd('{"execute":"qmp_capabilities"}'), '{"return": {}}', "b negotiation")
        expect(ca.cmd('{"execute":"stop"}'), '{"timestamp": %s, "event": "STOP"}' % TS, "a STOP")
        expect(ca.line(), '{"return": {}}', "a return")
        expect(cb.line(), '{"timestamp": %s, "event": "STOP"}' % TS, "b gets STOP")
        chardevs = json.loads(cb.cmd('{"execute":"query-chardev"}'))["return"]
        expect([c["label"] for c in chardevs], ["mon1", "compat_monitor0"], "query-chardev")
        ca.send('{"execute":"quit"}')
        rc, _, _ = finish(p)
        expect(rc, 0, "exit status")
    finally:
        p.kill()


def test_disconnect_mid_command(tmp):
    a, b = os.path.join(tmp, "a.sock"), os.path.join(tmp, "b.sock")
    p = spawn(["-M", "none", "--dialect", "7.2",
               "-qmp", f"unix:{a},server=on,wait=off", "-qmp", f"unix:{b},server=on,wait=off"])
    try:
        ca = Client.unix(a)
        cb = Client.unix(b)
        ca.negotiate()
        cb.negotiate()
        # a leaves halfway through a request; b must not notice
        ca.send('{"execute":"query-st')
        ca.close()
        expect(json.loads(cb.cmd('{"execute":"query-status"}'))["return"]["status"], "running",
               "b still served")
        # a new client on a's socket starts afresh: greeting, negotiation mode, no stale bytes
        ca = Client.unix(a)
        ca.line()
        expect(ca.cmd('atus"}'), '{"error": {"class": "GenericError", "desc": '
               '"JSON parse error, invalid keyword \'atus\'"}}', "no stale input")
    except EOFError as e:
        raise AssertionError(str(e))
    finally:
        p.kill()
        p.wait()


def test_daemonize_pidfile(tmp):
    sock, pidf = os.path.join(tmp, "d.sock"), os.path.join(tmp, "emu.pid")
    rc = subprocess.run([EMU, "-M", "none", "-daemonize", "-pidfile", pidf,
                         "-qmp", f"unix:{sock},server=on,wait=off"], timeout=10,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    expect(rc.returncode, 0, "parent exit status")
    # when the parent has exited, the socket listens and the pidfile exists
    assert os.path.exists(sock), "socket not listening when parent exited"
    pid = int(open(pidf).read())
    try:
        c = Client.unix(sock, tries=1)
        c.negotiate()
        c.send('{"execute":"quit"}')
        for _ in range(500):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.01)
        else:
            raise AssertionError("daemon did not exit after quit")
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_daemonize_refuses_stdio(tmp):
    r = subprocess.run([EMU, "-M", "none", "-daemonize", "-qmp", "stdio"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
    expect(r.returncode, 1, "exit status")
    expect(r.stderr.decode(), "emu: -qmp stdio: cannot use stdio with -daemonize\n", "stderr")


def test_wait_on_blocks_start(tmp):
    sock = os.path.join(tmp, "w.sock")
    p = spawn(["-M", "none", "--dialect", "7.2", "-qmp", f"unix:{sock},server=on"])
    try:
        c = Client.unix(sock)
        c.negotiate()
        # the machine started only after the client came: it is running now
        expect(json.loads(c.cmd('{"execute":"query-status"}'))["return"]["status"], "running",
               "status")
        c.send('{"execute":"quit"}')
        rc, _, err = finish(p)
        expect(rc, 0, "exit status")
    finally:
        p.kill()


def test_tcp_monitor(tmp):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    p = spawn(["-M", "none", "-qmp", f"tcp:127.0.0.1:{port},server=on,wait=off"])
    try:
        for _ in range(200):
            try:
                c = Client(socket.create_connection(("127.0.0.1", port)))
                break
            except OSError:
                time.sleep(0.01)
        c.negotiate()
        expect(c.cmd('{"execute":"query-name"}'), '{"return": {}}', "query-name")
        c.send('{"execute":"quit"}')
        rc, _, _ = finish(p)
        expect(rc, 0, "exit status")
    finally:
        p.kill()


def test_chardev_inherited_fd(tmp):
    parent, child = socket.socketpair()
    p = subprocess.Popen([EMU, "-M", "none", "-chardev", f"socket,id=c,fd={child.fileno()}",
                          "-mon", "chardev=c,mode=control"], pass_fds=[child.fileno()],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.close()
    try:
        c = Client(parent)
        c.negotiate()
        c.send('{"execute":"quit"}')
        rc, _, _ = finish(p)
        expect(rc, 0, "exit status")
    finally:
        p.kill()


def test_client_that_never_reads(tmp):
    # a client floods requests and never reads; another client is still served promptly
    a, b = os.path.join(tmp, "a.sock"), os.path.join(tmp, "b.sock")
    p = spawn(["-M", "none", "-qmp", f"unix:{a},server=on,wait=off",
               "-qmp", f"unix:{b},server=on,wait=off"])
    try:
        ca, cb = Client.unix(a), Client.unix(b)
        ca.negotiate()
        cb.negotiate()
        ca.sock.setblocking(False)
        req = b'{"execute":"query-status"}' * 4096
        sent = 0
        deadline = time.time() + 2
        while time.time() < deadline:
            try:
                sent += ca.sock.send(req)
            except BlockingIOError:
                break
        expect(json.loads(cb.cmd('{"execute":"query-name"}')), {"return": {}}, "b served")
    finally:
        p.kill()
        p.wait()


def test_repeat_identical(tmp):
    # the same input gives the same bytes, run after run
    inp = (b'{"execute":"qmp_capabilities"}{"execute":"query-status"}{"execute":"cont"}'
           b'{"execute":"stop"}{"execute":"system_reset"}{"execute":"query-qmp-schema"}'
           b'{"execute":"quit"}')
    outs = set()
    for _ in range(20):
        r = subprocess.run([EMU, "-M", "none", "-qmp", "stdio", "-S", "--dialect", "7.2"],
                           input=inp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
        outs.add((r.returncode, r.stdout, r.stderr))
    expect(len(outs), 1, "distinct outputs over 20 runs")


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def run_cases(tests, only):
    """Runs each case in a fresh temporary directory; prints ok/FAIL lines and the closing
    `N passed, N failed`; returns the exit status."""
    passed = failed = 0
    for t in tests:
        if only and not any(o in t.__name__ for o in only):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                t(tmp)
                passed += 1
                print(f"ok   {t.__name__}")
            except Exception as e:  # every failure is reported, none stops the run
                failed += 1
                print(f"FAIL {t.__name__}: {type(e).__name__}: {e}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    global EMU
    ap = argparse.ArgumentParser()
    ap.add_argument("--builddir", default=os.environ.get("EMU_BUILDDIR", "build"))
    ap.add_argument("only", nargs="*")
    args = ap.parse_args()
    EMU = os.path.join(ROOT, args.builddir, "emu")
    return run_cases(TESTS, args.only)


if __name__ == "__main__":
    sys.exit(main())
