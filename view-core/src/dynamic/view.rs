//! `DynView`: a read-only view whose shape and strides are run-time values.

use core::fmt;
use core::marker::PhantomData;
use core::mem::{size_of, size_of_val};
use core::ops::{Add, Deref, Index, Mul};
use core::ptr::NonNull;

use super::error::DynError;
use super::iter::{DynIndexedIter, DynIter};
use super::layout::DynLayout;
use crate::compute::{is_nan, read_only};
use crate::layout::{IntoIndex, Layout};
use crate::raw::{non_null, DynBase};
use crate::shape::{AnyShape, SameShape};
use crate::view::View;
use crate::zip::{zip, Operand, Sealed};

/// A read-only view of a buffer of `E` whose shape and strides are run-time
/// values, of rank `R`: NumPy's `np.ndarray(buffer, shape, strides, offset)`
/// for a buffer whose layout is known only when the program runs (a file
/// header, an array handed over from NumPy, a size read from a device).
///
/// It is made from a [`DynLayout`] (checked once, by the proof the macro
/// runs at compile time) and a slice at least
/// [`required_len`](DynLayout::required_len) long: one comparison. From
/// then on it is like a [`View`]: indexing compares the index with the
/// shape and never with the buffer, iteration and the whole-view operations
/// run the same loop nest, and the layout algebra (`t`, `slice`, `flip`,
/// `windows`, ..) gives other run-time views of the same elements, each a
/// method returning `Result` where it can fail.
///
/// **Size**: one pointer (to the element of index `[0, ..]`) and `2 R` words
/// (the shape and the strides); the offset is folded into the pointer.
/// `Copy`, `Send` and `Sync` like `&[E]`.
///
/// ```
/// use view_core::{DynLayout, DynView};
///
/// // A 3 x 4 image with a row pitch of 5 elements, read from a header.
/// let (height, width, pitch) = (3, 4, 5);
/// let pixels: Vec<u8> = (0..15).collect();
/// let layout = DynLayout::new([height, width], [pitch, 1], 0, pixels.len())?;
/// let image = DynView::new(&pixels, layout)?;
/// assert_eq!(image[[2, 3]], 13);
/// assert_eq!(image.t().shape(), [4, 3]);
/// assert!(image.flip(1)?.iter().take(4).copied().eq([3, 2, 1, 0]));
/// assert_eq!(core::mem::size_of_val(&image), 5 * core::mem::size_of::<usize>());
/// # Ok::<(), view_core::DynError>(())
/// ```
pub struct DynView<'a, E, const R: usize> {
    base: DynBase<E, R>,
    marker: PhantomData<&'a [E]>,
}

