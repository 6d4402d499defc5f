//! `ViewMut`: a writable view of a proven-unique layout, one pointer wide.

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Deref, Index, IndexMut};
use core::ptr::NonNull;

use crate::derived::{DerivedFacts, DerivedFrom};
use crate::error::LengthError;
use crate::facts::Facts;
use crate::iter::{IndexedIter, IndexedIterMut, Iter, IterMut};
use crate::layout::{element_at, in_shape, index_out_of_range, Dim, IntoIndex, Layout, Subview, UniqueLayout};
use crate::patch::{patch_base, Patch, PatchFacts};
use crate::raw::{non_null, Base};
use crate::shape::{SameShape, ShapeType};
use crate::trailing::{trailing_base, SubviewFacts, Trailing};
use crate::view::View;
use crate::zip::{static_geometry, zip, Operand, Sealed};

/// A writable view of a buffer of `E` through a proven-unique layout `L`.
///
/// Like [`View`] it is one pointer wide and never checks against the buffer.
/// It exists only for layouts view-core proved unique: since no two indices
/// reach the same element, `get_mut` and `iter_mut` hand out `&mut E` that
/// never alias. It has every read-only operation of [`View`] too.
pub struct ViewMut<'a, E, L: UniqueLayout> {
    base: Base<E, L>,
    marker: PhantomData<&'a mut [E]>,
}

impl<'a, E, L: UniqueLayout> ViewMut<'a, E, L> {
    /// Views a whole array for writing; `N` must equal `L::BUFFER_LEN`.
    /// Checked at compile time, with the layout's proof of bounds and
    /// uniqueness (`Facts::WRITABLE`). Layout types generate
    /// `L::view_mut(&mut buffer)`.
    pub const fn from_array<const N: usize>(buffer: &'a mut [E; N]) -> Self {
        const {
            let () = Facts::<L>::WRITABLE;
            assert!(
                N == L::BUFFER_LEN && Facts::<L>::REQUIRED_LEN <= N,
                "the array length differs from the layout's BUFFER_LEN"
            )
        }
        // SAFETY: `L` passed `Facts::WRITABLE` (so `READABLE` too) and the
        // array holds `N >= REQUIRED_LEN` elements (both checked above).
        let base = unsafe { Base::new(non_null(buffer.as_mut_ptr())) };
        // SAFETY: `L` passed `Facts::WRITABLE`; the array is borrowed
        // exclusively for `'a`.
        unsafe { ViewMut::from_base(base) }
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
        // SAFETY: `L` passed `Facts::WRITABLE` (so `READABLE` too) and the
        // slice holds at least `REQUIRED_LEN` elements (both checked above).
        let base = unsafe { Base::new(non_null(buffer.as_mut_ptr())) };
        // SAFETY: `L` passed `Facts::WRITABLE`; the slice is borrowed
        // exclusively for `'a`.
        Ok(unsafe { ViewMut::from_base(base) })
    }

    /// # Safety
    /// `L` passed `Facts::WRITABLE`, and the caller has exclusive access to
    /// the elements `L` reaches behind `base` for `'a` (nothing else reads
    /// or writes them meanwhile).
    #[inline(always)]
    pub(crate) const unsafe fn from_base(base: Base<E, L>) -> Self {
        ViewMut {
            base,
            marker: PhantomData,
        }
    }

    /// The operand layer's base of the view (for the axis iterators, the
    /// bridges and the run-time views).
    #[inline(always)]
    pub(crate) const fn base(&self) -> Base<E, L> {
        self.base
    }

