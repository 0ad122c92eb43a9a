"""Golden QMP transcripts: parse, serialise, run and compare.

A golden file (tests/golden/<dialect>/<name>.t) is:

    # one or more comment lines (what the scenario checks, spec section)
    args: <emu command line, split with shlex>
    status: <exit status; negative = killed by that signal>
    qemu: compare | skip <reason>
    --- stdin
    <raw bytes fed to stdin>
    --- stdout
    <raw expected stdout bytes>
    --- stderr
    <raw expected stderr bytes>

Header lines are `# comment` or `key: value` until the first `--- ` line.
The three sections come in exactly this order; a section's content is every
byte between its delimiter line and the next delimiter line (or EOF), so a
non-empty section always ends in a newline.  Sections are raw bytes (CR, 0xFF,
control characters are kept as they are).

Python 3 standard library only.
"""
import difflib
import os
import shlex
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN_DIR = os.path.join(ROOT, "tests", "golden")
DIALECTS = ("7.2", "3.0")
SECTIONS = ("stdin", "stdout", "stderr")
HEADER_KEYS = ("args", "status", "qemu")
# A bound for hung runs, not a speed check: QEMU needs several seconds for the 2^21-token
# transcripts on a quiet machine, and more when the two cores are shared.
TIMEOUT = 60
TODO_MARK = b"TODO-UPDATE\n"
BUILD_MARK = "@BUILD@"


class GoldenError(Exception):
    """A malformed golden file."""


class Golden:
    def __init__(self, path, header, sections):
        self.path = path
        # header: list of (key or None for a comment, raw line without newline)
        self.header = header
        self.stdin = sections["stdin"]
        self.stdout = sections["stdout"]
        self.stderr = sections["stderr"]
        values = {k: v for k, v in ((k, line.split(": ", 1)[1]) for k, line in header if k)}
        self.args_text = values["args"]
        self.args = shlex.split(self.args_text)
        self.status = int(values["status"])
        self.qemu = values["qemu"]

    @property
    def name(self):
        """`<dialect>/<name>` relative to tests/golden, without `.t`."""
        rel = os.path.relpath(self.path, GOLDEN_DIR)
        return rel[:-2] if rel.endswith(".t") else rel

    @property
    def dialect(self):
        return os.path.basename(os.path.dirname(self.path))

    @property
    def qemu_compare(self):
        return self.qemu == "compare"

    @property
    def todo(self):
        return self.stdout == TODO_MARK

    def comments(self):
        return [line for k, line in self.header if k is None]

    def serialise(self):
        out = bytearray()
        for key, line in self.header:
            if key == "status":
                line = "status: %d" % self.status
            out += line.encode("utf-8") + b"\n"
        for name in SECTIONS:
            data = getattr(self, name)
            check_section(name, data)
            out += b"--- " + name.encode() + b"\n" + data
        return bytes(out)


def check_section(name, data):
    """Raise GoldenError if `data` cannot be stored as section `name`."""
    if data and not data.endswith(b"\n"):
        raise GoldenError("section %s does not end in a newline (cannot be stored)" % name)
    for other in SECTIONS:
        if (b"\n" + data).find(b"\n--- " + other.encode() + b"\n") >= 0:
            raise GoldenError("section %s contains a '--- %s' line (cannot be stored)" % (name, other))


