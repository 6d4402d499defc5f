//! `View`: a read-only strided view, one pointer wide.

use core::fmt;
use core::marker::PhantomData;
use core::ops::Index;
use core::ptr::NonNull;

use crate::derived::{DerivedFacts, DerivedFrom};
use crate::error::LengthError;
use crate::facts::Facts;
use crate::iter::{IndexedIter, Iter};
use crate::layout::{element_at, in_shape, index_out_of_range, Dim, IntoIndex, Layout, Subview};
use crate::patch::{patch_base, Patch};
use crate::raw::{non_null, Base};
use crate::shape::ShapeType;
use crate::trailing::{trailing_base, SubviewFacts, Trailing};
use crate::zip::{static_geometry, Operand, Sealed};

/// A read-only view of a buffer of `E` through layout `L`.
///
/// It holds only a pointer to the buffer: shape, strides and offset are the
/// constants of `L`, so the view is exactly pointer-sized at every rank and is
/// `Copy` like `&[E]`. Indexing compares the index with the shape (like a
/// slice) but never with the buffer: `L`'s proof already showed that every
/// index inside the shape reaches an element inside the buffer.
pub struct View<'a, E, L: Layout> {
    base: Base<E, L>,
    marker: PhantomData<&'a [E]>,
}

impl<'a, E, L: Layout> View<'a, E, L> {
    /// Views a whole array; `N` must equal `L::BUFFER_LEN`. Checked at
    /// compile time, with the layout's proof (`Facts::READABLE`).
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
        // SAFETY: `L` passed `Facts::READABLE` and the array holds `N >=
        // REQUIRED_LEN` elements (both checked above).
        let base = unsafe { Base::new(non_null(buffer.as_ptr())) };
        // SAFETY: the array is borrowed shared for `'a`: readable, no writer.
        unsafe { View::from_base(base) }
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
        // SAFETY: `L` passed `Facts::READABLE` and the slice holds at least
        // `REQUIRED_LEN` elements (both checked above).
        let base = unsafe { Base::new(non_null(buffer.as_ptr())) };
        // SAFETY: the slice is borrowed shared for `'a`: readable, no writer.
        Ok(unsafe { View::from_base(base) })
    }

    /// # Safety
    /// The caller may read the elements `L` reaches behind `base` for `'a`,
    /// and nothing writes to them during `'a`.
    #[inline(always)]
    pub(crate) const unsafe fn from_base(base: Base<E, L>) -> Self {
        View {
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

    /// The start of the buffer the view was made of: not the element of
    /// index `[0, ..]` (that is `as_ptr().add(L::OFFSET)`), and not an
    /// element the view may read unless `L` reaches it. For bridges to code
    /// that takes a pointer and strides (an ndarray view, C).
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data);
    /// assert_eq!(grid.as_ptr(), data.as_ptr());
    /// ```
    pub const fn as_ptr(&self) -> *const E {
        self.base.ptr().as_ptr()
    }

    /// The element at `index` (`[i, j, ..]`, or a `usize` for rank 1), or
    /// `None` if a coordinate is outside the shape.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data);
    /// assert_eq!(grid.get([1, 2]), Some(&5));
    /// assert_eq!(grid.get([2, 0]), None);
    /// view_macros::strided_view! {
    ///     Every2nd: [i32; 6] { shape: [3], strides: [2] }
    /// }
    /// let line = Every2nd::view(&data);
    /// assert_eq!((line.get(1), line[2]), (Some(&2), 4)); // a `usize` at rank 1
    /// ```
    #[inline]
    pub fn get<I: IntoIndex<L::Index>>(&self, index: I) -> Option<&'a E> {
        let index = index.into_index();
        if !in_shape::<L>(&index) {
            return None;
        }
        // SAFETY: the index is inside the shape (checked above), so its
        // element is reached by `L`; this view may read it for `'a`, with
        // no writer (how it was made).
        Some(unsafe { self.base.read(element_at::<L>(&index)) })
    }

    /// The same elements through a layout derived from `L` (transposed,
    /// flipped, sliced, windows, ..): only the type changes.
    pub fn derive<D: DerivedFrom<L>>(self) -> View<'a, E, D> {
        const { DerivedFacts::<L, D>::READABLE }
        // SAFETY: `D` passed `Facts::READABLE`, and its operations applied
        // to `L` make exactly its numbers (both checked above by
        // `DerivedFacts`), so it reaches only elements `L` reaches, which
        // need at most `L`'s required length.
        let base = unsafe { self.base.retarget() };
        // SAFETY: this view's shared access to `L`'s elements for `'a`
        // covers `D`'s.
        unsafe { View::from_base(base) }
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
        trailing_base::<E, L, K>(self.base, &index).map(|base| {
            // SAFETY: the trailing view's elements are elements of `L` (see
            // `trailing_base`), readable for `'a` with no writer.
            unsafe { View::from_base(base) }
        })
    }

    /// The block of shape `S` whose first index is `position`: the patch of
    /// a fixed shape at a position known at run time (NumPy's
    /// `a[y:y + 3, x:x + 3]`). One check of `position` against the range
    /// `0..=n - s` of each axis, constants; `None` outside it. `S` is a
    /// shape type of the view's rank ([`Shape2<3, 3>`](crate::shape::Shape2),
    /// or another layout's `Shape`) that fits inside the view's shape
    /// (checked at compile time).
    ///
    /// ```
    /// use view_core::shape::Shape2;
    /// view_macros::strided_view! {
    ///     Image: [u8; 30] { shape: [5, 6] }
    /// }
    /// let pixels: [u8; 30] = core::array::from_fn(|i| i as u8);
    /// let image = Image::view(&pixels);
    /// let patch = image.patch::<Shape2<2, 3>>([3, 2]).unwrap();
    /// assert!(patch.iter().copied().eq([20, 21, 22, 26, 27, 28]));
    /// assert!(image.patch::<Shape2<2, 3>>([4, 0]).is_none()); // rows 4 and 5: past the end
    /// ```
    #[inline]
    pub fn patch<S: ShapeType>(self, position: L::Index) -> Option<View<'a, E, Patch<L, S>>> {
        patch_base::<E, L, S>(self.base, &position).map(|base| {
            // SAFETY: the patch's elements are elements of `L` (see
            // `patch_base`), readable for `'a` with no writer.
            unsafe { View::from_base(base) }
        })
    }

    /// The elements in logical C order (last axis fastest).
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Transposed: [i32; 6] { shape: [3, 2], strides: [1, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let t = Transposed::view(&data);
    /// assert!(t.iter().copied().eq([0, 3, 1, 4, 2, 5]));
    /// assert!(t.iter().rev().copied().eq([5, 2, 4, 1, 3, 0]));
    /// let mut total = 0;
    /// for &x in t {
    ///     total += x; // `View`, `&View`, `&ViewMut` and `&mut ViewMut` are `IntoIterator`
    /// }
    /// assert_eq!(total, 15);
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'a, E, L> {
        // SAFETY: this view may read `L`'s elements for `'a` with no writer.
        unsafe { Iter::new(self.base) }
    }

    /// Each index with its element, in C order: `([i, j, ..], &e)`.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data);
    /// let mut pairs = grid.indexed_iter();
    /// assert_eq!(pairs.next(), Some(([0, 0], &0)));
    /// assert_eq!(pairs.last(), Some(([1, 2], &5)));
    /// ```
    #[inline]
    pub fn indexed_iter(&self) -> IndexedIter<'a, E, L> {
        // SAFETY: as in `iter`.
        unsafe { IndexedIter::new(self.base) }
    }
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

