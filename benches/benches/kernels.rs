//! The seven kernels of DESIGN §7 in every variant (see the crate docs).
//!
//! `cargo bench -p strided-view-benches --bench kernels`; `benches/report.py`
//! turns criterion's estimates into `BENCHMARKS.md`. Group `k<n>_<name>`,
//! function = variant (`views`, `raw`, `checked`, `ndarray`, extras).
// `criterion_group!` defines an undocumented `pub fn`; a bench binary has no API.
#![allow(missing_docs)]

use core::hint::black_box;
use core::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use strided_view_benches::{checked, data, ndarray, raw, views};

/// A zeroed boxed array (the large ones would not fit on the stack comfortably).
fn boxed<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!())
}

fn boxed_f32<const N: usize>(seed: u32) -> Box<[f32; N]> {
    let mut b = boxed::<f32, N>();
    data::fill_f32(&mut b[..], seed);
    b
}

/// Benchmarks one kernel reading `&A` and returning a value.
macro_rules! reduce {
    ($c:expr, $group:literal, $input:expr, $fn:ident) => {{
        let input = $input;
        let mut g = $c.benchmark_group($group);
        g.bench_function("views", |b| b.iter(|| views::$fn(black_box(&input))));
        g.bench_function("raw", |b| b.iter(|| raw::$fn(black_box(&input))));
        g.bench_function("checked", |b| b.iter(|| checked::$fn(black_box(&input))));
        g.bench_function("ndarray", |b| b.iter(|| ndarray::$fn(black_box(&input))));
        g.finish();
    }};
}

fn kernels(c: &mut Criterion) {
    reduce!(c, "k1_sum_every_third", boxed_f32::<12288>(1), sum_every_third);

    let mut m = boxed::<f64, 4096>();
    data::fill_f64(&mut m[..], 2);
    reduce!(c, "k2_trace", m, trace);

    {
        let x = boxed_f32::<4096>(3);
        let mut out = boxed::<f32, 4096>();
        let mut g = c.benchmark_group("k3_reversed_copy");
        type K = fn(&[f32; 4096], &mut [f32; 4096]);
        let variants: [(&str, K); 5] = [
            ("views", views::reversed_copy),
            ("raw", raw::reversed_copy),
            ("checked", checked::reversed_copy),
            ("ndarray", ndarray::reversed_copy),
            ("views_map", views::reversed_copy_map),
        ];
        for (name, f) in variants {
            g.bench_function(name, |b| b.iter(|| f(black_box(&x), black_box(&mut out))));
        }
        g.finish();
    }

    {
        let (row, column) = (boxed_f32::<256>(4), boxed_f32::<256>(5));
        let mut out = boxed::<f32, 65536>();
        let mut g = c.benchmark_group("k4_broadcast_add");
        type K = fn(&[f32; 256], &[f32; 256], &mut [f32; 65536]);
        let variants: [(&str, K); 4] = [
            ("views", views::broadcast_add),
            ("raw", raw::broadcast_add),
            ("checked", checked::broadcast_add),
            ("ndarray", ndarray::broadcast_add),
        ];
        for (name, f) in variants {
            g.bench_function(name, |b| {
                b.iter(|| f(black_box(&row), black_box(&column), black_box(&mut out)))
            });
        }
        g.finish();
    }

    {
        let (image, filter) = (boxed_f32::<16384>(6), boxed_f32::<9>(7));
        let mut out = boxed::<f32, 15876>();
        let mut g = c.benchmark_group("k5_filter3x3");
        type K = fn(&[f32; 16384], &[f32; 9], &mut [f32; 15876]);
        let variants: [(&str, K); 4] = [
            ("views", views::filter3x3),
            ("raw", raw::filter3x3),
            ("checked", checked::filter3x3),
            ("ndarray", ndarray::filter3x3),
        ];
        for (name, f) in variants {
            g.bench_function(name, |b| {
                b.iter(|| f(black_box(&image), black_box(&filter), black_box(&mut out)))
            });
        }
        g.finish();
    }

    {
        let m = boxed_f32::<4096>(8);
        let mut out = boxed::<f32, 4096>();
        let mut g = c.benchmark_group("k6_transposed_copy");
        type K = fn(&[f32; 4096], &mut [f32; 4096]);
        let variants: [(&str, K); 5] = [
            ("views", views::transposed_copy),
            ("raw", raw::transposed_copy),
            ("checked", checked::transposed_copy),
            ("ndarray", ndarray::transposed_copy),
            ("views_map", views::transposed_copy_map),
        ];
        for (name, f) in variants {
            g.bench_function(name, |b| b.iter(|| f(black_box(&m), black_box(&mut out))));
        }
        g.finish();
    }

    {
        let mut samples = boxed::<i16, 2048>();
        data::fill_i16(&mut samples[..], 9);
        let mut g = c.benchmark_group("k7_stereo_scale");
        type K = fn(&mut [i16; 2048]);
        let variants: [(&str, K); 8] = [
            ("views", views::stereo_scale),
            ("raw", raw::stereo_scale),
            ("checked", checked::stereo_scale),
            ("ndarray", ndarray::stereo_scale),
            ("views_for", views::stereo_scale_for),
            ("views_fused", views::stereo_scale_fused),
            ("views_zip_mut", views::stereo_scale_zip_mut),
            ("raw_fused", raw::stereo_scale_fused),
        ];
        for (name, f) in variants {
            // The gains shrink the samples toward 0; integer arithmetic takes
            // the same time whatever the values.
            g.bench_function(name, |b| b.iter(|| f(black_box(&mut samples))));
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = kernels
}
criterion_main!(benches);
