//! Run-time views (`DynView`, `DynViewMut`), their algebra, splits and
//! streams, against brute force:
//!
//! 1. reading: the elements reached by iteration (both ends, interleaved),
//!    indexing and the reductions, on random run-time layouts of a
//!    numbered buffer (element `e` holds `e`), against enumeration;
//! 2. the algebra: every operation on random views against the same
//!    operation applied to the numbers (`algebra::Strided`) and enumerated,
//!    errors included, for read-only and writable views (whose `windows` and
//!    `broadcast_to` are writable exactly when enumeration finds no repeat),
//!    and against the derived static layouts of the same operations;
//! 3. writing: a writable view, and each member of a run-time split, writes
//!    exactly its elements;
//! 4. streams of odd lengths (1, 2 N - 1, 2 N + 1, 1000 + 1, every length up
//!    to a few blocks): every sample visited once, by its channel; tails
//!    against the longest prefix found by enumeration;
//! 5. conversions between static and run-time views, both ways;
//! 6. `zip`, `map_into`, `copy_from`, `dot` and `contract` mixing static and
//!    run-time views, and the panics of a shape mismatch;
//! 7. extreme inputs (zero-sized elements, empty views, `usize::MAX`
//!    extents, `isize::MIN` strides, extreme algebra arguments): errors,
//!    never a panic or an element outside the operand.
//!
//! Under Miri the random suites run four small cases each.

// `DynError` carries its witness by value (no allocator); the helpers here
// return it as the views do.
#![allow(clippy::result_large_err)]

mod common;

use common::harness::{arr, config, MIRI};

use core::fmt::Debug;
use core::ops::RangeInclusive;

use proptest::collection::vec;
use proptest::prelude::*;
use strided_view::algebra::{AlgebraError, Op, Strided};
use strided_view::{
    contract, strided_view, zip, Chunk, DynError, DynLayout, DynSplit, DynView, DynViewMut, Field, Layout, LengthError,
    View,
};

/// A buffer whose element `e` holds `e`.
fn numbered(len: usize) -> Vec<i64> {
    (0..len as i64).collect()
}

/// Enumerated elements as buffer positions (they lie in the buffer).
fn positions(shape: &[usize], strides: &[isize], offset: isize) -> Vec<i64> {
    common::elements(shape, strides, offset)
        .into_iter()
        .map(|e| i64::try_from(e).expect("in the buffer"))
        .collect()
}

// ---- Strategies -------------------------------------------------------------

fn extent() -> impl Strategy<Value = usize> {
    let largest: usize = if MIRI { 3 } else { 5 };
    prop_oneof![1 => Just(0usize), 10 => 1..=largest]
}

fn shape_and_strides(ranks: RangeInclusive<usize>) -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    let (low, high) = (*ranks.start(), *ranks.end());
    let high = if MIRI { high.min(3) } else { high };
    (low..=high).prop_flat_map(|rank| (vec(extent(), rank), vec(-9isize..=9, rank)))
}

/// A run-time layout placed in bounds by construction: its lowest element is
/// `shift`, and the buffer `extra` elements longer than it needs.
#[derive(Clone, Debug)]
struct Placed {
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: usize,
    len: usize,
}

impl Placed {
    fn rank(&self) -> usize {
        self.shape.len()
    }

    fn layout<const R: usize>(&self) -> DynLayout<R> {
        DynLayout::new(arr(&self.shape), arr(&self.strides), self.offset, self.len).expect("placed in bounds")
    }

    fn elements(&self) -> Vec<i64> {
        positions(&self.shape, &self.strides, self.offset as isize)
    }
}

fn placed(ranks: RangeInclusive<usize>) -> impl Strategy<Value = Placed> {
    (shape_and_strides(ranks), 0usize..=6, 0usize..=4).prop_map(|((shape, strides), shift, extra)| {
        let (offset, required) = common::placed_at(&shape, &strides, shift);
        Placed {
            shape,
            strides,
            offset,
            len: required + extra,
        }
    })
}

// ---- 1. Reading -------------------------------------------------------------

fn check_read<const R: usize>(p: &Placed) {
    let data = numbered(p.len);
    let view = DynView::new(&data, p.layout::<R>()).unwrap();
    let expected = p.elements();
    let case = format!("{p:?}");

    assert_eq!(
        (view.shape().to_vec(), view.strides().to_vec()),
        (p.shape.clone(), p.strides.clone())
    );
    assert_eq!(
        (view.len(), view.is_empty()),
        (expected.len(), expected.is_empty()),
        "{case}"
    );
    if !expected.is_empty() {
        assert_eq!(view.as_ptr(), data[p.offset..].as_ptr(), "{case}");
    }
    let indices = common::indices(&p.shape);
    // Both directions, every element once.
    assert!(view.iter().copied().eq(expected.iter().copied()), "{case}");
    assert!(view.iter().rev().copied().eq(expected.iter().rev().copied()), "{case}");
    // From both ends at once, interleaved: the front takes a prefix, the back a suffix.
    let mut iter = view.iter();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    for k in 0.. {
        assert_eq!(iter.len(), expected.len() - front.len() - back.len());
        let next = if k % 3 == 1 {
            iter.next_back().map(|x| (false, x))
        } else {
            iter.next().map(|x| (true, x))
        };
        match next {
            Some((true, &x)) => front.push(x),
            Some((false, &x)) => back.push(x),
            None => break,
        }
    }
    back.reverse();
    front.extend(back);
    assert_eq!(front, expected, "{case}");
    // `nth` / `nth_back` jump (O(rank)) to the element `n` further on,
    // from either end, and stop where the other end is.
    for n in [0, 1, 2, 3, 5, 7, 11, usize::MAX] {
        let (mut iter, mut brute) = (view.iter(), expected.iter());
        loop {
            let (got, want) = (iter.nth(n).copied(), brute.nth(n).copied());
            assert_eq!(got, want, "{case}: nth({n})");
            assert_eq!(iter.len(), brute.len(), "{case}");
            let (got, want) = (iter.nth_back(n / 2).copied(), brute.nth_back(n / 2).copied());
            assert_eq!(got, want, "{case}: nth_back({})", n / 2);
            assert_eq!(iter.len(), brute.len(), "{case}");
            if want.is_none() {
                break;
            }
        }
        let (mut indexed, mut brute) = (view.indexed_iter(), indices.iter().zip(&expected));
        let (got, want) = (indexed.nth(n), brute.nth(n));
        assert_eq!(
            got.map(|(i, &x)| (i.to_vec(), x)),
            want.map(|(i, &x)| (i.clone(), x)),
            "{case}: indexed nth({n})"
        );
        assert_eq!(
            indexed.nth_back(n).map(|(i, &x)| (i.to_vec(), x)),
            brute.nth_back(n).map(|(i, &x)| (i.clone(), x)),
            "{case}: indexed nth_back({n})"
        );
    }
    assert_eq!(view.iter().count(), expected.len());
    assert_eq!(view.iter().last(), expected.last());
    // A partly consumed iterator's fold steps; a fresh one walks.
    let mut partial = view.iter();
    partial.next();
    let mix = |acc: i64, x: i64| acc.wrapping_mul(3).wrapping_add(x);
    assert_eq!(
        partial.fold(0i64, |acc, &x| mix(acc, x)),
        expected.iter().skip(1).fold(0, |acc, &x| mix(acc, x))
    );

    let indexed: Vec<([usize; R], i64)> = view.indexed_iter().map(|(i, &x)| (i, x)).collect();
    assert_eq!(indexed.len(), indices.len());
    for ((index, x), (brute, &e)) in indexed.iter().zip(indices.iter().zip(&expected)) {
        assert_eq!((&index[..], *x), (&brute[..], e), "{case}");
        assert_eq!(view.get(*index), Some(&e));
        assert_eq!(view[*index], e);
    }
    // Outside the shape on each axis.
    for axis in 0..R {
        let mut outside = [0usize; R];
        outside[axis] = p.shape[axis];
        assert_eq!(view.get(outside), None, "{case}");
    }

    // The reductions.
    assert_eq!(view.sum(), expected.iter().sum::<i64>(), "{case}");
    assert_eq!(view.min(), expected.iter().min().copied());
    assert_eq!(view.max(), expected.iter().max().copied());
    assert_eq!(
        view.fold(1i64, |acc, &x| mix(acc, x)),
        expected.iter().fold(1, |acc, &x| mix(acc, x))
    );
    assert_eq!(view.dot(view), expected.iter().map(|x| x * x).sum::<i64>());
    let mut seen = Vec::new();
    view.for_each(|&x| seen.push(x));
    assert_eq!(seen, expected);
    assert_eq!(view.iter().sum::<i64>(), expected.iter().sum::<i64>());
    assert!(view == DynView::new(&data, p.layout::<R>()).unwrap());
}

// ---- 2. The algebra ---------------------------------------------------------

/// One operation with its arguments, as the tests draw it.
#[derive(Clone, Debug)]
enum Draw {
    T,
    Permute(Vec<usize>),
    SwapAxes(usize, usize),
    Flip(usize),
    Slice(usize, Option<isize>, Option<isize>, isize),
    Index(usize, isize),
    Diagonal(isize, usize, usize),
    NewAxis(usize),
    Windows(Vec<usize>),
    BroadcastTo(Vec<usize>),
    Reshape(Vec<isize>),
}

