//! `ViewMut`: a writable strided view, one pointer wide, of a unique layout.

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Index, IndexMut};
use core::ptr::NonNull;

use crate::derived::{DerivedFacts, DerivedFrom};
use crate::error::LengthError;
use crate::facts::Facts;
use crate::iter::{Iter, IterMut};
use crate::layout::{element_at, in_shape, index_out_of_range, Dim, Layout, Subview, UniqueLayout};
use crate::trailing::{subview_base, SubviewFacts, Trailing};
use crate::view::{non_null, View};

/// A writable view of a buffer of `E` through a proven-unique layout `L`.
///
/// Like [`View`] it is one pointer wide and never checks against the buffer.
/// It exists only for [`UniqueLayout`]s: since no two indices reach the same
/// element, `get_mut` and `iter_mut` hand out `&mut E` that never alias.
pub struct ViewMut<'a, E, L: UniqueLayout> {
    pub(crate) base: NonNull<E>,
    marker: PhantomData<(&'a mut [E], L)>,
}

impl<'a, E, L: UniqueLayout> ViewMut<'a, E, L> {
    /// Views a whole array for writing; `N` must equal `L::BUFFER_LEN`.
    /// Checked at compile time, with the layout's proof of bounds and
    /// uniqueness ([`Facts::WRITABLE`]). Layout types generate
    /// `L::view_mut(&mut buffer)`.
    pub const fn from_array<const N: usize>(buffer: &'a mut [E; N]) -> Self {
        const {
            let () = Facts::<L>::WRITABLE;
            assert!(
                N == L::BUFFER_LEN && Facts::<L>::REQUIRED_LEN <= N,
                "the array length differs from the layout's BUFFER_LEN"
            )
        }
        ViewMut {
            base: non_null(buffer.as_mut_ptr()),
            marker: PhantomData,
        }
    }

    /// Views a slice for writing, after one length check (see
    /// [`View::try_from_slice`]).
    pub fn try_from_slice(buffer: &'a mut [E]) -> Result<Self, LengthError> {
        const { Facts::<L>::WRITABLE }
        if buffer.len() < Facts::<L>::REQUIRED_LEN {
            return Err(LengthError {
                required: Facts::<L>::REQUIRED_LEN,
                actual: buffer.len(),
            });
        }
        Ok(ViewMut {
            base: non_null(buffer.as_mut_ptr()),
            marker: PhantomData,
        })
    }

    /// # Safety
    /// `L` passed [`Facts::WRITABLE`], `base` is valid for reads and writes
    /// of `L::REQUIRED_LEN` elements for `'a`, and nothing else accesses the
    /// elements `L` reaches during `'a`.
    pub(crate) const unsafe fn from_raw(base: NonNull<E>) -> Self {
        ViewMut {
            base,
            marker: PhantomData,
        }
    }

