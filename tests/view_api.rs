//! The view API users reach for, against brute-force enumeration
//! (`tests/common`): iteration from both ends, indexed iteration, rows and
//! axis iteration (read-only and writable), rank-1 indexing by `usize`,
//! equality, `fill_with`, `swap`, `IntoIterator` for borrows, `as_ptr`, the
//! read-only operations of `ViewMut`, and the generic `zip` from 1 to 8
//! operands with writable ones mixed in.

mod common;

use common::{elements_of, index_values, indices, reach};
use view_core::{zip, Axis, Layout, Subview, Trailing, UniqueLayout, View, ViewMut, Without};
use view_macros::strided_view;

strided_view! {
    /// C order.
    pub mut Matrix: [i64; 12] { shape: [3, 4] }
    /// Column order.
    pub Transposed = Matrix.t();
    /// Both axes reversed.
    pub mut Reversed: [i64; 20] { shape: [4, 5], strides: [-5, -1], offset: 19 }
    /// The 6 x 6 interior of an 8 x 8 image.
    pub mut Interior: [i64; 64] { shape: [6, 6], strides: [8, 1], offset: 9 }
    /// Unique but not nested (a certificate).
    pub mut Skew: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    /// Rank 4, C order.
    pub mut Four: [i64; 120] { shape: [2, 3, 4, 5] }
    /// A broadcast row: read-only.
    pub Broadcast: [i64; 4] { shape: [3, 4], strides: [0, 1] }
    /// Rank 1, every other element.
    pub mut Line: [i64; 10] { shape: [5], strides: [2] }
    /// Rank 0.
    pub Scalar: [i64; 3] { shape: [], strides: [], offset: 2 }
    /// Empty.
    pub Empty: [i64; 4] { shape: [3, 0], strides: [10, 1] }
}

/// A buffer numbered `100 + e` for layout `L`.
fn buffer<L: Layout>() -> Vec<i64> {
    (0..L::BUFFER_LEN as i64).map(|e| 100 + e).collect()
}

/// The values a view of `L` over [`buffer`] must read, in C order.
fn expected<L: Layout>() -> Vec<i64> {
    elements_of::<L>().into_iter().map(|e| 100 + e as i64).collect()
}

/// Iteration, both ends, indexed, `get`, equality: all against brute force.
fn check_read<L: Layout>() {
    let data = buffer::<L>();
    let view = View::<i64, L>::try_from_slice(&data).unwrap();
    let want = expected::<L>();
    assert_eq!(view.iter().copied().collect::<Vec<_>>(), want, "iter");
    assert_eq!(
        view.iter().rev().copied().collect::<Vec<_>>(),
        want.iter().rev().copied().collect::<Vec<_>>()
    );
    // `for` loops call `next`; a `fold` of a fresh iterator takes the loop nest.
    let mut by_next = Vec::new();
    for &x in view {
        by_next.push(x);
    }
    assert_eq!(by_next, want);
    assert_eq!(view.iter().copied().sum::<i64>(), want.iter().sum::<i64>());
    // Both ends at once: the front takes one, the back two, in turn.
    let mut iter = view.iter();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    loop {
        assert_eq!(iter.len(), want.len() - front.len() - back.len());
        let Some(&x) = iter.next() else { break };
        front.push(x);
        match (iter.next_back(), iter.next_back()) {
            (Some(&a), Some(&b)) => back.extend([a, b]),
            (Some(&a), None) => back.push(a),
            _ => {}
        }
    }
    back.reverse();
    front.extend(back);
    assert_eq!(front, want, "mixed ends");
    // A partly consumed iterator folds step by step.
    let mut rest = view.iter();
    let first = rest.next().copied();
    assert_eq!(rest.copied().collect::<Vec<_>>(), want.get(1..).unwrap_or_default());
    assert_eq!(first, want.first().copied());
    // Indexed iteration: the indices in C order, each with its element.
    let indexed: Vec<(L::Index, i64)> = view.indexed_iter().map(|(i, &x)| (i, x)).collect();
    let want_indexed: Vec<(L::Index, i64)> = index_values::<L>().into_iter().zip(want.iter().copied()).collect();
    assert_eq!(indexed, want_indexed, "indexed_iter");
    let back_indexed: Vec<(L::Index, i64)> = view.indexed_iter().rev().map(|(i, &x)| (i, x)).collect();
    assert_eq!(back_indexed, want_indexed.iter().rev().copied().collect::<Vec<_>>());
    for (index, &x) in want_indexed.iter().map(|(i, x)| (*i, x)) {
        assert_eq!(view.get(index), Some(&x));
        assert_eq!(view[index], x);
    }
    // Equal to itself, and to a view of the same numbers over another buffer.
    let copy = data.clone();
    assert!(view == View::<i64, L>::try_from_slice(&copy).unwrap());
    if !want.is_empty() {
        let mut changed = data.clone();
        changed[elements_of::<L>()[0]] += 1;
        assert!(view != View::<i64, L>::try_from_slice(&changed).unwrap());
    }
    assert_eq!(view.as_ptr(), data.as_ptr());
}

