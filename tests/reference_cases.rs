//! DESIGN §3's reference table, row by row, twice: through the proof's
//! `const fn`s (bounds and uniqueness, with the exact witnesses of every
//! rejection, including the parenthesised variants), and, for every row the
//! proof accepts, through `strided_view!` (the generated `Layout` constants and
//! the values the view reads).
//!
//! | row | shape | strides | offset | LEN | in bounds | unique |
//! |---|---|---|---|---|---|---|
//! | 1 | [3] | [-1] | 2 | 3 | yes | yes (offset 1: no, reaches -1) |
//! | 2 | [0, 5] | [1000, -1000] | 10 | 10 | yes (empty) | yes (offset 11: no) |
//! | 3 | [] | [] | 9 | 10 | yes | yes (offset 10: no) |
//! | 4 | [5] | [0] | 9 | 10 | yes | no |
//! | 5 | [1, 4] | [0, 1] | 0 | 4 | yes | yes |
//! | 6 | [4, 4] | [3, 4] | 0 | 22 | yes (LEN 21: no) | yes |
//! | 7 | [2, 2] | [3, -1] | 1 | 5 | yes | yes |
//! | 8 | [3, 3] | [2, -1] | 2 | 7 | yes | no: (0,0) and (1,2) reach 2 |
//! | 9 | [2, 2, 2] | [3, 5, 7] | 0 | 16 | yes | yes ([2,3,5], LEN 11: no) |
//! | 10 | [5] | [2^62 + 1] | 0 | 10 | no (overflow) | — |
//!
//! What each row exercises:
//! 1. A reversal: a negative stride needs the offset at the far end. With
//!    offset 1, index [2] reaches element 1 - 2 = -1, before the buffer.
//! 2. An empty view: no index exists, so the huge strides reach nothing; only
//!    the offset matters, and it may sit one past the end (10 of 10) but not
//!    further (11).
//! 3. Rank 0: one index, `[]`, reaching the offset itself; offset 10 of a
//!    10-element buffer is past the end.
//! 4. A zero-stride broadcast: all five indices reach element 9, so it is in
//!    bounds but not unique (hence read-only); `SIZE` 5, `REQUIRED_SPAN` 1.
//! 5. A stride 0 on an axis of extent 1 moves nothing: still unique, and
//!    exhaustive (elements 0..=3 exactly once).
//! 6. Elements `3i + 4j` (i, j < 4) are distinct (3·di = 4·dj forces 4 | di,
//!    impossible for |di| <= 3), so the layout is unique, although it fails
//!    C++ `mdspan`'s nesting rule (sorted strides 3, 4: 4 <= 3·3). Highest
//!    element 3·3 + 4·3 = 21: LEN 22 fits, LEN 21 does not. Declared `mut`.
//! 7. Mixed signs: elements `1 + 3i - j` are {1, 0, 4, 3}, lowest 0, highest
//!    4, element 2 skipped (so not exhaustive).
//! 8. Elements `2 + 2i - j`: rows {2, 1, 0}, {4, 3, 2}, {6, 5, 4}; index
//!    [1, 2] is the first (C order) to reach an element again: 2, first
//!    reached by [0, 0].
//! 9. Subset sums of {3, 5, 7} are distinct (0, 3, 5, 7, 8, 10, 12, 15): unique.
//!    With strides [2, 3, 5] (highest 10, LEN 11) 2 + 3 = 5: [0, 0, 1] and
//!    [1, 1, 0] both reach 5, so it is in bounds but not unique.
//! 10. 4·(2^62 + 1) = 2^64 + 4 does not fit in isize: NumPy wraps it in i64
//!     (to 4) and accepts; we reject it as an overflow.
//!
//! Besides the table: shape (3, 2), strides (2, 3), declared `mut`. Its
//! elements `2i + 3j` are {0, 3, 2, 5, 4, 7}, all distinct, so it is unique,
//! but ndarray's stride check (which, like mdspan, wants each stride above the
//! span of the smaller ones: 3 <= 2·2) rejects it.
//!
//! Expected values are derived by hand (the comments show the arithmetic) and
//! cross-checked by brute-force enumeration, never copied from the code under test.

// These tests check the constants the macro generates, so asserting constants is the point.
#![allow(clippy::assertions_on_constants)]

use std::collections::HashSet;

