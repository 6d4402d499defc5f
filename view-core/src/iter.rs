//! Iteration in logical C order (last axis fastest), from both ends, by
//! reference and with the index: thin wrappers of a [`Base`] and a
//! [`Cursor`]. `next` is the cursor's step (a counter test, a decrement,
//! a constant-stride bump and a step of the index it keeps, which the
//! optimizer drops where the index is not used); a fresh iterator's
//! `fold` (`sum`, `for_each`, `max_by`, ..) runs the whole-view loop nest
//! of `walk`, a partly consumed one (and `rfold`) the rest a row at a
//! time; `nth`, `nth_back`, `count` and `last` skip rather than step.

use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::cursor::Cursor;
use crate::layout::{Layout, UniqueLayout};
use crate::raw::Base;
use crate::walk::walk_fold;

macro_rules! iterator {
    (
        $(#[$doc:meta])*
        $name:ident, $bound:ident, $marker:ty, $item:ty, fast_fold: $fast:literal,
        |$base:ident, $index:ident, $element:ident| $make:expr,
        $safety:literal
    ) => {
        $(#[$doc])*
        pub struct $name<'a, E, L: $bound> {
            base: Base<E, L>,
            cursor: Cursor<L>,
            marker: PhantomData<$marker>,
        }

        impl<'a, E, L: $bound> $name<'a, E, L> {
            #[doc = $safety]
            #[inline]
            pub(crate) unsafe fn new(base: Base<E, L>) -> Self {
                $name {
                    base,
                    cursor: Cursor::new(),
                    marker: PhantomData,
                }
            }
        }

        impl<'a, E, L: $bound> Iterator for $name<'a, E, L> {
            type Item = $item;

            #[inline(always)]
            fn next(&mut self) -> Option<$item> {
                let ($index, $element) = self.cursor.next_front()?;
                let $base = self.base;
                Some($make)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.cursor.len(), Some(self.cursor.len()))
            }

            #[inline]
            fn fold<B, F: FnMut(B, $item) -> B>(self, init: B, mut f: F) -> B {
                let $base = self.base;
                if $fast && self.cursor.is_fresh() {
                    // The whole view at once: `walk` yields every index of
                    // `L` once, in C order, as this iterator would (it
                    // gives no index, so only iterators without one use it).
                    return walk_fold(L::SHAPE_SLICE, [L::STRIDES_SLICE], [L::OFFSET], init, |acc, [$element]| {
                        let $index = <L::Index as crate::layout::Dim>::ZEROS;
                        f(acc, $make)
                    });
                }
                // What is left, a row at a time (each row a counted loop).
                self.cursor.fold_front(init, |acc, $index, $element| f(acc, $make))
            }

            #[inline]
            fn count(self) -> usize {
                self.cursor.len()
            }

            #[inline]
            fn last(mut self) -> Option<$item> {
                self.next_back()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.cursor.skip_front(n);
                self.next()
            }
        }

        impl<'a, E, L: $bound> DoubleEndedIterator for $name<'a, E, L> {
            #[inline(always)]
            fn next_back(&mut self) -> Option<$item> {
                let ($index, $element) = self.cursor.next_back()?;
                let $base = self.base;
                Some($make)
            }

            #[inline]
            fn rfold<B, F: FnMut(B, $item) -> B>(self, init: B, mut f: F) -> B {
                let $base = self.base;
                self.cursor.fold_back(init, |acc, $index, $element| f(acc, $make))
            }

            #[inline]
            fn nth_back(&mut self, n: usize) -> Option<$item> {
                self.cursor.skip_back(n);
                self.next_back()
            }
        }

        impl<E, L: $bound> ExactSizeIterator for $name<'_, E, L> {}
        impl<E, L: $bound> FusedIterator for $name<'_, E, L> {}
    };
}