#[test]
fn reading_agrees_with_brute_force() {
    check_read::<Matrix>();
    check_read::<Transposed>();
    check_read::<Reversed>();
    check_read::<Interior>();
    check_read::<Skew>();
    check_read::<Four>();
    check_read::<Broadcast>();
    check_read::<Line>();
    check_read::<Scalar>();
    check_read::<Empty>();
}

#[test]
fn get_is_none_outside_the_shape() {
    let data = buffer::<Matrix>();
    let m = Matrix::try_view(&data).unwrap();
    assert_eq!(m.get([3, 0]), None);
    assert_eq!(m.get([0, 4]), None);
    assert_eq!(m.get([2, 3]), Some(&111));
    let line_data = buffer::<Line>();
    let line = Line::try_view(&line_data).unwrap();
    // Rank 1 takes a plain `usize` as well as `[usize; 1]`.
    assert_eq!(line[3], 106);
    assert_eq!(line.get(4), Some(&108));
    assert_eq!(line.get(5), None);
    assert_eq!(line[[3]], line[3]);
}

#[test]
#[should_panic(expected = "index [5] is out of range for shape [5]")]
fn index_by_usize_panics_like_a_slice() {
    let data = buffer::<Line>();
    let _ = Line::try_view(&data).unwrap()[5];
}

/// The views along axis `A` of `L`: each view's elements are `L`'s with
/// coordinate `i` at axis `A`, in C order of the others.
fn check_axis<L: Layout + Subview<1>, const A: usize>()
where
    Without<L, A>: Layout,
{
    let data = buffer::<L>();
    let view = View::<i64, L>::try_from_slice(&data).unwrap();
    let shape = L::SHAPE_SLICE;
    let views: Vec<Vec<i64>> = view.axis_iter(Axis::<A>).map(|v| v.iter().copied().collect()).collect();
    assert_eq!(views.len(), shape[A]);
    for (i, got) in views.iter().enumerate() {
        let want: Vec<i64> = indices(shape)
            .into_iter()
            .filter(|index| index[A] == i)
            .map(|index| 100 + reach(L::STRIDES_SLICE, L::OFFSET as isize, &index) as i64)
            .collect();
        assert_eq!(*got, want, "axis {A}, position {i}");
    }
    let backwards: Vec<Vec<i64>> = view
        .axis_iter(Axis::<A>)
        .rev()
        .map(|v| v.iter().copied().collect())
        .collect();
    assert_eq!(backwards, views.iter().rev().cloned().collect::<Vec<_>>());
}

