//! Run-time layouts (`DynLayout`, `UniqueDynLayout`, `DynSplit`, `DynError`):
//!
//! 1. verdicts against brute-force enumeration on random layouts, both ways:
//!    bounds, uniqueness, disjointness of pairs of any ranks, splits of three,
//!    and `from_numpy` against NumPy's constructor rule written out in exact
//!    byte arithmetic; with small budgets a verdict may be "undecided" but is
//!    never wrong;
//! 2. the compile-time proof of the same numbers: literal layouts declared
//!    with `strided_view!` give the same layout, sizes and uniqueness verdict
//!    (`L::UNIQUENESS`), static layouts convert both ways, and the
//!    compile-time error texts of the ui-tests (their `.stderr` files) are the
//!    run-time texts up to the documented substitutions;
//! 3. a fuzz of every constructor and check with extreme integers against
//!    the rules in exact arithmetic: no panic, no overflow (tests run with
//!    overflow checks), errors only;
//! 4. the Rust half of the NumPy differential run
//!    (`tests/numpy_oracle/dynamic_cases.py`), idle unless its environment
//!    variables name the case and answer files.
//!
//! Under Miri the random suites run four small cases each.

mod common;

use common::harness::{arr, config, MIRI};

use core::fmt::Debug;
use core::marker::PhantomData;
use core::ops::RangeInclusive;
use std::collections::HashSet;

use proptest::collection::vec;
use proptest::prelude::*;
use strided_view::proof::{
    describe_bounds_fixed, describe_overlap, describe_uniqueness, BoundsError, Collision, Footprint, Overlap,
    SharedElement, Uniqueness, CONST_SCRATCH_WORDS,
};
use strided_view::{
    strided_view, DynError, DynLayout, DynSplit, Field, Layout, UniqueDynLayout, UniqueLayout, Verdict,
    DYN_SCRATCH_WORDS,
};

/// A compile-time message in the run-time words (`DynError`'s documented
/// substitutions): "layout `L`" and "split `S`" become "run-time layout" and
/// "run-time split", members are named by their place (`#0`, `#1`), and the
/// two `mut` phrases are those of a run-time check.
fn run_time_words(text: &str, layouts: &[&str], split: Option<&str>, members: &[&str]) -> String {
    let mut text = text.to_string();
    if let Some(split) = split {
        text = text.replace(&format!("split `{split}`"), "run-time split");
    }
    for (k, member) in members.iter().enumerate() {
        text = text.replace(&format!("`{member}`"), &format!("`#{k}`"));
    }
    for layout in layouts {
        text = text.replace(&format!("layout `{layout}`"), "run-time layout");
    }
    text.replace(" is declared `mut`", " is asked to be writable")
        .replace("(drop `mut` for a read-only view)", "(make a read-only view instead)")
}

/// Every error's text: `Display` and `message` agree, nothing was cut off.
fn assert_text(error: &DynError) -> String {
    let text = error.to_string();
    assert_eq!(error.message().as_str(), text);
    assert!(!text.is_empty() && text.len() < 1000, "{text}");
    assert!(text.starts_with("run-time "), "{text}");
    text
}

// ---- Strategies -------------------------------------------------------------

fn extent() -> impl Strategy<Value = usize> {
    let largest: usize = if MIRI { 3 } else { 6 };
    prop_oneof![1 => Just(0usize), 12 => 1..=largest]
}

fn shape_and_strides(ranks: RangeInclusive<usize>) -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    let (low, high) = (*ranks.start(), *ranks.end());
    let high = if MIRI { high.min(3) } else { high };
    (low..=high).prop_flat_map(|rank| (vec(extent(), rank), vec(-20isize..=20, rank)))
}

/// A buffer length: any in 0..=300, or within 2 of the shortest the layout
/// fits in (where off-by-one errors live).
fn resolve_len(choice: (bool, usize, isize), shape: &[usize], strides: &[isize], offset: usize) -> usize {
    let (any, len, delta) = choice;
    if any {
        return len;
    }
    let edge = match common::elements(shape, strides, offset as isize).iter().max() {
        Some(&highest) => highest + 1,
        None => offset as i128,
    };
    (edge + delta as i128).max(0) as usize
}

fn len_choice() -> impl Strategy<Value = (bool, usize, isize)> {
    (any::<bool>(), 0usize..=300, -2isize..=2)
}

/// A layout placed in bounds by construction: its lowest element is `shift`.
#[derive(Clone, Debug)]
struct Placed {
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: usize,
    /// Highest element + 1 (the offset when empty), by brute force.
    required: usize,
}

impl Placed {
    fn numbers(&self) -> (&[usize], &[isize], isize) {
        (&self.shape, &self.strides, self.offset as isize)
    }

    fn layout<const R: usize>(&self, len: usize) -> DynLayout<R> {
        DynLayout::new(arr(&self.shape), arr(&self.strides), self.offset, len).expect("placed in bounds")
    }
}

fn placed(ranks: RangeInclusive<usize>) -> impl Strategy<Value = Placed> {
    (shape_and_strides(ranks), 0usize..=40).prop_map(|((shape, strides), shift)| {
        let relative = common::elements(&shape, &strides, 0);
        match (relative.iter().min(), relative.iter().max()) {
            (Some(&low), Some(&high)) => Placed {
                offset: (shift as i128 - low) as usize,
                required: (high - low) as usize + shift + 1,
                shape,
                strides,
            },
            _ => Placed {
                offset: shift,
                required: shift,
                shape,
                strides,
            },
        }
    })
}

/// Scratch words and search nodes too small for some layouts.
const SMALL_BUDGETS: [(usize, u64); 5] = [(0, 0), (0, 8), (1, 0), (0, 1 << 12), (2, 64)];

// ---- 1. Against brute force -------------------------------------------------

/// `DynLayout::new` accepts exactly what enumeration accepts; an accepted
/// layout's numbers, footprint, sizes and elements are the enumeration's; a
/// refusal is a bounds error with a real witness, in the compile-time words.
fn check_new<const R: usize>(shape: &[usize], strides: &[isize], offset: usize, len: usize) {
    let (shape_array, strides_array) = (arr::<usize, R>(shape), arr::<isize, R>(strides));
    let reached = common::elements(shape, strides, offset as isize);
    let accept = common::fits(shape, strides, offset as isize, len);
    let case = format!("{shape:?} {strides:?} offset {offset} in {len}");
    match DynLayout::new(shape_array, strides_array, offset, len) {
        Ok(layout) => {
            assert!(accept, "accepted {case}, which reaches {reached:?}");
            assert_eq!(
                (
                    layout.shape(),
                    layout.strides(),
                    layout.offset(),
                    layout.buffer_len(),
                    layout.rank()
                ),
                (shape_array, strides_array, offset, len, R)
            );
            assert_eq!((layout.size(), layout.is_empty()), (reached.len(), reached.is_empty()));
            let (low, high) = (reached.iter().min().copied(), reached.iter().max().copied());
            assert_eq!(layout.lowest().map(|e| e as i128), low);
            assert_eq!(layout.highest().map(|e| e as i128), high);
            match (layout.footprint(), low, high) {
                (Footprint::Empty, None, None) => assert_eq!(layout.required_span(), 0),
                (Footprint::Elements { lowest, highest }, Some(l), Some(h)) => {
                    assert_eq!((lowest as i128, highest as i128), (l, h));
                    assert_eq!(layout.required_span() as i128, h - l + 1);
                }
                other => panic!("{case}: footprint {other:?}"),
            }
            let required = high.map_or(offset, |h| h as usize + 1);
            assert_eq!(layout.required_len(), required);
            assert!(required <= len);
            let mut k = 0;
            common::for_each_index(shape, |index| {
                assert_eq!(
                    layout.element(arr(index)).map(|e| e as i128),
                    Some(reached[k]),
                    "{case}"
                );
                k += 1;
            });
            for axis in 0..R {
                let mut outside = [0; R];
                outside[axis] = shape[axis];
                assert_eq!(layout.element(outside), None);
            }
        }
        Err(error) => {
            assert!(!accept, "refused {case}, which fits: {error}");
            let DynError::Bounds(bounds, fix, units) = error else {
                panic!("{case}: {error:?} is not a bounds error");
            };
            match bounds {
                BoundsError::PastEnd {
                    index, element, len: l, ..
                } => {
                    assert!(common::inside(shape, index.as_slice()));
                    assert_eq!(common::reach(strides, offset as isize, index.as_slice()), element);
                    assert!(element >= len as i128 && l == len);
                }
                BoundsError::BeforeStart { index, element, .. } => {
                    assert!(common::inside(shape, index.as_slice()));
                    assert_eq!(common::reach(strides, offset as isize, index.as_slice()), element);
                    assert!(element < 0);
                }
                BoundsError::EmptyOffsetOutside {
                    axis,
                    offset: o,
                    len: l,
                } => {
                    assert_eq!(shape[axis], 0);
                    assert_eq!((o as usize, l), (offset, len));
                }
                other => panic!("{case}: {other:?}"),
            }
            assert!(!error.is_budget_exhausted());
            // The fix is the one a declared layout of these numbers gets.
            assert_eq!(fix, view_core::proof::bounds_fix(shape, strides, offset as isize, len));
            let words = run_time_words(
                describe_bounds_fixed("L", &bounds, fix, units).as_str(),
                &["L"],
                None,
                &[],
            );
            assert_eq!(assert_text(&error), words);
        }
    }
}

