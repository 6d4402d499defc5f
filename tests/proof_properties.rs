//! The proof against brute force: for small random layouts, every verdict of
//! `check_bounds`, `check_unique` and `check_disjoint` must equal what
//! enumerating every index says, and every witness must be real (an index
//! inside its shape that reaches the reported element). With too little
//! scratch the proof may say "undecided" but never a wrong "unique" or
//! "disjoint". A last test feeds extreme values and checks for sensible
//! verdicts without a panic.
//!
//! Layouts here: rank 0..=5, extents 0..=6, strides -20..=20, offsets mostly
//! 0..=300 with some negative, buffers of 0..=300 elements.

use std::collections::HashSet;

use proptest::collection::vec;
use proptest::prelude::*;
use view_core::proof::{
    check_bounds, check_disjoint, check_disjoint_bounded, check_layout, check_unique, check_unique_bounded,
    describe_bounds, describe_overlap, describe_uniqueness, element_of, BoundsError, Culprit, Footprint, LayoutParts,
    Overlap, Uniqueness, MAX_RANK,
};

// ---- Brute force ------------------------------------------------------------

/// Calls `f` with every index of `shape`, in C order (last axis fastest).
fn for_each_index(shape: &[usize], mut f: impl FnMut(&[usize])) {
    if shape.contains(&0) {
        return;
    }
    let mut index = vec![0usize; shape.len()];
    loop {
        f(&index);
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return;
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

/// `offset + Σ ik * sk`, computed directly.
fn reach(strides: &[isize], offset: isize, index: &[usize]) -> i128 {
    offset as i128
        + index
            .iter()
            .zip(strides)
            .map(|(&i, &s)| i as i128 * s as i128)
            .sum::<i128>()
}

/// Every element reached, in C order.
fn elements(shape: &[usize], strides: &[isize], offset: isize) -> Vec<i128> {
    let mut all = Vec::new();
    for_each_index(shape, |index| all.push(reach(strides, offset, index)));
    all
}

fn inside(shape: &[usize], index: &[usize]) -> bool {
    index.len() == shape.len() && index.iter().zip(shape).all(|(i, n)| i < n)
}

/// `Σ |sk| (nk - 1)` over the axes: the relative span, for positions counts.
fn relative_span(shape: &[usize], strides: &[isize]) -> u128 {
    shape
        .iter()
        .zip(strides)
        .map(|(&n, &s)| s.unsigned_abs() as u128 * (n as u128).saturating_sub(1))
        .sum()
}

/// The lowest and highest relative position, `Σ_{s<0} s(n-1)` and `Σ_{s>0} s(n-1)`,
/// computed by brute force over the reached elements (offset 0).
fn relative_range(shape: &[usize], strides: &[isize]) -> Option<(i128, i128)> {
    let all = elements(shape, strides, 0);
    Some((*all.iter().min()?, *all.iter().max()?))
}

// ---- Strategies -------------------------------------------------------------

fn shape_and_strides() -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    (0usize..=5).prop_flat_map(|rank| (vec(0usize..=6, rank), vec(-20isize..=20, rank)))
}

fn any_offset() -> impl Strategy<Value = isize> {
    prop_oneof![4 => 0isize..=300, 1 => -60isize..0]
}

/// A buffer length: either any in 0..=300, or within 2 of the shortest
/// buffer the layout fits in (where off-by-one errors live).
#[derive(Clone, Copy, Debug)]
enum LenChoice {
    Any(usize),
    NearEdge(isize),
}

fn len_choice() -> impl Strategy<Value = LenChoice> {
    prop_oneof![
        (0usize..=300).prop_map(LenChoice::Any),
        (-2isize..=2).prop_map(LenChoice::NearEdge)
    ]
}

fn resolve_len(choice: LenChoice, shape: &[usize], strides: &[isize], offset: isize) -> usize {
    match choice {
        LenChoice::Any(len) => len,
        LenChoice::NearEdge(delta) => {
            let edge = match elements(shape, strides, offset).iter().max() {
                Some(&highest) => highest + 1,
                None => offset as i128,
            };
            (edge + delta as i128).max(0) as usize
        }
    }
}

/// A layout placed in bounds by construction: its lowest element is `shift`.
#[derive(Clone, Debug)]
struct Placed {
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: isize,
    /// Highest element + 1 (the offset when empty), by brute force.
    required: usize,
}

impl Placed {
    fn parts(&self) -> LayoutParts<'_> {
        LayoutParts {
            shape: &self.shape,
            strides: &self.strides,
            offset: self.offset,
        }
    }
}

fn placed() -> impl Strategy<Value = Placed> {
    (shape_and_strides(), 0usize..=40).prop_map(|((shape, strides), shift)| match relative_range(&shape, &strides) {
        Some((low, high)) => {
            let offset = shift as isize - low as isize;
            Placed {
                required: (high - low) as usize + shift + 1,
                shape,
                strides,
                offset,
            }
        }
        None => Placed {
            shape,
            strides,
            offset: shift as isize,
            required: shift,
        },
    })
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(10_000)
}

// ---- Checks shared by the properties ----------------------------------------

