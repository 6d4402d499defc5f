//! The seven benchmark kernels of DESIGN §7, each in up to four variants that
//! compute the same result with the same order of additions:
//!
//! - [`views`]: `strided_view!` layouts and the compute API (the subject);
//! - [`raw`]: hand-written `unsafe` pointer loops, the limit;
//! - [`checked`]: safe slice indexing with the index arithmetic written out;
//! - `ndarray` (feature `ndarray`, on by default): `ArrayView`s with the same
//!   shapes and strides.
//!
//! Every kernel is a monomorphic `#[inline(never)]` function, so the
//! criterion bench (`benches/kernels.rs`), the no-panic test
//! (`tests/no_panic.rs`) and the code-size script (`code_size.sh`) measure the
//! same code under the same symbol names (`strided_view_benches::raw::trace`, ..).
//! The iteration benchmarks (`iter_views`, `iter_raw`, `iter_ndarray`) measure
//! external iteration (`for` loops, `Iterator::zip`, `rows()`,
//! `indexed_iter()`, `v[[i, j]]`) against hand-written loops and against
//! ndarray with shapes and strides known only at run time.
//!
//! A few kernels have an extra variant (`views_map`, `views_for`,
//! `views_fused`, `views_zip_mut`, `raw_fused`) that the report lists apart:
//! another way to write the same job, measured to locate a gap.
//!
//! The crate is `no_std` without the `ndarray` feature, so that
//! `cargo build --no-default-features --target thumbv7em-none-eabihf` builds
//! the kernels for the code-size comparison.
#![no_std]

#[cfg(feature = "ndarray")]
pub mod iter_ndarray;
#[cfg(feature = "ndarray")]
pub mod ndarray;
#[cfg(feature = "ndarray")]
pub mod ndarray_dims;

/// Samples per channel in kernel 1 (`3 x 4096` interleaved).
pub const EVERY_THIRD_LEN: usize = 4096;
/// The buffer of kernel 1: three interleaved channels.
pub const INTERLEAVED_LEN: usize = 3 * EVERY_THIRD_LEN;
/// Side of the square matrix of kernel 2.
pub const TRACE_SIDE: usize = 64;
/// Elements reversed by kernel 3.
pub const REVERSE_LEN: usize = 4096;
/// Side of the broadcast output of kernel 4.
pub const BROADCAST_SIDE: usize = 256;
/// Side of the image of kernel 5.
pub const IMAGE_SIDE: usize = 128;
/// Side of the filter of kernel 5.
pub const FILTER_SIDE: usize = 3;
/// Side of the output of kernel 5 ("valid" correlation).
pub const FILTERED_SIDE: usize = IMAGE_SIDE - FILTER_SIDE + 1;
/// Side of the matrix of kernel 6.
pub const TRANSPOSE_SIDE: usize = 64;
/// Frames of kernel 7 (`L R L R ..`, two samples each).
pub const FRAMES: usize = 1024;

/// Kernel 7's left-channel gain, 3/4 (truncating toward zero).
#[inline(always)]
pub fn gain_left(sample: i16) -> i16 {
    // |sample * 3 / 4| <= |sample|, so the result fits in i16.
    (i32::from(sample) * 3 / 4) as i16
}

/// Kernel 7's right-channel gain, 1/2 (truncating toward zero).
#[inline(always)]
pub fn gain_right(sample: i16) -> i16 {
    sample / 2
}

pub mod dynamic;
pub mod iter_raw;
pub mod iter_views;
pub mod layouts;
pub mod views;

/// A view's shape, strides and offset as run-time values: what the
/// `iter_ndarray` functions get (through `black_box`), as ndarray users have
/// them when they build a view from data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dims<const R: usize> {
    /// Extents.
    pub shape: [usize; R],
    /// Element strides (negative ones allowed).
    pub strides: [isize; R],
    /// The element of index `[0, .., 0]`.
    pub offset: usize,
}

impl<const R: usize> Dims<R> {
    /// The numbers of layout `L`.
    pub fn of<L: view_core::Layout<Index = [usize; R]>>() -> Self
    where
        L::Index: view_core::Dim<Strides = [isize; R]>,
    {
        Dims {
            shape: L::SHAPE,
            strides: L::STRIDES,
            offset: L::OFFSET,
        }
    }

    /// The lowest element reached: the offset less `|s| (n - 1)` for each
    /// negative stride `s` (for a non-empty shape).
    pub fn lowest(&self) -> usize {
        let mut lowest = self.offset;
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            if s < 0 {
                lowest -= s.unsigned_abs() * (n - 1);
            }
        }
        lowest
    }
}

/// The kernels as hand-written `unsafe` pointer loops: the limit.
///
/// Each loop reads and writes through `ptr.add(k)` with `k` computed from
/// loop counters whose ranges are fixed; every `SAFETY` comment bounds `k`
/// by the array length in the signature.
pub mod raw {
    use crate::{gain_left, gain_right};