/// A collision witness is real: two different indices inside the shape,
/// the first before the second in C order, both reaching the element.
fn assert_real_collision(p: &Placed, c: &Collision) {
    let (first, second) = (c.first.as_slice(), c.second.as_slice());
    assert!(
        common::inside(&p.shape, first) && common::inside(&p.shape, second),
        "{c:?} for {p:?}"
    );
    assert!(first < second, "{c:?}");
    assert_eq!(common::reach(&p.strides, p.offset as isize, first), c.element);
    assert_eq!(common::reach(&p.strides, p.offset as isize, second), c.element);
}

/// `writable` is Ok exactly for the layouts enumeration finds unique; with
/// any budget, an answer is right or "undecided".
fn check_writable<const R: usize>(p: &Placed) {
    let layout: DynLayout<R> = p.layout(p.required);
    let repeat = common::first_repeat(&p.shape, &p.strides, p.offset as isize);
    match layout.writable() {
        Ok(unique) => {
            assert_eq!(repeat, None, "{p:?} proven unique");
            assert_eq!(
                (*unique.as_layout(), unique.into_layout(), *unique),
                (layout, layout, layout)
            );
            assert_eq!(unique.is_exhaustive(), layout.size() == layout.required_span());
        }
        Err(error) => {
            let DynError::NotUnique(verdict) = error else {
                panic!("{p:?}: {error:?}");
            };
            // These spans fit the default bitset: the verdict has a witness.
            let Uniqueness::Collision(c) = verdict else {
                panic!("{p:?}: {verdict:?}");
            };
            assert!(repeat.is_some(), "{p:?} unique but refused: {error}");
            assert_real_collision(p, &c);
            let words = run_time_words(describe_uniqueness("L", &verdict).unwrap().as_str(), &["L"], None, &[]);
            assert_eq!(assert_text(&error), words);
        }
    }
    for (words, work) in SMALL_BUDGETS {
        let mut scratch = vec![0u64; words];
        match layout.writable_in(&mut scratch, work) {
            Ok(_) => assert_eq!(repeat, None, "{p:?} with budget ({words}, {work})"),
            Err(DynError::NotUnique(Uniqueness::Collision(c))) => {
                assert!(repeat.is_some());
                assert_real_collision(p, &c);
            }
            Err(error @ DynError::NotUnique(Uniqueness::Crowded { indices, positions })) => {
                assert!(repeat.is_some());
                assert!(indices == layout.size() && indices as u128 > positions);
                assert!(!error.is_budget_exhausted());
            }
            Err(error @ DynError::NotUnique(Uniqueness::Undecided { .. })) => {
                assert!(error.is_budget_exhausted());
                assert!(assert_text(&error).contains("could not be proven unique"));
            }
            Err(error) => panic!("{p:?}: {error:?}"),
        }
    }
}

fn assert_real_shared(a: &Placed, b: &Placed, shared: &HashSet<i128>, s: &SharedElement) {
    let element = s.element as i128;
    assert!(shared.contains(&element), "{s:?} is not reached by both");
    assert!(common::inside(&a.shape, s.first.as_slice()) && common::inside(&b.shape, s.second.as_slice()));
    assert_eq!(
        common::reach(&a.strides, a.offset as isize, s.first.as_slice()),
        element
    );
    assert_eq!(
        common::reach(&b.strides, b.offset as isize, s.second.as_slice()),
        element
    );
}

/// `disjoint` is Ok exactly when enumeration finds no shared element, for
/// layouts of ranks `R` and `S` in one buffer, both ways round.
fn check_disjoint<const R: usize, const S: usize>(a: &Placed, b: &Placed) {
    let len = a.required.max(b.required);
    let (left, right): (DynLayout<R>, DynLayout<S>) = (a.layout(len), b.layout(len));
    let shared = common::shared_elements(a.numbers(), b.numbers());
    for (verdict, (x, y)) in [(left.disjoint(&right), (a, b)), (right.disjoint(&left), (b, a))] {
        match verdict {
            Ok(()) => assert!(shared.is_empty(), "{a:?} and {b:?} share {shared:?}"),
            Err(error) => {
                let DynError::Overlap {
                    first: 0,
                    second: 1,
                    verdict: verdict @ Overlap::Shared(s),
                } = error
                else {
                    panic!("{a:?} and {b:?}: {error:?}");
                };
                assert_real_shared(x, y, &shared, &s);
                let words = describe_overlap("S", "A", "B", &verdict).unwrap();
                let words = run_time_words(words.as_str(), &[], Some("S"), &["A", "B"]);
                assert_eq!(assert_text(&error), words);
            }
        }
    }
    for (words, work) in SMALL_BUDGETS {
        let mut scratch = vec![0u64; words];
        match left.disjoint_in(&right, &mut scratch, work) {
            Ok(()) => assert!(shared.is_empty(), "{a:?} and {b:?} with budget ({words}, {work})"),
            Err(DynError::Overlap {
                verdict: Overlap::Shared(s),
                ..
            }) => assert_real_shared(a, b, &shared, &s),
            Err(
                error @ DynError::Overlap {
                    verdict: Overlap::Undecided { .. },
                    ..
                },
            ) => {
                assert!(error.is_budget_exhausted());
                assert!(assert_text(&error).contains("could not be proven disjoint"));
            }
            Err(error) => panic!("{error:?}"),
        }
    }
}

fn dispatch_disjoint(a: &Placed, b: &Placed) {
    macro_rules! right {
        ($r:literal) => {
            match b.shape.len() {
                0 => check_disjoint::<$r, 0>(a, b),
                1 => check_disjoint::<$r, 1>(a, b),
                2 => check_disjoint::<$r, 2>(a, b),
                3 => check_disjoint::<$r, 3>(a, b),
                4 => check_disjoint::<$r, 4>(a, b),
                rank => panic!("rank {rank}"),
            }
        };
    }
    match a.shape.len() {
        0 => right!(0),
        1 => right!(1),
        2 => right!(2),
        3 => right!(3),
        4 => right!(4),
        rank => panic!("rank {rank}"),
    }
}

/// `DynSplit::new` of three unique layouts is Ok exactly when no two share
/// an element; the error names the first pair in order that does.
fn check_split<const R: usize>(members: &[Placed]) {
    let len = members.iter().map(|p| p.required).max().unwrap();
    let mut unique = Vec::new();
    for p in members {
        match p.layout::<R>(len).writable() {
            Ok(layout) => unique.push(layout),
            // Splits are of unique layouts; `check_writable` covers the rest.
            Err(_) => return,
        }
    }
    let unique: [UniqueDynLayout<R>; 3] = unique.try_into().unwrap();
    let first_overlap = [(0, 1), (0, 2), (1, 2)]
        .into_iter()
        .find(|&(i, j)| !common::shared_elements(members[i].numbers(), members[j].numbers()).is_empty());
    match (DynSplit::new(unique), first_overlap) {
        (Ok(split), None) => {
            assert_eq!(split.members(), &unique);
            assert_eq!(split.into_members(), unique);
            assert_eq!(
                split.required_len(),
                unique.iter().map(|u| u.required_len()).max().unwrap()
            );
        }
        (Err(error), Some((i, j))) => {
            let DynError::Overlap {
                first,
                second,
                verdict: Overlap::Shared(s),
            } = error
            else {
                panic!("{error:?}");
            };
            assert_eq!((first, second), (i, j), "{members:?}");
            let shared = common::shared_elements(members[i].numbers(), members[j].numbers());
            assert_real_shared(&members[i], &members[j], &shared, &s);
            assert!(assert_text(&error).starts_with(&format!("run-time split: members `#{i}` and `#{j}` overlap")));
        }
        (verdict, expected) => panic!("{members:?}: {verdict:?}, expected an overlap at {expected:?}"),
    }
    let mut scratch = [0u64; 1];
    if let Ok(split) = DynSplit::new_in(unique, &mut scratch, 16) {
        assert!(first_overlap.is_none(), "{members:?}");
        assert_eq!(split.members(), &unique);
    }
}