/// `check_bounds` against brute force, both ways, with real witnesses.
fn assert_bounds_agree(shape: &[usize], strides: &[isize], offset: isize, len: usize) {
    let verdict = check_bounds(shape, strides, offset, len);
    let reached = elements(shape, strides, offset);
    if shape.contains(&0) {
        if 0 <= offset && offset as usize <= len {
            assert_eq!(verdict, Ok(Footprint::Empty));
        } else {
            match verdict {
                Err(BoundsError::EmptyOffsetOutside {
                    axis,
                    offset: o,
                    len: l,
                }) => {
                    assert_eq!(shape[axis], 0);
                    assert_eq!((o, l), (offset as i128, len));
                }
                other => panic!("empty layout, offset {offset} outside 0..={len}: got {other:?}"),
            }
        }
    } else {
        let lowest = *reached.iter().min().unwrap();
        let highest = *reached.iter().max().unwrap();
        if 0 <= lowest && highest < len as i128 {
            assert_eq!(
                verdict,
                Ok(Footprint::Elements {
                    lowest: lowest as usize,
                    highest: highest as usize
                })
            );
        } else {
            match verdict {
                Err(BoundsError::PastEnd {
                    index,
                    element,
                    len: l,
                    culprit,
                }) => {
                    assert!(inside(shape, index.as_slice()), "witness {index:?} outside {shape:?}");
                    assert_eq!(element_of(strides, offset, index.as_slice()), Some(element));
                    assert_eq!(reach(strides, offset, index.as_slice()), element);
                    assert!(element >= len as i128);
                    assert_eq!(l, len);
                    assert_culprit(culprit, shape, strides, element, offset);
                }
                Err(BoundsError::BeforeStart {
                    index,
                    element,
                    offset: o,
                    culprit,
                }) => {
                    assert!(inside(shape, index.as_slice()), "witness {index:?} outside {shape:?}");
                    assert_eq!(element_of(strides, offset, index.as_slice()), Some(element));
                    assert_eq!(reach(strides, offset, index.as_slice()), element);
                    assert!(element < 0);
                    assert_eq!(o, offset);
                    assert_culprit(culprit, shape, strides, element, offset);
                }
                other => panic!("reaches {lowest}..={highest} of {len}: got {other:?}"),
            }
        }
    }
    if offset >= 0 {
        assert_eq!(check_layout(shape, strides, offset as usize, len), verdict);
    }
    // The message never panics and names the layout.
    if let Err(error) = &verdict {
        assert!(describe_bounds("L", error).as_str().contains("`L`"));
    }
}

/// A culprit stride must move the witness away from the offset; the offset is
/// blamed only when it alone escapes.
fn assert_culprit(culprit: Culprit, shape: &[usize], strides: &[isize], element: i128, offset: isize) {
    match culprit {
        Culprit::Stride(axis) => {
            assert!(axis < shape.len());
            assert!(shape[axis] > 1 && strides[axis] != 0);
        }
        Culprit::Offset => assert_eq!(element, offset as i128),
    }
}

/// Brute-force uniqueness: `None` if unique, else the first repeat in C order.
fn brute_collision(shape: &[usize], strides: &[isize], offset: isize) -> Option<i128> {
    let mut seen = HashSet::new();
    let mut repeat = None;
    for_each_index(shape, |index| {
        let e = reach(strides, offset, index);
        if !seen.insert(e) && repeat.is_none() {
            repeat = Some(e);
        }
    });
    repeat
}

/// A collision witness is real: two different indices inside the shape, the
/// first before the second in C order, both reaching the element. With
/// `earliest` (the bitset search, which has room for every position), the
/// first is also the earliest index in C order to reach it; the bounded
/// search that runs when the scratch is too small names some colliding pair.
fn assert_real_collision(shape: &[usize], strides: &[isize], offset: isize, verdict: &Uniqueness, earliest: bool) {
    let Uniqueness::Collision(c) = verdict else {
        return;
    };
    let (first, second) = (c.first.as_slice(), c.second.as_slice());
    assert_ne!(first, second);
    assert!(inside(shape, first) && inside(shape, second), "{c:?} outside {shape:?}");
    assert_eq!(reach(strides, offset, first), c.element);
    assert_eq!(reach(strides, offset, second), c.element);
    assert_eq!(element_of(strides, offset, first), Some(c.element));
    assert_eq!(element_of(strides, offset, second), Some(c.element));
    assert!(first < second, "{first:?} should come before {second:?} in C order");
    if earliest {
        let mut found = None;
        for_each_index(shape, |index| {
            if found.is_none() && reach(strides, offset, index) == c.element {
                found = Some(index.to_vec());
            }
        });
        assert_eq!(found.as_deref(), Some(first));
    }
}

/// Indices reached by both layouts: element -> present.
fn brute_shared(a: &Placed, b: &Placed) -> HashSet<i128> {
    let left: HashSet<i128> = elements(&a.shape, &a.strides, a.offset).into_iter().collect();
    elements(&b.shape, &b.strides, b.offset)
        .into_iter()
        .filter(|e| left.contains(e))
        .collect()
}