    /// A read-only view of the same elements, for as long as `self` is borrowed.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// let shared = grid.as_view(); // copyable, for as long as `grid` is borrowed
    /// assert_eq!((shared[[1, 0]], shared.sum()), (3, 15));
    /// let mut shorter = grid.reborrow(); // a `ViewMut` for a shorter borrow
    /// shorter[[0, 0]] = 7;
    /// let view = grid.into_view(); // a `View` for the rest of the buffer's borrow
    /// assert_eq!(view[[0, 0]], 7);
    /// ```
    #[inline(always)]
    pub fn as_view(&self) -> View<'_, E, L> {
        // SAFETY: `self` is borrowed shared for the result's lifetime, so no
        // write happens through it meanwhile, and it had exclusive access to
        // the elements of `L` (its construction contract).
        unsafe { View::from_base(self.base) }
    }

    /// Turns the writable view into a read-only one for the rest of `'a`.
    #[inline(always)]
    pub fn into_view(self) -> View<'a, E, L> {
        // SAFETY: `self` is consumed, so its exclusive access to the elements
        // of `L` for `'a` becomes shared access with no writer.
        unsafe { View::from_base(self.base) }
    }

    /// A shorter-lived writable view of the same elements (a reborrow).
    #[inline(always)]
    pub fn reborrow(&mut self) -> ViewMut<'_, E, L> {
        // SAFETY: `self` is borrowed exclusively for the result's lifetime,
        // passing on its exclusive access; `L` passed `Facts::WRITABLE` when
        // `self` was made.
        unsafe { ViewMut::from_base(self.base) }
    }

    /// The same elements through a writable layout derived from `L`; use
    /// [`reborrow`](Self::reborrow) first to keep `self`.
    pub fn derive_mut<D: DerivedFrom<L> + UniqueLayout>(self) -> ViewMut<'a, E, D> {
        const { DerivedFacts::<L, D>::WRITABLE }
        // SAFETY: `D` passed `Facts::READABLE` (within `WRITABLE`), and its
        // operations applied to `L` make exactly its numbers (both checked
        // above by `DerivedFacts`), so it reaches only elements `L` reaches.
        let base = unsafe { self.base.retarget() };
        // SAFETY: `D` passed `Facts::WRITABLE`; `self` (consumed) had
        // exclusive access to `L`'s elements, hence `D`'s, for `'a`.
        unsafe { ViewMut::from_base(base) }
    }

    /// The writable block of shape `S` whose first index is `position`, for
    /// as long as `self` is borrowed (so one patch exists at a time); `None`
    /// outside the range `0..=n - s` of some axis. A patch of a unique
    /// layout is unique, so this needs no decision (see [`View::patch`]).
    ///
    /// ```
    /// use view_core::shape::Shape2;
    /// view_macros::strided_view! {
    ///     mut Image: [u8; 30] { shape: [5, 6] }
    /// }
    /// let mut pixels = [0u8; 30];
    /// let mut image = Image::view_mut(&mut pixels);
    /// for (y, x) in [(0, 0), (3, 3)] {
    ///     image.patch_mut::<Shape2<2, 3>>([y, x]).unwrap().fill(9);
    /// }
    /// assert_eq!(pixels[..6], [9, 9, 9, 0, 0, 0]);
    /// assert_eq!(pixels[24..], [0, 0, 0, 9, 9, 9]);
    /// ```
    #[inline]
    pub fn patch_mut<S: ShapeType>(&mut self, position: L::Index) -> Option<ViewMut<'_, E, Patch<L, S>>> {
        const { PatchFacts::<L, S>::FITS }
        const { PatchFacts::<L, S>::WRITABLE }
        patch_base::<E, L, S>(self.base, &position).map(|base| {
            // SAFETY: the patch passed `Facts::WRITABLE` (checked above by
            // `PatchFacts`: in bounds, unique); its elements are elements of
            // `L` (see `patch_base`), to which `self` has exclusive access,
            // lent for the borrow of `self`.
            unsafe { ViewMut::from_base(base) }
        })
    }

    /// The read-only block of shape `S` at `position`, for as long as `self`
    /// is borrowed (see [`View::patch`]).
    #[inline]
    pub fn patch<S: ShapeType>(&self, position: L::Index) -> Option<View<'_, E, Patch<L, S>>> {
        self.as_view().patch(position)
    }

    /// The writable view of the trailing axes at `index` of the leading ones,
    /// for as long as `self` is borrowed; `None` outside the shape.
    #[inline]
    pub fn subview_mut<const K: usize>(&mut self, index: [usize; K]) -> Option<ViewMut<'_, E, Trailing<L, K>>>
    where
        L: Subview<K>,
    {
        const { SubviewFacts::<L, K>::WRITABLE }
        trailing_base::<E, L, K>(self.base, &index).map(|base| {
            // SAFETY: the trailing layout passed `Facts::WRITABLE` (checked
            // above by `SubviewFacts`: in bounds, unique); its elements are
            // elements of `L` (see `trailing_base`), to which `self` has
            // exclusive access, lent for the borrow of `self`.
            unsafe { ViewMut::from_base(base) }
        })
    }

    /// The read-only view of the trailing axes at `index`, for as long as
    /// `self` is borrowed (see [`View::subview`]).
    #[inline]
    pub fn subview<const K: usize>(&self, index: [usize; K]) -> Option<View<'_, E, Trailing<L, K>>>
    where
        L: Subview<K>,
    {
        self.as_view().subview(index)
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

    /// The start of the buffer (see [`View::as_ptr`]).
    pub const fn as_ptr(&self) -> *const E {
        self.base.ptr().as_ptr()
    }

    /// The start of the buffer, for writing through the elements `L` reaches
    /// (and only those: a split member does not own its siblings' elements).
    pub fn as_mut_ptr(&mut self) -> *mut E {
        self.base.ptr().as_ptr()
    }

    /// The element at `index`, or `None` if a coordinate is outside the shape.
    #[inline]
    pub fn get<I: IntoIndex<L::Index>>(&self, index: I) -> Option<&E> {
        self.as_view().get(index)
    }

    /// The element at `index` for writing, or `None` outside the shape.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// *grid.get_mut([1, 0]).unwrap() = 30;
    /// grid[[0, 2]] = 20;
    /// assert!(grid.get_mut([2, 0]).is_none());
    /// assert_eq!(data, [0, 1, 20, 30, 4, 5]);
    /// ```
    #[inline]
    pub fn get_mut<I: IntoIndex<L::Index>>(&mut self, index: I) -> Option<&mut E> {
        let index = index.into_index();
        if !in_shape::<L>(&index) {
            return None;
        }
        // SAFETY: the index is inside the shape, so its element is reached
        // by `L`; the view has exclusive access to it, and `&mut self` is
        // borrowed for the result's lifetime, so this is the only reference.
        Some(unsafe { self.base.write(element_at::<L>(&index)) })
    }

    /// Swaps the elements at `a` and `b`; panics, like a slice's `swap`, if
    /// either is outside the shape.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// grid.swap([0, 0], [1, 2]);
    /// assert_eq!(data, [5, 1, 2, 3, 4, 0]);
    /// ```
    #[inline]
    #[track_caller]
    pub fn swap<I: IntoIndex<L::Index>>(&mut self, a: I, b: I) {
        let (a, b) = (a.into_index(), b.into_index());
        for index in [&a, &b] {
            if !in_shape::<L>(index) {
                index_out_of_range::<L>(index);
            }
        }
        let (x, y) = (element_at::<L>(&a), element_at::<L>(&b));
        // SAFETY:
        // - both indices are inside the shape (checked above), so their
        //   elements are reached by `L`;
        // - the view has exclusive access to them (borrowed `&mut self`),
        //   and no reference to them is live (none outlives a borrow of `self`).
        unsafe { self.base.swap(x, y) };
    }

    /// The elements in C order.
    #[inline]
    pub fn iter(&self) -> Iter<'_, E, L> {
        self.as_view().iter()
    }

    /// The elements in C order, for writing; the references are disjoint
    /// because the layout is unique.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// for x in &mut grid {
    ///     *x *= 10; // or `grid.iter_mut()`
    /// }
    /// assert_eq!(grid.sum(), 150); // every read-only operation of `View` too
    /// ```
    #[inline]
    pub fn iter_mut(&mut self) -> IterMut<'_, E, L> {
        // SAFETY: exclusive access to the elements of `L` for the borrow of
        // `self` (construction contract); `L` passed `Facts::WRITABLE`.
        unsafe { IterMut::new(self.base) }
    }

    /// Each index with its element, in C order (see [`View::indexed_iter`]).
    #[inline]
    pub fn indexed_iter(&self) -> IndexedIter<'_, E, L> {
        self.as_view().indexed_iter()
    }

    /// Each index with its element for writing, in C order.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// for ([i, j], x) in grid.indexed_iter_mut() {
    ///     *x = (10 * i + j) as i32;
    /// }
    /// assert_eq!(data, [0, 1, 2, 10, 11, 12]);
    /// ```
    #[inline]
    pub fn indexed_iter_mut(&mut self) -> IndexedIterMut<'_, E, L> {
        // SAFETY: as in `iter_mut`.
        unsafe { IndexedIterMut::new(self.base) }
    }

    /// Writes `value` to every element.
    #[inline]
    pub fn fill(&mut self, value: E)
    where
        E: Clone,
    {
        zip((self.reborrow(),)).for_each(|element| *element = value.clone());
    }

    /// Writes `f()` to every element, in C order.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// let mut next = 0;
    /// grid.fill_with(|| {
    ///     next += 2;
    ///     next
    /// });
    /// assert_eq!(data, [2, 4, 6, 8, 10, 12]);
    /// ```
    #[inline]
    pub fn fill_with(&mut self, mut f: impl FnMut() -> E) {
        zip((self.reborrow(),)).for_each(|element| *element = f());
    }

    /// Copies `source` (a view, or a borrowed writable view), element by
    /// element in C order; both shapes must be equal (checked at compile time).
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Transposed: [i32; 6] { shape: [3, 2], strides: [1, 3] }
    ///     mut Out: [i32; 6] { shape: [3, 2] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let mut out = [0; 6];
    /// Out::view_mut(&mut out).copy_from(Transposed::view(&data));
    /// assert_eq!(out, [0, 3, 1, 4, 2, 5]);
    /// ```
    #[inline]
    pub fn copy_from<S>(&mut self, source: S)
    where
        S: Operand,
        S::Item: Deref<Target = E>,
        E: Clone,
        S::Shape: SameShape<L::Shape>,
    {
        zip((self.reborrow(), source)).for_each(|element, value| *element = value.clone());
    }
}

