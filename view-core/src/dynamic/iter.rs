//! Iteration over run-time views in logical C order (last axis fastest),
//! from both ends, by reference and with the index: a [`DynBase`] and a
//! two-ended odometer over its run-time shape. A fresh `DynIter` or
//! `DynIterMut`'s `fold` (`sum`, `for_each`, `max_by`, ..) runs the
//! whole-view loop nest of `walk`; the indexed iterators fold step by step.

use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::raw::DynBase;
use crate::walk::walk_fold_versioned;

/// Front and back positions of a C-order walk over a run-time shape.
///
/// Positions are wrapping `usize`s relative to the base's origin; those of
/// indices inside the shape are exact (see `DynBase`). `remaining` is shared
/// by both ends, so together they visit each index exactly once.
#[derive(Clone)]
struct DynCursor<const R: usize> {
    front: [usize; R],
    front_position: usize,
    back: [usize; R],
    back_position: usize,
    remaining: usize,
}

impl<const R: usize> DynCursor<R> {
    /// The walk over every index of `base`'s shape.
    #[inline]
    fn new<E>(base: &DynBase<E, R>) -> Self {
        let shape = base.shape();
        let mut back = [0usize; R];
        for (i, &n) in back.iter_mut().zip(shape) {
            *i = n.saturating_sub(1);
        }
        let back_position = base.position(&back).unwrap_or(0);
        DynCursor {
            front: [0; R],
            front_position: 0,
            back,
            back_position,
            remaining: base.len(),
        }
    }

    /// Whether no element was taken yet from either end.
    #[inline(always)]
    fn is_fresh<E>(&self, base: &DynBase<E, R>) -> bool {
        self.remaining == base.len()
    }

    /// The front index and its position, then the front moves one step on.
    #[inline(always)]
    fn next_front(&mut self, shape: &[usize; R], strides: &[isize; R]) -> Option<([usize; R], usize)> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let taken = (self.front, self.front_position);
        if self.remaining > 0 {
            // The odometer, last axis first: the last coordinate that can
            // grow grows, the ones after it go back to 0.
            for ((i, &n), &s) in self.front.iter_mut().zip(shape).zip(strides).rev() {
                if *i + 1 < n {
                    *i += 1;
                    self.front_position = self.front_position.wrapping_add_signed(s);
                    break;
                }
                self.front_position = self.front_position.wrapping_add_signed(s.wrapping_mul(-(*i as isize)));
                *i = 0;
            }
        }
        Some(taken)
    }

    /// The back index and its position, then the back moves one step back.
    #[inline(always)]
    fn next_back(&mut self, shape: &[usize; R], strides: &[isize; R]) -> Option<([usize; R], usize)> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let taken = (self.back, self.back_position);
        if self.remaining > 0 {
            for ((i, &n), &s) in self.back.iter_mut().zip(shape).zip(strides).rev() {
                if *i > 0 {
                    *i -= 1;
                    self.back_position = self.back_position.wrapping_add_signed(s.wrapping_neg());
                    break;
                }
                let last = n.saturating_sub(1);
                self.back_position = self.back_position.wrapping_add_signed(s.wrapping_mul(last as isize));
                *i = last;
            }
        }
        Some(taken)
    }
}

impl<const R: usize> DynCursor<R> {
    /// Skips `n` indices at the front (all that remain if fewer): the front
    /// index plus `n` in the mixed radix of the shape, O(rank).
    #[inline]
    fn skip_front<E>(&mut self, n: usize, base: &DynBase<E, R>) {
        if n == 0 {
            return;
        }
        if n >= self.remaining {
            self.remaining = 0;
            return;
        }
        self.remaining -= n;
        // The front's C-order number plus `n` is at most the back's, so the
        // carry out of axis 0 is 0 and the new index is inside the shape.
        let mut carry = n;
        for (i, &extent) in self.front.iter_mut().zip(base.shape()).rev() {
            if carry == 0 {
                break;
            }
            // `*i < extent` and `carry % extent < extent`: no overflow.
            let (q, r) = (carry / extent, carry % extent);
            let t = *i + r;
            (*i, carry) = if t >= extent { (t - extent, q + 1) } else { (t, q) };
        }
        self.front_position = base.position(&self.front).unwrap_or(0);
    }