use view_core::proof::{
    check_bounds, check_layout, check_unique, element_of, BoundsError, Culprit, Footprint, IndexWitness, Uniqueness,
};
use view_core::Layout;
use view_macros::strided_view;

/// Scratch for uniqueness: 4096 positions, far more than any row spans.
const WORDS: usize = 64;

/// Every index of `shape` in C order (last axis fastest).
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut all = vec![vec![]];
    for &n in shape {
        all = all
            .into_iter()
            .flat_map(|prefix: Vec<usize>| {
                (0..n).map(move |i| {
                    let mut index = prefix.clone();
                    index.push(i);
                    index
                })
            })
            .collect();
    }
    all
}

/// The element each index reaches, `offset + Σ ik * sk`, in C order.
fn elements(shape: &[usize], strides: &[isize], offset: isize) -> Vec<i128> {
    indices(shape)
        .iter()
        .map(|index| {
            offset as i128
                + index
                    .iter()
                    .zip(strides)
                    .map(|(&i, &s)| i as i128 * s as i128)
                    .sum::<i128>()
        })
        .collect()
}

/// Brute-force bounds: every reached element in `0..len`; empty: `0 <= offset <= len`.
fn brute_in_bounds(shape: &[usize], strides: &[isize], offset: isize, len: usize) -> bool {
    if shape.contains(&0) {
        return offset >= 0 && offset as usize <= len;
    }
    elements(shape, strides, offset)
        .iter()
        .all(|&e| 0 <= e && e < len as i128)
}

/// Brute-force uniqueness: no element reached twice.
fn brute_unique(shape: &[usize], strides: &[isize], offset: isize) -> bool {
    let all = elements(shape, strides, offset);
    all.iter().collect::<HashSet<_>>().len() == all.len()
}

fn unique(shape: &[usize], strides: &[isize], offset: isize) -> Uniqueness {
    let mut scratch = [0u64; WORDS];
    check_unique(shape, strides, offset, &mut scratch)
}

/// The witness of a collision, checked to be real: two different indices of
/// the shape reaching the reported element.
fn collision(shape: &[usize], strides: &[isize], offset: isize) -> (Vec<usize>, Vec<usize>, i128) {
    match unique(shape, strides, offset) {
        Uniqueness::Collision(c) => {
            let (first, second) = (c.first.as_slice(), c.second.as_slice());
            assert_ne!(first, second);
            for index in [first, second] {
                assert!(index.len() == shape.len() && index.iter().zip(shape).all(|(i, n)| i < n));
                assert_eq!(element_of(strides, offset, index), Some(c.element));
            }
            (first.to_vec(), second.to_vec(), c.element)
        }
        other => panic!("expected a collision, got {other:?}"),
    }
}

/// Asserts the bounds verdict for an in-bounds row, for both offset types.
fn assert_accepted(shape: &[usize], strides: &[isize], offset: isize, len: usize, expected: Footprint) {
    assert!(brute_in_bounds(shape, strides, offset, len), "the table says in bounds");
    assert_eq!(check_bounds(shape, strides, offset, len), Ok(expected));
    assert_eq!(check_layout(shape, strides, offset as usize, len), Ok(expected));
    if let Footprint::Elements { lowest, highest } = expected {
        let reached = elements(shape, strides, offset);
        assert_eq!(reached.iter().min(), Some(&(lowest as i128)));
        assert_eq!(reached.iter().max(), Some(&(highest as i128)));
    }
}

// ---- Row 1: [3], [-1], offset 2, LEN 3 ------------------------------------

#[test]
fn row_1_reversal() {
    // Elements 2, 1, 0.
    assert_accepted(&[3], &[-1], 2, 3, Footprint::Elements { lowest: 0, highest: 2 });
    assert!(brute_unique(&[3], &[-1], 2));
    assert_eq!(unique(&[3], &[-1], 2), Uniqueness::Unique);
}

#[test]
fn row_1_offset_1_reaches_minus_1() {
    assert!(!brute_in_bounds(&[3], &[-1], 1, 3));
    // Index [2] reaches 1 + 2 * (-1) = -1; the stride of axis 0 is to blame.
    match check_bounds(&[3], &[-1], 1, 3) {
        Err(BoundsError::BeforeStart {
            index,
            element,
            offset,
            culprit,
        }) => {
            assert_eq!(index.as_slice(), [2]);
            assert_eq!((element, offset, culprit), (-1, 1, Culprit::Stride(0)));
        }
        other => panic!("expected BeforeStart, got {other:?}"),
    }
    assert_eq!(check_layout(&[3], &[-1], 1, 3), check_bounds(&[3], &[-1], 1, 3));
}

