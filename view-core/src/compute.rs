//! Computing with views: traversals, reductions, zips, element-wise maps and
//! the contraction of trailing axes (NumPy's `einsum('ijkl,kl->ij')`).
//!
//! Every function here runs `walk`: one loop nest over the
//! shape with constant strides, no allocation, no bounds check. Shapes that
//! must agree are compared at compile time (`const { assert!(..) }`), so a
//! mismatch is a compile error, never a run-time panic.

use core::ops::{Add, Mul};
use core::ptr::NonNull;

use crate::layout::{Layout, UniqueLayout};
use crate::proof::same_shape;
use crate::view::View;
use crate::view_mut::ViewMut;
use crate::walk::{walk, walk_fold};

/// `&*base.add(element)`.
///
/// # Safety
/// `element` is an element of a layout whose view holds `base` for `'a`, with
/// no writer to it during `'a`.
#[inline(always)]
unsafe fn read<'a, E>(base: NonNull<E>, element: usize) -> &'a E {
    // SAFETY: the caller's element lies inside the buffer behind `base`.
    let ptr = unsafe { base.add(element) };
    // SAFETY: readable for `'a`, no writer (the caller's contract).
    unsafe { ptr.as_ref() }
}

/// `&mut *base.add(element)`.
///
/// # Safety
/// `element` is an element of a unique layout whose writable view holds
/// `base` exclusively for `'a`, and no other reference to it is live.
#[inline(always)]
unsafe fn write<'a, E>(base: NonNull<E>, element: usize) -> &'a mut E {
    // SAFETY: the caller's element lies inside the buffer behind `base`.
    let mut ptr = unsafe { base.add(element) };
    // SAFETY: exclusive for `'a`, no other reference (the caller's contract).
    unsafe { ptr.as_mut() }
}

/// Whether the leading axes of `whole` are `outer` and its trailing axes `inner`.
pub(crate) const fn splits_into(whole: &[usize], outer: &[usize], inner: &[usize]) -> bool {
    if whole.len() != outer.len() + inner.len() {
        return false;
    }
    let (head, tail) = whole.split_at(outer.len());
    same_shape(head, outer) && same_shape(tail, inner)
}

