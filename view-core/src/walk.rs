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
    let inner_strides = strides_of_axis(&strides, last);
    // Ranks 1 and 2, the common ones, as plain nested loops: no odometer
    // state, so the code is as small and as fast as a hand-written loop
    // even where the optimizer does not unroll (`opt-level = "s"`).
    if rank <= 2 {
        let (rows, row_strides) = match rank {
            2 => (shape[0], strides_of_axis(&strides, 0)),
            _ => (1, [0isize; N]),
        };
        let mut row = start;
        for _ in 0..rows {
            acc = run(acc, row, inner_extent, &inner_strides, &mut f);
            for k in 0..N {
                row[k] = row[k].wrapping_add_signed(row_strides[k]);
            }
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
            for k in 0..N {
                let s = strides[k].get(axis).copied().unwrap_or(0);
                row[k] = row[k].wrapping_add_signed(s);
            }
            if *i < n {
                break;
            }
            for k in 0..N {
                let s = strides[k].get(axis).copied().unwrap_or(0);
                row[k] = row[k].wrapping_add_signed(s.wrapping_mul(-(n as isize)));
            }
            *i = 0;
        }
    }
}

/// The strides of `axis` in each of the `N` views (0 past a view's rank).
/// A plain loop, not `array::from_fn`: a closure over `strides[k]` is kept
/// out of line at `opt-level = "s"`, with a bounds check on `k`.
#[inline(always)]
fn strides_of_axis<const N: usize>(strides: &[&[isize]; N], axis: usize) -> [isize; N] {
    let mut out = [0isize; N];
    for k in 0..N {
        out[k] = strides[k].get(axis).copied().unwrap_or(0);
    }
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
        let mut element = start;
        for k in 0..N {
            element[k] = start[k].wrapping_add_signed((j as isize).wrapping_mul(strides[k]));
        }
        acc = f(acc, element);
    }
    acc
}
