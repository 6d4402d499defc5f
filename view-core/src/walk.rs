//! The one loop nest behind every whole-view traversal (`fold`, `for_each`,
//! `zip`, reductions, contraction): an odometer over the outer axes and a
//! counted loop over the last axis, moving N element positions by their
//! strides. With a layout's constant shape and strides inlined, the inner
//! loop is a plain constant-stride loop the optimizer can unroll and
//! vectorise, with no division and no bounds check.

use crate::proof::MAX_RANK;

/// Calls `f` with the elements of `N` views at every index of `shape`, in C
/// order. View `k` reaches element `start[k] + Σ i_a * strides[k][a]`.
///
/// `f` receives element positions only; dereferencing them is the caller's
/// business (and its safety proof). Every `strides[k]` has `shape.len()`
/// entries.
#[inline(always)]
pub(crate) fn walk<const N: usize>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    mut f: impl FnMut([usize; N]),
) {
    walk_fold(shape, strides, start, (), |(), elements| f(elements));
}

/// [`walk`] threading an accumulator through `f`.
#[inline(always)]
pub(crate) fn walk_fold<B, const N: usize>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    init: B,
    f: impl FnMut(B, [usize; N]) -> B,
) -> B {
    walk_fold_with::<B, N, false, false>(shape, strides, start, init, f)
}

/// [`walk`] for operands whose strides are run-time values: the loop nest
/// specialized on the inner strides that are 0 or -1 (see [`stride_code`]),
/// so that it vectorizes where the same loop with constant strides would.
#[inline(always)]
pub(crate) fn walk_versioned<const N: usize>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    mut f: impl FnMut([usize; N]),
) {
    walk_fold_versioned(shape, strides, start, (), |(), elements| f(elements));
}

/// [`walk_versioned`] threading an accumulator through `f`.
#[inline(always)]
pub(crate) fn walk_fold_versioned<B, const N: usize>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    init: B,
    f: impl FnMut(B, [usize; N]) -> B,
) -> B {
    walk_fold_with::<B, N, true, false>(shape, strides, start, init, f)
}

/// [`walk_fold_versioned`] for `map_into`, whose calls of `f` are not
/// promised in C order: at rank 2 the rows are walked two at a time, index
/// `[i, j]` then `[i + 1, j]` at each `j` (an odd last row alone). Every
/// index is still visited once. The two rows' loads of an operand that is
/// the same in every row (a broadcast row, stride 0 along axis 0) hit the
/// same line, and one inner loop writes two output rows: half the loop
/// overhead per element where a run-time inner extent keeps the optimizer
/// from unrolling the row.
#[inline(always)]
pub(crate) fn walk_fold_versioned_in_row_pairs<B, const N: usize>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    init: B,
    f: impl FnMut(B, [usize; N]) -> B,
) -> B {
    walk_fold_with::<B, N, true, true>(shape, strides, start, init, f)
}