impl Draw {
    fn op(&self) -> Op<'_> {
        match self {
            Draw::T => Op::T,
            Draw::Permute(axes) => Op::Permute(axes),
            Draw::SwapAxes(a, b) => Op::SwapAxes(*a, *b),
            Draw::Flip(axis) => Op::Flip(*axis),
            Draw::Slice(axis, start, stop, step) => Op::Slice {
                axis: *axis,
                start: *start,
                stop: *stop,
                step: *step,
            },
            Draw::Index(axis, index) => Op::Index(*axis, *index),
            Draw::Diagonal(offset, axis1, axis2) => Op::Diagonal {
                offset: *offset,
                axis1: *axis1,
                axis2: *axis2,
            },
            Draw::NewAxis(axis) => Op::NewAxis(*axis),
            Draw::Windows(window) => Op::Windows(window),
            Draw::BroadcastTo(shape) => Op::BroadcastTo(shape),
            Draw::Reshape(shape) => Op::Reshape(shape),
        }
    }
}

fn draw(rank: usize) -> impl Strategy<Value = Draw> {
    let axis = 0..=rank; // one past the last: an error too
    let small = -6isize..=6;
    let bound = prop::option::of(-7isize..=7);
    prop_oneof![
        Just(Draw::T),
        Just((0..rank).rev().collect::<Vec<_>>()).prop_map(Draw::Permute),
        Just((0..rank).collect::<Vec<_>>())
            .prop_shuffle()
            .prop_map(Draw::Permute),
        vec(0..=rank, rank).prop_map(Draw::Permute),
        (axis.clone(), axis.clone()).prop_map(|(a, b)| Draw::SwapAxes(a, b)),
        axis.clone().prop_map(Draw::Flip),
        (
            axis.clone(),
            bound.clone(),
            bound,
            prop_oneof![Just(1isize), Just(-1), -3isize..=3]
        )
            .prop_map(|(a, s, e, k)| Draw::Slice(a, s, e, k)),
        (axis.clone(), small.clone()).prop_map(|(a, i)| Draw::Index(a, i)),
        (small, axis.clone(), axis.clone()).prop_map(|(k, a, b)| Draw::Diagonal(k, a, b)),
        (0..=rank + 1).prop_map(Draw::NewAxis),
        vec(0usize..=4, rank).prop_map(Draw::Windows),
        (0usize..=2)
            .prop_flat_map(move |lead| vec(0usize..=4, rank + lead))
            .prop_map(Draw::BroadcastTo),
        (0usize..=3)
            .prop_flat_map(|q| vec(-1isize..=6, q))
            .prop_map(Draw::Reshape),
    ]
}

/// The rank of the result of `draw` on rank `rank`, when it succeeds.
fn result_rank(draw: &Draw, rank: usize) -> usize {
    match draw {
        Draw::Index(..) | Draw::Diagonal(..) => rank.wrapping_sub(1),
        Draw::NewAxis(_) => rank + 1,
        Draw::Windows(_) => 2 * rank,
        Draw::BroadcastTo(shape) => shape.len(),
        Draw::Reshape(shape) => shape.len(),
        _ => rank,
    }
}

/// The result of an operation: of the operand's rank, or of another.
enum Out<A, B> {
    Same(A),
    Other(B),
}

/// The operation through the methods of a run-time view (`$view`: a
/// `DynView` or a `DynViewMut`), a rank-changing one as a view of rank `Q`.
macro_rules! apply {
    ($view:expr, $draw:expr, $q:tt) => {{
        let (view, draw) = ($view, $draw);
        match draw {
            Draw::T => Ok(Out::Same(view.t())),
            Draw::Permute(axes) => match axes[..].try_into() {
                Ok(axes) => view.permute(axes).map(Out::Same),
                Err(_) => Err(DynError::Algebra {
                    op: "permute",
                    error: AlgebraError::NotAPermutation { rank: R },
                }),
            },
            Draw::SwapAxes(a, b) => view.swap_axes(*a, *b).map(Out::Same),
            Draw::Flip(axis) => view.flip(*axis).map(Out::Same),
            Draw::Slice(axis, start, stop, step) => match (start, stop) {
                (Some(s), Some(e)) if s <= e => view.slice_step(*axis, *s..*e, *step),
                (Some(s), Some(e)) => view.slice_step(*axis, (*s, *e), *step),
                (Some(s), None) => view.slice_step(*axis, *s.., *step),
                (None, Some(e)) => view.slice_step(*axis, ..*e, *step),
                (None, None) => view.slice_step(*axis, (None, None), *step),
            }
            .map(Out::Same),
            Draw::Index(axis, index) => view.index::<$q>(*axis, *index).map(Out::Other),
            Draw::Diagonal(offset, axis1, axis2) => view.diagonal::<$q>(*offset, *axis1, *axis2).map(Out::Other),
            Draw::NewAxis(axis) => view.new_axis::<$q>(*axis).map(Out::Other),
            Draw::Windows(window) => view.windows::<$q>(arr(window)).map(Out::Other),
            Draw::BroadcastTo(shape) => view.broadcast_to::<$q>(arr(shape)).map(Out::Other),
            Draw::Reshape(shape) => view.reshape::<$q>(arr(shape)).map(Out::Other),
        }
    }};
}

/// What the algebra says, applied to the numbers: the result, or its error.
fn expected_result(p: &Placed, draw: &Draw) -> Result<Strided, AlgebraError> {
    let strided = Strided::new(&p.shape, &p.strides, p.offset as isize).unwrap();
    match draw {
        // The method takes `[usize; R]`: a list of another length is refused
        // by the type; the test says `NotAPermutation` for it.
        Draw::Permute(axes) if axes.len() != p.rank() => Err(AlgebraError::NotAPermutation { rank: p.rank() }),
        _ => draw.op().apply(strided),
    }
}

/// A read-only result against the algebra's numbers and enumeration.
fn verify_view<const S: usize>(
    result: &DynView<'_, i64, S>,
    expected: &Strided,
    operand: &[i64],
    data: &[i64],
    case: &str,
) {
    assert_eq!(&result.shape()[..], expected.shape(), "{case}");
    assert_eq!(&result.strides()[..], expected.strides(), "{case}");
    let elements = positions(expected.shape(), expected.strides(), expected.offset());
    assert!(result.iter().copied().eq(elements.iter().copied()), "{case}");
    assert!(
        result.iter().rev().copied().eq(elements.iter().rev().copied()),
        "{case}"
    );
    // Every element of the result is one of the operand's.
    assert!(elements.iter().all(|e| operand.contains(e)), "{case}");
    if !elements.is_empty() {
        assert_eq!(result.as_ptr(), data[expected.offset() as usize..].as_ptr(), "{case}");
    }
}

fn check_algebra<const R: usize, const Q: usize>(p: &Placed, draw: &Draw) {
    let data = numbered(p.len);
    let view = DynView::new(&data, p.layout::<R>()).unwrap();
    let case = format!("{draw:?} on {p:?}");
    let operand = p.elements();
    let expected = expected_result(p, draw);
    match (expected, apply!(view, draw, Q)) {
        (Ok(expected), Ok(Out::Same(result))) => verify_view(&result, &expected, &operand, &data, &case),
        (Ok(expected), Ok(Out::Other(result))) => verify_view(&result, &expected, &operand, &data, &case),
        (Err(expected), Err(DynError::Algebra { error, .. })) => assert_eq!(error, expected, "{case}"),
        (expected, result) => panic!("{case}: expected {expected:?}, got {:?}", result.err()),
    }
    // Asking for a rank no operation gives (7) is an error naming both.
    if expected_result(p, draw).is_ok() {
        if let Draw::Index(..) | Draw::Diagonal(..) | Draw::NewAxis(_) | Draw::Windows(_) = draw {
            let view = DynView::new(&data, p.layout::<R>()).unwrap();
            match apply!(view, draw, 7) {
                Err(DynError::Rank { rank, expected: 7, .. }) => assert_eq!(rank, Q, "{case}"),
                Ok(_) => panic!("{case}: a view of rank 7"),
                Err(error) => panic!("{case}: {error}"),
            }
        }
    }
}

/// A writable result: unique, reaching the enumerated elements, and
/// writing exactly those.
fn verify_mut<const S: usize>(mut result: DynViewMut<'_, i64, S>, expected: &Strided, case: &str) -> Vec<i64> {
    let elements = positions(expected.shape(), expected.strides(), expected.offset());
    assert_eq!(
        common::first_repeat(expected.shape(), expected.strides(), expected.offset()),
        None,
        "{case}: a writable view that repeats an element"
    );
    assert!(result.iter().copied().eq(elements.iter().copied()), "{case}");
    for x in result.iter_mut() {
        *x = -1 - *x;
    }
    elements
}

fn check_algebra_mut<const R: usize, const Q: usize>(p: &Placed, draw: &Draw) {
    if common::first_repeat(&p.shape, &p.strides, p.offset as isize).is_some() {
        return;
    }
    let mut data = numbered(p.len);
    let view = DynViewMut::new(&mut data, p.layout::<R>().writable().unwrap()).unwrap();
    let case = format!("{draw:?} on writable {p:?}");
    let written = match (expected_result(p, draw), apply!(view, draw, Q)) {
        (Ok(expected), Ok(Out::Same(result))) => verify_mut(result, &expected, &case),
        (Ok(expected), Ok(Out::Other(result))) => verify_mut(result, &expected, &case),
        (Ok(expected), Err(DynError::NotUnique(_))) => {
            assert!(
                matches!(draw, Draw::Windows(_) | Draw::BroadcastTo(_)),
                "{case}: an injective operation refused"
            );
            assert!(
                common::first_repeat(expected.shape(), expected.strides(), expected.offset()).is_some(),
                "{case}: refused a unique result"
            );
            Vec::new()
        }
        (Err(expected), Err(DynError::Algebra { error, .. })) => {
            assert_eq!(error, expected, "{case}");
            Vec::new()
        }
        (expected, result) => panic!("{case}: expected {expected:?}, got {:?}", result.err()),
    };
    for (e, &x) in data.iter().enumerate() {
        let reached = written.contains(&(e as i64));
        assert_eq!(x, if reached { -1 - e as i64 } else { e as i64 }, "{case}: element {e}");
    }
}