// SAFETY: a `ViewMut` is exclusive access to some elements, like `&mut [E]`:
// sending it is sound when `E: Send`, sharing `&ViewMut` (which only reads)
// when `E: Sync`.
unsafe impl<E: Send, L: UniqueLayout> Send for ViewMut<'_, E, L> {}
// SAFETY: as above.
unsafe impl<E: Sync, L: UniqueLayout> Sync for ViewMut<'_, E, L> {}

impl<E, L: UniqueLayout, I: IntoIndex<L::Index>> Index<I> for ViewMut<'_, E, L> {
    type Output = E;

    #[inline]
    #[track_caller]
    fn index(&self, index: I) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index.into_index()),
        }
    }
}

impl<E, L: UniqueLayout, I: IntoIndex<L::Index>> IndexMut<I> for ViewMut<'_, E, L> {
    #[inline]
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut E {
        match self.get_mut(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index.into_index()),
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

impl<'b, E, L: UniqueLayout> IntoIterator for &'b ViewMut<'_, E, L> {
    type Item = &'b E;
    type IntoIter = Iter<'b, E, L>;

    fn into_iter(self) -> Iter<'b, E, L> {
        self.iter()
    }
}

impl<'b, E, L: UniqueLayout> IntoIterator for &'b mut ViewMut<'_, E, L> {
    type Item = &'b mut E;
    type IntoIter = IterMut<'b, E, L>;

    fn into_iter(self) -> IterMut<'b, E, L> {
        self.iter_mut()
    }
}

