//! `DynViewMut`: a writable view of a proven-unique run-time layout.

use core::fmt;
use core::marker::PhantomData;
use core::mem::{size_of, size_of_val};
use core::ops::{Add, Deref, Index, IndexMut, Mul};
use core::ptr::NonNull;

use super::error::DynError;
use super::iter::{DynIndexedIter, DynIndexedIterMut, DynIter, DynIterMut};
use super::layout::{DynLayout, UniqueDynLayout};
use super::split::DynSplit;
use super::view::{dyn_geometry, out_of_range, DynView};
use crate::compute::{is_nan, read_only};
use crate::facts::Facts;
use crate::layout::{IntoIndex, Layout, UniqueLayout};
use crate::raw::{non_null, DynBase};
use crate::shape::{AnyShape, SameShape};
use crate::view::View;
use crate::view_mut::ViewMut;
use crate::zip::{zip, Operand, Sealed};

/// A writable view of a buffer of `E` whose shape and strides are run-time
/// values, of rank `R`.
///
/// It exists only for a layout proven unique (no two indices reach one
/// element), so `get_mut`, `iter_mut` and the writing operations hand out
/// `&mut E` that never alias: made from a [`UniqueDynLayout`]
/// ([`DynLayout::writable`], exact, budgeted, never a guess), as a member of
/// a [`DynSplit`] (members proven pairwise disjoint), from a static
/// `ViewMut`, or by an operation of the algebra on one of those (every
/// operation but `windows` and `broadcast_to` keeps distinct indices
/// distinct; those two are checked when called). It has every read-only
/// operation of [`DynView`] too.
///
/// **Size**: one pointer and `2 R` words, like [`DynView`]. `Send` and
/// `Sync` like `&mut [E]`.
///
/// ```
/// use view_core::{DynLayout, DynViewMut};
///
/// // NumPy's `a[:, ::-1]` of a 2 x 3 C-order array, written through.
/// let mut data = [0, 1, 2, 3, 4, 5];
/// let layout = DynLayout::new([2, 3], [3, -1], 2, 6)?.writable()?;
/// let mut mirrored = DynViewMut::new(&mut data, layout)?;
/// mirrored[[0, 0]] = 20;
/// mirrored.iter_mut().skip(3).for_each(|x| *x *= 10);
/// assert_eq!(data, [0, 1, 20, 30, 40, 50]);
/// # Ok::<(), view_core::DynError>(())
/// ```
pub struct DynViewMut<'a, E, const R: usize> {
    base: DynBase<E, R>,
    marker: PhantomData<&'a mut [E]>,
}