// ---- Row 2: [0, 5], [1000, -1000], offset 10, LEN 10 ----------------------

#[test]
fn row_2_empty_view() {
    assert_accepted(&[0, 5], &[1000, -1000], 10, 10, Footprint::Empty);
    assert_eq!(unique(&[0, 5], &[1000, -1000], 10), Uniqueness::Unique);
    // An empty view may start anywhere in 0..=LEN.
    for offset in 0..=10 {
        assert_accepted(&[0, 5], &[1000, -1000], offset, 10, Footprint::Empty);
    }
}

#[test]
fn row_2_offset_11_is_rejected() {
    assert!(!brute_in_bounds(&[0, 5], &[1000, -1000], 11, 10));
    let expected = BoundsError::EmptyOffsetOutside {
        axis: 0,
        offset: 11,
        len: 10,
    };
    assert_eq!(check_bounds(&[0, 5], &[1000, -1000], 11, 10), Err(expected));
    assert_eq!(check_layout(&[0, 5], &[1000, -1000], 11, 10), Err(expected));
    // A negative offset is no better.
    assert_eq!(
        check_bounds(&[0, 5], &[1000, -1000], -1, 10),
        Err(BoundsError::EmptyOffsetOutside {
            axis: 0,
            offset: -1,
            len: 10
        })
    );
}

// ---- Row 3: [], [], offset 9, LEN 10 --------------------------------------

#[test]
fn row_3_rank_0() {
    assert_accepted(&[], &[], 9, 10, Footprint::Elements { lowest: 9, highest: 9 });
    assert_eq!(unique(&[], &[], 9), Uniqueness::Unique);
}

#[test]
fn row_3_offset_10_is_past_the_end() {
    assert!(!brute_in_bounds(&[], &[], 10, 10));
    // The only index, [], reaches the offset itself; only the offset is to blame.
    let expected = BoundsError::PastEnd {
        index: IndexWitness::zeros(0),
        element: 10,
        len: 10,
        culprit: Culprit::Offset,
    };
    assert_eq!(check_bounds(&[], &[], 10, 10), Err(expected));
    assert_eq!(check_layout(&[], &[], 10, 10), Err(expected));
}

// ---- Row 4: [5], [0], offset 9, LEN 10 ------------------------------------

#[test]
fn row_4_broadcast_is_in_bounds_but_not_unique() {
    assert_accepted(&[5], &[0], 9, 10, Footprint::Elements { lowest: 9, highest: 9 });
    assert!(!brute_unique(&[5], &[0], 9));
    // Indices [0] and [1] are the first two to reach element 9.
    assert_eq!(collision(&[5], &[0], 9), (vec![0], vec![1], 9));
}

// ---- Row 5: [1, 4], [0, 1], offset 0, LEN 4 -------------------------------

#[test]
fn row_5_zero_stride_on_extent_1() {
    assert_accepted(&[1, 4], &[0, 1], 0, 4, Footprint::Elements { lowest: 0, highest: 3 });
    assert!(brute_unique(&[1, 4], &[0, 1], 0));
    assert_eq!(unique(&[1, 4], &[0, 1], 0), Uniqueness::Unique);
}

// ---- Row 6: [4, 4], [3, 4], offset 0, LEN 22 ------------------------------

#[test]
fn row_6_unique_without_nesting() {
    // Highest: 3*3 + 4*3 = 21.
    assert_accepted(&[4, 4], &[3, 4], 0, 22, Footprint::Elements { lowest: 0, highest: 21 });
    assert!(brute_unique(&[4, 4], &[3, 4], 0));
    assert_eq!(unique(&[4, 4], &[3, 4], 0), Uniqueness::Unique);
}

#[test]
fn row_6_len_21_is_too_short() {
    assert!(!brute_in_bounds(&[4, 4], &[3, 4], 0, 21));
    // Index [3, 3] reaches 21; axis 1's term, 4*3 = 12, is the largest.
    match check_bounds(&[4, 4], &[3, 4], 0, 21) {
        Err(BoundsError::PastEnd {
            index,
            element,
            len,
            culprit,
        }) => {
            assert_eq!(index.as_slice(), [3, 3]);
            assert_eq!((element, len, culprit), (21, 21, Culprit::Stride(1)));
        }
        other => panic!("expected PastEnd, got {other:?}"),
    }
}

