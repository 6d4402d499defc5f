//! The layout algebra as methods of the run-time views: NumPy's view
//! operations (`view-core`'s [`algebra`](crate::algebra)), applied to the
//! view's numbers when called, the pointer moved to the result's element of
//! index `[0, ..]`.
//!
//! **The rank of a result.** Stable Rust cannot write `R - 1` or `2 R` in a
//! type, so the operations that change the rank (`index`, `diagonal`,
//! `new_axis`, `windows`) take the result's rank as a const parameter `Q`
//! (`view.index::<1>(0, 2)`, or inferred from the binding), and a `Q` that
//! is not the result's rank is an error ([`DynError::Rank`](super::DynError::Rank))
//! when called; `reshape` and `broadcast_to` take it from their argument.
//! Every fallible operation returns `Result<_, DynError>`, with the
//! algebra's error and words ([`DynError::Algebra`](super::DynError::Algebra)).

use core::ops::{Range, RangeFrom, RangeFull, RangeTo};

/// The bounds argument of `slice` on a run-time view: `s..e`, `s..`, `..e`
/// or `..` of `isize`, or the pair `(s, e)` (a negative bound counts from
/// the end, as in NumPy and the macro's `slice(axis, s..e)`); an omitted
/// bound is the natural end for the step's direction. Inclusive ranges are
/// not taken (`..=-1` would have no NumPy spelling).
///
/// Write NumPy's `a[1:-1]` as `(1, -1)`: a literal range `1..-1` reads as
/// empty to clippy, whose `reversed_empty_ranges` lint (an error by
/// default) rejects it, although here it means "from 1 to one before the end".
///
/// ```
/// use view_core::{DynLayout, DynView};
///
/// let data = [0, 1, 2, 3, 4, 5];
/// let line = DynView::new(&data[..], DynLayout::new([6], [1], 0, 6)?)?;
/// assert!(line.slice(0, (1, -1))?.iter().copied().eq([1, 2, 3, 4]));
/// assert!(line.slice(0, 4..)?.iter().copied().eq([4, 5]));
/// assert!(line.slice(0, ..2)?.iter().copied().eq([0, 1]));
/// assert!(line.slice(0, -3..)?.iter().copied().eq([3, 4, 5]));
/// assert_eq!(line.slice(0, ..)?.len(), 6);
/// # Ok::<(), view_core::DynError>(())
/// ```
pub trait SliceRange: sealed::Sealed {
    /// The first and second bounds, `None` where omitted.
    fn bounds(self) -> (Option<isize>, Option<isize>);
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for core::ops::Range<isize> {}
    impl Sealed for core::ops::RangeFrom<isize> {}
    impl Sealed for core::ops::RangeTo<isize> {}
    impl Sealed for core::ops::RangeFull {}
    impl Sealed for (isize, isize) {}
    impl Sealed for (Option<isize>, Option<isize>) {}
}

impl SliceRange for (isize, isize) {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (Some(self.0), Some(self.1))
    }
}

impl SliceRange for (Option<isize>, Option<isize>) {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        self
    }
}

impl SliceRange for Range<isize> {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (Some(self.start), Some(self.end))
    }
}

impl SliceRange for RangeFrom<isize> {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (Some(self.start), None)
    }
}

impl SliceRange for RangeTo<isize> {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (None, Some(self.end))
    }
}

impl SliceRange for RangeFull {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (None, None)
    }
}