/// The rows of `L` are its sub-views at each first coordinate.
fn check_rows<L: Layout + Subview<1>>()
where
    Trailing<L, 1>: Layout,
{
    let data = buffer::<L>();
    let view = View::<i64, L>::try_from_slice(&data).unwrap();
    let rows: Vec<Vec<i64>> = view.rows().map(|row| row.iter().copied().collect()).collect();
    assert_eq!(rows.len(), L::SHAPE_SLICE[0]);
    assert_eq!(view.rows().len(), rows.len());
    for (i, row) in rows.iter().enumerate() {
        let sub: Vec<i64> = view.subview([i]).unwrap().iter().copied().collect();
        assert_eq!(*row, sub);
        let want: Vec<i64> = indices(L::SHAPE_SLICE)
            .into_iter()
            .filter(|index| index[0] == i)
            .map(|index| 100 + reach(L::STRIDES_SLICE, L::OFFSET as isize, &index) as i64)
            .collect();
        assert_eq!(*row, want);
    }
    let outer: Vec<Vec<i64>> = view.outer_iter().map(|row| row.iter().copied().collect()).collect();
    assert_eq!(outer, rows);
    // Skipping from either end, counting, the last row.
    let collect = |row: Option<View<'_, i64, Trailing<L, 1>>>| row.map(|r| r.iter().copied().collect::<Vec<_>>());
    for n in 0..rows.len() + 2 {
        let mut it = view.rows();
        assert_eq!(collect(it.nth(n)), rows.get(n).cloned(), "nth({n})");
        assert_eq!(it.len(), rows.len().saturating_sub(n + 1));
        assert_eq!(collect(it.next()), rows.get(n + 1).cloned());
        let mut back = view.rows();
        let from_back = rows.len().checked_sub(n + 1).and_then(|k| rows.get(k).cloned());
        assert_eq!(collect(back.nth_back(n)), from_back, "nth_back({n})");
        assert_eq!(back.len(), rows.len().saturating_sub(n + 1));
        if n == 0 {
            assert_eq!(collect(back.next()), rows.first().filter(|_| rows.len() > 1).cloned());
        }
    }
    assert_eq!(view.rows().count(), rows.len());
    assert_eq!(collect(view.rows().last()), rows.last().cloned());
    // Each row is as pointer-sized as its parent.
    for row in view.rows() {
        assert_eq!(core::mem::size_of_val(&row), core::mem::size_of::<usize>());
    }
}

#[test]
fn rows_and_axes_agree_with_brute_force() {
    check_rows::<Matrix>();
    check_rows::<Transposed>();
    check_rows::<Reversed>();
    check_rows::<Interior>();
    check_rows::<Skew>();
    check_rows::<Four>();
    check_rows::<Broadcast>();
    check_rows::<Line>();
    check_rows::<Empty>();
    check_axis::<Matrix, 0>();
    check_axis::<Matrix, 1>();
    check_axis::<Transposed, 1>();
    check_axis::<Reversed, 0>();
    check_axis::<Reversed, 1>();
    check_axis::<Skew, 1>();
    check_axis::<Skew, 2>();
    check_axis::<Four, 2>();
    check_axis::<Four, 3>();
    check_axis::<Broadcast, 0>();
    check_axis::<Empty, 0>();
    check_axis::<Empty, 1>();
    check_axis::<Line, 0>();
}

