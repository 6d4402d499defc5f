//! Writable views and splits: what `mut` layouts and `split` items let a user
//! write, checked against buffer contents derived by hand; the `ViewMut` API;
//! and the auto traits and sizes of `View` / `ViewMut`, checked at compile time.

// These tests check the constants the macro generates, so asserting constants is the point.
#![allow(clippy::assertions_on_constants)]

use core::cell::Cell;
use std::rc::Rc;
use std::sync::MutexGuard;

use static_assertions::{assert_impl_all, assert_not_impl_any, const_assert_eq};
use view_core::{Layout, LengthError, View, ViewMut};
use view_macros::strided_view;

// ---- Interleaved stereo ------------------------------------------------------

strided_view! {
    /// Left channel of 4 interleaved stereo frames: L R L R L R L R.
    pub mut Left: [i16; 8] { shape: [4], strides: [2] }
    /// Right channel.
    pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    /// Both channels at once, proven disjoint.
    pub split Stereo = (Left, Right);
}

#[test]
fn stereo_deinterleave_and_write() {
    // Frames (L, R): (1, -1), (2, -2), (3, -3), (4, -4).
    let mut samples: [i16; 8] = [1, -1, 2, -2, 3, -3, 4, -4];
    let (mut left, mut right) = Stereo::split(&mut samples);
    assert!(left.iter().copied().eq([1, 2, 3, 4]));
    assert!(right.iter().copied().eq([-1, -2, -3, -4]));
    // Both views are alive at once: gain 10 on the left, -100 on the right; then
    // silence the right's first sample and set the left's last to 7.
    for (l, r) in left.iter_mut().zip(right.iter_mut()) {
        *l *= 10;
        *r -= 100;
    }
    right[[0]] = 0;
    *left.get_mut([3]).unwrap() = 7;
    assert_eq!(left.get_mut([4]), None);
    assert_eq!(samples, [10, 0, 20, -102, 30, -103, 7, -104]);
}

#[test]
fn stereo_constants() {
    // Left reaches 0, 2, 4, 6; right 1, 3, 5, 7.
    assert_eq!((Left::SIZE, Left::REQUIRED_SPAN, Left::REQUIRED_LEN), (4, 7, 7));
    assert_eq!((Right::SIZE, Right::REQUIRED_SPAN, Right::REQUIRED_LEN), (4, 7, 8));
    assert!(Left::IS_UNIQUE && !Left::IS_EXHAUSTIVE);
    assert!(Right::IS_UNIQUE && !Right::IS_EXHAUSTIVE);
}

#[test]
fn stereo_try_split_on_slices() {
    // Right needs element 7, so 8 elements at least.
    let mut short = vec![0i16; 7];
    assert_eq!(
        Stereo::try_split(&mut short).err(),
        Some(LengthError { required: 8, actual: 7 })
    );
    let mut empty: [i16; 0] = [];
    assert_eq!(
        Stereo::try_split(&mut empty).err(),
        Some(LengthError { required: 8, actual: 0 })
    );
    // A longer slice is fine; elements past 7 are never touched.
    let mut long: Vec<i16> = (0..10).collect();
    let (mut left, mut right) = Stereo::try_split(&mut long).unwrap();
    left.fill(-1);
    right.fill(1);
    assert_eq!(long, [-1, 1, -1, 1, -1, 1, -1, 1, 8, 9]);
    let error = Stereo::try_split(&mut long[..3]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a slice of 3 elements is too short for the layout, which needs at least 8"
    );
}

// ---- Bayer RGGB mosaic ---------------------------------------------------------

// A 4x4 RGGB mosaic, row-major, W = 4:
//   R  G1 R  G1
//   G2 B  G2 B
//   R  G1 R  G1
//   G2 B  G2 B
// Each plane is 2x2 with strides [2 * W, 2] = [8, 2].
strided_view! {
    pub mut Red: [u8; 16] { shape: [2, 2], strides: [8, 2] }
    pub mut GreenRed: [u8; 16] { shape: [2, 2], strides: [8, 2], offset: 1 }
    pub mut GreenBlue: [u8; 16] { shape: [2, 2], strides: [8, 2], offset: 4 }
    pub mut Blue: [u8; 16] { shape: [2, 2], strides: [8, 2], offset: 5 }
    pub split Bayer = (Red, GreenRed, GreenBlue, Blue);
    /// A contiguous 2x2 tile, the source for `copy_from`.
    pub Tile: [u8; 4] { shape: [2, 2] }
}