/// The operations whose result reaches each element at most once when the
/// operand does (every one but `windows` and `broadcast_to`), for `DynView`
/// and `DynViewMut`; `$ty` is the type, `$setup` the doc examples' first
/// lines, which make `view`: shape `[2, 3, 4]`, C order, element
/// `[i, j, k]` holding `12 i + 4 j + k`. Each method consumes the view (a
/// `DynView` is `Copy`; reborrow a `DynViewMut` first to keep it).
macro_rules! algebra_methods {
    ($ty:ident, $setup:literal) => {
        /// The axes in reverse order (NumPy's `a.T`). No check, no failure.
        ///
        #[doc = concat!("```\n", $setup, "
let t = view.t();
assert_eq!((t.shape(), t.strides()), ([4, 3, 2], [1, 4, 12]));
assert_eq!(t[[3, 2, 1]], 23);
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn t(self) -> Self {
            let base = self.base.t();
            // SAFETY: the same elements (`DynBase::t`), with the access `self`
            // (consumed) had; the same index-to-element map with the
            // coordinates reversed, so still unique where `self` was.
            unsafe { Self::from_base(base) }
        }

        /// Result axis `k` is axis `axes[k]` (NumPy's `np.transpose(a, axes)`);
        /// `axes` must be a permutation of `0..R`.
        ///
        #[doc = concat!("```\n", $setup, "
let p = view.permute([2, 0, 1])?;
assert_eq!(p.shape(), [4, 2, 3]);
assert_eq!(p[[3, 1, 2]], 12 + 8 + 3);
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn permute(self, axes: [usize; R]) -> Result<Self, DynError> {
            self.derive(crate::algebra::Op::Permute(&axes))
        }

        /// Axes `a` and `b` exchanged (NumPy's `np.swapaxes`).
        ///
        #[doc = concat!("```\n", $setup, "
let s = view.swap_axes(0, 2)?;
assert_eq!((s.shape(), s.strides()), ([4, 3, 2], [1, 4, 12]));
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn swap_axes(self, a: usize, b: usize) -> Result<Self, DynError> {
            self.derive(crate::algebra::Op::SwapAxes(a, b))
        }

        /// Axis `axis` runs backwards (NumPy's `np.flip(a, axis)`): the
        /// pointer moves to the new element of index `[0, ..]`.
        ///
        #[doc = concat!("```\n", $setup, "
let f = view.flip(1)?;
assert_eq!((f.strides(), f[[0, 0, 0]]), ([12, -4, 1], 8));
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn flip(self, axis: usize) -> Result<Self, DynError> {
            self.derive(crate::algebra::Op::Flip(axis))
        }

        /// `a[s:e]` on axis `axis` (NumPy's basic slicing, step 1): a
        /// negative bound counts from the end, an omitted one is the end; a
        /// bound past the end is an error (NumPy would clamp it). The bounds
        /// are a range or a pair ([`SliceRange`](super::SliceRange): `(1,
        /// -1)` for NumPy's `1:-1`).
        ///
        #[doc = concat!("```\n", $setup, "
let s = view.slice(2, (1, -1))?;
assert_eq!((s.shape(), s[[0, 0, 0]]), ([2, 3, 2], 1));
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn slice(self, axis: usize, range: impl super::SliceRange) -> Result<Self, DynError> {
            self.slice_step(axis, range, 1)
        }

        /// `a[s:e:step]` on axis `axis`: as [`slice`](Self::slice) with a
        /// step (negative: backwards, from `s`, by default the last index).
        ///
        #[doc = concat!("```\n", $setup, "
let s = view.slice_step(2, .., 2)?;
assert_eq!((s.shape(), s.strides()), ([2, 3, 2], [12, 4, 2]));
let backwards = s.slice_step(0, .., -1)?;
assert_eq!(backwards[[0, 0, 1]], 12 + 2);
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn slice_step(self, axis: usize, range: impl super::SliceRange, step: isize) -> Result<Self, DynError> {
            let (start, stop) = range.bounds();
            self.derive(crate::algebra::Op::Slice {
                axis,
                start,
                stop,
                step,
            })
        }

        /// `a[i]` on axis `axis` (`a[:, i]` for axis 1): the axis is
        /// dropped, so the result has rank `Q = R - 1` (checked when called);
        /// a negative `index` counts from the end.
        ///
        #[doc = concat!("```\n", $setup, "
let plane = view.index::<2>(0, 1)?; // view[1]
assert_eq!((plane.shape(), plane[[0, 0]]), ([3, 4], 12));
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn index<const Q: usize>(self, axis: usize, index: isize) -> Result<$ty<'a, E, Q>, DynError> {
            self.derive(crate::algebra::Op::Index(axis, index))
        }

        /// The diagonal `offset` of axes `axis1` and `axis2` (NumPy's
        /// `np.diagonal(a, offset, axis1, axis2)`): both axes removed, the
        /// diagonal last; the result has rank `Q = R - 1` (checked when called).
        ///
        #[doc = concat!("```\n", $setup, "
let d = view.diagonal::<2>(0, 1, 2)?; // view[i, j, j]
assert_eq!((d.shape(), d.strides()), ([2, 3], [12, 5]));
assert_eq!(d[[1, 2]], 12 + 8 + 2);
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn diagonal<const Q: usize>(
            self,
            offset: isize,
            axis1: usize,
            axis2: usize,
        ) -> Result<$ty<'a, E, Q>, DynError> {
            self.derive(crate::algebra::Op::Diagonal { offset, axis1, axis2 })
        }

        /// An axis of extent 1 at position `axis` (NumPy's
        /// `np.expand_dims(a, axis)`); the result has rank `Q = R + 1`
        /// (checked when called).
        ///
        #[doc = concat!("```\n", $setup, "
let e = view.new_axis::<4>(1)?;
assert_eq!(e.shape(), [2, 1, 3, 4]);
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn new_axis<const Q: usize>(self, axis: usize) -> Result<$ty<'a, E, Q>, DynError> {
            self.derive(crate::algebra::Op::NewAxis(axis))
        }

        /// The same elements in C order with another shape, where NumPy's
        /// `a.reshape(shape)` returns a view (one extent may be `-1`); a
        /// reshape that would need a copy is an error.
        ///
        #[doc = concat!("```\n", $setup, "
let r = view.reshape([6, -1])?;
assert_eq!((r.shape(), r.strides()), ([6, 4], [4, 1]));
# Ok::<(), view_core::DynError>(())
```")]
        #[inline]
        pub fn reshape<const Q: usize>(self, shape: [isize; Q]) -> Result<$ty<'a, E, Q>, DynError> {
            self.derive(crate::algebra::Op::Reshape(&shape))
        }
    };
}

pub(crate) use algebra_methods;