/// `$check::<R, Q>` for the rank `R` of `p` and the result rank `Q` of `draw`.
fn dispatch_algebra(p: &Placed, draw: &Draw, writable: bool) {
    let q = result_rank(draw, p.rank());
    macro_rules! go {
        ($r:literal, $q:literal) => {
            if writable {
                check_algebra_mut::<$r, $q>(p, draw)
            } else {
                check_algebra::<$r, $q>(p, draw)
            }
        };
    }
    macro_rules! results {
        ($r:literal) => {
            match q {
                0 => go!($r, 0),
                1 => go!($r, 1),
                2 => go!($r, 2),
                3 => go!($r, 3),
                4 => go!($r, 4),
                5 => go!($r, 5),
                6 => go!($r, 6),
                8 => go!($r, 8),
                // `index` of rank 0: fails; any `Q` will do.
                _ => go!($r, $r),
            }
        };
    }
    match p.rank() {
        0 => results!(0),
        1 => results!(1),
        2 => results!(2),
        3 => results!(3),
        4 => results!(4),
        rank => panic!("rank {rank} is not dispatched"),
    }
}

// ---- 3. Writing -------------------------------------------------------------

fn check_write<const R: usize>(p: &Placed) {
    let unique = common::first_repeat(&p.shape, &p.strides, p.offset as isize).is_none();
    let layout = p.layout::<R>();
    assert_eq!(layout.writable().is_ok(), unique, "{p:?}");
    let Ok(layout) = layout.writable() else { return };
    let elements = p.elements();
    let mut data = numbered(p.len);
    let mut view = DynViewMut::new(&mut data, layout).unwrap();
    for (k, x) in view.iter_mut().enumerate() {
        *x = 1000 + k as i64;
    }
    for (e, &x) in data.iter().enumerate() {
        match elements.iter().position(|&reached| reached == e as i64) {
            Some(k) => assert_eq!(x, 1000 + k as i64, "{p:?}: element {e}"),
            None => assert_eq!(x, e as i64, "{p:?}: element {e} is not the view's"),
        }
    }
    // Writing by index, from the back, by `fill_with`, `copy_from` and `swap`.
    let mut data = numbered(p.len);
    let mut view = DynViewMut::new(&mut data, layout).unwrap();
    for (index, brute) in common::indices(&p.shape).iter().zip(&elements) {
        let index: [usize; R] = arr(index);
        assert_eq!(*view.get_mut(index).unwrap(), *brute);
        view[index] = -view[index];
    }
    for x in view.iter_mut().rev().take(2) {
        *x -= 1;
    }
    // `nth` / `nth_back` of the writable iterator: every third element from
    // the front, every second of what is left from the back, all held at once.
    let mut held = Vec::new();
    let mut iter = view.iter_mut();
    while let Some(x) = iter.nth(2) {
        held.push(x);
        if let Some(y) = iter.nth_back(1) {
            held.push(y);
        }
    }
    let count = held.len();
    for x in held {
        *x = 0;
    }
    let mut brute: Vec<usize> = Vec::new();
    let (mut front, mut back) = (0usize, elements.len());
    while front + 2 < back {
        brute.push(front + 2);
        front += 3;
        if front + 1 < back {
            brute.push(back - 2);
            back -= 2;
        } else {
            back = front;
        }
    }
    assert_eq!(count, brute.len(), "{p:?}");
    for k in brute {
        assert_eq!(data_at(&view, k), 0, "{p:?}: element {k} of the walk");
    }
    let source = numbered(p.len);
    view.copy_from(DynView::new(&source, p.layout::<R>()).unwrap());
    assert!(view.iter().copied().eq(elements.iter().copied()));
    let mut next = 0;
    view.fill_with(|| {
        next += 1;
        next
    });
    assert!(view.iter().copied().eq(1..=elements.len() as i64));
    if elements.len() >= 2 {
        let last: [usize; R] = arr(&p.shape.iter().map(|n| n - 1).collect::<Vec<_>>());
        view.swap([0; R], last);
        assert_eq!((view[[0; R]], view[last]), (elements.len() as i64, 1));
    }
    for (index, x) in view.indexed_iter_mut() {
        *x = index.iter().sum::<usize>() as i64;
    }
    assert!(view
        .iter()
        .copied()
        .eq(common::indices(&p.shape).iter().map(|i| i.iter().sum::<usize>() as i64)));
}

/// The element of C-order number `k` of `view`.
fn data_at<const R: usize>(view: &DynViewMut<'_, i64, R>, k: usize) -> i64 {
    *view.iter().nth(k).expect("inside the view")
}

/// A split of random members placed in one buffer: made exactly when
/// enumeration finds them unique and disjoint; each view writes its own
/// elements only.
fn check_split<const R: usize>(members: &[Placed]) {
    let len = members.iter().map(|m| m.len).max().unwrap_or(0);
    let mut layouts = Vec::new();
    for m in members {
        match DynLayout::<R>::new(arr(&m.shape), arr(&m.strides), m.offset, m.len)
            .unwrap()
            .writable()
        {
            Ok(layout) => layouts.push(layout),
            Err(_) => return,
        }
    }
    let sets: Vec<Vec<i64>> = members.iter().map(Placed::elements).collect();
    let disjoint = (0..sets.len()).all(|i| (i + 1..sets.len()).all(|j| sets[i].iter().all(|e| !sets[j].contains(e))));
    let [a, b, c] = [layouts[0], layouts[1], layouts[2]];
    let split = match DynSplit::new([a, b, c]) {
        Ok(split) => split,
        Err(_) => {
            assert!(!disjoint, "refused disjoint members {members:?}");
            return;
        }
    };
    assert!(disjoint, "split of overlapping members {members:?}");
    let mut data = vec![0i64; len];
    if len > 0 && split.required_len() == len {
        assert!(matches!(
            split.split(&mut data[..len - 1]),
            Err(DynError::BufferLen { .. })
        ));
    }
    let views = split.split(&mut data).unwrap();
    for (k, mut view) in views.into_iter().enumerate() {
        view.fill(k as i64 + 1);
    }
    for (e, &x) in data.iter().enumerate() {
        let owner = sets.iter().position(|set| set.contains(&(e as i64)));
        assert_eq!(x, owner.map_or(0, |k| k as i64 + 1), "element {e} of {members:?}");
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn reading_agrees_with_enumeration(p in placed(0..=4)) {
        with_rank!(p.rank(), check_read(&p));
    }

    #[test]
    fn algebra_agrees_with_the_numbers((p, draw) in placed(0..=4).prop_flat_map(|p| {
        let rank = p.rank();
        (Just(p), draw(rank))
    })) {
        dispatch_algebra(&p, &draw, false);
    }

    #[test]
    fn writable_algebra_stays_unique((p, draw) in placed(0..=3).prop_flat_map(|p| {
        let rank = p.rank();
        (Just(p), draw(rank))
    })) {
        dispatch_algebra(&p, &draw, true);
    }

    #[test]
    fn writable_views_write_their_elements(p in placed(0..=4)) {
        with_rank!(p.rank(), check_write(&p));
    }

    #[test]
    fn split_members_write_their_elements(
        (rank, members) in (1usize..=3).prop_flat_map(|rank| (Just(rank), vec(placed(rank..=rank), 3)))
    ) {
        with_rank!(rank, check_split(&members));
    }
}

// ---- The algebra against static derived layouts ------------------------------

strided_view! {
    Cube: [i64; 60] { shape: [3, 4, 5] }
    CubeT = Cube.t();
    CubePermuted = Cube.permute([2, 0, 1]);
    CubeFlipped = Cube.flip(1);
    CubeSliced = Cube.slice(2, 1..-1, 2);
    CubeBackwards = Cube.slice(0, .., -1);
    CubeRow = Cube.index(1, -1);
    CubeDiagonal = Cube.diagonal(1, 1, 2);
    CubeReshaped = Cube.reshape([12, -1]);
    CubeWindows = Cube.windows([2, 2, 2]);
    CubeNew = Cube.new_axis(3);
    Line: [i64; 5] { shape: [5], strides: [-1], offset: 4 }
    LineBroadcast = Line.broadcast_to([3, 5]);
}

#[test]
fn algebra_agrees_with_static_derived_layouts() {
    let data = numbered(60);
    let array: [i64; 60] = data[..].try_into().unwrap();
    let cube = Cube::view(&array);
    let dynamic = cube.into_dyn();
    assert!(dynamic.t() == CubeT::of(cube));
    assert!(dynamic.permute([2, 0, 1]).unwrap() == CubePermuted::of(cube));
    assert!(dynamic.flip(1).unwrap() == CubeFlipped::of(cube));
    assert!(dynamic.slice_step(2, (1, -1), 2).unwrap() == CubeSliced::of(cube));
    assert!(dynamic.slice_step(0, .., -1).unwrap() == CubeBackwards::of(cube));
    assert!(dynamic.index::<2>(1, -1).unwrap() == CubeRow::of(cube));
    assert!(dynamic.diagonal::<2>(1, 1, 2).unwrap() == CubeDiagonal::of(cube));
    assert!(dynamic.reshape([12, -1]).unwrap() == CubeReshaped::of(cube));
    assert!(dynamic.windows::<6>([2, 2, 2]).unwrap() == CubeWindows::of(cube));
    assert!(dynamic.new_axis::<4>(3).unwrap() == CubeNew::of(cube));
    let line = numbered(5);
    let line = Line::try_view(&line).unwrap();
    assert!(line.into_dyn().broadcast_to([3, 5]).unwrap() == LineBroadcast::of(line));
    // The shapes and strides are the static layouts' too.
    let flipped = dynamic.flip(1).unwrap();
    assert_eq!(
        (flipped.shape(), flipped.strides()),
        (CubeFlipped::SHAPE, CubeFlipped::STRIDES)
    );
    assert_eq!(flipped.as_ptr(), array[CubeFlipped::OFFSET..].as_ptr());
}

// ---- 4. Streams -------------------------------------------------------------

strided_view! {
    /// Blocks of 4 stereo frames.
    mut Left: [i64; 8] { shape: [4], strides: [2] }
    mut Right: [i64; 8] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);

    /// Three interleaved channels, 3 frames a block.
    mut C0: [i64; 9] { shape: [3], strides: [3] }
    mut C1: [i64; 9] { shape: [3], strides: [3], offset: 1 }
    mut C2: [i64; 9] { shape: [3], strides: [3], offset: 2 }
    split Three = (C0, C1, C2);

    /// Rows of 4: the first two and the last two columns of 3 rows.
    mut West: [i64; 12] { shape: [3, 2], strides: [4, 1] }
    mut East: [i64; 12] { shape: [3, 2], strides: [4, 1], offset: 2 }
    split Halves = (West, East);

    /// A member whose axis 0 runs backwards, and one whose axis 0 is the fast one.
    mut Backwards: [i64; 6] { shape: [3], strides: [-2], offset: 4 }
    mut Columns: [i64; 6] { shape: [3], strides: [2], offset: 1 }
    split Odd = (Backwards, Columns);
}

