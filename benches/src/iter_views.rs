//! External iteration through views, the way Rust users write it: `for`
//! loops over `iter()` / `iter_mut()` (each step is `Iterator::next`),
//! `a.iter().zip(b.iter())`, loops over `rows()` and `indexed_iter()`, and
//! `v[[i, j]]` double loops; next to them the generic `view_core::zip`.
//!
//! Every function sums `f32`s from 0 in C order with one accumulator: the
//! additions cannot be reordered (LLVM keeps a float sum in program order),
//! so every variant (`iter_raw`, `iter_ndarray`) does the same additions in
//! the same order and returns the same bits (`tests/agree.rs`). The `_mut`
//! functions also negate each element in place (`acc += *x; *x = -*x`), so
//! the buffer returns to its first state every second call.
//!
//! A file of its own so that `tests/no_panic.rs` can compile it into the
//! test crate (see there).

use crate::layouts::{ColumnOrder, EveryThird, Flipped2, Interior2, Interior3, Interior4, Reversed, Strided1};

/// i1: `for` over a rank-1 view of stride 3 (4096 of 12288).
#[inline(never)]
pub fn rank1_stride3(x: &[f32; 12288]) -> f32 {
    let mut acc = 0.0f32;
    for &v in Strided1::view(x).iter() {
        acc += v;
    }
    acc
}

/// i1 writable: `for` over `iter_mut()`.
#[inline(never)]
pub fn rank1_stride3_mut(x: &mut [f32; 12288]) -> f32 {
    let mut acc = 0.0f32;
    for v in Strided1::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i2: `for` over the 254 x 254 interior of a 256 x 256 image.
#[inline(never)]
pub fn rank2_interior(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for &v in Interior2::view(x).iter() {
        acc += v;
    }
    acc
}

/// i2 writable.
#[inline(never)]
pub fn rank2_interior_mut(x: &mut [f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for v in Interior2::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i3: `for` over a 256 x 256 matrix in column order (strides `[1, 256]`).
#[inline(never)]
pub fn column_order(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for &v in ColumnOrder::view(x).iter() {
        acc += v;
    }
    acc
}

/// i3 writable.
#[inline(never)]
pub fn column_order_mut(x: &mut [f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for v in ColumnOrder::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i4: `for` over the 30^3 interior of a 32^3 block.
#[inline(never)]
pub fn rank3(x: &[f32; 32768]) -> f32 {
    let mut acc = 0.0f32;
    for &v in Interior3::view(x).iter() {
        acc += v;
    }
    acc
}

/// i4 writable.
#[inline(never)]
pub fn rank3_mut(x: &mut [f32; 32768]) -> f32 {
    let mut acc = 0.0f32;
    for v in Interior3::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i5: `for` over the 14^4 interior of a 16^4 block.
#[inline(never)]
pub fn rank4(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for &v in Interior4::view(x).iter() {
        acc += v;
    }
    acc
}

/// i5 writable.
#[inline(never)]
pub fn rank4_mut(x: &mut [f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for v in Interior4::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i6: `for` over the 254 x 254 interior, both axes reversed (strides `[-256, -1]`).
#[inline(never)]
pub fn negative(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for &v in Flipped2::view(x).iter() {
        acc += v;
    }
    acc
}

/// i6 writable.
#[inline(never)]
pub fn negative_mut(x: &mut [f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for v in Flipped2::view_mut(x).iter_mut() {
        acc += *v;
        *v = -*v;
    }
    acc
}

/// i7: `a.iter().zip(b.iter())`: the dot product of every third element of
/// `a` (stride 3) with `b` backwards (stride -1).
#[inline(never)]
pub fn zip_iter(a: &[f32; 12288], b: &[f32; 4096]) -> f32 {
    let mut acc = 0.0f32;
    for (&x, &y) in EveryThird::view(a).iter().zip(Reversed::view(b).iter()) {
        acc += x * y;
    }
    acc
}

/// i8: the same dot product with the generic `view_core::zip`.
#[inline(never)]
pub fn zip_generic(a: &[f32; 12288], b: &[f32; 4096]) -> f32 {
    view_core::zip((EveryThird::view(a), Reversed::view(b))).fold(0.0f32, |acc, &x, &y| acc + x * y)
}

/// i9: a `for` loop over `rows()`, and one over each row's `iter()` (the
/// interior of i2).
#[inline(never)]
pub fn rows(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for row in Interior2::view(x).rows() {
        for &v in row.iter() {
            acc += v;
        }
    }
    acc
}

/// i10: `indexed_iter()` over the interior of i2: `Σ (i + j) · x[i, j]`.
#[inline(never)]
pub fn indexed(x: &[f32; 65536]) -> f32 {
    let mut acc = 0.0f32;
    for ([i, j], &v) in Interior2::view(x).indexed_iter() {
        acc += (i + j) as f32 * v;
    }
    acc
}

/// i11: `v[[i, j]]` in a double loop over the interior of i2.
#[inline(never)]
pub fn index_loop(x: &[f32; 65536]) -> f32 {
    let v = Interior2::view(x);
    let mut acc = 0.0f32;
    for i in 0..254 {
        for j in 0..254 {
            acc += v[[i, j]];
        }
    }
    acc
}
