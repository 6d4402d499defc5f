//! The `ndarray` feature: views to ndarray's `ArrayView` / `ArrayViewMut`
//! and back.
//!
//! **To ndarray**: no check and no copy. ndarray's `from_shape_ptr` takes
//! non-negative strides only, so the array is made from the view's lowest
//! element with the strides' magnitudes, and each axis of negative stride is
//! then turned around with `invert_axis`, which moves ndarray's pointer to
//! the element of index `[0, ..]` and gives the stride its sign: the result
//! has the view's shape and strides (zero strides of read-only views
//! included) and reaches the same elements.
//!
//! **From ndarray**: one check, that the array's shape and strides are
//! `L`'s. An `ArrayView` knows nothing of a buffer start or of the elements
//! it does not reach, so a view of `L` can be made of it only when `L`'s
//! buffer is exactly what the array spans: `L` must be *based at its lowest
//! element* (its lowest element reached is element 0 of its buffer:
//! `REQUIRED_SPAN == REQUIRED_LEN`; an empty layout has offset 0). That is a
//! property of `L`, checked at compile time; the layouts of
//! `View::subview` and the trailing axes are built that way.

use core::fmt;
use core::marker::PhantomData;

use ::ndarray::{ArrayView, ArrayViewMut, Axis, Dimension, IxDyn, ShapeBuilder};

use crate::facts::Facts;
use crate::layout::{Dim, Layout, UniqueLayout};
use crate::proof::{nests, size_of_shape, Message};
use crate::raw::Base;
use crate::view::View;
use crate::view_mut::ViewMut;

/// The index types that have a fixed-rank ndarray dimension: `[usize; 0]`
/// to `[usize; 6]`, whose `Nd` is ndarray's `Ix0` to `Ix6`.
///
/// [`View::into_ndarray`] returns an array of that dimension;
/// [`View::into_ndarray_dyn`] works at every rank (`IxDyn`).
#[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
pub trait NdarrayDim: Dim {
    /// ndarray's dimension type of this rank.
    type Nd: Dimension;
}

macro_rules! nd_dims {
    ($($rank:literal => $ix:ident),*) => {
        $(impl NdarrayDim for [usize; $rank] {
            type Nd = ::ndarray::$ix;
        })*
    };
}

nd_dims!(0 => Ix0, 1 => Ix1, 2 => Ix2, 3 => Ix3, 4 => Ix4, 5 => Ix5, 6 => Ix6);

/// Why an ndarray view is not a view of a layout: the first number that
/// differs.
#[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NdarrayMismatch {
    /// The array has another number of axes.
    Rank {
        /// The layout's rank.
        expected: usize,
        /// The array's.
        actual: usize,
    },
    /// The extent of `axis` differs.
    Extent {
        /// The axis.
        axis: usize,
        /// The layout's extent.
        expected: usize,
        /// The array's.
        actual: usize,
    },
    /// The stride of `axis` (of extent above 1, in a non-empty array) differs.
    Stride {
        /// The axis.
        axis: usize,
        /// The layout's stride, in elements.
        expected: isize,
        /// The array's.
        actual: isize,
    },
}

impl fmt::Display for NdarrayMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NdarrayMismatch::Rank { expected, actual } => {
                write!(f, "the array has {actual} axes, the layout {expected}")
            }
            NdarrayMismatch::Extent { axis, expected, actual } => {
                write!(
                    f,
                    "axis {axis} of the array has extent {actual}, the layout's {expected}"
                )
            }
            NdarrayMismatch::Stride { axis, expected, actual } => {
                write!(
                    f,
                    "axis {axis} of the array has stride {actual}, the layout's {expected}"
                )
            }
        }
    }
}

impl core::error::Error for NdarrayMismatch {}

/// What view-core checks about a layout before it converts to or from ndarray.
struct NdFacts<L>(PhantomData<L>);