impl<'a, E, const R: usize> DynViewMut<'a, E, R> {
    /// Views `buffer` for writing through a proven-unique layout, after one
    /// check: `layout.required_len() <= buffer.len()` (else
    /// [`DynError::BufferLen`]).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0u8; 12];
    /// // Strides (2, 3) over shape (3, 2): not nested, unique (ndarray refuses it).
    /// let layout = DynLayout::new([3, 2], [2, 3], 0, 8)?.writable()?;
    /// let mut view = DynViewMut::new(&mut data, layout)?;
    /// view.fill(1);
    /// assert_eq!(data[..8], [1, 0, 1, 1, 1, 1, 0, 1]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn new(buffer: &'a mut [E], layout: UniqueDynLayout<R>) -> Result<Self, DynError> {
        if layout.required_len() > buffer.len() {
            return Err(DynError::BufferLen {
                required: layout.required_len(),
                actual: buffer.len(),
            });
        }
        // SAFETY: the slice holds at least `required_len()` elements
        // (checked above), all in one allocation.
        let base = unsafe { DynBase::from_layout(non_null(buffer.as_mut_ptr()), &layout) };
        // SAFETY:
        // - exclusive access for `'a`: the slice is borrowed exclusively for `'a`;
        // - no two indices reach one element: the layout is proven unique
        //   (a `UniqueDynLayout`).
        Ok(unsafe { DynViewMut::from_base(base) })
    }

    /// Views `buffer` for writing with NumPy's numbers (strides and offset
    /// in bytes, as [`DynView::from_numpy`]), after NumPy's bounds rule and
    /// the proof of uniqueness that NumPy's `as_strided(writeable=True)`
    /// never makes ([`DynLayout::writable`], with the default budget).
    ///
    /// ```
    /// use view_core::DynViewMut;
    ///
    /// let mut y = [2i64, 5];
    /// // as_strided(y, (2, 8), (8, 0), writeable=True): NumPy writes through it.
    /// let error = DynViewMut::from_numpy(&mut y, [2, 8], [8, 0], 0).unwrap_err();
    /// assert!(error.to_string().contains("indices [0, 0] and [0, 1] both reach element 0"));
    /// let mut both = DynViewMut::from_numpy(&mut y, [2], [8], 0)?;
    /// both.fill(7);
    /// assert_eq!(y, [7, 7]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn from_numpy(
        buffer: &'a mut [E],
        shape: [usize; R],
        byte_strides: [isize; R],
        byte_offset: usize,
    ) -> Result<Self, DynError> {
        let layout = DynLayout::from_numpy(shape, byte_strides, byte_offset, size_of::<E>(), size_of_val(buffer))?;
        Self::new(buffer, layout.writable()?)
    }

    /// # Safety
    /// The caller has exclusive access to the elements `base` reaches for
    /// `'a` (nothing else reads or writes them meanwhile), and no two
    /// indices of its shape reach one element.
    #[inline(always)]
    pub(crate) const unsafe fn from_base(base: DynBase<E, R>) -> Self {
        DynViewMut {
            base,
            marker: PhantomData,
        }
    }

    /// A read-only view of the same elements, for as long as `self` is borrowed.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// let shared = grid.as_view(); // copyable, for as long as `grid` is borrowed
    /// assert_eq!((shared[[1, 0]], shared.sum()), (3, 15));
    /// let mut shorter = grid.reborrow(); // a `DynViewMut` for a shorter borrow
    /// shorter[[0, 0]] = 7;
    /// let view = grid.into_view(); // a `DynView` for the rest of the buffer's borrow
    /// assert_eq!(view[[0, 0]], 7);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline(always)]
    pub fn as_view(&self) -> DynView<'_, E, R> {
        // SAFETY: `self` is borrowed shared for the result's lifetime, so no
        // write happens through it meanwhile, and it had exclusive access to
        // its base's elements.
        unsafe { DynView::from_base(self.base) }
    }

    /// Turns the writable view into a read-only one for the rest of `'a`.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// grid[[0, 0]] = 9;
    /// let view = grid.into_view();
    /// assert_eq!(view[[0, 0]], 9);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline(always)]
    pub fn into_view(self) -> DynView<'a, E, R> {
        // SAFETY: `self` is consumed, so its exclusive access for `'a`
        // becomes shared access with no writer.
        unsafe { DynView::from_base(self.base) }
    }

    /// A shorter-lived writable view of the same elements (a reborrow):
    /// what to call before an operation of the algebra, which consumes the view.
    #[inline(always)]
    pub fn reborrow(&mut self) -> DynViewMut<'_, E, R> {
        // SAFETY:
        // - exclusive access: `self` is borrowed exclusively for the
        //   result's lifetime, passing on its own;
        // - no two indices reach one element: the same base, unique.
        unsafe { DynViewMut::from_base(self.base) }
    }

    /// The extents, one per axis.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert_eq!(grid.shape(), [2, 3]);
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn shape(&self) -> [usize; R] {
        *self.base.shape()
    }

    /// The element strides, one per axis.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert_eq!(grid.strides(), [3, 1]);
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn strides(&self) -> [isize; R] {
        *self.base.strides()
    }

    /// The number of indices: the product of the extents.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert_eq!((grid.len(), grid.is_empty()), (6, false));
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.base.len()
    }

    /// Whether some extent is 0.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert!(!grid.is_empty());
    /// assert!(grid.reborrow().slice(1, 2..2)?.is_empty());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.base.shape().contains(&0)
    }

    /// The pointer to the element of index `[0, ..]` (see [`DynView::as_ptr`]).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// let flipped = grid.reborrow().flip(0)?;
    /// assert_eq!(flipped.as_ptr(), data[3..].as_ptr());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn as_ptr(&self) -> *const E {
        self.base.origin().as_ptr()
    }

    /// The pointer to the element of index `[0, ..]`, for writing through
    /// the elements the view reaches (and only those: a split member does
    /// not own its siblings' elements).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// let p = grid.as_mut_ptr();
    /// assert_eq!(p.cast_const(), data.as_ptr());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn as_mut_ptr(&mut self) -> *mut E {
        self.base.origin().as_ptr()
    }

    /// The element at `index`, or `None` if a coordinate is outside the shape.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert_eq!((grid.get([1, 2]), grid.get([2, 0])), (Some(&5), None));
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn get<I: IntoIndex<[usize; R]>>(&self, index: I) -> Option<&E> {
        self.as_view().get(index)
    }

    /// The element at `index` for writing, or `None` outside the shape.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// *grid.get_mut([1, 0]).unwrap() = 30;
    /// grid[[0, 2]] = 20;
    /// assert!(grid.get_mut([2, 0]).is_none());
    /// assert_eq!(data, [0, 1, 20, 30, 4, 5]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn get_mut<I: IntoIndex<[usize; R]>>(&mut self, index: I) -> Option<&mut E> {
        let position = self.base.position(&index.into_index())?;
        // SAFETY: `position` is that of an index inside the shape (checked
        // by `position`); the view has exclusive access to its elements, and
        // `&mut self` is borrowed for the result's lifetime, so this is the
        // only reference to it.
        Some(unsafe { DynBase::<E, R>::write(self.base.origin(), position) })
    }

    /// Swaps the elements at `a` and `b`; panics, like a slice's `swap`, if
    /// either is outside the shape.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// grid.swap([0, 0], [1, 2]);
    /// assert_eq!(data, [5, 1, 2, 3, 4, 0]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn swap<I: IntoIndex<[usize; R]>>(&mut self, a: I, b: I) {
        let (a, b) = (a.into_index(), b.into_index());
        let (Some(x), Some(y)) = (self.base.position(&a), self.base.position(&b)) else {
            let outside = if self.base.position(&a).is_none() { a } else { b };
            out_of_range(&outside, self.base.shape())
        };
        // SAFETY:
        // - `x` and `y` are the positions of indices inside the shape
        //   (checked above) of this view's base;
        // - the view has exclusive access to its elements (borrowed `&mut
        //   self`), and no reference to them is live.
        unsafe { DynBase::<E, R>::swap(self.base.origin(), x, y) };
    }

    /// The elements in C order.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert!(grid.iter().rev().copied().eq([5, 4, 3, 2, 1, 0]));
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn iter(&self) -> DynIter<'_, E, R> {
        self.as_view().iter()
    }

    /// The elements in C order, for writing; the references are disjoint
    /// because the layout is unique.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// for x in &mut grid {
    ///     *x *= 10; // or `grid.iter_mut()`
    /// }
    /// assert_eq!(grid.sum(), 150);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn iter_mut(&mut self) -> DynIterMut<'_, E, R> {
        // SAFETY: exclusive access to the base's elements for the borrow of
        // `self`; the layout is unique.
        unsafe { DynIterMut::new(self.base) }
    }

    /// Each index with its element, in C order (see [`DynView::indexed_iter`]).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = DynViewMut::new(&mut data, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// assert_eq!(grid.indexed_iter().nth(4), Some(([1, 1], &4)));
    /// # grid.fill(0);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn indexed_iter(&self) -> DynIndexedIter<'_, E, R> {
        self.as_view().indexed_iter()
    }

    /// Each index with its element for writing, in C order.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 6];
    /// let mut t = DynViewMut::new(&mut data, DynLayout::new([3, 2], [1, 3], 0, 6)?.writable()?)?;
    /// for ([i, j], x) in t.indexed_iter_mut() {
    ///     *x = 10 * i + j;
    /// }
    /// assert_eq!(data, [0, 10, 20, 1, 11, 21]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn indexed_iter_mut(&mut self) -> DynIndexedIterMut<'_, E, R> {
        // SAFETY: as in `iter_mut`.
        unsafe { DynIndexedIterMut::new(self.base) }
    }

    /// Writes `value` to every element.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 6];
    /// DynViewMut::new(&mut data, DynLayout::new([3], [2], 1, 6)?.writable()?)?.fill(9);
    /// assert_eq!(data, [0, 9, 0, 9, 0, 9]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
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
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 4];
    /// let mut next = 0;
    /// DynViewMut::new(&mut data, DynLayout::new([4], [-1], 3, 4)?.writable()?)?.fill_with(|| {
    ///     next += 1;
    ///     next
    /// });
    /// assert_eq!(data, [4, 3, 2, 1]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn fill_with(&mut self, mut f: impl FnMut() -> E) {
        zip((self.reborrow(),)).for_each(|element| *element = f());
    }

    /// Copies `source` (a view or a borrowed writable view, static or
    /// run-time) element by element in C order; the shapes must be equal
    /// (compared when called; panics otherwise, like a slice's `copy_from_slice`).
    ///
    /// ```
    /// use view_core::{DynLayout, DynView, DynViewMut};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let mut out = [0; 6];
    /// let transposed = DynView::new(&data[..], DynLayout::new([3, 2], [1, 3], 0, 6)?)?;
    /// let mut rows = DynViewMut::new(&mut out, DynLayout::new([3, 2], [2, 1], 0, 6)?.writable()?)?;
    /// rows.copy_from(transposed);
    /// assert_eq!(out, [0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    #[track_caller]
    pub fn copy_from<S>(&mut self, source: S)
    where
        S: Operand,
        S::Item: Deref<Target = E>,
        E: Clone,
        S::Shape: SameShape<AnyShape>,
    {
        zip((self.reborrow(), source)).for_each(|element, value| *element = value.clone());
    }

    /// The same elements as a writable view of the static layout `L`, after
    /// one check of the shape and strides (see [`DynView::to_static`];
    /// `L` must be writable, and based at its lowest element).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Frame: [u16; 6] { shape: [2, 3] }
    /// }
    ///
    /// let mut pixels = [0u16; 6];
    /// let frame = DynViewMut::new(&mut pixels, DynLayout::new([2, 3], [3, 1], 0, 6)?.writable()?)?;
    /// let mut frame = frame.to_static::<Frame>()?;
    /// frame[[1, 2]] = 7;
    /// assert_eq!(pixels[5], 7);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn to_static<L: UniqueLayout<Index = [usize; R]>>(self) -> Result<ViewMut<'a, E, L>, DynError> {
        const { Facts::<L>::WRITABLE }
        let base = self.base.to_static::<L>()?;
        // SAFETY: `L` passed `Facts::WRITABLE` (checked above); the static
        // base reaches exactly this view's elements (`DynBase::to_static`),
        // to which `self` (consumed) had exclusive access for `'a`.
        Ok(unsafe { ViewMut::from_base(base) })
    }

    /// The writable view of an operation's result: the operation keeps
    /// distinct indices distinct (`Op::is_injective`), or its result is
    /// proven unique now, with the default budget.
    #[inline]
    fn derive<const Q: usize>(self, op: crate::algebra::Op<'_>) -> Result<DynViewMut<'a, E, Q>, DynError> {
        let base = self.base.derive::<Q>(op)?;
        if !op.is_injective() {
            relative_layout(base.shape(), base.strides())?.writable()?;
        }
        // SAFETY:
        // - exclusive access for `'a`: the derived base reaches only elements
        //   this view's base reaches (`DynBase::derive`), to which `self`
        //   (consumed) had exclusive access for `'a`;
        // - no two of its indices reach one element: `self`'s layout is
        //   unique and the operation maps distinct indices to distinct
        //   indices of `self` (`is_injective`, the algebra's contract), or
        //   the result was proven unique above.
        Ok(unsafe { DynViewMut::from_base(base) })
    }

    super::algebra::algebra_methods!(
        DynViewMut,
        "use view_core::{DynLayout, DynViewMut};
let mut data: Vec<i32> = (0..24).collect();
let view = DynViewMut::new(&mut data, DynLayout::new([2, 3, 4], [12, 4, 1], 0, 24)?.writable()?)?;"
    );

    /// The windows of shape `window` at every position (see
    /// [`DynView::windows`]), writable only if no two of them share an
    /// element: the result is proven unique when called, with the default
    /// budget, and overlapping windows are an error
    /// ([`DynError::NotUnique`]). So only windows of extent 1 (or of the
    /// whole axis) are writable here; writable run-time tiles come from
    /// `reshape` and `permute` instead: `reshape([h / th, th, w / tw,
    /// tw])` then `permute([0, 2, 1, 3])` gives tile `[i, j]` as a
    /// `[th, tw]` view (a `slice` first for tiles with gaps).
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 6];
    /// let line = DynViewMut::new(&mut data, DynLayout::new([6], [1], 0, 6)?.writable()?)?;
    /// // Windows of 1: unique, writable.
    /// let mut ones = line.windows::<2>([1])?;
    /// ones[[4, 0]] = 1;
    /// assert_eq!(data, [0, 0, 0, 0, 1, 0]);
    ///
    /// let line = DynViewMut::new(&mut data, DynLayout::new([6], [1], 0, 6)?.writable()?)?;
    /// let error = line.windows::<2>([2]).unwrap_err();
    /// assert!(error.to_string().contains("indices [0, 1] and [1, 0] both reach element 1"));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn windows<const Q: usize>(self, window: [usize; R]) -> Result<DynViewMut<'a, E, Q>, DynError> {
        self.derive(crate::algebra::Op::Windows(&window))
    }

    /// The view broadcast to `shape` (see [`DynView::broadcast_to`]),
    /// writable only where it repeats nothing (proven when called): adding
    /// leading axes of extent 1 or stretching nothing.
    ///
    /// ```
    /// use view_core::{DynLayout, DynViewMut};
    ///
    /// let mut data = [0; 3];
    /// let line = DynViewMut::new(&mut data, DynLayout::new([3], [1], 0, 3)?.writable()?)?;
    /// let mut grid = line.broadcast_to([1, 3])?;
    /// grid[[0, 2]] = 5;
    /// assert_eq!(data, [0, 0, 5]);
    /// let line = DynViewMut::new(&mut data, DynLayout::new([3], [1], 0, 3)?.writable()?)?;
    /// assert!(line.broadcast_to([2, 3]).is_err());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn broadcast_to<const Q: usize>(self, shape: [usize; Q]) -> Result<DynViewMut<'a, E, Q>, DynError> {
        self.derive(crate::algebra::Op::BroadcastTo(&shape))
    }

    /// The writable tail of a stream for split member `L`: `L`'s numbers
    /// with axis 0 shortened to the longest prefix that fits in `len`
    /// elements (an empty view when none does). `None` for a member without
    /// an axis that does not fit (streams refuse such members at compile time).
    ///
    /// # Safety
    /// - `L` passed `Facts::WRITABLE`;
    /// - `tail` is valid for reads and writes of `len` elements of one
    ///   allocation, and the caller has exclusive access to the elements of
    ///   the result for `'a` (the views of the other members of a split
    ///   proven disjoint may be alive: they reach other elements).
    pub(crate) unsafe fn stream_tail<L: UniqueLayout<Index = [usize; R]>>(
        tail: NonNull<E>,
        len: usize,
    ) -> Option<Self> {
        let layout = tail_layout::<R>(&L::SHAPE, &L::STRIDES, L::OFFSET, len)?;
        // SAFETY: `layout` was checked against a buffer of `len` elements,
        // and `tail` is valid for `len >= required_len()` of them (the
        // caller's contract).
        let base = unsafe { DynBase::from_layout(tail, &layout) };
        // SAFETY:
        // - exclusive access for `'a`: every element of `layout` is an
        //   element `L` reaches (a prefix of axis 0 with `L`'s strides and
        //   offset, or none), to which the caller gives exclusive access;
        // - no two indices reach one element: `L` is unique
        //   (`Facts::WRITABLE`), and so is any prefix of it (distinct
        //   indices of the prefix are distinct indices of `L`).
        Some(unsafe { DynViewMut::from_base(base) })
    }

    read_only!(&Self, this => this.as_view(), '_, AnyShape, dyn_column_mut!());
}

