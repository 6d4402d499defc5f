//! The layout algebra at the edges: no operation panics, whatever its input.
//!
//! The operations run inside the proc macro (where a panic is a bug) and in
//! const evaluation, on layouts the user wrote: extents anywhere in
//! `0..=usize::MAX` (an empty layout may have huge extents), strides and
//! offsets anywhere in `isize`, any arguments. Each overflow must come back
//! as an `Err`, never as a panic or a wrapped value.
//!
//! - Regression tests: the inputs that used to panic, each with the exact
//!   result, derived by hand (the arithmetic is in the comments).
//! - `never_panics`: a proptest throwing extreme values (`usize::MAX`, 2^63,
//!   `isize::MIN`, `isize::MAX`, 0, 1, -1 and random ones) at every
//!   operation. For small inputs (extents <= 4, small strides, offsets and
//!   arguments, where nothing can overflow) the result must be what a brute
//!   force reference says: accepted or rejected alike, and when accepted the
//!   same shape and, index by index, the same element as the operand index
//!   NumPy's definition of the operation names.
//!
//! Values are written with `usize::BITS` / `isize::BITS`, so they are the
//! same edges on a 32-bit host.

use std::collections::HashSet;

use proptest::collection::vec;
use proptest::prelude::*;
use view_core::algebra::{apply_all, AlgebraError, Op, Strided};
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

// ---- Brute force reference --------------------------------------------------

/// One operation with its arguments, owned (the proptest's input).
#[derive(Clone, Debug)]
enum Case {
    T,
    Permute(Vec<usize>),
    SwapAxes(usize, usize),
    Flip(usize),
    Slice {
        axis: usize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    },
    Index(usize, isize),
    Diagonal {
        offset: isize,
        axis1: usize,
        axis2: usize,
    },
    Windows(Vec<usize>),
    BroadcastTo(Vec<usize>),
    Reshape(Vec<isize>),
    NewAxis(usize),
}

impl Case {
    /// The same operation as data.
    fn op(&self) -> Op<'_> {
        match self {
            Case::T => Op::T,
            Case::Permute(axes) => Op::Permute(axes),
            &Case::SwapAxes(a, b) => Op::SwapAxes(a, b),
            &Case::Flip(a) => Op::Flip(a),
            &Case::Slice {
                axis,
                start,
                stop,
                step,
            } => Op::Slice {
                axis,
                start,
                stop,
                step,
            },
            &Case::Index(a, i) => Op::Index(a, i),
            &Case::Diagonal { offset, axis1, axis2 } => Op::Diagonal { offset, axis1, axis2 },
            Case::Windows(w) => Op::Windows(w),
            Case::BroadcastTo(s) => Op::BroadcastTo(s),
            Case::Reshape(s) => Op::Reshape(s),
            &Case::NewAxis(a) => Op::NewAxis(a),
        }
    }

    /// The method call.
    fn call(&self, l: Strided) -> Result<Strided, AlgebraError> {
        match self {
            Case::T => Ok(l.t()),
            Case::Permute(axes) => l.permute(axes),
            Case::SwapAxes(a, b) => l.swap_axes(*a, *b),
            Case::Flip(a) => l.flip(*a),
            Case::Slice {
                axis,
                start,
                stop,
                step,
            } => l.slice(*axis, *start, *stop, *step),
            Case::Index(a, i) => l.index(*a, *i),
            Case::Diagonal { offset, axis1, axis2 } => l.diagonal(*offset, *axis1, *axis2),
            Case::Windows(w) => l.windows(w),
            Case::BroadcastTo(s) => l.broadcast_to(s),
            Case::Reshape(s) => l.reshape(s),
            Case::NewAxis(a) => l.new_axis(*a),
        }
    }
}

/// Every index of `shape`, in C order (last axis fastest).
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut all = Vec::new();
    if shape.contains(&0) {
        return all;
    }
    let mut index = vec![0usize; shape.len()];
    loop {
        all.push(index.clone());
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return all;
            }
            axis -= 1;
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
}