impl<'a, E, const R: usize> DynView<'a, E, R> {
    /// Views `buffer` through `layout`, after one check: the layout fits a
    /// slice of `buffer.len()` elements (`layout.required_len() <=
    /// buffer.len()`; else [`DynError::BufferLen`]). `layout` was proven in
    /// bounds of its own buffer length by [`DynLayout::new`]; any slice at
    /// least `required_len()` long holds it.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// // NumPy's a[::-1] of the 6 elements.
    /// let reversed = DynView::new(&data[..], DynLayout::new([6], [-1], 5, 6)?)?;
    /// assert!(reversed.iter().copied().eq([5, 4, 3, 2, 1, 0]));
    /// assert!(DynView::new(&data[..4], DynLayout::new([6], [-1], 5, 6)?).is_err());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn new(buffer: &'a [E], layout: DynLayout<R>) -> Result<Self, DynError> {
        if layout.required_len() > buffer.len() {
            return Err(DynError::BufferLen {
                required: layout.required_len(),
                actual: buffer.len(),
            });
        }
        // SAFETY: the slice holds at least `required_len()` elements
        // (checked above), all in one allocation.
        let base = unsafe { DynBase::from_layout(non_null(buffer.as_ptr()), &layout) };
        // SAFETY: the slice is borrowed shared for `'a`: every element the
        // base reaches (elements of the slice) is readable, with no writer.
        Ok(unsafe { DynView::from_base(base) })
    }

    /// Views `buffer` with NumPy's numbers: `np.ndarray(shape, dtype,
    /// buffer, offset, strides)` with strides and offset in bytes, checked by
    /// [`DynLayout::from_numpy`] (NumPy's constructor rule, exactly, minus
    /// its two bugs) for the element size `size_of::<E>()` and a buffer of
    /// `size_of_val(buffer)` bytes. A zero-sized `E` is refused (bytes mean
    /// nothing for it; use [`new`](Self::new)).
    ///
    /// ```
    /// use view_core::DynView;
    ///
    /// let x: Vec<i64> = (0..12).collect();
    /// // np.ndarray(buffer=x, shape=(4, 3), strides=(24, 8), offset=0, dtype=np.int64)
    /// let matrix = DynView::from_numpy(&x, [4, 3], [24, 8], 0)?;
    /// assert_eq!(matrix[[3, 2]], 11);
    /// // The tutorial's `x.strides = (24, 16)`: NumPy's ValueError, here with the witness.
    /// assert_eq!(
    ///     DynView::from_numpy(&x, [4, 3], [24, 16], 0).unwrap_err().to_string(),
    ///     "run-time layout is out of bounds: index [3, 2] reaches element 13 (byte 104), \
    ///      but the buffer has 12 elements (0 to 11); it needs a buffer of 14 elements (its REQUIRED_LEN)"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn from_numpy(
        buffer: &'a [E],
        shape: [usize; R],
        byte_strides: [isize; R],
        byte_offset: usize,
    ) -> Result<Self, DynError> {
        let layout = DynLayout::from_numpy(shape, byte_strides, byte_offset, size_of::<E>(), size_of_val(buffer))?;
        Self::new(buffer, layout)
    }

    /// # Safety
    /// The caller may read the elements `base` reaches for `'a`, and nothing
    /// writes to them during `'a`.
    #[inline(always)]
    pub(crate) const unsafe fn from_base(base: DynBase<E, R>) -> Self {
        DynView {
            base,
            marker: PhantomData,
        }
    }

    /// The extents, one per axis.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0; 12];
    /// let grid = DynView::new(&data[..], DynLayout::new([3, 4], [1, 3], 0, 12)?)?;
    /// assert_eq!(grid.shape(), [3, 4]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn shape(&self) -> [usize; R] {
        *self.base.shape()
    }

    /// The element strides, one per axis.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0; 12];
    /// let grid = DynView::new(&data[..], DynLayout::new([3, 4], [1, 3], 0, 12)?)?;
    /// assert_eq!(grid.strides(), [1, 3]);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn strides(&self) -> [isize; R] {
        *self.base.strides()
    }

    /// The number of indices: the product of the extents.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0; 12];
    /// let grid = DynView::new(&data[..], DynLayout::new([3, 4], [1, 3], 0, 12)?)?;
    /// assert_eq!(grid.len(), 12);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.base.len()
    }

    /// Whether some extent is 0.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0; 12];
    /// let grid = DynView::new(&data[..], DynLayout::new([3, 4], [1, 3], 0, 12)?)?;
    /// assert_eq!((grid.is_empty(), grid.slice(0, 1..1)?.is_empty()), (false, true));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.base.shape().contains(&0)
    }

    /// The pointer to the element of index `[0, ..]` (a run-time view knows
    /// no buffer start: positions are relative to this element, negative
    /// where a stride is). For an empty view, an aligned pointer that must
    /// not be read. For bridges to code that takes a pointer and strides.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let tail = DynView::new(&data[..], DynLayout::new([3], [1], 3, 6)?)?;
    /// assert_eq!(tail.as_ptr(), data[3..].as_ptr());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub const fn as_ptr(&self) -> *const E {
        self.base.origin().as_ptr()
    }

    /// The element at `index` (`[i, j, ..]`, or a `usize` at rank 1), or
    /// `None` if a coordinate is outside the shape. O(rank).
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = DynView::new(&data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
    /// assert_eq!(grid.get([1, 2]), Some(&5));
    /// assert_eq!(grid.get([2, 0]), None);
    /// let evens = DynView::new(&data[..], DynLayout::new([3], [2], 0, 6)?)?;
    /// assert_eq!((evens.get(1), evens[2]), (Some(&2), 4));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn get<I: IntoIndex<[usize; R]>>(&self, index: I) -> Option<&'a E> {
        let position = self.base.position(&index.into_index())?;
        // SAFETY: `position` is that of an index inside the shape (checked
        // by `position`) of this view's base; this view may read its
        // elements for `'a`, with no writer (how it was made).
        Some(unsafe { DynBase::<E, R>::read(self.base.origin(), position) })
    }

    /// The elements in logical C order (last axis fastest); double-ended,
    /// exact-size, and its `fold` (`sum`, `for_each`, ..) runs the
    /// whole-view loop nest.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let t = DynView::new(&data[..], DynLayout::new([3, 2], [1, 3], 0, 6)?)?;
    /// assert!(t.iter().copied().eq([0, 3, 1, 4, 2, 5]));
    /// assert!(t.iter().rev().copied().eq([5, 2, 4, 1, 3, 0]));
    /// let mut total = 0;
    /// for &x in t {
    ///     total += x;
    /// }
    /// assert_eq!(total, 15);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn iter(&self) -> DynIter<'a, E, R> {
        // SAFETY: this view may read its base's elements for `'a` with no writer.
        unsafe { DynIter::new(self.base) }
    }

    /// Each index with its element, in C order: `([i, j, ..], &e)`.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = DynView::new(&data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
    /// let mut pairs = grid.indexed_iter();
    /// assert_eq!(pairs.next(), Some(([0, 0], &0)));
    /// assert_eq!(pairs.last(), Some(([1, 2], &5)));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn indexed_iter(&self) -> DynIndexedIter<'a, E, R> {
        // SAFETY: as in `iter`.
        unsafe { DynIndexedIter::new(self.base) }
    }

    /// The same elements as a view of the static layout `L`, after one
    /// check: the shape and strides are `L`'s (strides compared on the axes
    /// that move: of extent above 1, in a non-empty view); `Err`
    /// ([`DynError::Mismatch`]) names the first number that differs.
    ///
    /// `L` must be based at its lowest element (`L::REQUIRED_SPAN ==
    /// L::REQUIRED_LEN`, checked at compile time): a static view's pointer is
    /// its buffer's start, `L::OFFSET` elements before the element of index
    /// `[0, ..]`, and a run-time view vouches only for the elements it
    /// reaches: the start must be one of them, the lowest. (The same rule
    /// as `View::from_ndarray`.)
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Matrix: [f32; 12] { shape: [3, 4] }
    /// }
    ///
    /// let data = [0.0f32; 12];
    /// let rows = DynView::new(&data[..], DynLayout::new([3, 4], [4, 1], 0, 12)?)?;
    /// let matrix = rows.to_static::<Matrix>()?; // one pointer from here on
    /// assert_eq!(matrix.shape(), [3, 4]);
    /// let error = rows.t().to_static::<Matrix>().unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "run-time layout does not match layout `Matrix`: the extent of axis 0 is 4, but `Matrix` has 3"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    ///
    /// A layout whose lowest element is not element 0 of its buffer does not
    /// compile here:
    ///
    /// ```compile_fail,E0080
    /// view_macros::strided_view! {
    ///     /// The odd elements of 8: element 0 is not reached.
    ///     Odd: [_; 8] { shape: [4], strides: [2], offset: 1 }
    /// }
    /// let data = [0; 8];
    /// let odd = view_core::DynView::new(&data[..], view_core::DynLayout::new([4], [2], 1, 8).unwrap()).unwrap();
    /// let _ = odd.to_static::<Odd>();
    /// ```
    #[inline]
    pub fn to_static<L: Layout<Index = [usize; R]>>(self) -> Result<View<'a, E, L>, DynError> {
        let base = self.base.to_static::<L>()?;
        // SAFETY: the static base reaches exactly this view's elements
        // (`DynBase::to_static`), which this view may read for `'a` with no
        // writer.
        Ok(unsafe { View::from_base(base) })
    }

    /// The view of an operation's result (see `DynBase::derive`).
    #[inline]
    fn derive<const Q: usize>(self, op: crate::algebra::Op<'_>) -> Result<DynView<'a, E, Q>, DynError> {
        let base = self.base.derive::<Q>(op)?;
        // SAFETY: the derived base reaches only elements this view's base
        // reaches (`DynBase::derive`), readable for `'a` with no writer.
        Ok(unsafe { DynView::from_base(base) })
    }

    super::algebra::algebra_methods!(
        DynView,
        "use view_core::{DynLayout, DynView};
let data: Vec<i32> = (0..24).collect();
let view = DynView::new(&data[..], DynLayout::new([2, 3, 4], [12, 4, 1], 0, 24)?)?;"
    );

    /// The windows of shape `window` at every position (NumPy's
    /// `sliding_window_view(a, window)`): rank `R` becomes `Q = 2 R`, the
    /// window positions first, then the window's axes (checked when called:
    /// [`DynError::Rank`]). Read-only: windows share elements (see
    /// [`DynViewMut::windows`](super::DynViewMut::windows) for tiles).
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let signal = [1, 2, 3, 4, 5];
    /// let line = DynView::new(&signal[..], DynLayout::new([5], [1], 0, 5)?)?;
    /// let windows = line.windows::<2>([3])?;
    /// assert_eq!(windows.shape(), [3, 3]);
    /// assert!(windows.iter().copied().eq([1, 2, 3, 2, 3, 4, 3, 4, 5]));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn windows<const Q: usize>(self, window: [usize; R]) -> Result<DynView<'a, E, Q>, DynError> {
        self.derive(crate::algebra::Op::Windows(&window))
    }

    /// The view broadcast to `shape` (NumPy's `np.broadcast_to`): axes
    /// matched from the end, an extent 1 stretched (stride 0), new leading
    /// axes repeated. Read-only: a stretched axis repeats its elements.
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let row = [1, 2, 3];
    /// let line = DynView::new(&row[..], DynLayout::new([3], [1], 0, 3)?)?;
    /// let grid = line.broadcast_to([2, 3])?;
    /// assert_eq!(grid.strides(), [0, 1]);
    /// assert!(grid.iter().copied().eq([1, 2, 3, 1, 2, 3]));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    #[inline]
    pub fn broadcast_to<const Q: usize>(self, shape: [usize; Q]) -> Result<DynView<'a, E, Q>, DynError> {
        self.derive(crate::algebra::Op::BroadcastTo(&shape))
    }

    read_only!(Self, this => this, 'a, AnyShape, dyn_column!());
}

