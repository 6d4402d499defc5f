#!/usr/bin/env python3
"""Computes the expected results pasted into firmware/src/lib.rs.

Independent of the views: plain Python integers, the same input generators as
`firmware/src/lib.rs` (an LCG), the same arithmetic written out by hand.
Run: python3 firmware/host/expected.py
"""

M32 = 0xFFFF_FFFF


def lcg(seed):
    """Numerical Recipes LCG: s = 1664525 * s + 1013904223 (mod 2^32); yields each new s."""
    s = seed
    while True:
        s = (1664525 * s + 1013904223) & M32
        yield s


def fnv1a(values, nbytes):
    """FNV-1a 32-bit over the little-endian bytes of each value (two's complement)."""
    h = 0x811C9DC5
    for v in values:
        v &= (1 << (8 * nbytes)) - 1
        for k in range(nbytes):
            h ^= (v >> (8 * k)) & 0xFF
            h = (h * 0x01000193) & M32
    return h


def i16(u):
    u &= 0xFFFF
    return u - 0x10000 if u & 0x8000 else u


def clamp16(v):
    return max(-32768, min(32767, v))


# --- 1. stereo: 64 frames, interleaved L R L R ..., seed 0x1234_5678 ---------
g = lcg(0x1234_5678)
dma = [i16(next(g) >> 16) for _ in range(128)]
left = [clamp16((x * 5) >> 2) for x in dma[0::2]]   # gain 5/4, saturating
right = [(x * 1) >> 1 for x in dma[1::2]]           # gain 1/2 (>> floors, like Rust's >>)
out = [v for pair in zip(left, right) for v in pair]
mono = [(l + r) >> 1 for l, r in zip(left, right)]
print("STEREO_OUT_FNV  = 0x%08X" % fnv1a(out, 2))
print("STEREO_SATURATED =", sum(1 for x in dma[0::2] if clamp16((x * 5) >> 2) != (x * 5) >> 2))
print("MONO =", mono)

# --- 2. Bayer RGGB 16x16: base per colour + 6 random bits, seed 2024 ---------
g = lcg(2024)
base = [180, 100, 100, 20]  # R, G1 (even row), G2 (odd row), B
raw = [[base[(y & 1) * 2 + (x & 1)] + ((next(g) >> 24) & 63) for x in range(16)] for y in range(16)]
planes = {
    "R": [raw[2 * i][2 * j] for i in range(8) for j in range(8)],
    "G1": [raw[2 * i][2 * j + 1] for i in range(8) for j in range(8)],
    "G2": [raw[2 * i + 1][2 * j] for i in range(8) for j in range(8)],
    "B": [raw[2 * i + 1][2 * j + 1] for i in range(8) for j in range(8)],
}
print("PLANE_SUMS =", [sum(planes[k]) for k in ("R", "G1", "G2", "B")])
rgb = []
for i in range(8):
    for j in range(8):
        rgb += [raw[2 * i][2 * j], (raw[2 * i][2 * j + 1] + raw[2 * i + 1][2 * j]) >> 1, raw[2 * i + 1][2 * j + 1]]
print("RGB_FNV = 0x%08X" % fnv1a(rgb, 1), "first pixel", rgb[:3], "last pixel", rgb[-3:])

# --- 3. framebuffer 20x10, pitch 24 -----------------------------------------
W, H, P = 20, 10, 24
fb = [0xEE] * (P * H)                 # everything starts as the padding sentinel
for y in range(H):
    for x in range(W):
        fb[y * P + x] = 0x11          # clear the visible area
for (x0, y0, w, h, c) in [(2, 1, 6, 4, 0x5A), (8, 4, 12, 6, 0xA5)]:
    for y in range(y0, y0 + h):
        for x in range(x0, x0 + w):
            fb[y * P + x] = c
print("FB_FNV = 0x%08X" % fnv1a(fb, 1), "count 0x5A/0xA5/0x11/0xEE:",
      fb.count(0x5A), fb.count(0xA5), fb.count(0x11), fb.count(0xEE))

# --- 4. FIR: 4 taps over 32 i32 samples, seed 77 ----------------------------
g = lcg(77)
xs = [(next(g) >> 12) - (1 << 19) for _ in range(32)]
taps = [-2, 5, 7, 3]
fir = [sum(taps[k] * xs[n + k] for k in range(4)) for n in range(29)]
print("FIR_OUT =", fir)