impl<'a, E, L: Layout> View<'a, E, L> {
    /// Calls `f` on every element, in C order.
    #[inline]
    pub fn for_each(self, mut f: impl FnMut(&'a E)) {
        let base = self.base;
        walk(L::SHAPE_SLICE, [L::STRIDES_SLICE], [L::OFFSET], |[e]| {
            // SAFETY: `walk` yields the elements of indices inside `L`'s
            // shape, inside the buffer this view reads for `'a`.
            f(unsafe { read(base, e) })
        });
    }

    /// Folds every element into an accumulator, in C order.
    #[inline]
    pub fn fold<B>(self, init: B, mut f: impl FnMut(B, &'a E) -> B) -> B {
        let base = self.base;
        walk_fold(L::SHAPE_SLICE, [L::STRIDES_SLICE], [L::OFFSET], init, |acc, [e]| {
            // SAFETY: `walk_fold` yields the elements of indices inside `L`'s
            // shape, inside the buffer this view reads for `'a`.
            f(acc, unsafe { read(base, e) })
        })
    }

    /// The sum of the elements in C order, starting from `E::default()`.
    #[inline]
    pub fn sum(self) -> E
    where
        E: Copy + Default + Add<Output = E>,
    {
        let mut acc = E::default();
        self.for_each(|&x| acc = acc + x);
        acc
    }

    /// The smallest element (the first of equals), `None` when empty.
    /// Like `f32::min`, NaN is ignored unless every element is NaN.
    #[inline]
    pub fn min(self) -> Option<E>
    where
        E: Copy + PartialOrd,
    {
        let mut best: Option<E> = None;
        self.for_each(|&x| {
            if best.is_none_or(|b| x < b || is_nan(b)) {
                best = Some(x);
            }
        });
        best
    }

    /// The largest element (the first of equals), `None` when empty.
    /// Like `f32::max`, NaN is ignored unless every element is NaN.
    #[inline]
    pub fn max(self) -> Option<E>
    where
        E: Copy + PartialOrd,
    {
        let mut best: Option<E> = None;
        self.for_each(|&x| {
            if best.is_none_or(|b| x > b || is_nan(b)) {
                best = Some(x);
            }
        });
        best
    }

    /// `Σ self[i] * other[i]` over every index, in C order. The shapes must
    /// be equal (checked at compile time).
    #[inline]
    pub fn dot<M: Layout<Index = L::Index>>(self, other: View<'_, E, M>) -> E
    where
        E: Copy + Default + Add<Output = E> + Mul<Output = E>,
    {
        let mut acc = E::default();
        zip(self, other).for_each(|&a, &b| acc = acc + a * b);
        acc
    }

    /// Writes `f(self[i])` to `out[i]` for every index. The shapes must be
    /// equal (checked at compile time).
    #[inline]
    pub fn map_into<T, O: UniqueLayout<Index = L::Index>>(
        self,
        out: &mut ViewMut<'_, T, O>,
        mut f: impl FnMut(&E) -> T,
    ) {
        const {
            assert!(
                same_shape(L::SHAPE_SLICE, O::SHAPE_SLICE),
                "map_into needs an output of the same shape"
            )
        }
        let (base, out_base) = (self.base, out.base);
        walk(
            L::SHAPE_SLICE,
            [L::STRIDES_SLICE, O::STRIDES_SLICE],
            [L::OFFSET, O::OFFSET],
            |[a, o]| {
                // SAFETY: `a` is an element of `L`, inside the buffer read for `'a`.
                let value = f(unsafe { read(base, a) });
                // SAFETY: `o` is an element of the unique layout `O`, visited
                // once, inside the buffer `out` holds exclusively while borrowed.
                unsafe { *write(out_base, o) = value };
            },
        );
    }
}

/// Whether `x` is incomparable even with itself (a NaN).
#[inline(always)]
fn is_nan<E: PartialOrd>(x: E) -> bool {
    x.partial_cmp(&x).is_none()
}

/// Two views of one shape walked together (see [`zip`]).
#[derive(Clone, Copy)]
pub struct Zip<'a, 'b, A, B, LA: Layout, LB: Layout> {
    a: View<'a, A, LA>,
    b: View<'b, B, LB>,
}

/// Walks two views of one shape together, in C order. Different shapes are
/// a compile error.
///
/// ```
/// use view_macros::strided_view;
/// strided_view! {
///     Row: [i32; 4] { shape: [6, 4], strides: [0, 1] }
///     Column: [i32; 6] { shape: [6, 4], strides: [1, 0] }
///     mut Out: [i32; 24] { shape: [6, 4] }
/// }
/// let (x, y) = ([0, 1, 2, 3], [6, 7, 8, 9, 10, 11]);
/// let mut sum = [0; 24];
/// view_core::zip(Row::view(&x), Column::view(&y)).map_into(&mut Out::view_mut(&mut sum), |a, b| a + b);
/// assert_eq!(sum[..4], [6, 7, 8, 9]);
/// assert_eq!(sum[20..], [11, 12, 13, 14]);
/// ```
#[inline]
pub fn zip<'a, 'b, A, B, LA: Layout, LB: Layout<Index = LA::Index>>(
    a: View<'a, A, LA>,
    b: View<'b, B, LB>,
) -> Zip<'a, 'b, A, B, LA, LB> {
    const {
        assert!(
            same_shape(LA::SHAPE_SLICE, LB::SHAPE_SLICE),
            "zip needs views of the same shape"
        )
    }
    Zip { a, b }
}

impl<'a, 'b, A, B, LA: Layout, LB: Layout> Zip<'a, 'b, A, B, LA, LB> {
    /// Calls `f` on every pair of elements, in C order.
    #[inline]
    pub fn for_each(self, mut f: impl FnMut(&'a A, &'b B)) {
        let (a, b) = (self.a.base, self.b.base);
        walk(
            LA::SHAPE_SLICE,
            [LA::STRIDES_SLICE, LB::STRIDES_SLICE],
            [LA::OFFSET, LB::OFFSET],
            |[x, y]| {
                // SAFETY: an element of `LA`, inside the buffer read for `'a`.
                let first = unsafe { read(a, x) };
                // SAFETY: an element of `LB` at the same index, inside the buffer read for `'b`.
                let second = unsafe { read(b, y) };
                f(first, second)
            },
        );
    }

    /// Folds every pair into an accumulator, in C order.
    #[inline]
    pub fn fold<T>(self, init: T, mut f: impl FnMut(T, &'a A, &'b B) -> T) -> T {
        let (a, b) = (self.a.base, self.b.base);
        let strides = [LA::STRIDES_SLICE, LB::STRIDES_SLICE];
        walk_fold(
            LA::SHAPE_SLICE,
            strides,
            [LA::OFFSET, LB::OFFSET],
            init,
            |acc, [x, y]| {
                // SAFETY: an element of `LA`, inside the buffer read for `'a`.
                let first = unsafe { read(a, x) };
                // SAFETY: an element of `LB` at the same index, inside the buffer read for `'b`.
                let second = unsafe { read(b, y) };
                f(acc, first, second)
            },
        )
    }

    /// Writes `f(a[i], b[i])` to `out[i]` for every index; the output's
    /// shape must be the same (checked at compile time).
    #[inline]
    pub fn map_into<T, O: UniqueLayout<Index = LA::Index>>(
        self,
        out: &mut ViewMut<'_, T, O>,
        mut f: impl FnMut(&A, &B) -> T,
    ) {
        const {
            assert!(
                same_shape(LA::SHAPE_SLICE, O::SHAPE_SLICE),
                "map_into needs an output of the same shape"
            )
        }
        let (a, b, o) = (self.a.base, self.b.base, out.base);
        let strides = [LA::STRIDES_SLICE, LB::STRIDES_SLICE, O::STRIDES_SLICE];
        walk(
            LA::SHAPE_SLICE,
            strides,
            [LA::OFFSET, LB::OFFSET, O::OFFSET],
            |[x, y, z]| {
                // SAFETY: an element of `LA`, inside the buffer read for `'a`.
                let first = unsafe { read(a, x) };
                // SAFETY: an element of `LB`, inside the buffer read for `'b`.
                let second = unsafe { read(b, y) };
                let value = f(first, second);
                // SAFETY: `z` is an element of the unique `O`, visited once,
                // inside the buffer `out` holds exclusively while borrowed.
                unsafe { *write(o, z) = value };
            },
        );
    }
}

/// Three views of one shape walked together (see [`zip3`]).
#[derive(Clone, Copy)]
pub struct Zip3<'a, 'b, 'c, A, B, C, LA: Layout, LB: Layout, LC: Layout> {
    a: View<'a, A, LA>,
    b: View<'b, B, LB>,
    c: View<'c, C, LC>,
}

/// Walks three views of one shape together, in C order. Different shapes are
/// a compile error.
#[inline]
pub fn zip3<'a, 'b, 'c, A, B, C, LA: Layout, LB: Layout<Index = LA::Index>, LC: Layout<Index = LA::Index>>(
    a: View<'a, A, LA>,
    b: View<'b, B, LB>,
    c: View<'c, C, LC>,
) -> Zip3<'a, 'b, 'c, A, B, C, LA, LB, LC> {
    const {
        assert!(
            same_shape(LA::SHAPE_SLICE, LB::SHAPE_SLICE) && same_shape(LA::SHAPE_SLICE, LC::SHAPE_SLICE),
            "zip3 needs views of the same shape"
        )
    }
    Zip3 { a, b, c }
}