/// The longest prefix of axis 0 of `L` inside `0..len`, by enumeration.
fn brute_prefix<L: Layout>(len: usize) -> usize {
    (0..=L::SHAPE_SLICE[0])
        .rev()
        .find(|&n0| {
            let mut shape = L::SHAPE_SLICE.to_vec();
            shape[0] = n0;
            common::elements(&shape, L::STRIDES_SLICE, L::OFFSET as isize)
                .iter()
                .all(|&e| 0 <= e && e < len as i128)
        })
        .unwrap_or(0)
}

/// The elements a tail view of member `L` must reach, over `len` elements.
fn tail_elements<L: Layout>(len: usize) -> Vec<i64> {
    let mut shape = L::SHAPE_SLICE.to_vec();
    shape[0] = brute_prefix::<L>(len);
    positions(&shape, L::STRIDES_SLICE, L::OFFSET as isize)
}

#[test]
fn stereo_streams_of_odd_lengths() {
    let block = <Stereo as strided_view::Partition>::BUFFER_LEN;
    let lengths: Vec<usize> = [0, 1, 2 * 4 - 1, 2 * 4 + 1, 1000 + 1]
        .into_iter()
        .chain(0..=3 * block + 1)
        .collect();
    for len in lengths {
        let mut samples = numbered(len);
        let mut blocks = 0;
        let mut tails = 0;
        let chunks = Stereo::chunks_mut(&mut samples);
        assert_eq!(chunks.len(), len.div_ceil(block));
        for chunk in chunks {
            match chunk {
                Chunk::Block((mut left, mut right)) => {
                    blocks += 1;
                    left.iter_mut().for_each(|s| *s += 1000);
                    right.iter_mut().for_each(|s| *s += 2000);
                }
                Chunk::Tail((mut left, mut right)) => {
                    tails += 1;
                    let t = len % block;
                    assert_eq!((left.len(), right.len()), (t.div_ceil(2), t / 2), "tail of {t}");
                    assert_eq!((left.strides(), right.strides()), ([2], [2]));
                    zip((&mut left,)).for_each(|s| *s += 1000);
                    right.iter_mut().for_each(|s| *s += 2000);
                }
            }
        }
        assert_eq!((blocks, tails), (len / block, usize::from(len % block != 0)), "{len}");
        for (e, &s) in samples.iter().enumerate() {
            assert_eq!(
                s,
                e as i64 + if e % 2 == 0 { 1000 } else { 2000 },
                "sample {e} of {len}"
            );
        }
        // The same in one call.
        let mut again = numbered(len);
        Stereo::chunks_mut(&mut again).for_each_chunk(
            |(mut left, mut right)| {
                left.iter_mut().for_each(|s| *s += 1000);
                right.iter_mut().for_each(|s| *s += 2000);
            },
            |(mut left, mut right)| {
                left.iter_mut().for_each(|s| *s += 1000);
                right.iter_mut().for_each(|s| *s += 2000);
            },
        );
        assert_eq!(again, samples, "stream_mut of {len}");
    }
}

/// Every split of the file, streams of every length up to a few blocks:
/// each tail view reaches exactly the longest prefix enumeration finds, and
/// every sample is written by at most one member, once.
#[test]
fn stream_tails_are_the_longest_prefixes() {
    fn run<A: Layout, B: Layout>(write: impl Fn(&mut [i64], usize) -> [Vec<i64>; 2]) {
        let block = <A as Layout>::BUFFER_LEN;
        for len in 0..=3 * block + 2 {
            let mut samples = vec![0i64; len];
            let touched = write(&mut samples, len);
            let t = len % block;
            let start = len - t;
            let expected = [tail_elements::<A>(t), tail_elements::<B>(t)];
            for (member, (got, want)) in touched.iter().zip(&expected).enumerate() {
                let want: Vec<i64> = want.iter().map(|e| e + start as i64).collect();
                assert_eq!(got, &want, "member {member}, tail of {t} after {start}");
            }
            for (e, &s) in samples.iter().enumerate() {
                assert!(s == 0 || s == 1 || s == 2, "sample {e} written twice: {s}");
            }
        }
    }
    fn tail_of(view: &mut DynViewMut<'_, i64, 1>, mark: i64, base: *const i64) -> Vec<i64> {
        view.iter_mut()
            .map(|s| {
                *s += mark;
                ((s as *const i64 as usize - base as usize) / core::mem::size_of::<i64>()) as i64
            })
            .collect()
    }
    run::<Left, Right>(|samples, _| {
        let base = samples.as_ptr();
        let mut touched = [Vec::new(), Vec::new()];
        for chunk in Stereo::chunks_mut(samples) {
            if let Chunk::Tail((mut a, mut b)) = chunk {
                touched = [tail_of(&mut a, 1, base), tail_of(&mut b, 2, base)];
            }
        }
        touched
    });
    run::<Backwards, Columns>(|samples, _| {
        let base = samples.as_ptr();
        let mut touched = [Vec::new(), Vec::new()];
        for chunk in Odd::chunks_mut(samples) {
            match chunk {
                Chunk::Block((mut a, mut b)) => {
                    a.fill(0);
                    b.fill(0);
                }
                Chunk::Tail((mut a, mut b)) => touched = [tail_of(&mut a, 1, base), tail_of(&mut b, 2, base)],
            }
        }
        touched
    });
}

#[test]
fn streams_of_three_channels_and_of_rank_two_members() {
    for len in [0, 1, 2, 8, 9, 10, 26, 28, 1001] {
        let mut samples = numbered(len);
        strided_view::stream_mut::<Three, _>(
            &mut samples,
            |(mut a, mut b, mut c)| {
                a.iter_mut().for_each(|s| *s += 100_000);
                b.iter_mut().for_each(|s| *s += 200_000);
                c.iter_mut().for_each(|s| *s += 300_000);
            },
            |(mut a, mut b, mut c)| {
                let t = len % 9;
                assert_eq!((a.len(), b.len(), c.len()), (t.div_ceil(3), (t + 1) / 3, t / 3));
                a.iter_mut().for_each(|s| *s += 100_000);
                b.iter_mut().for_each(|s| *s += 200_000);
                c.iter_mut().for_each(|s| *s += 300_000);
            },
        );
        for (e, &s) in samples.iter().enumerate() {
            assert_eq!(s, e as i64 + 100_000 * (e % 3 + 1) as i64, "sample {e} of {len}");
        }
    }
    for len in [0, 1, 5, 6, 11, 12, 13, 14, 17, 18, 23, 25] {
        let mut samples = vec![0i64; len];
        let mut tail_shapes = None;
        Halves::chunks_mut(&mut samples).for_each_chunk(
            |(mut west, mut east)| {
                west.fill(1);
                east.fill(2);
            },
            |(mut west, mut east)| {
                tail_shapes = Some((west.shape(), east.shape()));
                west.fill(1);
                east.fill(2);
            },
        );
        let t = len % 12;
        let start = len - t;
        if t > 0 {
            let west = tail_elements::<West>(t);
            let east = tail_elements::<East>(t);
            assert_eq!(
                tail_shapes,
                Some(([brute_prefix::<West>(t), 2], [brute_prefix::<East>(t), 2])),
                "tail of {t}"
            );
            for e in 0..t {
                let want = if west.contains(&(e as i64)) {
                    1
                } else if east.contains(&(e as i64)) {
                    2
                } else {
                    0
                };
                assert_eq!(samples[start + e], want, "tail sample {e} of {t}");
            }
        }
        for (e, &s) in samples[..start].iter().enumerate() {
            assert_eq!(s, if e % 4 < 2 { 1 } else { 2 }, "block sample {e}");
        }
    }
}

