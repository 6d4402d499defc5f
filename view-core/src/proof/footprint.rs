//! The exact bounds rule (DESIGN §3): which elements a layout reaches, and
//! whether they all lie inside a buffer of `len` elements.

use super::index::{IndexWitness, MAX_RANK};

/// The elements a layout that passed [`check_bounds`] reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Footprint {
    /// Some extent is 0: no index exists, no element is reached.
    Empty,
    /// Every reached element lies in `lowest..=highest`, and both ends are reached.
    Elements {
        /// The lowest element reached.
        lowest: usize,
        /// The highest element reached.
        highest: usize,
    },
}

impl Footprint {
    /// Elements actually spanned, `highest - lowest + 1` (0 when empty): the
    /// honest answer to NumPy's misleading `nbytes`.
    pub const fn required_span(&self) -> usize {
        match *self {
            Footprint::Empty => 0,
            Footprint::Elements { lowest, highest } => highest - lowest + 1,
        }
    }
}

/// What a rejection blames: the span of the error goes to this token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Culprit {
    /// The stride of this axis contributes most to the escape.
    Stride(usize),
    /// The offset alone escapes.
    Offset,
}

/// Why a layout is not in bounds, with the witness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoundsError {
    /// `shape` and `strides` have different lengths.
    RankMismatch {
        /// Number of extents.
        shape_rank: usize,
        /// Number of strides.
        strides_rank: usize,
    },
    /// More axes than [`MAX_RANK`].
    RankTooLarge {
        /// The rank asked for.
        rank: usize,
    },
    /// A buffer longer than `isize::MAX` elements, which no Rust slice can be.
    BufferTooLarge {
        /// The declared length.
        len: usize,
    },
    /// The number of elements (product of extents) exceeds `isize::MAX`.
    SizeOverflow,
    /// The view is empty, but its offset lies outside `0..=len`.
    EmptyOffsetOutside {
        /// The first axis of extent 0.
        axis: usize,
        /// The offset (`i128`: it may be a negative `isize` or a `usize`
        /// beyond `isize::MAX`).
        offset: i128,
        /// The buffer length.
        len: usize,
    },
    /// `index` reaches `element >= len`.
    PastEnd {
        /// The index that escapes.
        index: IndexWitness,
        /// The element it reaches.
        element: i128,
        /// The buffer length.
        len: usize,
        /// What to blame.
        culprit: Culprit,
    },
    /// `index` reaches `element < 0`.
    BeforeStart {
        /// The index that escapes.
        index: IndexWitness,
        /// The element it reaches.
        element: i128,
        /// The offset of the layout (for the hint "the offset must be at least ..").
        offset: isize,
        /// What to blame.
        culprit: Culprit,
    },
    /// `index` reaches an element outside the `isize` range (NumPy wraps here).
    Overflow {
        /// The index that overflows.
        index: IndexWitness,
        /// The element it reaches, `None` if even `i128` overflows.
        element: Option<i128>,
        /// What to blame.
        culprit: Culprit,
    },
}

/// The extreme corner of the index space: `n - 1` on every axis whose stride
/// has the wanted sign, 0 elsewhere; with the axis of the largest such term.
const fn corner(shape: &[usize], strides: &[isize], positive: bool) -> (IndexWitness, Option<i128>, Culprit) {
    let mut index = IndexWitness::zeros(shape.len());
    let mut sum: Option<i128> = Some(0);
    let mut culprit = Culprit::Offset;
    let mut largest: i128 = 0;
    let mut k = 0;
    while k < shape.len() {
        let s = strides[k];
        if (positive && s > 0) || (!positive && s < 0) {
            let last = shape[k] - 1;
            index.set(k, last);
            // |s| <= 2^63 and last < 2^64, so the product fits in i128.
            let term = s as i128 * last as i128;
            let magnitude = if term < 0 { -term } else { term };
            if magnitude > largest {
                largest = magnitude;
                culprit = Culprit::Stride(k);
            }
            sum = match sum {
                Some(acc) => acc.checked_add(term),
                None => None,
            };
        }
        k += 1;
    }
    (index, sum, culprit)
}

/// The sum of [`corner`] alone: `Σ s (n - 1)` over the axes whose stride has
/// the wanted sign, exactly (`None` past `i128`). The witness is built only
/// on the refusing paths, so that an accepted run-time layout costs O(rank)
/// arithmetic and no witness.
const fn corner_sum(shape: &[usize], strides: &[isize], positive: bool) -> Option<i128> {
    let mut sum: i128 = 0;
    let mut k = 0;
    while k < shape.len() {
        let s = strides[k];
        if (positive && s > 0) || (!positive && s < 0) {
            // |s| <= 2^63 and n - 1 < 2^64, so the product fits in i128.
            let term = s as i128 * (shape[k] - 1) as i128;
            sum = match sum.checked_add(term) {
                Some(acc) => acc,
                None => return None,
            };
        }
        k += 1;
    }
    Some(sum)
}

