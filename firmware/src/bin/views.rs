//! The five kernels through `strided_view!` layouts: every view below is
//! proven in bounds (and, when writable, unique; when split, disjoint) at
//! compile time, so the loops carry no buffer-length check.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use panic_semihosting as _;
use strided_view_firmware::{
    average, gain_left, gain_right, gradient, mix, run, upside_down_checksum, Kernels, BACKGROUND, BAYER, FB_LEN,
    FIR_IN, FIR_OUT, FRAME, FRAMES, HALF, HEIGHT, LARGE_H, LARGE_W, PITCH, RECT_A_COLOUR, RECT_A_H, RECT_A_W, RECT_A_X,
    RECT_A_Y, RECT_B_COLOUR, RECT_B_H, RECT_B_W, RECT_B_X, RECT_B_Y, SMALL_H, SMALL_W, TAPS, WIDTH,
};
use view_core::{contract, zip, ViewMut};
use view_macros::strided_view;

strided_view! {
    // --- stereo: the interleaved DMA buffer L R L R ..
    /// Left channel: even samples.
    mut Left: [i16; 128] { shape: [64], strides: [2] }
    /// Right channel: odd samples.
    mut Right: [i16; 128] { shape: [64], strides: [2], offset: 1 }
    /// Both channels at once, proven disjoint.
    split Stereo = (Left, Right);
    /// The mono mix, one sample per frame.
    mut Mono: [i16; 64] { shape: [64] }

    // --- Bayer RGGB, 16 x 16 row-major: each plane is every other row and column.
    PlaneR: [u8; 256] { shape: [8, 8], strides: [32, 2] }
    PlaneG1: [u8; 256] { shape: [8, 8], strides: [32, 2], offset: 1 }
    PlaneG2: [u8; 256] { shape: [8, 8], strides: [32, 2], offset: 16 }
    PlaneB: [u8; 256] { shape: [8, 8], strides: [32, 2], offset: 17 }
    /// The 8 x 8 RGB output, pixel-interleaved: one writable plane per colour.
    mut OutR: [u8; 192] { shape: [8, 8], strides: [24, 3] }
    mut OutG: [u8; 192] { shape: [8, 8], strides: [24, 3], offset: 1 }
    mut OutB: [u8; 192] { shape: [8, 8], strides: [24, 3], offset: 2 }
    split Rgb = (OutR, OutG, OutB);

    // --- FIR: sliding windows of 4 over 32 samples (overlapping, read-only).
    Windows: [i32; 32] { shape: [29, 4], strides: [1, 1] }
    Taps: [i32; 4] { shape: [4] }
    mut FirOut: [i32; 29] { shape: [29] }

    // --- framebuffer with padded rows, written with the shared constants.
    /// The visible area: every row, the first WIDTH bytes.
    mut Visible: [u8; FB_LEN] { shape: [HEIGHT, WIDTH], strides: [PITCH as isize, 1] }
    /// The padding: every row, the last PITCH - WIDTH bytes.
    mut Padding: [u8; FB_LEN] { shape: [HEIGHT, PITCH - WIDTH], strides: [PITCH as isize, 1], offset: WIDTH }
    mut RectA: [u8; FB_LEN] {
        shape: [RECT_A_H, RECT_A_W],
        strides: [PITCH as isize, 1],
        offset: RECT_A_Y * PITCH + RECT_A_X,
    }
    mut RectB: [u8; FB_LEN] {
        shape: [RECT_B_H, RECT_B_W],
        strides: [PITCH as isize, 1],
        offset: RECT_B_Y * PITCH + RECT_B_X,
    }
    // Each drawing view is split off against the padding: the splits compile
    // only if the proof shows that the view never reaches a padding byte.
    split Screen = (Visible, Padding);
    split ScreenA = (RectA, Padding);
    split ScreenB = (RectB, Padding);
}

strided_view! {
    // --- one panel kernel for any size: the layouts are generic, each
    // instantiation proven when the kernel is instantiated.
    /// A `W x H` panel, row-major.
    mut Panel<const W: usize, const H: usize>: [u8; W * H] { shape: [H, W] }
    /// Everything but the one-pixel frame.
    mut Inside<const W: usize, const H: usize> = Panel<W, H>.slice(0, 1..-1).slice(1, 1..-1);
    /// The panel upside down.
    UpsideDown<const W: usize, const H: usize> = Panel<W, H>.flip(0);
}

/// The panel kernel, written once: frame, gradient inside, checksum of the
/// rows bottom-up.
fn panel<const W: usize, const H: usize>(mut panel: ViewMut<'_, u8, Panel<W, H>>) -> u32 {
    panel.fill(FRAME);
    for ([y, x], p) in Inside::<W, H>::of_mut(panel.reborrow()).indexed_iter_mut() {
        *p = gradient(x + 1, y + 1);
    }
    upside_down_checksum(UpsideDown::<W, H>::of(panel.into_view()).iter().copied())
}

/// The sum of a plane's samples.
fn plane_sum<'a>(plane: impl IntoIterator<Item = &'a u8>) -> u32 {
    plane.into_iter().map(|&v| u32::from(v)).sum()
}

struct Views;

impl Kernels for Views {
    const NAME: &'static str = "views";

    #[inline(never)]
    fn stereo(dma: &mut [i16; 2 * FRAMES], mono: &mut [i16; FRAMES]) {
        let (mut left, mut right) = Stereo::split(dma);
        left.iter_mut().for_each(|s| *s = gain_left(*s));
        right.iter_mut().for_each(|s| *s = gain_right(*s));
        zip((&left, &right)).map_into(&mut Mono::view_mut(mono), |&l, &r| mix(l, r));
    }

    #[inline(never)]
    fn bayer(raw: &[u8; BAYER * BAYER], sums: &mut [u32; 4], rgb: &mut [u8; 3 * HALF * HALF]) {
        let (r, g1, g2, b) = (
            PlaneR::view(raw),
            PlaneG1::view(raw),
            PlaneG2::view(raw),
            PlaneB::view(raw),
        );
        *sums = [plane_sum(r), plane_sum(g1), plane_sum(g2), plane_sum(b)];
        let (mut out_r, mut out_g, mut out_b) = Rgb::split(rgb);
        out_r.copy_from(r);
        out_b.copy_from(b);
        zip((g1, g2)).map_into(&mut out_g, |&a, &b| average(a, b));
    }

    #[inline(never)]
    fn framebuffer(fb: &mut [u8; FB_LEN]) {
        let (mut visible, _) = Screen::split(fb);
        visible.fill(BACKGROUND);
        let (mut rect_a, _) = ScreenA::split(fb);
        rect_a.fill(RECT_A_COLOUR);
        let (mut rect_b, _) = ScreenB::split(fb);
        rect_b.fill(RECT_B_COLOUR);
    }

    #[inline(never)]
    fn fir(x: &[i32; FIR_IN], taps: &[i32; TAPS], y: &mut [i32; FIR_OUT]) {
        // y[n] = Σ_k taps[k] * x[n + k]: the windows contracted with the taps.
        contract(Windows::view(x), Taps::view(taps), &mut FirOut::view_mut(y));
    }

    #[inline(never)]
    fn panels(small: &mut [u8; SMALL_W * SMALL_H], large: &mut [u8; LARGE_W * LARGE_H]) -> [u32; 2] {
        [
            panel(Panel::<SMALL_W, SMALL_H>::view_mut(small)),
            panel(Panel::<LARGE_W, LARGE_H>::view_mut(large)),
        ]
    }
}

#[entry]
fn main() -> ! {
    run::<Views>()
}