/// Writing through every writable view along axis 0 and axis `A` reaches
/// each element once: the buffer after writing `k` at the `k`-th element in
/// C order (by index) matches brute force.
fn check_writable_axes<L: UniqueLayout + Subview<1>, const A: usize>()
where
    Trailing<L, 1>: UniqueLayout,
    Without<L, A>: UniqueLayout,
{
    let positions = elements_of::<L>();
    let all = indices(L::SHAPE_SLICE);
    // `all` is in C order, so an index's ordinal is its place value.
    let ordinal = |index: &[usize]| {
        index
            .iter()
            .zip(L::SHAPE_SLICE)
            .fold(0, |acc, (&i, &n)| acc * n as i64 + i as i64)
    };
    let row_len: i64 = L::SHAPE_SLICE[1..].iter().product::<usize>() as i64;
    // Rows: row `i` gets `1000 * i + (ordinal within the row)`.
    let mut data = vec![-1; L::BUFFER_LEN];
    let mut view = ViewMut::<i64, L>::try_from_slice(&mut data).unwrap();
    let mut rows: Vec<ViewMut<'_, i64, Trailing<L, 1>>> = view.rows_mut().collect();
    for (i, row) in rows.iter_mut().enumerate() {
        for (k, x) in row.iter_mut().enumerate() {
            *x = 1000 * i as i64 + k as i64;
        }
    }
    drop(rows);
    for (index, &e) in all.iter().zip(&positions) {
        let within = ordinal(index) - index[0] as i64 * row_len;
        assert_eq!(data[e], 1000 * index[0] as i64 + within, "rows_mut at {index:?}");
    }
    // Axis `A`: every view alive at once, each writes its elements' C-order ordinals.
    let mut data = vec![-1; L::BUFFER_LEN];
    let mut view = ViewMut::<i64, L>::try_from_slice(&mut data).unwrap();
    let mut views: Vec<_> = view.axis_iter_mut(Axis::<A>).collect();
    assert_eq!(views.len(), L::SHAPE_SLICE[A]);
    for (i, v) in views.iter_mut().enumerate() {
        let mine = all.iter().filter(|index| index[A] == i);
        for (x, index) in v.iter_mut().zip(mine) {
            *x = ordinal(index);
        }
    }
    drop(views);
    for (index, &e) in all.iter().zip(&positions) {
        assert_eq!(data[e], ordinal(index), "axis_iter_mut at {index:?}");
    }
    let reached = reached(L::BUFFER_LEN, &positions);
    for e in (0..L::BUFFER_LEN).filter(|&e| !reached[e]) {
        assert_eq!(data[e], -1);
    }
}

/// Whether each element of a buffer of `len` is among `positions` (a
/// layout's elements, `elements_of`).
fn reached(len: usize, positions: &[usize]) -> Vec<bool> {
    let mut reached = vec![false; len];
    for &e in positions {
        reached[e] = true;
    }
    reached
}

#[test]
fn writable_rows_and_axes_are_disjoint() {
    check_writable_axes::<Matrix, 1>();
    check_writable_axes::<Reversed, 1>();
    check_writable_axes::<Interior, 0>();
    check_writable_axes::<Skew, 2>();
    check_writable_axes::<Four, 1>();
    check_writable_axes::<Four, 3>();
    check_writable_axes::<Line, 0>();
}

strided_view! {
    /// Empty along axis 0 or 1, whatever the other extent: `[N, M, 1]`.
    pub mut EmptyEdge<const N: usize, const M: usize>: [_; 1] { shape: [N, M, 1], strides: [1, 1, 7] }
}

/// An axis of extent 0 yields no view, so the layout of the views it would
/// yield is not held to the parent's bounds: the rows of `[0, usize::MAX,
/// 1]` (which as numbers need a buffer of `usize::MAX` elements) and the
/// views along an axis of extent 0 compile and yield nothing; along the
/// other axes they are empty views.
#[test]
fn no_views_along_an_empty_axis() {
    let mut one = [5u8];
    let mut tall = EmptyEdge::<0, { usize::MAX }>::view_mut(&mut one);
    assert_eq!(tall.rows_mut().count(), 0);
    assert_eq!(tall.as_view().rows().count(), 0);
    assert_eq!(tall.axis_iter_mut(Axis::<0>).count(), 0);
    assert!(tall.as_view().subview([0]).is_none());
    let mut wide = EmptyEdge::<{ usize::MAX }, 0>::view_mut(&mut one);
    assert_eq!(wide.axis_iter_mut(Axis::<1>).count(), 0);
    assert_eq!(wide.as_view().axis_iter(Axis::<1>).count(), 0);
    let mut row = wide.rows_mut().next().expect("usize::MAX rows");
    assert_eq!((row.shape(), row.iter_mut().count()), ([0, 1], 0));
    assert_eq!(one, [5]);
}