// ---- Row 7: [2, 2], [3, -1], offset 1, LEN 5 ------------------------------

#[test]
fn row_7_mixed_signs() {
    // Elements 1 + 3i - j: 1, 0, 4, 3.
    assert_accepted(&[2, 2], &[3, -1], 1, 5, Footprint::Elements { lowest: 0, highest: 4 });
    assert!(brute_unique(&[2, 2], &[3, -1], 1));
    assert_eq!(unique(&[2, 2], &[3, -1], 1), Uniqueness::Unique);
    // One element shorter, index [1, 0] reaches 4: past the end of 4 elements.
    assert!(matches!(
        check_bounds(&[2, 2], &[3, -1], 1, 4),
        Err(BoundsError::PastEnd { element: 4, len: 4, .. })
    ));
    // Offset 0: index [0, 1] reaches -1.
    assert!(matches!(
        check_bounds(&[2, 2], &[3, -1], 0, 5),
        Err(BoundsError::BeforeStart {
            element: -1,
            offset: 0,
            ..
        })
    ));
}

// ---- Row 8: [3, 3], [2, -1], offset 2, LEN 7 ------------------------------

#[test]
fn row_8_collision_at_element_2() {
    // Elements 2 + 2i - j: {2, 1, 0}, {4, 3, 2}, {6, 5, 4}.
    assert_accepted(&[3, 3], &[2, -1], 2, 7, Footprint::Elements { lowest: 0, highest: 6 });
    assert!(!brute_unique(&[3, 3], &[2, -1], 2));
    // In C order [1, 2] is the first index to reach an element again.
    assert_eq!(collision(&[3, 3], &[2, -1], 2), (vec![0, 0], vec![1, 2], 2));
}

// ---- Row 9: [2, 2, 2], [3, 5, 7], offset 0, LEN 16 ------------------------

#[test]
fn row_9_distinct_subset_sums() {
    // Highest: 3 + 5 + 7 = 15.
    assert_accepted(
        &[2, 2, 2],
        &[3, 5, 7],
        0,
        16,
        Footprint::Elements { lowest: 0, highest: 15 },
    );
    assert!(brute_unique(&[2, 2, 2], &[3, 5, 7], 0));
    assert_eq!(unique(&[2, 2, 2], &[3, 5, 7], 0), Uniqueness::Unique);
    assert!(matches!(
        check_bounds(&[2, 2, 2], &[3, 5, 7], 0, 15),
        Err(BoundsError::PastEnd {
            element: 15,
            len: 15,
            ..
        })
    ));
}

#[test]
fn row_9_strides_2_3_5_len_11_is_not_unique() {
    // Highest: 2 + 3 + 5 = 10, so LEN 11 fits.
    assert_accepted(
        &[2, 2, 2],
        &[2, 3, 5],
        0,
        11,
        Footprint::Elements { lowest: 0, highest: 10 },
    );
    assert!(!brute_unique(&[2, 2, 2], &[2, 3, 5], 0));
    // C order reaches 0, 5, 3, 8, 2, 7, then [1, 1, 0] reaches 2 + 3 = 5 again.
    assert_eq!(collision(&[2, 2, 2], &[2, 3, 5], 0), (vec![0, 0, 1], vec![1, 1, 0], 5));
}

// ---- Row 10: [5], [2^62 + 1], offset 0, LEN 10 ----------------------------
//
// The row is written for 64-bit targets; on a 32-bit one the same class is
// [5], [2^30 + 1]: in general a stride of 2^(W-2) + 1 for a W-bit isize.