impl<E, L: Layout, I: IntoIndex<L::Index>> Index<I> for View<'_, E, L> {
    type Output = E;

    /// Panics, like a slice, if a coordinate is outside the shape.
    #[inline]
    #[track_caller]
    fn index(&self, index: I) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => index_out_of_range::<L>(&index.into_index()),
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

/// Views are equal when they have one shape and equal elements at every
/// index (like NumPy's `array_equal`; views of different shapes are not equal).
///
/// ```
/// view_macros::strided_view! {
///     Grid: [i32; 6] { shape: [2, 3] }
///     Reversed: [i32; 6] { shape: [2, 3], strides: [-3, -1], offset: 5 }
/// }
/// let (a, b) = ([0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0]);
/// assert!(Grid::view(&a) == Reversed::view(&b));
/// assert!(Grid::view(&a) != Grid::view(&b));
/// ```
impl<E: PartialEq<F>, F, L: Layout, M: Layout> PartialEq<View<'_, F, M>> for View<'_, E, L> {
    fn eq(&self, other: &View<'_, F, M>) -> bool {
        crate::proof::same_shape(L::SHAPE_SLICE, M::SHAPE_SLICE) && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<E: Eq, L: Layout> Eq for View<'_, E, L> {}

/// Prints nested brackets like NumPy: `[[0, 1, 2],\n [3, 4, 5]]`.
impl<E: fmt::Debug, L: Layout> fmt::Debug for View<'_, E, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::write_nested(f, &mut self.iter(), L::SHAPE.as_ref())
    }
}

impl<E, L: Layout> Sealed for View<'_, E, L> {}
impl<E, L: Layout> Sealed for &View<'_, E, L> {}

impl<'a, E, L: Layout> Operand for View<'a, E, L> {
    type Elem = E;
    type Item = &'a E;
    static_geometry!(L);

    #[inline(always)]
    fn base_ptr(&self) -> NonNull<E> {
        self.base.ptr()
    }

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a E {
        // SAFETY: `ptr` is the base of a `View<'a, E, L>` (the caller's
        // contract), which satisfies `Base`'s invariant.
        let base = unsafe { Base::<E, L>::new(ptr) };
        // SAFETY: `element` is reached by `L`, and that view may read it for
        // `'a` with no writer.
        unsafe { base.read(element) }
    }
}

impl<'a, E, L: Layout> Operand for &View<'a, E, L> {
    type Elem = E;
    type Item = &'a E;
    static_geometry!(L);

    #[inline(always)]
    fn base_ptr(&self) -> NonNull<E> {
        self.base.ptr()
    }

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a E {
        // SAFETY: as for `View` (the borrowed view reads for `'a`).
        unsafe { <View<'a, E, L> as Operand>::item(ptr, element) }
    }
}
