//! Every operation of the layout algebra (`strided_view!`'s derived layouts)
//! against NumPy: shape, element strides, element offset and every value of
//! the derived view must be what NumPy's own view operation gives.
//!
//! The tables below are NumPy's output, pasted. They were generated with
//!
//! ```text
//! python3 tests/numpy_oracle/algebra_cases.py > /tmp/algebra_cases.rs
//! ```
//!
//! (NumPy 2.4.6, Python 3.11), run from the workspace root, and pasted
//! verbatim between the `generated` markers. The script builds each parent
//! with `np.lib.stride_tricks.as_strided` over `np.arange(LEN)` (so every
//! value is its own element index), applies the NumPy operation, checks that
//! NumPy returned a view (not a copy) whose (shape, strides, offset)
//! reproduces its values, and prints them. This test needs no Python: it only
//! holds the pasted values.
//!
//! - `numpy_cases!`: one `#[test]` per derived layout; `SHAPE`, `STRIDES`,
//!   `OFFSET` and the values `NAME::view(&buf).iter()` reads (forwards and
//!   backwards) equal NumPy's. No case has an empty result: NumPy may move an
//!   empty view's data pointer, while a derived empty layout keeps its
//!   parent's offset (a documented deviation).
//! - `numpy_writes!`: derived layouts of the writable `Image`: writing
//!   1, 2, 3, .. through `NAME::of_mut(parent_view)` lands in the buffer
//!   elements NumPy's view reaches.
//! - `numpy_empty!`: derived layouts NumPy gives an empty result; the shape
//!   must be NumPy's, nothing is read, and the offset stays the parent's
//!   (NumPy's strides and data pointer are in the comments: an empty view
//!   reaches nothing, and NumPy gives an empty slice step 1 and start 0).
//! - `numpy_refuses!`: every reshape in the table that NumPy can only do by
//!   copying (`np.shares_memory(a, a.reshape(..))` is false). The layout
//!   algebra refuses each (checked here on NumPy's operand layout), and the
//!   macro rejects each at compile time: all of them are items of
//!   `ui-tests/tests/ui/derived_reshape_needs_copy.rs` (one error per item).
//!
//! Two disagreements were found and fixed in `view-core/src/algebra/`:
//! `np.broadcast_to` gives every axis of extent 1 stride 0, even one that
//! stays extent 1 (`broadcast_to(a[1:2], (2, 1, 4))` has strides (0, 0, 8)
//! bytes); rows `bto_one` and `bkeep_one` check it. And with a negative step,
//! a bound `-(n + 1)` normalises to -1, which NumPy does not clamp: it means
//! "before the first element" (`a[2:-5:-1]` of 4 elements is `[2, 1, 0]`); the
//! `sl_*before_start*` rows check it.
//!
//! The other rejected derived layouts live in `ui-tests/tests/ui/derived_*.rs`
//! (see the list at the end of this file).

// These tests check the constants the macro generates, so asserting constants is the point.
#![allow(clippy::assertions_on_constants)]

use view_core::algebra::{apply_all, AlgebraError, Op, Strided};
use view_core::{Layout, UniqueLayout};
use view_macros::strided_view;

/// `np.arange(N)`: every element holds its own index.
fn arange<const N: usize>() -> [i64; N] {
    core::array::from_fn(|i| i as i64)
}

/// One derived layout against NumPy's view: constants, then the values read
/// in C order (`read`) and backwards (`read_back`). Strides are compared
/// last: they are the only thing that may differ while the elements agree
/// (the strides of extent-1 axes).
fn check<L: Layout>(
    name: &str,
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    values: &[i64],
    read: &[i64],
    read_back: &[i64],
) {
    assert_eq!(L::SHAPE.as_ref(), shape, "{name}: SHAPE");
    assert_eq!(L::OFFSET, offset, "{name}: OFFSET");
    assert_eq!(L::SIZE, values.len(), "{name}: SIZE");
    assert_eq!(read, values, "{name}: values in C order");
    let mut back = values.to_vec();
    back.reverse();
    assert_eq!(read_back, back, "{name}: values backwards");
    // Last, so that a failure here says everything else agreed.
    assert_eq!(L::STRIDES.as_ref(), strides, "{name}: STRIDES");
}

