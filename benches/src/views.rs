//! The kernels through `strided_view!` layouts and the compute API.
//!
//! A file of its own so that `tests/no_panic.rs` can compile it into the
//! test crate (see there).

use crate::layouts::{
    Column, Diagonal, EveryThird, Filter, Filtered, Forward, Image, Matrix, MatrixOut, Plane, Reversed, Row, Square,
    Stereo, Transposed, Windows,
};
use crate::{gain_left, gain_right};

/// Kernel 1: the sum of every third element, in order.
#[inline(never)]
pub fn sum_every_third(x: &[f32; 12288]) -> f32 {
    EveryThird::view(x).sum()
}

/// Kernel 2: the trace, through the diagonal view.
#[inline(never)]
pub fn trace(m: &[f64; 4096]) -> f64 {
    Diagonal::of(Square::view(m)).sum()
}

/// Kernel 3: `out[i] = x[4095 - i]`, with `copy_from`.
#[inline(never)]
pub fn reversed_copy(x: &[f32; 4096], out: &mut [f32; 4096]) {
    Forward::view_mut(out).copy_from(Reversed::view(x));
}

/// Kernel 3 again, with `map_into` (the `walk` loop nest) instead of
/// `copy_from` (the C-order iterators).
#[inline(never)]
pub fn reversed_copy_map(x: &[f32; 4096], out: &mut [f32; 4096]) {
    Reversed::view(x).map_into(&mut Forward::view_mut(out), |&v| v);
}

/// Kernel 4: `out[i, j] = row[j] + column[i]`, zipping two broadcasts.
#[inline(never)]
pub fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536]) {
    view_core::zip((Row::view(row), Column::view(column))).map_into(&mut Plane::view_mut(out), |&r, &c| r + c);
}

/// Kernel 5: `out[i, j] = Σ_ab image[i + a, j + b] * filter[a, b]`, summed
/// from 0 in C order of `(a, b)`: a contraction of the windows.
#[inline(never)]
pub fn filter3x3(image: &[f32; 16384], filter: &[f32; 9], out: &mut [f32; 15876]) {
    view_core::contract(
        Windows::of(Image::view(image)),
        Filter::view(filter),
        &mut Filtered::view_mut(out),
    );
}

/// Kernel 6: `out[i, j] = m[j, i]`, with `copy_from`.
#[inline(never)]
pub fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096]) {
    MatrixOut::view_mut(out).copy_from(Transposed::of(Matrix::view(m)));
}

/// Kernel 6 again, with `map_into` instead of `copy_from`.
#[inline(never)]
pub fn transposed_copy_map(m: &[f32; 4096], out: &mut [f32; 4096]) {
    Transposed::of(Matrix::view(m)).map_into(&mut MatrixOut::view_mut(out), |&v| v);
}

/// Kernel 7: split the interleaved buffer into its two channels and
/// scale each in place, one channel after the other.
#[inline(never)]
pub fn stereo_scale(samples: &mut [i16; 2048]) {
    let (mut left, mut right) = Stereo::split(samples);
    left.iter_mut().for_each(|s| *s = gain_left(*s));
    right.iter_mut().for_each(|s| *s = gain_right(*s));
}

/// Kernel 7 with `for` loops over `iter_mut()` (`IterMut::next` at every
/// step) instead of `for_each`.
#[inline(never)]
pub fn stereo_scale_for(samples: &mut [i16; 2048]) {
    let (mut left, mut right) = Stereo::split(samples);
    for s in left.iter_mut() {
        *s = gain_left(*s);
    }
    for s in right.iter_mut() {
        *s = gain_right(*s);
    }
}

/// Kernel 7 in one pass: the two channels' iterators zipped.
#[inline(never)]
pub fn stereo_scale_fused(samples: &mut [i16; 2048]) {
    let (mut left, mut right) = Stereo::split(samples);
    for (l, r) in left.iter_mut().zip(right.iter_mut()) {
        *l = gain_left(*l);
        *r = gain_right(*r);
    }
}

/// Kernel 7 in one pass with `view_core::zip` over the two split
/// members (the fused loop of DESIGN §7).
#[inline(never)]
pub fn stereo_scale_zip_mut(samples: &mut [i16; 2048]) {
    let (mut left, mut right) = Stereo::split(samples);
    view_core::zip((&mut left, &mut right)).for_each(|l, r| {
        *l = gain_left(*l);
        *r = gain_right(*r);
    });
}