/// The exact bounds rule of DESIGN §3.
///
/// Index `[i0, .., iR-1]` (each `ik < shape[k]`) reaches element
/// `offset + Σ ik * strides[k]`. The layout is in bounds for a buffer of `len`
/// elements iff every such element lies in `0..len`; an empty layout (some
/// extent 0) is in bounds iff `0 <= offset <= len`. Arithmetic is exact
/// (`i128`, checked): nothing wraps, and a reached element outside `isize` is
/// rejected as an overflow.
pub const fn check_bounds(
    shape: &[usize],
    strides: &[isize],
    offset: isize,
    len: usize,
) -> Result<Footprint, BoundsError> {
    check_bounds_wide(shape, strides, offset as i128, len)
}

/// [`check_bounds`] for an offset of any `isize` or `usize` value (layouts
/// store it as a `usize`). An empty layout is judged by its offset alone,
/// whatever its value; a non-empty one whose offset lies outside `isize`
/// overflows at the index of zeros, which reaches the offset.
pub(crate) const fn check_bounds_wide(
    shape: &[usize],
    strides: &[isize],
    offset: i128,
    len: usize,
) -> Result<Footprint, BoundsError> {
    if shape.len() != strides.len() {
        return Err(BoundsError::RankMismatch {
            shape_rank: shape.len(),
            strides_rank: strides.len(),
        });
    }
    if shape.len() > MAX_RANK {
        return Err(BoundsError::RankTooLarge { rank: shape.len() });
    }
    if len > isize::MAX as usize {
        return Err(BoundsError::BufferTooLarge { len });
    }
    let mut axis = 0;
    while axis < shape.len() {
        if shape[axis] == 0 {
            return if offset >= 0 && offset <= len as i128 {
                Ok(Footprint::Empty)
            } else {
                Err(BoundsError::EmptyOffsetOutside { axis, offset, len })
            };
        }
        axis += 1;
    }
    if offset < isize::MIN as i128 || offset > isize::MAX as i128 {
        return Err(BoundsError::Overflow {
            index: IndexWitness::zeros(shape.len()),
            element: Some(offset),
            culprit: Culprit::Offset,
        });
    }
    let offset = offset as isize;
    if size_of_shape(shape).is_none() {
        return Err(BoundsError::SizeOverflow);
    }
    // The sums first; the witnesses (`corner`, the same sums with the index
    // and the culprit) only where the rule refuses.
    let highest = match corner_sum(shape, strides, true) {
        Some(sum) => (offset as i128).checked_add(sum),
        None => None,
    };
    let highest = match highest {
        Some(h) if h <= isize::MAX as i128 => h,
        _ => {
            let (index, _, culprit) = corner(shape, strides, true);
            return Err(BoundsError::Overflow {
                index,
                element: highest,
                culprit,
            });
        }
    };
    if highest >= len as i128 {
        let (index, _, culprit) = corner(shape, strides, true);
        return Err(BoundsError::PastEnd {
            index,
            element: highest,
            len,
            culprit,
        });
    }
    let lowest = match corner_sum(shape, strides, false) {
        Some(sum) => (offset as i128).checked_add(sum),
        None => None,
    };
    let lowest = match lowest {
        Some(l) if l >= isize::MIN as i128 => l,
        _ => {
            let (index, _, culprit) = corner(shape, strides, false);
            return Err(BoundsError::Overflow {
                index,
                element: lowest,
                culprit,
            });
        }
    };
    if lowest < 0 {
        let (index, _, culprit) = corner(shape, strides, false);
        return Err(BoundsError::BeforeStart {
            index,
            element: lowest,
            offset,
            culprit,
        });
    }
    Ok(Footprint::Elements {
        lowest: lowest as usize,
        highest: highest as usize,
    })
}

