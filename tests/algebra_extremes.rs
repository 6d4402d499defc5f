//! The layout algebra at the edges: no operation panics, whatever its input.
//!
//! The operations run inside the proc macro (where a panic is a bug) and in
//! const evaluation, on layouts the user wrote: extents anywhere in
//! `0..=usize::MAX` (an empty layout may have huge extents), strides and
//! offsets anywhere in `isize`, any arguments. Each overflow must come back
//! as an `Err`, never as a panic or a wrapped value.
//!
//! The regression tests are the inputs that used to panic, each with the
//! exact result, derived by hand (the arithmetic is in the comments).
//!
//! Values are written with `usize::BITS` / `isize::BITS`, so they are the
//! same edges on a 32-bit host.

use view_core::algebra::{AlgebraError, Strided};
use view_core::proof::MAX_RANK;

/// 2^63 on a 64-bit host: the first extent that does not fit `isize`.
const BIG: usize = 1 << (usize::BITS - 1);
/// 2^62 on a 64-bit host: a stride whose double does not fit `isize`.
const HALF: isize = 1 << (isize::BITS - 2);

fn layout(shape: &[usize], strides: &[isize], offset: isize) -> Strided {
    Strided::new(shape, strides, offset).expect("a valid rank")
}

/// A result as plain parts, to compare with `assert_eq!`.
type Parts = Result<(Vec<usize>, Vec<isize>, isize), AlgebraError>;

fn parts(result: Result<Strided, AlgebraError>) -> Parts {
    result.map(|l| (l.shape().to_vec(), l.strides().to_vec(), l.offset()))
}

fn ok(shape: &[usize], strides: &[isize], offset: isize) -> Parts {
    Ok((shape.to_vec(), strides.to_vec(), offset))
}

// ---- Regressions: inputs that used to panic ---------------------------------

#[test]
fn slice_step_isize_min() {
    // `a[::isize::MIN]` of `arange(4)`: start 3, stop -1 (before the start),
    // length (3 - (-1) - 1) / 2^63 + 1 = 1: element 3 alone; stride 1 * isize::MIN.
    let row = layout(&[4], &[1], 0);
    assert_eq!(parts(row.slice(0, None, None, isize::MIN)), ok(&[1], &[isize::MIN], 3));
    // From index 2: the same length 1, element 2.
    assert_eq!(
        parts(row.slice(0, Some(2), None, isize::MIN)),
        ok(&[1], &[isize::MIN], 2)
    );
    // Stride 2 * isize::MIN is not an isize.
    let even = layout(&[4], &[2], 0);
    assert_eq!(
        parts(even.slice(0, None, None, isize::MIN)),
        Err(AlgebraError::Overflow)
    );
    // A forward step of isize::MAX from 0: length (4 - 0 - 1) / isize::MAX + 1 = 1.
    assert_eq!(parts(row.slice(0, None, None, isize::MAX)), ok(&[1], &[isize::MAX], 0));
}

#[test]
fn diagonal_offset_isize_min_and_max() {
    // 3x4: offset k < 0 takes a[i - k, i]; with k = isize::MIN the first row
    // would be 2^63 (on 64 bits), past the 3 rows: empty, stride 4 + 1 = 5,
    // offset kept (an empty result keeps its parent's offset).
    let m = layout(&[3, 4], &[4, 1], 7);
    assert_eq!(parts(m.diagonal(isize::MIN, 0, 1)), ok(&[0], &[5], 7));
    assert_eq!(parts(m.diagonal(isize::MIN + 1, 1, 0)), ok(&[0], &[5], 7));
    // k = isize::MAX takes a[i, i + k]: the first column is past the 4 columns.
    assert_eq!(parts(m.diagonal(isize::MAX, 0, 1)), ok(&[0], &[5], 7));
}

#[test]
fn reshape_extent_one_stride_overflows() {
    // [2] with stride 2^62 to [1, 2]: NumPy's rule gives the leading axis of
    // extent 1 the stride 2^62 * 2 = 2^63, which is not an isize.
    let l = layout(&[2], &[HALF], 0);
    assert_eq!(parts(l.reshape(&[1, 2])), Err(AlgebraError::Overflow));
    // Without the leading axis nothing overflows.
    assert_eq!(parts(l.reshape(&[2])), ok(&[2], &[HALF], 0));
}

#[test]
fn reshape_contiguity_check_overflows() {
    // [2, 2] with strides [1, 2^62] to [4]: merging needs the outer stride to
    // be 2 * 2^62 = 2^63; no isize is, so certainly not 1: NumPy copies.
    let l = layout(&[2, 2], &[1, HALF], 0);
    assert_eq!(
        parts(l.reshape(&[4])),
        Err(AlgebraError::ReshapeNeedsCopy {
            outer: (2, 1),
            inner: (2, HALF),
        })
    );
}