strided_view! {
    pub mut EmptyCube: [u8; 0] { shape: [0, 2, 2, 2], strides: [1, 1, 1, 1] }
}

/// The layout of views that are never made is empty: the trailing axes of
/// `[0, 2, 2, 2]` with strides 1 would repeat elements ([0, 1] and [1, 0]
/// both reach element 1), but no row exists, so `Trailing<EmptyCube, 1>`
/// has extents 0, as does `Without` of its axis 0. A writable view of them
/// (made by hand: `rows_mut` yields none) is empty and reaches nothing.
#[test]
fn views_never_made_have_empty_layouts() {
    assert_eq!(<Trailing<EmptyCube, 1> as Layout>::SHAPE, [0, 0, 0]);
    assert_eq!(<Without<EmptyCube, 0> as Layout>::SHAPE, [0, 0, 0]);
    assert_eq!(<Trailing<EmptyCube, 1> as Layout>::BUFFER_LEN, 0);
    const { assert!(<Trailing<EmptyCube, 1> as Layout>::IS_UNIQUE) };
    // The other axes keep their extents: the views they yield are empty.
    assert_eq!(<Without<EmptyCube, 1> as Layout>::SHAPE, [0, 2, 2]);
    let mut none: [u8; 0] = [];
    assert_eq!(
        ViewMut::<u8, Trailing<EmptyCube, 1>>::from_array(&mut none)
            .iter_mut()
            .count(),
        0
    );
    assert_eq!(
        ViewMut::<u8, Without<EmptyCube, 0>>::from_array(&mut none)
            .iter_mut()
            .count(),
        0
    );
    let mut cube = EmptyCube::view_mut(&mut none);
    assert_eq!(cube.rows_mut().count(), 0);
    assert_eq!(cube.axis_iter_mut(Axis::<1>).count(), 2);
}

#[test]
fn writing_by_index_and_indexed_iteration() {
    let mut data = vec![0i64; 20];
    let mut view = Reversed::try_view_mut(&mut data).unwrap();
    for ([i, j], x) in view.indexed_iter_mut() {
        *x = (10 * i + j) as i64;
    }
    // Index [i, j] reaches 19 - 5i - j.
    for i in 0..4 {
        for j in 0..5 {
            assert_eq!(data[19 - 5 * i - j], (10 * i + j) as i64);
        }
    }
    let mut view = Reversed::try_view_mut(&mut data).unwrap();
    view.swap([0, 0], [3, 4]);
    view.swap([1, 1], [1, 1]);
    assert_eq!((view[[0, 0]], view[[3, 4]], view[[1, 1]]), (34, 0, 11));
    let mut next = 0;
    view.fill_with(|| {
        next += 1;
        next
    });
    // `fill_with` runs in C order: element of [i, j] gets 5i + j + 1.
    assert_eq!(data[19], 1);
    assert_eq!(data[0], 20);
    let mut line_data = vec![0i64; 10];
    let mut line = Line::try_view_mut(&mut line_data).unwrap();
    line[2] = 7;
    *line.get_mut(4).unwrap() = 9;
    assert_eq!(line.get_mut(5), None);
    assert_eq!(line_data, [0, 0, 0, 0, 7, 0, 0, 0, 9, 0]);
}

#[test]
#[should_panic(expected = "index [4, 0] is out of range for shape [4, 5]")]
fn swap_outside_the_shape_panics() {
    let mut data = vec![0i64; 20];
    Reversed::try_view_mut(&mut data).unwrap().swap([0, 0], [4, 0]);
}