/// The common case of [`check_bounds`] for run-time layouts, in the target's
/// integers and with no witness: `Some((footprint, size))` for a non-empty
/// layout whose every number and sum fits `isize` and whose footprint lies in
/// `0..len`; `None` for everything else, which `check_bounds` decides (and
/// explains).
///
/// Exact where it answers: `highest = offset + Σ max(0, (n - 1) s)` and
/// `lowest = offset + Σ min(0, (n - 1) s)`, the sums `check_bounds` forms in
/// `i128`, are formed here with checked `isize` arithmetic; the partial sums
/// move away from `offset` monotonically, so a partial sum outside `isize`
/// means the full sum is too (and `None` hands it to `check_bounds`, which
/// refuses it). The other conditions are `check_bounds`' own: rank at most
/// [`MAX_RANK`], `len` and `offset` at most `isize::MAX`, `size_of_shape` at
/// most `isize::MAX`.
#[inline(always)]
pub(crate) const fn fits_fast(
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    len: usize,
) -> Option<(Footprint, usize)> {
    if shape.len() != strides.len()
        || shape.len() > MAX_RANK
        || len > isize::MAX as usize
        || offset > isize::MAX as usize
    {
        return None;
    }
    let (mut lowest, mut highest, mut size) = (offset as isize, offset as isize, 1usize);
    let mut axis = 0;
    while axis < shape.len() {
        let last = match shape[axis].checked_sub(1) {
            Some(last) if last <= isize::MAX as usize => last as isize,
            _ => return None,
        };
        let reach = match last.checked_mul(strides[axis]) {
            Some(reach) => reach,
            None => return None,
        };
        let sum = if reach > 0 {
            highest.checked_add(reach)
        } else {
            lowest.checked_add(reach)
        };
        match sum {
            Some(sum) if reach > 0 => highest = sum,
            Some(sum) => lowest = sum,
            None => return None,
        }
        size = match size.checked_mul(shape[axis]) {
            Some(size) if size <= isize::MAX as usize => size,
            _ => return None,
        };
        axis += 1;
    }
    if lowest < 0 || highest as usize >= len {
        return None;
    }
    Some((
        Footprint::Elements {
            lowest: lowest as usize,
            highest: highest as usize,
        },
        size,
    ))
}

/// The number of indices, `Π shape[k]`, or `None` above `isize::MAX`.
pub const fn size_of_shape(shape: &[usize]) -> Option<usize> {
    // An extent 0 makes the product 0, however large the others are.
    let mut k = 0;
    while k < shape.len() {
        if shape[k] == 0 {
            return Some(0);
        }
        k += 1;
    }
    let mut size: usize = 1;
    k = 0;
    while k < shape.len() {
        size = match size.checked_mul(shape[k]) {
            Some(s) => s,
            None => return None,
        };
        k += 1;
    }
    if size > isize::MAX as usize {
        None
    } else {
        Some(size)
    }
}

/// C-order (row-major) stride of `axis` for `shape`: the product of the
/// later extents (the last axis has stride 1).
///
/// Saturates at `isize::MAX` instead of wrapping; a saturated stride can only
/// belong to a layout that [`check_bounds`] rejects or that is empty.
pub const fn c_order_stride(shape: &[usize], axis: usize) -> isize {
    let mut step: usize = 1;
    let mut k = axis + 1;
    while k < shape.len() {
        step = step.saturating_mul(shape[k]);
        k += 1;
    }
    if step > isize::MAX as usize {
        isize::MAX
    } else {
        step as isize
    }
}

/// C-order strides for every axis of `shape` (see [`c_order_stride`]).
pub const fn c_order_strides<const R: usize>(shape: [usize; R]) -> [isize; R] {
    let mut strides = [0isize; R];
    let mut k = 0;
    while k < R {
        strides[k] = c_order_stride(&shape, k);
        k += 1;
    }
    strides
}

/// Converts one NumPy byte stride (or byte offset) to elements; `None` if it
/// is not a multiple of `elem_size`, or if the element is zero-sized (whose
/// byte strides mean nothing).
pub const fn elements_from_bytes(bytes: i128, elem_size: usize) -> Option<i128> {
    if elem_size == 0 || bytes % elem_size as i128 != 0 {
        None
    } else {
        Some(bytes / elem_size as i128)
    }
}

/// The simplest change of offset or buffer length that puts an
/// out-of-bounds layout inside its buffer, for the error message. The
/// strides stay as written: they may well be the mistake, but no single
/// number says what they should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoundsFix {
    /// No simple fix (an overflow, an empty layout, a layout in bounds).
    None,
    /// Only a longer buffer fits it: this many elements (its `REQUIRED_LEN`).
    Len(usize),
    /// This offset (the highest that fits) puts it inside the buffer, as
    /// does, with the offset unchanged, a buffer of `or_len` elements.
    Offset {
        /// The offset.
        offset: usize,
        /// The buffer length that fits it with the offset unchanged.
        or_len: usize,
    },
    /// It reaches before the start: this offset (the lowest that fits) makes
    /// its lowest element 0, and the buffer must then have `len` elements
    /// (`len` is the declared one when that suffices).
    RaiseOffset {
        /// The lowest offset that keeps every element at or after 0.
        offset: usize,
        /// The buffer length needed with that offset.
        len: usize,
        /// Whether the declared buffer is long enough with that offset.
        fits: bool,
    },
}

