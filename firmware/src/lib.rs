//! The harness both firmware binaries share: the inputs, the five kernels'
//! signatures, the expected results (computed on the host, independently of
//! the views) and the semihosting report.
//!
//! `src/bin/views.rs` implements [`Kernels`] with `strided_view!` layouts,
//! `src/bin/slices.rs` with plain slice indexing; everything else is here, so
//! the two binaries differ only in the kernels.
#![no_std]

use cortex_m::singleton;
use cortex_m_semihosting::{debug, hprintln};

// ---------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------

/// Stereo frames in the DMA buffer (`L R L R ..`, `2 * FRAMES` samples).
pub const FRAMES: usize = 64;
/// Bayer mosaic side (RGGB, 16 x 16 u8); each colour plane is `BAYER / 2` square.
pub const BAYER: usize = 16;
/// Half-resolution output side.
pub const HALF: usize = BAYER / 2;

/// Framebuffer width in pixels (u8 each).
pub const WIDTH: usize = 20;
/// Framebuffer height in rows.
pub const HEIGHT: usize = 10;
/// Bytes from one row to the next: `PITCH - WIDTH` padding bytes end each row.
pub const PITCH: usize = 24;
/// The framebuffer's length.
pub const FB_LEN: usize = PITCH * HEIGHT;
/// What the visible area is cleared to.
pub const BACKGROUND: u8 = 0x11;
/// What the whole framebuffer holds before the kernel runs; the padding must keep it.
pub const PAD_SENTINEL: u8 = 0xEE;

/// Rectangle A: inside the screen, away from every edge.
pub const RECT_A_X: usize = 2;
/// Rectangle A's top row.
pub const RECT_A_Y: usize = 1;
/// Rectangle A's width.
pub const RECT_A_W: usize = 6;
/// Rectangle A's height.
pub const RECT_A_H: usize = 4;
/// Rectangle A's colour.
pub const RECT_A_COLOUR: u8 = 0x5A;
/// Rectangle B: flush with the right and bottom edges, so its last column
/// touches the first padding byte of each row.
pub const RECT_B_X: usize = 8;
/// Rectangle B's top row.
pub const RECT_B_Y: usize = 4;
/// Rectangle B's width (`RECT_B_X + RECT_B_W == WIDTH`).
pub const RECT_B_W: usize = 12;
/// Rectangle B's height (`RECT_B_Y + RECT_B_H == HEIGHT`).
pub const RECT_B_H: usize = 6;
/// Rectangle B's colour.
pub const RECT_B_COLOUR: u8 = 0xA5;

/// The status panel (the first size of the generic panel kernel), columns.
pub const SMALL_W: usize = 16;
/// The status panel's rows.
pub const SMALL_H: usize = 8;
/// The main panel (the second size), columns.
pub const LARGE_W: usize = 40;
/// The main panel's rows.
pub const LARGE_H: usize = 24;
/// The panels' one-pixel frame.
pub const FRAME: u8 = 0xF0;

/// A panel pixel inside the frame at `(x, y)`: the gradient the panel
/// kernel draws.
#[inline(always)]
pub fn gradient(x: usize, y: usize) -> u8 {
    (x * 3 + y * 7) as u8
}

/// FIR input length.
pub const FIR_IN: usize = 32;
/// FIR taps.
pub const TAPS: usize = 4;
/// FIR outputs ("valid" correlation): `FIR_IN - TAPS + 1`.
pub const FIR_OUT: usize = FIR_IN - TAPS + 1;
/// The filter: `y[n] = Σ_k FIR_TAPS[k] * x[n + k]`.
pub const FIR_TAPS: [i32; TAPS] = [-2, 5, 7, 3];

// ---------------------------------------------------------------------------
// The kernels
// ---------------------------------------------------------------------------

/// The five jobs, once with views and once with plain slices.
pub trait Kernels {
    /// How the report names this implementation.
    const NAME: &'static str;

    /// Left channel gain 5/4 (saturating, [`gain_left`]), right channel gain
    /// 1/2 ([`gain_right`]), both in place in the interleaved `dma` buffer;
    /// then `mono[n] = mix(left[n], right[n])` ([`mix`]).
    fn stereo(dma: &mut [i16; 2 * FRAMES], mono: &mut [i16; FRAMES]);

