//! DESIGN §5: the `views` kernels keep no panic path in optimized code.
//!
//! Each `#[no_panic]` wrapper links only if the optimizer removed every path
//! to a panic (or an unwind) from it and from what it calls. Release mode
//! only: `cargo test -p strided-view-benches --release --test no_panic`; a
//! debug build keeps every check, so the file is empty there.
//!
//! The kernels' source (`src/views.rs`, `src/layouts.rs`) is compiled into
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
}