#[test]
fn bayer_4x4_planes() {
    let mut image: [u8; 16] = core::array::from_fn(|k| k as u8);
    let (mut red, mut green_r, mut green_b, mut blue) = Bayer::split(&mut image);
    // Reads: R at (0,0) (0,2) (2,0) (2,2) = elements 0, 2, 8, 10, etc.
    assert!(red.iter().copied().eq([0, 2, 8, 10]));
    assert!(green_r.iter().copied().eq([1, 3, 9, 11]));
    assert!(green_b.iter().copied().eq([4, 6, 12, 14]));
    assert!(blue.iter().copied().eq([5, 7, 13, 15]));
    // Per-plane writes, each through a different API.
    red.fill(200);
    for (k, g) in green_r.iter_mut().enumerate() {
        *g = 100 + k as u8;
    }
    for i in 0..2 {
        for j in 0..2 {
            green_b[[i, j]] = 110 + (2 * i + j) as u8;
        }
    }
    let tile = [50u8, 51, 52, 53];
    blue.copy_from(Tile::view(&tile));
    assert_eq!(
        image,
        [
            200, 100, 200, 101, //
            110, 50, 111, 51, //
            200, 102, 200, 103, //
            112, 52, 113, 53,
        ]
    );
}

const W: usize = 8;

// An 8x8 RGGB mosaic with the width as a named constant, so the layouts and
// the split are checked by the const-evaluated backstop rather than the macro.
strided_view! {
    pub mut Red8: [u8; W * W] { shape: [W / 2, W / 2], strides: [2 * W as isize, 2] }
    pub mut GreenRed8: [u8; W * W] { shape: [W / 2, W / 2], strides: [2 * W as isize, 2], offset: 1 }
    pub mut GreenBlue8: [u8; W * W] { shape: [W / 2, W / 2], strides: [2 * W as isize, 2], offset: W }
    pub mut Blue8: [u8; W * W] { shape: [W / 2, W / 2], strides: [2 * W as isize, 2], offset: W + 1 }
    pub split Bayer8 = (Red8, GreenRed8, GreenBlue8, Blue8);
}

#[test]
fn bayer_8x8_planes() {
    assert_eq!(Red8::STRIDES, [16, 2]);
    assert_eq!((GreenBlue8::OFFSET, Blue8::OFFSET), (8, 9));
    assert!(Red8::IS_UNIQUE && !Red8::IS_EXHAUSTIVE);
    let mut image = [0u8; W * W];
    {
        let (mut red, mut green_r, mut green_b, mut blue) = Bayer8::split(&mut image);
        // Plane p gets value 10 * (p + 1) + C-order position within the plane.
        red.number(10);
        green_r.number(20);
        green_b.number(30);
        blue.number(40);
    }
    // Pixel (y, x) belongs to plane (y % 2, x % 2) at plane index (y / 2, x / 2).
    for y in 0..W {
        for x in 0..W {
            let base = match (y % 2, x % 2) {
                (0, 0) => 10,
                (0, 1) => 20,
                (1, 0) => 30,
                _ => 40,
            };
            let position = (y / 2) * (W / 2) + x / 2;
            assert_eq!(image[y * W + x], base + position as u8, "pixel ({y}, {x})");
        }
    }
}

/// Writes `base + k` to the `k`-th element of a plane in C order.
trait NumberPlane {
    fn number(&mut self, base: u8);
}

impl<L: view_core::UniqueLayout> NumberPlane for ViewMut<'_, u8, L> {
    fn number(&mut self, base: u8) {
        for (k, v) in self.iter_mut().enumerate() {
            *v = base + k as u8;
        }
    }
}

// ---- Reversed writable view --------------------------------------------------

strided_view! {
    /// The buffer back to front.
    pub mut Reversed: [i32; 6] { shape: [6], strides: [-1], offset: 5 }
    /// The buffer front to back.
    pub mut Forward: [i32; 6] { shape: [6] }
    /// A 2x3 matrix, row-major.
    pub mut Matrix: [i32; 6] { shape: [2, 3] }
}

