//! Every example of the NumPy `as_strided` tutorial, through proven views.
//!
//! Each test names the tutorial's NumPy call it answers and asserts the values
//! the tutorial prints.

// These tests check the constants the macro generates, so asserting constants is the point.
#![allow(clippy::assertions_on_constants)]

use view_core::Layout;
use view_macros::strided_view;

/// `x = np.array([0, 1, .., 11])`
const X: [i64; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

strided_view! {
    /// `x.shape = (4, 3)`: strides default to C order, (24, 8) bytes.
    Matrix: [i64; 12] { shape: [4, 3] }
    /// `x.strides = (16, 16)` / `as_strided(x, (4, 3), (16, 16))`: rows overlap.
    Overlapping: [i64; 12] { shape: [4, 3], byte_strides: [16, 16] }
    /// `np.ndarray(buffer=x.data, shape=(12,), strides=(-8,), offset=x.nbytes - x.itemsize)`
    Reversed: [i64; 12] { shape: [12], strides: [-1], offset: 11 }
    /// The same reversal with NumPy's byte offset.
    ReversedBytes: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88 }
}

#[test]
fn reshape_to_4_by_3() {
    let m = Matrix::view(&X);
    assert_eq!(Matrix::STRIDES, [3, 1]);
    assert_eq!(m.shape(), [4, 3]);
    let rows: [[i64; 3]; 4] = core::array::from_fn(|i| core::array::from_fn(|j| m[[i, j]]));
    assert_eq!(rows, [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]);
    assert_eq!(format!("{m:?}"), "[[0, 1, 2],\n [3, 4, 5],\n [6, 7, 8],\n [9, 10, 11]]");
}

#[test]
fn overlapping_16_16_byte_strides() {
    let v = Overlapping::view(&X);
    assert_eq!(Overlapping::STRIDES, [2, 2]);
    let rows: [[i64; 3]; 4] = core::array::from_fn(|i| core::array::from_fn(|j| v[[i, j]]));
    assert_eq!(rows, [[0, 2, 4], [2, 4, 6], [4, 6, 8], [6, 8, 10]]);
    assert!(!Overlapping::IS_UNIQUE);
}

#[test]
fn reversal_with_offset() {
    let expected = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    assert!(Reversed::view(&X).iter().copied().eq(expected));
    assert!(ReversedBytes::view(&X).iter().copied().eq(expected));
    assert_eq!(ReversedBytes::OFFSET, 11);
    assert!(Reversed::IS_UNIQUE && Reversed::IS_EXHAUSTIVE);
    assert!(Reversed::view(&X).iter().rev().copied().eq(X));
}

const N: usize = 4;

strided_view! {
    /// `np.ndarray(buffer=x.data, shape=(N,), strides=((N + 1) * itemsize,))`
    Diagonal: [i64; N * N] { shape: [N], strides: [N as isize + 1] }
    /// `np.ndarray(..., strides=((N - 1) * itemsize,), offset=(N - 1) * itemsize)`
    AntiDiagonal: [i64; N * N] { shape: [N], strides: [N as isize - 1], offset: N - 1 }
}

#[test]
fn diagonal_and_anti_diagonal_of_4_by_4() {
    let x: [i64; 16] = core::array::from_fn(|i| i as i64);
    assert!(Diagonal::view(&x).iter().copied().eq([0, 5, 10, 15]));
    assert!(AntiDiagonal::view(&x).iter().copied().eq([3, 6, 9, 12]));
}

strided_view! {
    /// `x` of shape (1, 4) broadcast to (6, 4): `strides=(0, 8)`.
    RowBroadcast: [i64; 4] { shape: [6, 4], strides: [0, 1] }
    /// `y` of shape (6, 1) broadcast to (6, 4): `strides=(8, 0)`.
    ColumnBroadcast: [i64; 6] { shape: [6, 4], strides: [1, 0] }
}

#[test]
fn broadcasting_by_zero_strides() {
    let x = [0i64, 1, 2, 3];
    let y = [6i64, 7, 8, 9, 10, 11];
    let (xb, yb) = (RowBroadcast::view(&x), ColumnBroadcast::view(&y));
    let sum: [[i64; 4]; 6] = core::array::from_fn(|i| core::array::from_fn(|j| xb[[i, j]] + yb[[i, j]]));
    assert_eq!(
        sum,
        [
            [6, 7, 8, 9],
            [7, 8, 9, 10],
            [8, 9, 10, 11],
            [9, 10, 11, 12],
            [10, 11, 12, 13],
            [11, 12, 13, 14]
        ]
    );
    let zipped: Vec<i64> = xb.iter().zip(yb.iter()).map(|(a, b)| a + b).collect();
    assert_eq!(zipped, sum.concat());
    // NumPy's `nbytes` would claim 24 elements; the view spans 4 of them.
    assert_eq!(RowBroadcast::SIZE, 24);
    assert_eq!(RowBroadcast::REQUIRED_SPAN, 4);
    assert_eq!(ColumnBroadcast::REQUIRED_SPAN, 6);
    assert!(!RowBroadcast::IS_UNIQUE);
}

strided_view! {
    /// `np.ndarray(buffer=x.data, shape=(3, 2, 2, 2), strides=(24, 8, 24, 8))`
    Windows: [i64; 12] { shape: [3, 2, 2, 2], byte_strides: [24, 8, 24, 8] }
}

#[test]
fn sliding_window_and_kernel_sum() {
    let w = Windows::view(&X);
    assert_eq!(Windows::STRIDES, [3, 1, 3, 1]);
    let kernel = [[1i64, 0], [0, 1]];
    let mut result = [[0i64; 2]; 3];
    for (row, out) in result.iter_mut().enumerate() {
        for (col, cell) in out.iter_mut().enumerate() {
            for k in 0..2 {
                for l in 0..2 {
                    *cell += w[[row, col, k, l]] * kernel[k][l];
                }
            }
        }
    }
    assert_eq!(result, [[4, 6], [10, 12], [16, 18]]);
    assert_eq!(w[[2, 1, 1, 1]], 11);
}

strided_view! {
    /// `as_strided(y, shape=(2, 8), strides=(8, 0))`: each element repeated 8 times.
    /// Read-only: the tutorial's `writeable=True` version is rejected (ui-tests).
    Repeated: [i64; 2] { shape: [2, 8], strides: [1, 0] }
}

#[test]
fn repeated_element_view_is_read_only_and_repeats() {
    let y = [2i64, 5];
    let b = Repeated::view(&y);
    assert!(b.iter().take(8).all(|&v| v == 2));
    assert!(b.iter().skip(8).all(|&v| v == 5));
    assert_eq!(Repeated::SIZE, 16);
    assert_eq!(Repeated::REQUIRED_SPAN, 2);
    assert!(!Repeated::IS_UNIQUE);
}

#[test]
fn views_are_pointer_sized() {
    assert_eq!(
        core::mem::size_of_val(&Windows::view(&X)),
        core::mem::size_of::<usize>()
    );
    assert_eq!(core::mem::size_of_val(&Matrix::view(&X)), core::mem::size_of::<usize>());
}