/// `offset + Σ ik * sk`, exactly.
fn element(l: &Strided, index: &[usize]) -> i128 {
    l.offset() as i128
        + index
            .iter()
            .zip(l.strides())
            .map(|(&i, &s)| i as i128 * s as i128)
            .sum::<i128>()
}

/// What NumPy's definition of an operation says, enumerated: the result's
/// shape, and for each result index (C order) the operand index it reads.
struct Expected {
    shape: Vec<usize>,
    source: Vec<Vec<usize>>,
    /// Reshape only: NumPy may refuse (a copy) when no strides realise it.
    may_need_copy: bool,
}

fn expected(shape: &[usize], map: impl Fn(&[usize]) -> Vec<usize>) -> Option<Expected> {
    let source = indices(shape).iter().map(|i| map(i)).collect();
    Some(Expected {
        shape: shape.to_vec(),
        source,
        may_need_copy: false,
    })
}

/// `PySlice_AdjustIndices` for one explicit bound: the adjusted value, and
/// whether NumPy clamped it (the adjusted value differs from the bound with
/// the extent added to a negative one).
fn adjust(bound: isize, n: i128, step: isize) -> (i128, bool) {
    let b = bound as i128;
    let normalised = if b < 0 { b + n } else { b };
    let adjusted = if b < 0 {
        if normalised < 0 {
            if step < 0 {
                -1
            } else {
                0
            }
        } else {
            normalised
        }
    } else if b >= n {
        if step < 0 {
            n - 1
        } else {
            n
        }
    } else {
        b
    };
    (adjusted, adjusted != normalised)
}