/// The doc examples' first lines of the reductions of `DynViewMut`:
/// `column`, a borrowed writable view `[4, -1, 7]`.
macro_rules! dyn_column_mut {
    () => {
        "use view_core::{DynLayout, DynViewMut};
let mut data = [9, 4, 9, -1, 9, 7];
let layout = DynLayout::new([3], [2], 1, 6).unwrap().writable().unwrap();
let column = DynViewMut::new(&mut data, layout).unwrap(); // [4, -1, 7]
let column = &column;"
    };
}
use dyn_column_mut;

/// The layout of a stream's tail: `L`'s numbers with axis 0 shortened to
/// the longest prefix whose elements lie in `0..len` (checked by
/// `DynLayout::new` against `len`); an empty layout at offset 0 when no
/// index fits; `None` for rank 0 (no axis to shorten) when it does not fit.
fn tail_layout<const R: usize>(
    shape: &[usize; R],
    strides: &[isize; R],
    offset: usize,
    len: usize,
) -> Option<DynLayout<R>> {
    let prefix = |n0: usize, offset: usize| {
        let mut shape = *shape;
        if let Some(first) = shape.first_mut() {
            *first = n0;
        }
        DynLayout::new(shape, *strides, offset, len).ok()
    };
    let Some(&extent) = shape.first() else {
        return prefix(0, offset);
    };
    // Fitting is monotone in the extent of axis 0 (a shorter prefix reaches
    // a subset of the elements), so bisect for the longest prefix that
    // fits: `low` fits or is 0, and nothing above `high` fits.
    let (mut low, mut high) = (0usize, extent);
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if prefix(mid, offset).is_some() {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    match prefix(low, offset) {
        Some(layout) if low > 0 => Some(layout),
        // No index fits: an empty prefix at offset 0 (which any buffer holds).
        _ => prefix(0, 0),
    }
}

/// The layout of the numbers of a run-time view relative to its lowest
/// element, over exactly the elements it spans: what the uniqueness check of
/// `windows` and `broadcast_to` takes.
fn relative_layout<const R: usize>(shape: &[usize; R], strides: &[isize; R]) -> Result<DynLayout<R>, DynError> {
    if shape.contains(&0) {
        return DynLayout::new(*shape, *strides, 0, 0);
    }
    let (mut low, mut high) = (0i128, 0i128);
    for (&n, &s) in shape.iter().zip(strides) {
        let reach = (n as i128 - 1) * s as i128;
        if reach < 0 {
            low += reach;
        } else {
            high += reach;
        }
    }
    // A view's positions are `isize`s and span less than `isize::MAX`
    // elements (`DynBase`'s invariant), so these conversions are exact;
    // `DynLayout::new` checks them anyway.
    let offset = usize::try_from(-low).unwrap_or(usize::MAX);
    let span = usize::try_from(high - low + 1).unwrap_or(usize::MAX);
    DynLayout::new(*shape, *strides, offset, span)
}

impl<const R: usize, const N: usize> DynSplit<R, N> {
    /// One writable run-time view per member, of one slice, after one
    /// check: it holds every member (`required_len() <= buffer.len()`, else
    /// [`DynError::BufferLen`]). The members are proven unique and pairwise
    /// disjoint, so the views never alias and all of them may be alive at
    /// once.
    ///
    /// ```
    /// use view_core::{DynLayout, DynSplit};
    ///
    /// // The four planes of a 4 x 6 Bayer mosaic (R G / G B).
    /// let plane = |offset| DynLayout::new([2, 3], [12, 2], offset, 24)?.writable();
    /// let split = DynSplit::new([plane(0)?, plane(1)?, plane(6)?, plane(7)?])?;
    /// let mut mosaic = [0u8; 24];
    /// let [mut r, mut g1, mut g2, mut b] = split.split(&mut mosaic)?;
    /// r.fill(1);
    /// g1.fill(2);
    /// g2.fill(3);
    /// b.fill(4);
    /// assert_eq!(mosaic[..8], [1, 2, 1, 2, 1, 2, 3, 4]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub fn split<'a, E>(&self, buffer: &'a mut [E]) -> Result<[DynViewMut<'a, E, R>; N], DynError> {
        if self.required_len() > buffer.len() {
            return Err(DynError::BufferLen {
                required: self.required_len(),
                actual: buffer.len(),
            });
        }
        let start = non_null(buffer.as_mut_ptr());
        Ok(core::array::from_fn(|k| {
            let member = &self.members()[k];
            // SAFETY: the slice holds at least `required_len() >=
            // member.required_len()` elements (checked above).
            let base = unsafe { DynBase::from_layout(start, member) };
            // SAFETY:
            // - exclusive access for `'a`: the slice is borrowed exclusively
            //   for `'a`, and no element is reached by two members
            //   (`DynSplit`'s invariant), so each view has its own elements;
            // - no two indices reach one element: the member is proven unique.
            unsafe { DynViewMut::from_base(base) }
        }))
    }
}