#[test]
fn reversed_iter_mut_forward_and_back() {
    let mut buffer = [0i32; 6];
    let mut view = Reversed::view_mut(&mut buffer);
    {
        let mut iter = view.iter_mut();
        assert_eq!(iter.len(), 6);
        // The first element of the view is the last of the buffer.
        *iter.next().unwrap() = 100;
        assert_eq!(iter.len(), 5);
        *iter.next_back().unwrap() = -100;
        assert_eq!(iter.len(), 4);
        for (k, v) in iter.enumerate() {
            *v = k as i32 + 1;
        }
    }
    // View index i is element 5 - i: index 0 -> 5, index 5 -> 0, 1..=4 -> 4..=1.
    assert_eq!(buffer, [-100, 4, 3, 2, 1, 100]);

    let mut view = Reversed::view_mut(&mut buffer);
    for (k, v) in view.iter_mut().rev().enumerate() {
        *v = 10 * k as i32;
    }
    // Backwards through the view is forwards through the buffer.
    assert_eq!(buffer, [0, 10, 20, 30, 40, 50]);

    let mut iter = Reversed::view_mut(&mut buffer).into_iter();
    assert_eq!(iter.size_hint(), (6, Some(6)));
    let (a, b) = (iter.next().unwrap(), iter.next_back().unwrap());
    core::mem::swap(a, b);
    assert_eq!(iter.len(), 4);
    assert_eq!(iter.count(), 4);
    assert_eq!(buffer, [50, 10, 20, 30, 40, 0]);
}

#[test]
fn reversed_index_and_get_mut() {
    let mut buffer = [1i32, 2, 3, 4, 5, 6];
    let mut view = Reversed::view_mut(&mut buffer);
    assert_eq!(view[[0]], 6);
    view[[0]] += 10;
    *view.get_mut([5]).unwrap() = -1;
    assert!(view.get_mut([6]).is_none());
    assert!(view.get([6]).is_none());
    assert_eq!(view.len(), 6);
    assert!(!view.is_empty());
    assert_eq!((view.shape(), view.strides()), ([6], [-1]));
    assert_eq!(buffer, [-1, 2, 3, 4, 5, 16]);
}

#[test]
#[should_panic(expected = "out of range")]
fn index_mut_outside_the_shape_panics() {
    let mut buffer = [0i32; 6];
    let mut view = Matrix::view_mut(&mut buffer);
    view[[2, 0]] = 1;
}

#[test]
fn fill_and_copy_from() {
    let mut buffer = [0i32; 6];
    Matrix::view_mut(&mut buffer).fill(7);
    assert_eq!(buffer, [7; 6]);
    // Copy a reversal into a forward view: the buffer reversed.
    let source = [1i32, 2, 3, 4, 5, 6];
    Forward::view_mut(&mut buffer).copy_from(Reversed::view(&source));
    assert_eq!(buffer, [6, 5, 4, 3, 2, 1]);
    // And a forward view into a reversal: the same.
    let mut other = [0i32; 6];
    Reversed::view_mut(&mut other).copy_from(Forward::view(&source));
    assert_eq!(other, [6, 5, 4, 3, 2, 1]);
}

/// Takes a writable view by value, as a reborrow lets a caller keep its own.
fn add_one<L: view_core::UniqueLayout>(mut view: ViewMut<'_, i32, L>) {
    for v in view.iter_mut() {
        *v += 1;
    }
}

#[test]
fn as_view_into_view_and_reborrow() {
    let mut buffer = [0i32, 1, 2, 3, 4, 5];
    let mut view = Matrix::view_mut(&mut buffer);
    add_one(view.reborrow());
    add_one(view.reborrow());
    view[[1, 2]] = 0;
    {
        // A shared view while the writable one is borrowed; `View` is Copy.
        let read = view.as_view();
        let copy = read;
        assert_eq!(read[[0, 0]], 2);
        assert!(copy.iter().copied().eq([2, 3, 4, 5, 6, 0]));
    }
    let read: View<'_, i32, Matrix> = view.into_view();
    let (a, b) = (read, read);
    assert_eq!(a[[1, 0]], 5);
    assert_eq!(b.get([1, 1]), Some(&6));
    assert_eq!(format!("{read:?}"), "[[2, 3, 4],\n [5, 6, 0]]");
    assert_eq!(buffer, [2, 3, 4, 5, 6, 0]);
}

#[test]
fn try_view_mut_on_slices() {
    // Reversed reaches element 5, so it needs 6 elements.
    let mut short = vec![0i32; 5];
    assert_eq!(
        Reversed::try_view_mut(&mut short).err(),
        Some(LengthError { required: 6, actual: 5 })
    );
    assert_eq!(
        Reversed::try_view(&short).err(),
        Some(LengthError { required: 6, actual: 5 })
    );
    let mut long: Vec<i32> = (0..8).collect();
    let mut view = Reversed::try_view_mut(&mut long).unwrap();
    view.fill(-1);
    assert_eq!(long, [-1, -1, -1, -1, -1, -1, 6, 7]);
    // Left reaches 0, 2, 4, 6: 7 elements suffice though it was declared for 8.
    let mut seven = [5i16; 7];
    let mut left = Left::try_view_mut(&mut seven).unwrap();
    left.fill(0);
    assert_eq!(seven, [0, 5, 0, 5, 0, 5, 0]);
    assert!(Right::try_view_mut(&mut seven).is_err());
}

