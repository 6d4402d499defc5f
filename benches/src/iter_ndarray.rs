//! The iteration benchmarks with ndarray as its users build views from data:
//! shape, strides and offset known only at run time ([`Dims`], passed through
//! `black_box` by the bench), `ArrayView::from_shape(shape.strides(strides),
//! &slice[lowest..])` with `Dim<[usize; R]>` dimensions taken from those
//! values, `invert_axis` for the axes of negative stride (which `from_shape`
//! rejects), then ndarray's idiomatic `iter()`, `iter_mut()`, `rows()`,
//! `indexed_iter()`, `v[[i, j]]` and `Zip`.
//!
//! The same additions in the same order as `iter_views` and `iter_raw`
//! (ndarray's `iter()` yields logical C order). `from_shape` checks the
//! numbers against the slice; the `expect`s never fire for the benches' inputs.

use ndarray::Zip;

use crate::ndarray_dims::{view, view_mut};
use crate::Dims;

macro_rules! for_iter {
    ($(#[$doc:meta])* $name:ident, $name_mut:ident, $len:literal, $rank:literal) => {
        $(#[$doc])*
        #[inline(never)]
        pub fn $name(x: &[f32; $len], d: &Dims<$rank>) -> f32 {
            let mut acc = 0.0f32;
            for &v in view(x, d).iter() {
                acc += v;
            }
            acc
        }

        /// The writable variant: `for` over `iter_mut()`, sum and negate.
        #[inline(never)]
        pub fn $name_mut(x: &mut [f32; $len], d: &Dims<$rank>) -> f32 {
            let mut acc = 0.0f32;
            for v in view_mut(x, d).iter_mut() {
                acc += *v;
                *v = -*v;
            }
            acc
        }
    };
}

for_iter!(
    /// i1: rank 1, stride 3.
    rank1_stride3, rank1_stride3_mut, 12288, 1
);
for_iter!(
    /// i2: the 254 x 254 interior of 256 x 256.
    rank2_interior, rank2_interior_mut, 65536, 2
);
for_iter!(
    /// i3: 256 x 256 in column order.
    column_order, column_order_mut, 65536, 2
);
for_iter!(
    /// i4: the 30^3 interior of 32^3.
    rank3, rank3_mut, 32768, 3
);
for_iter!(
    /// i5: the 14^4 interior of 16^4.
    rank4, rank4_mut, 65536, 4
);
for_iter!(
    /// i6: the interior with both axes reversed.
    negative, negative_mut, 65536, 2
);

/// i7: `a.iter().zip(b.iter())`.
#[inline(never)]
pub fn zip_iter(a: &[f32; 12288], da: &Dims<1>, b: &[f32; 4096], db: &Dims<1>) -> f32 {
    let mut acc = 0.0f32;
    for (&x, &y) in view(a, da).iter().zip(view(b, db).iter()) {
        acc += x * y;
    }
    acc
}

/// i8: `Zip::from(&a).and(&b).fold(..)`.
#[inline(never)]
pub fn zip_generic(a: &[f32; 12288], da: &Dims<1>, b: &[f32; 4096], db: &Dims<1>) -> f32 {
    let (a, b) = (view(a, da), view(b, db));
    Zip::from(&a).and(&b).fold(0.0f32, |acc, &x, &y| acc + x * y)
}

/// i9: `for` over `rows()`, then over each row.
#[inline(never)]
pub fn rows(x: &[f32; 65536], d: &Dims<2>) -> f32 {
    let mut acc = 0.0f32;
    for row in view(x, d).rows() {
        for &v in row {
            acc += v;
        }
    }
    acc
}

/// i10: `indexed_iter()`: `Σ (i + j) · x[i, j]`.
#[inline(never)]
pub fn indexed(x: &[f32; 65536], d: &Dims<2>) -> f32 {
    let mut acc = 0.0f32;
    for ((i, j), &v) in view(x, d).indexed_iter() {
        acc += (i + j) as f32 * v;
    }
    acc
}

/// i11: `v[[i, j]]` in a double loop over the view's shape.
#[inline(never)]
pub fn index_loop(x: &[f32; 65536], d: &Dims<2>) -> f32 {
    let v = view(x, d);
    let (n, m) = v.dim();
    let mut acc = 0.0f32;
    for i in 0..n {
        for j in 0..m {
            acc += v[[i, j]];
        }
    }
    acc
}
