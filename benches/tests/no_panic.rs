//! DESIGN §5: the `views` kernels, and the iteration functions of
//! `src/iter_views.rs`, keep no panic path in optimized code.
//!
//! Each `#[no_panic]` wrapper links only if the optimizer removed every path
//! to a panic (or an unwind) from it and from what it calls. Release mode
//! only: `cargo test -p strided-view-benches --release --test no_panic`; a
//! debug build keeps every check, so the file is empty there.
//!
//! The kernels' source (`src/views.rs`, `src/iter_views.rs`, `src/layouts.rs`) is compiled into
//! this test crate rather than called from the library: a call to another
//! crate's `#[inline(never)]` function is opaque without fat LTO (the
//! workspace uses thin LTO, which does not carry the callee's inferred
//! `nounwind` across crates), so no-panic would blame every call. Compiled
//! here, the very same functions are analysed whole, still `#[inline(never)]`.
#![cfg(not(debug_assertions))]

use core::hint::black_box;

use no_panic::no_panic;
// `src/views.rs` names these as `crate::..`.
use strided_view_benches::{gain_left, gain_right};

#[path = "../src/iter_views.rs"]
mod iter_views;
#[path = "../src/layouts.rs"]
#[allow(dead_code)]
mod layouts;
#[path = "../src/views.rs"]
mod views;

#[no_panic]
fn sum_every_third(x: &[f32; 12288]) -> f32 {
    views::sum_every_third(black_box(x))
}

#[no_panic]
fn trace(m: &[f64; 4096]) -> f64 {
    views::trace(black_box(m))
}

#[no_panic]
fn reversed_copy(x: &[f32; 4096], out: &mut [f32; 4096]) {
    views::reversed_copy(black_box(x), black_box(out))
}

#[no_panic]
fn reversed_copy_map(x: &[f32; 4096], out: &mut [f32; 4096]) {
    views::reversed_copy_map(black_box(x), black_box(out))
}

#[no_panic]
fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536]) {
    views::broadcast_add(black_box(row), black_box(column), black_box(out))
}

#[no_panic]
fn filter3x3(image: &[f32; 16384], filter: &[f32; 9], out: &mut [f32; 15876]) {
    views::filter3x3(black_box(image), black_box(filter), black_box(out))
}

#[no_panic]
fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096]) {
    views::transposed_copy(black_box(m), black_box(out))
}

#[no_panic]
fn transposed_copy_map(m: &[f32; 4096], out: &mut [f32; 4096]) {
    views::transposed_copy_map(black_box(m), black_box(out))
}

#[no_panic]
fn stereo_scale(samples: &mut [i16; 2048]) {
    views::stereo_scale(black_box(samples))
}

#[no_panic]
fn stereo_scale_for(samples: &mut [i16; 2048]) {
    views::stereo_scale_for(black_box(samples))
}

#[no_panic]
fn stereo_scale_zip_mut(samples: &mut [i16; 2048]) {
    views::stereo_scale_zip_mut(black_box(samples))
}

#[no_panic]
fn stereo_scale_fused(samples: &mut [i16; 2048]) {
    views::stereo_scale_fused(black_box(samples))
}

#[no_panic]
fn for_rank1_stride3(x: &[f32; 12288]) -> f32 {
    iter_views::rank1_stride3(black_box(x))
}

#[no_panic]
fn for_rank1_stride3_mut(x: &mut [f32; 12288]) -> f32 {
    iter_views::rank1_stride3_mut(black_box(x))
}

#[no_panic]
fn for_rank2_interior(x: &[f32; 65536]) -> f32 {
    iter_views::rank2_interior(black_box(x))
}

#[no_panic]
fn for_rank2_interior_mut(x: &mut [f32; 65536]) -> f32 {
    iter_views::rank2_interior_mut(black_box(x))
}

#[no_panic]
fn for_column_order(x: &[f32; 65536]) -> f32 {
    iter_views::column_order(black_box(x))
}