// SAFETY: a `DynViewMut` is exclusive access to some elements, like
// `&mut [E]`: sending it is sound when `E: Send`, sharing `&DynViewMut`
// (which only reads) when `E: Sync`.
unsafe impl<E: Send, const R: usize> Send for DynViewMut<'_, E, R> {}
// SAFETY: as above.
unsafe impl<E: Sync, const R: usize> Sync for DynViewMut<'_, E, R> {}

impl<'a, E, L: UniqueLayout<Index = [usize; R]>, const R: usize> From<ViewMut<'a, E, L>> for DynViewMut<'a, E, R> {
    /// The same elements as a writable run-time view, for free (see
    /// [`DynView::from`](DynView#impl-From<View<'a,+E,+L>>-for-DynView<'a,+E,+R>)).
    ///
    /// ```
    /// use view_core::DynViewMut;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Odd: [i32; 6] { shape: [3], strides: [2], offset: 1 }
    /// }
    /// let mut data = [0; 6];
    /// let mut odd = DynViewMut::from(Odd::view_mut(&mut data));
    /// odd.fill(1);
    /// assert_eq!(data, [0, 1, 0, 1, 0, 1]);
    /// ```
    #[inline]
    fn from(view: ViewMut<'a, E, L>) -> Self {
        let base = DynBase::from_static(view.base());
        // SAFETY:
        // - exclusive access for `'a`: the run-time base reaches exactly the
        //   static view's elements, to which that view (consumed) had
        //   exclusive access for `'a`;
        // - no two indices reach one element: `L` is proven unique
        //   (`Facts::WRITABLE` passed when the view was made), and the base
        //   reaches its elements by the same numbers.
        unsafe { DynViewMut::from_base(base) }
    }
}