// ---- Auto traits and sizes -------------------------------------------------------

// `View` is `Copy` like `&[E]`, and `Send`/`Sync` exactly when `E: Sync`.
assert_impl_all!(View<'static, i32, Matrix>: Copy, Clone, Send, Sync);
// `Cell<i32>` is Send but not Sync: a shared view of it must stay on one thread.
assert_not_impl_any!(View<'static, Cell<i32>, Matrix>: Send, Sync);
assert_not_impl_any!(View<'static, Rc<i32>, Matrix>: Send, Sync);
assert_not_impl_any!(View<'static, *const i32, Matrix>: Send, Sync);
// `MutexGuard<i32>` is Sync but not Send: shared access to it may cross threads.
assert_impl_all!(View<'static, MutexGuard<'static, i32>, Matrix>: Send, Sync);

// `ViewMut` is like `&mut [E]`: Send iff E: Send, Sync iff E: Sync, never Copy/Clone.
assert_impl_all!(ViewMut<'static, i32, Matrix>: Send, Sync);
assert_not_impl_any!(ViewMut<'static, i32, Matrix>: Copy, Clone);
assert_impl_all!(ViewMut<'static, Cell<i32>, Matrix>: Send);
assert_not_impl_any!(ViewMut<'static, Cell<i32>, Matrix>: Sync);
assert_impl_all!(ViewMut<'static, MutexGuard<'static, i32>, Matrix>: Sync);
assert_not_impl_any!(ViewMut<'static, MutexGuard<'static, i32>, Matrix>: Send);
assert_not_impl_any!(ViewMut<'static, Rc<i32>, Matrix>: Send, Sync, Copy, Clone);
assert_not_impl_any!(ViewMut<'static, *const i32, Matrix>: Send, Sync);

strided_view! {
    pub mut Rank0: [u8; 1] { shape: [] }
    pub mut Rank1: [u8; 2] { shape: [2] }
    pub mut Rank2: [u8; 4] { shape: [2, 2] }
    pub mut Rank3: [u8; 8] { shape: [2, 2, 2] }
    pub mut Rank4: [u8; 16] { shape: [2, 2, 2, 2] }
    pub mut Rank5: [u8; 32] { shape: [2, 2, 2, 2, 2] }
    pub mut Rank6: [u8; 64] { shape: [2, 2, 2, 2, 2, 2] }
    pub mut Rank7: [u8; 128] { shape: [2, 2, 2, 2, 2, 2, 2] }
    pub mut Rank8: [u8; 256] { shape: [2, 2, 2, 2, 2, 2, 2, 2] }
}

macro_rules! pointer_sized {
    ($($layout:ident),*) => {$(
        const_assert_eq!(core::mem::size_of::<View<'static, u8, $layout>>(), core::mem::size_of::<usize>());
        const_assert_eq!(core::mem::size_of::<ViewMut<'static, u8, $layout>>(), core::mem::size_of::<usize>());
        const_assert_eq!(core::mem::size_of::<View<'static, [u64; 4], $layout>>(), core::mem::size_of::<usize>());
    )*};
}

pointer_sized!(Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Rank7, Rank8);

#[test]
fn views_of_every_rank_are_pointer_sized_and_work() {
    let mut buffer: [u8; 256] = core::array::from_fn(|k| k as u8);
    let view = Rank8::view(&buffer);
    assert_eq!(core::mem::size_of_val(&view), core::mem::size_of::<usize>());
    // C order over [2; 8]: index bits are the element's binary digits.
    assert_eq!(view[[1, 0, 1, 0, 0, 1, 1, 0]], 0b1010_0110);
    assert!(view.iter().copied().eq(0..=255));
    let mut view = Rank8::view_mut(&mut buffer);
    assert_eq!(core::mem::size_of_val(&view), core::mem::size_of::<usize>());
    view[[1; 8]] = 0;
    assert_eq!(buffer[255], 0);
    let mut one = [9u8];
    let mut scalar = Rank0::view_mut(&mut one);
    scalar[[]] = 3;
    assert_eq!(scalar.iter().len(), 1);
    assert_eq!(one, [3]);
    assert_eq!(Rank5::SIZE, 32);
}
