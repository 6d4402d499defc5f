#!/usr/bin/env bash
# Builds both firmware binaries (release profile of Cargo.toml: opt-level "s",
# LTO, one codegen unit) and prints the .text size of each, then the size of
# each kernel function (they are #[inline(never)], so they stay symbols).
#   views  - kernels through strided_view! layouts
#   slices - the same kernels with plain slice indexing
# Uses arm-none-eabi-size / -nm (Debian's binutils-arm-none-eabi, installed when
# missing), else the host's binutils or LLVM tools. Works from any directory.
# OPT_LEVEL=3 (or z, 2, ...) overrides the profile's opt-level, in its own target dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

TARGET=thumbv7m-none-eabi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v arm-none-eabi-size >/dev/null 2>&1; then
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends binutils-arm-none-eabi; } >/dev/null 2>&1 ||
        echo "note: could not install binutils-arm-none-eabi; using another size tool" >&2
fi
pick() {
    for tool in "$@"; do
        if command -v "$tool" >/dev/null 2>&1; then echo "$tool"; return; fi
    done
    echo "size.sh: none of $* found" >&2
    exit 1
}
SIZE=$(pick arm-none-eabi-size size llvm-size)
NM=$(pick arm-none-eabi-nm nm llvm-nm)

target_dir=target
if [ -n "${OPT_LEVEL:-}" ]; then
    export CARGO_PROFILE_RELEASE_OPT_LEVEL="$OPT_LEVEL"
    target_dir="target/opt-$OPT_LEVEL"
fi
cargo build --release -j "${JOBS:-1}" --bins --target-dir "$target_dir" >&2

echo "opt-level ${OPT_LEVEL:-s (Cargo.toml)}, $SIZE -A <elf> | grep '^\.text'"
for bin in views slices; do
    elf="$target_dir/$TARGET/release/$bin"
    text=$("$SIZE" -A "$elf" | awk '$1 == ".text" { print $2 }')
    printf '%-7s .text %6d bytes\n' "$bin" "$text"
done
echo "kernels, bytes ($NM --size-sort --radix=d):"
for bin in views slices; do
    elf="$target_dir/$TARGET/release/$bin"
    "$NM" --size-sort --radix=d "$elf" |
        awk -v bin="$bin" '
            / [tT] / && /strided_view_firmware..Kernels/ {
                # _ZN..$LT$views..Views$u20$as$u20$strided_view_firmware..Kernels$GT$6stereo17h..E
                name = $3; sub(/.*Kernels\$GT\$[0-9]+/, "", name); sub(/17h[0-9a-f]+E$/, "", name)
                size[name] = $1 + 0; total += $1
            }
            / [tT] / && /index_out_of_range/ { panics += $1; npanics++ }
            END {
                printf "%-7s stereo %4d  bayer %4d  framebuffer %4d  fir %4d  panels %4d  total %5d", bin,
                    size["stereo"], size["bayer"], size["framebuffer"], size["fir"], size["panels"], total
                if (npanics) printf "  (+ %d index panic stub(s): %d)", npanics, panics
                printf "\n"
            }'
done