impl<'a, E, L: UniqueLayout> ViewMut<'a, E, L> {
    /// The same elements as a writable run-time view ([`DynViewMut`]), for free.
    ///
    /// ```
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0; 6];
    /// let mut grid = Grid::view_mut(&mut data).into_dyn();
    /// grid[[1, 1]] = 4;
    /// assert_eq!(data[4], 4);
    /// ```
    #[inline]
    pub fn into_dyn<const R: usize>(self) -> DynViewMut<'a, E, R>
    where
        L: UniqueLayout<Index = [usize; R]>,
    {
        DynViewMut::from(self)
    }
}

impl<E, const R: usize, I: IntoIndex<[usize; R]>> Index<I> for DynViewMut<'_, E, R> {
    type Output = E;

    #[inline]
    #[track_caller]
    fn index(&self, index: I) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => out_of_range(&index.into_index(), self.base.shape()),
        }
    }
}

impl<E, const R: usize, I: IntoIndex<[usize; R]>> IndexMut<I> for DynViewMut<'_, E, R> {
    #[inline]
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut E {
        let index = index.into_index();
        let shape = *self.base.shape();
        match self.get_mut(index) {
            Some(element) => element,
            None => out_of_range(&index, &shape),
        }
    }
}

impl<'a, E, const R: usize> IntoIterator for DynViewMut<'a, E, R> {
    type Item = &'a mut E;
    type IntoIter = DynIterMut<'a, E, R>;