iterator! {
    /// Shared references to the elements of a view, in C order.
    Iter, Layout, &'a [E], &'a E, fast_fold: true,
    |base, _index, element| {
        // SAFETY: `element` is reached by `L` (the cursor, or `walk`, yields
        // the elements of indices inside the shape, each once); `new`'s
        // caller gave shared access to them for `'a` with no writer.
        unsafe { base.read(element) }
    },
    "# Safety\nThe caller may read the elements of `L` behind `base` for `'a`, and nothing writes to them meanwhile."
}

iterator! {
    /// Mutable references to the elements of a writable view, in C order.
    ///
    /// The layout is proven unique: distinct indices reach distinct
    /// elements, so the `&mut` it yields never alias.
    IterMut, UniqueLayout, &'a mut [E], &'a mut E, fast_fold: true,
    |base, _index, element| {
        // SAFETY: `element` is reached by `L`, and is yielded once (the
        // cursor's two ends take disjoint runs from one pool of the indices
        // left, and each fold visits what is left once; `walk` visits each
        // index once;
        // `L` is proven unique, so distinct indices are distinct elements);
        // `new`'s caller gave exclusive access to them for `'a`.
        unsafe { base.write(element) }
    },
    "# Safety\nThe caller has exclusive access to the elements of `L` behind `base` for `'a`, and `L` passed `Facts::WRITABLE`."
}

iterator! {
    /// The index and a shared reference of each element of a view, in C order.
    IndexedIter, Layout, &'a [E], (L::Index, &'a E), fast_fold: false,
    |base, index, element| {
        // SAFETY: as in `Iter`.
        (index, unsafe { base.read(element) })
    },
    "# Safety\nAs for `Iter::new`."
}

iterator! {
    /// The index and a mutable reference of each element of a writable view, in C order.
    IndexedIterMut, UniqueLayout, &'a mut [E], (L::Index, &'a mut E), fast_fold: false,
    |base, index, element| {
        // SAFETY: as in `IterMut`.
        (index, unsafe { base.write(element) })
    },
    "# Safety\nAs for `IterMut::new`."
}

impl<E, L: Layout> Clone for Iter<'_, E, L> {
    fn clone(&self) -> Self {
        Iter {
            base: self.base,
            cursor: self.cursor.clone(),
            marker: PhantomData,
        }
    }
}

impl<E, L: Layout> Clone for IndexedIter<'_, E, L> {
    fn clone(&self) -> Self {
        IndexedIter {
            base: self.base,
            cursor: self.cursor.clone(),
            marker: PhantomData,
        }
    }
}

// SAFETY: `Iter` and `IndexedIter` hand out `&E` only, like
// `core::slice::Iter`: they may move to or be shared with another thread
// exactly when `&E` may, that is when `E: Sync`.
unsafe impl<E: Sync, L: Layout> Send for Iter<'_, E, L> {}
// SAFETY: as above; `&Iter` gives no access beyond `&E`.
unsafe impl<E: Sync, L: Layout> Sync for Iter<'_, E, L> {}
// SAFETY: as for `Iter`.
unsafe impl<E: Sync, L: Layout> Send for IndexedIter<'_, E, L> {}
// SAFETY: as for `Iter`.
unsafe impl<E: Sync, L: Layout> Sync for IndexedIter<'_, E, L> {}
// SAFETY: `IterMut` is a set of disjoint `&mut E`, like
// `core::slice::IterMut`: sending it sends those, sound when `E: Send`.
unsafe impl<E: Send, L: UniqueLayout> Send for IterMut<'_, E, L> {}
// SAFETY: `&IterMut` gives no access to elements at all; `E: Sync` matches
// `slice::IterMut`.
unsafe impl<E: Sync, L: UniqueLayout> Sync for IterMut<'_, E, L> {}
// SAFETY: as for `IterMut`.
unsafe impl<E: Send, L: UniqueLayout> Send for IndexedIterMut<'_, E, L> {}
// SAFETY: as for `IterMut`.
unsafe impl<E: Sync, L: UniqueLayout> Sync for IndexedIterMut<'_, E, L> {}