def parse_bytes(data, path="<bytes>"):
    def fail(msg):
        raise GoldenError("%s: %s" % (path, msg))

    header = []
    seen = set()
    pos = 0
    lineno = 0
    while True:
        lineno += 1
        if pos >= len(data):
            fail("no '--- stdin' line")
        end = data.find(b"\n", pos)
        if end < 0:
            fail("line %d: header line without newline" % lineno)
        raw = data[pos:end]
        if raw.startswith(b"--- "):
            break
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            fail("line %d: header is not UTF-8" % lineno)
        if "\r" in line:
            fail("line %d: CR in header" % lineno)
        if line.startswith("#"):
            header.append((None, line))
        else:
            key, sep, value = line.partition(": ")
            if not sep or key not in HEADER_KEYS:
                fail("line %d: expected '# comment' or one of %s as 'key: value', got %r"
                     % (lineno, ", ".join(HEADER_KEYS), line))
            if key in seen:
                fail("line %d: duplicate header key %r" % (lineno, key))
            seen.add(key)
            if key == "status":
                try:
                    int(value, 10)
                except ValueError:
                    fail("line %d: status must be an integer, got %r" % (lineno, value))
            if key == "qemu" and not (value == "compare" or
                                      (value.startswith("skip ") and value[5:].strip())):
                fail("line %d: qemu must be 'compare' or 'skip <reason>', got %r" % (lineno, value))
            if key == "args":
                try:
                    shlex.split(value)
                except ValueError as e:
                    fail("line %d: args: %s" % (lineno, e))
            header.append((key, line))
        pos = end + 1
    missing = [k for k in HEADER_KEYS if k not in seen]
    if missing:
        fail("missing header key(s): %s" % ", ".join(missing))
    if not any(k is None for k, _ in header):
        fail("no comment line saying what the scenario checks")

    sections = {}
    for i, name in enumerate(SECTIONS):
        delim = b"--- " + name.encode() + b"\n"
        if not data.startswith(delim, pos):
            got = data[pos:data.find(b"\n", pos) if data.find(b"\n", pos) >= 0 else len(data)]
            fail("expected %r, got %r" % (delim.decode().strip(), got.decode("utf-8", "replace")))
        start = pos + len(delim)
        if i + 1 < len(SECTIONS):
            nxt = b"--- " + SECTIONS[i + 1].encode() + b"\n"
            if data.startswith(nxt, start):
                end = start
            else:
                end = data.find(b"\n" + nxt, start)
                if end < 0:
                    fail("no '--- %s' line after '--- %s'" % (SECTIONS[i + 1], name))
                end += 1
        else:
            end = len(data)
        content = data[start:end]
        for other in SECTIONS:
            if (b"\n" + content).find(b"\n--- " + other.encode() + b"\n") >= 0:
                fail("section %s contains a second '--- %s' line" % (name, other))
        sections[name] = content
        pos = end
    if sections["stderr"] and not sections["stderr"].endswith(b"\n"):
        fail("stderr section does not end in a newline")
    return Golden(path, header, sections)


def parse(path):
    with open(path, "rb") as f:
        return parse_bytes(f.read(), path)


def write(golden):
    data = golden.serialise()
    parse_bytes(data, golden.path)  # never write something we could not read back
    with open(golden.path, "wb") as f:
        f.write(data)


def find_all(dialects=DIALECTS):
    """All golden files, sorted, as paths."""
    paths = []
    for d in dialects:
        base = os.path.join(GOLDEN_DIR, d)
        if os.path.isdir(base):
            paths += sorted(os.path.join(base, f) for f in os.listdir(base) if f.endswith(".t"))
    return paths


def select(paths, names):
    """Keep the paths matching one of `names` (`name`, `dialect/name`, with or without .t,
    or a path to the file)."""
    if not names:
        return paths
    want = set()
    for n in names:
        if n.endswith(".t"):
            n = n[:-2]
        if os.path.exists(n + ".t"):
            n = os.path.relpath(os.path.abspath(n + ".t"), GOLDEN_DIR)[:-2]
        want.add(n)
    out = []
    for p in paths:
        rel = os.path.relpath(p, GOLDEN_DIR)[:-2]
        if rel in want or os.path.basename(rel) in want:
            out.append(p)
    return out


class Result:
    def __init__(self, stdout, stderr, status, timed_out=False, error=None):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.timed_out = timed_out
        self.error = error  # the program could not be started