    fn into_iter(self) -> DynIterMut<'a, E, R> {
        // SAFETY:
        // - exclusive access for `'a`: `self` is consumed, passing on its own;
        // - each element handed out once: the layout is unique.
        unsafe { DynIterMut::new(self.base) }
    }
}

impl<'b, E, const R: usize> IntoIterator for &'b DynViewMut<'_, E, R> {
    type Item = &'b E;
    type IntoIter = DynIter<'b, E, R>;

    fn into_iter(self) -> DynIter<'b, E, R> {
        self.iter()
    }
}

impl<'b, E, const R: usize> IntoIterator for &'b mut DynViewMut<'_, E, R> {
    type Item = &'b mut E;
    type IntoIter = DynIterMut<'b, E, R>;

    fn into_iter(self) -> DynIterMut<'b, E, R> {
        self.iter_mut()
    }
}

impl<E: PartialEq<F>, F, const R: usize, const S: usize> PartialEq<DynViewMut<'_, F, S>> for DynViewMut<'_, E, R> {
    fn eq(&self, other: &DynViewMut<'_, F, S>) -> bool {
        self.as_view() == other.as_view()
    }
}

impl<E: Eq, const R: usize> Eq for DynViewMut<'_, E, R> {}

impl<E: PartialEq<F>, F, const R: usize, const S: usize> PartialEq<DynView<'_, F, S>> for DynViewMut<'_, E, R> {
    fn eq(&self, other: &DynView<'_, F, S>) -> bool {
        self.as_view() == *other
    }
}