impl<L: Layout> NdFacts<L> {
    /// ndarray takes a shape only if the product of its non-zero extents
    /// fits in `isize` (an empty layout may have larger extents).
    const TO_NDARRAY: () = {
        let () = Facts::<L>::READABLE;
        let mut size: usize = 1;
        let mut k = 0;
        while k < L::SHAPE_SLICE.len() {
            let n = L::SHAPE_SLICE[k];
            if n != 0 {
                size = match size_of_shape(&[size, n]) {
                    Some(size) => size,
                    None => panic!(
                        "{}",
                        Message::new()
                            .str("layout ")
                            .name(L::NAME)
                            .str(": ndarray refuses a shape whose non-zero extents multiply past isize::MAX")
                            .as_str()
                    ),
                };
            }
            k += 1;
        }
    };

    /// A writable array: also, ndarray's own check of a writable view's
    /// strides (in its debug builds) asks that the axes nest, which is
    /// stricter than uniqueness: a unique layout whose axes do not nest
    /// (`shape: [3, 2], strides: [2, 3]`) has no `ArrayViewMut`.
    const TO_NDARRAY_MUT: () = {
        let () = Self::TO_NDARRAY;
        if Facts::<L>::SIZE > 0 && !nests(L::SHAPE_SLICE, L::STRIDES_SLICE) {
            panic!(
                "{}",
                Message::new()
                    .str("layout ")
                    .name(L::NAME)
                    .str(" is unique, but its axes do not nest (sorted by stride, each stride exceeds the span of the smaller ones), which ndarray asks of an ArrayViewMut: convert a read-only view instead (`view.as_view().into_ndarray()`)")
                    .as_str()
            )
        }
    };

    /// The layout is based at its lowest element (see the module docs).
    const FROM_NDARRAY: () = {
        let () = Facts::<L>::READABLE;
        if Facts::<L>::REQUIRED_SPAN != Facts::<L>::REQUIRED_LEN {
            panic!(
                "{}",
                Message::new()
                    .str("layout ")
                    .name(L::NAME)
                    .str(" does not start at its lowest element (REQUIRED_SPAN ")
                    .uint(Facts::<L>::REQUIRED_SPAN as u128)
                    .str(", REQUIRED_LEN ")
                    .uint(Facts::<L>::REQUIRED_LEN as u128)
                    .str("): an ndarray view says nothing about the memory before its lowest element, so it can only become a view of a layout whose lowest element reached is element 0 (an empty layout: offset 0)")
                    .as_str()
            )
        }
    };
}

/// ndarray's shape and strides of `L`: the strides' magnitudes, and a mask
/// of the axes to invert afterwards. An empty layout gets zero strides
/// (ndarray's own choice for empty shapes): its elements do not exist, so
/// no stride may move ndarray's pointer. An axis of extent 1 with stride
/// `isize::MIN` (whose magnitude is no `isize`) gets stride 0: it never moves.
fn nd_parts<L: Layout, D: Dimension>() -> (D, D, u64) {
    let mut shape = D::zeros(<L::Index as Dim>::RANK);
    let mut strides = D::zeros(<L::Index as Dim>::RANK);
    let mut negative = 0u64;
    let empty = Facts::<L>::SIZE == 0;
    for (k, (&n, &s)) in L::SHAPE_SLICE.iter().zip(L::STRIDES_SLICE).enumerate() {
        shape[k] = n;
        strides[k] = match s {
            _ if empty => 0,
            0.. => s as usize,
            isize::MIN => 0,
            _ => {
                // k < MAX_RANK = 32 (`Facts::READABLE` bounds the rank).
                negative |= 1 << (k % 64);
                s.unsigned_abs()
            }
        };
    }
    (shape, strides, negative)
}

/// The axes of `negative`, each turned around by `invert`.
fn invert_axes(negative: u64, mut invert: impl FnMut(Axis)) {
    (0..64)
        .filter(|k| negative & (1 << k) != 0)
        .for_each(|k| invert(Axis(k)));
}