#[test]
fn writable_views_read_like_views() {
    let mut data: Vec<i64> = (0..20).collect();
    let mut view = Reversed::try_view_mut(&mut data).unwrap();
    // Elements 19 - 5i - j: 0 to 19, each once.
    assert_eq!(view.sum(), 190);
    assert_eq!(view.min(), Some(0));
    assert_eq!(view.max(), Some(19));
    assert_eq!(view.fold(0, |n, _| n + 1), 20);
    let mut seen = 0;
    view.for_each(|_| seen += 1);
    assert_eq!(seen, 20);
    // `&ViewMut` and `&mut ViewMut` iterate like `iter` and `iter_mut`.
    let by_ref: Vec<i64> = (&view).into_iter().copied().collect();
    assert_eq!(by_ref[0], 19);
    for x in &mut view {
        *x *= 2;
    }
    assert_eq!(view[[0, 0]], 38);
    assert_eq!(view.as_view(), view.as_view());
    let twice: Vec<i64> = (0..20).map(|x| 2 * x).collect();
    assert!(view == Reversed::try_view(&twice).unwrap());
    assert_eq!(view.rows().count(), 4);
    assert_eq!(view.as_ptr(), view.as_view().as_ptr());
    // Dot with a borrowed writable view.
    let mut other: Vec<i64> = vec![1; 20];
    let ones = Reversed::try_view_mut(&mut other).unwrap();
    assert_eq!(view.dot(&ones), 380);
}

strided_view! {
    mut A1: [i32; 8] { shape: [8] }
    B1: [i32; 8] { shape: [8], strides: [-1], offset: 7 }
    mut C1: [i32; 16] { shape: [8], strides: [2] }
}

#[test]
fn zip_of_one_to_eight_operands() {
    let x: [i32; 8] = core::array::from_fn(|i| i as i32);
    let y: [i32; 16] = core::array::from_fn(|i| 100 + i as i32);
    let b = B1::view(&x);
    // One operand: a plain traversal.
    assert_eq!(zip((b,)).fold(0, |acc, &v| acc * 10 + v), 76543210);
    // Eight: b[i] = 7 - i, y at stride 2 = 100 + 2i.
    let c = C1::view(&y);
    let total = zip((b, b, b, b, c, c, c, c)).fold(0, |acc, &p, &q, &r, &s, &t, &u, &v, &w| {
        acc + p + q + r + s + t + u + v + w
    });
    let want: i32 = (0..8).map(|i| 4 * (7 - i) + 4 * (100 + 2 * i)).sum();
    assert_eq!(total, want);
    // Writable operands mixed in: out[i] = b[i] + c[i], and y's even
    // elements doubled, in one pass.
    let mut out = [0i32; 8];
    let mut y2 = y;
    let mut o = A1::view_mut(&mut out);
    let mut c2 = C1::view_mut(&mut y2);
    zip((b, &mut o, &mut c2)).for_each(|&p, o, c| {
        *o = p + *c;
        *c *= 2;
    });
    assert_eq!(out, core::array::from_fn(|i| 7 - i as i32 + 100 + 2 * i as i32));
    // A borrowed writable view as a source, and map_into.
    let mut out2 = [0i32; 8];
    zip((&c2, b)).map_into(&mut A1::view_mut(&mut out2), |&c, &p| c - p);
    assert_eq!(out2[0], 200 - 7);
    // `copy_from` a borrowed writable view.
    let mut out3 = [0i32; 8];
    A1::view_mut(&mut out3).copy_from(&c2);
    assert_eq!(out3[1], 204);
    assert_eq!(y2[4], 208);
    assert_eq!(y2[5], 105);
}

/// A small xorshift step: the scripts below are the same on every run.
fn next_random(state: &mut u32) -> u32 {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    *state
}

