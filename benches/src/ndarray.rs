//! The kernels with ndarray views of the same shapes and strides.
//!
//! Views are built with `ArrayView::from_shape(shape.strides(..), ..)` where
//! ndarray accepts the strides. It rejects negative strides (kernel 3 uses
//! `invert_axis`) and strides that reach one element twice (kernel 4 uses
//! `broadcast`; kernel 5 `windows`). Reductions use `fold`, which visits a
//! 1-D view in order, so the additions happen in the same order as in the
//! other variants (ndarray's `sum` would sum pairwise).
//!
//! `from_shape` checks the shape against the slice at run time; the `expect`s
//! never fire for these fixed sizes.

use ndarray::{s, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, Axis, ShapeBuilder, Zip};

use crate::{gain_left, gain_right};

/// Kernel 1.
#[inline(never)]
pub fn sum_every_third(x: &[f32; 12288]) -> f32 {
    let v = ArrayView1::from_shape(4096.strides(3), x).expect("fits");
    v.fold(0.0, |acc, &e| acc + e)
}

/// Kernel 2, through `diag()`.
#[inline(never)]
pub fn trace(m: &[f64; 4096]) -> f64 {
    let v = ArrayView2::from_shape((64, 64), m).expect("fits");
    v.diag().fold(0.0, |acc, &e| acc + e)
}

/// Kernel 3, with `invert_axis` and `assign`.
#[inline(never)]
pub fn reversed_copy(x: &[f32; 4096], out: &mut [f32; 4096]) {
    let mut from = ArrayView1::from(x);
    from.invert_axis(Axis(0));
    ArrayViewMut1::from(out).assign(&from);
}

/// Kernel 4, with `broadcast` and `Zip`.
#[inline(never)]
pub fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536]) {
    let row = ArrayView1::from(row);
    let row = row.broadcast((256, 256)).expect("broadcasts");
    let column = ArrayView1::from(column).insert_axis(Axis(1));
    let column = column.broadcast((256, 256)).expect("broadcasts");
    let mut out = ArrayViewMut2::from_shape((256, 256), out).expect("fits");
    Zip::from(&mut out)
        .and(&row)
        .and(&column)
        .for_each(|o, &r, &c| *o = r + c);
}

/// Kernel 5, with `windows` and `Zip`: each window folded with the filter
/// in C order.
#[inline(never)]
pub fn filter3x3(image: &[f32; 16384], filter: &[f32; 9], out: &mut [f32; 15876]) {
    let image = ArrayView2::from_shape((128, 128), image).expect("fits");
    let filter = ArrayView2::from_shape((3, 3), filter).expect("fits");
    let mut out = ArrayViewMut2::from_shape((126, 126), out).expect("fits");
    Zip::from(&mut out).and(image.windows((3, 3))).for_each(|o, window| {
        *o = Zip::from(&window).and(&filter).fold(0.0, |acc, &x, &k| acc + x * k);
    });
}

/// Kernel 6: the transposed matrix as strides `(1, 64)`, then `assign`.
#[inline(never)]
pub fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096]) {
    let from = ArrayView2::from_shape((64, 64).strides((1, 64)), m).expect("fits");
    ArrayViewMut2::from_shape((64, 64), out).expect("fits").assign(&from);
}

/// Kernel 7: the interleaved buffer as `(1024, 2)`, split into its two
/// columns with `multi_slice_mut`, each scaled in place.
#[inline(never)]
pub fn stereo_scale(samples: &mut [i16; 2048]) {
    let mut frames = ArrayViewMut2::from_shape((1024, 2), samples).expect("fits");
    let (mut left, mut right) = frames.multi_slice_mut((s![.., 0], s![.., 1]));
    left.mapv_inplace(gain_left);
    right.mapv_inplace(gain_right);
}