fn assert_real_shared(a: &Placed, b: &Placed, shared: &HashSet<i128>, verdict: &Overlap) {
    let Overlap::Shared(s) = verdict else {
        return;
    };
    let element = s.element as i128;
    assert!(shared.contains(&element), "{s:?} is not reached by both");
    assert!(inside(&a.shape, s.first.as_slice()) && inside(&b.shape, s.second.as_slice()));
    assert_eq!(reach(&a.strides, a.offset, s.first.as_slice()), element);
    assert_eq!(reach(&b.strides, b.offset, s.second.as_slice()), element);
    assert_eq!(element_of(&a.strides, a.offset, s.first.as_slice()), Some(element));
    assert_eq!(element_of(&b.strides, b.offset, s.second.as_slice()), Some(element));
}

// ---- Properties -------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// (a) In bounds iff every reached element lies in `0..len` (empty: the
    /// offset in `0..=len`); a rejection's witness is inside the shape and
    /// really reaches the reported element outside the buffer.
    #[test]
    fn bounds_agree_with_brute_force(
        (shape, strides) in shape_and_strides(),
        offset in any_offset(),
        len in len_choice(),
    ) {
        let len = resolve_len(len, &shape, &strides, offset);
        assert_bounds_agree(&shape, &strides, offset, len);
    }

    /// (b) With enough scratch, unique iff no element is reached twice; a
    /// collision names two distinct indices reaching one element; never
    /// `Crowded` or `Undecided`.
    #[test]
    fn uniqueness_agrees_with_brute_force(
        (shape, strides) in shape_and_strides(),
        offset in any_offset(),
    ) {
        // Spans are at most 5 * 20 * 5 = 500 positions; 1024 fit.
        let mut scratch = [u64::MAX; 16];
        let verdict = check_unique(&shape, &strides, offset, &mut scratch);
        match brute_collision(&shape, &strides, offset) {
            None => prop_assert_eq!(verdict, Uniqueness::Unique),
            Some(_) => {
                prop_assert!(matches!(verdict, Uniqueness::Collision(_)), "got {:?}", verdict);
                assert_real_collision(&shape, &strides, offset, &verdict, true);
            }
        }
        prop_assert!(describe_uniqueness("L", &verdict).is_none() == (verdict == Uniqueness::Unique));
    }

    /// (b') Scratch too small: `Undecided` or `Crowded` (both honest), a real
    /// collision, or `Unique` only when the layout really is unique.
    #[test]
    fn uniqueness_with_little_scratch_never_guesses(
        (shape, strides) in shape_and_strides(),
        offset in any_offset(),
        words in 0usize..=2,
    ) {
        let mut scratch = vec![u64::MAX; words];
        let verdict = check_unique(&shape, &strides, offset, &mut scratch);
        let brute = brute_collision(&shape, &strides, offset);
        let positions = relative_span(&shape, &strides) + 1;
        let size: usize = shape.iter().product();
        match verdict {
            Uniqueness::Unique => prop_assert!(brute.is_none()),
            Uniqueness::Collision(_) => {
                prop_assert!(brute.is_some());
                // Room for every position: the bitset, whose first index is the earliest.
                assert_real_collision(&shape, &strides, offset, &verdict, positions <= 64 * words as u128);
            }
            Uniqueness::Crowded { indices, positions: p } => {
                prop_assert!(brute.is_some());
                prop_assert_eq!((indices, p), (size, positions));
                prop_assert!(indices as u128 > p);
                prop_assert!(p > 64 * words as u128);
            }
            Uniqueness::Undecided { positions: p, capacity } => {
                prop_assert_eq!(capacity, 64 * words);
                prop_assert_eq!(p, positions);
                prop_assert!(p > capacity as u128);
            }
        }
    }

    /// (b'') The bounded search alone (no scratch, so the bitset never runs;
    /// a budget no small layout exhausts) is exact too: unique iff brute
    /// force finds no repeat, and a collision it names is real.
    #[test]
    fn uniqueness_by_search_alone_agrees_with_brute_force(
        (shape, strides) in shape_and_strides(),
        offset in any_offset(),
    ) {
        let verdict = check_unique_bounded(&shape, &strides, offset, &mut [], 1 << 22);
        match brute_collision(&shape, &strides, offset) {
            None => prop_assert_eq!(verdict, Uniqueness::Unique),
            Some(_) => {
                prop_assert!(matches!(verdict, Uniqueness::Collision(_)), "got {:?}", verdict);
                assert_real_collision(&shape, &strides, offset, &verdict, false);
            }
        }
    }

    /// (c'') Disjointness by the bounded search alone equals brute force.
    #[test]
    fn disjointness_by_search_alone_agrees_with_brute_force(
        a in placed(),
        b in placed(),
    ) {
        let shared = brute_shared(&a, &b);
        let verdict = check_disjoint_bounded(a.parts(), b.parts(), &mut [], 1 << 22);
        if shared.is_empty() {
            prop_assert_eq!(verdict, Overlap::Disjoint);
        } else {
            prop_assert!(matches!(verdict, Overlap::Shared(_)), "got {:?}", verdict);
            assert_real_shared(&a, &b, &shared, &verdict);
        }
    }

    /// (c) Two in-bounds layouts over one buffer: disjoint iff brute force
    /// finds no shared element; a shared witness is real.
    #[test]
    fn disjointness_agrees_with_brute_force(
        a in placed(),
        b in placed(),
        extra in 0usize..=3,
    ) {
        let len = a.required.max(b.required) + extra;
        prop_assert!(check_bounds(&a.shape, &a.strides, a.offset, len).is_ok());
        prop_assert!(check_bounds(&b.shape, &b.strides, b.offset, len).is_ok());
        let shared = brute_shared(&a, &b);
        // Positions at most len <= 546; each layout at most 7776 indices.
        let mut scratch = [u64::MAX; 128];
        for (x, y, flipped) in [(&a, &b, false), (&b, &a, true)] {
            let verdict = check_disjoint(x.parts(), y.parts(), &mut scratch);
            if shared.is_empty() {
                prop_assert_eq!(verdict, Overlap::Disjoint, "flipped: {}", flipped);
            } else {
                prop_assert!(matches!(verdict, Overlap::Shared(_)), "got {:?}", verdict);
                assert_real_shared(x, y, &shared, &verdict);
            }
            prop_assert!(describe_overlap("S", "A", "B", &verdict).is_none() == (verdict == Overlap::Disjoint));
        }
    }

    /// (c') Scratch too small: `Undecided`, a real shared element, or
    /// `Disjoint` only when the layouts really are disjoint.
    #[test]
    fn disjointness_with_little_scratch_never_guesses(
        a in placed(),
        b in placed(),
        words in 0usize..=1,
    ) {
        let shared = brute_shared(&a, &b);
        let mut scratch = vec![u64::MAX; words];
        let verdict = check_disjoint(a.parts(), b.parts(), &mut scratch);
        match verdict {
            Overlap::Disjoint => prop_assert!(shared.is_empty()),
            Overlap::Shared(_) => assert_real_shared(&a, &b, &shared, &verdict),
            Overlap::Undecided { positions, capacity } => {
                prop_assert_eq!(capacity, 64 * words);
                // The footprints meet on `positions` elements.
                let (ea, eb) = (elements(&a.shape, &a.strides, a.offset), elements(&b.shape, &b.strides, b.offset));
                let low = ea.iter().min().unwrap().max(eb.iter().min().unwrap());
                let high = ea.iter().max().unwrap().min(eb.iter().max().unwrap());
                prop_assert_eq!(positions as i128, high - low + 1);
            }
        }
    }

    /// (c'') Layouts that may fit no buffer (negative or large offsets):
    /// never a wrong `Disjoint`, and a shared witness is still real.
    #[test]
    fn disjointness_of_arbitrary_layouts_never_guesses(
        (shape_a, strides_a) in shape_and_strides(),
        offset_a in any_offset(),
        (shape_b, strides_b) in shape_and_strides(),
        offset_b in any_offset(),
    ) {
        let a = Placed { shape: shape_a, strides: strides_a, offset: offset_a, required: 0 };
        let b = Placed { shape: shape_b, strides: strides_b, offset: offset_b, required: 0 };
        let shared = brute_shared(&a, &b);
        let mut scratch = [u64::MAX; 128];
        let verdict = check_disjoint(a.parts(), b.parts(), &mut scratch);
        match verdict {
            Overlap::Disjoint => prop_assert!(shared.is_empty(), "{:?} and {:?} share {:?}", a, b, shared),
            Overlap::Shared(_) => assert_real_shared(&a, &b, &shared, &verdict),
            Overlap::Undecided { .. } => {
                // Only a layout reaching outside 0..=isize::MAX may leave it undecided here.
                let escapes = |p: &Placed| elements(&p.shape, &p.strides, p.offset).iter().any(|&e| e < 0);
                prop_assert!(escapes(&a) || escapes(&b));
            }
        }
    }
}

