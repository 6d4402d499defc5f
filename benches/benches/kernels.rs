//! The seven kernels of DESIGN §7 in every variant (see the crate docs).
//!
//! `cargo bench -p strided-view-benches --bench kernels`; `benches/report.py`
//! turns criterion's estimates into `BENCHMARKS.md`. Group `k<n>_<name>`,
//! function = variant (`views`, `raw`, `checked`, `ndarray`, extras); and the
//! iteration groups `i<n>_<case>` (`views`, `raw`, `ndarray_dyn`, and the
//! `_mut` variants over `iter_mut()`).
// `criterion_group!` defines an undocumented `pub fn`; a bench binary has no API.
#![allow(missing_docs)]

use core::hint::black_box;
use core::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use strided_view_benches::layouts::{
    ColumnOrder, EveryThird, Flipped2, Interior2, Interior3, Interior4, Reversed, Strided1,
};
use strided_view_benches::{checked, data, iter_ndarray, iter_raw, iter_views, ndarray, raw, views, Dims};

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

/// One `for`-loop group: `views`, `raw`, `ndarray_dyn` over `iter()`, and
/// `views_mut`, `raw_mut`, `ndarray_dyn_mut` over `iter_mut()`. The
/// writable variants negate the buffer in place, so it alternates between
/// two states of equal cost.
macro_rules! for_group {
    ($c:expr, $group:literal, $len:literal, $layout:ty, $fn:ident, $fn_mut:ident, $seed:literal) => {{
        let mut x = boxed_f32::<$len>($seed);
        let dims = Dims::of::<$layout>();
        let mut g = $c.benchmark_group($group);
        g.bench_function("views", |b| b.iter(|| iter_views::$fn(black_box(&x))));
        g.bench_function("raw", |b| b.iter(|| iter_raw::$fn(black_box(&x))));
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| iter_ndarray::$fn(black_box(&x), black_box(&dims)))
        });
        g.bench_function("views_mut", |b| b.iter(|| iter_views::$fn_mut(black_box(&mut x))));
        g.bench_function("raw_mut", |b| b.iter(|| iter_raw::$fn_mut(black_box(&mut x))));
        g.bench_function("ndarray_dyn_mut", |b| {
            b.iter(|| iter_ndarray::$fn_mut(black_box(&mut x), black_box(&dims)))
        });
        g.finish();
    }};
}

/// External iteration (issue "Views the way Rust users write code"): group
/// `i<n>_<case>`, function = variant.
fn iteration(c: &mut Criterion) {
    for_group!(
        c,
        "i1_for_rank1_stride3",
        12288,
        Strided1,
        rank1_stride3,
        rank1_stride3_mut,
        11
    );
    for_group!(
        c,
        "i2_for_rank2_interior",
        65536,
        Interior2,
        rank2_interior,
        rank2_interior_mut,
        12
    );
    for_group!(
        c,
        "i3_for_column_order",
        65536,
        ColumnOrder,
        column_order,
        column_order_mut,
        13
    );
    {
        // A control for i3's writable row (see `column_order_mut_paced`).
        let mut x = boxed_f32::<65536>(13);
        let mut g = c.benchmark_group("i3_for_column_order");
        g.bench_function("raw_mut_paced", |b| {
            b.iter(|| iter_raw::column_order_mut_paced(black_box(&mut x)))
        });
        g.finish();
    }
    for_group!(c, "i4_for_rank3", 32768, Interior3, rank3, rank3_mut, 14);
    for_group!(c, "i5_for_rank4", 65536, Interior4, rank4, rank4_mut, 15);
    for_group!(c, "i6_for_negative", 65536, Flipped2, negative, negative_mut, 16);

    let (a, b) = (boxed_f32::<12288>(17), boxed_f32::<4096>(18));
    let (da, db) = (Dims::of::<EveryThird>(), Dims::of::<Reversed>());
    {
        let mut g = c.benchmark_group("i7_iter_zip");
        g.bench_function("views", |r| {
            r.iter(|| iter_views::zip_iter(black_box(&a), black_box(&b)))
        });
        g.bench_function("raw", |r| r.iter(|| iter_raw::zip_dot(black_box(&a), black_box(&b))));
        g.bench_function("ndarray_dyn", |r| {
            r.iter(|| iter_ndarray::zip_iter(black_box(&a), black_box(&da), black_box(&b), black_box(&db)))
        });
        g.finish();
    }
    {
        let mut g = c.benchmark_group("i8_generic_zip");
        g.bench_function("views", |r| {
            r.iter(|| iter_views::zip_generic(black_box(&a), black_box(&b)))
        });
        g.bench_function("raw", |r| r.iter(|| iter_raw::zip_dot(black_box(&a), black_box(&b))));
        g.bench_function("ndarray_dyn", |r| {
            r.iter(|| iter_ndarray::zip_generic(black_box(&a), black_box(&da), black_box(&b), black_box(&db)))
        });
        g.finish();
    }

    let x = boxed_f32::<65536>(19);
    let d2 = Dims::of::<Interior2>();
    type Read = fn(&[f32; 65536]) -> f32;
    type ReadDyn = fn(&[f32; 65536], &Dims<2>) -> f32;
    let cases: [(&str, Read, Read, ReadDyn); 3] = [
        (
            "i9_rows",
            iter_views::rows,
            iter_raw::rank2_interior,
            iter_ndarray::rows,
        ),
        (
            "i10_indexed_iter",
            iter_views::indexed,
            iter_raw::indexed,
            iter_ndarray::indexed,
        ),
        (
            "i11_index_loop",
            iter_views::index_loop,
            iter_raw::rank2_interior,
            iter_ndarray::index_loop,
        ),
    ];
    for (group, views_fn, raw_fn, ndarray_fn) in cases {
        let mut g = c.benchmark_group(group);
        g.bench_function("views", |r| r.iter(|| views_fn(black_box(&x))));
        g.bench_function("raw", |r| r.iter(|| raw_fn(black_box(&x))));
        g.bench_function("ndarray_dyn", |r| r.iter(|| ndarray_fn(black_box(&x), black_box(&d2))));
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = kernels, iteration
}
criterion_main!(benches);