/// The brute force reference: `None` where the algebra must refuse.
fn reference(shape: &[usize], case: &Case) -> Option<Expected> {
    let rank = shape.len();
    match case {
        Case::T => {
            let out: Vec<usize> = shape.iter().rev().copied().collect();
            expected(&out, |i| i.iter().rev().copied().collect())
        }
        Case::Permute(axes) => {
            let mut sorted = axes.clone();
            sorted.sort();
            if sorted != (0..rank).collect::<Vec<_>>() {
                return None;
            }
            let out: Vec<usize> = axes.iter().map(|&a| shape[a]).collect();
            expected(&out, |i| {
                let mut o = vec![0; rank];
                for (k, &a) in axes.iter().enumerate() {
                    o[a] = i[k];
                }
                o
            })
        }
        &Case::SwapAxes(a, b) => {
            if a >= rank || b >= rank {
                return None;
            }
            let mut out = shape.to_vec();
            out.swap(a, b);
            expected(&out, |i| {
                let mut o = i.to_vec();
                o.swap(a, b);
                o
            })
        }
        &Case::Flip(a) => {
            if a >= rank {
                return None;
            }
            expected(shape, |i| {
                let mut o = i.to_vec();
                o[a] = shape[a] - 1 - i[a];
                o
            })
        }
        &Case::Slice {
            axis,
            start,
            stop,
            step,
        } => {
            if axis >= rank || step == 0 {
                return None;
            }
            let n = shape[axis] as i128;
            // PySlice_Unpack's defaults, then PySlice_AdjustIndices; an
            // explicit bound that NumPy clamps is refused.
            let (first, clamped_start) = match start {
                Some(b) => adjust(b, n, step),
                None => (if step < 0 { n - 1 } else { 0 }, false),
            };
            let (last, clamped_stop) = match stop {
                Some(b) => adjust(b, n, step),
                None => (if step < 0 { -1 } else { n }, false),
            };
            if clamped_start || clamped_stop {
                return None;
            }
            let mut picked = Vec::new();
            let mut i = first;
            while (step > 0 && i < last) || (step < 0 && i > last) {
                picked.push(i as usize);
                i += step as i128;
            }
            let mut out = shape.to_vec();
            out[axis] = picked.len();
            expected(&out, |i| {
                let mut o = i.to_vec();
                o[axis] = picked[i[axis]];
                o
            })
        }
        &Case::Index(a, index) => {
            if a >= rank {
                return None;
            }
            let n = shape[a] as i128;
            let i = if index < 0 { index as i128 + n } else { index as i128 };
            if !(0..n).contains(&i) {
                return None;
            }
            let mut out = shape.to_vec();
            out.remove(a);
            expected(&out, |r| {
                let mut o = r.to_vec();
                o.insert(a, i as usize);
                o
            })
        }
        &Case::Diagonal { offset, axis1, axis2 } => {
            if rank < 2 || axis1 >= rank || axis2 >= rank || axis1 == axis2 {
                return None;
            }
            // a[i, i + k] for k >= 0, a[i - k, i] for k < 0, while inside.
            let k = offset as i128;
            let (n1, n2) = (shape[axis1] as i128, shape[axis2] as i128);
            let mut pairs = Vec::new();
            let mut i = 0i128;
            loop {
                let (r, c) = if k >= 0 { (i, i + k) } else { (i - k, i) };
                if r >= n1 || c >= n2 {
                    break;
                }
                pairs.push((r as usize, c as usize));
                i += 1;
            }
            let rest: Vec<usize> = (0..rank).filter(|&a| a != axis1 && a != axis2).collect();
            let mut out: Vec<usize> = rest.iter().map(|&a| shape[a]).collect();
            out.push(pairs.len());
            expected(&out, |r| {
                let mut o = vec![0; rank];
                for (k, &a) in rest.iter().enumerate() {
                    o[a] = r[k];
                }
                let (p, q) = pairs[r[rank - 2]];
                o[axis1] = p;
                o[axis2] = q;
                o
            })
        }
        Case::Windows(w) => {
            if w.len() != rank || 2 * rank > MAX_RANK || w.iter().zip(shape).any(|(w, n)| w > n) {
                return None;
            }
            let mut out: Vec<usize> = shape.iter().zip(w).map(|(n, w)| n - w + 1).collect();
            out.extend(w);
            expected(&out, |i| (0..rank).map(|k| i[k] + i[rank + k]).collect())
        }
        Case::BroadcastTo(target) => {
            if target.len() < rank || target.len() > MAX_RANK {
                return None;
            }
            let lead = target.len() - rank;
            if shape.iter().zip(&target[lead..]).any(|(&n, &t)| n != t && n != 1) {
                return None;
            }
            expected(target, |i| {
                (0..rank).map(|k| if shape[k] == 1 { 0 } else { i[lead + k] }).collect()
            })
        }
        Case::Reshape(target) => {
            if target.len() > MAX_RANK {
                return None;
            }
            let size: usize = shape.iter().product();
            let unknown: Vec<usize> = (0..target.len()).filter(|&k| target[k] == -1).collect();
            if unknown.len() > 1 || target.iter().any(|&t| t < -1) {
                return None;
            }
            let known: usize = target.iter().filter(|&&t| t >= 0).map(|&t| t as usize).product();
            let out: Vec<usize> = match unknown.first() {
                Some(&u) => {
                    if known == 0 || size % known != 0 {
                        return None;
                    }
                    let mut out: Vec<usize> = target.iter().map(|&t| t.max(0) as usize).collect();
                    out[u] = size / known;
                    out
                }
                None if known == size => target.iter().map(|&t| t as usize).collect(),
                None => return None,
            };
            // The same elements in the same C order.
            let from = indices(shape);
            let mut e = expected(&out, |i| {
                let flat = i.iter().zip(&out).fold(0, |acc, (&i, &n)| acc * n + i);
                from[flat].clone()
            })?;
            e.may_need_copy = true;
            Some(e)
        }
        &Case::NewAxis(a) => {
            if a > rank || rank >= MAX_RANK {
                return None;
            }
            let mut out = shape.to_vec();
            out.insert(a, 1);
            expected(&out, |i| {
                let mut o = i.to_vec();
                o.remove(a);
                o
            })
        }
    }
}

