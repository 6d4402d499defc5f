#!/usr/bin/env bash
# Instruction counts of the iteration benchmarks (benches/examples/instructions.rs):
# one call of each (group, variant) under `valgrind --tool=callgrind`, counting
# only inside that call (`--toggle-collect` of the example's `measure`), so the
# count is the function's own work, input preparation excluded. Noise-free,
# unlike the timings: a views loop that runs more instructions per element
# than raw shows here even where the float chain's latency hides it in time.
# Writes <target>/benches-report/instructions.tsv for report.py. Installs
# valgrind if missing. Works from any directory.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
REPORT_DIR=$TARGET_DIR/benches-report
mkdir -p "$REPORT_DIR"

if ! command -v valgrind >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends valgrind; } >/dev/null
    else
        { sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends valgrind; } >/dev/null
    fi
fi

cargo build --quiet --release -p strided-view-benches --example instructions
bin=$TARGET_DIR/release/examples/instructions
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tsv=$REPORT_DIR/instructions.tsv
printf 'group\tvariant\tinstructions\n' >"$tsv"
"$bin" --list | while read -r group variant; do
    out=$work/callgrind.out
    valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no \
        --toggle-collect='instructions::measure' "$bin" "$group" "$variant" >/dev/null 2>&1
    count=$(awk '/^(summary|totals):/ {print $2; exit}' "$out")
    printf '%s\t%s\t%s\n' "$group" "$variant" "$count" >>"$tsv"
    printf '%-24s %-16s %s\n' "$group" "$variant" "$count" >&2
done
