#!/usr/bin/env python3
"""A tiny reader of flattened device trees (the DTB format, version 17), for tests.

parse(blob) gives the root node: a dict with "name", "props" (name -> raw bytes, in blob order)
and "children" (list of nodes, in blob order). `python3 tests/fdt.py FILE` prints the tree in
dts-like text. It must never need anything outside Python's standard library and must reject a
malformed blob with ValueError rather than return a partial tree.
"""
import struct
import sys

FDT_MAGIC = 0xD00DFEED
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9


def _cstr(buf, off):
    end = buf.find(b"\0", off)
    if end < 0:
        raise ValueError(f"unterminated string at {off}")
    return buf[off:end].decode("ascii", "replace"), end + 1


def parse(blob):
    if len(blob) < 40:
        raise ValueError("shorter than an FDT header")
    (magic, total, off_struct, off_strings, _rsv, version, _last, _boot, size_strings,
     size_struct) = struct.unpack(">10I", blob[:40])
    if magic != FDT_MAGIC:
        raise ValueError(f"bad magic 0x{magic:x}")
    if version < 17 or total > len(blob):
        raise ValueError(f"version {version}, totalsize {total} of {len(blob)} bytes")
    strings = blob[off_strings:off_strings + size_strings]
    pos, end = off_struct, off_struct + size_struct
    stack, root = [], None
    while pos < end:
        (tok,) = struct.unpack(">I", blob[pos:pos + 4])
        pos += 4
        if tok == FDT_BEGIN_NODE:
            name, pos = _cstr(blob, pos)
            pos = (pos + 3) & ~3
            node = {"name": name, "props": {}, "children": []}
            if stack:
                stack[-1]["children"].append(node)
            elif root is None:
                root = node
            else:
                raise ValueError("two root nodes")
            stack.append(node)
        elif tok == FDT_END_NODE:
            if not stack:
                raise ValueError("END_NODE without a node")
            stack.pop()
        elif tok == FDT_PROP:
            if not stack:
                raise ValueError("property outside a node")
            plen, nameoff = struct.unpack(">II", blob[pos:pos + 8])
            pos += 8
            name, _ = _cstr(strings, nameoff)
            stack[-1]["props"][name] = bytes(blob[pos:pos + plen])
            pos = (pos + plen + 3) & ~3
        elif tok == FDT_NOP:
            pass
        elif tok == FDT_END:
            break
        else:
            raise ValueError(f"bad token {tok} at {pos - 4}")
    if root is None or stack:
        raise ValueError("unbalanced structure block")
    return root


def cells(raw):
    """A property as a list of 32-bit big-endian cells."""
    return list(struct.unpack(f">{len(raw) // 4}I", raw[:len(raw) // 4 * 4]))


def strings(raw):
    """A property as a list of NUL-terminated strings."""
    return [s.decode("ascii", "replace") for s in raw.split(b"\0")[:-1]]


def find(node, path):
    """The node at an absolute path like /cpus/cpu@0, or None."""
    for part in [p for p in path.split("/") if p]:
        node = next((c for c in node["children"] if c["name"] == part), None)
        if node is None:
            return None
    return node


def _show(raw):
    if raw and raw.endswith(b"\0") and all(32 <= b < 127 or b == 0 for b in raw[:-1]) \
            and b"\0\0" not in raw and raw[0] != 0:
        return ", ".join(f'"{s}"' for s in strings(raw))
    if raw and len(raw) % 4 == 0:
        return "<" + " ".join(f"0x{c:x}" for c in cells(raw)) + ">"
    return "[" + " ".join(f"{b:02x}" for b in raw) + "]"


def dump(node, depth=0, out=sys.stdout):
    pad = "    " * depth
    out.write(f"{pad}{node['name'] or '/'} {{\n")
    for k, v in node["props"].items():
        out.write(f"{pad}    {k}" + (f" = {_show(v)};\n" if v else ";\n"))
    for c in node["children"]:
        dump(c, depth + 1, out)
    out.write(f"{pad}}};\n")


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as fh:
        dump(parse(fh.read()))