/// How NumPy's constructor refuses, by its rule in bytes (minus its bugs),
/// in the order `from_numpy` checks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Refusal {
    BufferBytes,
    Bytes(Field),
    Bounds,
    TooBig,
}

/// NumPy's `np.ndarray(buffer=, shape=, strides=, offset=)` rule, in exact
/// arithmetic (`i128`, checked), with a byte stride or offset that does not
/// divide by the item size refused first (`from_numpy`'s documented rule).
fn numpy_rule(
    shape: &[usize],
    byte_strides: &[isize],
    byte_offset: usize,
    elem: usize,
    nbytes: usize,
) -> Result<(), Refusal> {
    if nbytes > isize::MAX as usize {
        return Err(Refusal::BufferBytes);
    }
    if elem == 0 {
        return Err(Refusal::Bytes(if shape.is_empty() {
            Field::Offset
        } else {
            Field::Stride(0)
        }));
    }
    if let Some(axis) = byte_strides.iter().position(|&s| s as i128 % elem as i128 != 0) {
        return Err(Refusal::Bytes(Field::Stride(axis)));
    }
    if byte_offset % elem != 0 {
        return Err(Refusal::Bytes(Field::Offset));
    }
    let offset = byte_offset as i128;
    if shape.contains(&0) {
        if offset > nbytes as i128 {
            return Err(Refusal::Bounds);
        }
    } else {
        // NumPy's `offset_bounds_from_strides`, without the wrap.
        let (mut lower, mut upper) = (Some(0i128), Some(0i128));
        for (&n, &s) in shape.iter().zip(byte_strides) {
            let term = (s as i128).checked_mul(n as i128 - 1);
            match term {
                Some(t) if t > 0 => upper = upper.and_then(|u| u.checked_add(t)),
                Some(t) => lower = lower.and_then(|l| l.checked_add(t)),
                None => return Err(Refusal::Bounds),
            }
        }
        let upper = upper.and_then(|u| u.checked_add(elem as i128));
        // An end past `i128` lies past every buffer.
        let (lowest, end) = (
            lower.and_then(|l| offset.checked_add(l)),
            upper.and_then(|u| offset.checked_add(u)),
        );
        match (lowest, end) {
            (Some(l), Some(u)) if l >= 0 && u <= nbytes as i128 => {}
            _ => return Err(Refusal::Bounds),
        }
    }
    // `PyArray_NewFromDescr_int`: itemsize times the extents, 0 counted as 1.
    let bytes = shape
        .iter()
        .filter(|&&n| n != 0)
        .try_fold(elem as u128, |acc, &n| acc.checked_mul(n as u128));
    match bytes {
        Some(b) if b <= isize::MAX as u128 => Ok(()),
        _ => Err(Refusal::TooBig),
    }
}

/// `from_numpy` against [`numpy_rule`]: the same verdict, the same refusal.
fn check_from_numpy<const R: usize>(
    shape: &[usize],
    byte_strides: &[isize],
    byte_offset: usize,
    elem: usize,
    nbytes: usize,
) {
    let case = format!("{shape:?} bytes {byte_strides:?} offset {byte_offset}, items of {elem} in {nbytes} bytes");
    let expected = numpy_rule(shape, byte_strides, byte_offset, elem, nbytes);
    let verdict = DynLayout::<R>::from_numpy(arr(shape), arr(byte_strides), byte_offset, elem, nbytes);
    match (verdict, expected) {
        (Ok(layout), Ok(())) => {
            let strides: Vec<isize> = byte_strides
                .iter()
                .map(|&s| (s as i128 / elem as i128) as isize)
                .collect();
            assert_eq!(layout.shape(), arr::<usize, R>(shape));
            assert_eq!(layout.strides(), arr::<isize, R>(&strides), "{case}");
            assert_eq!(
                (layout.offset(), layout.buffer_len()),
                (byte_offset / elem, nbytes / elem)
            );
            let direct = DynLayout::new(layout.shape(), layout.strides(), layout.offset(), layout.buffer_len());
            assert_eq!(direct, Ok(layout));
        }
        (Err(error), Err(refusal)) => {
            let agrees = match (error, refusal) {
                (DynError::BufferBytes { bytes }, Refusal::BufferBytes) => bytes == nbytes,
                (
                    DynError::Bytes {
                        field,
                        bytes,
                        elem_size,
                    },
                    Refusal::Bytes(expected),
                ) => {
                    let given = match field {
                        Field::Stride(axis) => byte_strides[axis] as i128,
                        _ => byte_offset as i128,
                    };
                    field == expected && bytes == given && elem_size == elem
                }
                (DynError::Bounds(..), Refusal::Bounds) => true,
                (DynError::TooBig { elem_size }, Refusal::TooBig) => elem_size == elem,
                // More indices than isize::MAX: the element rule's own refusal.
                (DynError::Bounds(BoundsError::SizeOverflow, ..), Refusal::TooBig) => true,
                _ => false,
            };
            assert!(agrees, "{case}: {error:?}, expected {refusal:?}");
            assert_text(&error);
        }
        (verdict, expected) => panic!("{case}: {verdict:?}, NumPy's rule says {expected:?}"),
    }
}

/// Byte numbers of a layout, some not multiples of the item size, and
/// buffers around the edge of what it needs.
#[derive(Clone, Debug)]
struct NumpyCase {
    shape: Vec<usize>,
    byte_strides: Vec<isize>,
    byte_offset: usize,
    elem: usize,
    nbytes: usize,
}

fn numpy_case() -> impl Strategy<Value = NumpyCase> {
    (
        placed(0..=4),
        prop::sample::select(vec![1usize, 2, 3, 4, 8, 16]),
        (0usize..8, 0usize..5, 1usize..16),
        (-3isize..=3, 0usize..3, 0usize..=600, -17isize..=17),
    )
        .prop_map(|(p, elem, (jitter, which, by), (shift, len_kind, any_len, delta))| {
            let mut byte_strides: Vec<isize> = p.strides.iter().map(|&s| s * elem as isize).collect();
            let offset = (p.offset as isize + shift).max(0) as usize;
            let mut byte_offset = offset * elem;
            // One case in eight has a number that does not divide by the item size.
            if jitter == 0 && elem > 1 {
                let by = 1 + by % (elem - 1);
                match byte_strides.get_mut(which) {
                    Some(stride) => *stride += by as isize,
                    None => byte_offset += by,
                }
            }
            let edge = (p.required as isize + shift.max(0)) * elem as isize;
            let nbytes = match len_kind {
                0 => any_len,
                1 => (edge + delta).max(0) as usize,
                _ => 0,
            };
            NumpyCase {
                shape: p.shape,
                byte_strides,
                byte_offset,
                elem,
                nbytes,
            }
        })
}

proptest! {
    #![proptest_config(config(4_000))]

    /// (1a) Bounds, both ways, against enumeration.
    #[test]
    fn bounds_agree_with_brute_force((shape, strides) in shape_and_strides(0..=5), offset in 0usize..=300, len in len_choice()) {
        let len = resolve_len(len, &shape, &strides, offset);
        with_rank!(shape.len(), check_new(&shape, &strides, offset, len));
    }

    /// (1b) Uniqueness, both ways, with the default and with small budgets.
    #[test]
    fn uniqueness_agrees_with_brute_force(p in placed(0..=5)) {
        with_rank!(p.shape.len(), check_writable(&p));
    }

    /// (1b') Uniqueness of layouts the cheap rules rarely settle: ranks 3 to
    /// 5, small strides of both signs (not nested), so the bitset decides.
    #[test]
    fn uniqueness_of_non_nested_layouts_agrees_with_brute_force(
        p in (3usize..=if MIRI { 3 } else { 5 }).prop_flat_map(|rank| {
            (vec(2usize..=if MIRI { 3 } else { 4 }, rank), vec(prop_oneof![-9isize..=-2, 2isize..=9], rank), 0usize..=3)
        }).prop_map(|(shape, strides, shift)| {
            let relative = common::elements(&shape, &strides, 0);
            let (low, high) = (*relative.iter().min().unwrap(), *relative.iter().max().unwrap());
            Placed { offset: (shift as i128 - low) as usize, required: (high - low) as usize + shift + 1, shape, strides }
        })
    ) {
        with_rank!(p.shape.len(), check_writable(&p));
    }

    /// (1c) Disjointness of two layouts of ranks 0 to 4 in one buffer.
    #[test]
    fn disjointness_agrees_with_brute_force(a in placed(0..=4), b in placed(0..=4)) {
        dispatch_disjoint(&a, &b);
    }

    /// (1d) Splits of three layouts of one rank.
    #[test]
    fn splits_agree_with_brute_force(members in (1usize..=3).prop_flat_map(|rank| vec(placed(rank..=rank), 3))) {
        with_rank!(members[0].shape.len(), check_split(&members));
    }

    /// (1e) `from_numpy` is NumPy's constructor rule in bytes, minus its bugs.
    #[test]
    fn from_numpy_is_numpys_rule(c in numpy_case()) {
        with_rank!(c.shape.len(), check_from_numpy(&c.shape, &c.byte_strides, c.byte_offset, c.elem, c.nbytes));
    }
}