/// Whether some (offset, strides) reaches `elements` in the C order of `shape`.
fn strided(shape: &[usize], elements: &[i128]) -> bool {
    let Some(&base) = elements.first() else {
        return true;
    };
    let mut strides = vec![0i128; shape.len()];
    let mut step = 1;
    for k in (0..shape.len()).rev() {
        if shape[k] > 1 {
            strides[k] = elements[step] - base;
        }
        step *= shape[k];
    }
    indices(shape)
        .iter()
        .zip(elements)
        .all(|(i, &e)| base + i.iter().zip(&strides).map(|(&i, &s)| i as i128 * s).sum::<i128>() == e)
}

/// Small enough that nothing overflows: the reference decides everything.
fn small(l: &Strided, case: &Case) -> bool {
    // The strategies' small values are at most 40 in magnitude.
    let arg = |x: isize| x.unsigned_abs() <= 64;
    let extents = l.shape().iter().all(|&n| n <= 4) && l.shape().iter().product::<usize>() <= 256;
    let layout = extents && l.strides().iter().all(|&s| arg(s)) && arg(l.offset());
    layout
        && match case {
            Case::T => true,
            Case::Permute(a) | Case::Windows(a) | Case::BroadcastTo(a) => a.iter().all(|&x| x <= 8),
            &Case::SwapAxes(a, b) => a <= 8 && b <= 8,
            &Case::Flip(a) | &Case::NewAxis(a) => a <= 8,
            &Case::Slice {
                axis,
                start,
                stop,
                step,
            } => axis <= 8 && start.is_none_or(arg) && stop.is_none_or(arg) && arg(step),
            &Case::Index(a, i) => a <= 8 && arg(i),
            &Case::Diagonal { offset, axis1, axis2 } => arg(offset) && axis1 <= 8 && axis2 <= 8,
            // Regrouped extents multiply up to 4^4; nothing near an overflow.
            Case::Reshape(s) => s.iter().all(|&x| x.unsigned_abs() <= 256),
        }
}

/// The proptest's check of one operation on one layout.
fn check(l: Strided, case: &Case) -> Result<(), TestCaseError> {
    let got = case.call(l);
    prop_assert_eq!(case.op().apply(l), got, "{:?} of {:?}: Op::apply", case, l);
    if let Ok(r) = got {
        // `==` sees the axes only (no stale slot past the rank).
        prop_assert_eq!(r, layout(r.shape(), r.strides(), r.offset()));
    }
    if !small(&l, case) {
        // Too large to enumerate: not panicking (above) is the test.
        return Ok(());
    }
    match (reference(l.shape(), case), got) {
        (None, Err(_)) => {}
        (None, Ok(r)) => {
            return Err(TestCaseError::fail(format!(
                "{case:?} of {l:?} should be refused, gave {r:?}"
            )))
        }
        (Some(e), Err(AlgebraError::ReshapeNeedsCopy { .. })) if e.may_need_copy => {
            let elements: Vec<i128> = e.source.iter().map(|o| element(&l, o)).collect();
            prop_assert!(!strided(&e.shape, &elements), "{case:?} of {l:?}: NumPy would not copy");
        }
        (Some(_), Err(err)) => return Err(TestCaseError::fail(format!("{case:?} of {l:?} refused: {err:?}"))),
        (Some(e), Ok(r)) => {
            if case.op().is_injective() {
                let distinct: HashSet<&Vec<usize>> = e.source.iter().collect();
                prop_assert_eq!(distinct.len(), e.source.len(), "{:?} of {:?}: not injective", case, l);
            }
            prop_assert_eq!(r.shape(), &e.shape[..], "{:?} of {:?}: shape", case, l);
            for (i, o) in indices(&e.shape).iter().zip(&e.source) {
                prop_assert_eq!(element(&r, i), element(&l, o), "{:?} of {:?}: index {:?}", case, l, i);
            }
            if e.shape.contains(&0) {
                // An empty result keeps its parent's offset.
                prop_assert_eq!(r.offset(), l.offset(), "{:?} of {:?}: empty, offset", case, l);
            }
        }
    }
    Ok(())
}

// ---- Strategies -------------------------------------------------------------