#[test]
fn row_10_stride_overflow_is_rejected() {
    let w = isize::BITS;
    let stride = (1isize << (w - 2)) + 1;
    // Index [4] reaches 4 * (2^(W-2) + 1) = 2^W + 4, beyond isize::MAX (NumPy wraps it to 4).
    let expected_element = 4 * ((1i128 << (w - 2)) + 1);
    assert_eq!(expected_element, (1i128 << w) + 4);
    for verdict in [
        check_bounds(&[5], &[stride], 0, 10),
        check_layout(&[5], &[stride], 0, 10),
    ] {
        match verdict {
            Err(BoundsError::Overflow {
                index,
                element,
                culprit,
            }) => {
                assert_eq!(index.as_slice(), [4]);
                assert_eq!(element, Some(expected_element));
                assert_eq!(culprit, Culprit::Stride(0));
            }
            other => panic!("expected Overflow, got {other:?}"),
        }
    }
    // Even with the largest buffer a slice can have.
    assert!(matches!(
        check_bounds(&[5], &[stride], 0, isize::MAX as usize),
        Err(BoundsError::Overflow { .. })
    ));
    // Two elements fit in a buffer of 2^(W-2) + 2; with three, 2 * (2^(W-2) + 1)
    // = 2^(W-1) + 2 is past isize::MAX = 2^(W-1) - 1 again.
    assert_eq!(
        check_bounds(&[2], &[stride], 0, stride as usize + 1),
        Ok(Footprint::Elements {
            lowest: 0,
            highest: stride as usize
        })
    );
    assert!(matches!(
        check_bounds(&[3], &[stride], 0, isize::MAX as usize),
        Err(BoundsError::Overflow { element: Some(e), .. }) if e == (1i128 << (w - 1)) + 2
    ));
}

#[test]
fn ndarray_rejected_3_2_strides_2_3_is_unique() {
    // Elements 2i + 3j: 0, 3, 2, 5, 4, 7.
    assert_accepted(&[3, 2], &[2, 3], 0, 8, Footprint::Elements { lowest: 0, highest: 7 });
    assert!(brute_unique(&[3, 2], &[2, 3], 0));
    assert_eq!(unique(&[3, 2], &[2, 3], 0), Uniqueness::Unique);
}

// ---- The same rows through `strided_view!` --------------------------------