/// One scripted mix of steps from both ends (`next`, `next_back`, `nth`,
/// `nth_back`, checking `len` after each), then one way of finishing
/// (`fold`, `rfold`, `count`, `last`, a `for` loop), for `iter()` and
/// `indexed_iter()` side by side, against a model of the indices left.
fn check_steps<L: Layout>() {
    let data = buffer::<L>();
    let view = View::<i64, L>::try_from_slice(&data).unwrap();
    let all: Vec<(L::Index, i64)> = index_values::<L>().into_iter().zip(expected::<L>()).collect();
    let mut state = 0x2545_f491;
    // Every pair of (steps, finish) is met within 35 rounds; Miri runs 7,
    // every count of steps once.
    let rounds = if cfg!(miri) { 7 } else { 40 };
    for round in 0..rounds {
        let mut model: std::collections::VecDeque<(L::Index, i64)> = all.iter().copied().collect();
        let (mut it, mut indexed) = (view.iter(), view.indexed_iter());
        for _ in 0..round % 7 {
            let k = (next_random(&mut state) % 5) as usize;
            let want = match next_random(&mut state) % 4 {
                0 => {
                    let want = model.pop_front();
                    assert_eq!(indexed.next().map(|(i, &x)| (i, x)), want);
                    assert_eq!(it.next().copied(), want.map(|w| w.1));
                    want
                }
                1 => {
                    let want = model.pop_back();
                    assert_eq!(indexed.next_back().map(|(i, &x)| (i, x)), want);
                    assert_eq!(it.next_back().copied(), want.map(|w| w.1));
                    want
                }
                2 => {
                    model.drain(..k.min(model.len()));
                    let want = model.pop_front();
                    assert_eq!(indexed.nth(k).map(|(i, &x)| (i, x)), want);
                    assert_eq!(it.nth(k).copied(), want.map(|w| w.1));
                    want
                }
                _ => {
                    let keep = model.len().saturating_sub(k);
                    model.truncate(keep);
                    let want = model.pop_back();
                    assert_eq!(indexed.nth_back(k).map(|(i, &x)| (i, x)), want);
                    assert_eq!(it.nth_back(k).copied(), want.map(|w| w.1));
                    want
                }
            };
            // Once an end comes back empty, so do both.
            if want.is_none() {
                assert_eq!((it.next(), indexed.next_back()), (None, None));
            }
            assert_eq!(it.len(), model.len(), "len after a step");
            assert_eq!(indexed.len(), model.len());
        }
        let rest: Vec<(L::Index, i64)> = model.iter().copied().collect();
        match round % 5 {
            0 => {
                let got = indexed.fold(Vec::new(), |mut v, (i, &x)| {
                    v.push((i, x));
                    v
                });
                assert_eq!(got, rest, "fold after steps");
                let values = it.fold(Vec::new(), |mut v, &x| {
                    v.push(x);
                    v
                });
                assert_eq!(values, rest.iter().map(|w| w.1).collect::<Vec<_>>());
            }
            1 => {
                let got = indexed.rfold(Vec::new(), |mut v, (i, &x)| {
                    v.push((i, x));
                    v
                });
                assert_eq!(got, rest.iter().rev().copied().collect::<Vec<_>>(), "rfold after steps");
                let values = it.rfold(Vec::new(), |mut v, &x| {
                    v.push(x);
                    v
                });
                assert_eq!(values, rest.iter().rev().map(|w| w.1).collect::<Vec<_>>());
            }
            2 => {
                assert_eq!(indexed.count(), rest.len());
                assert_eq!(it.count(), rest.len());
            }
            3 => {
                assert_eq!(indexed.last().map(|(i, &x)| (i, x)), rest.last().copied());
                assert_eq!(it.last().copied(), rest.last().map(|w| w.1));
            }
            _ => {
                let mut got = Vec::new();
                for (i, &x) in indexed {
                    got.push((i, x));
                }
                assert_eq!(got, rest, "for loop after steps");
                assert!(it.copied().eq(rest.iter().map(|w| w.1)));
            }
        }
    }
}

#[test]
fn stepping_from_both_ends_agrees_with_brute_force() {
    check_steps::<Matrix>();
    check_steps::<Transposed>();
    check_steps::<Reversed>();
    check_steps::<Interior>();
    check_steps::<Skew>();
    check_steps::<Four>();
    check_steps::<Broadcast>();
    check_steps::<Line>();
    check_steps::<Scalar>();
    check_steps::<Empty>();
}