    /// Skips `n` indices at the back (all that remain if fewer).
    #[inline]
    fn skip_back<E>(&mut self, n: usize, base: &DynBase<E, R>) {
        if n == 0 {
            return;
        }
        if n >= self.remaining {
            self.remaining = 0;
            return;
        }
        self.remaining -= n;
        // The back's C-order number minus `n` is at least the front's.
        let mut borrow = n;
        for (i, &extent) in self.back.iter_mut().zip(base.shape()).rev() {
            if borrow == 0 {
                break;
            }
            let (q, r) = (borrow / extent, borrow % extent);
            (*i, borrow) = if *i >= r {
                (*i - r, q)
            } else {
                (*i + (extent - r), q + 1)
            };
        }
        self.back_position = base.position(&self.back).unwrap_or(0);
    }
}

macro_rules! dyn_iterator {
    (
        $(#[$doc:meta])*
        $name:ident, $marker:ty, $item:ty, fast_fold: $fast:literal,
        |$origin:ident, $index:ident, $position:ident| $make:expr,
        $safety:literal
    ) => {
        $(#[$doc])*
        pub struct $name<'a, E, const R: usize> {
            base: DynBase<E, R>,
            cursor: DynCursor<R>,
            marker: PhantomData<$marker>,
        }

        impl<'a, E, const R: usize> $name<'a, E, R> {
            #[doc = $safety]
            #[inline]
            pub(crate) unsafe fn new(base: DynBase<E, R>) -> Self {
                $name {
                    cursor: DynCursor::new(&base),
                    base,
                    marker: PhantomData,
                }
            }
        }

        impl<'a, E, const R: usize> Iterator for $name<'a, E, R> {
            type Item = $item;

            #[inline(always)]
            fn next(&mut self) -> Option<$item> {
                let ($index, $position) = self.cursor.next_front(self.base.shape(), self.base.strides())?;
                let $origin = self.base.origin();
                Some($make)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.cursor.remaining, Some(self.cursor.remaining))
            }

            #[inline]
            fn count(self) -> usize {
                self.cursor.remaining
            }

            #[inline]
            fn last(mut self) -> Option<$item> {
                self.next_back()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.cursor.skip_front(n, &self.base);
                self.next()
            }

            #[inline]
            fn fold<B, F: FnMut(B, $item) -> B>(mut self, init: B, mut f: F) -> B {
                if $fast && self.cursor.is_fresh(&self.base) {
                    // The whole view at once: `walk` yields the position of
                    // every index of the shape once, in C order, as this
                    // iterator would (it gives no index, so only iterators
                    // without one use it).
                    let $origin = self.base.origin();
                    return walk_fold_versioned(self.base.shape(), [self.base.strides()], [0], init, |acc, [$position]| {
                        let $index = [0usize; R];
                        f(acc, $make)
                    });
                }
                // Partly consumed: step by step.
                let mut acc = init;
                while let Some(x) = self.next() {
                    acc = f(acc, x);
                }
                acc
            }
        }

        impl<'a, E, const R: usize> DoubleEndedIterator for $name<'a, E, R> {
            #[inline(always)]
            fn next_back(&mut self) -> Option<$item> {
                let ($index, $position) = self.cursor.next_back(self.base.shape(), self.base.strides())?;
                let $origin = self.base.origin();
                Some($make)
            }

            #[inline]
            fn nth_back(&mut self, n: usize) -> Option<$item> {
                self.cursor.skip_back(n, &self.base);
                self.next_back()
            }
        }

        impl<E, const R: usize> ExactSizeIterator for $name<'_, E, R> {}
        impl<E, const R: usize> FusedIterator for $name<'_, E, R> {}
    };
}

dyn_iterator! {
    /// Shared references to the elements of a run-time view, in C order.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = DynView::new(&data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
    /// let mut iter = grid.iter();
    /// assert_eq!((iter.next(), iter.next_back(), iter.len()), (Some(&0), Some(&5), 4));
    /// assert_eq!(iter.sum::<i32>(), 1 + 2 + 3 + 4);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    DynIter, &'a [E], &'a E, fast_fold: true,
    |origin, _index, position| {
        // SAFETY: `position` is that of an index inside the base's shape
        // (the cursor, or `walk`, yields each index once); `new`'s caller
        // gave shared access to the base's elements for `'a` with no writer.
        unsafe { DynBase::<E, R>::read(origin, position) }
    },
    "# Safety\nThe caller may read the elements `base` reaches for `'a`, and nothing writes to them meanwhile."
}