// ---- 2. The compile-time proof of the same numbers --------------------------

/// A static layout and its run-time twin: the same numbers and sizes, and
/// the same uniqueness verdict as the compile-time proof's (`L::UNIQUENESS`),
/// which brute force confirms.
fn agree<L: Layout<Index = [usize; R]>, const R: usize>(_: PhantomData<L>, case: &str) {
    let layout = DynLayout::new(L::SHAPE, L::STRIDES, L::OFFSET, L::BUFFER_LEN).expect(case);
    assert_eq!(layout, DynLayout::of::<L>(), "{case}");
    assert!(layout.matches::<L>() && layout.check_matches::<L>().is_ok(), "{case}");
    assert_eq!(
        (layout.size(), layout.required_len(), layout.required_span()),
        (L::SIZE, L::REQUIRED_LEN, L::REQUIRED_SPAN),
        "{case}"
    );
    let repeats = common::first_repeat(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET as isize).is_some();
    match (L::UNIQUENESS, layout.writable()) {
        (Verdict::Proven, Ok(unique)) => {
            assert!(!repeats, "{case}");
            assert_eq!(unique.is_exhaustive(), L::IS_EXHAUSTIVE, "{case}");
        }
        (Verdict::Refuted, Err(DynError::NotUnique(Uniqueness::Collision(_) | Uniqueness::Crowded { .. }))) => {
            assert!(repeats, "{case}")
        }
        (compile_time, run_time) => panic!("{case}: compile time {compile_time:?}, run time {run_time:?}"),
    }
    // The same numbers off by one are not `L`'s, and the error says which.
    if R > 0 {
        let mut strides = L::STRIDES;
        strides[R - 1] += 1;
        if let Ok(other) = DynLayout::new(L::SHAPE, strides, L::OFFSET, usize::MAX / 2) {
            assert!(!other.matches::<L>());
            let error = other.check_matches::<L>().unwrap_err();
            assert_eq!(
                error,
                DynError::Mismatch {
                    layout: L::NAME,
                    field: Field::Stride(R - 1),
                    found: strides[R - 1] as i128,
                    expected: L::STRIDES[R - 1] as i128,
                }
            );
            assert!(assert_text(&error).starts_with(&format!("run-time layout does not match layout `{}`", L::NAME)));
        }
    }
    let moved = DynLayout::new(L::SHAPE, L::STRIDES, L::OFFSET + 1, L::BUFFER_LEN + 1).unwrap();
    assert_eq!(
        moved.check_matches::<L>(),
        Err(DynError::Mismatch {
            layout: L::NAME,
            field: Field::Offset,
            found: L::OFFSET as i128 + 1,
            expected: L::OFFSET as i128,
        })
    );
}

/// A writable static layout: `UniqueDynLayout::of` is `writable` of its numbers.
fn agree_unique<L: UniqueLayout<Index = [usize; R]>, const R: usize>(_: PhantomData<L>, case: &str) {
    let layout = DynLayout::new(L::SHAPE, L::STRIDES, L::OFFSET, L::BUFFER_LEN).expect(case);
    assert_eq!(layout.writable(), Ok(UniqueDynLayout::of::<L>()), "{case}");
    assert!(UniqueDynLayout::of::<L>().matches::<L>());
    assert_eq!(UniqueDynLayout::of::<L>().check_matches::<L>(), Ok(()));
}

macro_rules! agreement_cases {
    (
        read_only: { $($case:ident: $len:literal [$($n:literal),*] [$($s:literal),*] $o:literal;)* }
        writable: { $($ucase:ident: $ulen:literal [$($un:literal),*] [$($us:literal),*] $uo:literal;)* }
    ) => {
        #[allow(dead_code)]
        mod agreement {
            $(
                pub mod $case {
                    strided_view::strided_view! {
                        pub L: [_; $len] { shape: [$($n),*], strides: [$($s),*], offset: $o }
                    }
                }
            )*
            $(
                pub mod $ucase {
                    strided_view::strided_view! {
                        pub mut L: [_; $ulen] { shape: [$($un),*], strides: [$($us),*], offset: $uo }
                    }
                }
            )*
        }

        /// (2a) The drawn literal layouts, read-only and writable.
        #[test]
        fn literal_layouts_agree_with_the_compile_time_proof() {
            // Under Miri, one case in eight.
            let mut k = 0;
            let mut sample = || {
                k += 1;
                !MIRI || k % 8 == 1
            };
            $( if sample() { agree(PhantomData::<agreement::$case::L>, stringify!($case)); } )*
            $(
                if sample() {
                    agree(PhantomData::<agreement::$ucase::L>, stringify!($ucase));
                    agree_unique(PhantomData::<agreement::$ucase::L>, stringify!($ucase));
                }
            )*
        }
    };
}