    /// A read-only view of the same elements, for as long as `self` is borrowed.
    pub fn as_view(&self) -> View<'_, E, L> {
        // SAFETY: `self` is borrowed shared for the result's lifetime, so no
        // write happens through it meanwhile, and it had exclusive access to
        // the elements of `L` (its construction contract).
        unsafe { View::from_raw(self.base) }
    }

    /// Turns the writable view into a read-only one for the rest of `'a`.
    pub fn into_view(self) -> View<'a, E, L> {
        // SAFETY: `self` is consumed, so its exclusive access to the elements
        // of `L` for `'a` becomes shared access with no writer.
        unsafe { View::from_raw(self.base) }
    }

    /// The same elements through a writable layout derived from `L`; use
    /// [`reborrow`](Self::reborrow) first to keep `self`.
    pub fn derive_mut<D: DerivedFrom<L> + UniqueLayout>(self) -> ViewMut<'a, E, D> {
        const { DerivedFacts::<L, D>::WRITABLE }
        // SAFETY: `D` passed `Facts::WRITABLE` (in bounds, unique), and its
        // operations applied to `L` make exactly its numbers (both checked
        // above by `DerivedFacts`), so it reaches only elements `L` reaches,
        // to which `self` (consumed) had exclusive access for `'a`.
        unsafe { ViewMut::from_raw(self.base) }
    }

    /// The writable view of the trailing axes at `index` of the leading ones,
    /// for as long as `self` is borrowed; `None` outside the shape.
    #[inline]
    pub fn subview_mut<const K: usize>(&mut self, index: [usize; K]) -> Option<ViewMut<'_, E, Trailing<L, K>>>
    where
        L: Subview<K>,
    {
        const { SubviewFacts::<L, K>::WRITABLE }
        subview_base::<E, L, K>(self.base, &index).map(|base| {
            // SAFETY: the trailing layout passed `Facts::WRITABLE` (checked
            // above by `SubviewFacts`: in bounds, unique); the sub-view
            // reaches only elements of `L` (see `subview_base`), to which
            // `self` has exclusive access, lent for the borrow of `self`.
            unsafe { ViewMut::from_raw(base) }
        })
    }

    /// A shorter-lived writable view of the same elements (a reborrow).
    pub fn reborrow(&mut self) -> ViewMut<'_, E, L> {
        // SAFETY: `self` is borrowed exclusively for the result's lifetime,
        // passing on its exclusive access.
        unsafe { ViewMut::from_raw(self.base) }
    }

    /// The extents, one per axis.
    pub fn shape(&self) -> L::Index {
        L::SHAPE
    }

    /// The element strides, one per axis.
    pub fn strides(&self) -> <L::Index as Dim>::Strides {
        L::STRIDES
    }

    /// The number of indices: the product of the extents.
    pub const fn len(&self) -> usize {
        Facts::<L>::SIZE
    }

    /// Whether some extent is 0.
    pub const fn is_empty(&self) -> bool {
        Facts::<L>::SIZE == 0
    }

    /// The element at `index`, or `None` if a coordinate is outside the shape.
    #[inline]
    pub fn get(&self, index: L::Index) -> Option<&E> {
        self.as_view().get(index)
    }

    /// The element at `index` for writing, or `None` outside the shape.
    #[inline]
    pub fn get_mut(&mut self, index: L::Index) -> Option<&mut E> {
        if !in_shape::<L>(&index) {
            return None;
        }
        // SAFETY: inside the shape, so the element lies in `0..REQUIRED_LEN`
        // (`Layout` contract), inside the buffer.
        let mut ptr = unsafe { self.base.add(element_at::<L>(&index)) };
        // SAFETY: the view has exclusive access to the elements of `L`, and
        // `&mut self` is borrowed for the result's lifetime, so this is the
        // only reference to the element.
        Some(unsafe { ptr.as_mut() })
    }

    /// The elements in C order.
    pub fn iter(&self) -> Iter<'_, E, L> {
        self.as_view().iter()
    }

    /// The elements in C order, for writing; the references are disjoint
    /// because the layout is unique.
    pub fn iter_mut(&mut self) -> IterMut<'_, E, L> {
        // SAFETY: exclusive access to the elements of `L` for the borrow of
        // `self` (construction contract); `L: UniqueLayout`.
        unsafe { IterMut::new(self.base) }
    }

    /// Writes `value` to every element.
    #[inline]
    pub fn fill(&mut self, value: E)
    where
        E: Clone,
    {
        self.iter_mut().for_each(|element| *element = value.clone());
    }

    /// Copies `source`, element by element in C order; both shapes must be
    /// equal (checked at compile time).
    #[inline]
    pub fn copy_from<S: Layout<Index = L::Index>>(&mut self, source: View<'_, E, S>)
    where
        E: Copy,
    {
        const {
            assert!(
                crate::proof::same_shape(L::SHAPE_SLICE, S::SHAPE_SLICE),
                "copy_from needs a source of the same shape"
            )
        }
        source.map_into(self, |&x| x);
    }
}

// SAFETY: a `ViewMut` is exclusive access to some elements, like `&mut [E]`:
// sending it is sound when `E: Send`, sharing `&ViewMut` (which only reads)
// when `E: Sync`.
unsafe impl<E: Send, L: UniqueLayout> Send for ViewMut<'_, E, L> {}
// SAFETY: as above.
unsafe impl<E: Sync, L: UniqueLayout> Sync for ViewMut<'_, E, L> {}

impl<E, L: UniqueLayout> Index<L::Index> for ViewMut<'_, E, L> {
    type Output = E;

    #[inline]
    #[track_caller]
    fn index(&self, index: L::Index) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index),
        }
    }
}

impl<E, L: UniqueLayout> IndexMut<L::Index> for ViewMut<'_, E, L> {
    #[inline]
    #[track_caller]
    fn index_mut(&mut self, index: L::Index) -> &mut E {
        match self.get_mut(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index),
        }
    }
}

impl<'a, E, L: UniqueLayout> IntoIterator for ViewMut<'a, E, L> {
    type Item = &'a mut E;
    type IntoIter = IterMut<'a, E, L>;

    fn into_iter(self) -> IterMut<'a, E, L> {
        // SAFETY: `self` is consumed, passing its exclusive access for `'a`.
        unsafe { IterMut::new(self.base) }
    }
}

impl<E: fmt::Debug, L: UniqueLayout> fmt::Debug for ViewMut<'_, E, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_view(), f)
    }
}