    /// Kernel 1.
    #[inline(never)]
    pub fn sum_every_third(x: &[f32; 12288]) -> f32 {
        let p = x.as_ptr();
        let mut acc = 0.0f32;
        for i in 0..4096 {
            // SAFETY: i < 4096, so 3 * i <= 12285 < 12288 = x.len().
            let q = unsafe { p.add(3 * i) };
            // SAFETY: `q` points inside `x`, which is borrowed for reading.
            acc += unsafe { *q };
        }
        acc
    }

    /// Kernel 2.
    #[inline(never)]
    pub fn trace(m: &[f64; 4096]) -> f64 {
        let p = m.as_ptr();
        let mut acc = 0.0f64;
        for i in 0..64 {
            // SAFETY: i < 64, so 65 * i <= 4095 < 4096 = m.len().
            let q = unsafe { p.add(65 * i) };
            // SAFETY: `q` points inside `m`, which is borrowed for reading.
            acc += unsafe { *q };
        }
        acc
    }

    /// Kernel 3.
    #[inline(never)]
    pub fn reversed_copy(x: &[f32; 4096], out: &mut [f32; 4096]) {
        let (src, dst) = (x.as_ptr(), out.as_mut_ptr());
        for i in 0..4096 {
            // SAFETY: i < 4096, so 4095 - i lies in 0..4096 = x.len().
            let from = unsafe { src.add(4095 - i) };
            // SAFETY: i < 4096 = out.len().
            let to = unsafe { dst.add(i) };
            // SAFETY: `from` points inside `x`, borrowed for reading.
            let value = unsafe { *from };
            // SAFETY: `to` points inside `out`, borrowed exclusively.
            unsafe { *to = value };
        }
    }

    /// Kernel 4.
    #[inline(never)]
    pub fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536]) {
        let (r, c, o) = (row.as_ptr(), column.as_ptr(), out.as_mut_ptr());
        for i in 0..256 {
            // SAFETY: i < 256 = column.len().
            let ci = unsafe { c.add(i) };
            // SAFETY: `ci` points inside `column`, borrowed for reading.
            let cv = unsafe { *ci };
            for j in 0..256 {
                // SAFETY: j < 256 = row.len().
                let rj = unsafe { r.add(j) };
                // SAFETY: i, j < 256, so 256 * i + j < 65536 = out.len().
                let oij = unsafe { o.add(256 * i + j) };
                // SAFETY: `rj` points inside `row`, borrowed for reading.
                let rv = unsafe { *rj };
                // SAFETY: `oij` points inside `out`, borrowed exclusively.
                unsafe { *oij = rv + cv };
            }
        }
    }

    /// Kernel 5.
    #[inline(never)]
    pub fn filter3x3(image: &[f32; 16384], filter: &[f32; 9], out: &mut [f32; 15876]) {
        let (x, k, o) = (image.as_ptr(), filter.as_ptr(), out.as_mut_ptr());
        for i in 0..126 {
            for j in 0..126 {
                let mut acc = 0.0f32;
                for a in 0..3 {
                    for b in 0..3 {
                        // SAFETY: i + a <= 127 and j + b <= 127, so the element
                        // is below 128 * 128 = image.len().
                        let xp = unsafe { x.add(128 * (i + a) + j + b) };
                        // SAFETY: a, b < 3, so 3 * a + b < 9 = filter.len().
                        let kp = unsafe { k.add(3 * a + b) };
                        // SAFETY: `xp` points inside `image`, borrowed for reading.
                        let value = unsafe { *xp };
                        // SAFETY: `kp` points inside `filter`, borrowed for reading.
                        let weight = unsafe { *kp };
                        acc += value * weight;
                    }
                }
                // SAFETY: i, j < 126, so 126 * i + j < 15876 = out.len().
                let op = unsafe { o.add(126 * i + j) };
                // SAFETY: `op` points inside `out`, borrowed exclusively.
                unsafe { *op = acc };
            }
        }
    }

    /// Kernel 6.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096]) {
        let (src, dst) = (m.as_ptr(), out.as_mut_ptr());
        for i in 0..64 {
            for j in 0..64 {
                // SAFETY: i, j < 64, so 64 * j + i < 4096 = m.len().
                let from = unsafe { src.add(64 * j + i) };
                // SAFETY: i, j < 64, so 64 * i + j < 4096 = out.len().
                let to = unsafe { dst.add(64 * i + j) };
                // SAFETY: `from` points inside `m`, borrowed for reading.
                let value = unsafe { *from };
                // SAFETY: `to` points inside `out`, borrowed exclusively.
                unsafe { *to = value };
            }
        }
    }

    /// Kernel 7, one channel after the other (like `views::stereo_scale`).
    #[inline(never)]
    pub fn stereo_scale(samples: &mut [i16; 2048]) {
        let p = samples.as_mut_ptr();
        for i in 0..1024 {
            // SAFETY: i < 1024, so 2 * i < 2048 = samples.len().
            let l = unsafe { p.add(2 * i) };
            // SAFETY: `l` points inside `samples`, borrowed exclusively.
            let sample = unsafe { *l };
            // SAFETY: as above.
            unsafe { *l = gain_left(sample) };
        }
        for i in 0..1024 {
            // SAFETY: i < 1024, so 2 * i + 1 < 2048 = samples.len().
            let r = unsafe { p.add(2 * i + 1) };
            // SAFETY: `r` points inside `samples`, borrowed exclusively.
            let sample = unsafe { *r };
            // SAFETY: as above.
            unsafe { *r = gain_right(sample) };
        }
    }

    /// Kernel 7 in one pass over the frames: the fastest hand-written loop.
    #[inline(never)]
    pub fn stereo_scale_fused(samples: &mut [i16; 2048]) {
        let p = samples.as_mut_ptr();
        for i in 0..1024 {
            // SAFETY: i < 1024, so 2 * i < 2048 = samples.len().
            let l = unsafe { p.add(2 * i) };
            // SAFETY: 2 * i + 1 < 2048 likewise.
            let r = unsafe { p.add(2 * i + 1) };
            // SAFETY: `l` and `r` point inside `samples`, borrowed exclusively.
            let (left, right) = (unsafe { *l }, unsafe { *r });
            // SAFETY: as above.
            unsafe { *l = gain_left(left) };
            // SAFETY: as above.
            unsafe { *r = gain_right(right) };
        }
    }
}

