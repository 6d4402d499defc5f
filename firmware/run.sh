#!/usr/bin/env bash
# Builds the firmware (release) and runs it on QEMU's lm3s6965evb (Cortex-M3).
# Fails unless every check of the three binaries passes:
#   views  - the kernels written with strided_view! layouts (the firmware proper)
#   slices - the same kernels with plain slice indexing (cross-check, size baseline)
# Installs the thumbv7m-none-eabi target and qemu-system-arm when missing.
# Works from any directory. JOBS=N sets cargo's -j (default 1: the machine is shared).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

TARGET=thumbv7m-none-eabi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v qemu-system-arm >/dev/null 2>&1; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends qemu-system-arm
fi

cargo build --release -j "${JOBS:-1}" --bins
# The defmt bridge's binary: frames uncompressed, so that it can check them.
DEFMT_ENCODING=raw cargo build --release -j "${JOBS:-1}" --bin defmt_views --features defmt

# The same command as the runner in .cargo/config.toml, under a timeout.
# QEMU's exit status is the firmware's: 0 when every check passed, 1 otherwise
# (semihosting exit, and panic-semihosting's `exit` feature on a panic).
status=0
for bin in views slices defmt_views; do
    echo "== $bin: qemu-system-arm -machine lm3s6965evb -kernel target/$TARGET/release/$bin"
    code=0
    timeout 60 qemu-system-arm -cpu cortex-m3 -machine lm3s6965evb -nographic \
        -semihosting-config enable=on,target=native \
        -kernel "target/$TARGET/release/$bin" </dev/null || code=$?
    if [ "$code" -ne 0 ]; then
        if [ "$code" -eq 124 ]; then
            echo "== $bin: timed out after 60 s" >&2
        else
            echo "== $bin: FAILED (exit status $code)" >&2
        fi
        status=1
    fi
done
if [ "$status" -eq 0 ]; then
    echo "== firmware: all three binaries passed every check"
fi
exit "$status"