impl<'a, 'b, 'c, A, B, C, LA: Layout, LB: Layout, LC: Layout> Zip3<'a, 'b, 'c, A, B, C, LA, LB, LC> {
    /// Calls `f` on every triple of elements, in C order.
    #[inline]
    pub fn for_each(self, mut f: impl FnMut(&'a A, &'b B, &'c C)) {
        let (a, b, c) = (self.a.base, self.b.base, self.c.base);
        let strides = [LA::STRIDES_SLICE, LB::STRIDES_SLICE, LC::STRIDES_SLICE];
        walk(
            LA::SHAPE_SLICE,
            strides,
            [LA::OFFSET, LB::OFFSET, LC::OFFSET],
            |[x, y, z]| {
                // SAFETY: an element of `LA`, inside the buffer read for `'a`.
                let first = unsafe { read(a, x) };
                // SAFETY: an element of `LB`, inside the buffer read for `'b`.
                let second = unsafe { read(b, y) };
                // SAFETY: an element of `LC`, inside the buffer read for `'c`.
                let third = unsafe { read(c, z) };
                f(first, second, third)
            },
        );
    }

    /// Writes `f(a[i], b[i], c[i])` to `out[i]` for every index.
    #[inline]
    pub fn map_into<T, O: UniqueLayout<Index = LA::Index>>(
        self,
        out: &mut ViewMut<'_, T, O>,
        mut f: impl FnMut(&A, &B, &C) -> T,
    ) {
        const {
            assert!(
                same_shape(LA::SHAPE_SLICE, O::SHAPE_SLICE),
                "map_into needs an output of the same shape"
            )
        }
        let (a, b, c, o) = (self.a.base, self.b.base, self.c.base, out.base);
        let strides = [
            LA::STRIDES_SLICE,
            LB::STRIDES_SLICE,
            LC::STRIDES_SLICE,
            O::STRIDES_SLICE,
        ];
        walk(
            LA::SHAPE_SLICE,
            strides,
            [LA::OFFSET, LB::OFFSET, LC::OFFSET, O::OFFSET],
            |[x, y, z, w]| {
                // SAFETY: an element of `LA`, inside the buffer read for `'a`.
                let first = unsafe { read(a, x) };
                // SAFETY: an element of `LB`, inside the buffer read for `'b`.
                let second = unsafe { read(b, y) };
                // SAFETY: an element of `LC`, inside the buffer read for `'c`.
                let third = unsafe { read(c, z) };
                let value = f(first, second, third);
                // SAFETY: `w` is an element of the unique `O`, visited once,
                // inside the buffer `out` holds exclusively while borrowed.
                unsafe { *write(o, w) = value };
            },
        );
    }
}

/// Contracts the trailing axes of `windows` with `kernel` into `out`:
/// `out[i..] = Σ_k windows[i.., k..] * kernel[k..]` — the tutorial's
/// `np.einsum('ijkl,kl->ij', windows, kernel)`, summed in C order of `k`.
///
/// The shapes must fit: `windows`' leading axes are `out`'s shape and its
/// trailing axes are `kernel`'s (checked at compile time).
#[inline]
pub fn contract<E, W: Layout, K: Layout, O: UniqueLayout>(
    windows: View<'_, E, W>,
    kernel: View<'_, E, K>,
    out: &mut ViewMut<'_, E, O>,
) where
    E: Copy + Default + Add<Output = E> + Mul<Output = E>,
{
    const {
        assert!(
            splits_into(W::SHAPE_SLICE, O::SHAPE_SLICE, K::SHAPE_SLICE),
            "contract needs windows of shape [out.., kernel..]"
        )
    }
    let (w, k, o) = (windows.base, kernel.base, out.base);
    let (outer_strides, inner_strides) = W::STRIDES_SLICE.split_at(O::RANK.min(W::RANK));
    walk(
        O::SHAPE_SLICE,
        [outer_strides, O::STRIDES_SLICE],
        [W::OFFSET, O::OFFSET],
        |[window, target]| {
            let mut acc = E::default();
            walk(
                K::SHAPE_SLICE,
                [inner_strides, K::STRIDES_SLICE],
                [window, K::OFFSET],
                |[x, y]| {
                    // SAFETY: `window` is the element of `W` at `[i.., 0..]` and
                    // `x` at `[i.., k..]` with `k` inside `K`'s shape (= `W`'s
                    // trailing extents): an element of `W`, inside its buffer.
                    let value = unsafe { *read(w, x) };
                    // SAFETY: `y` is an element of `K`, inside its buffer.
                    let weight = unsafe { *read(k, y) };
                    acc = acc + value * weight;
                },
            );
            // SAFETY: `target` is an element of the unique `O`, visited once,
            // inside the buffer `out` holds exclusively while borrowed.
            unsafe { *write(o, target) = acc };
        },
    );
}

/// Two writable views of one shape walked together (see [`zip_mut`]).
pub struct ZipMut<'x, 'a, 'b, A, B, LA: UniqueLayout, LB: UniqueLayout> {
    a: &'x mut ViewMut<'a, A, LA>,
    b: &'x mut ViewMut<'b, B, LB>,
}