impl<E: PartialEq<F>, F, const R: usize, const S: usize> PartialEq<DynViewMut<'_, F, S>> for DynView<'_, E, R> {
    fn eq(&self, other: &DynViewMut<'_, F, S>) -> bool {
        *self == other.as_view()
    }
}

impl<E: PartialEq<F>, F, const R: usize, L: Layout> PartialEq<View<'_, F, L>> for DynViewMut<'_, E, R> {
    fn eq(&self, other: &View<'_, F, L>) -> bool {
        self.as_view() == *other
    }
}

impl<E: fmt::Debug, const R: usize> fmt::Debug for DynViewMut<'_, E, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_view(), f)
    }
}

impl<E, const R: usize> Sealed for DynViewMut<'_, E, R> {}
impl<E, const R: usize> Sealed for &DynViewMut<'_, E, R> {}
impl<E, const R: usize> Sealed for &mut DynViewMut<'_, E, R> {}

impl<'b, E, const R: usize> Operand for &'b DynViewMut<'_, E, R> {
    type Elem = E;
    type Item = &'b E;
    dyn_geometry!();

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'b E {
        // SAFETY:
        // - `at`'s contract: `ptr` is the origin of a `DynViewMut` and
        //   `element` the position of an index inside its shape (the
        //   caller's contract);
        // - no writer for `'b`: the view is borrowed shared for `'b`, so
        //   nothing writes through it, and it has exclusive access to its
        //   elements, so nothing else writes to them either.
        unsafe { DynBase::<E, R>::read(ptr, element) }
    }
}

impl<'b, E, const R: usize> Operand for &'b mut DynViewMut<'_, E, R> {
    type Elem = E;
    type Item = &'b mut E;
    dyn_geometry!();

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'b mut E {
        // SAFETY:
        // - `at`'s contract: `ptr` is the origin of a `DynViewMut` and
        //   `element` the position of an index inside its shape;
        // - exclusive, no other live reference: the view is borrowed
        //   exclusively for `'b`, and no other item of it is alive (the
        //   caller's contract).
        unsafe { DynBase::<E, R>::write(ptr, element) }
    }
}

impl<'a, E, const R: usize> Operand for DynViewMut<'a, E, R> {
    type Elem = E;
    type Item = &'a mut E;
    dyn_geometry!();

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a mut E {
        // SAFETY: as for `&mut DynViewMut`, with the view's own lifetime
        // `'a` (the traversal consumed it).
        unsafe { DynBase::<E, R>::write(ptr, element) }
    }
}