    /// Splits the RGGB mosaic `raw` (row-major, 16 x 16) into its planes R,
    /// G1 (even rows), G2 (odd rows), B; `sums` gets each plane's sum in that
    /// order, `rgb` the 8 x 8 image, pixel-interleaved `R G B`, with
    /// `G = (G1 + G2) / 2` ([`average`]).
    fn bayer(raw: &[u8; BAYER * BAYER], sums: &mut [u32; 4], rgb: &mut [u8; 3 * HALF * HALF]);

    /// Clears the visible `WIDTH x HEIGHT` area of `fb` to [`BACKGROUND`],
    /// then fills rectangle A and rectangle B, never touching the padding.
    fn framebuffer(fb: &mut [u8; FB_LEN]);

    /// `y[n] = Σ_k taps[k] * x[n + k]` for `n < FIR_OUT`.
    fn fir(x: &[i32; FIR_IN], taps: &[i32; TAPS], y: &mut [i32; FIR_OUT]);

    /// One kernel at two panel sizes (row-major, one byte per pixel): the
    /// border pixels [`FRAME`], the others [`gradient`]; returns, for each
    /// panel, the checksum [`upside_down_checksum`] of its rows read bottom
    /// row first.
    fn panels(small: &mut [u8; SMALL_W * SMALL_H], large: &mut [u8; LARGE_W * LARGE_H]) -> [u32; 2];
}

/// `h = h * 31 + pixel` over the pixels of a `w`-column panel, rows from the
/// bottom one up, each row left to right.
pub fn upside_down_checksum(pixels: impl IntoIterator<Item = u8>) -> u32 {
    pixels
        .into_iter()
        .fold(0u32, |h, p| h.wrapping_mul(31).wrapping_add(u32::from(p)))
}

/// The panel pixel at `(x, y)` after the kernel, by plain geometry.
fn panel_expected(x: usize, y: usize, w: usize, h: usize) -> u8 {
    if x == 0 || y == 0 || x == w - 1 || y == h - 1 {
        FRAME
    } else {
        gradient(x, y)
    }
}

/// Checks one panel against plain geometry; returns (pixels right, checksum right).
fn check_panel(panel: &[u8], w: usize, h: usize, checksum: u32) -> (bool, bool) {
    let pixels = (0..h).all(|y| (0..w).all(|x| panel[y * w + x] == panel_expected(x, y, w, h)));
    let expected = upside_down_checksum(
        (0..h)
            .rev()
            .flat_map(|y| (0..w).map(move |x| panel_expected(x, y, w, h))),
    );
    (pixels, checksum == expected)
}

/// Gain 5/4 with saturation: `clamp((x * 5) >> 2)` in i32.
#[inline(always)]
pub fn gain_left(x: i16) -> i16 {
    ((i32::from(x) * 5) >> 2).clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
}

/// Gain 1/2: `x >> 1` (rounds towards minus infinity, like Python's `>>`).
#[inline(always)]
pub fn gain_right(x: i16) -> i16 {
    x >> 1
}

/// The mono mix `(l + r) >> 1`, computed in i32 (never overflows).
#[inline(always)]
pub fn mix(l: i16, r: i16) -> i16 {
    ((i32::from(l) + i32::from(r)) >> 1) as i16
}

/// The green average `(g1 + g2) >> 1`, computed in u16.
#[inline(always)]
pub fn average(g1: u8, g2: u8) -> u8 {
    ((u16::from(g1) + u16::from(g2)) >> 1) as u8
}

// ---------------------------------------------------------------------------
// Inputs (plain loops; host/expected.py generates the same)
// ---------------------------------------------------------------------------

/// Numerical Recipes LCG, `s = 1664525 s + 1013904223 (mod 2^32)`; returns the new state.
#[derive(Clone, Copy)]
pub struct Lcg(u32);

impl Lcg {
    /// The generator seeded with `seed`.
    pub const fn new(seed: u32) -> Self {
        Lcg(seed)
    }

    /// The next state.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        self.0
    }
}

