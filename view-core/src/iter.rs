//! Iteration in logical C order (last axis fastest), from both ends.
//!
//! The cursor keeps a multi-index and the element it reaches, and updates the
//! element by adding or subtracting strides: no division, no bounds check.

use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::layout::{element_at, Dim, Layout};

/// Front and back positions of a C-order walk over a layout's indices.
pub(crate) struct Cursor<L: Layout> {
    front: L::Index,
    front_element: usize,
    back: L::Index,
    back_element: usize,
    remaining: usize,
}

impl<L: Layout> Clone for Cursor<L> {
    fn clone(&self) -> Self {
        Cursor { ..*self }
    }
}

impl<L: Layout> Cursor<L> {
    pub(crate) fn new() -> Self {
        let mut back = <L::Index as Dim>::ZEROS;
        for (i, &n) in back.as_mut().iter_mut().zip(L::SHAPE.as_ref()) {
            *i = n.saturating_sub(1);
        }
        Cursor {
            front: <L::Index as Dim>::ZEROS,
            front_element: L::OFFSET,
            back,
            back_element: element_at::<L>(&back),
            remaining: crate::facts::Facts::<L>::SIZE,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.remaining
    }

    /// Whether no element was taken yet from either end: then a whole-view
    /// traversal (`walk`) may replace element-by-element stepping.
    pub(crate) fn is_fresh(&self) -> bool {
        self.remaining == crate::facts::Facts::<L>::SIZE
    }

    /// The element of the front index, then the front moves one step on.
    #[inline]
    pub(crate) fn next_front(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let element = self.front_element;
        let shape = L::SHAPE;
        let strides = L::STRIDES;
        let index = self.front.as_mut();
        // Odometer step: bump the last axis that is not at its end, reset the
        // ones after it. Each stride change keeps the element exact.
        for ((i, &n), &s) in index.iter_mut().zip(shape.as_ref()).zip(strides.as_ref()).rev() {
            if *i + 1 < n {
                *i += 1;
                self.front_element = self.front_element.wrapping_add_signed(s);
                break;
            }
            self.front_element = self.front_element.wrapping_add_signed(s.wrapping_mul(-(*i as isize)));
            *i = 0;
        }
        Some(element)
    }

    /// The element of the back index, then the back moves one step back.
    #[inline]
    pub(crate) fn next_back(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let element = self.back_element;
        let shape = L::SHAPE;
        let strides = L::STRIDES;
        let index = self.back.as_mut();
        for ((i, &n), &s) in index.iter_mut().zip(shape.as_ref()).zip(strides.as_ref()).rev() {
            if *i > 0 {
                *i -= 1;
                self.back_element = self.back_element.wrapping_add_signed(s.wrapping_neg());
                break;
            }
            let last = n.saturating_sub(1);
            self.back_element = self.back_element.wrapping_add_signed(s.wrapping_mul(last as isize));
            *i = last;
        }
        Some(element)
    }
}

/// Shared references to the elements of a view, in C order.
pub struct Iter<'a, E, L: Layout> {
    base: NonNull<E>,
    cursor: Cursor<L>,
    marker: PhantomData<&'a [E]>,
}

impl<'a, E, L: Layout> Iter<'a, E, L> {
    /// # Safety
    /// `base` is valid for reads of `L::REQUIRED_LEN` elements for `'a`, and
    /// nothing writes to the elements `L` reaches during `'a`.
    pub(crate) unsafe fn new(base: NonNull<E>) -> Self {
        Iter {
            base,
            cursor: Cursor::new(),
            marker: PhantomData,
        }
    }
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

impl<'a, E, L: Layout> Iterator for Iter<'a, E, L> {
    type Item = &'a E;

    #[inline]
    fn next(&mut self) -> Option<&'a E> {
        let element = self.cursor.next_front()?;
        // SAFETY: the cursor yields elements of indices inside the shape, which
        // the `Layout` contract puts in `0..REQUIRED_LEN`, inside the buffer
        // `base` points to (`new`'s contract).
        let ptr = unsafe { self.base.add(element) };
        // SAFETY: `new`'s caller made the buffer valid for reads for `'a`, with
        // no writer to the elements of `L`.
        Some(unsafe { ptr.as_ref() })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.cursor.len(), Some(self.cursor.len()))
    }

    /// A fresh iterator folds with the loop nest of `walk`
    /// (`sum`, `for_each`, `max_by`, .. all come here).
    #[inline]
    fn fold<B, F: FnMut(B, &'a E) -> B>(self, init: B, mut f: F) -> B {
        if self.cursor.is_fresh() {
            // SAFETY: the same buffer and access as this iterator (`new`'s contract).
            return unsafe { crate::View::<'a, E, L>::from_raw(self.base) }.fold(init, f);
        }
        // Partly consumed: step by step (`for` calls `next`, not `fold`).
        let mut acc = init;
        for x in self {
            acc = f(acc, x);
        }
        acc
    }
}