/// The check of [`View::from_ndarray`]: the array's shape and strides are `L`'s.
fn check_parts<L: Layout>(shape: &[usize], strides: &[isize]) -> Result<(), NdarrayMismatch> {
    if shape.len() != <L::Index as Dim>::RANK || strides.len() != <L::Index as Dim>::RANK {
        return Err(NdarrayMismatch::Rank {
            expected: <L::Index as Dim>::RANK,
            actual: shape.len(),
        });
    }
    for (axis, (&expected, &actual)) in L::SHAPE_SLICE.iter().zip(shape).enumerate() {
        if expected != actual {
            return Err(NdarrayMismatch::Extent { axis, expected, actual });
        }
    }
    // An empty array reaches nothing: its strides say nothing.
    if Facts::<L>::SIZE == 0 {
        return Ok(());
    }
    // An axis of extent 1 never moves: its stride says nothing either.
    for (axis, ((&n, &expected), &actual)) in L::SHAPE_SLICE.iter().zip(L::STRIDES_SLICE).zip(strides).enumerate() {
        if n > 1 && expected != actual {
            return Err(NdarrayMismatch::Stride { axis, expected, actual });
        }
    }
    Ok(())
}

impl<'a, E, L: Layout> View<'a, E, L> {
    /// The same elements as an ndarray view of fixed rank (`Ix0` to `Ix6`):
    /// no check, no copy; negative and zero strides included.
    ///
    /// A layout whose non-zero extents multiply past `isize::MAX` (only an
    /// empty one can) is refused at compile time: ndarray takes no such shape.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     /// Both axes reversed: NumPy's `a[::-1, ::-1]` of a 3 x 4 matrix.
    ///     Flipped: [i32; 12] { shape: [3, 4], strides: [-4, -1], offset: 11 }
    /// }
    ///
    /// let data: [i32; 12] = core::array::from_fn(|i| i as i32);
    /// let array = Flipped::view(&data).into_ndarray();
    /// assert_eq!(array.strides(), &[-4, -1]);
    /// assert_eq!(array[[0, 0]], 11);
    /// assert_eq!(array.sum(), 66);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn into_ndarray(self) -> ArrayView<'a, E, <L::Index as NdarrayDim>::Nd>
    where
        L::Index: NdarrayDim,
    {
        self.into_ndarray_of()
    }

