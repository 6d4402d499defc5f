#!/usr/bin/env python3
"""Tables of benches/benches/dynamic.rs's criterion medians, as markdown.

Usage: python3 benches/dynamic_report.py [CRITERION_DIR] > tables.md
(default: target/criterion). Prints the kernel table (medians and ratios
against raw, raw_dyn and ndarray_dyn; raw_extents, where a kernel has it,
against raw) and the constructor tables; the prose
of benches/DYNAMIC.md is written by hand around them.
"""

import json
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("target/criterion")

KERNELS = [
    ("d1_sum_every_third", "1 sum of every 3rd f32 of 3x4096"),
    ("d3_reversed_copy", "3 reversed copy of 4096 f32"),
    ("d4_broadcast_add", "4 broadcast add 256 + 256 -> 256x256 f32"),
    ("d5_filter3x3", "5 3x3 filter over 128x128 f32"),
    ("d6_transposed_copy", "6 transposed copy of 64x64 f32"),
]

# report.py's RAW_TARGET: the limit within which a tie with ndarray counts.
TIE_LIMIT = 1.05


def median(group, function):
    path = ROOT / group / function / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"]


def fmt(ns):
    if ns is None:
        return "-"
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.1f} ns"


def ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.2f}"


def kernels():
    print("| kernel | dyn_views | raw | raw_dyn | raw_extents | ndarray_dyn | dyn/raw | dyn/raw_dyn | raw_extents/raw | dyn/ndarray | targets |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for group, name in KERNELS:
        d, r, rd, re, nd = (median(group, f) for f in ("dyn_views", "raw", "raw_dyn", "raw_extents", "ndarray_dyn"))
        def mark(ok):
            return "✓" if ok else "✗"
        raw_ok = d is not None and r is not None and d <= 1.2 * r
        raw_dyn_ok = d is not None and rd is not None and d <= 1.2 * rd
        nd_ok = d is not None and nd is not None and d <= nd
        # As in report.py: where the views reach the limit (within
        # TIE_LIMIT of the constant raw loop) and ndarray does too, the
        # order of the two medians is noise, and a tie counts as met.
        tie = not nd_ok and raw_ok and d <= TIE_LIMIT * r and d <= TIE_LIMIT * nd
        nd_mark = "= (tie at the limit)" if tie else mark(nd_ok)
        targets = f"raw {mark(raw_ok)}, raw_dyn {mark(raw_dyn_ok)}, ndarray {nd_mark}"
        print(
            f"| {name} | {fmt(d)} | {fmt(r)} | {fmt(rd)} | {fmt(re)} | {fmt(nd)} | {ratio(d, r)} | {ratio(d, rd)} "
            f"| {ratio(re, r)} | {ratio(d, nd)} | {targets} |"
        )


def constructor_table(prefix, families):
    ids = set()
    for family in families:
        group = ROOT / f"{prefix}{family}"
        if group.exists():
            ids.update(p.name for p in group.iterdir() if p.is_dir() and p.name != "report")
    def key(i):
        r, n = i.split("_")
        return (int(r[1:]), int(n[1:]))
    print("| layout | " + " | ".join(families) + " |")
    print("|---" * (len(families) + 1) + "|")
    for i in sorted(ids, key=key):
        r, n = i.split("_")
        label = f"rank {r[1:]}, extents {n[1:]}"
        print(f"| {label} | " + " | ".join(fmt(median(f"{prefix}{f}", i)) for f in families) + " |")


def splits():
    print("| split | members | median |")
    print("|---|---|---|")
    for group, label in (("c_split_channels", "interleaved channels"), ("c_split_rows", "even / odd rows of n x n")):
        path = ROOT / group
        if not path.exists():
            continue
        for i in sorted((p.name for p in path.iterdir() if p.is_dir() and p.name != "report"),
                        key=lambda s: [int(t[1:]) for t in s.split("_")]):
            print(f"| {label} | {i} | {fmt(median(group, i))} |")


if __name__ == "__main__":
    print("### Kernels\n")
    kernels()
    print("\n### `DynLayout::new` (the bounds rule)\n")
    constructor_table("c_new_", ["c_order", "transposed", "non_nested"])
    print("\n### `writable` (uniqueness, default budget)\n")
    constructor_table("c_writable_", ["c_order", "transposed", "non_nested"])
    print("\n### `DynSplit::new` (disjointness)\n")
    splits()