dyn_iterator! {
    /// Mutable references to the elements of a writable run-time view, in
    /// C order. Its layout is unique (distinct indices reach distinct
    /// elements), so the `&mut` it yields never alias.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut odd = DynViewMut::new(&mut data[..], DynLayout::new([3], [2], 1, 6)?.writable()?)?;
    /// for (k, x) in odd.iter_mut().rev().enumerate() {
    ///     *x = -(k as i32);
    /// }
    /// assert_eq!(data, [0, -2, 2, -1, 4, 0]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    DynIterMut, &'a mut [E], &'a mut E, fast_fold: true,
    |origin, _index, position| {
        // SAFETY: `position` is that of an index inside the base's shape,
        // yielded once (the two ends share one count; `walk` visits each
        // index once), and the base's layout is unique, so no other
        // reference to its element is live; `new`'s caller gave exclusive
        // access to the base's elements for `'a`.
        unsafe { DynBase::<E, R>::write(origin, position) }
    },
    "# Safety\nThe caller has exclusive access to the elements `base` reaches for `'a`, and no two indices of its shape reach one element."
}

dyn_iterator! {
    /// The index and a shared reference of each element of a run-time view,
    /// in C order.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let t = DynView::new(&data[..], DynLayout::new([3, 2], [1, 3], 0, 6)?)?;
    /// assert_eq!(t.indexed_iter().nth(1), Some(([0, 1], &3)));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    DynIndexedIter, &'a [E], ([usize; R], &'a E), fast_fold: false,
    |origin, index, position| {
        // SAFETY: as in `DynIter`.
        (index, unsafe { DynBase::<E, R>::read(origin, position) })
    },
    "# Safety\nAs for `DynIter::new`."
}

dyn_iterator! {
    /// The index and a mutable reference of each element of a writable
    /// run-time view, in C order.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 6];
    /// let mut grid = DynViewMut::new(&mut data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// for ([i, j], x) in grid.indexed_iter_mut() {
    ///     *x = 10 * i + j;
    /// }
    /// assert_eq!(data, [0, 1, 2, 10, 11, 12]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    DynIndexedIterMut, &'a mut [E], ([usize; R], &'a mut E), fast_fold: false,
    |origin, index, position| {
        // SAFETY: as in `DynIterMut`.
        (index, unsafe { DynBase::<E, R>::write(origin, position) })
    },
    "# Safety\nAs for `DynIterMut::new`."
}

impl<E, const R: usize> Clone for DynIter<'_, E, R> {
    fn clone(&self) -> Self {
        DynIter {
            base: self.base,
            cursor: self.cursor.clone(),
            marker: PhantomData,
        }
    }
}

impl<E, const R: usize> Clone for DynIndexedIter<'_, E, R> {
    fn clone(&self) -> Self {
        DynIndexedIter {
            base: self.base,
            cursor: self.cursor.clone(),
            marker: PhantomData,
        }
    }
}

// SAFETY: `DynIter` and `DynIndexedIter` hand out `&E` only, like
// `core::slice::Iter`: they may move to or be shared with another thread
// exactly when `&E` may, that is when `E: Sync`.
unsafe impl<E: Sync, const R: usize> Send for DynIter<'_, E, R> {}
// SAFETY: as above; `&DynIter` gives no access beyond `&E`.
unsafe impl<E: Sync, const R: usize> Sync for DynIter<'_, E, R> {}
// SAFETY: as for `DynIter`.
unsafe impl<E: Sync, const R: usize> Send for DynIndexedIter<'_, E, R> {}
// SAFETY: as for `DynIter`.
unsafe impl<E: Sync, const R: usize> Sync for DynIndexedIter<'_, E, R> {}
// SAFETY: `DynIterMut` is a set of disjoint `&mut E`, like
// `core::slice::IterMut`: sending it sends those, sound when `E: Send`.
unsafe impl<E: Send, const R: usize> Send for DynIterMut<'_, E, R> {}
// SAFETY: `&DynIterMut` gives no access to elements at all; `E: Sync`
// matches `slice::IterMut`.
unsafe impl<E: Sync, const R: usize> Sync for DynIterMut<'_, E, R> {}
// SAFETY: as for `DynIterMut`.
unsafe impl<E: Send, const R: usize> Send for DynIndexedIterMut<'_, E, R> {}
// SAFETY: as for `DynIterMut`.
unsafe impl<E: Sync, const R: usize> Sync for DynIndexedIterMut<'_, E, R> {}
