//! `View`: a read-only strided view, one pointer wide.

use core::fmt;
use core::marker::PhantomData;
use core::ops::Index;
use core::ptr::NonNull;

use crate::derived::{DerivedFacts, DerivedFrom};
use crate::error::LengthError;
use crate::facts::Facts;
use crate::iter::Iter;
use crate::layout::{element_at, in_shape, index_out_of_range, Dim, Layout, Subview};
use crate::trailing::{subview_base, SubviewFacts, Trailing};

/// A read-only view of a buffer of `E` through layout `L`.
///
/// It holds only a pointer to the buffer: shape, strides and offset are the
/// constants of `L`, so the view is exactly pointer-sized at every rank and is
/// `Copy` like `&[E]`. Indexing compares the index with the shape (like a
/// slice) but never with the buffer: `L`'s proof already showed that every
/// index inside the shape reaches an element inside the buffer.
pub struct View<'a, E, L: Layout> {
    pub(crate) base: NonNull<E>,
    marker: PhantomData<(&'a [E], L)>,
}

impl<'a, E, L: Layout> View<'a, E, L> {
    /// Views a whole array; `N` must equal `L::BUFFER_LEN`. Checked at
    /// compile time, with the layout's proof ([`Facts::READABLE`]).
    ///
    /// Layout types generate a shorter spelling, `L::view(&buffer)`.
    pub const fn from_array<const N: usize>(buffer: &'a [E; N]) -> Self {
        const {
            let () = Facts::<L>::READABLE;
            assert!(
                N == L::BUFFER_LEN && Facts::<L>::REQUIRED_LEN <= N,
                "the array length differs from the layout's BUFFER_LEN"
            )
        }
        View {
            base: non_null(buffer.as_ptr()),
            marker: PhantomData,
        }
    }

    /// Views a slice, after one length check: the layout fits any slice of at
    /// least `L::REQUIRED_LEN` elements (the bounds proof, folded into one
    /// comparison: it accepts a length iff the highest element reached is below it).
    pub fn try_from_slice(buffer: &'a [E]) -> Result<Self, LengthError> {
        const { Facts::<L>::READABLE }
        if buffer.len() < Facts::<L>::REQUIRED_LEN {
            return Err(LengthError {
                required: Facts::<L>::REQUIRED_LEN,
                actual: buffer.len(),
            });
        }
        Ok(View {
            base: non_null(buffer.as_ptr()),
            marker: PhantomData,
        })
    }

    /// # Safety
    /// `L` passed [`Facts::READABLE`], `base` is valid for reads of
    /// `L::REQUIRED_LEN` elements for `'a`, and nothing writes to the
    /// elements `L` reaches during `'a`.
    pub(crate) const unsafe fn from_raw(base: NonNull<E>) -> Self {
        View {
            base,
            marker: PhantomData,
        }
    }

    /// The extents, one per axis.
    pub fn shape(&self) -> L::Index {
        L::SHAPE
    }

    /// The element strides, one per axis.
    pub fn strides(&self) -> <L::Index as Dim>::Strides {
        L::STRIDES
    }

    /// The number of indices (logical elements): the product of the extents.
    pub const fn len(&self) -> usize {
        Facts::<L>::SIZE
    }

    /// Whether some extent is 0.
    pub const fn is_empty(&self) -> bool {
        Facts::<L>::SIZE == 0
    }