#[test]
fn flip_stride_isize_min() {
    // The flipped stride -isize::MIN = 2^63 is not an isize.
    let l = layout(&[1], &[isize::MIN], 0);
    assert_eq!(parts(l.flip(0)), Err(AlgebraError::Overflow));
    // isize::MIN + 1 flips to isize::MAX; extent 1 moves the offset by 0 strides.
    let l = layout(&[1], &[isize::MIN + 1], 5);
    assert_eq!(parts(l.flip(0)), ok(&[1], &[isize::MAX], 5));
}

#[test]
fn flip_offset_overflows() {
    // [2] with stride isize::MAX at offset 1: the last element is at
    // 1 + isize::MAX, past isize::MAX.
    let l = layout(&[2], &[isize::MAX], 1);
    assert_eq!(parts(l.flip(0)), Err(AlgebraError::Overflow));
    // At offset 0 it is isize::MAX itself.
    let l = layout(&[2], &[isize::MAX], 0);
    assert_eq!(parts(l.flip(0)), ok(&[2], &[-isize::MAX], isize::MAX));
}

#[test]
fn empty_parent_with_extent_2_pow_63() {
    // [2^63, 0]: empty, so every result is empty and keeps offset 3.
    let l = layout(&[BIG, 0], &[1, 1], 3);
    assert_eq!(parts(l.flip(0)), ok(&[BIG, 0], &[-1, 1], 3));
    assert_eq!(parts(l.flip(1)), ok(&[BIG, 0], &[1, -1], 3));
    // index -1 is 2^63 - 1; isize::MIN is -2^63 + 2^63 = 0; isize::MAX is 2^63 - 1.
    assert_eq!(parts(l.index(0, -1)), ok(&[0], &[1], 3));
    assert_eq!(parts(l.index(0, isize::MIN)), ok(&[0], &[1], 3));
    assert_eq!(parts(l.index(0, isize::MAX)), ok(&[0], &[1], 3));
    assert_eq!(
        parts(l.index(1, 0)),
        Err(AlgebraError::IndexOutOfRange {
            axis: 1,
            index: 0,
            extent: 0
        })
    );
    // Diagonals: min(2^63, 0 - k) and min(2^63 + k, 0) are at most 0; stride 1 + 1.
    assert_eq!(parts(l.diagonal(0, 0, 1)), ok(&[0], &[2], 3));
    assert_eq!(parts(l.diagonal(-1, 0, 1)), ok(&[0], &[2], 3));
    assert_eq!(parts(l.diagonal(isize::MIN, 1, 0)), ok(&[0], &[2], 3));
    // Backwards over all of axis 0: 2^63 elements.
    assert_eq!(parts(l.slice(0, None, None, -1)), ok(&[BIG, 0], &[-1, 1], 3));
    // `1..-1`: from 1 to 2^63 - 1, that is 2^63 - 2 elements.
    assert_eq!(parts(l.slice(0, Some(1), Some(-1), 1)), ok(&[BIG - 2, 0], &[1, 1], 3));
    // `-1..` step 2: the last element alone.
    assert_eq!(parts(l.slice(0, Some(-1), None, 2)), ok(&[1, 0], &[2, 1], 3));
    // `isize::MIN..`: 2^63 - 2^63 = 0, the whole axis.
    assert_eq!(parts(l.slice(0, Some(isize::MIN), None, 1)), ok(&[BIG, 0], &[1, 1], 3));
}

#[test]
fn empty_parent_with_extent_2_pow_63_second() {
    let l = layout(&[0, BIG], &[1, 1], 0);
    assert_eq!(parts(l.flip(1)), ok(&[0, BIG], &[1, -1], 0));
    assert_eq!(parts(l.index(1, -1)), ok(&[0], &[1], 0));
    assert_eq!(
        parts(l.index(0, 0)),
        Err(AlgebraError::IndexOutOfRange {
            axis: 0,
            index: 0,
            extent: 0
        })
    );
    assert_eq!(parts(l.diagonal(0, 0, 1)), ok(&[0], &[2], 0));
    assert_eq!(parts(l.diagonal(isize::MAX, 0, 1)), ok(&[0], &[2], 0));
    assert_eq!(parts(l.slice(1, None, None, -1)), ok(&[0, BIG], &[1, -1], 0));
    // `..-2` step isize::MIN: from 2^63 - 1 down to, not including, 2^63 - 2: one element.
    assert_eq!(
        parts(l.slice(1, None, Some(-2), isize::MIN)),
        ok(&[0, 1], &[1, isize::MIN], 0)
    );
}

