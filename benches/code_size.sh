#!/usr/bin/env bash
# Code size of the kernels on a Cortex-M4F (thumbv7em-none-eabihf), issue #5:
# kernels 1, 3 and 7 as `views`, `raw` and `checked` (target: views no larger
# than raw), plus the other kernels for reference.
#
# Builds the benches library `--no-default-features` (no ndarray: no_std) for
# the target at each opt-level in $OPT_LEVELS (default "3 s"; 3 is the
# release profile's) and prints the .text bytes of each kernel function from
# `arm-none-eabi-nm --size-sort -S` on the rlib's object file. Every kernel is
# `#[inline(never)]`, so each stays one symbol. The build turns the profile's
# LTO off: with LTO an rlib holds LLVM bitcode only, no machine code to
# measure, and the kernels call nothing across crates that LTO could inline.
#
# Also reports whether a kernel's code calls a panic function. Writes
# <target>/benches-report/code_size.tsv for report.py. Works from any
# directory; installs the Rust target and binutils-arm-none-eabi if missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TARGET=thumbv7em-none-eabihf
OPT_LEVELS=${OPT_LEVELS:-"3 s"}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
REPORT_DIR=$TARGET_DIR/benches-report
mkdir -p "$REPORT_DIR"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v arm-none-eabi-nm >/dev/null 2>&1 || ! command -v arm-none-eabi-objdump >/dev/null 2>&1; then
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends binutils-arm-none-eabi; } >/dev/null 2>&1 ||
        echo "note: could not install binutils-arm-none-eabi; using llvm-nm/llvm-objdump" >&2
fi
pick() {
    for tool in "$@"; do
        if command -v "$tool" >/dev/null 2>&1; then echo "$tool"; return; fi
    done
    echo "code_size.sh: none of $* found" >&2
    exit 1
}
NM=$(pick arm-none-eabi-nm llvm-nm)
OBJDUMP=$(pick arm-none-eabi-objdump llvm-objdump)

tsv=$REPORT_DIR/code_size.tsv
printf 'opt_level\tkernel\tvariant\tbytes\town_bytes\tpanics\texternal_calls\n' >"$tsv"

for opt in $OPT_LEVELS; do
    dir=$TARGET_DIR/code-size/opt-$opt
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_PROFILE_RELEASE_LTO=false \
        cargo build --quiet -p strided-view-benches --lib --release --no-default-features \
        --target "$TARGET" --target-dir "$dir"
    rlib=$dir/$TARGET/release/libstrided_view_benches.rlib
    work=$(mktemp -d)
    # The rlib's machine code: its one object file (codegen-units = 1).
    (cd "$work" && ar x "$rlib" && rm -f lib.rmeta)
    "$NM" -S --defined-only "$work"/*.o >"$work/symbols" 2>/dev/null
    "$OBJDUMP" -dr "$work"/*.o >"$work/disasm"
    # A kernel's size is its own code plus every helper of this object file
    # it calls, transitively (at opt-level s the optimizer leaves some of
    # view-core's helpers out of line; each counts once per kernel).
    python3 - "$opt" "$work" "$tsv" <<'PY'
import re, sys
from collections import defaultdict

opt, work, tsv = sys.argv[1], sys.argv[2], sys.argv[3]
kernels = ["sum_every_third", "reversed_copy", "stereo_scale", "trace", "broadcast_add", "filter3x3", "transposed_copy"]
variants = ["views", "raw", "checked"]
size = {}
for line in open(f"{work}/symbols"):
    parts = line.split()
    if len(parts) == 4 and parts[2] in "tT":
        size[parts[3]] = int(parts[1], 16)
calls = defaultdict(set)
current = None
for line in open(f"{work}/disasm"):
    m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
    if m:
        current = m.group(1)
        continue
    m = re.search(r"R_ARM_THM_(?:CALL|JUMP24)\s+(\S+)", line)
    if m and current:
        calls[current].add(m.group(1))

def closure(symbol):
    seen, todo, external = set(), [symbol], set()
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        for callee in calls[s]:
            if callee in size:
                todo.append(callee)
            else:
                external.add(callee)
    return seen, external

def find(variant, kernel):
    pattern = re.compile(rf"20strided_view_benches{len(variant)}{variant}{len(kernel)}{kernel}17h[0-9a-f]{{16}}E$")
    return next((s for s in size if pattern.search(s)), None)

print(f"opt-level {opt} (thumbv7em-none-eabihf): .text bytes per kernel, helpers it calls included")
print(f"  {'kernel':16}" + "".join(f"{v:>10}" for v in variants) + "   views<=raw")
with open(tsv, "a") as out:
    for kernel in kernels:
        row = {}
        cells = []
        for variant in variants:
            symbol = find(variant, kernel)
            if symbol is None:
                cells.append(f"{'-':>10}")
                continue
            funcs, external = closure(symbol)
            total = sum(size[f] for f in funcs)
            panics = any("panic" in f for f in funcs | external)
            runtime = sorted(e for e in external if "panic" not in e)
            row[variant] = total
            mark = ("*" if panics else "") + ("+" if len(funcs) > 1 else "")
            cells.append(f"{str(total) + mark:>10}")
            out.write(f"{opt}\t{kernel}\t{variant}\t{total}\t{size[symbol]}\t{'yes' if panics else 'no'}\t{','.join(runtime)}\n")
        verdict = "yes" if row.get("views", 0) <= row.get("raw", 0) else f"NO (+{row['views'] - row['raw']})"
        print(f"  {kernel:16}" + "".join(cells) + f"   {verdict}")
PY
    rm -rf "$work"
done
echo "(+ = includes out-of-line helpers; * = reaches a panic function; calls to the"
echo " runtime, e.g. __aeabi_dadd for f64 on this single-precision FPU, are not counted)"
echo "wrote $tsv"