impl<E: PartialEq<F>, F, L: UniqueLayout, M: UniqueLayout> PartialEq<ViewMut<'_, F, M>> for ViewMut<'_, E, L> {
    fn eq(&self, other: &ViewMut<'_, F, M>) -> bool {
        self.as_view() == other.as_view()
    }
}

impl<E: PartialEq<F>, F, L: UniqueLayout, M: Layout> PartialEq<View<'_, F, M>> for ViewMut<'_, E, L> {
    fn eq(&self, other: &View<'_, F, M>) -> bool {
        self.as_view() == *other
    }
}

impl<E: PartialEq<F>, F, L: Layout, M: UniqueLayout> PartialEq<ViewMut<'_, F, M>> for View<'_, E, L> {
    fn eq(&self, other: &ViewMut<'_, F, M>) -> bool {
        *self == other.as_view()
    }
}

impl<E: Eq, L: UniqueLayout> Eq for ViewMut<'_, E, L> {}

impl<E: fmt::Debug, L: UniqueLayout> fmt::Debug for ViewMut<'_, E, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_view(), f)
    }
}

impl<E, L: UniqueLayout> Sealed for ViewMut<'_, E, L> {}
impl<E, L: UniqueLayout> Sealed for &ViewMut<'_, E, L> {}
impl<E, L: UniqueLayout> Sealed for &mut ViewMut<'_, E, L> {}