/// The stereo example of the README, on a stream: any number of samples.
#[test]
fn the_readme_stream() {
    strided_view! {
        mut L64: [i16; 128] { shape: [64], strides: [2] }
        mut R64: [i16; 128] { shape: [64], strides: [2], offset: 1 }
        split Stereo64 = (L64, R64);
    }
    let mut samples = vec![0i16; 1001];
    Stereo64::chunks_mut(&mut samples).for_each_chunk(
        |(mut left, mut right)| {
            left.fill(1);
            right.fill(-1);
        },
        |(mut left, mut right)| {
            assert_eq!((left.len(), right.len()), (53, 52));
            left.fill(1);
            right.fill(-1);
        },
    );
    assert!(samples
        .iter()
        .enumerate()
        .all(|(k, &s)| s == if k % 2 == 0 { 1 } else { -1 }));
}

// ---- 5. Conversions ---------------------------------------------------------

strided_view! {
    Matrix: [i64; 12] { shape: [3, 4] }
    Flipped: [i64; 12] { shape: [3, 4], strides: [-4, -1], offset: 11 }
    Evens: [i64; 12] { shape: [6], strides: [2] }
    OddOnes: [i64; 12] { shape: [6], strides: [2], offset: 1 }
    Column: [i64; 12] { shape: [3, 1], strides: [4, 7] }
    Nothing: [i64; 12] { shape: [0, 4] }
    mut Writable: [i64; 12] { shape: [4, 3], strides: [1, 4] }
}