/// `iter_mut()` and `indexed_iter_mut()` partly stepped from both ends, the
/// rest folded from either end: each element of the view is handed out
/// once (each gets `+1000` once), and nothing else is touched.
fn check_steps_mut<L: UniqueLayout>() {
    let mut state = 0x1b87_3593;
    let rounds = if cfg!(miri) { 5 } else { 24 };
    let reached = reached(L::BUFFER_LEN, &elements_of::<L>());
    for round in 0..rounds {
        let mut data = buffer::<L>();
        {
            let mut view = ViewMut::<i64, L>::try_from_slice(&mut data).unwrap();
            let mut it = view.iter_mut();
            for _ in 0..round % 5 {
                let k = (next_random(&mut state) % 4) as usize;
                let x = match next_random(&mut state) % 4 {
                    0 => it.next(),
                    1 => it.next_back(),
                    // `nth` skips `k`, which stay untouched.
                    2 => it.nth(k),
                    _ => it.nth_back(k),
                };
                if let Some(x) = x {
                    *x += 1000;
                }
            }
            if round % 2 == 0 {
                it.for_each(|x| *x += 1000);
            } else {
                it.rfold((), |(), x| *x += 1000);
            }
        }
        // Every element reached got +1000 at most once; the skipped ones
        // got nothing; elements outside the view are untouched.
        for (e, &value) in data.iter().enumerate() {
            let bumped = value - (100 + e as i64);
            if reached[e] {
                assert!(bumped == 0 || bumped == 1000, "element {e} bumped by {bumped}");
            } else {
                assert_eq!(bumped, 0, "element {e} is outside the view");
            }
        }
        // Without skips every element is bumped exactly once.
        let mut data = buffer::<L>();
        {
            let mut view = ViewMut::<i64, L>::try_from_slice(&mut data).unwrap();
            let mut it = view.indexed_iter_mut();
            let mut seen = Vec::new();
            for _ in 0..round % 5 {
                let step = if next_random(&mut state) % 2 == 0 {
                    it.next()
                } else {
                    it.next_back()
                };
                if let Some((index, x)) = step {
                    seen.push(index);
                    *x += 1000;
                }
            }
            it.for_each(|(index, x)| {
                seen.push(index);
                *x += 1000;
            });
            let as_vec = |i: &L::Index| i.as_ref().to_vec();
            let mut seen: Vec<Vec<usize>> = seen.iter().map(as_vec).collect();
            seen.sort();
            let mut all: Vec<Vec<usize>> = index_values::<L>().iter().map(as_vec).collect();
            all.sort();
            assert_eq!(seen, all, "each index once");
        }
        for &e in &elements_of::<L>() {
            assert_eq!(data[e], 100 + e as i64 + 1000);
        }
    }
}

#[test]
fn writable_stepping_hands_out_each_element_once() {
    check_steps_mut::<Matrix>();
    check_steps_mut::<Reversed>();
    check_steps_mut::<Interior>();
    check_steps_mut::<Skew>();
    check_steps_mut::<Four>();
    check_steps_mut::<Line>();
}

/// (64-bit targets: the extents do not fit a 32-bit `usize`.)
#[cfg(target_pointer_width = "64")]
mod huge_empty {
    use super::*;

    strided_view! {
        /// Empty, with extents whose product without the 0 overflows.
        pub HugeEmpty: [u8; 0] { shape: [4294967296, 4294967296, 0] }
    }

    #[test]
    fn an_empty_view_with_huge_extents_has_no_elements() {
        let none: [u8; 0] = [];
        let view = HugeEmpty::view(&none);
        assert_eq!((view.len(), view.is_empty()), (0, true));
        assert_eq!(view.iter().count(), 0);
        assert_eq!(<HugeEmpty as Layout>::SIZE, 0);
        // One `[]`, not a bracket per row of 2^64 rows.
        assert_eq!(format!("{view:?}"), "[]");
    }
}