/// `test: Layout => shape [..], strides [..], offset N, values [..];` becomes
/// a `#[test]` comparing the derived layout with NumPy's result.
macro_rules! numpy_cases {
    ($(
        $(#[$attr:meta])*
        $test:ident: $layout:ident => shape $shape:tt, strides $strides:tt, offset $offset:literal,
            values $values:tt;
    )*) => {$(
        $(#[$attr])*
        #[test]
        fn $test() {
            let buf = arange();
            let view = $layout::view(&buf);
            let read: Vec<i64> = view.iter().copied().collect();
            let read_back: Vec<i64> = view.iter().rev().copied().collect();
            check::<$layout>(stringify!($layout), &$shape, &$strides, $offset, &$values, &read, &read_back);
        }
    )*};
}

/// `test: Layout of Parent => buffer [..];` becomes a `#[test]` that writes
/// 1, 2, 3, .. through `Layout::of_mut(Parent::view_mut(..))` in C order and
/// compares the whole buffer with NumPy's.
macro_rules! numpy_writes {
    ($(
        $(#[$attr:meta])*
        $test:ident: $layout:ident of $parent:ident => buffer $buffer:tt;
    )*) => {$(
        $(#[$attr])*
        #[test]
        fn $test() {
            assert!(<$layout as Layout>::IS_UNIQUE, "{}: not unique", stringify!($layout));
            let mut buf = [0i64; 20];
            let mut view = $layout::of_mut($parent::view_mut(&mut buf));
            for (k, x) in view.iter_mut().enumerate() {
                *x = k as i64 + 1;
            }
            assert_eq!(buf, $buffer, "{}: through of_mut", stringify!($layout));
            // The layout's own constructor reaches the same elements.
            let mut again = [0i64; 20];
            let mut view = $layout::view_mut(&mut again);
            for (k, x) in view.iter_mut().enumerate() {
                *x = k as i64 + 1;
            }
            assert_eq!(again, $buffer, "{}: through view_mut", stringify!($layout));
        }
    )*};
}

/// `test: Layout => shape [..], parent offset N;` becomes a `#[test]` that
/// the derived layout is empty with NumPy's shape and its parent's offset.
macro_rules! numpy_empty {
    ($(
        $(#[$attr:meta])*
        $test:ident: $layout:ident => shape $shape:tt, parent offset $offset:literal;
    )*) => {$(
        $(#[$attr])*
        #[test]
        fn $test() {
            let name = stringify!($layout);
            assert_eq!(<$layout as Layout>::SHAPE.as_ref(), &$shape, "{name}: SHAPE");
            assert_eq!(<$layout as Layout>::SIZE, 0, "{name}: SIZE");
            assert_eq!(<$layout as Layout>::OFFSET, $offset, "{name}: OFFSET");
            assert_eq!($layout::view(&arange()).iter().count(), 0, "{name}: elements read");
        }
    )*};
}

/// `test: shape [..], strides [..], offset N => reshape [..];` becomes a
/// `#[test]` that the layout algebra refuses NumPy's copying reshape of
/// NumPy's operand.
macro_rules! numpy_refuses {
    ($(
        $(#[$attr:meta])*
        $test:ident: shape $shape:tt, strides $strides:tt, offset $offset:literal => reshape $target:tt;
    )*) => {
        mod refused_reshapes {
            use super::*;
            $(
                $(#[$attr])*
                #[test]
                fn $test() {
                    let operand = Strided::new(&$shape, &$strides, $offset).expect("a valid operand");
                    assert!(matches!(operand.reshape(&$target), Err(AlgebraError::ReshapeNeedsCopy { .. })));
                }
            )*
        }
    };
}

// ---- generated by tests/numpy_oracle/algebra_cases.py, NumPy 2.4.6 ----
// python3 tests/numpy_oracle/algebra_cases.py > /tmp/algebra_cases.rs
strided_view! {
    /// `np.arange(12)`
    V12: [i64; 12] { shape: [12], strides: [1] }
    /// `np.arange(12)[::-1]`
    Rev12: [i64; 12] { shape: [12], strides: [-1], offset: 11 }
    /// `np.arange(12).reshape(3, 4)`
    M34: [i64; 12] { shape: [3, 4], strides: [4, 1] }
    /// `np.arange(15).reshape(3, 5)`: wide, for diagonals
    M35: [i64; 15] { shape: [3, 5], strides: [5, 1] }
    /// `np.arange(15).reshape(5, 3)`: tall, for diagonals
    M53: [i64; 15] { shape: [5, 3], strides: [3, 1] }
    /// `np.arange(24).reshape(2, 3, 4)`
    T234: [i64; 24] { shape: [2, 3, 4], strides: [12, 4, 1] }
    /// `as_strided(np.arange(18)[1:], (3, 5), (48, 8))`: rows padded to 6
    Padded: [i64; 18] { shape: [3, 5], strides: [6, 1], offset: 1 }
    /// `np.arange(4)`
    Row4: [i64; 4] { shape: [4], strides: [1] }
    /// `np.arange(3).reshape(3, 1)`
    Col3: [i64; 3] { shape: [3, 1], strides: [1, 1] }
    /// `np.arange(16).reshape(4, 4)`
    M44Chain: [i64; 16] { shape: [4, 4], strides: [4, 1] }
    /// NumPy: `a.T`
    T1 = V12.t();
    /// NumPy: `a.T`
    T2 = M34.t();
    /// NumPy: `a.T`
    T3 = T234.t();
    /// NumPy: `a.T`
    TPadded = Padded.t();
    /// NumPy: `np.transpose(a, (1, 2, 0))`
    P120 = T234.permute([1, 2, 0]);
    /// NumPy: `np.transpose(a, (2, 0, 1))`
    P201 = T234.permute([2, 0, 1]);
    /// NumPy: `np.transpose(a, (0, 2, 1))`
    P021 = T234.permute([0, 2, 1]);
    /// NumPy: `np.transpose(a, (1, 0))`
    PPadded = Padded.permute([1, 0]);
    /// NumPy: `np.swapaxes(a, 0, 2)`
    S02 = T234.swap_axes(0, 2);
    /// NumPy: `np.swapaxes(a, 2, 1)`
    S21 = T234.swap_axes(2, 1);
    /// NumPy: `np.swapaxes(a, 1, 1)`
    S11 = T234.swap_axes(1, 1);
    /// NumPy: `np.swapaxes(a, 0, 1)`
    SPadded = Padded.swap_axes(0, 1);
    /// NumPy: `np.flip(a, 0)`
    F0 = M34.flip(0);
    /// NumPy: `np.flip(a, 1)`
    F1 = M34.flip(1);
    /// NumPy: `np.flip(a)`
    F01 = M34.flip(0).flip(1);
    /// NumPy: `np.flip(a, 0)`
    FRev = Rev12.flip(0);
    /// NumPy: `np.flip(a, 0)`
    FPadded0 = Padded.flip(0);
    /// NumPy: `np.flip(a, 1)`
    FPadded1 = Padded.flip(1);
    /// NumPy: `np.flip(a, 1)`
    F3d1 = T234.flip(1);
    /// NumPy: `a[1:10:2]`
    SlStep2 = V12.slice(0, 1..10, 2);
    /// NumPy: `a[::3]`
    SlStep3 = V12.slice(0, .., 3);
    /// NumPy: `a[2:12:3]`
    SlStep3Tail = V12.slice(0, 2..12, 3);
    /// NumPy: `a[::-1]`
    SlStepM1 = V12.slice(0, .., -1);
    /// NumPy: `a[::-2]`
    SlStepM2 = V12.slice(0, .., -2);
    /// NumPy: `a[10:2:-2]`
    SlStepM2Bounds = V12.slice(0, 10..2, -2);
    /// NumPy: `a[-5:-1]`
    SlNeg = V12.slice(0, -5..-1);
    /// NumPy: `a[-2:-9:-3]`
    SlNegStepM3 = V12.slice(0, -2..-9, -3);
    /// NumPy: `a[-4:]`
    SlNegStart = V12.slice(0, -4..);
    /// NumPy: `a[:-3:2]`
    SlNegStop2 = V12.slice(0, ..-3, 2);
    /// NumPy: `a[4::-1]`
    SlStartBack = V12.slice(0, 4.., -1);
    /// NumPy: `a[5:-12:-1]`
    SlStopMinusN = V12.slice(0, 5..-12, -1);
    /// NumPy: `a[2:-5:-1]`
    SlStopBeforeStart = Row4.slice(0, 2..-5, -1);
    /// NumPy: `a[:-5:-1]`
    SlAllToBeforeStart = Row4.slice(0, ..-5, -1);
    /// NumPy: `a[5:-13:-1]`
    SlStopMinusNMinus1 = V12.slice(0, 5..-13, -1);
    /// NumPy: `a[:-13:-2]`
    SlStepM2BeforeStart = V12.slice(0, ..-13, -2);
    /// NumPy: `a[:, 3:-5:-2]`
    SlColsBeforeStart = M34.slice(1, 3..-5, -2);
    /// NumPy: `a[3:12]`
    SlWholeEnd = V12.slice(0, 3..12);
    /// NumPy: `a[1:-1:3]`
    SlRev = Rev12.slice(0, 1..-1, 3);
    /// NumPy: `a[:, 1:-1]`
    SlCols = M34.slice(1, 1..-1);
    /// NumPy: `a[::-1]`
    SlRowsBack = M34.slice(0, .., -1);
    /// NumPy: `a[:, ::2]`
    SlCols2 = M34.slice(1, .., 2);
    /// NumPy: `a[:, :, 3:0:-2]`
    Sl3dBack = T234.slice(2, 3..0, -2);
    /// NumPy: `a[1:, -1:0:-1]`
    SlPadded = Padded.slice(0, 1..).slice(1, -1..0, -1);
    /// NumPy: `a[1]`
    I0 = M34.index(0, 1);
    /// NumPy: `a[-1]`
    I0Neg = M34.index(0, -1);
    /// NumPy: `a[:, -2]`
    I1Neg = M34.index(1, -2);
    /// NumPy: `a[:, -3]`
    I3dNeg = T234.index(1, -3);
    /// NumPy: `a[:, :, -1]`
    I3dLast = T234.index(2, -1);
    /// NumPy: `a[-12, ...]`
    IRank0 = V12.index(0, -12);
    /// NumPy: `a[3, ...]`
    IRev = Rev12.index(0, 3);
    /// NumPy: `a[:, -1]`
    IPadded = Padded.index(1, -1);
    /// NumPy: `np.diagonal(a)`
    D35 = M35.diagonal();
    /// NumPy: `np.diagonal(a, 1)`
    D35K1 = M35.diagonal(1);
    /// NumPy: `np.diagonal(a, -1)`
    D35Km1 = M35.diagonal(-1);
    /// NumPy: `np.diagonal(a, 2)`
    D35K2 = M35.diagonal(2);
    /// NumPy: `np.diagonal(a, 4)`
    D35K4 = M35.diagonal(4);
    /// NumPy: `np.diagonal(a, -2)`
    D35Km2 = M35.diagonal(-2);
    /// NumPy: `np.diagonal(a)`
    D53 = M53.diagonal();
    /// NumPy: `np.diagonal(a, 1)`
    D53K1 = M53.diagonal(1);
    /// NumPy: `np.diagonal(a, -1)`
    D53Km1 = M53.diagonal(-1);
    /// NumPy: `np.diagonal(a, 2)`
    D53K2 = M53.diagonal(2);
    /// NumPy: `np.diagonal(a, -2)`
    D53Km2 = M53.diagonal(-2);
    /// NumPy: `np.diagonal(a, -4)`
    D53Km4 = M53.diagonal(-4);
    /// NumPy: `np.diagonal(a, 1, 1, 0)`
    D35Axes10 = M35.diagonal(1, 1, 0);
    /// NumPy: `np.diagonal(a, -1, 1, 0)`
    D35Axes10Km1 = M35.diagonal(-1, 1, 0);
    /// NumPy: `np.diagonal(a, 0, 1, 2)`
    D3d12 = T234.diagonal(0, 1, 2);
    /// NumPy: `np.diagonal(a, 1, 1, 2)`
    D3d12K1 = T234.diagonal(1, 1, 2);
    /// NumPy: `np.diagonal(a, -1, 1, 2)`
    D3d12Km1 = T234.diagonal(-1, 1, 2);
    /// NumPy: `np.diagonal(a, 1, 0, 2)`
    D3d02K1 = T234.diagonal(1, 0, 2);
    /// NumPy: `np.diagonal(a, 0, 2, 1)`
    D3d21 = T234.diagonal(0, 2, 1);
    /// NumPy: `np.diagonal(a)`
    D3d01 = T234.diagonal();
    /// NumPy: `np.diagonal(a, 1)`
    DPadded = Padded.diagonal(1);
    /// NumPy: `sliding_window_view(a, 3)`
    W1 = V12.windows([3]);
    /// NumPy: `sliding_window_view(a, 12)`
    W1Whole = V12.windows([12]);
    /// NumPy: `sliding_window_view(a, 4)`
    W1Rev = Rev12.windows([4]);
    /// NumPy: `sliding_window_view(a, (2, 3))`
    W2 = M34.windows([2, 3]);
    /// NumPy: `sliding_window_view(a, (3, 1))`
    W2Rows = M34.windows([3, 1]);
    /// NumPy: `sliding_window_view(np.flip(a, 1), (2, 2))`
    WFlip1 = M34.flip(1).windows([2, 2]);
    /// NumPy: `sliding_window_view(np.flip(a, 0), (2, 3))`
    WFlip0 = M34.flip(0).windows([2, 3]);
    /// NumPy: `sliding_window_view(a[::-2], 2)`
    WRevStep = V12.slice(0, .., -2).windows([2]);
    /// NumPy: `sliding_window_view(a, (2, 2))`
    WPadded = Padded.windows([2, 2]);
    /// NumPy: `sliding_window_view(a, (1, 2, 3))`
    W3d = T234.windows([1, 2, 3]);
    /// NumPy: `np.broadcast_to(np.flip(a)[np.newaxis], (3, 4))`
    BRevRow = Row4.flip(0).new_axis(0).broadcast_to([3, 4]);
    /// NumPy: `np.broadcast_to(a, (2, 3, 4))`
    BLead = Row4.broadcast_to([2, 3, 4]);
    /// NumPy: `np.broadcast_to(a, (3, 4))`
    BStretch = Col3.broadcast_to([3, 4]);
    /// NumPy: `np.broadcast_to(a, (2, 3, 5))`
    BStretchLead = Col3.broadcast_to([2, 3, 5]);
    /// NumPy: `np.broadcast_to(a, (3, 4))`
    BSame = M34.broadcast_to([3, 4]);
    /// NumPy: `np.broadcast_to(a[:, 2, np.newaxis], (3, 5))`
    BColumn = M34.index(1, 2).new_axis(1).broadcast_to([3, 5]);
    /// NumPy: `np.broadcast_to(a[1:2], (2, 1, 4))`
    BToOne = M34.slice(0, 1..2).broadcast_to([2, 1, 4]);
    /// NumPy: `np.broadcast_to(a, (3, 1))`
    BKeepOne = Col3.broadcast_to([3, 1]);
    /// NumPy: `a.reshape(3, 4)`
    R1to2 = V12.reshape([3, 4]);
    /// NumPy: `a.reshape(3, 2, 2)`
    RSplit = M34.reshape([3, 2, 2]);
    /// NumPy: `a.reshape(6, 4)`
    RMerge = T234.reshape([6, 4]);
    /// NumPy: `a.reshape(24)`
    RMergeAll = T234.reshape([24]);
    /// NumPy: `a.reshape(-1, 6)`
    RInfer = T234.reshape([-1, 6]);
    /// NumPy: `a.reshape(2, -1)`
    RInfer2 = M34.reshape([2, -1]);
    /// NumPy: `a.reshape(1, 3, 1, 4, 1)`
    ROnes = M34.reshape([1, 3, 1, 4, 1]);
    /// NumPy: `a.reshape(3)`
    RDropOnes = Col3.reshape([3]);
    /// NumPy: `a[:, ::2].reshape(6)`
    RCols2 = M34.slice(1, .., 2).reshape([6]);
    /// NumPy: `a[::2].reshape(2, 2, 2)`
    RRows2Split = M34.slice(0, .., 2).reshape([2, 2, 2]);
    /// NumPy: `a[:, :, 1:3].reshape(6, 2)`
    RInner = T234.slice(2, 1..3).reshape([6, 2]);
    /// NumPy: `a.reshape(3, 4)`
    RRev = Rev12.reshape([3, 4]);
    /// NumPy: `np.flip(a).reshape(12)`
    RFlipBoth = M34.flip(0).flip(1).reshape([12]);
    /// NumPy: `a.T.reshape(2, 2, 3)`
    RTransposeSplit = M34.t().reshape([2, 2, 3]);
    /// NumPy: `np.broadcast_to(a, (3, 4)).reshape(3, 2, 2)`
    RBroadcast = Row4.broadcast_to([3, 4]).reshape([3, 2, 2]);
    /// NumPy: `a[::3].reshape(4, 1)`
    RStepTrailingOne = V12.slice(0, .., 3).reshape([4, 1]);
    /// NumPy: `a[::2].reshape(1, 6)`
    RStepLeadingOne = V12.slice(0, .., 2).reshape([1, 6]);
    /// NumPy: `a.reshape(3, 1, 5)`
    RPaddedRows = Padded.reshape([3, 1, 5]);
    /// NumPy: `a[7:8].reshape(1, 1)`
    RSingle = V12.slice(0, 7..8).reshape([1, 1]);
    /// NumPy: `a[np.newaxis]`
    N0 = M34.new_axis(0);
    /// NumPy: `a[:, np.newaxis]`
    N1 = M34.new_axis(1);
    /// NumPy: `a[:, :, np.newaxis]`
    N2 = M34.new_axis(2);
    /// NumPy: `a[:, np.newaxis]`
    N1d = V12.new_axis(1);
    /// NumPy: `a[5, np.newaxis]`
    NRank0 = V12.index(0, 5).new_axis(0);
    /// NumPy: `a[1:-1, 1:-1]`
    CInterior = Padded.slice(0, 1..-1).slice(1, 1..-1);
    /// NumPy: `np.flip(a.T, 0)`
    CRotate = M34.t().flip(0);
    /// NumPy: `np.diagonal(np.flip(a), 1)`
    CRot180Diag = M44Chain.flip(0).flip(1).diagonal(1);
    /// NumPy: `np.diagonal(a[-1].T[::-2])`
    CLastT = T234.index(0, -1).t().slice(0, .., -2).diagonal();
    /// NumPy: `sliding_window_view(a, (2, 2))[1, 2]`
    CWindowAt = M34.windows([2, 2]).index(0, 1).index(0, 2);
    /// NumPy: `np.diagonal(a.reshape(3, 4), 1)`
    CReshapeDiag = V12.reshape([3, 4]).diagonal(1);
    /// NumPy: `np.flip(np.transpose(a, (2, 0, 1))[1::2], 0).reshape(2, 6)[:, np.newaxis]`
    CLong = T234.permute([2, 0, 1]).slice(0, 1.., 2).flip(0).reshape([2, 6]).new_axis(1);
    /// NumPy: `np.diagonal(sliding_window_view(a, 4), 1)`
    CWindowsDiag = V12.windows([4]).diagonal(1);
    /// NumPy: `np.broadcast_to(a[:, np.newaxis], (4, 3)).T`
    CBroadcastT = Row4.new_axis(1).broadcast_to([4, 3]).t();
    /// NumPy: `a[-5::-1]`
    SlStartBeforeStart = Row4.slice(0, -5.., -1);
    /// NumPy: `a[-5:-5:-1]`
    SlBothBeforeStart = Row4.slice(0, -5..-5, -1);
    /// NumPy: `a[:, -5:2:-1]`
    SlColsStartBeforeStart = M34.slice(1, -5..2, -1);
}

numpy_cases! {
    // V12: a.T
    t1: T1 => shape [12], strides [1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: a.T
    t2: T2 => shape [4, 3], strides [1, 4], offset 0,
        values [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11];
    // T234: a.T
    t3: T3 => shape [4, 3, 2], strides [1, 4, 12], offset 0,
        values [0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23];
    // Padded: a.T
    tpadded: TPadded => shape [5, 3], strides [1, 6], offset 1,
        values [1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 16, 5, 11, 17];
    // T234: np.transpose(a, (1, 2, 0))
    p120: P120 => shape [3, 4, 2], strides [4, 1, 12], offset 0,
        values [0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17, 6, 18, 7, 19, 8, 20, 9, 21, 10, 22, 11, 23];
    // T234: np.transpose(a, (2, 0, 1))
    p201: P201 => shape [4, 2, 3], strides [1, 12, 4], offset 0,
        values [0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23];
    // T234: np.transpose(a, (0, 2, 1))
    p021: P021 => shape [2, 4, 3], strides [12, 1, 4], offset 0,
        values [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11, 12, 16, 20, 13, 17, 21, 14, 18, 22, 15, 19, 23];
    // Padded: np.transpose(a, (1, 0))
    ppadded: PPadded => shape [5, 3], strides [1, 6], offset 1,
        values [1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 16, 5, 11, 17];
    // T234: np.swapaxes(a, 0, 2)
    s02: S02 => shape [4, 3, 2], strides [1, 4, 12], offset 0,
        values [0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23];
    // T234: np.swapaxes(a, 2, 1)
    s21: S21 => shape [2, 4, 3], strides [12, 1, 4], offset 0,
        values [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11, 12, 16, 20, 13, 17, 21, 14, 18, 22, 15, 19, 23];
    // T234: np.swapaxes(a, 1, 1)
    s11: S11 => shape [2, 3, 4], strides [12, 4, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    // Padded: np.swapaxes(a, 0, 1)
    spadded: SPadded => shape [5, 3], strides [1, 6], offset 1,
        values [1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 16, 5, 11, 17];
    // M34: np.flip(a, 0)
    f0: F0 => shape [3, 4], strides [-4, 1], offset 8,
        values [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3];
    // M34: np.flip(a, 1)
    f1: F1 => shape [3, 4], strides [4, -1], offset 3,
        values [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8];
    // M34: np.flip(a)
    f01: F01 => shape [3, 4], strides [-4, -1], offset 11,
        values [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    // Rev12: np.flip(a, 0)
    frev: FRev => shape [12], strides [1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // Padded: np.flip(a, 0)
    fpadded0: FPadded0 => shape [3, 5], strides [-6, 1], offset 13,
        values [13, 14, 15, 16, 17, 7, 8, 9, 10, 11, 1, 2, 3, 4, 5];
    // Padded: np.flip(a, 1)
    fpadded1: FPadded1 => shape [3, 5], strides [6, -1], offset 5,
        values [5, 4, 3, 2, 1, 11, 10, 9, 8, 7, 17, 16, 15, 14, 13];
    // T234: np.flip(a, 1)
    f3d1: F3d1 => shape [2, 3, 4], strides [12, -4, 1], offset 8,
        values [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3, 20, 21, 22, 23, 16, 17, 18, 19, 12, 13, 14, 15];
    // V12: a[1:10:2]
    sl_step2: SlStep2 => shape [5], strides [2], offset 1,
        values [1, 3, 5, 7, 9];
    // V12: a[::3]
    sl_step3: SlStep3 => shape [4], strides [3], offset 0,
        values [0, 3, 6, 9];
    // V12: a[2:12:3]
    sl_step3_tail: SlStep3Tail => shape [4], strides [3], offset 2,
        values [2, 5, 8, 11];
    // V12: a[::-1]
    sl_step_m1: SlStepM1 => shape [12], strides [-1], offset 11,
        values [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    // V12: a[::-2]
    sl_step_m2: SlStepM2 => shape [6], strides [-2], offset 11,
        values [11, 9, 7, 5, 3, 1];
    // V12: a[10:2:-2]
    sl_step_m2_bounds: SlStepM2Bounds => shape [4], strides [-2], offset 10,
        values [10, 8, 6, 4];
    // V12: a[-5:-1]
    sl_neg: SlNeg => shape [4], strides [1], offset 7,
        values [7, 8, 9, 10];
    // V12: a[-2:-9:-3]
    sl_neg_step_m3: SlNegStepM3 => shape [3], strides [-3], offset 10,
        values [10, 7, 4];
    // V12: a[-4:]
    sl_neg_start: SlNegStart => shape [4], strides [1], offset 8,
        values [8, 9, 10, 11];
    // V12: a[:-3:2]
    sl_neg_stop2: SlNegStop2 => shape [5], strides [2], offset 0,
        values [0, 2, 4, 6, 8];
    // V12: a[4::-1]
    sl_start_back: SlStartBack => shape [5], strides [-1], offset 4,
        values [4, 3, 2, 1, 0];
    // V12: a[5:-12:-1]
    sl_stop_minus_n: SlStopMinusN => shape [5], strides [-1], offset 5,
        values [5, 4, 3, 2, 1];
    // Row4: a[2:-5:-1]
    sl_stop_before_start: SlStopBeforeStart => shape [3], strides [-1], offset 2,
        values [2, 1, 0];
    // Row4: a[:-5:-1]
    sl_all_to_before_start: SlAllToBeforeStart => shape [4], strides [-1], offset 3,
        values [3, 2, 1, 0];
    // V12: a[5:-13:-1]
    sl_stop_minus_nminus1: SlStopMinusNMinus1 => shape [6], strides [-1], offset 5,
        values [5, 4, 3, 2, 1, 0];
    // V12: a[:-13:-2]
    sl_step_m2_before_start: SlStepM2BeforeStart => shape [6], strides [-2], offset 11,
        values [11, 9, 7, 5, 3, 1];
    // M34: a[:, 3:-5:-2]
    sl_cols_before_start: SlColsBeforeStart => shape [3, 2], strides [4, -2], offset 3,
        values [3, 1, 7, 5, 11, 9];
    // V12: a[3:12]
    sl_whole_end: SlWholeEnd => shape [9], strides [1], offset 3,
        values [3, 4, 5, 6, 7, 8, 9, 10, 11];
    // Rev12: a[1:-1:3]
    sl_rev: SlRev => shape [4], strides [-3], offset 10,
        values [10, 7, 4, 1];
    // M34: a[:, 1:-1]
    sl_cols: SlCols => shape [3, 2], strides [4, 1], offset 1,
        values [1, 2, 5, 6, 9, 10];
    // M34: a[::-1]
    sl_rows_back: SlRowsBack => shape [3, 4], strides [-4, 1], offset 8,
        values [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3];
    // M34: a[:, ::2]
    sl_cols2: SlCols2 => shape [3, 2], strides [4, 2], offset 0,
        values [0, 2, 4, 6, 8, 10];
    // T234: a[:, :, 3:0:-2]
    sl3d_back: Sl3dBack => shape [2, 3, 2], strides [12, 4, -2], offset 3,
        values [3, 1, 7, 5, 11, 9, 15, 13, 19, 17, 23, 21];
    // Padded: a[1:, -1:0:-1]
    sl_padded: SlPadded => shape [2, 4], strides [6, -1], offset 11,
        values [11, 10, 9, 8, 17, 16, 15, 14];
    // M34: a[1]
    i0: I0 => shape [4], strides [1], offset 4,
        values [4, 5, 6, 7];
    // M34: a[-1]
    i0_neg: I0Neg => shape [4], strides [1], offset 8,
        values [8, 9, 10, 11];
    // M34: a[:, -2]
    i1_neg: I1Neg => shape [3], strides [4], offset 2,
        values [2, 6, 10];
    // T234: a[:, -3]
    i3d_neg: I3dNeg => shape [2, 4], strides [12, 1], offset 0,
        values [0, 1, 2, 3, 12, 13, 14, 15];
    // T234: a[:, :, -1]
    i3d_last: I3dLast => shape [2, 3], strides [12, 4], offset 3,
        values [3, 7, 11, 15, 19, 23];
    // V12: a[-12, ...]
    irank0: IRank0 => shape [], strides [], offset 0,
        values [0];
    // Rev12: a[3, ...]
    irev: IRev => shape [], strides [], offset 8,
        values [8];
    // Padded: a[:, -1]
    ipadded: IPadded => shape [3], strides [6], offset 5,
        values [5, 11, 17];
    // M35: np.diagonal(a)
    d35: D35 => shape [3], strides [6], offset 0,
        values [0, 6, 12];
    // M35: np.diagonal(a, 1)
    d35_k1: D35K1 => shape [3], strides [6], offset 1,
        values [1, 7, 13];
    // M35: np.diagonal(a, -1)
    d35_km1: D35Km1 => shape [2], strides [6], offset 5,
        values [5, 11];
    // M35: np.diagonal(a, 2)
    d35_k2: D35K2 => shape [3], strides [6], offset 2,
        values [2, 8, 14];
    // M35: np.diagonal(a, 4)
    d35_k4: D35K4 => shape [1], strides [6], offset 4,
        values [4];
    // M35: np.diagonal(a, -2)
    d35_km2: D35Km2 => shape [1], strides [6], offset 10,
        values [10];
    // M53: np.diagonal(a)
    d53: D53 => shape [3], strides [4], offset 0,
        values [0, 4, 8];
    // M53: np.diagonal(a, 1)
    d53_k1: D53K1 => shape [2], strides [4], offset 1,
        values [1, 5];
    // M53: np.diagonal(a, -1)
    d53_km1: D53Km1 => shape [3], strides [4], offset 3,
        values [3, 7, 11];
    // M53: np.diagonal(a, 2)
    d53_k2: D53K2 => shape [1], strides [4], offset 2,
        values [2];
    // M53: np.diagonal(a, -2)
    d53_km2: D53Km2 => shape [3], strides [4], offset 6,
        values [6, 10, 14];
    // M53: np.diagonal(a, -4)
    d53_km4: D53Km4 => shape [1], strides [4], offset 12,
        values [12];
    // M35: np.diagonal(a, 1, 1, 0)
    d35_axes10: D35Axes10 => shape [2], strides [6], offset 5,
        values [5, 11];
    // M35: np.diagonal(a, -1, 1, 0)
    d35_axes10_km1: D35Axes10Km1 => shape [3], strides [6], offset 1,
        values [1, 7, 13];
    // T234: np.diagonal(a, 0, 1, 2)
    d3d12: D3d12 => shape [2, 3], strides [12, 5], offset 0,
        values [0, 5, 10, 12, 17, 22];
    // T234: np.diagonal(a, 1, 1, 2)
    d3d12_k1: D3d12K1 => shape [2, 3], strides [12, 5], offset 1,
        values [1, 6, 11, 13, 18, 23];
    // T234: np.diagonal(a, -1, 1, 2)
    d3d12_km1: D3d12Km1 => shape [2, 2], strides [12, 5], offset 4,
        values [4, 9, 16, 21];
    // T234: np.diagonal(a, 1, 0, 2)
    d3d02_k1: D3d02K1 => shape [3, 2], strides [4, 13], offset 1,
        values [1, 14, 5, 18, 9, 22];
    // T234: np.diagonal(a, 0, 2, 1)
    d3d21: D3d21 => shape [2, 3], strides [12, 5], offset 0,
        values [0, 5, 10, 12, 17, 22];
    // T234: np.diagonal(a)
    d3d01: D3d01 => shape [4, 2], strides [1, 16], offset 0,
        values [0, 16, 1, 17, 2, 18, 3, 19];
    // Padded: np.diagonal(a, 1)
    dpadded: DPadded => shape [3], strides [7], offset 2,
        values [2, 9, 16];
    // V12: sliding_window_view(a, 3)
    w1: W1 => shape [10, 3], strides [1, 1], offset 0,
        values [0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7, 6, 7, 8, 7, 8, 9, 8, 9, 10, 9, 10, 11];
    // V12: sliding_window_view(a, 12)
    w1_whole: W1Whole => shape [1, 12], strides [1, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // Rev12: sliding_window_view(a, 4)
    w1_rev: W1Rev => shape [9, 4], strides [-1, -1], offset 11,
        values [11, 10, 9, 8, 10, 9, 8, 7, 9, 8, 7, 6, 8, 7, 6, 5, 7, 6, 5, 4, 6, 5, 4, 3, 5, 4, 3, 2, 4, 3, 2, 1,
               3, 2, 1, 0];
    // M34: sliding_window_view(a, (2, 3))
    w2: W2 => shape [2, 2, 2, 3], strides [4, 1, 4, 1], offset 0,
        values [0, 1, 2, 4, 5, 6, 1, 2, 3, 5, 6, 7, 4, 5, 6, 8, 9, 10, 5, 6, 7, 9, 10, 11];
    // M34: sliding_window_view(a, (3, 1))
    w2_rows: W2Rows => shape [1, 4, 3, 1], strides [4, 1, 4, 1], offset 0,
        values [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11];
    // M34: sliding_window_view(np.flip(a, 1), (2, 2))
    wflip1: WFlip1 => shape [2, 3, 2, 2], strides [4, -1, 4, -1], offset 3,
        values [3, 2, 7, 6, 2, 1, 6, 5, 1, 0, 5, 4, 7, 6, 11, 10, 6, 5, 10, 9, 5, 4, 9, 8];
    // M34: sliding_window_view(np.flip(a, 0), (2, 3))
    wflip0: WFlip0 => shape [2, 2, 2, 3], strides [-4, 1, -4, 1], offset 8,
        values [8, 9, 10, 4, 5, 6, 9, 10, 11, 5, 6, 7, 4, 5, 6, 0, 1, 2, 5, 6, 7, 1, 2, 3];
    // V12: sliding_window_view(a[::-2], 2)
    wrev_step: WRevStep => shape [5, 2], strides [-2, -2], offset 11,
        values [11, 9, 9, 7, 7, 5, 5, 3, 3, 1];
    // Padded: sliding_window_view(a, (2, 2))
    wpadded: WPadded => shape [2, 4, 2, 2], strides [6, 1, 6, 1], offset 1,
        values [1, 2, 7, 8, 2, 3, 8, 9, 3, 4, 9, 10, 4, 5, 10, 11, 7, 8, 13, 14, 8, 9, 14, 15, 9, 10, 15, 16, 10,
               11, 16, 17];
    // T234: sliding_window_view(a, (1, 2, 3))
    w3d: W3d => shape [2, 2, 2, 1, 2, 3], strides [12, 4, 1, 12, 4, 1], offset 0,
        values [0, 1, 2, 4, 5, 6, 1, 2, 3, 5, 6, 7, 4, 5, 6, 8, 9, 10, 5, 6, 7, 9, 10, 11, 12, 13, 14, 16, 17, 18,
               13, 14, 15, 17, 18, 19, 16, 17, 18, 20, 21, 22, 17, 18, 19, 21, 22, 23];
    // Row4: np.broadcast_to(np.flip(a)[np.newaxis], (3, 4))
    brev_row: BRevRow => shape [3, 4], strides [0, -1], offset 3,
        values [3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0];
    // Row4: np.broadcast_to(a, (2, 3, 4))
    blead: BLead => shape [2, 3, 4], strides [0, 0, 1], offset 0,
        values [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
    // Col3: np.broadcast_to(a, (3, 4))
    bstretch: BStretch => shape [3, 4], strides [1, 0], offset 0,
        values [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
    // Col3: np.broadcast_to(a, (2, 3, 5))
    bstretch_lead: BStretchLead => shape [2, 3, 5], strides [0, 1, 0], offset 0,
        values [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2];
    // M34: np.broadcast_to(a, (3, 4))
    bsame: BSame => shape [3, 4], strides [4, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: np.broadcast_to(a[:, 2, np.newaxis], (3, 5))
    bcolumn: BColumn => shape [3, 5], strides [4, 0], offset 2,
        values [2, 2, 2, 2, 2, 6, 6, 6, 6, 6, 10, 10, 10, 10, 10];
    // M34: np.broadcast_to(a[1:2], (2, 1, 4))
    bto_one: BToOne => shape [2, 1, 4], strides [0, 0, 1], offset 4,
        values [4, 5, 6, 7, 4, 5, 6, 7];
    // Col3: np.broadcast_to(a, (3, 1))
    bkeep_one: BKeepOne => shape [3, 1], strides [1, 0], offset 0,
        values [0, 1, 2];
    // V12: a.reshape(3, 4)
    r1to2: R1to2 => shape [3, 4], strides [4, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: a.reshape(3, 2, 2)
    rsplit: RSplit => shape [3, 2, 2], strides [4, 2, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // T234: a.reshape(6, 4)
    rmerge: RMerge => shape [6, 4], strides [4, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    // T234: a.reshape(24)
    rmerge_all: RMergeAll => shape [24], strides [1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    // T234: a.reshape(-1, 6)
    rinfer: RInfer => shape [4, 6], strides [6, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    // M34: a.reshape(2, -1)
    rinfer2: RInfer2 => shape [2, 6], strides [6, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: a.reshape(1, 3, 1, 4, 1)
    rones: ROnes => shape [1, 3, 1, 4, 1], strides [12, 4, 4, 1, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // Col3: a.reshape(3)
    rdrop_ones: RDropOnes => shape [3], strides [1], offset 0,
        values [0, 1, 2];
    // M34: a[:, ::2].reshape(6)
    rcols2: RCols2 => shape [6], strides [2], offset 0,
        values [0, 2, 4, 6, 8, 10];
    // M34: a[::2].reshape(2, 2, 2)
    rrows2_split: RRows2Split => shape [2, 2, 2], strides [8, 2, 1], offset 0,
        values [0, 1, 2, 3, 8, 9, 10, 11];
    // T234: a[:, :, 1:3].reshape(6, 2)
    rinner: RInner => shape [6, 2], strides [4, 1], offset 1,
        values [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22];
    // Rev12: a.reshape(3, 4)
    rrev: RRev => shape [3, 4], strides [-4, -1], offset 11,
        values [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    // M34: np.flip(a).reshape(12)
    rflip_both: RFlipBoth => shape [12], strides [-1], offset 11,
        values [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    // M34: a.T.reshape(2, 2, 3)
    rtranspose_split: RTransposeSplit => shape [2, 2, 3], strides [2, 1, 4], offset 0,
        values [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11];
    // Row4: np.broadcast_to(a, (3, 4)).reshape(3, 2, 2)
    rbroadcast: RBroadcast => shape [3, 2, 2], strides [0, 2, 1], offset 0,
        values [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
    // V12: a[::3].reshape(4, 1)
    rstep_trailing_one: RStepTrailingOne => shape [4, 1], strides [3, 3], offset 0,
        values [0, 3, 6, 9];
    // V12: a[::2].reshape(1, 6)
    rstep_leading_one: RStepLeadingOne => shape [1, 6], strides [12, 2], offset 0,
        values [0, 2, 4, 6, 8, 10];
    // Padded: a.reshape(3, 1, 5)
    rpadded_rows: RPaddedRows => shape [3, 1, 5], strides [6, 5, 1], offset 1,
        values [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17];
    // V12: a[7:8].reshape(1, 1)
    rsingle: RSingle => shape [1, 1], strides [1, 1], offset 7,
        values [7];
    // M34: a[np.newaxis]
    n0: N0 => shape [1, 3, 4], strides [0, 4, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: a[:, np.newaxis]
    n1: N1 => shape [3, 1, 4], strides [4, 0, 1], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // M34: a[:, :, np.newaxis]
    n2: N2 => shape [3, 4, 1], strides [4, 1, 0], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // V12: a[:, np.newaxis]
    n1d: N1d => shape [12, 1], strides [1, 0], offset 0,
        values [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // V12: a[5, np.newaxis]
    nrank0: NRank0 => shape [1], strides [0], offset 5,
        values [5];
    // Padded: a[1:-1, 1:-1]
    cinterior: CInterior => shape [1, 3], strides [6, 1], offset 8,
        values [8, 9, 10];
    // M34: np.flip(a.T, 0)
    crotate: CRotate => shape [4, 3], strides [-1, 4], offset 3,
        values [3, 7, 11, 2, 6, 10, 1, 5, 9, 0, 4, 8];
    // M44Chain: np.diagonal(np.flip(a), 1)
    crot180_diag: CRot180Diag => shape [3], strides [-5], offset 14,
        values [14, 9, 4];
    // T234: np.diagonal(a[-1].T[::-2])
    clast_t: CLastT => shape [2], strides [2], offset 15,
        values [15, 17];
    // M34: sliding_window_view(a, (2, 2))[1, 2]
    cwindow_at: CWindowAt => shape [2, 2], strides [4, 1], offset 6,
        values [6, 7, 10, 11];
    // V12: np.diagonal(a.reshape(3, 4), 1)
    creshape_diag: CReshapeDiag => shape [3], strides [5], offset 1,
        values [1, 6, 11];
    // T234: np.flip(np.transpose(a, (2, 0, 1))[1::2], 0).reshape(2, 6)[:, np.newaxis]
    clong: CLong => shape [2, 1, 6], strides [-2, 0, 4], offset 3,
        values [3, 7, 11, 15, 19, 23, 1, 5, 9, 13, 17, 21];
    // V12: np.diagonal(sliding_window_view(a, 4), 1)
    cwindows_diag: CWindowsDiag => shape [3], strides [2], offset 1,
        values [1, 3, 5];
    // Row4: np.broadcast_to(a[:, np.newaxis], (4, 3)).T
    cbroadcast_t: CBroadcastT => shape [3, 4], strides [0, 1], offset 0,
        values [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
}

strided_view! {
    /// `np.arange(20).reshape(4, 5)`, writable
    mut Image: [i64; 20] { shape: [4, 5], strides: [5, 1] }
    /// NumPy: `a[1:-1, 1:-1]`
    mut Interior = Image.slice(0, 1..-1).slice(1, 1..-1);
    /// NumPy: `a[1:-1, 1:-1].T`
    mut InteriorT = Interior.t();
    /// NumPy: `a[2, ::-1]`
    RowBack = Image.index(0, 2).flip(0);
    /// NumPy: `a[::-1, -1]`
    mut ColUp = Image.index(1, -1).slice(0, .., -1);
    /// NumPy: `np.diagonal(a, 1)`
    mut Diag1 = Image.diagonal(1);
    /// NumPy: `np.diagonal(a, -1)`
    DiagM1 = Image.diagonal(-1);
    /// NumPy: `a.reshape(2, 10)`
    mut Halves = Image.reshape([2, 10]);
    /// NumPy: `a.T[::2]`
    mut EvenColsT = Image.t().slice(0, .., 2);
    /// NumPy: `a[-2:, :2][np.newaxis]`
    mut Corner = Image.slice(0, -2..).slice(1, ..2).new_axis(0);
    /// NumPy: `np.flip(a.T, 1)`
    mut Rotated = Image.t().flip(1);
    /// NumPy: `a[:-5:-1, 0]`
    mut ColUpBeforeStart = Image.index(1, 0).slice(0, ..-5, -1);
}

numpy_writes! {
    // Image: `a[1:-1, 1:-1]`, elements [6, 7, 8, 11, 12, 13]
    interior_writes: Interior of Image =>
        buffer [0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0];
    // Image: `a[1:-1, 1:-1].T`, elements [6, 11, 7, 12, 8, 13]
    interior_t_writes: InteriorT of Interior =>
        buffer [0, 0, 0, 0, 0, 0, 1, 3, 5, 0, 0, 2, 4, 6, 0, 0, 0, 0, 0, 0];
    // Image: `a[2, ::-1]`, elements [14, 13, 12, 11, 10]
    row_back_writes: RowBack of Image =>
        buffer [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0];
    // Image: `a[::-1, -1]`, elements [19, 14, 9, 4]
    col_up_writes: ColUp of Image =>
        buffer [0, 0, 0, 0, 4, 0, 0, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];
    // Image: `np.diagonal(a, 1)`, elements [1, 7, 13, 19]
    diag1_writes: Diag1 of Image =>
        buffer [0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 4];
    // Image: `np.diagonal(a, -1)`, elements [5, 11, 17]
    diag_m1_writes: DiagM1 of Image =>
        buffer [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0];
    // Image: `a.reshape(2, 10)`, elements [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    halves_writes: Halves of Image =>
        buffer [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    // Image: `a.T[::2]`, elements [0, 5, 10, 15, 2, 7, 12, 17, 4, 9, 14, 19]
    even_cols_t_writes: EvenColsT of Image =>
        buffer [1, 0, 5, 0, 9, 2, 0, 6, 0, 10, 3, 0, 7, 0, 11, 4, 0, 8, 0, 12];
    // Image: `a[-2:, :2][np.newaxis]`, elements [10, 11, 15, 16]
    corner_writes: Corner of Image =>
        buffer [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 3, 4, 0, 0, 0];
    // Image: `np.flip(a.T, 1)`, elements [15, 10, 5, 0, 16, 11, 6, 1, 17, 12, 7, 2, 18, 13, 8, 3, 19, 14, 9, 4]
    rotated_writes: Rotated of Image =>
        buffer [4, 8, 12, 16, 20, 3, 7, 11, 15, 19, 2, 6, 10, 14, 18, 1, 5, 9, 13, 17];
    // Image: `a[:-5:-1, 0]`, elements [15, 10, 5, 0]
    col_up_before_start_writes: ColUpBeforeStart of Image =>
        buffer [4, 0, 0, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0];
}

numpy_empty! {
    // Row4: a[-5::-1]; NumPy's strides [1], data pointer at element 0
    sl_start_before_start: SlStartBeforeStart => shape [0], parent offset 0;
    // Row4: a[-5:-5:-1]; NumPy's strides [1], data pointer at element 0
    sl_both_before_start: SlBothBeforeStart => shape [0], parent offset 0;
    // M34: a[:, -5:2:-1]; NumPy's strides [4, 1], data pointer at element 0
    sl_cols_start_before_start: SlColsStartBeforeStart => shape [3, 0], parent offset 0;
}

numpy_refuses! {
    // M34: `a.T.reshape(12)` copies; `TransposeTo1d = M34.t().reshape([12]);`
    transpose_to1d: shape [4, 3], strides [1, 4], offset 0 => reshape [12];
    // M34: `a.T.reshape(2, 6)` copies; `TransposeTo2x6 = M34.t().reshape([2, 6]);`
    transpose_to2x6: shape [4, 3], strides [1, 4], offset 0 => reshape [2, 6];
    // M34: `np.flip(a, 0).reshape(12)` copies; `FlipRowsTo1d = M34.flip(0).reshape([12]);`
    flip_rows_to1d: shape [3, 4], strides [-4, 1], offset 8 => reshape [12];
    // M34: `np.flip(a, 1).reshape(12)` copies; `FlipColsTo1d = M34.flip(1).reshape([12]);`
    flip_cols_to1d: shape [3, 4], strides [4, -1], offset 3 => reshape [12];
    // M34: `np.flip(a, 1).reshape(6, 2)` copies; `FlipColsTo6x2 = M34.flip(1).reshape([6, 2]);`
    flip_cols_to6x2: shape [3, 4], strides [4, -1], offset 3 => reshape [6, 2];
    // M34: `a[::2].reshape(8)` copies; `EveryOtherRowTo1d = M34.slice(0, .., 2).reshape([8]);`
    every_other_row_to1d: shape [2, 4], strides [8, 1], offset 0 => reshape [8];
    // M34: `a[:, 1:3].reshape(6)` copies; `InnerColsTo1d = M34.slice(1, 1..3).reshape([6]);`
    inner_cols_to1d: shape [3, 2], strides [4, 1], offset 1 => reshape [6];
    // T234: `a[:, :, 1:3].reshape(12)` copies; `InnerTo1d = T234.slice(2, 1..3).reshape([12]);`
    inner_to1d: shape [2, 3, 2], strides [12, 4, 1], offset 1 => reshape [12];
    // T234: `np.transpose(a, (1, 0, 2)).reshape(6, 4)` copies; `PermutedMerge = T234.permute([1, 0, 2]).reshape([6, 4]);`
    permuted_merge: shape [3, 2, 4], strides [4, 12, 1], offset 0 => reshape [6, 4];
    // Padded: `a.reshape(15)` copies; `PaddedTo1d = Padded.reshape([15]);`
    padded_to1d: shape [3, 5], strides [6, 1], offset 1 => reshape [15];
    // Row4: `np.broadcast_to(a, (3, 4)).reshape(12)` copies; `BroadcastTo1d = Row4.broadcast_to([3, 4]).reshape([12]);`
    broadcast_to1d: shape [3, 4], strides [0, 1], offset 0 => reshape [12];
    // V12: `sliding_window_view(a, 3).reshape(30)` copies; `WindowsTo1d = V12.windows([3]).reshape([30]);`
    windows_to1d: shape [10, 3], strides [1, 1], offset 0 => reshape [30];
    // M34: `sliding_window_view(a, (2, 2)).reshape(6, 4)` copies; `WindowsTo6x4 = M34.windows([2, 2]).reshape([6, 4]);`
    windows_to6x4: shape [2, 3, 2, 2], strides [4, 1, 4, 1], offset 0 => reshape [6, 4];
}
// ---- end of generated code ----

// ---- Writability beyond the table -------------------------------------------

/// A derived layout inherits writability from a `mut` parent when it is still
/// unique (`RowBack`, `DiagM1` are not declared `mut`); `windows` and
/// `broadcast_to` never are (no `of_mut`: see
/// `ui-tests/tests/ui/derived_of_mut_on_windows.rs`).
fn assert_unique<L: UniqueLayout>() {}

strided_view! {
    mut Frame: [i64; 20] { shape: [4, 5] }
    FrameWindows = Frame.windows([2, 2]);
    FrameRows = Frame.index(1, 0).new_axis(0).broadcast_to([3, 4]);
}

#[test]
fn inherited_and_lost_writability() {
    assert_unique::<RowBack>();
    assert_unique::<DiagM1>();
    assert_unique::<InteriorT>();
    assert!(!<FrameWindows as Layout>::IS_UNIQUE);
    assert!(!<FrameRows as Layout>::IS_UNIQUE);
    // Read-only derived views of a writable parent still read through `of`.
    let mut buf = arange::<20>();
    let frame = Frame::view_mut(&mut buf);
    let windows = FrameWindows::of(frame.as_view());
    assert_eq!(windows[[2, 3, 1, 1]], 19);
    let rows = FrameRows::of(frame.into_view());
    assert!(rows.iter().copied().eq([0, 5, 10, 15].repeat(3)));
}

#[test]
fn interior_border_untouched() {
    // `image[1:-1, 1:-1] = -1` on a 4x5 image of 1s: the border keeps its 1s.
    let mut buf = [1i64; 20];
    Interior::of_mut(Image::view_mut(&mut buf)).fill(-1);
    #[rustfmt::skip]
    let expected = [
        1, 1, 1, 1, 1,
        1, -1, -1, -1, 1,
        1, -1, -1, -1, 1,
        1, 1, 1, 1, 1,
    ];
    assert_eq!(buf, expected);
    // The transposed interior, derived from the derived layout, sees the same
    // elements: `image[1:-1, 1:-1].T[2, 1] = 7` writes element 2 * 5 + 3.
    InteriorT::of_mut(Interior::of_mut(Image::view_mut(&mut buf)))[[2, 1]] = 7;
    assert_eq!(buf[13], 7);
}

#[test]
fn flipped_row_writes_backwards() {
    // `image[2, ::-1] = [10, 11, 12, 13, 14]` stores the row reversed.
    let mut buf = [0i64; 20];
    let source = arange::<5>().map(|v| v + 10);
    strided_view! {
        Src: [i64; 5] { shape: [5] }
    }
    RowBack::of_mut(Image::view_mut(&mut buf)).copy_from(Src::view(&source));
    assert_eq!(buf[10..15], [14, 13, 12, 11, 10]);
    assert!(buf[..10].iter().chain(&buf[15..]).all(|&v| v == 0));
}

strided_view! {
    mut Chained0: [i64; 20] { shape: [4, 5] }
    Chained1 = Chained0.t();
    Chained2 = Chained1.flip(0);
    Chained3 = Chained2.slice(1, 1..4);
}

/// A layout the macro derives in a chain converts from every ancestor: the
/// list from a farther ancestor is the parent's list from it, then the
/// item's own (the expansion chains the two by name), and the view reaches
/// the same elements as the conversions one step at a time.
#[test]
fn chains_derive_from_every_ancestor() {
    use view_core::DerivedFrom;
    let own = |ops: &[Op<'static>]| ops.to_vec();
    let (t, flip) = (
        own(<Chained1 as DerivedFrom<Chained0>>::OPS),
        own(<Chained2 as DerivedFrom<Chained1>>::OPS),
    );
    let slice = own(<Chained3 as DerivedFrom<Chained2>>::OPS);
    assert_eq!(t, [Op::T]);
    assert_eq!(flip, [Op::Flip(0)]);
    assert_eq!(
        slice,
        [Op::Slice {
            axis: 1,
            start: Some(1),
            stop: Some(4),
            step: 1
        }]
    );
    assert_eq!(
        <Chained2 as DerivedFrom<Chained0>>::OPS,
        [t.clone(), flip.clone()].concat()
    );
    assert_eq!(
        <Chained3 as DerivedFrom<Chained1>>::OPS,
        [flip.clone(), slice.clone()].concat()
    );
    assert_eq!(<Chained3 as DerivedFrom<Chained0>>::OPS, [t, flip, slice].concat());

    let mut buf = arange::<20>();
    let stepwise: Vec<i64> = Chained3::of(Chained2::of(Chained1::of(Chained0::view(&buf))))
        .iter()
        .copied()
        .collect();
    // NumPy: `np.arange(20).reshape(4, 5).T[::-1][:, 1:4]`.
    assert_eq!(stepwise, [9, 14, 19, 8, 13, 18, 7, 12, 17, 6, 11, 16, 5, 10, 15]);
    let at_once = Chained0::view(&buf).derive::<Chained3>();
    assert!(at_once.iter().copied().eq(stepwise.iter().copied()));
    let from_middle = Chained1::of(Chained0::view(&buf)).derive::<Chained3>();
    assert!(from_middle.iter().copied().eq(stepwise.iter().copied()));
    // Writable from the first ancestor: `Chained3` is unique.
    Chained0::view_mut(&mut buf).derive_mut::<Chained3>().fill(-1);
    let written: Vec<usize> = (0..20).filter(|&k| buf[k] == -1).collect();
    let mut expected: Vec<usize> = stepwise.iter().map(|&v| v as usize).collect();
    expected.sort_unstable();
    assert_eq!(written, expected);
}

// ---- Bounds NumPy clamps ------------------------------------------------------

/// Next to the `sl_*before_start*` rows: one past "before the start" is a
/// clamp in NumPy (`a[2:-6:-1]` of 4 elements normalises -6 to -2, which
/// `PySlice_AdjustIndices` sets to -1), so the algebra refuses it; and a
/// forward step's -5 normalises to -1, which NumPy sets to 0.
#[test]
fn clamped_bounds_stay_errors() {
    let row = Strided::new(&[4], &[1], 0).expect("a valid layout");
    let before = |bound| {
        Err(AlgebraError::SliceOutOfRange {
            axis: 0,
            bound,
            extent: 4,
        })
    };
    assert_eq!(row.slice(0, Some(2), Some(-6), -1), before(-6));
    assert_eq!(row.slice(0, Some(-6), None, -1), before(-6));
    assert_eq!(row.slice(0, Some(-5), None, 1), before(-5));
    assert_eq!(row.slice(0, None, Some(-5), 2), before(-5));
}

// ---- Operations as data, in const evaluation ---------------------------------

/// Whether applying `ops` to `P`'s layout in const evaluation gives exactly
/// `L`'s (whose constants the table checks against NumPy).
const fn derived_by<P: Layout, L: Layout>(ops: &[Op<'_>]) -> bool {
    let parent = match Strided::new(P::SHAPE_SLICE, P::STRIDES_SLICE, P::OFFSET as isize) {
        Ok(parent) => parent,
        Err(_) => return false,
    };
    match apply_all(parent, ops) {
        Ok(derived) => derived.same_as(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET as isize),
        Err(_) => false,
    }
}

#[test]
fn chains_as_data_in_const_evaluation() {
    const C_LONG: bool = derived_by::<T234, CLong>(&[
        Op::Permute(&[2, 0, 1]),
        Op::Slice {
            axis: 0,
            start: Some(1),
            stop: None,
            step: 2,
        },
        Op::Flip(0),
        Op::Reshape(&[2, 6]),
        Op::NewAxis(1),
    ]);
    const C_LAST_T: bool = derived_by::<T234, CLastT>(&[
        Op::Index(0, -1),
        Op::T,
        Op::Slice {
            axis: 0,
            start: None,
            stop: None,
            step: -2,
        },
        Op::Diagonal {
            offset: 0,
            axis1: 0,
            axis2: 1,
        },
    ]);
    const C_WINDOW_AT: bool = derived_by::<M34, CWindowAt>(&[Op::Windows(&[2, 2]), Op::Index(0, 1), Op::Index(0, 2)]);
    const B_REV_ROW: bool = derived_by::<Row4, BRevRow>(&[Op::Flip(0), Op::NewAxis(0), Op::BroadcastTo(&[3, 4])]);
    const S_02: bool = derived_by::<T234, S02>(&[Op::SwapAxes(0, 2)]);
    assert!(C_LONG && C_LAST_T && C_WINDOW_AT && B_REV_ROW && S_02);
    // A different chain is not the same layout: CLong without its flip.
    const NO_FLIP: bool = derived_by::<T234, CLong>(&[
        Op::Permute(&[2, 0, 1]),
        Op::Slice {
            axis: 0,
            start: Some(1),
            stop: None,
            step: 2,
        },
        Op::Reshape(&[2, 6]),
        Op::NewAxis(1),
    ]);
    assert!(!NO_FLIP);
    // 3x4 `.t()` is 4x3; index 9 of its axis 0 (extent 4) fails: operation 1.
    const FAILS: Result<Strided, (usize, AlgebraError)> = match Strided::new(&[3, 4], &[4, 1], 0) {
        Ok(m) => apply_all(m, &[Op::T, Op::Index(0, 9), Op::Flip(0)]),
        Err(e) => Err((usize::MAX, e)),
    };
    assert_eq!(
        FAILS,
        Err((
            1,
            AlgebraError::IndexOutOfRange {
                axis: 0,
                index: 9,
                extent: 4
            }
        ))
    );
}

// ---- Rejections: which ui-test covers what ----------------------------------
//
// Each file in `ui-tests/tests/ui/` starts with a comment naming the NumPy
// operation and what to write instead; its `.stderr` is the reviewed message.
//
// - every reshape of `numpy_refuses!`        derived_reshape_needs_copy.rs
// - slice bound outside an axis (both ends)  derived_slice_past_end.rs
// - slice step 0                             derived_slice_step_zero.rs
// - index out of range (both signs)          derived_index_out_of_range.rs
// - diagonal of a rank-1 layout              derived_diagonal_rank_one.rs
// - window larger than its axis, too few     derived_windows_too_large.rs
// - broadcast to an incompatible shape       derived_broadcast_incompatible.rs
// - reshape to another size, two -1          derived_reshape_size.rs
// - axis out of range, not a permutation     derived_bad_axes.rs
// - `mut` windows / broadcast_to             derived_mut_not_unique.rs
// - `mut` derived from a read-only parent    derived_mut_read_only_parent.rs
// - `of_mut` of a read-only derived layout   derived_of_mut_on_windows.rs
// - unknown operation (NumPy's names)        derived_unknown_operation.rs
// - wrong argument count                     derived_wrong_argument_count.rs
// - parent not declared, or declared later   derived_parent_not_declared.rs
// - parent or argument with named constants  derived_parent_named_constants.rs
// - no operation at all (`Same = Grid;`)     derived_no_operation.rs