/// Extents: small, or (when `wild`) the edges and random values.
fn extent(wild: bool) -> BoxedStrategy<usize> {
    // Mostly 1..=4: a 0 anywhere empties the layout, which says little.
    let small = prop_oneof![1 => Just(0usize), 6 => 1usize..=4];
    if wild {
        prop_oneof![
            4 => small,
            1 => Just(usize::MAX),
            1 => Just(BIG),
            1 => Just(BIG - 1),
            1 => Just(BIG + 1),
            1 => any::<usize>(),
        ]
        .boxed()
    } else {
        small.boxed()
    }
}

/// Signed values (strides, offsets, arguments): small, or the edges.
fn signed(wild: bool, small: isize) -> BoxedStrategy<isize> {
    if wild {
        prop_oneof![
            4 => -small..=small,
            1 => Just(isize::MIN),
            1 => Just(isize::MIN + 1),
            1 => Just(isize::MAX),
            1 => Just(HALF),
            1 => Just(-HALF),
            1 => prop_oneof![Just(-1isize), Just(0), Just(1)],
            1 => any::<isize>(),
        ]
        .boxed()
    } else {
        (-small..=small).boxed()
    }
}

/// Axis numbers: mostly valid, some just past the rank, some wild.
fn axis(wild: bool, rank: usize) -> BoxedStrategy<usize> {
    let near = if rank == 0 {
        (0..=1usize).boxed()
    } else {
        prop_oneof![8 => 0..rank, 1 => rank..=rank + 1].boxed()
    };
    if wild {
        prop_oneof![8 => near, 1 => Just(usize::MAX), 1 => any::<usize>()].boxed()
    } else {
        near
    }
}

/// Two axes for `diagonal`: mostly two different valid ones.
fn two_axes(wild: bool, rank: usize) -> BoxedStrategy<(usize, usize)> {
    let any_two = (axis(wild, rank), axis(wild, rank));
    if rank < 2 {
        return any_two.boxed();
    }
    let distinct = (0..rank, 1..rank).prop_map(move |(a, d)| (a, (a + d) % rank));
    prop_oneof![3 => distinct, 1 => any_two].boxed()
}

/// A layout: random strides, or C-order strides (times ±1, ±2) so that
/// reshapes have views to find.
fn strided_layout(wild: bool) -> impl Strategy<Value = Strided> {
    let rank = prop_oneof![1 => Just(0usize), 8 => 1usize..=4, 1 => 15usize..=17, 1 => Just(MAX_RANK)];
    (
        rank,
        any::<bool>(),
        prop_oneof![Just(1isize), Just(-1), Just(2), Just(-2)],
    )
        .prop_flat_map(move |(rank, c_order, factor)| {
            // Long layouts keep extents of 0 to 2, so that brute force stays small.
            let extents = if rank > 4 {
                prop_oneof![1 => Just(0usize), 2 => Just(1), 1 => Just(2)].boxed()
            } else {
                extent(wild)
            };
            (
                vec(extents, rank),
                vec(signed(wild, 12), rank),
                signed(wild, 40),
                Just((c_order, factor)),
            )
        })
        .prop_map(|(shape, mut strides, offset, (c_order, factor))| {
            if c_order {
                let mut step: isize = factor;
                for k in (0..shape.len()).rev() {
                    strides[k] = step;
                    step = step.saturating_mul(shape[k].min(isize::MAX as usize) as isize);
                }
            }
            layout(&shape, &strides, offset)
        })
}

/// A reshape target for `shape`: the operand's extents regrouped (merged,
/// split, 1s inserted, one replaced by -1), or random.
fn reshape_target(wild: bool, shape: Vec<usize>) -> BoxedStrategy<Vec<isize>> {
    let regrouped = vec(0u8..=255, shape.len() + 2).prop_map(move |choices| {
        let mut out: Vec<isize> = Vec::new();
        for (k, &n) in shape.iter().enumerate() {
            let n = n.min(isize::MAX as usize) as isize;
            match choices[k] % 4 {
                0 if !out.is_empty() => *out.last_mut().unwrap() = out.last().unwrap().saturating_mul(n),
                1 if n > 1 && n % 2 == 0 => out.extend([2, n / 2]),
                2 => out.extend([1, n]),
                _ => out.push(n),
            }
        }
        let c = choices[shape.len()] as usize;
        if c % 3 == 0 && !out.is_empty() {
            let at = choices[shape.len() + 1] as usize % out.len();
            out[at] = -1;
        }
        out.truncate(MAX_RANK);
        out
    });
    let random = vec(prop_oneof![4 => -2isize..=6, 1 => signed(wild, 2)], 0..=5);
    prop_oneof![3 => regrouped, 1 => random].boxed()
}