/// The lowest and highest element a non-empty layout reaches, exactly
/// (`None` when empty, or when a sum leaves `i128`).
const fn reach(shape: &[usize], strides: &[isize], offset: isize) -> Option<(i128, i128)> {
    let mut k = 0;
    while k < shape.len() {
        if shape[k] == 0 {
            return None;
        }
        k += 1;
    }
    let (_, high, _) = corner(shape, strides, true);
    let (_, low, _) = corner(shape, strides, false);
    match (high, low) {
        (Some(h), Some(l)) => match ((offset as i128).checked_add(l), (offset as i128).checked_add(h)) {
            (Some(lowest), Some(highest)) => Some((lowest, highest)),
            _ => None,
        },
        _ => None,
    }
}

/// The [`BoundsFix`] of a layout that [`check_bounds`] rejects with
/// [`BoundsError::PastEnd`] or [`BoundsError::BeforeStart`]: the shortest
/// buffer, or the offset, that makes every element lie in `0..len`.
pub const fn bounds_fix(shape: &[usize], strides: &[isize], offset: isize, len: usize) -> BoundsFix {
    if shape.len() != strides.len() || shape.len() > MAX_RANK || len > isize::MAX as usize {
        return BoundsFix::None;
    }
    let Some((lowest, highest)) = reach(shape, strides, offset) else {
        return BoundsFix::None;
    };
    // A fix outside isize would be no fix; with every number inside it, no
    // step below can overflow i128.
    let max = isize::MAX as i128;
    let min = isize::MIN as i128;
    if lowest < min || highest > max {
        return BoundsFix::None;
    }
    if lowest < 0 {
        // Raise the offset until the lowest element is 0.
        let (new_offset, new_highest) = (offset as i128 - lowest, highest - lowest);
        if new_offset > max || new_highest >= max {
            return BoundsFix::None;
        }
        let fits = new_highest < len as i128;
        let needed = if fits { len } else { new_highest as usize + 1 };
        return BoundsFix::RaiseOffset {
            offset: new_offset as usize,
            len: needed,
            fits,
        };
    }
    if highest < len as i128 || highest >= max {
        return BoundsFix::None;
    }
    let required = highest as usize + 1;
    // Lower the offset by the excess, if the span fits at all.
    let excess = highest - (len as i128 - 1);
    if highest - lowest < len as i128 && offset as i128 >= excess {
        BoundsFix::Offset {
            offset: (offset as i128 - excess) as usize,
            or_len: required,
        }
    } else {
        BoundsFix::Len(required)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fits_fast` answers exactly where `check_bounds` accepts a non-empty
    /// layout with numbers of `isize`, and then with its footprint: over
    /// every small layout, and over extreme numbers where the checked sums
    /// must give way.
    #[test]
    fn fits_fast_is_check_bounds_where_it_answers() {
        let big = isize::MAX as usize;
        let extents = [0, 1, 2, 3, 5, big / 2 + 1, big, usize::MAX];
        let strides = [
            0,
            1,
            -1,
            2,
            -3,
            7,
            isize::MAX / 2,
            isize::MAX,
            isize::MIN,
            isize::MIN + 1,
        ];
        let offsets = [0, 1, 4, 9, big / 2, big, big + 1, usize::MAX];
        let lens = [0, 1, 5, 10, 64, big, big + 1, usize::MAX];
        let (mut answered, mut passed_on) = (0, 0);
        for &n0 in &extents {
            for &n1 in &extents[..5] {
                for &s0 in &strides {
                    for &s1 in &strides[..6] {
                        for &offset in &offsets {
                            for &len in &lens {
                                for rank in 1..=2 {
                                    let (shape, strides) = ([n0, n1], [s0, s1]);
                                    let (shape, strides) = (&shape[..rank], &strides[..rank]);
                                    let slow = check_layout_usize(shape, strides, offset, len);
                                    match fits_fast(shape, strides, offset, len) {
                                        Some((footprint, size)) => {
                                            answered += 1;
                                            assert_eq!(Ok(footprint), slow, "{shape:?} {strides:?} {offset} {len}");
                                            assert_eq!(Some(size), size_of_shape(shape));
                                            assert!(!matches!(footprint, Footprint::Empty));
                                        }
                                        None => {
                                            passed_on += 1;
                                            // Passed on only where the rule refuses, the layout is
                                            // empty, or a number lies outside `isize`.
                                            let outside = offset > big
                                                || shape.iter().any(|&n| n > big)
                                                || matches!(slow, Ok(Footprint::Empty) | Err(_));
                                            assert!(outside, "{shape:?} {strides:?} {offset} {len}: {slow:?}");
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Rank 0: one index, the offset.
        for &offset in &offsets {
            for &len in &lens {
                let fast = fits_fast(&[], &[], offset, len).map(|(footprint, _)| footprint);
                let slow = check_layout_usize(&[], &[], offset, len);
                assert_eq!(fast.is_some(), slow.is_ok() && offset <= big, "{offset} {len}");
                if let Some(footprint) = fast {
                    assert_eq!(Ok(footprint), slow);
                }
            }
        }
        assert!(answered > 1000 && passed_on > 1000, "{answered} {passed_on}");
    }

    /// `check_bounds` with the offset as `DynLayout::new` passes it.
    fn check_layout_usize(
        shape: &[usize],
        strides: &[isize],
        offset: usize,
        len: usize,
    ) -> Result<Footprint, BoundsError> {
        if offset > isize::MAX as usize {
            return Err(BoundsError::SizeOverflow);
        }
        check_bounds(shape, strides, offset as isize, len)
    }

    /// Every fix of every small rejected layout makes it fit, and is the
    /// least change of its kind (the highest offset, the lowest offset, the
    /// shortest buffer).
    #[test]
    fn fixes_fit_and_are_tight() {
        let mut fixed = 0;
        for rank in 1..=2usize {
            for n0 in 1..=3usize {
                for n1 in 1..=3usize {
                    let shape = [n0, n1];
                    let shape = &shape[..rank];
                    for s0 in -3..=3isize {
                        for s1 in -3..=3isize {
                            let strides = [s0, s1];
                            let strides = &strides[..rank];
                            for offset in 0..=8isize {
                                for len in 0..=8usize {
                                    let error = match check_bounds(shape, strides, offset, len) {
                                        Ok(_) => continue,
                                        Err(e) => e,
                                    };
                                    let fix = bounds_fix(shape, strides, offset, len);
                                    let fits = |o: isize, l: usize| check_bounds(shape, strides, o, l).is_ok();
                                    match fix {
                                        BoundsFix::Len(n) => {
                                            assert!(fits(offset, n) && !fits(offset, n - 1), "{error:?}");
                                            assert!(matches!(error, BoundsError::PastEnd { .. }));
                                        }
                                        BoundsFix::Offset { offset: o, or_len } => {
                                            let o = o as isize;
                                            assert!(fits(o, len) && !fits(o + 1, len), "{error:?}");
                                            assert!(fits(offset, or_len) && !fits(offset, or_len - 1));
                                        }
                                        BoundsFix::RaiseOffset {
                                            offset: o,
                                            len: l,
                                            fits: f,
                                        } => {
                                            let o = o as isize;
                                            assert!(fits(o, l) && !fits(o - 1, l + 100), "{error:?}");
                                            assert!(f || !fits(o, l - 1));
                                            assert!(f || l > len);
                                            assert_eq!(f, fits(o, len));
                                        }
                                        BoundsFix::None => panic!("no fix for {shape:?} {strides:?} {offset} {len}"),
                                    }
                                    fixed += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(fixed > 1000);
    }

    /// Extreme numbers give no fix, and no overflow.
    #[test]
    fn extremes_do_not_overflow() {
        let (max, min) = (isize::MAX, isize::MIN);
        for shape in [[usize::MAX, 2], [2, usize::MAX], [1 << 62, 3]] {
            for strides in [[max, min], [min, min], [max, max], [min, 1], [-1, max]] {
                for offset in [0, max, min, -1] {
                    for len in [0, 1, max as usize, usize::MAX] {
                        let fix = bounds_fix(&shape, &strides, offset, len);
                        if let BoundsFix::Len(n) | BoundsFix::Offset { or_len: n, .. } = fix {
                            assert!(n <= max as usize);
                        }
                    }
                }
            }
        }
        assert_eq!(bounds_fix(&[3], &[1, 1], 0, 1), BoundsFix::None);
        assert_eq!(bounds_fix(&[0], &[-1], 0, 0), BoundsFix::None);
        assert_eq!(
            bounds_fix(&[3], &[-1], 0, 3),
            BoundsFix::RaiseOffset {
                offset: 2,
                len: 3,
                fits: true
            }
        );
    }
}