/// Walks two writable views of one shape together, in C order: the fused
/// loop over split members (left and right channel in one pass). Different
/// shapes are a compile error.
///
/// ```
/// use view_macros::strided_view;
/// strided_view! {
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
/// let mut samples = [10, 1, 20, 2, 30, 3, 40, 4];
/// let (mut left, mut right) = Stereo::split(&mut samples);
/// view_core::zip_mut(&mut left, &mut right).for_each(|l, r| (*l, *r) = (*l + *r, *l - *r));
/// assert_eq!(samples, [11, 9, 22, 18, 33, 27, 44, 36]);
/// ```
#[inline]
pub fn zip_mut<'x, 'a, 'b, A, B, LA: UniqueLayout, LB: UniqueLayout<Index = LA::Index>>(
    a: &'x mut ViewMut<'a, A, LA>,
    b: &'x mut ViewMut<'b, B, LB>,
) -> ZipMut<'x, 'a, 'b, A, B, LA, LB> {
    const {
        assert!(
            same_shape(LA::SHAPE_SLICE, LB::SHAPE_SLICE),
            "zip_mut needs views of the same shape"
        )
    }
    ZipMut { a, b }
}

impl<'x, A, B, LA: UniqueLayout, LB: UniqueLayout> ZipMut<'x, '_, '_, A, B, LA, LB> {
    /// Calls `f` on every pair of elements, in C order.
    #[inline]
    pub fn for_each(self, mut f: impl FnMut(&'x mut A, &'x mut B)) {
        let (a, b) = (self.a.base, self.b.base);
        let strides = [LA::STRIDES_SLICE, LB::STRIDES_SLICE];
        walk(LA::SHAPE_SLICE, strides, [LA::OFFSET, LB::OFFSET], |[x, y]| {
            // SAFETY: `x` is an element of the unique `LA`, visited once,
            // inside the buffer the first view holds exclusively for `'x`.
            let first = unsafe { write(a, x) };
            // SAFETY: likewise for `y` and the second view. The two views are
            // distinct `ViewMut`s, each with exclusive access to its own
            // elements (split members are proven disjoint), so `first` and
            // `second` never alias.
            let second = unsafe { write(b, y) };
            f(first, second)
        });
    }
}
