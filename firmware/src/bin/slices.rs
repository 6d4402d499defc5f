//! The same five kernels with plain slice indexing: the index arithmetic is
//! written out by hand and every access is bounds-checked at run time (unless
//! the optimizer proves it away).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use panic_semihosting as _;
use strided_view_firmware::{
    average, gain_left, gain_right, gradient, mix, run, upside_down_checksum, Kernels, BACKGROUND, BAYER, FB_LEN,
    FIR_IN, FIR_OUT, FRAME, FRAMES, HALF, HEIGHT, LARGE_H, LARGE_W, PITCH, RECT_A_COLOUR, RECT_A_H, RECT_A_W, RECT_A_X,
    RECT_A_Y, RECT_B_COLOUR, RECT_B_H, RECT_B_W, RECT_B_X, RECT_B_Y, SMALL_H, SMALL_W, TAPS, WIDTH,
};

/// The panel kernel for a `w x h` panel, by hand.
fn panel(pixels: &mut [u8], w: usize, h: usize) -> u32 {
    pixels[..w * h].fill(FRAME);
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            pixels[y * w + x] = gradient(x, y);
        }
    }
    upside_down_checksum((0..h).rev().flat_map(|y| pixels[y * w..(y + 1) * w].iter().copied()))
}

/// Fills a `w x h` rectangle at `(x, y)` of a framebuffer with `PITCH`-byte rows.
fn fill_rect(fb: &mut [u8], x: usize, y: usize, w: usize, h: usize, colour: u8) {
    for row in y..y + h {
        let start = row * PITCH + x;
        fb[start..start + w].fill(colour);
    }
}

struct Slices;

impl Kernels for Slices {
    const NAME: &'static str = "slices";

    #[inline(never)]
    fn stereo(dma: &mut [i16; 2 * FRAMES], mono: &mut [i16; FRAMES]) {
        for n in 0..FRAMES {
            dma[2 * n] = gain_left(dma[2 * n]);
        }
        for n in 0..FRAMES {
            dma[2 * n + 1] = gain_right(dma[2 * n + 1]);
        }
        for n in 0..FRAMES {
            mono[n] = mix(dma[2 * n], dma[2 * n + 1]);
        }
    }

    #[inline(never)]
    fn bayer(raw: &[u8; BAYER * BAYER], sums: &mut [u32; 4], rgb: &mut [u8; 3 * HALF * HALF]) {
        *sums = [0; 4];
        for i in 0..HALF {
            for j in 0..HALF {
                let top = 2 * i * BAYER + 2 * j;
                let bottom = top + BAYER;
                let (r, g1, g2, b) = (raw[top], raw[top + 1], raw[bottom], raw[bottom + 1]);
                sums[0] += u32::from(r);
                sums[1] += u32::from(g1);
                sums[2] += u32::from(g2);
                sums[3] += u32::from(b);
                let out = 3 * (i * HALF + j);
                rgb[out] = r;
                rgb[out + 1] = average(g1, g2);
                rgb[out + 2] = b;
            }
        }
    }

    #[inline(never)]
    fn framebuffer(fb: &mut [u8; FB_LEN]) {
        fill_rect(fb, 0, 0, WIDTH, HEIGHT, BACKGROUND);
        fill_rect(fb, RECT_A_X, RECT_A_Y, RECT_A_W, RECT_A_H, RECT_A_COLOUR);
        fill_rect(fb, RECT_B_X, RECT_B_Y, RECT_B_W, RECT_B_H, RECT_B_COLOUR);
    }

    #[inline(never)]
    fn fir(x: &[i32; FIR_IN], taps: &[i32; TAPS], y: &mut [i32; FIR_OUT]) {
        for n in 0..FIR_OUT {
            y[n] = (0..TAPS).map(|k| taps[k] * x[n + k]).sum();
        }
    }

    #[inline(never)]
    fn panels(small: &mut [u8; SMALL_W * SMALL_H], large: &mut [u8; LARGE_W * LARGE_H]) -> [u32; 2] {
        [panel(small, SMALL_W, SMALL_H), panel(large, LARGE_W, LARGE_H)]
    }
}

#[entry]
fn main() -> ! {
    run::<Slices>()
}