impl<'a, E, L: Layout> DoubleEndedIterator for Iter<'a, E, L> {
    #[inline]
    fn next_back(&mut self) -> Option<&'a E> {
        let element = self.cursor.next_back()?;
        // SAFETY: as in `next`: an element of the layout, inside the buffer.
        let ptr = unsafe { self.base.add(element) };
        // SAFETY: as in `next`: readable for `'a`, no writer.
        Some(unsafe { ptr.as_ref() })
    }
}

impl<E, L: Layout> ExactSizeIterator for Iter<'_, E, L> {}
impl<E, L: Layout> FusedIterator for Iter<'_, E, L> {}

// SAFETY: `Iter` hands out `&E` only, like `core::slice::Iter`, so it may move
// to or be shared with another thread exactly when `&E` may: when `E: Sync`.
unsafe impl<E: Sync, L: Layout> Send for Iter<'_, E, L> {}
// SAFETY: as above; `&Iter` gives no access beyond `&E`.
unsafe impl<E: Sync, L: Layout> Sync for Iter<'_, E, L> {}

/// Mutable references to the elements of a writable view, in C order.
///
/// The layout is [`UniqueLayout`](crate::UniqueLayout): distinct indices reach
/// distinct elements, so the `&mut` it yields never alias.
pub struct IterMut<'a, E, L: Layout> {
    base: NonNull<E>,
    cursor: Cursor<L>,
    marker: PhantomData<&'a mut [E]>,
}

impl<'a, E, L: crate::UniqueLayout> IterMut<'a, E, L> {
    /// # Safety
    /// `base` is valid for reads and writes of `L::REQUIRED_LEN` elements for
    /// `'a`, and nothing else accesses the elements `L` reaches during `'a`.
    pub(crate) unsafe fn new(base: NonNull<E>) -> Self {
        IterMut {
            base,
            cursor: Cursor::new(),
            marker: PhantomData,
        }
    }
}

impl<'a, E, L: Layout> Iterator for IterMut<'a, E, L> {
    type Item = &'a mut E;

    #[inline]
    fn next(&mut self) -> Option<&'a mut E> {
        let element = self.cursor.next_front()?;
        // SAFETY: the element lies in `0..REQUIRED_LEN` (layout contract),
        // inside the buffer `base` points to (`new`'s contract).
        let mut ptr = unsafe { self.base.add(element) };
        // SAFETY: `new`'s caller gave exclusive access for `'a`. The cursor
        // visits each index once, and `L: UniqueLayout` (required by `new`)
        // maps distinct indices to distinct elements, so no two `&mut` handed
        // out alias.
        Some(unsafe { ptr.as_mut() })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.cursor.len(), Some(self.cursor.len()))
    }

    /// A fresh iterator folds with the loop nest of `walk`.
    #[inline]
    fn fold<B, F: FnMut(B, &'a mut E) -> B>(self, init: B, mut f: F) -> B {
        if self.cursor.is_fresh() {
            let base = self.base;
            return crate::walk::walk_fold(L::SHAPE_SLICE, [L::STRIDES_SLICE], [L::OFFSET], init, |acc, [e]| {
                // SAFETY: `walk` yields each element of `L` once, inside the
                // buffer (`new`'s contract).
                let mut ptr = unsafe { base.add(e) };
                // SAFETY: exclusive access for `'a` (`new`'s contract); each
                // element is visited once and `L` is unique (required by
                // `new`), so no two `&mut` alias.
                f(acc, unsafe { ptr.as_mut() })
            });
        }
        // Partly consumed: step by step (`for` calls `next`, not `fold`).
        let mut acc = init;
        for x in self {
            acc = f(acc, x);
        }
        acc
    }
}

impl<'a, E, L: Layout> DoubleEndedIterator for IterMut<'a, E, L> {
    #[inline]
    fn next_back(&mut self) -> Option<&'a mut E> {
        let element = self.cursor.next_back()?;
        // SAFETY: as in `next`: an element of the layout, inside the buffer.
        let mut ptr = unsafe { self.base.add(element) };
        // SAFETY: as in `next`; the front and back share one `remaining`
        // count, so together they visit each index once, and uniqueness makes
        // the references disjoint.
        Some(unsafe { ptr.as_mut() })
    }
}

impl<E, L: Layout> ExactSizeIterator for IterMut<'_, E, L> {}
impl<E, L: Layout> FusedIterator for IterMut<'_, E, L> {}

// SAFETY: `IterMut` is a set of disjoint `&mut E`, like `core::slice::IterMut`:
// sending it sends those `&mut E`, sound when `E: Send`.
unsafe impl<E: Send, L: Layout> Send for IterMut<'_, E, L> {}
// SAFETY: `&IterMut` gives no access to elements at all; `E: Sync` matches slice::IterMut.
unsafe impl<E: Sync, L: Layout> Sync for IterMut<'_, E, L> {}