// ---- Deterministic small-scratch cases --------------------------------------

#[test]
fn small_scratch_gives_undecided_or_crowded() {
    // [4, 4] strides [3, 4]: not nested, unique (see reference_cases); two
    // moving axes are decided in closed form, scratch or not.
    assert_eq!(check_unique(&[4, 4], &[3, 4], 0, &mut []), Uniqueness::Unique);
    assert_eq!(check_unique(&[4, 4], &[3, 4], 0, &mut [0; 1]), Uniqueness::Unique);
    // [2, 2, 2] strides [3, 5, 7]: not nested, 16 positions, unique (DESIGN's table).
    assert_eq!(
        check_unique(&[2, 2, 2], &[3, 5, 7], 0, &mut []),
        Uniqueness::Undecided {
            positions: 16,
            capacity: 0
        }
    );
    assert_eq!(check_unique(&[2, 2, 2], &[3, 5, 7], 0, &mut [0; 1]), Uniqueness::Unique);
    // [3, 3] strides [2, -1]: 9 indices over 2*2 + 1*2 + 1 = 7 positions;
    // two moving axes, so the closed form names DESIGN's witness without scratch.
    match check_unique(&[3, 3], &[2, -1], 2, &mut []) {
        Uniqueness::Collision(c) => {
            assert_eq!(
                (c.first.as_slice(), c.second.as_slice(), c.element),
                (&[0, 0][..], &[1, 2][..], 2)
            );
        }
        other => panic!("{other:?}"),
    }
    // Three moving axes, crowded (16 indices over 1 + 1 + 1 + 1 + 1 = 5
    // positions), no scratch and no budget: pigeonhole alone says crowded.
    assert_eq!(
        check_unique(&[2, 2, 2, 2], &[1, 1, 1, 1], 0, &mut []),
        Uniqueness::Crowded {
            indices: 16,
            positions: 5
        }
    );
    // Interleaved halves of 200 elements: disjoint; their footprints meet on
    // 1..=198, 198 positions, which need 4 words. With less, the bounded
    // search decides: 2i - 2j = 1 has no solution (the gcd 2 does not divide
    // 1), which it sees before visiting any node.
    let even = LayoutParts {
        shape: &[100],
        strides: &[2],
        offset: 0,
    };
    let odd = LayoutParts {
        shape: &[100],
        strides: &[2],
        offset: 1,
    };
    assert_eq!(check_disjoint(even, odd, &mut [0; 4]), Overlap::Disjoint);
    assert_eq!(check_disjoint(even, odd, &mut [0; 3]), Overlap::Disjoint);
    assert_eq!(check_disjoint(even, odd, &mut []), Overlap::Disjoint);
    // Evens against evens shifted by one pair: they share 2..=198; with no
    // scratch there is no work budget either, so the answer is undecided.
    let shifted = LayoutParts {
        shape: &[100],
        strides: &[2],
        offset: 2,
    };
    assert_eq!(
        check_disjoint(even, shifted, &mut []),
        Overlap::Undecided {
            positions: 197,
            capacity: 0
        }
    );
    // One word of scratch gives a budget of 256 nodes: the search finds element 2.
    match check_disjoint(even, shifted, &mut [0; 1]) {
        Overlap::Shared(s) => {
            assert_eq!(reach(&[2], 0, s.first.as_slice()), s.element as i128);
            assert_eq!(reach(&[2], 2, s.second.as_slice()), s.element as i128);
        }
        other => panic!("{other:?}"),
    }
}