// Drawn once at random (seed 20261215): ranks 1 to 3, extents 2 to 4 with a
// 0 or 1 one time in ten, strides in -6..=6 with a non-nested pair such as
// (3, 2) four times in ten, the lowest element 0 to 2 and a buffer 0 to 2
// elements longer than needed; the writable ones are those that are unique.
// h00..h05 are picked: ranks 3 and 4, not nested, decided by a search.
agreement_cases! {
    read_only: {
        c00: 9 [3, 4] [-1, 2] 2;
        c01: 4 [2] [2] 1;
        c02: 28 [2, 4] [6, 6] 1;
        c03: 4 [3, 0] [3, -4] 3;
        c04: 19 [3, 2, 4] [-3, 2, -3] 15;
        c05: 14 [3] [-5] 12;
        c06: 28 [2, 3, 4] [-6, -2, -5] 26;
        c07: 10 [2] [-6] 7;
        c08: 23 [3, 3, 3] [-5, 3, 1] 12;
        c09: 16 [4, 3] [2, 3] 1;
        c10: 11 [3] [4] 0;
        c11: 22 [4, 2] [4, 6] 2;
        c12: 13 [2, 2, 3] [-3, 2, -2] 9;
        c13: 18 [4, 3, 2] [3, 2, 4] 0;
        c14: 10 [3, 2] [0, -6] 8;
        c15: 21 [2, 3, 3] [3, -4, 4] 8;
        c16: 8 [2] [5] 1;
        c17: 18 [3, 4, 3] [1, -3, 3] 9;
        c18: 24 [2, 2, 3] [4, 6, -5] 12;
        c19: 8 [4, 3] [1, -1] 4;
        c20: 14 [4, 2] [4, 1] 0;
        c21: 31 [4, 4, 4] [3, 2, 4] 2;
        c22: 1 [3] [0] 0;
        c23: 15 [3] [6] 1;
        c24: 26 [3, 4] [3, 5] 2;
        c25: 3 [4] [0] 0;
        c26: 27 [4, 2] [6, 4] 2;
        c27: 20 [2, 2, 3] [1, -5, -5] 17;
        c28: 15 [2, 4] [1, -4] 12;
        c29: 7 [2] [-3] 4;
        c30: 23 [4, 2] [6, -3] 4;
        c31: 13 [3, 3] [3, 2] 1;
        c32: 7 [2] [3] 1;
        c33: 23 [3, 2, 3] [-1, -6, 5] 10;
        c34: 11 [3] [-4] 9;
        c35: 5 [2] [-2] 3;
        c36: 30 [4, 3, 3] [5, 1, 4] 2;
        c37: 21 [4, 4, 2] [3, 2, 2] 1;
        c38: 8 [2, 2, 2] [3, 2, 0] 0;
        c39: 18 [4, 4, 3] [2, 3, 0] 2;
        c40: 28 [4, 2, 2] [-6, 5, -1] 21;
        c41: 15 [3, 2] [-5, 2] 11;
        c42: 28 [2, 3, 4] [4, 6, 3] 0;
        c43: 14 [3] [6] 1;
        c44: 10 [2, 3] [-3, 2] 4;
        c45: 8 [2, 2] [2, 3] 2;
        c46: 18 [3, 2, 4] [-5, -4, 0] 16;
        c47: 25 [2, 2, 4] [-5, 2, -5] 20;
        c48: 9 [2, 3] [2, -2] 5;
        c49: 19 [4, 3, 3] [0, 2, 6] 0;
        c50: 16 [3, 4] [3, 2] 1;
        c51: 20 [4, 2, 2] [-2, 5, 4] 8;
        c52: 20 [4, 2] [4, 6] 1;
        c53: 29 [4, 3, 3] [3, -4, 5] 8;
        c54: 27 [2, 4, 4] [5, 3, -3] 10;
        c55: 19 [3, 3] [-3, 6] 6;
        c56: 7 [2, 3, 2] [2, -2, 0] 4;
        c57: 38 [4, 3, 3] [5, 5, -5] 11;
        c58: 16 [2, 3, 3] [5, 3, 2] 0;
        c59: 17 [4, 2, 2] [-4, -2, -1] 16;
        c60: 31 [3, 3, 4] [3, 2, 6] 0;
        c61: 9 [2, 3] [3, 1] 1;
        c62: 11 [4, 2] [2, -1] 2;
        c63: 8 [3, 1] [-2, -6] 6;
        c64: 21 [4, 2] [-5, -4] 19;
        c65: 4 [2] [-2] 3;
        c66: 12 [4, 2] [2, 3] 2;
        c67: 24 [3, 3, 2] [4, -4, -5] 15;
        c68: 13 [2, 2, 3] [-4, -6, 0] 10;
        c69: 14 [4, 3] [2, 3] 0;
        c70: 8 [4, 2] [0, -5] 7;
        c71: 25 [2, 4, 2] [-1, -6, 4] 19;
        c72: 16 [4, 2, 2] [4, -1, 1] 1;
        c73: 29 [4, 4, 2] [-4, -4, 4] 24;
        c74: 16 [4, 3] [-5, 0] 15;
        c75: 11 [3, 4] [3, -1] 3;
        c76: 27 [3, 4, 4] [5, 3, 2] 1;
        c77: 12 [3, 2] [-2, 5] 6;
        c78: 28 [3, 4] [4, 6] 1;
        c79: 30 [3, 4, 4] [5, 3, 2] 2;
        c80: 24 [4, 2, 4] [3, 2, 3] 1;
        c81: 18 [4, 3, 2] [-2, 1, -6] 13;
        c82: 10 [3, 2] [2, 3] 0;
        c83: 23 [4, 4] [3, -4] 13;
        c84: 22 [3, 3, 4] [5, 3, 1] 2;
        c85: 15 [4, 3] [-3, 2] 10;
        c86: 15 [4, 3] [2, 3] 0;
        c87: 11 [3] [-4] 8;
        c88: 23 [3, 2, 3] [4, 1, 6] 0;
        c89: 24 [3, 3, 4] [3, 2, -4] 13;
        c90: 9 [4] [-2] 7;
        c91: 9 [2, 2] [2, 3] 1;
        c92: 26 [4, 2, 3] [-4, -3, 4] 16;
        c93: 10 [3] [-3] 8;
        c94: 28 [3, 4, 3] [5, 3, -3] 7;
        c95: 17 [4, 4] [3, 2] 0;
        h00: 64 [4, 4, 4] [12, 3, 4] 0;
    }
    writable: {
        u01: 4 [2] [2] 1;
        u03: 4 [3, 0] [3, -4] 3;
        u05: 14 [3] [-5] 12;
        u07: 10 [2] [-6] 7;
        u10: 11 [3] [4] 0;
        u11: 22 [4, 2] [4, 6] 2;
        u16: 8 [2] [5] 1;
        u20: 14 [4, 2] [4, 1] 0;
        u23: 15 [3] [6] 1;
        u24: 26 [3, 4] [3, 5] 2;
        u26: 27 [4, 2] [6, 4] 2;
        u28: 15 [2, 4] [1, -4] 12;
        u29: 7 [2] [-3] 4;
        u30: 23 [4, 2] [6, -3] 4;
        u31: 13 [3, 3] [3, 2] 1;
        u32: 7 [2] [3] 1;
        u34: 11 [3] [-4] 9;
        u35: 5 [2] [-2] 3;
        u41: 15 [3, 2] [-5, 2] 11;
        u43: 14 [3] [6] 1;
        u44: 10 [2, 3] [-3, 2] 4;
        u45: 8 [2, 2] [2, 3] 2;
        u52: 20 [4, 2] [4, 6] 1;
        u59: 17 [4, 2, 2] [-4, -2, -1] 16;
        u61: 9 [2, 3] [3, 1] 1;
        u62: 11 [4, 2] [2, -1] 2;
        u63: 8 [3, 1] [-2, -6] 6;
        u64: 21 [4, 2] [-5, -4] 19;
        u65: 4 [2] [-2] 3;
        u66: 12 [4, 2] [2, 3] 2;
        u71: 25 [2, 4, 2] [-1, -6, 4] 19;
        u77: 12 [3, 2] [-2, 5] 6;
        u78: 28 [3, 4] [4, 6] 1;
        u82: 10 [3, 2] [2, 3] 0;
        u83: 23 [4, 4] [3, -4] 13;
        u85: 15 [4, 3] [-3, 2] 10;
        u87: 11 [3] [-4] 8;
        u88: 23 [3, 2, 3] [4, 1, 6] 0;
        u90: 9 [4] [-2] 7;
        u91: 9 [2, 2] [2, 3] 1;
        u93: 10 [3] [-3] 8;
        h01: 39 [3, 3, 3] [12, 3, 4] 0;
        h02: 164 [2, 3, 5] [-13, -19, 28] 51;
        h03: 115 [3, 3, 3] [25, -20, -12] 64;
        h04: 147 [3, 3, 3, 3] [27, -6, -11, -29] 92;
        h05: 118 [3, 5, 4] [2, -8, 27] 32;
    }
}

#[allow(dead_code)]
mod others {
    use super::strided_view;

    strided_view! {
    /// Generic: the macro leaves the proof to const evaluation per instantiation.
    pub G<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize>:
        [_; N] { shape: [A, B], strides: [S0, S1], offset: O }
    pub mut GM<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize>:
        [_; N] { shape: [A, B], strides: [S0, S1], offset: O }
    /// Byte strides of `i64`, as NumPy gives them.
    pub Bytes: [i64; 40] { shape: [3, 4], byte_strides: [96, -16], byte_offset: 48 }
    pub Scalar: [u8; 3] { shape: [], offset: 2 }
    }
}
use others::{Bytes, Scalar, G, GM};

/// (2b) Generic instantiations, byte strides and rank 0 convert too.
#[test]
fn generic_byte_and_scalar_layouts_agree() {
    agree(PhantomData::<G<15, 4, 3, -3, 2, 10>>, "G<15, 4, 3, -3, 2, 10>");
    agree(PhantomData::<G<10, 3, 2, 2, 3, 0>>, "G<10, 3, 2, 2, 3, 0>");
    agree(PhantomData::<G<8, 4, 2, 1, 1, 2>>, "G<8, 4, 2, 1, 1, 2>");
    agree_unique(PhantomData::<GM<10, 3, 2, 2, 3, 0>>, "GM<10, 3, 2, 2, 3, 0>");
    agree(PhantomData::<Bytes>, "Bytes");
    assert_eq!(
        DynLayout::from_numpy([3, 4], [96, -16], 48, 8, 40 * 8),
        Ok(DynLayout::of::<Bytes>())
    );
    agree(PhantomData::<Scalar>, "Scalar");
    assert_eq!(DynLayout::of::<Scalar>().element([]), Some(2));
}

/// The first line of a ui-test's expected compiler output, without
/// rustc's prefix.
fn compile_time_text(stderr: &str) -> &str {
    let line = stderr.lines().next().unwrap();
    line.strip_prefix("error[E0080]: evaluation panicked: ")
        .or_else(|| line.strip_prefix("error: "))
        .unwrap()
}