strided_view! {
    /// Row 1, writable.
    pub mut Row1: [i32; 3] { shape: [3], strides: [-1], offset: 2 }
    /// Row 2: empty, writable (nothing to alias).
    pub mut Row2: [i32; 10] { shape: [0, 5], strides: [1000, -1000], offset: 10 }
    /// Row 3: rank 0.
    pub mut Row3: [i32; 10] { shape: [], strides: [], offset: 9 }
    /// Row 4: a broadcast, read-only.
    pub Row4: [i32; 10] { shape: [5], strides: [0], offset: 9 }
    /// Row 5.
    pub mut Row5: [i32; 4] { shape: [1, 4], strides: [0, 1] }
    /// Row 6: unique although mdspan's nesting rule fails.
    pub mut Row6: [i32; 22] { shape: [4, 4], strides: [3, 4] }
    /// Row 7.
    pub mut Row7: [i32; 5] { shape: [2, 2], strides: [3, -1], offset: 1 }
    /// Row 8: not unique, read-only.
    pub Row8: [i32; 7] { shape: [3, 3], strides: [2, -1], offset: 2 }
    /// Row 9.
    pub mut Row9: [i32; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    /// Row 9's variant: in bounds, not unique, read-only.
    pub Row9Variant: [i32; 11] { shape: [2, 2, 2], strides: [2, 3, 5] }
    /// Shape (3, 2), strides (2, 3): unique, though ndarray rejects it.
    pub mut NdarrayRejects: [i32; 8] { shape: [3, 2], strides: [2, 3] }
}

/// A buffer whose element `k` holds `100 + k`, so a value names its element.
fn numbered<const N: usize>() -> [i32; N] {
    core::array::from_fn(|k| 100 + k as i32)
}

/// The values a layout should read from `numbered()`, by brute force.
fn expected_values<L: Layout>() -> Vec<i32> {
    elements(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET as isize)
        .into_iter()
        .map(|e| 100 + e as i32)
        .collect()
}

#[test]
fn macro_row_1() {
    assert_eq!((Row1::SIZE, Row1::REQUIRED_SPAN), (3, 3));
    assert!(Row1::IS_UNIQUE && Row1::IS_EXHAUSTIVE);
    let mut buffer = numbered::<3>();
    let view = Row1::view(&buffer);
    assert!(view.iter().copied().eq([102, 101, 100]));
    assert!(view.iter().copied().eq(expected_values::<Row1>()));
    let mut view = Row1::view_mut(&mut buffer);
    view[[0]] = 0;
    assert_eq!(buffer, [100, 101, 0]);
}

#[test]
fn macro_row_2() {
    assert_eq!((Row2::SIZE, Row2::REQUIRED_SPAN), (0, 0));
    // Unique, and no gaps in an empty run.
    assert!(Row2::IS_UNIQUE && Row2::IS_EXHAUSTIVE);
    assert_eq!(Row2::OFFSET, 10);
    let mut buffer = numbered::<10>();
    let view = Row2::view(&buffer);
    assert!(view.is_empty());
    assert_eq!(view.iter().count(), 0);
    assert_eq!(view.get([0, 0]), None);
    let mut view = Row2::view_mut(&mut buffer);
    view.fill(0);
    assert_eq!(buffer, numbered::<10>());
}

#[test]
fn macro_row_3() {
    assert_eq!((Row3::SIZE, Row3::REQUIRED_SPAN), (1, 1));
    assert!(Row3::IS_UNIQUE && Row3::IS_EXHAUSTIVE);
    let mut buffer = numbered::<10>();
    assert_eq!(Row3::view(&buffer)[[]], 109);
    assert!(Row3::view(&buffer).iter().copied().eq([109]));
    Row3::view_mut(&mut buffer)[[]] = -1;
    assert_eq!(buffer[9], -1);
    assert_eq!(buffer[..9], numbered::<10>()[..9]);
}

#[test]
fn macro_row_4() {
    // Five indices, one element: NumPy's nbytes would say 5, the span is 1.
    assert_eq!((Row4::SIZE, Row4::REQUIRED_SPAN), (5, 1));
    assert!(!Row4::IS_UNIQUE && !Row4::IS_EXHAUSTIVE);
    let buffer = numbered::<10>();
    assert!(Row4::view(&buffer).iter().copied().eq([109; 5]));
    assert!(Row4::view(&buffer).iter().copied().eq(expected_values::<Row4>()));
}

#[test]
fn macro_row_5() {
    assert_eq!((Row5::SIZE, Row5::REQUIRED_SPAN), (4, 4));
    assert!(Row5::IS_UNIQUE && Row5::IS_EXHAUSTIVE);
    let mut buffer = numbered::<4>();
    assert!(Row5::view(&buffer).iter().copied().eq([100, 101, 102, 103]));
    let mut view = Row5::view_mut(&mut buffer);
    for (k, v) in view.iter_mut().enumerate() {
        *v = k as i32 * 10;
    }
    assert_eq!(buffer, [0, 10, 20, 30]);
}

#[test]
fn macro_row_6_mut_without_nesting() {
    // 16 indices over elements 0..=21: unique, with gaps (1, 2, 5, ..).
    assert_eq!((Row6::SIZE, Row6::REQUIRED_SPAN), (16, 22));
    assert!(Row6::IS_UNIQUE && !Row6::IS_EXHAUSTIVE);
    let mut buffer = numbered::<22>();
    let view = Row6::view(&buffer);
    // [i, j] reads element 3i + 4j.
    assert_eq!(view[[0, 1]], 104);
    assert_eq!(view[[1, 0]], 103);
    assert_eq!(view[[3, 3]], 121);
    assert!(view.iter().copied().eq(expected_values::<Row6>()));
    // Write each index's own number; since no two indices share an element,
    // every write survives.
    let mut view = Row6::view_mut(&mut buffer);
    for i in 0..4 {
        for j in 0..4 {
            view[[i, j]] = -((10 * i + j) as i32);
        }
    }
    for i in 0..4 {
        for j in 0..4 {
            assert_eq!(buffer[3 * i + 4 * j], -((10 * i + j) as i32));
        }
    }
    // 3i + 4j never equals 1, 2, 5, 16, 19 or 20: those elements are untouched.
    let untouched = [1, 2, 5, 16, 19, 20];
    let reached = elements(&[4, 4], &[3, 4], 0);
    for (k, &v) in buffer.iter().enumerate() {
        assert_eq!(untouched.contains(&k), !reached.contains(&(k as i128)));
        if untouched.contains(&k) {
            assert_eq!(v, 100 + k as i32);
        }
    }
}

#[test]
fn macro_row_7() {
    assert_eq!((Row7::SIZE, Row7::REQUIRED_SPAN), (4, 5));
    assert!(Row7::IS_UNIQUE && !Row7::IS_EXHAUSTIVE);
    let mut buffer = numbered::<5>();
    // 1 + 3i - j: [0,0] -> 1, [0,1] -> 0, [1,0] -> 4, [1,1] -> 3.
    assert!(Row7::view(&buffer).iter().copied().eq([101, 100, 104, 103]));
    Row7::view_mut(&mut buffer).fill(0);
    // Element 2 is not reached.
    assert_eq!(buffer, [0, 0, 102, 0, 0]);
}

#[test]
fn macro_row_8() {
    assert_eq!((Row8::SIZE, Row8::REQUIRED_SPAN), (9, 7));
    assert!(!Row8::IS_UNIQUE && !Row8::IS_EXHAUSTIVE);
    let buffer = numbered::<7>();
    let view = Row8::view(&buffer);
    // Rows {2, 1, 0}, {4, 3, 2}, {6, 5, 4}.
    assert!(view.iter().copied().eq([102, 101, 100, 104, 103, 102, 106, 105, 104]));
    assert_eq!(view[[0, 0]], view[[1, 2]]);
}

#[test]
fn macro_row_9() {
    assert_eq!((Row9::SIZE, Row9::REQUIRED_SPAN), (8, 16));
    assert!(Row9::IS_UNIQUE && !Row9::IS_EXHAUSTIVE);
    let mut buffer = numbered::<16>();
    // C order: 0, 7, 5, 12, 3, 10, 8, 15.
    assert!(Row9::view(&buffer)
        .iter()
        .copied()
        .eq([100, 107, 105, 112, 103, 110, 108, 115]));
    Row9::view_mut(&mut buffer).fill(-1);
    let reached = [0, 3, 5, 7, 8, 10, 12, 15];
    for (k, &v) in buffer.iter().enumerate() {
        assert_eq!(v, if reached.contains(&k) { -1 } else { 100 + k as i32 });
    }
}

#[test]
fn macro_row_9_variant() {
    assert_eq!((Row9Variant::SIZE, Row9Variant::REQUIRED_SPAN), (8, 11));
    assert!(!Row9Variant::IS_UNIQUE && !Row9Variant::IS_EXHAUSTIVE);
    let buffer = numbered::<11>();
    let view = Row9Variant::view(&buffer);
    // C order: 0, 5, 3, 8, 2, 7, 5, 10.
    assert!(view.iter().copied().eq([100, 105, 103, 108, 102, 107, 105, 110]));
    assert_eq!(view[[0, 0, 1]], view[[1, 1, 0]]);
}

#[test]
fn macro_ndarray_rejected_layout_is_writable() {
    assert_eq!((NdarrayRejects::SIZE, NdarrayRejects::REQUIRED_SPAN), (6, 8));
    assert!(NdarrayRejects::IS_UNIQUE && !NdarrayRejects::IS_EXHAUSTIVE);
    let mut buffer = numbered::<8>();
    // 2i + 3j in C order: 0, 3, 2, 5, 4, 7.
    assert!(NdarrayRejects::view(&buffer)
        .iter()
        .copied()
        .eq([100, 103, 102, 105, 104, 107]));
    let mut view = NdarrayRejects::view_mut(&mut buffer);
    for (k, v) in view.iter_mut().enumerate() {
        *v = k as i32;
    }
    // Element e gets the C-order position of the index that reaches it;
    // elements 1 and 6 are not reached.
    assert_eq!(buffer, [0, 101, 2, 1, 4, 3, 106, 5]);
}

#[test]
fn macro_constants_match_the_declarations() {
    assert_eq!(Row1::STRIDES, [-1]);
    assert_eq!((Row1::OFFSET, Row1::BUFFER_LEN), (2, 3));
    assert_eq!(Row3::RANK, 0);
    assert_eq!(Row6::SHAPE, [4, 4]);
    assert_eq!(Row6::STRIDES, [3, 4]);
    assert_eq!(Row6::BUFFER_LEN, 22);
    assert_eq!(Row7::STRIDES, [3, -1]);
    // REQUIRED_LEN: highest element + 1, or the offset when empty.
    assert_eq!(Row2::REQUIRED_LEN, 10);
    assert_eq!(Row4::REQUIRED_LEN, 10);
    assert_eq!(Row6::REQUIRED_LEN, 22);
    assert_eq!(Row9Variant::REQUIRED_LEN, 11);
}