// ---- Extremes -----------------------------------------------------------------

const MAX: usize = isize::MAX as usize;

fn unique_with(shape: &[usize], strides: &[isize], offset: isize, words: usize) -> Uniqueness {
    let mut scratch = vec![0u64; words];
    let verdict = check_unique(shape, strides, offset, &mut scratch);
    // Whatever the verdict, its message builds without a panic.
    let _ = describe_uniqueness("Extreme", &verdict);
    verdict
}

// The proof's own error type, as returned: its size is the proof's choice.
#[allow(clippy::result_large_err)]
fn bounds(shape: &[usize], strides: &[isize], offset: isize, len: usize) -> Result<Footprint, BoundsError> {
    let verdict = check_bounds(shape, strides, offset, len);
    if let Err(e) = &verdict {
        assert!(!describe_bounds("Extreme", e).as_str().is_empty());
    }
    verdict
}

fn disjoint(a: LayoutParts<'_>, b: LayoutParts<'_>, words: usize) -> Overlap {
    let mut scratch = vec![0u64; words];
    let verdict = check_disjoint(a, b, &mut scratch);
    let _ = describe_overlap("S", "A", "B", &verdict);
    verdict
}

fn parts<'a>(shape: &'a [usize], strides: &'a [isize], offset: isize) -> LayoutParts<'a> {
    LayoutParts { shape, strides, offset }
}

#[test]
fn extremes_rank_0_and_empty_buffers() {
    // Rank 0 reaches the offset alone.
    assert_eq!(
        bounds(&[], &[], 0, 1),
        Ok(Footprint::Elements { lowest: 0, highest: 0 })
    );
    assert!(matches!(
        bounds(&[], &[], 0, 0),
        Err(BoundsError::PastEnd {
            element: 0,
            len: 0,
            culprit: Culprit::Offset,
            ..
        })
    ));
    assert!(matches!(
        bounds(&[], &[], isize::MIN, 10),
        Err(BoundsError::BeforeStart { element, .. }) if element == isize::MIN as i128
    ));
    assert!(matches!(
        bounds(&[], &[], isize::MAX, MAX),
        Err(BoundsError::PastEnd { element, .. }) if element == isize::MAX as i128
    ));
    assert_eq!(unique_with(&[], &[], 0, 0), Uniqueness::Unique);
    // An empty buffer holds only empty views starting at 0.
    assert_eq!(bounds(&[0], &[1], 0, 0), Ok(Footprint::Empty));
    assert!(matches!(
        bounds(&[0], &[1], 1, 0),
        Err(BoundsError::EmptyOffsetOutside {
            axis: 0,
            offset: 1,
            len: 0
        })
    ));
    assert!(matches!(
        bounds(&[1], &[1], 0, 0),
        Err(BoundsError::PastEnd { element: 0, len: 0, .. })
    ));
    // No positive stride: the highest element is the offset, blamed as such.
    assert!(matches!(
        bounds(&[3], &[-1], 0, 0),
        Err(BoundsError::PastEnd {
            element: 0,
            culprit: Culprit::Offset,
            ..
        })
    ));
    // Empty layouts share nothing, whatever their strides.
    assert_eq!(
        disjoint(parts(&[0, 5], &[1, 1], 0), parts(&[3], &[1], 0), 0),
        Overlap::Disjoint
    );
    assert_eq!(
        disjoint(
            parts(&[usize::MAX, 0], &[isize::MAX, isize::MIN], 0),
            parts(&[], &[], 0),
            0
        ),
        Overlap::Disjoint
    );
}