def run(argv, stdin, timeout=TIMEOUT):
    """Run argv, feed all of stdin at once and close it; return a Result.

    Runs in a fresh temporary directory so stray files cannot land in the tree."""
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        try:
            p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=tmp, start_new_session=True)
        except OSError as e:
            return Result(b"", b"", None, error="cannot run %s: %s" % (argv[0], e.strerror or e))
        try:
            out, err = p.communicate(stdin, timeout=timeout)
            return Result(out, err, p.returncode)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            return Result(out, err, None, timed_out=True)


def escape_line(b):
    out = []
    for c in b:
        if c == 0x0D:
            out.append("\\r")
        elif 0x20 <= c < 0x7F:
            out.append(chr(c))
        elif c == 0x09:
            out.append("\\t")
        else:
            out.append("\\x%02x" % c)
    return "".join(out)


def escaped_lines(data):
    lines = data.split(b"\n")
    last = lines.pop()
    out = [escape_line(x) for x in lines]
    if last:
        out.append(escape_line(last) + "  [no newline at end]")
    return out


def diff(expected, actual, what, max_lines=60):
    """Compact unified diff of two byte strings with non-printables escaped."""
    lines = list(difflib.unified_diff(escaped_lines(expected), escaped_lines(actual),
                                      "expected " + what, "actual " + what, n=2, lineterm=""))
    width = 200
    lines = [x if len(x) <= width else x[:width] + "... (+%d chars)" % (len(x) - width) for x in lines]
    if len(lines) > max_lines:
        lines = lines[:max_lines] + ["... (%d more diff lines)" % (len(lines) - max_lines)]
    return "\n".join(lines)


def status_text(status):
    return "timeout" if status is None else str(status)


def compare(expected_stdout, expected_stderr, expected_status, result):
    """Return a list of mismatch descriptions (empty when everything matches)."""
    if result.error:
        return [result.error]
    problems = []
    if result.timed_out:
        problems.append("timed out after %d s (the transcript must end in something that exits)"
                        % TIMEOUT)
    if result.status != expected_status:
        problems.append("status: expected %s, got %s"
                        % (expected_status, status_text(result.status)))
    if result.stdout != expected_stdout:
        problems.append(diff(expected_stdout, result.stdout, "stdout"))
    if result.stderr != expected_stderr:
        problems.append(diff(expected_stderr, result.stderr, "stderr"))
    return problems


def builddir_path(builddir):
    """The absolute build directory; relative build dirs are taken from the current
    directory, or from the repository root when they do not exist there."""
    if not os.path.isabs(builddir) and not os.path.isdir(builddir):
        builddir = os.path.join(ROOT, builddir)
    return os.path.abspath(builddir)


def emu_path(builddir):
    """build dir -> emu binary."""
    return os.path.join(builddir_path(builddir), "emu")


def expand_args(args, builddir):
    """A transcript's args with BUILD_MARK (`@BUILD@`, e.g. `@BUILD@/guest/hello.elf` for a
    guest program built by ninja) replaced by the absolute build directory: the runs happen
    in a temporary directory, and no path of this machine belongs in a golden file."""
    bd = builddir_path(builddir)
    return [a.replace(BUILD_MARK, bd) for a in args]


def default_builddir():
    return os.environ.get("EMU_BUILDDIR") or "build"


def lint(golden):
    """Checks that tie a file to its directory; returns a list of problems."""
    problems = []
    d = golden.dialect
    if d not in DIALECTS:
        problems.append("file is not in a dialect directory (%s)" % "/".join(DIALECTS))
    dial = None
    a = golden.args
    for i, x in enumerate(a):
        if x == "--dialect" and i + 1 < len(a):
            dial = a[i + 1]
        elif x.startswith("--dialect="):
            dial = x.split("=", 1)[1]
    if (dial or "3.0") != d:
        problems.append("args select dialect %s but the file is in %s/" % (dial or "3.0 (default)", d))
    if golden.qemu_compare and d != "7.2":
        problems.append("'qemu: compare' is only meaningful for 7.2 files")
    if golden.qemu_compare and golden.todo:
        problems.append("a TODO-UPDATE file cannot be compared with QEMU")
    return problems