/// The loop nest; where `VERSIONED`, specialized once on the inner strides
/// (see [`stride_code`]); where `PAIRED`, rank 2 in pairs of rows (see
/// [`walk_fold_versioned_in_row_pairs`]).
#[inline(always)]
fn walk_fold_with<B, const N: usize, const VERSIONED: bool, const PAIRED: bool>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    init: B,
    f: impl FnMut(B, [usize; N]) -> B,
) -> B {
    if !VERSIONED || N > 3 {
        return walk_fold_coded::<B, N, 0, PAIRED>(shape, strides, start, init, f);
    }
    let Some(last) = shape.len().checked_sub(1) else {
        return walk_fold_coded::<B, N, 0, PAIRED>(shape, strides, start, init, f);
    };
    let code = stride_code(&strides_of_axis(&strides, last), N <= 2);
    // `$flags` joins every code: `OPAQUE_VALUES` where every stride 1 has a
    // version of its own (up to two operands), so that the strides left as
    // values, none of 0, -1, 1, are hidden from the optimizer (see `opaque`).
    macro_rules! versions {
        ($flags:expr; $($code:literal)*) => {
            match code {
                $($code => walk_fold_coded::<B, N, { $code | $flags }, PAIRED>(shape, strides, start, init, f),)*
                _ => walk_fold_coded::<B, N, { $flags }, PAIRED>(shape, strides, start, init, f),
            }
        };
    }
    if N == 1 {
        // One operand: its stride 0, -1 or 1, or a value.
        versions!(OPAQUE_VALUES; 1 2 3)
    } else if N == 2 {
        // Two operands, the constant 1 too (class 3): 16 versions.
        versions!(OPAQUE_VALUES; 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
    } else {
        versions!(0; 1 2 4 5 6 8 9 10 16 17 18 20 21 22 24 25 26 32 33 34 36 37 38 40 41 42)
    }
}

/// Set in a `CODE` ([`stride_code`]) whose strides of class 0 (values) are
/// known to be none of 0, -1 and 1: the nest then passes them through
/// [`opaque`].
const OPAQUE_VALUES: u32 = 1 << 31;

/// `stride`, in a form the optimizer cannot see through. LLVM's loop
/// vectorizer, given a stride that is a plain value, vectorizes only the
/// version of the loop where that stride is 1 and leaves the others scalar.
/// Where a stride 1 has its own version already, that guess is dead code and
/// the strided loop is the one that runs: the sum with an opaque zero (a
/// store and a load per stride and traversal) is not a plain value, so the vectorizer
/// costs the strided loop itself, and vectorizes it where that pays (a
/// gather of four loads into one vector store for a transposed copy). Only
/// what the optimizer knows changes; the value is `stride`.
#[inline(always)]
fn opaque(stride: isize) -> isize {
    stride.wrapping_add(core::hint::black_box(0))
}

/// The classes of the inner strides of run-time operands, two bits per
/// operand (up to three): 0 a value, 1 the constant 0, 2 the constant -1,
/// and for up to two operands 3 the constant 1.
/// The loop nest is compiled once per class combination (`CODE` of
/// [`walk_fold_coded`]), with those strides as constants, so that the
/// optimizer sees a broadcast or a reversed access instead of an unknown
/// stride; the other strides stay values: for three operands the optimizer
/// versions them itself for the common stride 1, for up to two they pass
/// through [`opaque`] ([`OPAQUE_VALUES`]). Same positions, same order: only
/// what the optimizer knows changes, and the choice is made once per
/// traversal.
#[inline(always)]
fn stride_code<const N: usize>(inner: &[isize; N], with_one: bool) -> u32 {
    let mut code = 0u32;
    each_view::<N>(|k| {
        let class = match inner.get(k) {
            Some(0) => 1,
            Some(-1) => 2,
            Some(1) if with_one => 3,
            _ => 0,
        };
        code |= class << (2 * (k as u32 & 15));
    });
    code
}

/// The loop nest, the inner strides `CODE` marks ([`stride_code`]) replaced
/// by the constants they equal (`CODE == 0`: none, the nest of constant
/// layouts); where `PAIRED`, rank 2 in pairs of rows.
#[inline(always)]
fn walk_fold_coded<B, const N: usize, const CODE: u32, const PAIRED: bool>(
    shape: &[usize],
    strides: [&[isize]; N],
    start: [usize; N],
    init: B,
    mut f: impl FnMut(B, [usize; N]) -> B,
) -> B {
    let rank = shape.len();
    let mut acc = init;
    if shape.contains(&0) {
        return acc;
    }
    let Some(last) = rank.checked_sub(1) else {
        return f(acc, start);
    };
    let inner_extent = shape[last];
    let mut inner_strides = strides_of_axis(&strides, last);
    if CODE != 0 {
        let hide = CODE & OPAQUE_VALUES != 0;
        each_view::<N>(|k| {
            if let Some(stride) = inner_strides.get_mut(k) {
                match (CODE >> (2 * (k as u32 & 15))) & 3 {
                    1 => *stride = 0,
                    2 => *stride = -1,
                    3 => *stride = 1,
                    _ if hide => *stride = opaque(*stride),
                    _ => {}
                }
            }
        });
    }
    // Ranks 1 and 2, the common ones, as plain nested loops: no odometer
    // state, so the code is as small and as fast as a hand-written loop
    // even where the optimizer does not unroll (`opt-level = "s"`).
    if rank <= 2 {
        let (rows, row_strides) = match rank {
            2 => (shape[0], strides_of_axis(&strides, 0)),
            _ => (1, [0isize; N]),
        };
        let mut first = 0;
        if PAIRED {
            while first + 1 < rows {
                let upper = advanced(&start, &row_strides, first as isize);
                let lower = advanced(&upper, &row_strides, 1);
                for j in 0..inner_extent {
                    acc = f(acc, advanced(&upper, &inner_strides, j as isize));
                    acc = f(acc, advanced(&lower, &inner_strides, j as isize));
                }
                first += 2;
            }
        }
        for i in first..rows {
            let row = advanced(&start, &row_strides, i as isize);
            acc = run(acc, row, inner_extent, &inner_strides, &mut f);
        }
        return acc;
    }
    let mut index = [0usize; MAX_RANK];
    let mut row = start;
    loop {
        acc = run(acc, row, inner_extent, &inner_strides, &mut f);
        // Next row: bump the outer odometer.
        let mut axis = last;
        loop {
            if axis == 0 {
                return acc;
            }
            axis -= 1;
            let (Some(i), Some(&n)) = (index.get_mut(axis), shape.get(axis)) else {
                return acc;
            };
            *i += 1;
            let axis_strides = strides_of_axis(&strides, axis);
            if *i < n {
                row = advanced(&row, &axis_strides, 1);
                break;
            }
            // Wrapped: back from the last index `n - 1` to 0.
            row = advanced(&row, &axis_strides, 1 - n as isize);
            *i = 0;
        }
    }
}

/// The strides of `axis` in each of the `N` views (0 past a view's rank).
/// Through [`each_view`], not `array::from_fn`, whose closure `opt-level =
/// "s"` keeps out of line with a bounds check.
#[inline(always)]
fn strides_of_axis<const N: usize>(strides: &[&[isize]; N], axis: usize) -> [isize; N] {
    let mut out = [0isize; N];
    each_view::<N>(|k| {
        if let (Some(o), Some(view)) = (out.get_mut(k), strides.get(k)) {
            *o = view.get(axis).copied().unwrap_or(0);
        }
    });
    out
}

/// The innermost loop: `extent` steps from `start`. Each position is derived
/// from the counter (`start + j * stride`) rather than accumulated, so the
/// optimizer sees plain affine accesses: it forms interleaved load groups
/// (stereo's stride 2) and keeps overlapping windows' loads independent.
#[inline(always)]
fn run<B, const N: usize>(
    mut acc: B,
    start: [usize; N],
    extent: usize,
    strides: &[isize; N],
    f: &mut impl FnMut(B, [usize; N]) -> B,
) -> B {
    for j in 0..extent {
        acc = f(acc, advanced(&start, strides, j as isize));
    }
    acc
}

/// `start[k] + times * strides[k]` for each view `k` (see [`each_view`]).
#[inline(always)]
fn advanced<const N: usize>(start: &[usize; N], strides: &[isize; N], times: isize) -> [usize; N] {
    let mut out = *start;
    each_view::<N>(|k| {
        if let (Some(position), Some(&stride)) = (out.get_mut(k), strides.get(k)) {
            *position = position.wrapping_add_signed(times.wrapping_mul(stride));
        }
    });
    out
}

/// Calls `lane(k)` for each view `k < N`: straight-line for the first four
/// (a constant `N` makes the calls past it vanish, leaving no loop for
/// `opt-level = "s"` to keep), a loop beyond. `lane` must ignore `k >= N`.
#[inline(always)]
fn each_view<const N: usize>(mut lane: impl FnMut(usize)) {
    lane(0);
    lane(1);
    lane(2);
    lane(3);
    for k in 4..N {
        lane(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A running hash of the positions visited, in order.
    fn hash(acc: u64, position: usize) -> u64 {
        acc.wrapping_mul(1_000_003).wrapping_add(position as u64)
    }

    /// The versioned walk of one or two operands (every class of inner
    /// stride, the values among them passed through `opaque`) visits the
    /// positions of the plain walk, in the same order.
    #[test]
    fn versioned_walk_visits_the_plain_walks_positions() {
        let inner = [-64isize, -3, -1, 0, 1, 2, 64];
        let shapes: [&[usize]; 3] = [&[5], &[3, 4], &[2, 3, 3]];
        for shape in shapes {
            let rank = shape.len();
            for &a in &inner {
                for &b in &inner {
                    let mut sa = [7isize; 3];
                    let mut sb = [-5isize; 3];
                    sa[rank - 1] = a;
                    sb[rank - 1] = b;
                    let start = [1000usize, 2000];
                    let plain = walk_fold(shape, [&sa[..rank], &sb[..rank]], start, [0u64; 2], |acc, p| {
                        [hash(acc[0], p[0]), hash(acc[1], p[1])]
                    });
                    let versioned =
                        walk_fold_versioned(shape, [&sa[..rank], &sb[..rank]], start, [0u64; 2], |acc, p| {
                            [hash(acc[0], p[0]), hash(acc[1], p[1])]
                        });
                    assert_eq!(plain, versioned, "shape {shape:?}, inner strides {a}, {b}");
                    let one = walk_fold_versioned(shape, [&sa[..rank]], [1000], 0u64, |acc, [p]| hash(acc, p));
                    assert_eq!(plain[0], one, "shape {shape:?}, inner stride {a}");
                }
            }
        }
    }
}