impl<'a, E, L: Layout<Index = [usize; R]>, const R: usize> From<View<'a, E, L>> for DynView<'a, E, R> {
    /// The same elements as a run-time view, for free: the shape and strides
    /// become values, the pointer moves to the element of index `[0, ..]`;
    /// no check (the static layout was proven at compile time).
    ///
    /// ```
    /// use view_core::DynView;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Reversed: [i32; 4] { shape: [4], strides: [-1], offset: 3 }
    /// }
    /// let data = [0, 1, 2, 3];
    /// let reversed = DynView::from(Reversed::view(&data));
    /// assert_eq!((reversed.strides(), reversed[0]), ([-1], 3));
    /// assert!(reversed == Reversed::view(&data));
    /// ```
    #[inline]
    fn from(view: View<'a, E, L>) -> Self {
        let base = DynBase::from_static(view.base());
        // SAFETY: the run-time base reaches exactly the static view's
        // elements, which that view (consumed) could read for `'a` with no
        // writer.
        unsafe { DynView::from_base(base) }
    }
}

impl<'a, E, L: Layout> View<'a, E, L> {
    /// The same elements as a run-time view ([`DynView`]), for free: see
    /// [`DynView::from`](DynView#impl-From<View<'a,+E,+L>>-for-DynView<'a,+E,+R>).
    ///
    /// ```
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data).into_dyn();
    /// assert_eq!((grid.shape(), grid.strides()), ([2, 3], [3, 1]));
    /// ```
    #[inline]
    pub fn into_dyn<const R: usize>(self) -> DynView<'a, E, R>
    where
        L: Layout<Index = [usize; R]>,
    {
        DynView::from(self)
    }
}