/// A broadcast target for `shape`: its extents (or a stretch of its 1s),
/// after up to two new leading axes; or random.
fn broadcast_target(wild: bool, shape: Vec<usize>) -> BoxedStrategy<Vec<usize>> {
    let rank = shape.len();
    let matching = (vec(extent(wild), 0..=2), vec(0usize..=3, rank)).prop_map(move |(mut lead, stretch)| {
        lead.extend(shape.iter().zip(&stretch).map(|(&n, &s)| if n == 1 { s } else { n }));
        lead
    });
    let random = vec(extent(wild), rank.saturating_sub(1)..=rank + 2);
    prop_oneof![3 => matching, 1 => random].boxed()
}

fn case(wild: bool, l: &Strided) -> BoxedStrategy<Case> {
    let rank = l.rank();
    let shape = l.shape().to_vec();
    let arg = move || signed(wild, 6);
    let bound = move || proptest::option::of(signed(wild, 6));
    let list_len = move || prop_oneof![4 => Just(rank), 1 => 0..=rank + 1];
    prop_oneof![
        Just(Case::T),
        prop_oneof![
            Just((0..rank).collect::<Vec<_>>()).prop_shuffle(),
            vec(axis(wild, rank), 0..=rank + 1),
        ]
        .prop_map(Case::Permute),
        (axis(wild, rank), axis(wild, rank)).prop_map(|(a, b)| Case::SwapAxes(a, b)),
        axis(wild, rank).prop_map(Case::Flip),
        (axis(wild, rank), bound(), bound(), arg()).prop_map(|(axis, start, stop, step)| Case::Slice {
            axis,
            start,
            stop,
            step
        }),
        (axis(wild, rank), arg()).prop_map(|(a, i)| Case::Index(a, i)),
        (arg(), two_axes(wild, rank)).prop_map(|(offset, (axis1, axis2))| Case::Diagonal { offset, axis1, axis2 }),
        list_len()
            .prop_flat_map(move |len| vec(prop_oneof![4 => 0usize..=4, 1 => extent(wild)], len))
            .prop_map(Case::Windows),
        broadcast_target(wild, shape.clone()).prop_map(Case::BroadcastTo),
        reshape_target(wild, shape).prop_map(Case::Reshape),
        axis(wild, rank).prop_map(Case::NewAxis),
    ]
    .boxed()
}

/// A layout and an operation on it, small or wild.
fn layout_and_case() -> impl Strategy<Value = (Strided, Case)> {
    prop_oneof![Just(false), Just(true)]
        .prop_flat_map(|wild| strided_layout(wild).prop_flat_map(move |l| (Just(l), case(wild, &l))))
}

/// A layout and up to five operations, each drawn for the layout's own rank
/// (so later ones may fail where earlier ones changed it).
fn layout_and_chain() -> impl Strategy<Value = (Strided, Vec<Case>)> {
    prop_oneof![Just(false), Just(true)]
        .prop_flat_map(|wild| strided_layout(wild).prop_flat_map(move |l| (Just(l), vec(case(wild, &l), 0..=5))))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn never_panics((l, case) in layout_and_case()) {
        check(l, &case)?;
    }
}

proptest! {
    // Chains cost up to five operations each; the single operations above
    // carry the edge cases.
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn apply_all_is_the_chain_of_calls((l, chain) in layout_and_chain()) {
        let ops: Vec<Op<'_>> = chain.iter().map(Case::op).collect();
        let mut expected = Ok(l);
        for (k, case) in chain.iter().enumerate() {
            match case.call(expected.unwrap()) {
                Ok(next) => expected = Ok(next),
                Err(e) => {
                    expected = Err((k, e));
                    break;
                }
            }
        }
        prop_assert_eq!(apply_all(l, &ops), expected);
    }
}

