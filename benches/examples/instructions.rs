//! Calls one iteration function (`strided_view_benches::iter_*`) once, for
//! `benches/instructions.sh`, which runs this under `valgrind --tool=callgrind`
//! and counts the instructions of that one call: the noise-free side of the
//! iteration benchmarks.
//!
//! `instructions <group> <variant>` with the names of `benches/kernels.rs`
//! (`i2_for_rank2_interior views_mut`); `instructions --list` prints them all.
#![allow(missing_docs)]

use core::hint::black_box;

use strided_view_benches::layouts::{
    ColumnOrder, EveryThird, Flipped2, Interior2, Interior3, Interior4, Reversed, Strided1,
};
use strided_view_benches::{data, iter_ndarray, iter_raw, iter_views, Dims};

fn boxed_f32<const N: usize>(seed: u32) -> Box<[f32; N]> {
    let mut b: Box<[f32; N]> = vec![0.0f32; N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!());
    data::fill_f32(&mut b[..], seed);
    b
}

/// The call callgrind counts (`--toggle-collect`): everything `f` runs.
#[inline(never)]
fn measure(f: &mut dyn FnMut() -> f32) -> f32 {
    f()
}

/// A prepared call: its inputs made (outside the count), ready to run.
type Call = Box<dyn FnMut() -> f32>;
/// One case: group, variant, and what prepares its call.
type Case = (&'static str, &'static str, Box<dyn FnOnce() -> Call>);

/// `case!(out, group, variant, [input = make, ..], call)`: the inputs are
/// made when the case is prepared, the call runs under `measure`.
macro_rules! case {
    ($out:ident, $group:expr, $variant:expr, [$($input:ident = $make:expr),*], $call:expr) => {
        $out.push((
            $group,
            $variant,
            Box::new(move || {
                $(#[allow(unused_mut)] let mut $input = $make;)*
                Box::new(move || $call) as Call
            }),
        ));
    };
}

macro_rules! for_group {
    ($out:ident, $group:literal, $len:literal, $layout:ty, $fn:ident, $fn_mut:ident) => {{
        let d = Dims::of::<$layout>();
        case!(
            $out,
            $group,
            "views",
            [x = boxed_f32::<$len>(1)],
            iter_views::$fn(black_box(&x))
        );
        case!(
            $out,
            $group,
            "raw",
            [x = boxed_f32::<$len>(1)],
            iter_raw::$fn(black_box(&x))
        );
        case!(
            $out,
            $group,
            "ndarray_dyn",
            [x = boxed_f32::<$len>(1)],
            iter_ndarray::$fn(black_box(&x), black_box(&d))
        );
        case!(
            $out,
            $group,
            "views_mut",
            [x = boxed_f32::<$len>(1)],
            iter_views::$fn_mut(black_box(&mut x))
        );
        case!(
            $out,
            $group,
            "raw_mut",
            [x = boxed_f32::<$len>(1)],
            iter_raw::$fn_mut(black_box(&mut x))
        );
        case!(
            $out,
            $group,
            "ndarray_dyn_mut",
            [x = boxed_f32::<$len>(1)],
            iter_ndarray::$fn_mut(black_box(&mut x), black_box(&d))
        );
    }};
}

/// Every (group, variant) of `benches/kernels.rs`'s iteration groups.
fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for_group!(
        out,
        "i1_for_rank1_stride3",
        12288,
        Strided1,
        rank1_stride3,
        rank1_stride3_mut
    );
    for_group!(
        out,
        "i2_for_rank2_interior",
        65536,
        Interior2,
        rank2_interior,
        rank2_interior_mut
    );
    for_group!(
        out,
        "i3_for_column_order",
        65536,
        ColumnOrder,
        column_order,
        column_order_mut
    );
    for_group!(out, "i4_for_rank3", 32768, Interior3, rank3, rank3_mut);
    for_group!(out, "i5_for_rank4", 65536, Interior4, rank4, rank4_mut);
    for_group!(out, "i6_for_negative", 65536, Flipped2, negative, negative_mut);
    let (da, db, d2) = (
        Dims::of::<EveryThird>(),
        Dims::of::<Reversed>(),
        Dims::of::<Interior2>(),
    );
    for (group, generic) in [("i7_iter_zip", false), ("i8_generic_zip", true)] {
        let views: fn(&[f32; 12288], &[f32; 4096]) -> f32 = if generic {
            iter_views::zip_generic
        } else {
            iter_views::zip_iter
        };
        type Dyn = fn(&[f32; 12288], &Dims<1>, &[f32; 4096], &Dims<1>) -> f32;
        let dynamic: Dyn = if generic {
            iter_ndarray::zip_generic
        } else {
            iter_ndarray::zip_iter
        };
        case!(
            out,
            group,
            "views",
            [a = boxed_f32::<12288>(2), b = boxed_f32::<4096>(3)],
            views(black_box(&a), black_box(&b))
        );
        case!(
            out,
            group,
            "raw",
            [a = boxed_f32::<12288>(2), b = boxed_f32::<4096>(3)],
            iter_raw::zip_dot(black_box(&a), black_box(&b))
        );
        case!(
            out,
            group,
            "ndarray_dyn",
            [a = boxed_f32::<12288>(2), b = boxed_f32::<4096>(3)],
            dynamic(black_box(&a), black_box(&da), black_box(&b), black_box(&db))
        );
    }
    type Read = fn(&[f32; 65536]) -> f32;
    type ReadDyn = fn(&[f32; 65536], &Dims<2>) -> f32;
    let rest: [(&str, Read, Read, ReadDyn); 3] = [
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
    for (group, views, raw, dynamic) in rest {
        case!(out, group, "views", [x = boxed_f32::<65536>(4)], views(black_box(&x)));
        case!(out, group, "raw", [x = boxed_f32::<65536>(4)], raw(black_box(&x)));
        case!(
            out,
            group,
            "ndarray_dyn",
            [x = boxed_f32::<65536>(4)],
            dynamic(black_box(&x), black_box(&d2))
        );
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = cases();
    if args.first().map(String::as_str) == Some("--list") {
        for (group, variant, _) in &all {
            println!("{group} {variant}");
        }
        return;
    }
    let [group, variant] = args.as_slice() else {
        eprintln!("usage: instructions <group> <variant> | --list");
        std::process::exit(2);
    };
    let Some((_, _, prepare)) = all.into_iter().find(|(g, v, _)| g == group && v == variant) else {
        eprintln!("no such case: {group} {variant}");
        std::process::exit(2);
    };
    let mut call = prepare();
    black_box(measure(&mut *call));
}