/// (2c) The compile-time errors of the ui-tests, for the same numbers at run
/// time: the same words and witness.
#[test]
fn error_texts_are_the_compile_time_texts() {
    let ui = |stderr: &str| compile_time_text(stderr).to_string();
    let text = |error: DynError| assert_text(&error);
    let bounds = |shape: &[usize], strides: &[isize], offset: usize, len: usize| -> DynError {
        with_rank!(shape.len(), bounds_error(shape, strides, offset, len))
    };
    fn bounds_error<const R: usize>(shape: &[usize], strides: &[isize], offset: usize, len: usize) -> DynError {
        DynLayout::<R>::new(arr(shape), arr(strides), offset, len).unwrap_err()
    }

    // TooHigh: [i64; 12] { shape: [4, 3], byte_strides: [24, 16] }
    // (in bytes: the run-time layout's numbers given as NumPy's, in bytes too)
    let too_high = ui(include_str!("../ui-tests/tests/ui/too_high.stderr"));
    assert_eq!(
        text(DynLayout::from_numpy([4, 3], [24, 16], 0, 8, 96).unwrap_err()),
        run_time_words(&too_high, &["TooHigh"], None, &[])
    );
    // Reversed: [i64; 12] { shape: [12], strides: [-1] }
    let below = ui(include_str!("../ui-tests/tests/ui/below_zero.stderr"));
    assert_eq!(
        text(bounds(&[12], &[-1], 0, 12)),
        run_time_words(&below, &["Reversed"], None, &[])
    );
    // Empty: [i64; 10] { shape: [0, 5], strides: [1000, -1000], offset: 11 }
    let empty = ui(include_str!("../ui-tests/tests/ui/empty_offset_outside.stderr"));
    assert_eq!(
        text(bounds(&[0, 5], &[1000, -1000], 11, 10)),
        run_time_words(&empty, &["Empty"], None, &[])
    );
    // Wrapping: [u8; 10] { shape: [5], strides: [4611686018427387905] } (64 bits: the stride is
    // no isize of a 32-bit target)
    #[cfg(target_pointer_width = "64")]
    {
        let overflow = ui(include_str!("../ui-tests/tests/ui/overflow.stderr"));
        assert_eq!(
            text(bounds(&[5], &[4611686018427387905], 0, 10)),
            run_time_words(&overflow, &["Wrapping"], None, &[])
        );
    }
    // Repeated: [i64; 2] { shape: [2, 3], byte_strides: [16, 0] }
    let past_end = ui(include_str!("../ui-tests/tests/ui/repeat_past_end.stderr"));
    assert_eq!(
        text(DynLayout::from_numpy([2, 3], [16, 0], 0, 8, 16).unwrap_err()),
        run_time_words(&past_end, &["Repeated"], None, &[])
    );
    // Scalar: [i64; 0] { shape: [] }
    let scalar = ui(include_str!("../ui-tests/tests/ui/fuzz_rank_zero_empty_buffer.stderr"));
    assert_eq!(
        text(bounds(&[], &[], 0, 0)),
        run_time_words(&scalar, &["Scalar"], None, &[])
    );
    // Scaled: [i64; 12] { shape: [N, 3], strides: [3, N as isize] }, N = 4 (const evaluation's text)
    let scaled = ui(include_str!("../ui-tests/tests/ui/named_constant_out_of_bounds.stderr"));
    assert_eq!(
        text(bounds(&[4, 3], &[3, 4], 0, 12)),
        run_time_words(&scaled, &["Scaled"], None, &[])
    );
    // Every2<3>: [_; 3] { shape: [3], strides: [2] } (a generic instantiation, under cargo build)
    let every2 = ui(include_str!("../ui-tests/tests/build/fail_generic_bounds.stderr"));
    assert_eq!(
        text(bounds(&[3], &[2], 0, 3)),
        run_time_words(&every2, &["Every2<3>"], None, &[])
    );

    // mut Overlapping: [i64; 12] { shape: [4, 3], byte_strides: [16, 16] }
    let overlapping = ui(include_str!("../ui-tests/tests/ui/writable_overlapping.stderr"));
    let layout = DynLayout::from_numpy([4, 3], [16, 16], 0, 8, 96).unwrap();
    assert_eq!(
        text(layout.writable().unwrap_err()),
        run_time_words(&overlapping, &["Overlapping"], None, &[])
    );
    // mut Repeated: [i64; 2] { shape: [2, 8], strides: [1, 0] }
    let repeated = ui(include_str!("../ui-tests/tests/ui/writable_repeat.stderr"));
    let layout = DynLayout::new([2, 8], [1, 0], 0, 2).unwrap();
    assert_eq!(
        text(layout.writable().unwrap_err()),
        run_time_words(&repeated, &["Repeated"], None, &[])
    );
    // mut Windows: [i64; N + W - 1] { shape: [N, W], strides: [1, 1] }, N = 4, W = 3
    let windows = ui(include_str!("../ui-tests/tests/ui/named_constant_not_unique.stderr"));
    let layout = DynLayout::new([4, 3], [1, 1], 0, 6).unwrap();
    assert_eq!(
        text(layout.writable().unwrap_err()),
        run_time_words(&windows, &["Windows"], None, &[])
    );
    // mut Rows<2>: [_; 8] { shape: [2, 4], strides: [S, 1] }, S = 2
    let rows = ui(include_str!(
        "../ui-tests/tests/build/fail_generic_mut_not_unique.stderr"
    ));
    let layout = DynLayout::new([2, 4], [2, 1], 0, 8).unwrap();
    assert_eq!(
        text(layout.writable().unwrap_err()),
        run_time_words(&rows, &["Rows<2>"], None, &[])
    );

    // split Both = (Even [6] strides [2], Thirds [4] strides [3]) of 12
    let both = ui(include_str!("../ui-tests/tests/ui/split_overlap.stderr"));
    let even = DynLayout::new([6], [2], 0, 12).unwrap();
    let thirds = DynLayout::new([4], [3], 0, 12).unwrap();
    let expected = run_time_words(&both, &[], Some("Both"), &["Even", "Thirds"]);
    assert_eq!(text(even.disjoint(&thirds).unwrap_err()), expected);
    let split = DynSplit::new([even.writable().unwrap(), thirds.writable().unwrap()]);
    assert_eq!(text(split.unwrap_err()), expected);
    // split Halves<1> = (Low<1> [4] offset 1, High<1> [4] offset 4) of 8
    let halves = ui(include_str!(
        "../ui-tests/tests/build/fail_generic_split_overlap.stderr"
    ));
    let low = DynLayout::new([4], [1], 1, 8).unwrap();
    let high = DynLayout::new([4], [1], 4, 8).unwrap();
    assert_eq!(
        text(low.disjoint(&high).unwrap_err()),
        run_time_words(&halves, &[], Some("Halves<1>"), &["Low<1>", "High<1>"])
    );

    // Straddling: [i64; 12] { shape: [4], byte_strides: [12] }; the run-time
    // text names the axis.
    let straddling = ui(include_str!("../ui-tests/tests/ui/byte_stride_not_multiple.stderr"));
    let expected = run_time_words(&straddling, &["Straddling"], None, &[]).replace("12 is", "12 (axis 0) is");
    assert_eq!(text(DynLayout::from_numpy([4], [12], 0, 8, 96).unwrap_err()), expected);
}

/// (2d) Budgets: with const evaluation's budget, the layout of
/// `fail_generic_undecided` gets const evaluation's verdict and numbers
/// ("could not be proven unique"); the default budget finds its collision.
#[test]
fn const_evaluations_budget_gives_its_verdict() {
    let shape = [5; 10];
    let strides = [
        998485, 996580, 919166, 715917, 686963, 632510, 588269, 574354, 573780, 299126,
    ];
    let layout = DynLayout::new(shape, strides, 0, 27940601).unwrap();
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    // Const evaluation's 2^16 nodes (Miri gets through 2^10, which run out too).
    let work = if MIRI {
        1 << 10
    } else {
        256 * CONST_SCRATCH_WORDS as u64
    };
    let error = layout.writable_in(&mut scratch, work).unwrap_err();
    assert!(error.is_budget_exhausted());
    assert_eq!(
        error,
        DynError::NotUnique(Uniqueness::Undecided {
            positions: 27940601,
            capacity: CONST_SCRATCH_WORDS * 64
        })
    );
    let sparse = compile_time_text(include_str!("../ui-tests/tests/build/fail_generic_undecided.stderr"));
    let words = run_time_words(sparse, &["Sparse<1>"], None, &[]);
    let (common_words, _const_advice) = words.split_at(words.find("deciding. ").unwrap() + "deciding. ".len());
    assert_eq!(
        assert_text(&error),
        format!(
            "{common_words}That was the whole budget of the check (it never guesses): pass a larger scratch \
             space or work budget to `writable_in`, or make a read-only view instead"
        )
    );
    if !MIRI {
        let Err(DynError::NotUnique(Uniqueness::Collision(c))) = layout.writable() else {
            panic!("the default budget decides it");
        };
        assert!(c.first != c.second && common::inside(&shape, c.first.as_slice()));
        assert_eq!(common::reach(&strides, 0, c.first.as_slice()), c.element);
        assert_eq!(common::reach(&strides, 0, c.second.as_slice()), c.element);
    }
}