#[no_panic]
fn for_column_order_mut(x: &mut [f32; 65536]) -> f32 {
    iter_views::column_order_mut(black_box(x))
}

#[no_panic]
fn for_rank3(x: &[f32; 32768]) -> f32 {
    iter_views::rank3(black_box(x))
}

#[no_panic]
fn for_rank3_mut(x: &mut [f32; 32768]) -> f32 {
    iter_views::rank3_mut(black_box(x))
}

#[no_panic]
fn for_rank4(x: &[f32; 65536]) -> f32 {
    iter_views::rank4(black_box(x))
}

#[no_panic]
fn for_rank4_mut(x: &mut [f32; 65536]) -> f32 {
    iter_views::rank4_mut(black_box(x))
}

#[no_panic]
fn for_negative(x: &[f32; 65536]) -> f32 {
    iter_views::negative(black_box(x))
}

#[no_panic]
fn for_negative_mut(x: &mut [f32; 65536]) -> f32 {
    iter_views::negative_mut(black_box(x))
}

#[no_panic]
fn zip_iter(a: &[f32; 12288], b: &[f32; 4096]) -> f32 {
    iter_views::zip_iter(black_box(a), black_box(b))
}

#[no_panic]
fn zip_generic(a: &[f32; 12288], b: &[f32; 4096]) -> f32 {
    iter_views::zip_generic(black_box(a), black_box(b))
}

#[no_panic]
fn rows(x: &[f32; 65536]) -> f32 {
    iter_views::rows(black_box(x))
}

#[no_panic]
fn indexed(x: &[f32; 65536]) -> f32 {
    iter_views::indexed(black_box(x))
}

#[no_panic]
fn index_loop(x: &[f32; 65536]) -> f32 {
    iter_views::index_loop(black_box(x))
}

fn boxed<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!())
}

#[test]
fn views_kernels_have_no_panic_path() {
    // Linking this test is the proof; running the wrappers checks they are
    // the kernels (all zeros in, all zeros out).
    assert_eq!(sum_every_third(&boxed()), 0.0);
    assert_eq!(trace(&boxed()), 0.0);
    let mut out = boxed::<f32, 4096>();
    reversed_copy(&boxed(), &mut out);
    reversed_copy_map(&boxed(), &mut out);
    transposed_copy(&boxed(), &mut out);
    transposed_copy_map(&boxed(), &mut out);
    assert!(out.iter().all(|&x| x == 0.0));
    let mut plane = boxed::<f32, 65536>();
    broadcast_add(&boxed(), &boxed(), &mut plane);
    assert!(plane.iter().all(|&x| x == 0.0));
    let mut filtered = boxed::<f32, 15876>();
    filter3x3(&boxed(), &boxed(), &mut filtered);
    assert!(filtered.iter().all(|&x| x == 0.0));
    let mut samples = boxed::<i16, 2048>();
    stereo_scale(&mut samples);
    stereo_scale_for(&mut samples);
    stereo_scale_fused(&mut samples);
    stereo_scale_zip_mut(&mut samples);
    assert!(samples.iter().all(|&x| x == 0));
    // The iteration functions (`src/iter_views.rs`), all zeros in and out.
    let (mut x1, mut x2, mut x3) = (boxed::<f32, 12288>(), boxed::<f32, 65536>(), boxed::<f32, 32768>());
    let sums = [
        for_rank1_stride3(&x1),
        for_rank1_stride3_mut(&mut x1),
        for_rank2_interior(&x2),
        for_rank2_interior_mut(&mut x2),
        for_column_order(&x2),
        for_column_order_mut(&mut x2),
        for_rank3(&x3),
        for_rank3_mut(&mut x3),
        for_rank4(&x2),
        for_rank4_mut(&mut x2),
        for_negative(&x2),
        for_negative_mut(&mut x2),
        zip_iter(&x1, &boxed()),
        zip_generic(&x1, &boxed()),
        rows(&x2),
        indexed(&x2),
        index_loop(&x2),
    ];
    assert!(sums.iter().all(|&s| s == 0.0));
}
