#!/usr/bin/env python3
"""Differential check of the device tree's NUMA topology: emu against QEMU 7.2.

For each configuration (-smp, -m, -numa, -object memory-backend-ram), both
`qemu-system-riscv64 -M virt,dumpdtb=FILE` and `BUILDDIR/emu -M virt,dumpdtb=FILE` write their
blob; both are parsed (tests/fdt.py) and their topology projections must be equal: every cpu
node (reg, numa-node-id), the cpu-map clusters (each core's hart), every memory node (reg,
numa-node-id), the distance-map matrix and /cpus timebase-frequency. Everything else (devices,
phandles, property order) may differ: emu describes its own devices. Both must exit 0 with
QEMU's info line. Prints `N passed, N failed`; it must never pass a case it could not run.
"""
import argparse
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fdt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMON = ["-bios", "none", "-nodefaults", "-display", "none"]


def ram(node_id, size):
    return ["-object", f"memory-backend-ram,id=m{node_id},size={size}"]


# name -> options given to both. QEMU 7.2 aborts (a PLIC gpio-out index out of range) when a
# node's first hart id is at least twice its number of harts (e.g. cpus=3 alone in node 1), so
# no case here has such a node; emu builds those trees.
CASES = {
    "no-numa": [],
    "no-numa-smp4-4G": ["-smp", "4", "-m", "4G"],
    "two-nodes-memdev": ["-smp", "4", "-m", "256M"] + ram(0, "128M") + ram(1, "128M") +
    ["-numa", "node,nodeid=0,cpus=0-1,memdev=m0", "-numa", "node,nodeid=1,cpus=2-3,memdev=m1"],
    "two-nodes-mem": ["-smp", "2", "-m", "128M", "-numa", "node,cpus=0,mem=32M",
                      "-numa", "node,cpus=1,mem=96M"],
    "distances": ["-smp", "4", "-m", "256M"] + ram(0, "64M") + ram(1, "192M") +
    ["-numa", "node,nodeid=0,cpus=0-1,memdev=m0", "-numa", "node,nodeid=1,cpus=2-3,memdev=m1",
     "-numa", "dist,src=0,dst=1,val=21"],
    "asymmetric-distances": ["-smp", "6", "-m", "384M"] + ram(0, "128M") + ram(1, "128M") +
    ram(2, "128M") +
    ["-numa", "node,nodeid=0,cpus=0,memdev=m0", "-numa", "node,nodeid=1,cpus=1-2,memdev=m1",
     "-numa", "node,nodeid=2,cpus=3-5,memdev=m2",
     "-numa", "dist,src=0,dst=1,val=15", "-numa", "dist,src=1,dst=0,val=25",
     "-numa", "dist,src=0,dst=2,val=30", "-numa", "dist,src=2,dst=0,val=30",
     "-numa", "dist,src=1,dst=2,val=40", "-numa", "dist,src=2,dst=1,val=45"],
    "default-placement": ["-smp", "4", "-m", "256M"] + ram(0, "128M") + ram(1, "128M") +
    ["-numa", "node,memdev=m0", "-numa", "node,memdev=m1"],
    "default-placement-odd": ["-smp", "5", "-m", "2G"] + ram(0, "1G") + ram(1, "1G") +
    ["-numa", "node,memdev=m0", "-numa", "node,memdev=m1"],
}


def projection(blob):
    root = fdt.parse(blob)

    def cell(node, name):
        v = node["props"].get(name)
        return fdt.cells(v) if v is not None else None

    def dtype(node):
        v = node["props"].get("device_type")
        return fdt.strings(v)[0] if v else None

    cpus = fdt.find(root, "/cpus")
    harts, by_phandle = [], {}
    for c in cpus["children"]:
        if dtype(c) == "cpu":
            reg = cell(c, "reg")
            harts.append(("hart", reg, cell(c, "numa-node-id")))
            if cell(c, "phandle"):
                by_phandle[cell(c, "phandle")[0]] = reg
    clusters = []
    cmap = fdt.find(root, "/cpus/cpu-map")
    for cl in (cmap["children"] if cmap else []):
        cores = [(core["name"], by_phandle.get((cell(core, "cpu") or [None])[0]))
                 for core in cl["children"]]
        clusters.append((cl["name"], cores))
    memory = [("memory", cell(n, "reg"), cell(n, "numa-node-id"))
              for n in root["children"] if dtype(n) == "memory"]
    dmap = fdt.find(root, "/distance-map")
    dist = None
    if dmap:
        raw = cell(dmap, "distance-matrix") or []
        dist = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    return {
        "timebase-frequency": cell(cpus, "timebase-frequency"),
        "harts": harts,
        "cpu-map": clusters,
        "memory": memory,
        "distance-map": dist,
    }


def dump(cmd, path, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"cannot run: {e}"
    if p.returncode != 0 or b"info: dtb dumped to" not in p.stderr:
        return None, f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()}"
    with open(path, "rb") as fh:
        blob = fh.read()
    # QEMU writes its whole build buffer; the header's totalsize says how much is the tree.
    (total,) = struct.unpack(">I", blob[4:8])
    return blob[:total], None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--builddir", default="build")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("only", nargs="*", help="run only these cases")
    args = ap.parse_args()
    emu = os.path.join(ROOT, args.builddir, "emu")
    names = [n for n in CASES if not args.only or n in args.only]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            opts = CASES[name]
            qpath, epath = os.path.join(tmp, name + ".qemu.dtb"), os.path.join(tmp, name + ".emu.dtb")
            qblob, qerr = dump(["qemu-system-riscv64", "-M", f"virt,dumpdtb={qpath}"] + COMMON +
                               opts, qpath, args.timeout)
            eblob, eerr = dump([emu, "-M", f"virt,dumpdtb={epath}"] + COMMON + opts, epath,
                               args.timeout)
            problems = []
            if qerr:
                problems.append(f"qemu: {qerr}")
            if eerr:
                problems.append(f"emu: {eerr}")
            if not problems:
                try:
                    q, e = projection(qblob), projection(eblob)
                except (ValueError, KeyError, IndexError, TypeError) as ex:
                    q, e = None, None
                    problems.append(f"unreadable tree: {ex}")
                if q is not None:
                    for key in q:
                        if q[key] != e[key]:
                            problems.append(f"{key}: qemu {q[key]} emu {e[key]}")
                    if not q["harts"] or not q["memory"]:
                        problems.append("no harts or memory in QEMU's tree")
            if problems:
                print(f"FAIL {name}: " + "; ".join(problems))
                failed += 1
            else:
                print(f"ok {name} ({len(q['harts'])} harts, {len(q['memory'])} memory nodes, "
                      f"{'a' if q['distance-map'] else 'no'} distance map)")
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