/// (2e) Beyond the default budget: a unique layout of 16 axes of extent 2
/// whose strides are the Conway-Guy set (distinct subset sums, not nested)
/// spans 258899 positions and keeps the search busy past 2^20 nodes: an
/// error, never a guess; a bitset over its span decides it, as does brute force.
#[test]
fn budget_exhaustion_is_an_error_and_a_larger_budget_decides() {
    let strides = [
        8498, 12821, 15021, 16141, 16711, 16996, 17144, 17221, 17261, 17281, 17292, 17298, 17301, 17303, 17304, 17305,
    ];
    let layout = DynLayout::new([2; 16], strides, 0, 258899).unwrap();
    let undecided = DynError::NotUnique(Uniqueness::Undecided {
        positions: 258899,
        capacity: if MIRI { 256 } else { DYN_SCRATCH_WORDS * 64 },
    });
    if MIRI {
        // The same path, with a budget Miri gets through.
        assert_eq!(layout.writable_in(&mut [0; 4], 1 << 10), Err(undecided));
    } else {
        assert_eq!(layout.writable(), Err(undecided));
        assert!(undecided.is_budget_exhausted());
        let mut scratch = vec![0u64; 258899usize.div_ceil(64)];
        assert!(layout.writable_in(&mut scratch, 0).is_ok());
        assert_eq!(common::first_repeat(&[2; 16], &strides, 0), None);
    }
    // The same budget for disjointness: the layout against its shift by
    // one (disjoint iff no two subset sums differ by 1, which they do).
    let shifted = DynLayout::new([2; 16], strides, 1, 258900).unwrap();
    let mut scratch = [0u64; 4];
    let verdict = layout.disjoint_in(&shifted, &mut scratch, 1 << 10);
    match verdict {
        Err(
            error @ DynError::Overlap {
                verdict: Overlap::Undecided { .. },
                ..
            },
        ) => {
            assert!(error.is_budget_exhausted());
            assert!(assert_text(&error).contains("could not be proven disjoint"));
        }
        Err(DynError::Overlap {
            verdict: Overlap::Shared(s),
            ..
        }) => {
            assert_eq!(common::reach(&strides, 0, s.first.as_slice()), s.element as i128);
            assert_eq!(common::reach(&strides, 1, s.second.as_slice()), s.element as i128);
        }
        other => panic!("{other:?}"),
    }
}

// ---- 3. Fuzz: extreme integers ----------------------------------------------

fn extreme_usize() -> impl Strategy<Value = usize> {
    let max = isize::MAX as usize;
    prop_oneof![
        4 => 0usize..=4,
        1 => Just(usize::MAX),
        1 => Just(usize::MAX - 1),
        1 => Just(max),
        1 => Just(max + 1),
        1 => Just(max - 1),
        1 => Just(1 << (usize::BITS / 2)),
        1 => Just((1 << (usize::BITS / 2)) - 1),
        1 => Just(1 << (usize::BITS - 2)),
        1 => Just((1 << (usize::BITS - 2)) + 1),
        2 => any::<usize>(),
        2 => 0usize..=1000,
    ]
}

fn extreme_isize() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => -4isize..=4,
        1 => Just(isize::MIN),
        1 => Just(isize::MIN + 1),
        1 => Just(isize::MAX),
        1 => Just(isize::MAX - 1),
        1 => Just(1 << (isize::BITS / 2)),
        1 => Just(-(1 << (isize::BITS / 2))),
        1 => Just(1 << (isize::BITS - 2)),
        1 => Just(-(1 << (isize::BITS - 2))),
        1 => Just((1 << (isize::BITS - 2)) + 1),
        1 => Just(-(1 << (isize::BITS - 2)) - 1),
        2 => any::<isize>(),
        2 => -1000isize..=1000,
    ]
}

fn extreme_elem() -> impl Strategy<Value = usize> {
    prop_oneof![
        1 => Just(0usize),
        4 => prop::sample::select(vec![1usize, 2, 3, 4, 8, 16]),
        1 => Just(usize::MAX),
        1 => Just(1 << (usize::BITS / 2)),
        1 => any::<usize>(),
    ]
}

/// The element rule in exact arithmetic, as `DynLayout::new` documents it.
fn element_rule(shape: &[usize], strides: &[isize], offset: usize, len: usize) -> Option<(i128, i128)> {
    if len > isize::MAX as usize {
        return None;
    }
    if shape.contains(&0) {
        return (offset <= len).then_some((1, 0));
    }
    let mut size: u128 = 1;
    let (mut low, mut high) = (offset as i128, offset as i128);
    for (&n, &s) in shape.iter().zip(strides) {
        size = size.checked_mul(n as u128)?;
        let term = (s as i128).checked_mul(n as i128 - 1)?;
        if term < 0 {
            low = low.checked_add(term)?;
        } else {
            high = high.checked_add(term)?;
        }
    }
    (size <= isize::MAX as u128 && low >= 0 && high < len as i128).then_some((low, high))
}

/// Every constructor and check on extreme numbers: the verdicts of the exact
/// rules, real witnesses, texts, and no panic anywhere.
fn fuzz_case<const R: usize>(
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    len: usize,
    elem: usize,
    nbytes: usize,
) {
    let case = format!("{shape:?} {strides:?} {offset} in {len}");
    let verdict = DynLayout::<R>::new(arr(shape), arr(strides), offset, len);
    match (verdict, element_rule(shape, strides, offset, len)) {
        (Ok(layout), Some((low, high))) => {
            if layout.is_empty() {
                assert_eq!((layout.lowest(), layout.highest(), layout.size()), (None, None, 0));
                assert_eq!(layout.required_len(), offset);
            } else {
                assert_eq!(
                    (layout.lowest(), layout.highest()),
                    (Some(low as usize), Some(high as usize)),
                    "{case}"
                );
                assert_eq!(layout.element([0; R]), Some(offset));
                let corner = |negative: bool| -> [usize; R] {
                    core::array::from_fn(|k| if (strides[k] < 0) == negative { shape[k] - 1 } else { 0 })
                };
                assert_eq!(layout.element(corner(true)).map(|e| e as i128), Some(low), "{case}");
                assert_eq!(layout.element(corner(false)).map(|e| e as i128), Some(high), "{case}");
            }
            fuzz_checks(&layout, &case);
        }
        (Err(error), None) => {
            assert!(matches!(error, DynError::Bounds(..)), "{case}: {error:?}");
            assert_text(&error);
        }
        (verdict, rule) => panic!("{case}: {verdict:?}, the exact rule says {rule:?}"),
    }
    // The same numbers as NumPy's bytes, in NumPy's rule.
    check_from_numpy::<R>(shape, strides, offset, elem, nbytes);
}

