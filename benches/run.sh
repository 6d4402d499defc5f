#!/usr/bin/env bash
# Issue #5's evidence, end to end; writes BENCHMARKS.md at the repository root.
#   1. criterion: the seven kernels in every variant and the iteration groups
#      (benches/benches/kernels.rs)
#      and the proof's decisions on the largest layouts (benches/benches/proof.rs);
#      the run-time views (benches/benches/dynamic.rs, tables for benches/DYNAMIC.md);
#   2. the no-panic test of the views kernels, in release;
#   3. code size on thumbv7em-none-eabihf (benches/code_size.sh);
#   4. the macro's compile-time cost (benches/macro_cost.py) and that of
#      generic instantiations (benches/generic_cost.py);
#   5. instruction counts of the iteration benchmarks (benches/instructions.sh);
#   6. benches/report.py.
# Takes about 10 minutes on 2 cores. Works from any directory. A failing
# no-panic link is recorded in the report, not fatal; anything else is.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
REPORT_DIR=$TARGET_DIR/benches-report
mkdir -p "$REPORT_DIR"

step() { printf '\n== %s\n' "$*" >&2; }

# Only this run's figures: drop the groups' previous results (criterion keeps
# one directory per benchmark ever run).
rm -rf "$TARGET_DIR"/criterion/k[1-7]_* "$TARGET_DIR"/criterion/i[0-9]*_* "$TARGET_DIR"/criterion/proof_unique "$TARGET_DIR"/criterion/proof_disjoint
rm -f "$REPORT_DIR"/no_panic.txt "$REPORT_DIR"/code_size.tsv "$REPORT_DIR"/macro_cost.json "$REPORT_DIR"/generic_cost.json "$REPORT_DIR"/instructions.tsv

step "kernels: cargo bench -p strided-view-benches --bench kernels"
cargo bench -p strided-view-benches --bench kernels 2>&1 | tee "$REPORT_DIR/kernels.log"

step "proof decisions: cargo bench -p strided-view-benches --bench proof"
cargo bench -p strided-view-benches --bench proof 2>&1 | tee "$REPORT_DIR/proof.log"

step "run-time views: cargo bench -p strided-view-benches --bench dynamic --features ndarray"
rm -rf "$TARGET_DIR"/criterion/d[1-6]_* "$TARGET_DIR"/criterion/c_new_* "$TARGET_DIR"/criterion/c_writable_* "$TARGET_DIR"/criterion/c_split_*
cargo bench -p strided-view-benches --bench dynamic --features ndarray 2>&1 | tee "$REPORT_DIR/dynamic.log"
# The tables of benches/DYNAMIC.md (its prose is written by hand around them).
python3 benches/dynamic_report.py "$TARGET_DIR/criterion" >"$REPORT_DIR/dynamic.md"

step "no panic path: cargo test -p strided-view-benches --release --test no_panic"
if cargo test -p strided-view-benches --release --test no_panic >"$REPORT_DIR/no_panic.log" 2>&1; then
    echo "links and passes: no views kernel keeps a panic path (opt-level 3, thin LTO)" >"$REPORT_DIR/no_panic.txt"
else
    failing=$(grep -o 'detected panic in function `[^`]*`' "$REPORT_DIR/no_panic.log" | sort -u | sed 's/.*`\(.*\)`/\1/' |
        paste -sd, - || true)
    if [ -n "$failing" ]; then
        echo "FAILS TO LINK: a panic path survives in: $failing (log: $REPORT_DIR/no_panic.log)" >"$REPORT_DIR/no_panic.txt"
    else
        echo "FAILED for another reason; see $REPORT_DIR/no_panic.log" >"$REPORT_DIR/no_panic.txt"
    fi
fi
cat "$REPORT_DIR/no_panic.txt" >&2

step "code size: benches/code_size.sh"
bash benches/code_size.sh

step "macro cost: benches/macro_cost.py"
python3 benches/macro_cost.py

step "generic instantiations: benches/generic_cost.py"
python3 benches/generic_cost.py

step "instruction counts: benches/instructions.sh"
bash benches/instructions.sh

step "report"
python3 benches/report.py --command "bash benches/run.sh"
