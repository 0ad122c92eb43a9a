#!/usr/bin/env python3
"""Writes build.ninja for emu.

Sources are found by directory (sorted, so the output is stable); adding a .c file to a
source directory and re-running this script is all a new file needs. The committed
build.ninja is exactly what `./configure.py` writes with no options: a test checks it.
It must never probe the host (no compiler checks, no paths of this machine) so that its
output depends only on the tree and the options.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))

# Directories whose .c files form libemu.a (everything but the entry point).
LIB_DIRS = ["emu", "emu/tcg", "emu/hw", "qmp", "replay"]
MAIN = "emu/main.c"
LIBS = "-lmsgpackc -lxxhash -lfdt -lm"


def c_files(d):
    full = os.path.join(ROOT, d)
    if not os.path.isdir(full):
        return []
    return sorted(f"{d}/{n}" for n in os.listdir(full) if n.endswith(".c"))


def obj(builddir, src):
    return f"{builddir}/obj/{src[:-2]}.o"


# In the fuzz build, coverage feedback is kept where it guides the fuzzer and left out where it
# only slows each execution: the oracles and harness support (fuzz/*.c other than the targets)
# and the JSON block cache (an allocator) are not the code under test, so they get no coverage
# at all. The JSON layer and the byte buffer keep their edge counters but not the comparison
# tracing: they compare bytes, token types and lengths, which libFuzzer's comparison table
# does not use (it keeps 4- and 8-byte operands, and those are loop bounds here), and they
# compare names with strcmp/memcmp, which libFuzzer sees through its interceptors anyway. The
# monitor and the reply writer only move bytes (the byte buffer's appends are inline, and every
# capacity check in a file with comparison tracing is two calls into libFuzzer), and the
# runstate machine compares states and flags, after every request.
# Comparison tracing stays on where it finds values: dispatch, argument checks, the board.
FUZZ_NO_COVERAGE = {"qmp/json_block.c"}
FUZZ_NO_CMP_TRACE = {"emu/strbuf.c", "qmp/json_lexer.c", "qmp/json_parser.c", "qmp/json_stream.c",
                     "qmp/json_value.c", "qmp/json_writer.c", "qmp/monitor.c", "qmp/reply.c",
                     "emu/runstate.c"}


def fuzz_object_flags(src):
    if src.startswith("fuzz/") and not os.path.basename(src).startswith("fuzz_"):
        return "\n  cflags = $cflags_nocov"
    if src in FUZZ_NO_COVERAGE:
        return "\n  cflags = $cflags_nocov"
    if src in FUZZ_NO_CMP_TRACE:
        return "\n  cflags = $cflags -fno-sanitize-coverage=trace-cmp"
    return ""


# --- guest programs (emu/tcg + emu/hw tests) -------------------------------------------------
# RISC-V test programs in tests/guest/ built with Debian's riscv64-unknown-elf-gcc into
# BUILDDIR/guest/<name>.elf, plus the in-process runner BUILDDIR/guest/runguest. Every
# tests/guest/*.c except the runtime (guest.c), the runner and the helpers is one program.
GUEST_RUNTIME = ["tests/guest/crt0.S", "tests/guest/guest.c", "tests/guest/lower.S"]
GUEST_NOT_PROGRAMS = {"guest.c", "runguest.c"}
GUEST_CFLAGS = ("-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -O2 -ffreestanding "
                "-fno-builtin -nostdlib -nostartfiles -Wall -Wextra -Werror "
                "-T tests/guest/link.ld")


def guest_rules(w, bd, lib):
    """Appends the guest build; returns the outputs that `all` and `test` must depend on."""
    d = os.path.join(ROOT, "tests/guest")
    if not os.path.isdir(d):
        return []
    progs = sorted(n[:-2] for n in os.listdir(d)
                   if n.endswith(".c") and n not in GUEST_NOT_PROGRAMS)
    w.append(f"rule guest_cc\n  command = riscv64-unknown-elf-gcc {GUEST_CFLAGS} -o $out $in\n"
             "  description = GUEST $out")
    outs = []
    for p in progs:
        out = f"{bd}/guest/{p}.elf"
        w.append(f"build {out}: guest_cc {' '.join(GUEST_RUNTIME)} tests/guest/{p}.c"
                 " | tests/guest/link.ld tests/guest/guest.h tests/guest/lower.h")
        outs.append(out)
    w.append(f"build {obj(bd, 'tests/guest/runguest.c')}: cc tests/guest/runguest.c")
    w.append(f"build {bd}/guest/runguest: link {obj(bd, 'tests/guest/runguest.c')} {lib}")
    outs.append(f"{bd}/guest/runguest")
    return outs
# --- end of guest programs -----------------------------------------------------------------


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cc", default="cc", help="C compiler (default: cc)")
    ap.add_argument("--debug", action="store_true", help="-O0, no optimisation")
    ap.add_argument("--sanitize", default="", help="comma list, e.g. address,undefined")
    ap.add_argument("--coverage", action="store_true", help="gcov instrumentation for lcov")
    ap.add_argument("--fuzz", action="store_true",
                    help="also build fuzz targets (needs clang and libFuzzer)")
    ap.add_argument("--builddir", default="build", help="output directory (default: build)")
    ap.add_argument("--output", default=None,
                    help="ninja file to write (default: build.ninja, or BUILDDIR/build.ninja "
                         "when --builddir is given)")
    args = ap.parse_args(argv)

    bd = args.builddir
    if args.fuzz:
        # libFuzzer needs clang; every object is instrumented so coverage reaches the library.
        if args.cc == "cc":
            args.cc = "clang"
        if not args.sanitize:
            args.sanitize = "address,undefined"
    out_path = args.output or ("build.ninja" if bd == "build" else f"{bd}/build.ninja")
    cflags = ["-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-g", "-I."]
    cflags.append("-O0" if args.debug else "-O2")
    ldflags = []
    if args.sanitize:
        s = f"-fsanitize={args.sanitize} -fno-omit-frame-pointer -fno-sanitize-recover=all"
        cflags.append(s)
        ldflags.append(s)
    if args.fuzz:
        cflags.append("-fsanitize=fuzzer-no-link")
    if args.coverage:
        cflags.append("--coverage")
        ldflags.append("--coverage")

    lib_srcs = [s for d in LIB_DIRS for s in c_files(d) if s != MAIN]
    tests = [s for s in c_files("tests") if os.path.basename(s).startswith("test_")]
    # bench/fuzzref_*.c: libFuzzer reference targets for bench/fuzz_bench.py (fuzz build only).
    fuzz_refs = [s for s in c_files("bench") if os.path.basename(s).startswith("fuzzref_")]
    benches = [s for s in c_files("bench") if s not in fuzz_refs]
    if not args.fuzz:
        fuzz_refs = []
    fuzzers = c_files("fuzz") if args.fuzz else []
    fuzz_support = [s for s in fuzzers if not os.path.basename(s).startswith("fuzz_")]
    fuzz_targets = [s for s in fuzzers if os.path.basename(s).startswith("fuzz_")]

    w = []
    opts = []
    skip = False
    for a in argv:  # the output path is not an option of the build
        if skip:
            skip = False
        elif a == "--output":
            skip = True
        elif not a.startswith("--output="):
            opts.append(a)
    w.append("# Generated by configure.py; do not edit. Regenerate: ./configure.py "
             + " ".join(opts))
    w.append("ninja_required_version = 1.10")
    w.append(f"builddir = {bd}")
    w.append(f"cc = {args.cc}")
    w.append(f"cflags = {' '.join(cflags)}")
    if args.fuzz:
        w.append(f"cflags_nocov = {' '.join(c for c in cflags if 'fuzzer-no-link' not in c)}")
    w.append(f"ldflags = {' '.join(ldflags)}")
    w.append(f"libs = {LIBS}")
    w.append("")
    w.append("rule cc\n  command = $cc -MD -MF $out.d $cflags -c $in -o $out\n"
             "  depfile = $out.d\n  deps = gcc\n  description = CC $out")
    w.append("rule ar\n  command = rm -f $out && ar crs $out $in\n  description = AR $out")
    w.append("rule link\n  command = $cc $ldflags -o $out $in $libs $extra_libs\n"
             "  description = LINK $out")
    w.append("rule run\n  command = $cmd\n  pool = console\n  description = $desc")
    w.append("")
    for s in lib_srcs + [MAIN] + tests + benches + fuzzers + fuzz_refs:
        w.append(f"build {obj(bd, s)}: cc {s}" + (fuzz_object_flags(s) if args.fuzz else ""))
    w.append("")
    lib = f"{bd}/libemu.a"
    w.append(f"build {lib}: ar {' '.join(obj(bd, s) for s in lib_srcs)}")
    w.append(f"build {bd}/emu: link {obj(bd, MAIN)} {lib}")
    test_bins = []
    for t in tests:
        name = os.path.basename(t)[:-2]
        b = f"{bd}/tests/{name}"
        test_bins.append(b)
        w.append(f"build {b}: link {obj(bd, t)} {lib}\n  extra_libs = -lcmocka")
    bench_bins = []
    for t in benches:
        name = os.path.basename(t)[:-2]
        b = f"{bd}/bench/{name}"
        bench_bins.append(b)
        w.append(f"build {b}: link {obj(bd, t)} {lib}")
    fuzz_bins = []
    for t in fuzz_targets:
        name = os.path.basename(t)[:-2]
        b = f"{bd}/fuzz/{name}"
        fuzz_bins.append(b)
        support = " ".join(obj(bd, s) for s in fuzz_support)
        w.append(f"build {b}: link {obj(bd, t)} {support} {lib}\n"
                 f"  ldflags = $ldflags -fsanitize=fuzzer\n  extra_libs = -ljansson")
    for t in fuzz_refs:
        b = f"{bd}/bench/{os.path.basename(t)[:-2]}"
        fuzz_bins.append(b)
        w.append(f"build {b}: link {obj(bd, t)} {lib}\n  ldflags = $ldflags -fsanitize=fuzzer")
    w.append("")
    all_bins = [f"{bd}/emu"] + test_bins + bench_bins + fuzz_bins
    all_bins += guest_rules(w, bd, lib)
    w.append(f"build all: phony {' '.join(all_bins)}")
    w.append(f"build test: run {' '.join(all_bins)}\n"
             f"  cmd = python3 tests/run.py --builddir {bd}\n  desc = TEST")
    w.append(f"build bench: run {' '.join(all_bins)}\n"
             f"  cmd = python3 bench/run.py --builddir {bd}\n  desc = BENCH")
    w.append(f"build coverage: run {' '.join(all_bins)}\n"
             f"  cmd = sh tests/coverage.sh {bd}\n  desc = COVERAGE")
    # The fuzz targets live in their own instrumented build (BUILDDIR-fuzz); fuzz/smoke.sh
    # configures and builds it, runs each target briefly and replays the corpus.
    w.append(f"build fuzz-smoke: run\n  cmd = sh fuzz/smoke.sh {bd}\n  desc = FUZZ-SMOKE")
    # `ninja` alone builds emu and the guests the README's commands run (the quick start's demo,
    # the NUMA workflow's topology report).
    readme_guests = [f"{bd}/guest/{g}.elf" for g in ("demo", "numa_topo")]
    w.append(" ".join([f"default {bd}/emu"] + [g for g in readme_guests if g in all_bins]))
    text = "\n".join(w) + "\n"

    d = os.path.dirname(os.path.join(ROOT, out_path))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(ROOT, out_path), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
