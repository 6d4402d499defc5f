//! Run-time views against raw loops and ndarray, and the cost of the
//! run-time checks.
//!
//! `cargo bench -p strided-view-benches --bench dynamic`; figures in
//! `benches/DYNAMIC.md`.
//!
//! - groups `d<n>_<kernel>` (kernels 1, 3, 4, 5 and 6 of the suite):
//!   `dyn_views` (run-time views, their check included), `raw` (the
//!   hand-written loop of constant shape: the limit), `ndarray_dyn` (ndarray
//!   views of the same run-time numbers); every input and every number
//!   through `black_box`;
//! - groups `c_<check>`: `DynLayout::new` (bounds) and `writable`
//!   (uniqueness) of C-order, transposed and non-nested layouts, and
//!   `DynSplit::new` (disjointness), as functions of the rank and of the
//!   extents (function = `r<rank>_n<extent>`).
// `criterion_group!` defines an undocumented `pub fn`; a bench binary has no API.
#![allow(missing_docs)]

use core::hint::black_box;
use core::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use strided_view_benches::dynamic::{dyn_views, inputs, ndarray_dyn, raw_dyn, raw_extents};
use strided_view_benches::{data, raw};
use view_core::{DynLayout, DynSplit, UniqueDynLayout};

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

fn kernels(c: &mut Criterion) {
    {
        let x = boxed_f32::<12288>(1);
        let d = inputs::EVERY_THIRD;
        let mut g = c.benchmark_group("d1_sum_every_third");
        g.bench_function("dyn_views", |b| {
            b.iter(|| dyn_views::sum_every_third(black_box(&x), black_box(&d)))
        });
        g.bench_function("raw", |b| b.iter(|| raw::sum_every_third(black_box(&x))));
        g.bench_function("raw_dyn", |b| {
            b.iter(|| raw_dyn::sum_every_third(black_box(&x), black_box(&d)))
        });
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| ndarray_dyn::sum_every_third(black_box(&x), black_box(&d)))
        });
        g.finish();
    }
    {
        let x = boxed_f32::<4096>(3);
        let mut out = boxed::<f32, 4096>();
        let (dx, dout) = (inputs::REVERSED, inputs::FORWARD);
        let mut g = c.benchmark_group("d3_reversed_copy");
        g.bench_function("dyn_views", |b| {
            b.iter(|| dyn_views::reversed_copy(black_box(&x), black_box(&dx), black_box(&mut out), black_box(&dout)))
        });
        g.bench_function("raw", |b| {
            b.iter(|| raw::reversed_copy(black_box(&x), black_box(&mut out)))
        });
        g.bench_function("raw_dyn", |b| {
            b.iter(|| raw_dyn::reversed_copy(black_box(&x), black_box(&dx), black_box(&mut out), black_box(&dout)))
        });
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| ndarray_dyn::reversed_copy(black_box(&x), black_box(&dx), black_box(&mut out), black_box(&dout)))
        });
        g.finish();
    }
    {
        let (row, column) = (boxed_f32::<256>(4), boxed_f32::<256>(5));
        let mut out = boxed::<f32, 65536>();
        let (drow, dcolumn, dout) = (inputs::ROW, inputs::COLUMN, inputs::PLANE);
        let mut g = c.benchmark_group("d4_broadcast_add");
        g.bench_function("dyn_views", |b| {
            b.iter(|| {
                dyn_views::broadcast_add(
                    (black_box(&row), black_box(&drow)),
                    (black_box(&column), black_box(&dcolumn)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.bench_function("raw", |b| {
            b.iter(|| raw::broadcast_add(black_box(&row), black_box(&column), black_box(&mut out)))
        });
        g.bench_function("raw_dyn", |b| {
            b.iter(|| {
                raw_dyn::broadcast_add(
                    (black_box(&row), black_box(&drow)),
                    (black_box(&column), black_box(&dcolumn)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.bench_function("raw_extents", |b| {
            b.iter(|| {
                raw_extents::broadcast_add(
                    black_box(&row),
                    black_box(&column),
                    black_box(&mut out),
                    black_box(&dout),
                )
            })
        });
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| {
                ndarray_dyn::broadcast_add(
                    (black_box(&row), black_box(&drow)),
                    (black_box(&column), black_box(&dcolumn)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.finish();
    }
    {
        let (image, filter) = (boxed_f32::<16384>(6), boxed_f32::<9>(7));
        let mut out = boxed::<f32, 15876>();
        let (dimage, dfilter, dout) = (inputs::IMAGE, inputs::FILTER, inputs::FILTERED);
        let mut g = c.benchmark_group("d5_filter3x3");
        g.bench_function("dyn_views", |b| {
            b.iter(|| {
                dyn_views::filter3x3(
                    (black_box(&image), black_box(&dimage)),
                    (black_box(&filter), black_box(&dfilter)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.bench_function("raw", |b| {
            b.iter(|| raw::filter3x3(black_box(&image), black_box(&filter), black_box(&mut out)))
        });
        g.bench_function("raw_dyn", |b| {
            b.iter(|| {
                raw_dyn::filter3x3(
                    (black_box(&image), black_box(&dimage)),
                    (black_box(&filter), black_box(&dfilter)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| {
                ndarray_dyn::filter3x3(
                    (black_box(&image), black_box(&dimage)),
                    (black_box(&filter), black_box(&dfilter)),
                    (black_box(&mut out), black_box(&dout)),
                )
            })
        });
        g.finish();
    }
    {
        let m = boxed_f32::<4096>(8);
        let mut out = boxed::<f32, 4096>();
        let (dm, dout) = (inputs::MATRIX, inputs::MATRIX);
        let mut g = c.benchmark_group("d6_transposed_copy");
        g.bench_function("dyn_views", |b| {
            b.iter(|| dyn_views::transposed_copy(black_box(&m), black_box(&dm), black_box(&mut out), black_box(&dout)))
        });
        g.bench_function("raw", |b| {
            b.iter(|| raw::transposed_copy(black_box(&m), black_box(&mut out)))
        });
        g.bench_function("raw_dyn", |b| {
            b.iter(|| raw_dyn::transposed_copy(black_box(&m), black_box(&dm), black_box(&mut out), black_box(&dout)))
        });
        g.bench_function("raw_extents", |b| {
            b.iter(|| raw_extents::transposed_copy(black_box(&m), black_box(&mut out), black_box(&dout)))
        });
        g.bench_function("ndarray_dyn", |b| {
            b.iter(|| {
                ndarray_dyn::transposed_copy(black_box(&m), black_box(&dm), black_box(&mut out), black_box(&dout))
            })
        });
        g.finish();
    }
}

// ---- The constructor's cost -------------------------------------------------

/// C order: shape `[n; R]`, strides the products of the later extents.
fn c_order<const R: usize>(n: usize) -> ([usize; R], [isize; R]) {
    let shape = [n; R];
    let mut strides = [0isize; R];
    let mut stride = 1isize;
    for k in (0..R).rev() {
        strides[k] = stride;
        stride *= n as isize;
    }
    (shape, strides)
}

/// The C-order layout with its strides reversed (NumPy's `.T` of the
/// same shape: the F-order layout).
fn transposed<const R: usize>(n: usize) -> ([usize; R], [isize; R]) {
    let (shape, mut strides) = c_order::<R>(n);
    strides.reverse();
    (shape, strides)
}

/// The shortest buffer of non-negative strides at offset 0.
fn required<const R: usize>(shape: &[usize; R], strides: &[isize; R]) -> usize {
    shape
        .iter()
        .zip(strides)
        .map(|(&n, &s)| (n - 1) * s as usize)
        .sum::<usize>()
        + 1
}

/// Whether the numbers are unique, decided with a budget no bench input
/// exceeds (setup, not timed).
fn unique<const R: usize>(shape: [usize; R], strides: [isize; R]) -> bool {
    let len = required(&shape, &strides);
    let mut scratch = vec![0u64; len.div_ceil(64) + 1];
    DynLayout::new(shape, strides, 0, len)
        .expect("in bounds")
        .writable_in(&mut scratch, 1 << 30)
        .is_ok()
}

/// A unique layout the cheap rules do not settle: three inner axes of
/// extent `n` with strides `(s, n, n + 1)`, none nested in the others (`s`
/// the largest below the inner two's span that keeps the layout unique),
/// inside `R - 3` C-order outer axes. Rank 2: extents `(n, n - 1)` with
/// strides `(n + 1, n)`, not nested (the two-axis rule settles it).
fn non_nested<const R: usize>(n: usize) -> ([usize; R], [isize; R]) {
    let mut shape = [n; R];
    let mut strides = [0isize; R];
    let n_ = n as isize;
    if R == 2 {
        shape[1] = n - 1;
        strides = core::array::from_fn(|k| if k == 0 { n_ + 1 } else { n_ });
        return (shape, strides);
    }
    assert!(R >= 3);
    strides[R - 2] = n_;
    strides[R - 1] = n_ + 1;
    let inner_span = (n_ - 1) * (2 * n_ + 1) + 1;
    let found = (n_ + 2..inner_span)
        .rev()
        .find(|&s| unique([n, n, n], [s, n_, n_ + 1]))
        .expect("a unique stride below the span");
    strides[R - 3] = found;
    let mut stride = (n_ - 1) * (found + 2 * n_ + 1) + 1;
    for k in (0..R - 3).rev() {
        strides[k] = stride;
        stride *= n_;
    }
    (shape, strides)
}

/// A layout's shape and strides.
type Numbers<const R: usize> = ([usize; R], [isize; R]);

/// `DynLayout::new` and `writable` of the three families at rank `R`.
fn constructor_group<const R: usize>(c: &mut Criterion, extents: &[usize]) {
    for &n in extents {
        let id = format!("r{R}_n{n}");
        let families: [(&str, Option<Numbers<R>>); 3] = [
            ("c_order", Some(c_order::<R>(n))),
            ("transposed", Some(transposed::<R>(n))),
            ("non_nested", (R >= 2).then(|| non_nested::<R>(n))),
        ];
        for (family, numbers) in families {
            let Some((shape, strides)) = numbers else { continue };
            let len = required(&shape, &strides);
            c.benchmark_group(format!("c_new_{family}"))
                .bench_function(BenchmarkId::from_parameter(&id), |b| {
                    b.iter(|| {
                        DynLayout::new(black_box(shape), black_box(strides), black_box(0), black_box(len)).is_ok()
                    })
                });
            let layout = DynLayout::new(shape, strides, 0, len).expect("in bounds");
            c.benchmark_group(format!("c_writable_{family}"))
                .bench_function(BenchmarkId::from_parameter(&id), |b| {
                    b.iter(|| black_box(layout).writable().is_ok())
                });
        }
    }
}

/// `DynSplit::new` of `k` interleaved channels (`[n]` with stride `k`,
/// offsets `0..k`: the gcd rule) and of the two halves of every row pair of
/// an `n x n` image (rows `0, 2, ..` and `1, 3, ..`: the rules cannot
/// separate them, the bitset or the search does).
fn split_groups(c: &mut Criterion) {
    for n in [64usize, 1024, 16384] {
        let channels = |k: usize, offset: usize| -> UniqueDynLayout<1> {
            DynLayout::new([n], [k as isize], offset, n * k)
                .expect("in bounds")
                .writable()
                .expect("unique")
        };
        let stereo = [channels(2, 0), channels(2, 1)];
        let eight: [UniqueDynLayout<1>; 8] = core::array::from_fn(|k| channels(8, k));
        let mut g = c.benchmark_group("c_split_channels");
        g.bench_function(BenchmarkId::from_parameter(format!("k2_n{n}")), |b| {
            b.iter(|| DynSplit::new(black_box(stereo)).is_ok())
        });
        g.bench_function(BenchmarkId::from_parameter(format!("k8_n{n}")), |b| {
            b.iter(|| DynSplit::new(black_box(eight)).is_ok())
        });
        g.finish();
    }
    for n in [8usize, 32, 128, 512] {
        let rows = |first: usize| -> UniqueDynLayout<2> {
            DynLayout::new([n / 2, n], [2 * n as isize, 1], first * n, n * n)
                .expect("in bounds")
                .writable()
                .expect("unique")
        };
        let halves = [rows(0), rows(1)];
        c.benchmark_group("c_split_rows")
            .bench_function(BenchmarkId::from_parameter(format!("n{n}")), |b| {
                b.iter(|| DynSplit::new(black_box(halves)).is_ok())
            });
    }
}

fn constructors(c: &mut Criterion) {
    constructor_group::<1>(c, &[4, 1024]);
    constructor_group::<2>(c, &[4, 64, 1024]);
    constructor_group::<3>(c, &[4, 16, 64]);
    constructor_group::<4>(c, &[4, 16]);
    constructor_group::<6>(c, &[4]);
    constructor_group::<8>(c, &[4]);
    split_groups(c);
}

/// Verdicts of the constructor inputs, printed once so that the report can
/// say which ones the default budget decides.
fn verdicts() {
    fn show<const R: usize>(n: usize) {
        if R >= 2 {
            let (shape, strides) = non_nested::<R>(n);
            let layout = DynLayout::new(shape, strides, 0, required(&shape, &strides)).expect("in bounds");
            let verdict = match layout.writable() {
                Ok(_) => "unique".to_string(),
                Err(e) if e.is_budget_exhausted() => "undecided (default budget exhausted)".to_string(),
                Err(e) => format!("refused: {e}"),
            };
            eprintln!("non_nested r{R}_n{n}: {shape:?} {strides:?}: {verdict}");
        }
    }
    show::<2>(4);
    show::<2>(64);
    show::<2>(1024);
    show::<3>(4);
    show::<3>(16);
    show::<3>(64);
    show::<4>(4);
    show::<4>(16);
    show::<6>(4);
    show::<8>(4);
}

fn configured() -> Criterion {
    verdicts();
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = configured();
    targets = kernels, constructors
}
criterion_main!(benches);