impl<E, const R: usize> Clone for DynView<'_, E, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, const R: usize> Copy for DynView<'_, E, R> {}

// SAFETY: a `DynView` gives shared access only, like `&[E]`: it may cross or
// be shared between threads exactly when `&E` may, i.e. when `E: Sync`.
unsafe impl<E: Sync, const R: usize> Send for DynView<'_, E, R> {}
// SAFETY: as above.
unsafe impl<E: Sync, const R: usize> Sync for DynView<'_, E, R> {}

impl<E, const R: usize, I: IntoIndex<[usize; R]>> Index<I> for DynView<'_, E, R> {
    type Output = E;

    /// Panics, like a slice, if a coordinate is outside the shape.
    #[inline]
    #[track_caller]
    fn index(&self, index: I) -> &E {
        match self.get(index) {
            Some(element) => element,
            None => out_of_range(&index.into_index(), self.base.shape()),
        }
    }
}

/// The doc examples' first lines of the reductions of `DynView`: `column`,
/// the view `[4, -1, 7]`.
macro_rules! dyn_column {
    () => {
        "use view_core::{DynLayout, DynView};
let data = [9, 4, 9, -1, 9, 7];
let column = DynView::new(&data[..], DynLayout::new([3], [2], 1, 6).unwrap()).unwrap(); // [4, -1, 7]"
    };
}
use dyn_column;

/// The panic of `view[index]` for an index outside the shape, worded like
/// a static view's.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn out_of_range<const R: usize>(index: &[usize; R], shape: &[usize; R]) -> ! {
    panic!("index {:?} is out of range for shape {:?}", index, shape)
}

