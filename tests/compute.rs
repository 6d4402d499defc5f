//! Computing with views: the tutorial's Example 3 three ways (loops, zip,
//! contraction), reductions, zips and sub-views, against values computed by
//! hand (each noted where it is not obvious).

use view_core::{contract, zip, Layout};
use view_macros::strided_view;

/// `x = np.arange(12)`
const X: [i64; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

strided_view! {
    /// The tutorial's 4x3 reshape of `x`...
    Grid: [i64; 12] { shape: [4, 3] }
    /// ... and its (3, 2, 2, 2) sliding 2x2 windows: the tutorial's strides
    /// (24, 8, 24, 8) bytes.
    Windows: [i64; 12] { shape: [3, 2, 2, 2], strides: [3, 1, 3, 1] }
    /// The same windows, derived from the grid by the layout algebra
    /// (`sliding_window_view(grid, (2, 2))`).
    Derived = Grid.windows([2, 2]);
    Kernel: [i64; 4] { shape: [2, 2] }
    /// Kernel broadcast over every window position, for the zip version.
    KernelEverywhere: [i64; 4] { shape: [3, 2, 2, 2], strides: [0, 0, 2, 1] }
    mut Result: [i64; 6] { shape: [3, 2] }
}

/// `[[4, 6], [10, 12], [16, 18]]`: each window's main diagonal, `w[0,0] + w[1,1]`.
const EXPECTED: [i64; 6] = [4, 6, 10, 12, 16, 18];

#[test]
fn example_3_with_loops() {
    let w = Windows::view(&X);
    let k = Kernel::view(&[1, 0, 0, 1]);
    let mut out = [0i64; 6];
    let mut result = Result::view_mut(&mut out);
    for i in 0..3 {
        for j in 0..2 {
            let mut acc = 0;
            for a in 0..2 {
                for b in 0..2 {
                    acc += w[[i, j, a, b]] * k[[a, b]];
                }
            }
            result[[i, j]] = acc;
        }
    }
    assert_eq!(out, EXPECTED);
}

#[test]
fn example_3_with_zip_and_subviews() {
    let w = Windows::view(&X);
    let kernel = [1i64, 0, 0, 1];
    // Option 2 of the tutorial: broadcast the kernel, multiply, sum the window axes.
    let products: Vec<i64> = {
        let mut p = Vec::new();
        zip((w, KernelEverywhere::view(&kernel))).for_each(|a, b| p.push(a * b));
        p
    };
    let sums: Vec<i64> = products.chunks(4).map(|c| c.iter().sum()).collect();
    assert_eq!(sums, EXPECTED);
    // Per window through sub-views: `w[i, j]` is a 2x2 view.
    let mut out = [0i64; 6];
    for i in 0..3 {
        for j in 0..2 {
            let window = w.subview([i, j]).expect("inside the shape");
            out[i * 2 + j] = window.dot(Kernel::view(&kernel));
        }
    }
    assert_eq!(out, EXPECTED);
    assert!(w.subview([3, 0]).is_none());
}

#[test]
fn example_3_with_contraction() {
    let mut out = [0i64; 6];
    contract(
        Windows::view(&X),
        Kernel::view(&[1, 0, 0, 1]),
        &mut Result::view_mut(&mut out),
    );
    assert_eq!(out, EXPECTED);
    // The derived windows are the same layout.
    assert_eq!(Derived::SHAPE, Windows::SHAPE);
    assert_eq!(Derived::STRIDES, Windows::STRIDES);
    let mut again = [0i64; 6];
    contract(
        Derived::of(Grid::view(&X)),
        Kernel::view(&[1, 0, 0, 1]),
        &mut Result::view_mut(&mut again),
    );
    assert_eq!(again, EXPECTED);
}

strided_view! {
    Reversed: [f32; 8] { shape: [8], strides: [-1], offset: 7 }
    Evens: [f32; 8] { shape: [4], strides: [2] }
    Odds: [f32; 8] { shape: [4], strides: [2], offset: 1 }
    mut Half: [f32; 4] { shape: [4] }
}

#[test]
fn reductions() {
    let data = [3.0f32, -1.0, 4.0, 1.0, -5.0, 9.0, 2.0, 6.0];
    let r = Reversed::view(&data);
    assert_eq!(r.sum(), 19.0);
    assert_eq!(r.min(), Some(-5.0));
    assert_eq!(r.max(), Some(9.0));
    assert_eq!(r.fold(0, |n, &x| n + usize::from(x > 0.0)), 6);
    // evens 3, 4, -5, 2 and odds -1, 1, 9, 6: 3*-1 + 4*1 + -5*9 + 2*6 = -32
    assert_eq!(Evens::view(&data).dot(Odds::view(&data)), -32.0);
    let mut out = [0.0f32; 4];
    zip((Evens::view(&data), Odds::view(&data))).map_into(&mut Half::view_mut(&mut out), |a, b| a + b);
    assert_eq!(out, [2.0, 5.0, 4.0, 8.0]);
    zip((Evens::view(&data), Odds::view(&data), Evens::view(&data)))
        .map_into(&mut Half::view_mut(&mut out), |a, b, c| a * b + c);
    assert_eq!(out, [0.0, 8.0, -50.0, 14.0]);
    Evens::view(&data).map_into(&mut Half::view_mut(&mut out), |x| x * 10.0);
    assert_eq!(out, [30.0, 40.0, -50.0, 20.0]);
    let nan = [f32::NAN, 1.0, f32::NAN, -2.0, 0.0, 0.0, 0.0, 0.0];
    assert_eq!(Evens::view(&nan).min(), Some(0.0));
}

strided_view! {
    mut Columns: [i32; 12] { shape: [3, 4], strides: [1, 3] }
}

/// A fresh iterator folds through the whole-view loop nest; a partly consumed
/// one steps element by element. Both must visit the same elements in C order.
#[test]
fn fresh_and_partly_consumed_iterators_agree() {
    // Columns of a 4x3 row-major matrix, read as rows: [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]].
    let data: [i32; 12] = core::array::from_fn(|i| i as i32);
    let expected = [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11];
    let v = Columns::view(&data);
    let mut folded = Vec::new();
    v.iter().for_each(|&x| folded.push(x));
    assert_eq!(folded, expected);
    let mut stepped = Vec::new();
    // A `for` loop calls `next`, never `fold`.
    for &x in v.iter() {
        stepped.push(x);
    }
    assert_eq!(stepped, expected);
    assert_eq!(
        v.iter().skip(5).copied().sum::<i32>(),
        expected[5..].iter().sum::<i32>()
    );
    assert_eq!(
        v.iter().rev().copied().collect::<Vec<_>>(),
        expected.iter().rev().copied().collect::<Vec<_>>()
    );
    let mut it = v.iter();
    it.next_back();
    assert_eq!(it.copied().collect::<Vec<_>>(), expected[..11]);

    let mut buffer = data;
    let mut w = Columns::view_mut(&mut buffer);
    w.iter_mut().for_each(|x| *x *= 10);
    w.iter_mut().skip(10).for_each(|x| *x = -1);
    // Index [2, 2] is element 8 and [2, 3] is element 11: the last two in C order.
    assert_eq!(buffer, [0, 10, 20, 30, 40, 50, 60, 70, -1, 90, 100, -1]);
}

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);
}

/// One fused pass over two split members writes both, pairing their elements
/// index by index.
#[test]
fn zip_mut_writes_both_split_members_in_one_pass() {
    let mut samples = [100i16, 1, 200, 2, 300, 3, 400, 4];
    let (mut left, mut right) = Stereo::split(&mut samples);
    let mut pairs = Vec::new();
    view_core::zip((&mut left, &mut right)).for_each(|l, r| {
        pairs.push((*l, *r));
        *l /= 2;
        *r *= -1;
    });
    assert_eq!(pairs, [(100, 1), (200, 2), (300, 3), (400, 4)]);
    assert_eq!(samples, [50, -1, 100, -2, 150, -3, 200, -4]);
}