impl<'b, E, L: UniqueLayout> Operand for &'b ViewMut<'_, E, L> {
    type Elem = E;
    type Item = &'b E;
    static_geometry!(L);

    #[inline(always)]
    fn base_ptr(&self) -> NonNull<E> {
        self.base.ptr()
    }

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'b E {
        // SAFETY: `ptr` is the base of a `ViewMut` borrowed shared for `'b`
        // (the caller's contract), which satisfies `Base`'s invariant.
        let base = unsafe { Base::<E, L>::new(ptr) };
        // SAFETY: `element` is reached by `L`; while the view is borrowed
        // shared nothing writes through it, and it has exclusive access to
        // its elements, so nothing else writes to them either.
        unsafe { base.read(element) }
    }
}

impl<'b, E, L: UniqueLayout> Operand for &'b mut ViewMut<'_, E, L> {
    type Elem = E;
    type Item = &'b mut E;
    static_geometry!(L);

    #[inline(always)]
    fn base_ptr(&self) -> NonNull<E> {
        self.base.ptr()
    }

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'b mut E {
        // SAFETY: `ptr` is the base of a `ViewMut` borrowed exclusively for
        // `'b` (the caller's contract), which satisfies `Base`'s invariant.
        let base = unsafe { Base::<E, L>::new(ptr) };
        // SAFETY: `element` is reached by `L`, the view has exclusive access
        // to it for `'b`, and no other item of it is alive (the caller's
        // contract), so no other reference to it is live.
        unsafe { base.write(element) }
    }
}

impl<'a, E, L: UniqueLayout> Operand for ViewMut<'a, E, L> {
    type Elem = E;
    type Item = &'a mut E;
    static_geometry!(L);

    #[inline(always)]
    fn base_ptr(&self) -> NonNull<E> {
        self.base.ptr()
    }

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a mut E {
        // SAFETY: as for `&mut ViewMut`.
        let base = unsafe { Base::<E, L>::new(ptr) };
        // SAFETY: as for `&mut ViewMut`, with the view's own lifetime `'a`
        // (the traversal consumed it).
        unsafe { base.write(element) }
    }
}