/// 64 random stereo frames, full-scale i16 (top 16 bits of the LCG, seed 0x1234_5678).
fn fill_stereo(dma: &mut [i16; 2 * FRAMES]) {
    let mut g = Lcg::new(0x1234_5678);
    for s in dma.iter_mut() {
        *s = (g.next() >> 16) as u16 as i16;
    }
}

/// An RGGB mosaic: a base level per colour (R 180, G 100, B 20) plus 6 random bits (seed 2024).
fn fill_bayer(raw: &mut [u8; BAYER * BAYER]) {
    const BASE: [u8; 4] = [180, 100, 100, 20];
    let mut g = Lcg::new(2024);
    for y in 0..BAYER {
        for x in 0..BAYER {
            raw[y * BAYER + x] = BASE[(y & 1) * 2 + (x & 1)] + ((g.next() >> 24) & 63) as u8;
        }
    }
}

/// 32 random samples in `-2^19 .. 2^19` (top 20 bits of the LCG minus 2^19, seed 77).
fn fill_fir(x: &mut [i32; FIR_IN]) {
    let mut g = Lcg::new(77);
    for s in x.iter_mut() {
        *s = (g.next() >> 12) as i32 - (1 << 19);
    }
}

/// FNV-1a, 32 bits, over little-endian bytes.
pub struct Fnv1a(u32);

impl Fnv1a {
    /// The offset basis.
    pub const fn new() -> Self {
        Fnv1a(0x811C_9DC5)
    }

    /// Hashes `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }

    /// The hash so far.
    pub const fn finish(&self) -> u32 {
        self.0
    }
}

impl Default for Fnv1a {
    fn default() -> Self {
        Self::new()
    }
}

fn fnv_i16(values: &[i16]) -> u32 {
    let mut h = Fnv1a::new();
    for v in values {
        h.write(&v.to_le_bytes());
    }
    h.finish()
}

fn fnv_u8(values: &[u8]) -> u32 {
    let mut h = Fnv1a::new();
    h.write(values);
    h.finish()
}

// ---------------------------------------------------------------------------
// Expected results: computed on the host by `python3 host/expected.py`
// (plain Python integers, same generators, no views), pasted here.
// ---------------------------------------------------------------------------

/// FNV-1a of the 128 interleaved samples after the gains
/// (`out = interleave(clamp((l*5)>>2), r>>1)`, 2 LE bytes each).
const STEREO_OUT_FNV: u32 = 0x508A_DF5C;
/// Left outputs clamped to the rails: inputs with `(l*5)>>2` outside i16.
const STEREO_SATURATED: usize = 17;
/// `mono[n] = (clamp((l[n]*5)>>2) + (r[n]>>1)) >> 1`.
const MONO: [i16; FRAMES] = [
    13131, 10879, -18262, -4355, -22447, 11811, 14115, -5382, 10200, -10963, 23981, 15426, -678, -23708, -502, -10298,
    -12720, 23275, -15248, -2438, 8909, -8522, -10884, 8872, 20194, 8762, -8031, 2415, 41, -6027, -12665, 6090, -3409,
    -4039, -4499, -10755, -17306, -12642, -17176, -20213, 12355, 5995, 13541, 21024, -1035, -24476, 7536, 14056,
    -15820, -14972, -20518, 9870, 7868, -17454, 13381, -4088, -9421, 20851, -22992, 15537, 14167, 12294, -7654, 19485,
];
/// Plane sums R, G1, G2, B: `sum(raw[2i+dy][2j+dx] for i, j in 0..8)` for
/// `(dy, dx)` = (0,0), (0,1), (1,0), (1,1).
const PLANE_SUMS: [u32; 4] = [13621, 8523, 8402, 3536];
/// FNV-1a of the 192-byte half-resolution image,
/// `[raw[2i][2j], (raw[2i][2j+1] + raw[2i+1][2j]) >> 1, raw[2i+1][2j+1]]` per pixel.
const RGB_FNV: u32 = 0x1EC7_0C39;
/// The first and last half-resolution pixels, for the report.
const RGB_FIRST_LAST: [[u8; 3]; 2] = [[185, 138, 39], [188, 144, 60]];
/// FNV-1a of the 240-byte framebuffer: all 0xEE, the 20 x 10 visible area 0x11,
/// rows 1..5 x columns 2..8 0x5A, rows 4..10 x columns 8..20 0xA5.
const FB_FNV: u32 = 0xA8FF_6DB5;
/// Bytes of each value in that framebuffer: 0x5A, 0xA5, 0x11, 0xEE.
const FB_COUNTS: [usize; 4] = [24, 72, 104, 40];
/// `y[n] = -2 x[n] + 5 x[n+1] + 7 x[n+2] + 3 x[n+3]`.
const FIR_EXPECTED: [i32; FIR_OUT] = [
    -387097, 1486525, 531602, -1108155, -2767987, -943702, -1971530, -1295303, -1354262, 3072836, 758684, -300174,
    -2056631, 440156, -739092, -320270, 329968, 3265299, 5444631, 1594398, -1274529, -2810403, -1524133, -5649678,
    -2334542, 800516, 4513064, 2765117, 2337713,
];

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