#[test]
fn empty_parent_with_extent_usize_max() {
    let l = layout(&[usize::MAX, 0], &[isize::MIN, isize::MAX], isize::MIN);
    // Flipping isize::MIN is not an isize, even for an empty layout.
    assert_eq!(parts(l.flip(0)), Err(AlgebraError::Overflow));
    assert_eq!(
        parts(l.flip(1)),
        ok(&[usize::MAX, 0], &[isize::MIN, -isize::MAX], isize::MIN)
    );
    assert_eq!(parts(l.index(0, -1)), ok(&[0], &[isize::MAX], isize::MIN));
    assert_eq!(
        parts(l.slice(0, None, None, 1)),
        ok(&[usize::MAX, 0], &[isize::MIN, isize::MAX], isize::MIN)
    );
    // isize::MIN + isize::MAX = -1.
    assert_eq!(parts(l.diagonal(0, 0, 1)), ok(&[0], &[-1], isize::MIN));
    // Window 0 on usize::MAX would have usize::MAX + 1 positions.
    assert_eq!(parts(l.windows(&[0, 0])), Err(AlgebraError::Overflow));
    assert_eq!(
        parts(l.windows(&[1, 0])),
        ok(
            &[usize::MAX, 1, 1, 0],
            &[isize::MIN, isize::MAX, isize::MIN, isize::MAX],
            isize::MIN
        )
    );
}

#[test]
fn reshape_of_empty_parent_with_huge_extents() {
    // [2^63, 2, 0] has 0 elements, though 2^63 * 2 overflows on the way.
    let l = layout(&[BIG, 2, 0], &[1, 1, 1], 4);
    assert_eq!(parts(l.reshape(&[0])), ok(&[0], &[1], 4));
    // C-order strides of [0, 5]: [5, 1].
    assert_eq!(parts(l.reshape(&[0, 5])), ok(&[0, 5], &[5, 1], 4));
    // A -1 next to a 0 cannot be inferred (NumPy refuses too).
    assert_eq!(
        parts(l.reshape(&[0, -1])),
        Err(AlgebraError::ReshapeSize {
            from: 0,
            to: 0,
            inferred: true
        })
    );
    // A target whose extents overflow before its 0 is refused, as NumPy does.
    assert_eq!(parts(l.reshape(&[isize::MAX, 4, 0])), Err(AlgebraError::Overflow));
}

#[test]
fn huge_extent_with_stride_zero() {
    // A non-empty [usize::MAX] of stride 0 (more elements than any buffer,
    // which the proof rejects): the algebra still answers exactly.
    let l = layout(&[usize::MAX], &[0], 9);
    assert_eq!(parts(l.flip(0)), ok(&[usize::MAX], &[0], 9));
    assert_eq!(parts(l.index(0, -1)), ok(&[], &[], 9));
    assert_eq!(parts(l.slice(0, Some(-2), None, 1)), ok(&[2], &[0], 9));
    // Its size is not an isize: reshape cannot count it.
    assert_eq!(parts(l.reshape(&[-1])), Err(AlgebraError::Overflow));
}

#[test]
fn offsets_at_the_edges() {
    // index 1 of stride 1 at offset isize::MAX: one past isize::MAX.
    let l = layout(&[2], &[1], isize::MAX);
    assert_eq!(parts(l.index(0, 1)), Err(AlgebraError::Overflow));
    assert_eq!(parts(l.index(0, 0)), ok(&[], &[], isize::MAX));
    let l = layout(&[3], &[-1], isize::MIN + 1);
    assert_eq!(parts(l.slice(0, Some(2), None, 1)), Err(AlgebraError::Overflow));
    assert_eq!(parts(l.slice(0, Some(1), None, 1)), ok(&[2], &[-1], isize::MIN));
    // Diagonal k = 1 of a 2x3 with column stride isize::MIN, at offset 0:
    // starts at column 1, 1 * isize::MIN; its stride 1 + isize::MIN.
    let l = layout(&[2, 3], &[1, isize::MIN], 0);
    assert_eq!(parts(l.diagonal(1, 0, 1)), ok(&[2], &[isize::MIN + 1], isize::MIN));
    // k = 2 starts at 2 * isize::MIN.
    assert_eq!(parts(l.diagonal(2, 0, 1)), Err(AlgebraError::Overflow));
    // Diagonal stride isize::MAX + 1 overflows.
    let l = layout(&[2, 2], &[isize::MAX, 1], 0);
    assert_eq!(parts(l.diagonal(0, 0, 1)), Err(AlgebraError::Overflow));
}

#[test]
fn rank_limits() {
    // Windows double the rank: MAX_RANK / 2 axes fit, one more does not.
    let half = layout(&[1; MAX_RANK / 2], &[1; MAX_RANK / 2], 0);
    assert_eq!(half.windows(&[1; MAX_RANK / 2]).map(|l| l.rank()), Ok(MAX_RANK));
    let more = layout(&[1; MAX_RANK / 2 + 1], &[1; MAX_RANK / 2 + 1], 0);
    assert_eq!(
        more.windows(&[1; MAX_RANK / 2 + 1]),
        Err(AlgebraError::BadRank { rank: MAX_RANK + 2 })
    );
    let full = layout(&[1; MAX_RANK], &[0; MAX_RANK], 0);
    assert_eq!(full.new_axis(0), Err(AlgebraError::BadRank { rank: MAX_RANK + 1 }));
    assert_eq!(
        full.windows(&[1; MAX_RANK]),
        Err(AlgebraError::BadRank { rank: 2 * MAX_RANK })
    );
}
