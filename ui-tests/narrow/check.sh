#!/usr/bin/env bash
# Checks the cases of src/lib.rs for a 32-bit target: each rejected case must
# fail `cargo check` with its message; the ordinary case must pass `cargo
# check` and `cargo build`. Run from anywhere; uses the workspace's target dir.
set -euo pipefail
cd "$(dirname "$0")"
target=thumbv7em-none-eabihf
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/../../target/narrow}"
failures=0

rejects() {
    local feature=$1 expected=$2 out
    if out=$(cargo check -q --target "$target" --features "$feature" 2>&1); then
        echo "FAIL $feature: accepted on $target"
        failures=$((failures + 1))
    elif ! grep -qF -- "$expected" <<<"$out"; then
        echo "FAIL $feature: rejected, but without: $expected"
        echo "$out" | head -20
        failures=$((failures + 1))
    else
        echo "ok   $feature: rejected ($expected)"
    fi
}

rejects wrap_mut "layout \`Wrap\`: the stride of axis 0, 4294967296, does not fit this target's isize"
rejects wrap_read_only "layout \`Wrap\`: the stride of axis 0, 4294967296, does not fit this target's isize"
rejects split_members "layout \`A\`: the buffer length, 4294967297, does not fit this target's usize"
rejects split_members "layout \`B\`: the offset, 4294967296, does not fit this target's usize"
rejects wide_offset "layout \`Far\` declares a buffer of 3000000001 elements, more than isize::MAX, which no Rust array or slice can hold"

rejects wide_constant "layout \`Wide\`: the stride of axis 0, 4294967296, does not fit this target's isize"
rejects wrapped_list "a layout operation's list argument does not fit this target's usize / isize"
rejects computed "layout \`Computed\`: a value computed for its numbers, 8589934592, does not fit this target's usize"

for mode in check build; do
    if cargo "$mode" -q --target "$target" --features ordinary; then
        echo "ok   ordinary: cargo $mode passes"
    else
        echo "FAIL ordinary: cargo $mode fails on $target"
        failures=$((failures + 1))
    fi
done

if [ "$failures" -ne 0 ]; then
    echo "$failures narrow-target case(s) failed"
    exit 1
fi
