//! Strides and offsets written with constants of any integer type: the
//! expansion converts each exactly (in const evaluation on the target) to
//! the `isize` / `usize` it stands in for, so that `const W: usize` serves
//! as a stride without `W as isize`. Out-of-range values are compile errors
//! (ui-test `integer_constants`).

use view_core::Layout;
use view_macros::strided_view;

const W: usize = 4;
const STEP: u8 = 2;
const BACK: i32 = -1;
const LAST: i64 = 11;
const BYTES: u64 = 16;
const START: u16 = 8;
const HUGE_TYPE: u128 = 3;

strided_view! {
    /// `W` is a `usize`, the stride an `isize`.
    Rows: [i64; 12] { shape: [3, W], strides: [W, 1] }
    /// Arithmetic whose type its constant decides.
    EveryOther: [i64; 12] { shape: [3], strides: [W * 2 / 2], offset: STEP }
    /// A signed `i32` stride and an `i64` offset.
    Reversed: [i64; 12] { shape: [12], strides: [BACK], offset: LAST }
    /// Byte strides and a byte offset of unsigned types.
    Bytes: [i64; 12] { shape: [2], byte_strides: [BYTES], byte_offset: START }
    /// A `u128` constant that fits.
    Wide: [u8; 9] { shape: [3], strides: [HUGE_TYPE] }
    /// A const parameter of type `usize` as a stride.
    pub Strided<const N: usize>: [_; 4 * N] { shape: [4], strides: [N] }
    /// Operation arguments of any integer type: a `u8` axis, an `i32` step,
    /// a `u64` index.
    RowsBack = Rows.slice(STEP - 1, .., BACK);
    LastRow = Rows.index(0, BYTES / 8);
}

#[test]
fn constants_of_any_integer_type_are_converted_exactly() {
    assert_eq!(Rows::STRIDES, [4, 1]);
    assert_eq!((EveryOther::STRIDES, EveryOther::OFFSET), ([4], 2));
    assert_eq!((Reversed::STRIDES, Reversed::OFFSET), ([-1], 11));
    assert_eq!((Bytes::STRIDES, Bytes::OFFSET), ([2], 1));
    assert_eq!(Wide::STRIDES, [3]);
    assert_eq!(Strided::<3>::STRIDES, [3]);
    assert_eq!(
        (RowsBack::SHAPE, RowsBack::STRIDES, RowsBack::OFFSET),
        ([3, 4], [4, -1], 3)
    );
    assert_eq!((LastRow::SHAPE, LastRow::OFFSET), ([4], 8));

    let x: [i64; 12] = core::array::from_fn(|i| i as i64);
    assert_eq!(Rows::view(&x)[[2, 3]], 11);
    assert_eq!(EveryOther::view(&x).iter().copied().collect::<Vec<_>>(), [2, 6, 10]);
    assert_eq!(Reversed::view(&x)[[0]], 11);
    assert_eq!(Bytes::view(&x).iter().copied().collect::<Vec<_>>(), [1, 3]);
    let y = [0u8, 1, 2, 3, 4, 5, 6, 7, 8];
    assert_eq!(Wide::view(&y)[[2]], 6);
    assert_eq!(Strided::<3>::view(&x)[[3]], 9);
}