// ---- Equality ---------------------------------------------------------------

#[test]
fn equality_sees_only_the_axes() {
    // `a[1]` of a 3x4 row-major matrix: the row [4], stride 1, offset 4.
    let row = layout(&[3, 4], &[4, 1], 0).index(0, 1).expect("in range");
    assert_eq!(row, layout(&[4], &[1], 4));
    // np.diagonal of the same: shape [3], stride 4 + 1, offset 0.
    let diagonal = layout(&[3, 4], &[4, 1], 0).diagonal(0, 0, 1).expect("two axes");
    assert_eq!(diagonal, layout(&[3], &[5], 0));
}

// ---- Operations as data -----------------------------------------------------

#[test]
fn op_names_are_the_dsl_methods() {
    // The list in the macro's "unknown operation" message, in that order.
    let ops = [
        Op::T,
        Op::Permute(&[0]),
        Op::SwapAxes(0, 0),
        Op::Flip(0),
        Op::Slice {
            axis: 0,
            start: None,
            stop: None,
            step: 1,
        },
        Op::Index(0, 0),
        Op::Diagonal {
            offset: 0,
            axis1: 0,
            axis2: 1,
        },
        Op::Windows(&[1]),
        Op::BroadcastTo(&[1]),
        Op::Reshape(&[1]),
        Op::NewAxis(0),
    ];
    let names: Vec<&str> = ops.iter().map(Op::name).collect();
    assert_eq!(
        names.join(", "),
        "t, permute, swap_axes, flip, slice, index, diagonal, windows, broadcast_to, reshape, new_axis"
    );
    let injective: Vec<&str> = ops.iter().filter(|op| !op.is_injective()).map(Op::name).collect();
    assert_eq!(injective, ["windows", "broadcast_to"]);
}

#[test]
fn windows_and_broadcast_repeat_elements() {
    // Windows of 2 over [3] elements 0, 1, 2: window 0 is (0, 1), window 1 is
    // (1, 2), so indices [0, 1] and [1, 0] both read element 1.
    let windows = Op::Windows(&[2]).apply(layout(&[3], &[1], 0)).expect("fits");
    assert_eq!(windows, layout(&[2, 2], &[1, 1], 0));
    // Broadcasting [1] to [2]: indices [0] and [1] both read element 0 (stride 0).
    let broadcast = Op::BroadcastTo(&[2]).apply(layout(&[1], &[1], 0)).expect("fits");
    assert_eq!(broadcast, layout(&[2], &[0], 0));
}

#[test]
fn apply_all_names_the_failing_operation() {
    // 3x4: `.t()` is 4x3, `.index(0, 3)` is the last row [3], `.index(0, 3)`
    // again is out of range (extent 3): operation 2 fails.
    let m = layout(&[3, 4], &[4, 1], 0);
    let ops = [Op::T, Op::Index(0, 3), Op::Index(0, 3), Op::Flip(9)];
    assert_eq!(
        apply_all(m, &ops),
        Err((
            2,
            AlgebraError::IndexOutOfRange {
                axis: 0,
                index: 3,
                extent: 3
            }
        ))
    );
    assert_eq!(apply_all(m, &[]), Ok(m));
}

#[test]
fn same_as_compares_every_part() {
    let l = layout(&[3, 4], &[4, 1], 2);
    assert!(l.same_as(&[3, 4], &[4, 1], 2));
    assert!(!l.same_as(&[3, 4], &[4, 1], 3));
    assert!(!l.same_as(&[3, 5], &[4, 1], 2));
    assert!(!l.same_as(&[3, 4], &[4, 2], 2));
    assert!(!l.same_as(&[3], &[4], 2));
    assert!(!l.same_as(&[3, 4, 1], &[4, 1, 1], 2));
    assert!(layout(&[], &[], 0).same_as(&[], &[], 0));
}