    /// The element at `index`, or `None` if a coordinate is outside the shape.
    #[inline]
    pub fn get(&self, index: L::Index) -> Option<&'a E> {
        if !in_shape::<L>(&index) {
            return None;
        }
        // SAFETY: the index is inside the shape (checked above), so by the
        // `Layout` contract its element lies in `0..REQUIRED_LEN`, inside the
        // buffer `base` points to.
        let ptr = unsafe { self.base.add(element_at::<L>(&index)) };
        // SAFETY: the buffer is readable for `'a` with no writer (how the view
        // was built: from `&'a [E]` or a shared reborrow).
        Some(unsafe { ptr.as_ref() })
    }

    /// The same elements through a layout derived from `L` (transposed,
    /// flipped, sliced, windows, ..): only the type changes.
    pub fn derive<D: DerivedFrom<L>>(self) -> View<'a, E, D> {
        const { DerivedFacts::<L, D>::READABLE }
        // SAFETY: `D` passed `Facts::READABLE`, and its operations applied to
        // `L` make exactly its numbers (both checked above by
        // `DerivedFacts`), so it reaches only elements `L` reaches, all
        // inside the buffer this view may read for `'a` with no writer.
        unsafe { View::from_raw(self.base) }
    }

    /// The view of the trailing axes at `index` of the leading ones
    /// (`a[i, j]` of NumPy, keeping the rest): `None` if a coordinate is
    /// outside the shape. The coordinates are compared with the shape once;
    /// the buffer is never checked.
    #[inline]
    pub fn subview<const K: usize>(self, index: [usize; K]) -> Option<View<'a, E, Trailing<L, K>>>
    where
        L: Subview<K>,
    {
        const { SubviewFacts::<L, K>::READABLE }
        subview_base::<E, L, K>(self.base, &index).map(|base| {
            // SAFETY: the trailing layout passed `Facts::READABLE` (checked
            // above by `SubviewFacts`); `subview_base` returns its base
            // inside this view's buffer, and its elements are elements of
            // `L` (see there), readable for `'a` with no writer.
            unsafe { View::from_raw(base) }
        })
    }

    /// The elements in logical C order (last axis fastest).
    pub fn iter(&self) -> Iter<'a, E, L> {
        // SAFETY: `base` is readable for `'a` with no writer (see `get`).
        unsafe { Iter::new(self.base) }
    }
}

/// `NonNull` from the pointer of a reference or slice, usable in `const fn`.
///
/// Callers pass only `as_ptr()` / `as_mut_ptr()` of a reference's target.
pub(crate) const fn non_null<E>(ptr: *const E) -> NonNull<E> {
    // SAFETY: the pointer of a reference, or of a slice (even an empty one,
    // whose pointer is dangling but aligned and non-null), is never null.
    unsafe { NonNull::new_unchecked(ptr.cast_mut()) }
}

impl<E, L: Layout> Clone for View<'_, E, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, L: Layout> Copy for View<'_, E, L> {}

// SAFETY: a `View` gives shared access only, like `&[E]`: it may cross or be
// shared between threads exactly when `&E` may, i.e. when `E: Sync`.
unsafe impl<E: Sync, L: Layout> Send for View<'_, E, L> {}
// SAFETY: as above.
unsafe impl<E: Sync, L: Layout> Sync for View<'_, E, L> {}

impl<E, L: Layout> Index<L::Index> for View<'_, E, L> {
    type Output = E;

    /// Panics, like a slice, if a coordinate is outside the shape.
    #[inline]
    #[track_caller]
    fn index(&self, index: L::Index) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index),
        }
    }
}

impl<'a, E, L: Layout> IntoIterator for View<'a, E, L> {
    type Item = &'a E;
    type IntoIter = Iter<'a, E, L>;

    fn into_iter(self) -> Iter<'a, E, L> {
        self.iter()
    }
}

impl<'a, E, L: Layout> IntoIterator for &View<'a, E, L> {
    type Item = &'a E;
    type IntoIter = Iter<'a, E, L>;

    fn into_iter(self) -> Iter<'a, E, L> {
        self.iter()
    }
}

/// Prints nested brackets like NumPy: `[[0, 1, 2],\n [3, 4, 5]]`.
impl<E: fmt::Debug, L: Layout> fmt::Debug for View<'_, E, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::write_nested(f, &mut self.iter(), L::SHAPE.as_ref())
    }
}