#[test]
fn extremes_huge_extents() {
    // More indices than isize::MAX.
    assert_eq!(bounds(&[usize::MAX], &[1], 0, 10), Err(BoundsError::SizeOverflow));
    assert_eq!(bounds(&[usize::MAX], &[0], 0, 10), Err(BoundsError::SizeOverflow));
    assert_eq!(bounds(&[2, MAX], &[0, 0], 0, 10), Err(BoundsError::SizeOverflow));
    assert_eq!(bounds(&[MAX + 1], &[0], 0, 10), Err(BoundsError::SizeOverflow));
    // Huge but empty.
    assert_eq!(bounds(&[usize::MAX, 0], &[1, 1], 0, 0), Ok(Footprint::Empty));
    assert_eq!(
        unique_with(&[usize::MAX, 0], &[isize::MIN, 0], 0, 0),
        Uniqueness::Unique
    );
    // isize::MAX indices, each its own element: in bounds for the largest buffer.
    assert_eq!(
        bounds(&[MAX], &[1], 0, MAX),
        Ok(Footprint::Elements {
            lowest: 0,
            highest: MAX - 1
        })
    );
    assert!(matches!(bounds(&[MAX], &[1], 1, MAX), Err(BoundsError::PastEnd { .. })));
    // Unique by nesting, with no scratch at all.
    assert_eq!(unique_with(&[MAX], &[1], 0, 0), Uniqueness::Unique);
    assert_eq!(unique_with(&[MAX], &[-1], isize::MAX - 1, 0), Uniqueness::Unique);
    // A zero stride on a huge axis: [0] and [1] collide.
    match unique_with(&[MAX], &[0], 5, 0) {
        Uniqueness::Collision(c) => {
            assert_eq!(
                (c.first.as_slice(), c.second.as_slice(), c.element),
                (&[0][..], &[1][..], 5)
            );
        }
        other => panic!("{other:?}"),
    }
    // About 2^62 indices over 2^62 + 1 positions, twice: crowded; two moving
    // axes, so the closed form names [0, 1] and [1, 0] with no scratch at all.
    let half = MAX / 2;
    assert!(bounds(&[half, 2], &[1, 1], 0, MAX).is_ok());
    for words in [0, 4] {
        match unique_with(&[half, 2], &[1, 1], 0, words) {
            verdict @ Uniqueness::Collision(_) => assert_real_collision(&[half, 2], &[1, 1], 0, &verdict, false),
            other => panic!("{other:?}"),
        }
    }
    // Three moving axes, crowded (about 2^62 indices over 2^60 positions):
    // too big for the bitset; the bounded search finds a collision at once;
    // with no budget at all, pigeonhole still says crowded.
    let quarter = half / 4;
    assert!(bounds(&[quarter, 2, 2], &[1, 1, 1], 0, MAX).is_ok());
    match unique_with(&[quarter, 2, 2], &[1, 1, 1], 0, 4) {
        verdict @ Uniqueness::Collision(_) => assert_real_collision(&[quarter, 2, 2], &[1, 1, 1], 0, &verdict, false),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        unique_with(&[quarter, 2, 2], &[1, 1, 1], 0, 0),
        Uniqueness::Crowded {
            indices: 4 * quarter,
            positions: quarter as u128 + 2
        }
    );
    // Two moving axes, not nested, far too big for the bitset: the closed form
    // proves it unique (3 d0 = -2 d1 with |d1| <= 2 forces d = 0).
    assert_eq!(unique_with(&[half / 4, 3], &[3, 2], 0, 0), Uniqueness::Unique);
    // Three moving axes, not crowded, not nested: with no budget, undecided.
    let eighth = half / 8;
    assert!(bounds(&[eighth, 3, 2], &[7, 2, 3], 0, MAX).is_ok());
    assert!(matches!(
        unique_with(&[eighth, 3, 2], &[7, 2, 3], 0, 0),
        Uniqueness::Undecided { capacity: 0, .. }
    ));
    // Too many indices and a span that saturates (no buffer holds these):
    // two moving axes still have their closed form, which names a real
    // collision; no panic, no wrap.
    for strides in [[1, 1], [isize::MIN, isize::MAX]] {
        match unique_with(&[usize::MAX, usize::MAX], &strides, 0, 4) {
            verdict @ Uniqueness::Collision(_) => {
                assert_real_collision(&[usize::MAX, usize::MAX], &strides, 0, &verdict, false)
            }
            other => panic!("{other:?}"),
        }
    }
    // Three such axes: undecided.
    assert!(matches!(
        unique_with(&[usize::MAX, usize::MAX, 2], &[1, 1, 1], 0, 4),
        Uniqueness::Undecided { .. }
    ));
    // A huge layout against a small one inside it: too many indices to walk,
    // but the bounded search solves i = 7 at once.
    match disjoint(parts(&[MAX], &[1], 0), parts(&[1], &[0], 7), 1) {
        Overlap::Shared(s) => {
            assert_eq!(
                (s.element, s.first.as_slice(), s.second.as_slice()),
                (7, &[7][..], &[0][..])
            );
        }
        other => panic!("{other:?}"),
    }
    // Interleaved halves of the largest buffer: far too big to walk, decided
    // by the search (the gcd 2 does not divide the offset difference 1).
    assert_eq!(
        disjoint(parts(&[half], &[2], 0), parts(&[half], &[2], 1), 16),
        Overlap::Disjoint
    );
    // Far apart: disjoint without any scratch.
    assert_eq!(
        disjoint(parts(&[half], &[1], 0), parts(&[10], &[1], (MAX - 10) as isize), 0),
        Overlap::Disjoint
    );
}