/// Counts checks and prints each one.
struct Report {
    passed: u32,
    failed: u32,
}

impl Report {
    fn check(&mut self, what: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        hprintln!("  {:<44} {}", what, if ok { "ok" } else { "FAILED" });
    }
}

/// The framebuffer byte at `(x, y)` after the kernel, by plain geometry.
fn fb_expected(x: usize, y: usize) -> u8 {
    let inside = |x0: usize, y0: usize, w: usize, h: usize| (x0..x0 + w).contains(&x) && (y0..y0 + h).contains(&y);
    if x >= WIDTH {
        PAD_SENTINEL
    } else if inside(RECT_B_X, RECT_B_Y, RECT_B_W, RECT_B_H) {
        RECT_B_COLOUR
    } else if inside(RECT_A_X, RECT_A_Y, RECT_A_W, RECT_A_H) {
        RECT_A_COLOUR
    } else {
        BACKGROUND
    }
}

/// Runs the five kernels of `K` on `static` buffers, checks every result,
/// prints a report over semihosting and exits QEMU: status 0 when every check
/// passed, 1 otherwise.
pub fn run<K: Kernels>() -> ! {
    hprintln!(
        "strided-view firmware, {} kernels, on a Cortex-M3 (lm3s6965evb)",
        K::NAME
    );
    let mut report = Report { passed: 0, failed: 0 };

    // 1. Stereo: a DMA-style buffer in `.bss`, handed out once.
    let dma = singleton!(: [i16; 2 * FRAMES] = [0; 2 * FRAMES]).unwrap();
    let mono = singleton!(: [i16; FRAMES] = [0; FRAMES]).unwrap();
    fill_stereo(dma);
    K::stereo(dma, mono);
    let saturated = dma
        .iter()
        .step_by(2)
        .filter(|&&l| l == i16::MAX || l == i16::MIN)
        .count();
    hprintln!(
        "stereo: {} frames, left x5/4 saturating, right x1/2, mono (l+r)/2",
        FRAMES
    );
    hprintln!("  out[0..8]  = {:?}", &dma[..8]);
    hprintln!("  mono[0..8] = {:?}", &mono[..8]);
    report.check("interleaved output matches (fnv1a)", fnv_i16(dma) == STEREO_OUT_FNV);
    report.check("left samples saturated: 17", saturated == STEREO_SATURATED);
    report.check("mono mix matches, all 64 frames", *mono == MONO);

    // 2. Bayer RGGB 16 x 16 -> four planes -> 8 x 8 RGB.
    let raw = singleton!(: [u8; BAYER * BAYER] = [0; BAYER * BAYER]).unwrap();
    let rgb = singleton!(: [u8; 3 * HALF * HALF] = [0; 3 * HALF * HALF]).unwrap();
    fill_bayer(raw);
    let mut sums = [0u32; 4];
    K::bayer(raw, &mut sums, rgb);
    hprintln!(
        "bayer: RGGB {}x{} -> planes R G1 G2 B -> {}x{} RGB",
        BAYER,
        BAYER,
        HALF,
        HALF
    );
    hprintln!("  plane sums = {:?}", sums);
    hprintln!("  rgb[0] = {:?}, rgb[63] = {:?}", &rgb[..3], &rgb[rgb.len() - 3..]);
    report.check("plane sums match", sums == PLANE_SUMS);
    report.check(
        "half-resolution image matches (fnv1a)",
        fnv_u8(rgb) == RGB_FNV && rgb[..3] == RGB_FIRST_LAST[0] && rgb[rgb.len() - 3..] == RGB_FIRST_LAST[1],
    );

    // 3. Framebuffer with padded rows.
    let fb = singleton!(: [u8; FB_LEN] = [PAD_SENTINEL; FB_LEN]).unwrap();
    K::framebuffer(fb);
    let mut padding_ok = 0;
    let mut pixels_ok = 0;
    for y in 0..HEIGHT {
        for x in 0..PITCH {
            let ok = fb[y * PITCH + x] == fb_expected(x, y);
            if x >= WIDTH {
                padding_ok += usize::from(ok);
            } else {
                pixels_ok += usize::from(ok);
            }
        }
    }
    let counts =
        [RECT_A_COLOUR, RECT_B_COLOUR, BACKGROUND, PAD_SENTINEL].map(|c| fb.iter().filter(|&&b| b == c).count());
    hprintln!(
        "framebuffer: {}x{}, pitch {}, rects {}x{} at ({},{}) and {}x{} at ({},{})",
        WIDTH,
        HEIGHT,
        PITCH,
        RECT_A_W,
        RECT_A_H,
        RECT_A_X,
        RECT_A_Y,
        RECT_B_W,
        RECT_B_H,
        RECT_B_X,
        RECT_B_Y
    );
    hprintln!("  bytes of 0x5A, 0xA5, 0x11, 0xEE = {:?}", counts);
    report.check(
        "padding untouched: 40 of 40 bytes 0xEE",
        padding_ok == (PITCH - WIDTH) * HEIGHT,
    );
    report.check(
        "rectangles and background exact: 200 pixels",
        pixels_ok == WIDTH * HEIGHT,
    );
    report.check(
        "framebuffer matches (fnv1a, byte counts)",
        fnv_u8(fb) == FB_FNV && counts == FB_COUNTS,
    );

    // 4. FIR, on the stack.
    let mut x = [0i32; FIR_IN];
    fill_fir(&mut x);
    let mut y = [0i32; FIR_OUT];
    K::fir(&x, &FIR_TAPS, &mut y);
    hprintln!(
        "fir: {} taps {:?} over {} samples -> {} outputs",
        TAPS,
        FIR_TAPS,
        FIR_IN,
        FIR_OUT
    );
    hprintln!("  y[0..4] = {:?}, y[28] = {}", &y[..4], y[FIR_OUT - 1]);
    report.check("fir output matches, all 29 outputs", y == FIR_EXPECTED);

    // 5. One generic kernel at two panel sizes.
    let small = singleton!(: [u8; SMALL_W * SMALL_H] = [0; SMALL_W * SMALL_H]).unwrap();
    let large = singleton!(: [u8; LARGE_W * LARGE_H] = [0; LARGE_W * LARGE_H]).unwrap();
    let [small_sum, large_sum] = K::panels(small, large);
    hprintln!(
        "panels: one kernel at {}x{} and {}x{}: frame 0x{:X}, gradient 3x + 7y inside, checksum bottom-up",
        SMALL_W,
        SMALL_H,
        LARGE_W,
        LARGE_H,
        FRAME
    );
    hprintln!("  checksums = [{:#010x}, {:#010x}]", small_sum, large_sum);
    let (small_pixels, small_ok) = check_panel(small, SMALL_W, SMALL_H, small_sum);
    let (large_pixels, large_ok) = check_panel(large, LARGE_W, LARGE_H, large_sum);
    report.check("16x8 panel: frame and gradient exact", small_pixels);
    report.check("16x8 panel: upside-down checksum", small_ok);
    report.check("40x24 panel: frame and gradient exact", large_pixels);
    report.check("40x24 panel: upside-down checksum", large_ok);

    hprintln!("{} passed, {} failed", report.passed, report.failed);
    debug::exit(if report.failed == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    // `exit` returns only without a debugger attached (semihosting off).
    loop {
        cortex_m::asm::wfi();
    }
}