/// The kernels with safe slice indexing, the index arithmetic written out.
///
/// They take the same fixed-size arrays as the other variants, so the
/// optimizer knows every length and may remove a check it can prove
/// redundant; what it cannot prove stays as a compare and a panic branch.
pub mod checked {
    use crate::{gain_left, gain_right};

    /// Kernel 1.
    #[inline(never)]
    pub fn sum_every_third(x: &[f32; 12288]) -> f32 {
        let mut acc = 0.0f32;
        for i in 0..4096 {
            acc += x[3 * i];
        }
        acc
    }

    /// Kernel 2.
    #[inline(never)]
    pub fn trace(m: &[f64; 4096]) -> f64 {
        let mut acc = 0.0f64;
        for i in 0..64 {
            acc += m[65 * i];
        }
        acc
    }

    /// Kernel 3.
    #[inline(never)]
    pub fn reversed_copy(x: &[f32; 4096], out: &mut [f32; 4096]) {
        for i in 0..4096 {
            out[i] = x[4095 - i];
        }
    }

    /// Kernel 4.
    #[inline(never)]
    pub fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536]) {
        for i in 0..256 {
            for j in 0..256 {
                out[256 * i + j] = row[j] + column[i];
            }
        }
    }

    /// Kernel 5.
    #[inline(never)]
    pub fn filter3x3(image: &[f32; 16384], filter: &[f32; 9], out: &mut [f32; 15876]) {
        for i in 0..126 {
            for j in 0..126 {
                let mut acc = 0.0f32;
                for a in 0..3 {
                    for b in 0..3 {
                        acc += image[128 * (i + a) + j + b] * filter[3 * a + b];
                    }
                }
                out[126 * i + j] = acc;
            }
        }
    }

    /// Kernel 6.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096]) {
        for i in 0..64 {
            for j in 0..64 {
                out[64 * i + j] = m[64 * j + i];
            }
        }
    }

    /// Kernel 7.
    #[inline(never)]
    pub fn stereo_scale(samples: &mut [i16; 2048]) {
        for i in 0..1024 {
            samples[2 * i] = gain_left(samples[2 * i]);
        }
        for i in 0..1024 {
            samples[2 * i + 1] = gain_right(samples[2 * i + 1]);
        }
    }
}

/// Deterministic inputs for the bench and the tests: a xorshift sequence,
/// so every run measures the same data.
pub mod data {
    /// The next state of a 32-bit xorshift generator (never 0 from non-zero).
    fn next(state: &mut u32) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 17;
        *state ^= *state << 5;
        *state
    }

    /// Fills `buffer` with values in `[-1, 1)`.
    pub fn fill_f32(buffer: &mut [f32], seed: u32) {
        let mut state = seed | 1;
        for x in buffer {
            *x = (next(&mut state) >> 8) as f32 / (1u32 << 23) as f32 - 1.0;
        }
    }

    /// Fills `buffer` with values in `[-1, 1)`.
    pub fn fill_f64(buffer: &mut [f64], seed: u32) {
        let mut state = seed | 1;
        for x in buffer {
            *x = f64::from(next(&mut state)) / f64::from(1u32 << 31) - 1.0;
        }
    }

    /// Fills `buffer` with arbitrary samples.
    pub fn fill_i16(buffer: &mut [i16], seed: u32) {
        let mut state = seed | 1;
        for x in buffer {
            *x = (next(&mut state) >> 16) as u16 as i16;
        }
    }
}