impl<'a, E, const R: usize> IntoIterator for DynView<'a, E, R> {
    type Item = &'a E;
    type IntoIter = DynIter<'a, E, R>;

    fn into_iter(self) -> DynIter<'a, E, R> {
        self.iter()
    }
}

impl<'a, E, const R: usize> IntoIterator for &DynView<'a, E, R> {
    type Item = &'a E;
    type IntoIter = DynIter<'a, E, R>;

    fn into_iter(self) -> DynIter<'a, E, R> {
        self.iter()
    }
}

/// Equal when of one shape with equal elements at every index (NumPy's
/// `array_equal`), whatever the strides; also against static views.
///
/// ```
/// use view_core::{DynLayout, DynView};
///
/// let (a, b) = ([0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0]);
/// let grid = DynView::new(&a[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
/// let reversed = DynView::new(&b[..], DynLayout::new([2, 3], [-3, -1], 5, 6)?)?;
/// assert!(grid == reversed);
/// assert!(grid != grid.flip(0)?);
/// # Ok::<(), view_core::DynError>(())
/// ```
impl<E: PartialEq<F>, F, const R: usize, const S: usize> PartialEq<DynView<'_, F, S>> for DynView<'_, E, R> {
    fn eq(&self, other: &DynView<'_, F, S>) -> bool {
        crate::proof::same_shape(self.base.shape(), other.base.shape())
            && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<E: Eq, const R: usize> Eq for DynView<'_, E, R> {}

impl<E: PartialEq<F>, F, const R: usize, L: Layout> PartialEq<View<'_, F, L>> for DynView<'_, E, R> {
    fn eq(&self, other: &View<'_, F, L>) -> bool {
        crate::proof::same_shape(self.base.shape(), L::SHAPE_SLICE)
            && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<E: PartialEq<F>, F, L: Layout, const R: usize> PartialEq<DynView<'_, F, R>> for View<'_, E, L> {
    fn eq(&self, other: &DynView<'_, F, R>) -> bool {
        crate::proof::same_shape(L::SHAPE_SLICE, other.base.shape())
            && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

/// Prints nested brackets like NumPy (and a static view): `[[0, 1, 2],\n [3, 4, 5]]`.
///
/// ```
/// use view_core::{DynLayout, DynView};
///
/// let data = [0, 1, 2, 3, 4, 5];
/// let grid = DynView::new(&data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
/// assert_eq!(format!("{grid:?}"), "[[0, 1, 2],\n [3, 4, 5]]");
/// # Ok::<(), view_core::DynError>(())
/// ```
impl<E: fmt::Debug, const R: usize> fmt::Debug for DynView<'_, E, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::write_nested(f, &mut self.iter(), self.base.shape())
    }
}

/// The geometry part of [`Operand`] for a run-time view: its values, with
/// positions relative to its origin (so `start()` is 0).
macro_rules! dyn_geometry {
    () => {
        type Shape = AnyShape;
        const STATIC_SHAPE: Option<&'static [usize]> = None;

        #[inline(always)]
        fn extents(&self) -> &[usize] {
            self.base.shape()
        }

        #[inline(always)]
        fn steps(&self) -> &[isize] {
            self.base.strides()
        }

        #[inline(always)]
        fn start(&self) -> usize {
            0
        }

        #[inline(always)]
        fn base_ptr(&self) -> NonNull<E> {
            self.base.origin()
        }
    };
}
pub(crate) use dyn_geometry;

impl<E, const R: usize> Sealed for DynView<'_, E, R> {}
impl<E, const R: usize> Sealed for &DynView<'_, E, R> {}

impl<'a, E, const R: usize> Operand for DynView<'a, E, R> {
    type Elem = E;
    type Item = &'a E;
    dyn_geometry!();

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a E {
        // SAFETY: `ptr` is the origin of a live `DynView<'a, E, R>` and
        // `element` the position of an index inside its shape (the caller's
        // contract); that view may read it for `'a` with no writer.
        unsafe { DynBase::<E, R>::read(ptr, element) }
    }
}

impl<'a, E, const R: usize> Operand for &DynView<'a, E, R> {
    type Elem = E;
    type Item = &'a E;
    dyn_geometry!();

    #[inline(always)]
    unsafe fn item(ptr: NonNull<E>, element: usize) -> &'a E {
        // SAFETY: as for `DynView` (the borrowed view reads for `'a`).
        unsafe { <DynView<'a, E, R> as Operand>::item(ptr, element) }
    }
}