/// The checks that follow a layout: uniqueness and disjointness with the
/// default and with tiny budgets; answers with witnesses are real.
fn fuzz_checks<const R: usize>(layout: &DynLayout<R>, case: &str) {
    let (shape, strides, offset) = (layout.shape(), layout.strides(), layout.offset() as isize);
    let real = |c: &Collision| {
        assert!(common::inside(&shape, c.first.as_slice()) && common::inside(&shape, c.second.as_slice()));
        assert_ne!(c.first, c.second);
        assert_eq!(common::reach(&strides, offset, c.first.as_slice()), c.element, "{case}");
        assert_eq!(
            common::reach(&strides, offset, c.second.as_slice()),
            c.element,
            "{case}"
        );
    };
    let mut scratch = [0u64; 2];
    // Under Miri, the default budget's 2^20 search nodes would take hours on
    // the rare hard layout; the tiny budget walks the same paths.
    let default = if MIRI {
        layout.writable_in(&mut scratch, 64)
    } else {
        layout.writable()
    };
    let tiny = layout.writable_in(&mut scratch, 64);
    for verdict in [default, tiny] {
        match verdict {
            Ok(unique) => assert_eq!(unique.into_layout(), *layout),
            Err(error) => {
                match error {
                    DynError::NotUnique(Uniqueness::Collision(c)) => real(&c),
                    DynError::NotUnique(Uniqueness::Crowded { indices, positions }) => {
                        assert!(indices == layout.size() && indices as u128 > positions)
                    }
                    DynError::NotUnique(Uniqueness::Undecided { .. }) => assert!(error.is_budget_exhausted()),
                    other => panic!("{case}: {other:?}"),
                }
                assert_text(&error);
            }
        }
    }
    // Definite answers agree.
    match (default.is_ok(), tiny) {
        (true, Err(DynError::NotUnique(Uniqueness::Collision(_) | Uniqueness::Crowded { .. }))) => {
            panic!("{case}: unique and not unique")
        }
        (false, Ok(_)) if !default.unwrap_err().is_budget_exhausted() => panic!("{case}: not unique and unique"),
        _ => {}
    }
    // A layout shares every element with itself.
    let default = if MIRI {
        layout.disjoint_in(layout, &mut scratch, 64)
    } else {
        layout.disjoint(layout)
    };
    for verdict in [default, layout.disjoint_in(layout, &mut scratch, 64)] {
        match verdict {
            Ok(()) => assert!(layout.is_empty(), "{case} is disjoint from itself"),
            Err(error) => {
                match error {
                    DynError::Overlap {
                        verdict: Overlap::Shared(s),
                        ..
                    } => {
                        assert_eq!(common::reach(&strides, offset, s.first.as_slice()), s.element as i128);
                        assert_eq!(common::reach(&strides, offset, s.second.as_slice()), s.element as i128);
                    }
                    DynError::Overlap {
                        verdict: Overlap::Undecided { .. },
                        ..
                    } => assert!(error.is_budget_exhausted()),
                    other => panic!("{case}: {other:?}"),
                }
                assert_text(&error);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(6_000))]

    /// (3) Extreme integers: exact verdicts, no panic, errors only.
    #[test]
    fn extreme_integers_give_exact_verdicts_and_never_panic(
        (shape, strides) in (0usize..=4).prop_flat_map(|rank| (vec(extreme_usize(), rank), vec(extreme_isize(), rank))),
        offset in extreme_usize(),
        len in extreme_usize(),
        elem in extreme_elem(),
        nbytes in extreme_usize(),
    ) {
        with_rank!(shape.len(), fuzz_case(&shape, &strides, offset, len, elem, nbytes));
    }
}

/// (3) A case proptest found on 64-bit targets (2^63 and 2^62 + 1 there): the
/// reference rule's own sum of the offset and the highest byte (near 2^127)
/// overflowed `i128`; the layout is refused.
#[test]
fn extreme_integers_regression_offset_past_i128() {
    fuzz_case::<3>(
        &[1, isize::MAX as usize + 1, usize::MAX],
        &[0, isize::MAX, isize::MAX / 2 + 2],
        usize::MAX,
        0,
        1,
        isize::MAX as usize - 1,
    );
}

/// (3') Ranks at the limit: 32 axes work, 33 are refused by every constructor.
#[test]
fn ranks_at_the_limit() {
    let layout = DynLayout::new([1; 32], [isize::MIN; 32], 0, 1).unwrap();
    assert_eq!(
        (layout.size(), layout.required_len(), layout.element([0; 32])),
        (1, 1, Some(0))
    );
    assert!(layout.writable().is_ok());
    let refused = BoundsError::RankTooLarge { rank: 33 };
    assert!(matches!(DynLayout::new([1; 33], [0; 33], 0, 1), Err(DynError::Bounds(e, ..)) if e == refused));
    assert!(matches!(DynLayout::from_numpy([1; 33], [8; 33], 0, 8, 8), Err(DynError::Bounds(e, ..)) if e == refused));
    assert_eq!(
        assert_text(&DynLayout::new([1; 33], [0; 33], 0, 1).unwrap_err()),
        "run-time layout has rank 33; at most 32 axes are supported"
    );
}

// ---- 4. The Rust half of the NumPy differential run -------------------------

/// Reads the cases `tests/numpy_oracle/dynamic_cases.py` wrote to the file
/// named by `STRIDED_VIEW_NUMPY_CASES` and writes this crate's verdicts to
/// the file named by `STRIDED_VIEW_NUMPY_ANSWERS`, one line per case; the
/// script compares them with NumPy's. Does nothing when they are unset.
///
/// A case line: `ctor ID R n.. s.. OFFSET ITEMSIZE NBYTES` (byte strides and
/// offset), or `pair ID R nA.. sA.. OFFSET_A nB.. sB.. OFFSET_B ITEMSIZE
/// NBYTES` (two arrays of one buffer). Answers: `ID reject KIND`, `ID accept
/// unique|collision|crowded|undecided` (ctor), `ID accept
/// disjoint|shared|undecided` (pair). The budget is large (a bitset over the
/// whole span, up to 2^30 positions, and 2^26 search nodes): NumPy's exact
/// solvers have none.
#[test]
fn numpy_differential() {
    let (Ok(cases), Ok(answers)) = (
        std::env::var("STRIDED_VIEW_NUMPY_CASES"),
        std::env::var("STRIDED_VIEW_NUMPY_ANSWERS"),
    ) else {
        return;
    };
    let input = std::fs::read_to_string(&cases).expect("the case file");
    let mut output = String::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let rank: usize = words[2].parse().unwrap();
        let numbers: Vec<i128> = words[3..].iter().map(|w| w.parse().unwrap()).collect();
        let answer = match words[0] {
            "ctor" => with_rank!(rank, numpy_ctor(&numbers)),
            "pair" => with_rank!(rank, numpy_pair(&numbers)),
            kind => panic!("unknown case kind {kind}"),
        };
        output.push_str(&format!("{} {answer}\n", words[1]));
    }
    std::fs::write(&answers, output).expect("the answer file");
}

/// `n.. s.. offset`, then the rest.
fn numpy_numbers<const R: usize>(numbers: &[i128]) -> ([usize; R], [isize; R], usize, &[i128]) {
    let shape = core::array::from_fn(|k| numbers[k] as usize);
    let strides = core::array::from_fn(|k| numbers[R + k] as isize);
    (shape, strides, numbers[2 * R] as usize, &numbers[2 * R + 1..])
}

fn numpy_layout<const R: usize>(
    shape: [usize; R],
    strides: [isize; R],
    offset: usize,
    rest: &[i128],
) -> Result<DynLayout<R>, String> {
    let (elem, nbytes) = (rest[0] as usize, rest[1] as usize);
    DynLayout::from_numpy(shape, strides, offset, elem, nbytes).map_err(|error| {
        let kind = match error {
            DynError::Bounds(..) => "bounds",
            DynError::Bytes { .. } => "bytes",
            DynError::TooBig { .. } => "too_big",
            DynError::BufferBytes { .. } => "buffer",
            _ => "other",
        };
        format!("reject {kind}")
    })
}

fn large_scratch(span: usize) -> Vec<u64> {
    vec![0u64; span.div_ceil(64).clamp(1, 1 << 24)]
}

fn numpy_ctor<const R: usize>(numbers: &[i128]) -> String {
    let (shape, strides, offset, rest) = numpy_numbers::<R>(numbers);
    let layout = match numpy_layout(shape, strides, offset, rest) {
        Ok(layout) => layout,
        Err(reject) => return reject,
    };
    let verdict = layout.writable_in(&mut large_scratch(layout.required_span()), 1 << 26);
    let word = match verdict {
        Ok(_) => "unique",
        Err(DynError::NotUnique(Uniqueness::Collision(_))) => "collision",
        Err(DynError::NotUnique(Uniqueness::Crowded { .. })) => "crowded",
        Err(_) => "undecided",
    };
    format!("accept {word}")
}

fn numpy_pair<const R: usize>(numbers: &[i128]) -> String {
    let (shape_a, strides_a, offset_a, rest) = numpy_numbers::<R>(numbers);
    let (shape_b, strides_b, offset_b, rest) = numpy_numbers::<R>(rest);
    let (a, b) = match (
        numpy_layout(shape_a, strides_a, offset_a, rest),
        numpy_layout(shape_b, strides_b, offset_b, rest),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(reject), _) | (_, Err(reject)) => return reject,
    };
    let span = a.required_span().max(b.required_span()).max(a.buffer_len());
    let word = match a.disjoint_in(&b, &mut large_scratch(span), 1 << 26) {
        Ok(()) => "disjoint",
        Err(DynError::Overlap {
            verdict: Overlap::Shared(_),
            ..
        }) => "shared",
        Err(_) => "undecided",
    };
    format!("accept {word}")
}