    /// As [`into_ndarray`](Self::into_ndarray), with ndarray's dynamic
    /// dimension, at every rank.
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn into_ndarray_dyn(self) -> ArrayView<'a, E, IxDyn> {
        self.into_ndarray_of()
    }

    fn into_ndarray_of<D: Dimension>(self) -> ArrayView<'a, E, D> {
        const { NdFacts::<L>::TO_NDARRAY }
        let (shape, strides, negative) = nd_parts::<L, D>();
        let lowest = self.base().lowest();
        // SAFETY: ndarray's conditions for `from_shape_ptr`, one by one:
        // - the elements reached from `lowest` by the (non-negative) strides
        //   over the shape are `L`'s elements (each axis of negative stride
        //   counted from its other end: `OFFSET + Σ ik sk` over the shape is
        //   `lowest + Σ ik |sk|` over it); this view may read them for `'a`
        //   and nothing writes to them meanwhile (how it was made);
        // - `lowest` is non-null and aligned: a pointer into a buffer of `E`;
        // - every pointer reached by moving along the axes is one of those
        //   elements, in `0..REQUIRED_LEN` of the one allocation behind the
        //   view (`Base`'s invariant); an empty layout has zero strides, so
        //   nothing moves from `lowest`, which is at most one past the end;
        // - the distance between the lowest and the highest of them, in
        //   bytes and in elements, is within that allocation, below
        //   `isize::MAX`;
        // - the product of the non-zero extents fits in `isize`
        //   (`NdFacts::TO_NDARRAY`, checked above);
        // - the strides are non-negative (`nd_parts`).
        let mut array = unsafe { ArrayView::from_shape_ptr(shape.strides(strides), lowest.as_ptr().cast_const()) };
        invert_axes(negative, |axis| array.invert_axis(axis));
        array
    }

    /// A view of layout `L` of an ndarray view, after one check: its shape
    /// and strides are `L`'s (strides compared on the axes of extent above
    /// 1 of a non-empty array, the only ones that move); `Err` names the
    /// first number that differs. No copy.
    ///
    /// `L` must be based at its lowest element (`L::REQUIRED_SPAN ==
    /// L::REQUIRED_LEN`, checked at compile time): an ndarray view says
    /// nothing about the memory before its lowest element, so the buffer a
    /// view of `L` stands for must be exactly what the array spans.
    ///
    /// ```
    /// use ndarray::{s, ArrayView, ShapeBuilder};
    /// use view_core::{NdarrayMismatch, View};
    ///
    /// view_macros::strided_view! {
    ///     /// Column order: ndarray's `(3, 4).f()`.
    ///     ColumnMajor: [_; 12] { shape: [3, 4], strides: [1, 3] }
    ///     /// The 12 elements backwards: ndarray's `s![..;-1]`.
    ///     Backwards: [_; 12] { shape: [12], strides: [-1], offset: 11 }
    /// }
    ///
    /// let data: Vec<i32> = (0..12).collect();
    /// let array = ArrayView::from_shape((3, 4).f(), &data).unwrap();
    /// let view = View::<_, ColumnMajor>::from_ndarray(array).unwrap();
    /// assert_eq!(view[[2, 1]], 5);
    ///
    /// let whole = ArrayView::from_shape(12, &data).unwrap();
    /// let reversed = View::<_, Backwards>::from_ndarray(whole.slice_move(s![..;-1])).unwrap();
    /// assert_eq!(reversed[[0]], 11);
    ///
    /// // Another order is refused, naming the first stride that differs.
    /// let c_order = ArrayView::from_shape((3, 4), &data).unwrap();
    /// assert_eq!(
    ///     View::<_, ColumnMajor>::from_ndarray(c_order).err(),
    ///     Some(NdarrayMismatch::Stride { axis: 0, expected: 1, actual: 4 })
    /// );
    /// ```
    ///
    /// A layout that does not start at its lowest element does not compile
    /// with `from_ndarray`: the array cannot vouch for element 0 of its buffer.
    ///
    /// ```compile_fail,E0080
    /// view_macros::strided_view! {
    ///     /// The odd elements of 8: element 0 is not reached.
    ///     Odd: [_; 8] { shape: [4], strides: [2], offset: 1 }
    /// }
    ///
    /// let data: Vec<i32> = (0..7).collect();
    /// let array = ndarray::ArrayView::from_shape((4,).strides((2,)), &data).unwrap();
    /// let _ = view_core::View::<_, Odd>::from_ndarray(array);
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn from_ndarray<D: Dimension>(array: ArrayView<'a, E, D>) -> Result<Self, NdarrayMismatch> {
        const { NdFacts::<L>::FROM_NDARRAY }
        check_parts::<L>(array.shape(), array.strides())?;
        // SAFETY: `Base::from_origin`'s contract, one by one:
        // - `L` passed `Facts::READABLE` and starts at its lowest element
        //   (`NdFacts::FROM_NDARRAY`, checked above);
        // - `as_ptr` is the array's element of index `[0, ..]`, and the
        //   array has `L`'s shape and `L`'s strides on every axis that moves
        //   (`check_parts`, above), so for a non-empty `L` the pointers
        //   `as_ptr + Σ ik sk` are the array's elements: aligned elements
        //   of one allocation (ndarray's invariant of an `ArrayView`).
        let base = unsafe { Base::from_origin(array.as_ptr()) };
        // SAFETY: the array's elements, which are exactly the elements `L`
        // reaches, are borrowed shared for `'a` with no writer (what an
        // `ArrayView<'a, ..>` is).
        Ok(unsafe { View::from_base(base) })
    }
}