#[test]
fn extremes_huge_strides_and_offsets() {
    // Two elements, isize::MAX apart: the second is past any buffer.
    match bounds(&[2], &[isize::MAX], 0, MAX) {
        Err(BoundsError::PastEnd { index, element, .. }) => {
            assert_eq!(index.as_slice(), [1]);
            assert_eq!(element, isize::MAX as i128);
        }
        other => panic!("{other:?}"),
    }
    // Two elements, isize::MIN apart, from offset isize::MAX - 1: [1] reaches -2.
    match bounds(&[2], &[isize::MIN], isize::MAX - 1, MAX) {
        Err(BoundsError::BeforeStart { index, element, .. }) => {
            assert_eq!(index.as_slice(), [1]);
            assert_eq!(element, -2);
        }
        other => panic!("{other:?}"),
    }
    // isize::MIN itself is representable, only before the start.
    assert!(matches!(
        bounds(&[2], &[isize::MIN], 0, MAX),
        Err(BoundsError::BeforeStart { element, .. }) if element == isize::MIN as i128
    ));
    // Three steps of isize::MIN or isize::MAX leave isize: overflow, not a wrap.
    assert!(matches!(
        bounds(&[3], &[isize::MIN], 0, MAX),
        Err(BoundsError::Overflow { element: Some(e), .. }) if e == 2 * isize::MIN as i128
    ));
    assert!(matches!(
        bounds(&[3], &[isize::MAX], 0, MAX),
        Err(BoundsError::Overflow { element: Some(e), culprit: Culprit::Stride(0), .. })
            if e == 2 * isize::MAX as i128
    ));
    assert!(matches!(
        bounds(&[3, 3], &[isize::MAX, isize::MIN], isize::MAX, MAX),
        Err(BoundsError::Overflow { .. })
    ));
    // The largest in-bounds stride: elements 0 and isize::MAX - 1.
    let far = isize::MAX - 1;
    assert_eq!(
        bounds(&[2], &[far], 0, MAX),
        Ok(Footprint::Elements {
            lowest: 0,
            highest: MAX - 1
        })
    );
    assert_eq!(unique_with(&[2], &[far], 0, 0), Uniqueness::Unique);
    // Stride isize::MIN on an axis of extent 1 moves nothing.
    assert_eq!(
        bounds(&[1, 4], &[isize::MIN, 1], 0, 4),
        Ok(Footprint::Elements { lowest: 0, highest: 3 })
    );
    assert_eq!(unique_with(&[1, 4], &[isize::MIN, 1], 0, 0), Uniqueness::Unique);
    // Two layouts meeting only at the very top of the largest buffer.
    match disjoint(parts(&[2], &[far], 0), parts(&[1], &[0], far), 1) {
        Overlap::Shared(s) => {
            assert_eq!(s.element, MAX - 1);
            assert_eq!((s.first.as_slice(), s.second.as_slice()), (&[1][..], &[0][..]));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        disjoint(parts(&[2], &[far], 0), parts(&[1], &[0], far - 1), 1),
        Overlap::Disjoint
    );
    // Offsets past the end.
    match bounds(&[3], &[1], 1000, 10) {
        Err(BoundsError::PastEnd { index, element, .. }) => {
            assert_eq!(index.as_slice(), [2]);
            assert_eq!(element, 1002);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        bounds(&[0, 3], &[1, 1], 11, 10),
        Err(BoundsError::EmptyOffsetOutside { offset: 11, .. })
    ));
    assert!(matches!(
        bounds(&[0, 3], &[1, 1], isize::MIN, 10),
        Err(BoundsError::EmptyOffsetOutside { .. })
    ));
    // A `usize` offset beyond isize is an overflow blamed on the offset.
    for offset in [MAX + 1, usize::MAX] {
        match check_layout(&[2], &[1], offset, 10) {
            Err(BoundsError::Overflow {
                element,
                culprit,
                index,
                ..
            }) => {
                assert_eq!(element, Some(offset as i128));
                assert_eq!(culprit, Culprit::Offset);
                assert_eq!(index.as_slice(), [0]);
            }
            other => panic!("{other:?}"),
        }
    }
    // An empty layout is judged by its offset alone, even one beyond isize:
    // no index exists to blame.
    for offset in [MAX + 1, usize::MAX] {
        let error = check_layout(&[0], &[1], offset, 5);
        assert_eq!(
            error,
            Err(BoundsError::EmptyOffsetOutside {
                axis: 0,
                offset: offset as i128,
                len: 5
            })
        );
        let text = describe_bounds("Empty", &error.unwrap_err());
        assert!(
            text.as_str().contains(&format!("its offset {offset} lies outside")),
            "{}",
            text.as_str()
        );
        assert!(!text.as_str().contains("index ["), "{}", text.as_str());
    }
}

/// `describe_bounds` takes errors of any numbers (their fields are public):
/// a hand-made one whose hint would overflow gets no hint, and no panic.
#[test]
fn describing_hand_made_errors_never_overflows() {
    for (element, offset) in [(i128::MIN, 1), (i128::MIN, isize::MAX), (5, 0), (i128::MAX, isize::MIN)] {
        let error = BoundsError::BeforeStart {
            index: view_core::proof::IndexWitness::zeros(1),
            element,
            offset,
            culprit: Culprit::Stride(0),
        };
        let text = describe_bounds("Made", &error);
        assert!(
            text.as_str().contains(&format!("reaches element {element}")),
            "{}",
            text.as_str()
        );
        assert!(!text.as_str().contains("must be at least"), "{}", text.as_str());
    }
    // The hint where the numbers are the proof's: offset 2, element -4.
    let error = BoundsError::BeforeStart {
        index: view_core::proof::IndexWitness::zeros(1),
        element: -4,
        offset: 2,
        culprit: Culprit::Stride(0),
    };
    assert!(describe_bounds("Made", &error)
        .as_str()
        .contains("the offset must be at least 6"));
}

#[test]
fn extremes_ranks_and_lengths() {
    // Rank 16, C order over 2^16 elements: in bounds, unique by nesting.
    let shape16 = [2usize; 16];
    let c_order: Vec<isize> = (0..16).rev().map(|k| 1isize << k).collect();
    assert_eq!(
        bounds(&shape16, &c_order, 0, 1 << 16),
        Ok(Footprint::Elements {
            lowest: 0,
            highest: (1 << 16) - 1
        })
    );
    assert_eq!(unique_with(&shape16, &c_order, 0, 0), Uniqueness::Unique);
    // Rank 16, every stride 1: 2^16 indices over 17 positions.
    let ones = [1isize; 16];
    assert_eq!(
        bounds(&shape16, &ones, 0, 17),
        Ok(Footprint::Elements { lowest: 0, highest: 16 })
    );
    assert_eq!(
        unique_with(&shape16, &ones, 0, 0),
        Uniqueness::Crowded {
            indices: 1 << 16,
            positions: 17
        }
    );
    match unique_with(&shape16, &ones, 0, 1) {
        verdict @ Uniqueness::Collision(_) => assert_real_collision(&shape16, &ones, 0, &verdict, true),
        other => panic!("{other:?}"),
    }
    // Rank 16 with extents 3: 43 million indices, a collision within the first 34.
    let shape3 = [3usize; 16];
    match unique_with(&shape3, &ones, 0, 1) {
        Uniqueness::Collision(c) => {
            assert!(inside(&shape3, c.first.as_slice()) && inside(&shape3, c.second.as_slice()));
            assert_eq!(reach(&ones, 0, c.first.as_slice()), c.element);
            assert_eq!(reach(&ones, 0, c.second.as_slice()), c.element);
        }
        other => panic!("{other:?}"),
    }
    // Rank MAX_RANK: accepted; extents 1 move nothing whatever the strides.
    let shape32 = [1usize; MAX_RANK];
    let huge = [isize::MAX; MAX_RANK];
    assert_eq!(
        bounds(&shape32, &huge, 0, 1),
        Ok(Footprint::Elements { lowest: 0, highest: 0 })
    );
    assert_eq!(unique_with(&shape32, &huge, 0, 0), Uniqueness::Unique);
    let twos32 = [2usize; MAX_RANK];
    let ones32 = [1isize; MAX_RANK];
    assert_eq!(
        bounds(&twos32, &ones32, 0, 33),
        Ok(Footprint::Elements { lowest: 0, highest: 32 })
    );
    assert!(matches!(unique_with(&twos32, &ones32, 0, 1), Uniqueness::Collision(_)));
    // Rank 33: too large, for every check.
    let shape33 = [1usize; MAX_RANK + 1];
    let strides33 = [1isize; MAX_RANK + 1];
    assert_eq!(
        bounds(&shape33, &strides33, 0, 10),
        Err(BoundsError::RankTooLarge { rank: 33 })
    );
    assert!(matches!(
        unique_with(&shape33, &strides33, 0, 4),
        Uniqueness::Undecided { .. }
    ));
    assert_eq!(
        bounds(&[1, 2], &[1], 0, 10),
        Err(BoundsError::RankMismatch {
            shape_rank: 2,
            strides_rank: 1
        })
    );
    assert!(matches!(unique_with(&[1, 2], &[1], 0, 4), Uniqueness::Undecided { .. }));
    // Buffers longer than isize::MAX exist in no slice.
    for len in [MAX + 1, usize::MAX] {
        assert_eq!(bounds(&[2], &[1], 0, len), Err(BoundsError::BufferTooLarge { len }));
        assert_eq!(bounds(&[0], &[1], 0, len), Err(BoundsError::BufferTooLarge { len }));
        assert_eq!(bounds(&[], &[], 0, len), Err(BoundsError::BufferTooLarge { len }));
    }
    // Never a wrong "disjoint" for layouts that are out of every buffer: each
    // reaches element 0 (the first from offset -1 up, the second alone).
    let verdict = disjoint(parts(&[3], &[1], -1), parts(&[1], &[0], 0), 4);
    assert_ne!(
        verdict,
        Overlap::Disjoint,
        "layout reaching -1, 0, 1 and layout reaching 0"
    );
    let verdict = disjoint(parts(&shape33, &strides33, 0), parts(&[1], &[0], 0), 4);
    assert_ne!(
        verdict,
        Overlap::Disjoint,
        "rank 33 layout reaching 0 and layout reaching 0"
    );
}