#[test]
fn static_views_convert_to_run_time_views_for_free() {
    let data: [i64; 12] = common::numbered(0);
    fn check<L: Layout<Index = [usize; R]>, const R: usize>(data: &[i64; 12]) {
        let view = View::<i64, L>::from_array(data);
        let dynamic = view.into_dyn();
        assert_eq!(
            (dynamic.shape(), dynamic.strides()),
            (L::SHAPE, L::STRIDES),
            "{}",
            L::NAME
        );
        assert!(dynamic == view, "{}", L::NAME);
        assert!(view == dynamic, "{}", L::NAME);
        assert!(
            dynamic.iter().map(|&x| x as usize).eq(common::elements_of::<L>()),
            "{}",
            L::NAME
        );
        if L::SIZE > 0 {
            assert_eq!(dynamic.as_ptr(), data[L::OFFSET..].as_ptr(), "{}", L::NAME);
        }
        assert_eq!(format!("{dynamic:?}"), format!("{view:?}"), "{}", L::NAME);
        let from: DynView<'_, i64, R> = DynView::from(view);
        assert!(from == dynamic);
    }
    check::<Matrix, 2>(&data);
    check::<Flipped, 2>(&data);
    check::<Evens, 1>(&data);
    check::<OddOnes, 1>(&data);
    check::<Column, 2>(&data);
    check::<Nothing, 2>(&data);
    assert_eq!(
        core::mem::size_of::<DynView<'_, i64, 3>>(),
        core::mem::size_of::<usize>() * (1 + 2 * 3)
    );
    assert_eq!(
        core::mem::size_of::<DynViewMut<'_, u8, 2>>(),
        core::mem::size_of::<usize>() * (1 + 2 * 2)
    );

    let mut buffer = [0i64; 12];
    let mut writable = Writable::view_mut(&mut buffer).into_dyn();
    for (k, x) in writable.iter_mut().enumerate() {
        *x = k as i64;
    }
    assert_eq!(buffer, [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
}

#[test]
fn run_time_views_convert_to_static_views_after_one_check() {
    let data = numbered(12);
    let rows = DynView::new(&data, DynLayout::new([3, 4], [4, 1], 0, 12).unwrap()).unwrap();
    let matrix = rows.to_static::<Matrix>().unwrap();
    assert!(matrix == rows);
    assert_eq!(matrix.as_ptr(), data.as_ptr());
    // Reversed axes: based at its lowest element (element 0), so accepted.
    let flipped = rows.flip(0).unwrap().flip(1).unwrap().to_static::<Flipped>().unwrap();
    assert_eq!((flipped[[0, 0]], flipped.as_ptr()), (11, data.as_ptr()));
    // A view over a later part of the buffer: the static view's buffer starts at its lowest element.
    let later = DynView::new(&data, DynLayout::new([6], [2], 0, 12).unwrap()).unwrap();
    let later = later.slice(0, 1..).unwrap(); // elements 2, 4, .., 10
    let evens = DynView::new(&data, DynLayout::new([5], [2], 2, 12).unwrap()).unwrap();
    assert!(later == evens);
    // Mismatches name the first number that differs.
    let transposed = rows.t();
    let error = DynView::new(&data, DynLayout::new([3, 4], [1, 3], 0, 12).unwrap())
        .unwrap()
        .to_static::<Matrix>()
        .unwrap_err();
    assert_eq!(
        error,
        DynError::Mismatch {
            layout: "Matrix",
            field: Field::Stride(0),
            found: 1,
            expected: 4
        }
    );
    assert_eq!(
        transposed.to_static::<Matrix>().unwrap_err().to_string(),
        "run-time layout does not match layout `Matrix`: the extent of axis 0 is 4, but `Matrix` has 3"
    );
    // The stride of an axis of extent 1 never moves: not compared.
    let column = DynView::new(&data, DynLayout::new([3, 1], [4, 0], 0, 12).unwrap()).unwrap();
    assert!(column.to_static::<Column>().unwrap() == column);
    // An empty view: no stride is compared.
    let empty = DynView::new(&data, DynLayout::new([0, 4], [9, 9], 0, 12).unwrap()).unwrap();
    assert_eq!(empty.to_static::<Nothing>().unwrap().len(), 0);

    let mut buffer = [0i64; 12];
    let layout = DynLayout::new([4, 3], [1, 4], 0, 12).unwrap().writable().unwrap();
    let mut writable = DynViewMut::new(&mut buffer, layout)
        .unwrap()
        .to_static::<Writable>()
        .unwrap();
    writable[[3, 2]] = 5;
    assert_eq!(buffer[11], 5);
}

// ---- 6. Mixing static and run-time views ------------------------------------

strided_view! {
    RowB: [i64; 4] { shape: [3, 4], strides: [0, 1] }
    mut Out3x4: [i64; 12] { shape: [3, 4] }
    Signal: [i64; 8] { shape: [8] }
    SignalWindows = Signal.windows([3]);
    Taps: [i64; 3] { shape: [3] }
    mut Filtered: [i64; 6] { shape: [6] }
}

#[test]
fn zip_and_contract_mix_static_and_run_time_views() {
    let row = [1i64, 2, 3, 4];
    let column = [10i64, 20, 30];
    let column_view = DynView::new(&column, DynLayout::new([3, 4], [1, 0], 0, 3).unwrap()).unwrap();
    let mut out = [0i64; 12];
    let mut dyn_out = DynViewMut::new(
        &mut out,
        DynLayout::new([3, 4], [4, 1], 0, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    zip((RowB::view(&row), column_view, &mut dyn_out)).for_each(|r, c, o| *o = r + c);
    assert_eq!(out, [11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34]);
    // Static output, run-time inputs.
    let mut out2 = [0i64; 12];
    zip((column_view, RowB::view(&row))).map_into(&mut Out3x4::view_mut(&mut out2), |c, r| c * r);
    assert_eq!(out2[..4], [10, 20, 30, 40]);
    // The fold, `dot` and `copy_from` across the two kinds.
    assert_eq!(RowB::view(&row).dot(column_view), (1 + 2 + 3 + 4) * (10 + 20 + 30));
    assert_eq!(column_view.dot(RowB::view(&row)), (1 + 2 + 3 + 4) * (10 + 20 + 30));
    let mut copy = [0i64; 12];
    Out3x4::view_mut(&mut copy).copy_from(column_view);
    assert_eq!(copy[4..8], [20; 4]);
    let mut copy2 = [0i64; 12];
    let mut target = DynViewMut::new(
        &mut copy2,
        DynLayout::new([3, 4], [1, 3], 0, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    target.copy_from(RowB::view(&row));
    assert!(zip((&target, RowB::view(&row))).fold(true, |same, a, b| same && a == b));
    assert_eq!(copy2, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);

    // `contract` with run-time windows, kernel and output, against the static one.
    let x = [1i64, 4, 9, 16, 25, 36, 49, 64];
    let taps = [1i64, -2, 1];
    let mut want = [0i64; 6];
    contract(
        SignalWindows::of(Signal::view(&x)),
        Taps::view(&taps),
        &mut Filtered::view_mut(&mut want),
    );
    assert_eq!(want, [2; 6]);
    let line = DynView::new(&x, DynLayout::new([8], [1], 0, 8).unwrap()).unwrap();
    let windows = line.windows::<2>([3]).unwrap();
    let kernel = DynView::new(&taps, DynLayout::new([3], [1], 0, 3).unwrap()).unwrap();
    let mut got = [0i64; 6];
    let mut dyn_out = DynViewMut::new(&mut got, DynLayout::new([6], [1], 0, 6).unwrap().writable().unwrap()).unwrap();
    contract(windows, kernel, &mut dyn_out);
    assert_eq!(got, want);
    let mut mixed = [0i64; 6];
    contract(windows, Taps::view(&taps), &mut Filtered::view_mut(&mut mixed));
    assert_eq!(mixed, want);
    let mut mixed = [0i64; 6];
    let mut dyn_out = DynViewMut::new(&mut mixed, DynLayout::new([6], [1], 0, 6).unwrap().writable().unwrap()).unwrap();
    contract(SignalWindows::of(Signal::view(&x)), kernel, &mut dyn_out);
    assert_eq!(mixed, want);
}

/// `map_into` over run-time views, which walks rank 2 two rows at a time:
/// for every shape up to 5 x 4 (odd and even row counts, empty ones), a
/// numbered source in C order, transposed or with its rows reversed, a
/// broadcast row beside it, and outputs in C order, transposed or reversed on
/// both axes: `f` is called once per index, and each output element holds `f`
/// of the source elements at its own index (computed by enumeration). Under
/// Miri, shapes up to 3 x 3 (odd and even row counts still).
#[test]
fn map_into_of_run_time_views_writes_each_index_once() {
    let row: Vec<i64> = (0..4).map(|j| 7 * j + 3).collect();
    let (max_rows, max_cols) = if MIRI { (3, 3) } else { (5, 4) };
    for rows in 0..=max_rows {
        for cols in 0..=max_cols {
            let (h, w) = (rows as isize, cols as isize);
            let n = rows * cols;
            let data = numbered(n);
            let sources: [([isize; 2], usize); 3] =
                [([w, 1], 0), ([1, h], 0), ([-w, 1], rows.saturating_sub(1) * cols)];
            let outputs: [([isize; 2], usize); 3] = [([w, 1], 0), ([1, h], 0), ([-w, -1], n.saturating_sub(1))];
            for (s_strides, s_offset) in sources {
                for (o_strides, o_offset) in outputs {
                    let source =
                        DynView::new(&data, DynLayout::new([rows, cols], s_strides, s_offset, n).unwrap()).unwrap();
                    let broadcast = DynView::new(&row, DynLayout::new([rows, cols], [0, 1], 0, 4).unwrap()).unwrap();
                    let mut out = vec![-1i64; n];
                    let layout = DynLayout::new([rows, cols], o_strides, o_offset, n)
                        .unwrap()
                        .writable()
                        .unwrap();
                    let mut target = DynViewMut::new(&mut out, layout).unwrap();
                    let mut calls = Vec::new();
                    zip((source, broadcast)).map_into(&mut target, |&x, &r| {
                        calls.push(x);
                        1000 * x + r
                    });
                    calls.sort_unstable();
                    let case = format!("{rows}x{cols}, source {s_strides:?}, output {o_strides:?}");
                    let mut expected = positions(&[rows, cols], &s_strides, s_offset as isize);
                    expected.sort_unstable();
                    assert_eq!(calls, expected, "{case}");
                    common::for_each_index(&[rows, cols], |index| {
                        let x = common::reach(&s_strides, s_offset as isize, index) as i64;
                        let o = common::reach(&o_strides, o_offset as isize, index) as usize;
                        assert_eq!(out[o], 1000 * x + row[index[1]], "{case}, index {index:?}");
                    });
                }
            }
        }
    }
}

#[test]
#[should_panic(expected = "zip needs views of the same shape")]
fn zip_of_different_run_time_shapes_panics() {
    let data = numbered(12);
    let a = DynView::new(&data, DynLayout::new([3, 4], [4, 1], 0, 12).unwrap()).unwrap();
    zip((a, Matrix::view(&data[..].try_into().unwrap()).into_dyn().t())).for_each(|_, _| ());
}

#[test]
#[should_panic(expected = "zip needs views of the same shape")]
fn zip_of_a_static_and_a_run_time_shape_panics() {
    let data = numbered(12);
    let t = DynView::new(&data, DynLayout::new([4, 3], [1, 4], 0, 12).unwrap()).unwrap();
    zip((Matrix::view(&data[..].try_into().unwrap()), t)).for_each(|_, _| ());
}

#[test]
#[should_panic(expected = "zip needs views of the same shape")]
fn zip_of_different_ranks_panics() {
    let data = numbered(12);
    let flat = DynView::new(&data, DynLayout::new([12], [1], 0, 12).unwrap()).unwrap();
    zip((flat, Matrix::view(&data[..].try_into().unwrap()).into_dyn())).for_each(|_, _| ());
}

#[test]
#[should_panic(expected = "zip needs views of the same shape")]
fn copy_from_of_another_shape_panics() {
    let data = numbered(12);
    let mut out = [0i64; 12];
    let mut target = DynViewMut::new(
        &mut out,
        DynLayout::new([4, 3], [3, 1], 0, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    target.copy_from(Matrix::view(&data[..].try_into().unwrap()));
}

#[test]
#[should_panic(expected = "map_into needs an output of the same shape")]
fn map_into_another_shape_panics() {
    let data = numbered(12);
    let mut out = [0i64; 12];
    let mut target = DynViewMut::new(
        &mut out,
        DynLayout::new([4, 3], [3, 1], 0, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    Matrix::view(&data[..].try_into().unwrap()).map_into(&mut target, |&x| x);
}

#[test]
#[should_panic(expected = "contract needs windows of shape [out.., kernel..]")]
fn contract_of_mismatched_shapes_panics() {
    let x = [0i64; 8];
    let line = DynView::new(&x, DynLayout::new([8], [1], 0, 8).unwrap()).unwrap();
    let windows = line.windows::<2>([2]).unwrap(); // [7, 2]
    let mut out = [0i64; 6];
    contract(windows, Taps::view(&[1, 2, 3]), &mut Filtered::view_mut(&mut out));
}

#[test]
#[should_panic(expected = "index [2, 0] is out of range for shape [2, 3]")]
fn an_index_outside_the_shape_panics() {
    let data = numbered(6);
    let grid = DynView::new(&data, DynLayout::new([2, 3], [3, 1], 0, 6).unwrap()).unwrap();
    let _ = grid[[2, 0]];
}

#[test]
#[should_panic(expected = "index [0, 3] is out of range for shape [2, 3]")]
fn a_swap_outside_the_shape_panics() {
    let mut data = numbered(6);
    let mut grid = DynViewMut::new(
        &mut data,
        DynLayout::new([2, 3], [3, 1], 0, 6).unwrap().writable().unwrap(),
    )
    .unwrap();
    grid.swap([0, 0], [0, 3]);
}

#[test]
#[should_panic(expected = "index [1] is out of range for shape [1]")]
fn index_mut_outside_the_shape_panics() {
    let mut data = numbered(6);
    let mut one = DynViewMut::new(&mut data, DynLayout::new([1], [1], 0, 6).unwrap().writable().unwrap()).unwrap();
    one[1] = 0;
}

// ---- 7. Extreme inputs ------------------------------------------------------

#[test]
fn constructors_refuse_short_buffers_and_bad_numbers() {
    let data = numbered(5);
    let layout = DynLayout::new([3], [2], 0, 5).unwrap();
    assert_eq!(
        DynView::new(&data[..4], layout).unwrap_err(),
        DynError::BufferLen { required: 5, actual: 4 }
    );
    let mut writable = numbered(5);
    assert!(DynViewMut::new(&mut writable[..2], layout.writable().unwrap()).is_err());
    // Byte strides that do not divide, a zero-sized element, a repeat.
    assert!(matches!(
        DynView::from_numpy(&data, [2], [12], 0),
        Err(DynError::Bytes { .. })
    ));
    assert!(matches!(
        DynView::from_numpy(&[(); 4][..], [2], [0], 0),
        Err(DynError::Bytes { .. })
    ));
    assert!(matches!(
        DynViewMut::from_numpy(&mut writable, [2, 2], [8, 0], 0),
        Err(DynError::NotUnique(_))
    ));
    let numpy = DynView::from_numpy(&data, [2, 2], [16, 8], 8).unwrap();
    assert!(numpy.iter().copied().eq([1, 2, 3, 4]));
}

#[test]
fn zero_sized_elements_and_huge_extents() {
    let big = isize::MAX as usize;
    let units = vec![(); big];
    let line = DynView::new(&units, DynLayout::new([big], [1], 0, big).unwrap()).unwrap();
    assert_eq!((line.len(), line.iter().len()), (big, big));
    assert_eq!(line.iter().take(3).count(), 3);
    assert_eq!(line.iter().rev().take(3).count(), 3);
    assert_eq!(line.get(big - 1), Some(&()));
    assert_eq!(line.get(big), None);
    // Windows and broadcasts that would have more than isize::MAX indices are refused.
    assert!(matches!(
        line.windows::<2>([big / 2]),
        Err(DynError::Algebra {
            error: AlgebraError::Overflow,
            ..
        })
    ));
    assert!(matches!(
        line.broadcast_to([2, big]),
        Err(DynError::Algebra {
            error: AlgebraError::Overflow,
            ..
        })
    ));
    let flipped = line.flip(0).unwrap();
    assert_eq!((flipped.strides(), flipped.iter().next_back()), ([-1], Some(&())));
    let sliced = line.slice_step(0, 1.., isize::MAX).unwrap();
    assert_eq!(sliced.len(), 1);
    let mut units = vec![(); big];
    let mut writable = DynViewMut::new(
        &mut units,
        DynLayout::new([big], [1], 0, big).unwrap().writable().unwrap(),
    )
    .unwrap();
    *writable.get_mut(big - 1).unwrap() = ();
    writable.swap(0, big - 1);
    assert!(writable.reborrow().windows::<2>([1]).is_ok());
    assert!(writable.broadcast_to([1, big]).is_ok());
    // A zero-sized element repeated by a zero stride: readable, not writable.
    let one = [()];
    let repeated = DynLayout::new([big], [0], 0, 1).unwrap();
    assert_eq!(DynView::new(&one, repeated).unwrap().len(), big);
    assert!(matches!(repeated.writable(), Err(DynError::NotUnique(_))));
}

#[test]
fn empty_views_read_and_write_nothing() {
    let data = numbered(4);
    let empty = DynView::new(&data, DynLayout::new([0, 3], [5, -7], 4, 4).unwrap()).unwrap();
    assert_eq!(
        (empty.len(), empty.is_empty(), empty.iter().next(), empty.sum()),
        (0, true, None, 0)
    );
    assert_eq!(format!("{empty:?}"), "[]");
    assert!(empty.t().is_empty() && empty.flip(1).unwrap().is_empty());
    assert!(empty.windows::<4>([0, 3]).unwrap().is_empty());
    assert!(empty.broadcast_to([5, 0, 3]).unwrap().is_empty());
    assert!(empty.reshape([0]).unwrap().is_empty());
    assert!(empty.index::<1>(1, 2).unwrap().is_empty());
    assert!(empty.index::<1>(0, 0).is_err());
    let mut out = numbered(4);
    let mut writable = DynViewMut::new(
        &mut out,
        DynLayout::new([3, 0], [1, 1], 0, 0).unwrap().writable().unwrap(),
    )
    .unwrap();
    writable.fill(9);
    assert_eq!(writable.iter_mut().count(), 0);
    assert_eq!(out, numbered(4));
    let none: &[i64] = &[];
    let nothing = DynView::new(none, DynLayout::new([0], [1], 0, 0).unwrap()).unwrap();
    assert_eq!(nothing.iter().next_back(), None);
}

fn extreme_isize() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => -4isize..=4,
        1 => Just(isize::MIN),
        1 => Just(isize::MIN + 1),
        1 => Just(isize::MAX),
        1 => Just(isize::MAX - 1),
        1 => Just(1 << (isize::BITS - 2)),
        1 => Just(-(1 << (isize::BITS - 2))),
        1 => any::<isize>(),
    ]
}

fn extreme_usize() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0usize..=4,
        1 => Just(usize::MAX),
        1 => Just(isize::MAX as usize),
        1 => Just(isize::MAX as usize + 1),
        1 => Just(1 << (usize::BITS / 2)),
        1 => any::<usize>(),
    ]
}

fn extreme_draw() -> impl Strategy<Value = Draw> {
    let axis = prop_oneof![3 => 0usize..=2, 1 => extreme_usize()];
    prop_oneof![
        vec(axis.clone(), 2).prop_map(Draw::Permute),
        (axis.clone(), axis.clone()).prop_map(|(a, b)| Draw::SwapAxes(a, b)),
        axis.clone().prop_map(Draw::Flip),
        (
            axis.clone(),
            prop::option::of(extreme_isize()),
            prop::option::of(extreme_isize()),
            extreme_isize()
        )
            .prop_map(|(a, s, e, k)| Draw::Slice(a, s, e, k)),
        (axis.clone(), extreme_isize()).prop_map(|(a, i)| Draw::Index(a, i)),
        (extreme_isize(), axis.clone(), axis.clone()).prop_map(|(k, a, b)| Draw::Diagonal(k, a, b)),
        axis.prop_map(Draw::NewAxis),
        vec(extreme_usize(), 2).prop_map(Draw::Windows),
        vec(extreme_usize(), 0..=3).prop_map(Draw::BroadcastTo),
        vec(extreme_isize(), 0..=3).prop_map(Draw::Reshape),
    ]
}

/// Extreme arguments on views with extreme numbers (a huge zero-sized
/// axis, an `isize::MIN` stride on an axis of extent 1): the algebra
/// answers with an error or a view whose every element is the operand's
/// (checked where the result is small enough to enumerate), never a panic.
fn check_extreme(draw: &Draw) {
    let big = isize::MAX as usize;
    let units = vec![(); big];
    let huge = DynView::new(
        &units,
        DynLayout::new([2, big / 2], [(big / 2) as isize, 1], 0, big).unwrap(),
    )
    .unwrap();
    let _ = apply_view_any(huge, draw);
    let data = numbered(8);
    let odd = DynView::new(&data, DynLayout::new([1, 4], [isize::MIN, 2], 1, 8).unwrap()).unwrap();
    if let Some((shape, elements)) = apply_view_any(odd, draw) {
        if shape.iter().product::<usize>() <= 64 {
            assert!(
                elements.iter().all(|e| [1, 3, 5, 7].contains(e)),
                "{draw:?}: {elements:?}"
            );
        }
    }
    let mut data = numbered(8);
    let writable = DynViewMut::new(
        &mut data,
        DynLayout::new([2, 4], [-1, 2], 1, 8).unwrap().writable().unwrap(),
    )
    .unwrap();
    let _ = apply_mut_any(writable, draw);
}

/// The operation at the result's rank, if it succeeds: its shape and (for
/// a small result) its elements.
fn apply_view_any<T: Copy + Into<Probe>>(view: DynView<'_, T, 2>, draw: &Draw) -> Option<(Vec<usize>, Vec<i64>)> {
    fn done<T: Copy + Into<Probe>, const Q: usize>(
        result: Result<DynView<'_, T, Q>, DynError>,
    ) -> Option<(Vec<usize>, Vec<i64>)> {
        result.ok().map(|v| (v.shape().to_vec(), small(v)))
    }
    match draw {
        Draw::T => done(Ok(view.t())),
        Draw::Permute(axes) => done(view.permute(arr(axes))),
        Draw::SwapAxes(a, b) => done(view.swap_axes(*a, *b)),
        Draw::Flip(a) => done(view.flip(*a)),
        Draw::Slice(a, s, e, k) => done(slice_any(view, *a, *s, *e, *k)),
        Draw::Index(a, i) => done(view.index::<1>(*a, *i)),
        Draw::Diagonal(k, a, b) => done(view.diagonal::<1>(*k, *a, *b)),
        Draw::NewAxis(a) => done(view.new_axis::<3>(*a)),
        Draw::Windows(w) => done(view.windows::<4>(arr(w))),
        Draw::BroadcastTo(s) => match s.len() {
            0 => done(view.broadcast_to::<0>(arr(s))),
            1 => done(view.broadcast_to::<1>(arr(s))),
            2 => done(view.broadcast_to::<2>(arr(s))),
            _ => done(view.broadcast_to::<3>(arr(s))),
        },
        Draw::Reshape(s) => match s.len() {
            0 => done(view.reshape::<0>(arr(s))),
            1 => done(view.reshape::<1>(arr(s))),
            2 => done(view.reshape::<2>(arr(s))),
            _ => done(view.reshape::<3>(arr(s))),
        },
    }
}

/// An element's number, or 0 for a zero-sized one.
struct Probe(i64);

impl From<i64> for Probe {
    fn from(x: i64) -> Self {
        Probe(x)
    }
}

impl From<()> for Probe {
    fn from((): ()) -> Self {
        Probe(0)
    }
}

fn small<T: Copy + Into<Probe>, const R: usize>(view: DynView<'_, T, R>) -> Vec<i64> {
    if view.len() <= 64 {
        view.iter().map(|&x| x.into().0).collect()
    } else {
        Vec::new()
    }
}

fn slice_any<T, const R: usize>(
    view: DynView<'_, T, R>,
    axis: usize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> Result<DynView<'_, T, R>, DynError> {
    match (start, stop) {
        (Some(s), Some(e)) => view.slice_step(axis, s..e, step),
        (Some(s), None) => view.slice_step(axis, s.., step),
        (None, Some(e)) => view.slice_step(axis, ..e, step),
        (None, None) => view.slice_step(axis, .., step),
    }
}

/// The writable forms, for no panic only.
fn apply_mut_any(view: DynViewMut<'_, i64, 2>, draw: &Draw) -> bool {
    match draw {
        Draw::SwapAxes(a, b) => view.swap_axes(*a, *b).is_ok(),
        Draw::Flip(a) => view.flip(*a).is_ok(),
        Draw::Index(a, i) => view.index::<1>(*a, *i).is_ok(),
        Draw::Diagonal(k, a, b) => view.diagonal::<1>(*k, *a, *b).is_ok(),
        Draw::NewAxis(a) => view.new_axis::<3>(*a).is_ok(),
        Draw::Windows(w) => view.windows::<4>(arr(w)).is_ok(),
        Draw::BroadcastTo(s) if s.len() == 3 => view.broadcast_to::<3>(arr(s)).is_ok(),
        Draw::Reshape(s) if s.len() == 1 => view.reshape::<1>(arr(s)).is_ok(),
        Draw::Slice(a, s, e, k) => match (s, e) {
            (Some(s), Some(e)) => view.slice_step(*a, *s..*e, *k).is_ok(),
            _ => view.slice_step(*a, .., *k).is_ok(),
        },
        Draw::Permute(axes) => view.permute(arr(axes)).is_ok(),
        _ => false,
    }
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn extreme_algebra_arguments_are_errors_never_panics(draw in extreme_draw()) {
        check_extreme(&draw);
    }
}

/// `contract` of run-time views against brute force, in the same order of
/// additions (bit-equal floats): with a row-major output, the blocks of 16,
/// 8, 4 and single outputs for square kernels of side 1 to 6 (2 to 5 with
/// constant extents) and for every kernel row of 1 to 8 taps (rows of 4 to
/// 40 outputs), the passes past 8 taps; with a transposed output (its
/// strides values), the passes for every width; short rows.
#[test]
fn run_time_contract_agrees_with_brute_force() {
    let mut sizes: Vec<(usize, usize, usize, usize)> = if MIRI {
        vec![(5, 6, 2, 3), (4, 3, 1, 2), (3, 21, 2, 3), (7, 22, 3, 3)]
    } else {
        vec![
            (9, 12, 3, 3),
            (6, 20, 2, 9),
            (7, 7, 1, 1),
            (8, 11, 4, 8),
            (5, 14, 3, 10),
            (4, 5, 2, 3),
            (10, 4, 3, 2),
        ]
    };
    if !MIRI {
        for taps in 1..=8 {
            for row in [4, 7, 12, 16, 23, 31, 40] {
                sizes.push((4, row + taps - 1, 1 + taps % 3, taps));
            }
        }
        for side in 1..=6 {
            for row in [4, 7, 16, 23, 40] {
                sizes.push((side + 2, row + side - 1, side, side));
            }
        }
    }
    for (h, w, kh, kw) in sizes {
        for transposed in [false, true] {
            contract_case(
                h,
                w,
                kh,
                kw,
                Variant {
                    transposed,
                    ..Variant::default()
                },
            );
        }
        // A kernel stored column-major (its steps `[1, kh]`) and dilated
        // windows (steps 2 within a window: not `windows`, a layout of the
        // same rank 4), on the row-major output.
        if h > 2 * kh && w > 2 * kw {
            for (column_major, dilation) in [(true, 1), (false, 2), (true, 2)] {
                let variant = Variant {
                    transposed: false,
                    column_major,
                    dilation,
                };
                contract_case(h, w, kh, kw, variant);
            }
        }
    }
}

/// How [`contract_case`] lays out its operands.
#[derive(Clone, Copy, Debug)]
struct Variant {
    /// The output transposed in memory (its strides values), else row-major.
    transposed: bool,
    /// The kernel stored column-major.
    column_major: bool,
    /// The step between a window's taps (1: `windows`).
    dilation: usize,
}

impl Default for Variant {
    fn default() -> Self {
        Variant {
            transposed: false,
            column_major: false,
            dilation: 1,
        }
    }
}

/// One case of [`run_time_contract_agrees_with_brute_force`]: the output
/// starts as NaN, so a skipped write shows.
fn contract_case(h: usize, w: usize, kh: usize, kw: usize, variant: Variant) {
    let Variant {
        transposed,
        column_major,
        dilation: d,
    } = variant;
    let image: Vec<f32> = (0..h * w).map(|e| ((e * 37) % 23) as f32 * 0.37 - 3.0).collect();
    let filter: Vec<f32> = (0..kh * kw).map(|e| ((e * 11) % 7) as f32 * 0.71 - 1.5).collect();
    let (oh, ow) = (h - d * (kh - 1), w - d * (kw - 1));
    let view = DynView::new(&image, DynLayout::new([h, w], [w as isize, 1], 0, h * w).unwrap()).unwrap();
    let windows = if d == 1 {
        view.windows::<4>([kh, kw]).unwrap()
    } else {
        let steps = [w as isize, 1, (d * w) as isize, d as isize];
        DynView::new(&image, DynLayout::new([oh, ow, kh, kw], steps, 0, h * w).unwrap()).unwrap()
    };
    // `weight(a, b)` is the kernel element at `[a, b]`, wherever it is stored.
    let (kernel_steps, weight_at) = if column_major {
        ([1, kh as isize], (1, kh))
    } else {
        ([kw as isize, 1], (kw, 1))
    };
    let weight = |a: usize, b: usize| filter[a * weight_at.0 + b * weight_at.1];
    let kernel = DynView::new(&filter, DynLayout::new([kh, kw], kernel_steps, 0, kh * kw).unwrap()).unwrap();
    let mut out = vec![f32::NAN; oh * ow];
    let (strides, at) = if transposed {
        ([1, oh as isize], (oh, 1))
    } else {
        ([ow as isize, 1], (1, ow))
    };
    let layout = DynLayout::new([oh, ow], strides, 0, oh * ow)
        .unwrap()
        .writable()
        .unwrap();
    contract(windows, kernel, &mut DynViewMut::new(&mut out, layout).unwrap());
    for i in 0..oh {
        for j in 0..ow {
            let mut acc = 0.0f32;
            for a in 0..kh {
                for b in 0..kw {
                    acc += image[(i + d * a) * w + j + d * b] * weight(a, b);
                }
            }
            assert_eq!(
                out[j * at.0 + i * at.1].to_bits(),
                acc.to_bits(),
                "{h}x{w} * {kh}x{kw} at [{i}, {j}], {variant:?}"
            );
        }
    }
}

/// The README's examples of run-time views, as written there.
#[test]
fn the_readme_examples() -> Result<(), DynError> {
    strided_view! {
        pub mut Left4: [i16; 8] { shape: [4], strides: [2] }
        pub mut Right4: [i16; 8] { shape: [4], strides: [2], offset: 1 }
        pub split Stereo4 = (Left4, Right4);
    }
    let mut samples = [0i16; 21];
    for chunk in Stereo4::chunks_mut(&mut samples) {
        match chunk {
            Chunk::Block((mut left, mut right)) => (left.fill(1), right.fill(-1)),
            Chunk::Tail((mut left, mut right)) => (left.fill(1), right.fill(-1)),
        };
    }
    assert!(samples
        .iter()
        .enumerate()
        .all(|(k, &s)| s == if k % 2 == 0 { 1 } else { -1 }));

    let (height, width, pitch) = (3, 4, 5);
    let pixels: Vec<u8> = (0..15).collect();
    let image = DynView::new(&pixels, DynLayout::new([height, width], [pitch, 1], 0, pixels.len())?)?;
    assert_eq!(image[[2, 3]], 13);
    let mirrored = image.flip(1)?;
    let column: DynView<'_, u8, 1> = image.index(1, 0)?;
    assert_eq!((mirrored[[0, 0]], column.sum()), (3, 15)); // 0 + 5 + 10
    let mut frame = vec![0u8; 15];
    let mut writable = DynViewMut::new(&mut frame, DynLayout::new([3, 4], [5, 1], 0, 15)?.writable()?)?;
    writable.copy_from(image);
    assert!(writable == image);
    let interior = image.slice(0, (1, -1))?.slice(1, (1, -1))?;
    assert!(interior.iter().copied().eq([6, 7]));

    // "When to use which": the static, generic and run-time examples.
    strided_view! {
        pub Frame: [u16; 12] { shape: [3, 4] }
        pub Transposed = Frame.t();
    }
    let data: [u16; 12] = core::array::from_fn(|k| k as u16);
    let t = Transposed::of(Frame::view(&data));
    assert_eq!(
        (t[[3, 2]], core::mem::size_of_val(&t)),
        (11, core::mem::size_of::<usize>())
    );

    strided_view! {
        pub Gray<const W: usize, const H: usize>: [_; W * H] { shape: [H, W] }
    }
    fn mean<const W: usize, const H: usize>(image: &[f32]) -> Result<f32, LengthError> {
        Ok(Gray::<W, H>::try_view(image)?.sum() / (W * H) as f32)
    }
    // The README's sizes natively; Miri interprets every addition, so there
    // a smaller frame of the same code.
    if MIRI {
        let frame = vec![0.5f32; 64 * 48];
        assert_eq!(mean::<64, 48>(&frame).ok(), Some(0.5));
        assert!(mean::<64, 49>(&frame).is_err());
    } else {
        let frame = vec![0.5f32; 640 * 480];
        assert_eq!(mean::<640, 480>(&frame).ok(), Some(0.5));
        assert!(mean::<640, 481>(&frame).is_err());
    }

    let (h, w) = if MIRI { (48, 64) } else { (480, 640) };
    let pixels = vec![0u8; h * w];
    let image = DynView::new(&pixels, DynLayout::new([h, w], [w as isize, 1], 0, pixels.len())?)?;
    let interior = image.slice(0, (1, -1))?.slice(1, (1, -1))?;
    assert_eq!(interior.shape(), [h - 2, w - 2]);
    Ok(())
}

/// The sizes `DynError`'s documentation states: 576 bytes on 64-bit
/// targets (past clippy's `result_large_err` threshold of 128), and one
/// pointer for the error part of a result that boxes it.
#[test]
fn error_sizes_are_the_documented_ones() {
    #[cfg(target_pointer_width = "64")]
    assert_eq!(core::mem::size_of::<DynError>(), 576);
    assert!(core::mem::size_of::<DynError>() > 128);
    assert!(
        core::mem::size_of::<Result<DynView<'_, u8, 2>, Box<DynError>>>()
            <= core::mem::size_of::<DynView<'_, u8, 2>>() + core::mem::size_of::<usize>()
    );
}