impl<'a, E, L: UniqueLayout> ViewMut<'a, E, L> {
    /// The same elements as a writable ndarray view of fixed rank: no
    /// check, no copy, negative strides included (see [`View::into_ndarray`]).
    ///
    /// ndarray asks more of a writable view's strides than uniqueness: its
    /// axes, sorted by stride, must nest. A unique layout whose axes do not
    /// nest does not compile here (convert `as_view()` instead):
    ///
    /// ```compile_fail,E0080
    /// view_macros::strided_view! {
    ///     /// Unique (3 x 2 with strides 2 and 3: elements 0, 3, 2, 5, 4, 7), not nested.
    ///     mut Knight: [i32; 8] { shape: [3, 2], strides: [2, 3] }
    /// }
    /// let mut data = [0i32; 8];
    /// let _ = Knight::view_mut(&mut data).into_ndarray();
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn into_ndarray(self) -> ArrayViewMut<'a, E, <L::Index as NdarrayDim>::Nd>
    where
        L::Index: NdarrayDim,
    {
        self.into_ndarray_of()
    }

    /// As [`into_ndarray`](Self::into_ndarray), with ndarray's dynamic dimension.
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn into_ndarray_dyn(self) -> ArrayViewMut<'a, E, IxDyn> {
        self.into_ndarray_of()
    }

    fn into_ndarray_of<D: Dimension>(self) -> ArrayViewMut<'a, E, D> {
        const { NdFacts::<L>::TO_NDARRAY_MUT }
        let (shape, strides, negative) = nd_parts::<L, D>();
        let lowest = self.base().lowest();
        if Facts::<L>::SIZE == 0 {
            // SAFETY: an empty shape with ndarray's default strides reaches
            // no element, so no condition of `from_shape_ptr` is about an
            // element: the pointer is non-null and aligned (`Base`'s
            // invariant), the product of the non-zero extents fits in
            // `isize` (`NdFacts::TO_NDARRAY`), and no stride moves the
            // pointer past an element that exists. (Custom zero strides
            // would trip ndarray's debug check of overlapping axes.)
            return unsafe { ArrayViewMut::from_shape_ptr(shape, lowest.as_ptr()) };
        }
        // SAFETY: as in `View::into_ndarray`, and for writing: `self` is
        // consumed, so its exclusive access to `L`'s elements for `'a`
        // passes to the array; `L` is proven unique (`Facts::WRITABLE`
        // passed when `self` was made), so no two indices of the array reach
        // one element, and its axes nest (`NdFacts::TO_NDARRAY_MUT`), as
        // ndarray's own check of the strides asks; the pointer comes from an
        // exclusive borrow.
        let mut array = unsafe { ArrayViewMut::from_shape_ptr(shape.strides(strides), lowest.as_ptr()) };
        invert_axes(negative, |axis| array.invert_axis(axis));
        array
    }

    /// A writable view of layout `L` of a writable ndarray view, after one
    /// check of its shape and strides (see [`View::from_ndarray`]).
    #[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
    pub fn from_ndarray<D: Dimension>(mut array: ArrayViewMut<'a, E, D>) -> Result<Self, NdarrayMismatch> {
        const {
            let () = NdFacts::<L>::FROM_NDARRAY;
            let () = Facts::<L>::WRITABLE;
        }
        check_parts::<L>(array.shape(), array.strides())?;
        // SAFETY: as in `View::from_ndarray` (`as_mut_ptr` of a view is its
        // pointer, with the write access the exclusive borrow gives).
        let base = unsafe { Base::from_origin(array.as_mut_ptr()) };
        // SAFETY: `L` passed `Facts::WRITABLE` (checked above); the array's
        // elements, exactly `L`'s, are borrowed exclusively for `'a` (what an
        // `ArrayViewMut<'a, ..>` is), and the array is consumed.
        Ok(unsafe { ViewMut::from_base(base) })
    }
}

impl<'a, E, L: Layout> From<View<'a, E, L>> for ArrayView<'a, E, <L::Index as NdarrayDim>::Nd>
where
    L::Index: NdarrayDim,
{
    /// [`View::into_ndarray`].
    fn from(view: View<'a, E, L>) -> Self {
        view.into_ndarray()
    }
}

impl<'a, E, L: UniqueLayout> From<ViewMut<'a, E, L>> for ArrayViewMut<'a, E, <L::Index as NdarrayDim>::Nd>
where
    L::Index: NdarrayDim,
{
    /// [`ViewMut::into_ndarray`].
    fn from(view: ViewMut<'a, E, L>) -> Self {
        view.into_ndarray()
    }
}
