//! Iteration along an axis: the rows of a matrix (`rows()`, `outer_iter()`,
//! views through [`Trailing<L, 1>`]) and the views along any axis
//! (`axis_iter(Axis::<A>)`, views through [`Without<L, A>`]), read-only and
//! writable. Each item is a view of one rank fewer, as pointer-sized as its
//! parent; the writable ones are disjoint because the parent is unique.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::certificate::{unique_record, Certificate, RECORD_CAPACITY};
use crate::facts::Facts;
use crate::layout::{Dim, Layout, Subview, UniqueLayout};
use crate::proof::{Uniqueness, MAX_RANK};
use crate::raw::Base;
use crate::shape::AnyShape;
use crate::trailing::{
    based_len, based_offset, fill_index, fill_strides, trailing_base_at, unreachable_as_empty, SubviewFacts, Trailing,
};
use crate::view::View;
use crate::view_mut::ViewMut;

/// An axis, as a type: `view.axis_iter(Axis::<1>)` walks the views along
/// axis 1. The axis is a constant so that each view's layout is one too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Axis<const A: usize>;

/// The layout of `L` without axis `A`: what [`View::axis_iter`] yields,
/// based at its own lowest element like [`Trailing`]. Its numbers are
/// computed here from `L`'s; `L`'s `Subview<1>` names its index type.
/// When axis `A` has extent 0, no view exists, and the extents are all 0.
pub struct Without<L, const A: usize>(PhantomData<L>);

impl<L, const A: usize> Clone for Without<L, A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L, const A: usize> Copy for Without<L, A> {}

impl<L, const A: usize> fmt::Debug for Without<L, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Without<{}, {A}>", core::any::type_name::<L>())
    }
}

/// `values` without position `axis`, padded to `MAX_RANK`.
const fn removed<T: Copy>(values: &[T], axis: usize, zero: T) -> [T; MAX_RANK] {
    let mut out = [zero; MAX_RANK];
    let (mut k, mut j) = (0, 0);
    while k < values.len() && j < MAX_RANK {
        if k != axis {
            out[j] = values[k];
            j += 1;
        }
        k += 1;
    }
    out
}

/// The numbers of `Without<L, A>`, as arrays that can be borrowed for `'static`.
struct Parts<L, const A: usize>(PhantomData<L>);

impl<L: Layout, const A: usize> Parts<L, A> {
    const RANK: usize = if A < <L::Index as Dim>::RANK {
        <L::Index as Dim>::RANK - 1
    } else {
        <L::Index as Dim>::RANK
    };
    const SHAPE: [usize; MAX_RANK] = removed(L::SHAPE_SLICE, A, 0);
    const STRIDES: [isize; MAX_RANK] = removed(L::STRIDES_SLICE, A, 0);
    const RECORD: [i128; RECORD_CAPACITY] = match Facts::<L>::UNIQUENESS {
        // Fixing one coordinate of a unique, non-empty layout leaves a unique
        // one: two colliding indices of the rest, with that coordinate put
        // back, would collide in `L`. (An empty layout is unique whatever its
        // other axes do: it says nothing about them.)
        Uniqueness::Unique if Facts::<L>::SIZE > 0 => {
            unique_record(Self::SHAPE.split_at(Self::RANK).0, Self::STRIDES.split_at(Self::RANK).0)
        }
        _ => [0; RECORD_CAPACITY],
    };
}

impl<L: Subview<1>, const A: usize> Layout for Without<L, A> {
    type Index = L::Rest;
    type Shape = AnyShape;
    const SHAPE: L::Rest = fill_index::<L::Rest>(Self::SHAPE_SLICE);
    const STRIDES: <L::Rest as Dim>::Strides = fill_strides::<L::Rest>(Self::STRIDES_SLICE);
    const SHAPE_SLICE: &'static [usize] = unreachable_as_empty(
        Parts::<L, A>::SHAPE.split_at(Parts::<L, A>::RANK).0,
        AxisFacts::<L, A>::EXTENT == 0,
    );
    const STRIDES_SLICE: &'static [isize] = Parts::<L, A>::STRIDES.split_at(Parts::<L, A>::RANK).0;
    const OFFSET: usize = based_offset(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const BUFFER_LEN: usize = based_len(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const NAME: &'static str = L::NAME;
    // SAFETY: the record states uniqueness only when `L` is proven unique and
    // not empty, and then it is true of these numbers (see `Parts::RECORD`).
    const CERTIFICATE: Certificate = unsafe { Certificate::new(&Parts::<L, A>::RECORD) };
}

#[diagnostic::do_not_recommend]
impl<L: UniqueLayout + Subview<1>, const A: usize> UniqueLayout for Without<L, A> {}

/// The checks behind `axis_iter`, once per layout and axis.
struct AxisFacts<L, const A: usize>(PhantomData<L>);

impl<L: Subview<1>, const A: usize> AxisFacts<L, A> {
    /// The axis exists and the layout without it is consistent and in
    /// bounds. (When axis `A` has extent 0, no view is made, and that
    /// layout is empty: `unreachable_as_empty`.)
    const READABLE: () = {
        if A >= <L::Index as Dim>::RANK {
            panic!("axis_iter: the axis is not below the layout's rank");
        }
        if <L::Rest as Dim>::RANK + 1 != <L::Index as Dim>::RANK {
            panic!("a `Subview<1>` implementation names an index type whose rank is not RANK - 1");
        }
        let () = Facts::<Without<L, A>>::READABLE;
    };

    /// As `READABLE`, and the layout without the axis is proven unique.
    const WRITABLE: () = {
        let () = Self::READABLE;
        let () = Facts::<Without<L, A>>::WRITABLE;
    };

    /// The extent of axis `A` (0 past the rank: then nothing is yielded).
    const EXTENT: usize = if A < L::SHAPE_SLICE.len() { L::SHAPE_SLICE[A] } else { 0 };
}

/// The base of the view at position `i` of axis `A`, for `i < EXTENT`.
///
/// `Without<L, A>` (call it `W`) reaches `base' + W::OFFSET + Σ_{k≠A} j_k
/// s_k`. With `base' = base + OFFSET + i s_A - W::OFFSET`, that is `L`'s
/// element at `j` with `i` inserted at axis `A`; and `OFFSET + i s_A -
/// W::OFFSET` is itself `L`'s element with the other coordinates at the ends
/// of their negative strides, so `base'` lies in the buffer and `W`'s
/// highest element is one of `L`'s. An empty `L` gives empty views that keep
/// `base`.
#[inline(always)]
fn without_base<E, L: Subview<1>, const A: usize>(base: Base<E, L>, i: usize) -> Base<E, Without<L, A>> {
    const { AxisFacts::<L, A>::READABLE }
    if Facts::<L>::SIZE == 0 {
        // SAFETY:
        // - `Without<L, A>` passed `Facts::READABLE` (above);
        // - it is empty (an extent other than `A`'s is 0, since `L` is
        //   empty and `i < EXTENT`), so it reaches no element and requires
        //   0 elements.
        return unsafe { base.advance(0) };
    }
    let stride = L::STRIDES_SLICE[A];
    let start = L::OFFSET
        .wrapping_add_signed((i as isize).wrapping_mul(stride))
        .wrapping_sub(<Without<L, A> as Layout>::OFFSET);
    // SAFETY:
    // - `Without<L, A>` passed `Facts::READABLE` (above);
    // - `L` is non-empty and `i < EXTENT` (the callers' loop), so `start +
    //   e` is an element of `L` for every element `e` of `W`, and `W`'s
    //   required length fits (see above).
    unsafe { base.advance(start) }
}

/// Front and back positions along one axis.
#[derive(Clone)]
struct Span {
    front: usize,
    back: usize,
}

impl Span {
    fn new(extent: usize) -> Self {
        Span { front: 0, back: extent }
    }

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.front - 1
        })
    }

    #[inline(always)]
    fn next_back(&mut self) -> Option<usize> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.back
        })
    }

    /// Skips `n` positions at the front (all that are left if fewer).
    #[inline(always)]
    fn skip(&mut self, n: usize) {
        self.front = self.front.saturating_add(n).min(self.back);
    }

    /// Skips `n` positions at the back (all that are left if fewer).
    #[inline(always)]
    fn skip_back(&mut self, n: usize) {
        self.back = self.back.saturating_sub(n).max(self.front);
    }

    fn len(&self) -> usize {
        self.back - self.front
    }
}

macro_rules! along {
    (
        $(#[$doc:meta])*
        $name:ident<$($param:ident),*>, $bound:ident, $marker:ty, $item:ty,
        |$base:ident, $i:ident| $make:expr,
        extent: $extent:expr, check: $check:expr,
        $safety:literal
    ) => {
        $(#[$doc])*
        pub struct $name<'a, E, L: $bound $(, const $param: usize)*> {
            base: Base<E, L>,
            span: Span,
            marker: PhantomData<$marker>,
        }

        impl<'a, E, L: $bound + Subview<1> $(, const $param: usize)*> $name<'a, E, L $(, $param)*> {
            #[doc = $safety]
            #[inline]
            pub(crate) unsafe fn new(base: Base<E, L>) -> Self {
                const { $check }
                $name {
                    base,
                    span: Span::new($extent),
                    marker: PhantomData,
                }
            }
        }

        impl<'a, E, L: $bound + Subview<1> $(, const $param: usize)*> Iterator for $name<'a, E, L $(, $param)*> {
            type Item = $item;

            #[inline(always)]
            fn next(&mut self) -> Option<$item> {
                let $i = self.span.next()?;
                let $base = self.base;
                Some($make)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.span.len(), Some(self.span.len()))
            }

            #[inline]
            fn count(self) -> usize {
                self.span.len()
            }

            #[inline]
            fn last(mut self) -> Option<$item> {
                self.next_back()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.span.skip(n);
                self.next()
            }
        }

        impl<'a, E, L: $bound + Subview<1> $(, const $param: usize)*> DoubleEndedIterator for $name<'a, E, L $(, $param)*> {
            #[inline(always)]
            fn next_back(&mut self) -> Option<$item> {
                let $i = self.span.next_back()?;
                let $base = self.base;
                Some($make)
            }

            #[inline]
            fn nth_back(&mut self, n: usize) -> Option<$item> {
                self.span.skip_back(n);
                self.next_back()
            }
        }

        impl<'a, E, L: $bound + Subview<1> $(, const $param: usize)*> ExactSizeIterator for $name<'a, E, L $(, $param)*> {}
        impl<'a, E, L: $bound + Subview<1> $(, const $param: usize)*> FusedIterator for $name<'a, E, L $(, $param)*> {}
    };
}

along! {
    /// The read-only views along axis 0 (see [`View::rows`]).
    Rows<>, Layout, &'a [E], View<'a, E, Trailing<L, 1>>,
    |base, i| {
        // SAFETY: `i` is below the extent of axis 0 (the span).
        let row = unsafe { trailing_base_at::<E, L, 1>(base, &[i]) };
        // SAFETY: the row's elements are elements of `L` (see
        // `trailing_base`), which `new`'s caller may read for `'a` with no
        // writer.
        unsafe { View::from_base(row) }
    },
    extent: AxisFacts::<L, 0>::EXTENT, check: SubviewFacts::<L, 1>::READABLE,
    "# Safety\nThe caller may read the elements of `L` behind `base` for `'a`, and nothing writes to them meanwhile."
}

along! {
    /// The writable views along axis 0 (see [`ViewMut::rows_mut`]).
    RowsMut<>, UniqueLayout, &'a mut [E], ViewMut<'a, E, Trailing<L, 1>>,
    |base, i| {
        // SAFETY: `i` is below the extent of axis 0 (the span).
        let row = unsafe { trailing_base_at::<E, L, 1>(base, &[i]) };
        // SAFETY: the trailing layout of a unique layout passed
        // `Facts::WRITABLE` (checked by `new`); row `i`'s elements are
        // elements of `L` with first coordinate `i`, so rows of distinct `i`
        // share none (`L` is unique), and each `i` is yielded once; `new`'s
        // caller has exclusive access to `L`'s elements for `'a`.
        unsafe { ViewMut::from_base(row) }
    },
    extent: AxisFacts::<L, 0>::EXTENT, check: SubviewFacts::<L, 1>::WRITABLE,
    "# Safety\nThe caller has exclusive access to the elements of `L` behind `base` for `'a`, and `L` passed `Facts::WRITABLE`."
}

along! {
    /// The read-only views along axis `A` (see [`View::axis_iter`]).
    AxisIter<A>, Layout, &'a [E], View<'a, E, Without<L, A>>,
    |base, i| {
        // SAFETY: `i` is below the extent of axis `A`, so `without_base`
        // gives that view's base; its elements are elements of `L`, which
        // `new`'s caller may read for `'a` with no writer.
        unsafe { View::from_base(without_base::<E, L, A>(base, i)) }
    },
    extent: AxisFacts::<L, A>::EXTENT, check: AxisFacts::<L, A>::READABLE,
    "# Safety\nAs for `Rows::new`."
}

along! {
    /// The writable views along axis `A` (see [`ViewMut::axis_iter_mut`]).
    AxisIterMut<A>, UniqueLayout, &'a mut [E], ViewMut<'a, E, Without<L, A>>,
    |base, i| {
        // SAFETY: `Without<L, A>` passed `Facts::WRITABLE` (checked by
        // `new`); view `i`'s elements are elements of `L` with coordinate `i`
        // at axis `A`, so views of distinct `i` share none (`L` is unique),
        // and each `i` is yielded once; `new`'s caller has exclusive access
        // to `L`'s elements for `'a`.
        unsafe { ViewMut::from_base(without_base::<E, L, A>(base, i)) }
    },
    extent: AxisFacts::<L, A>::EXTENT, check: AxisFacts::<L, A>::WRITABLE,
    "# Safety\nAs for `RowsMut::new`."
}

// The axis iterators of the views, here beside the iterators they make
// (the view modules do not import this one).

impl<'a, E, L: Layout> View<'a, E, L> {
    /// The views along axis 0 (the rows of a matrix): `v[i]` of NumPy for
    /// each `i`, each a view of one rank fewer, as pointer-sized as this one.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data);
    /// let sums: Vec<i32> = grid.rows().map(|row| row.sum()).collect();
    /// assert_eq!(sums, [3, 12]);
    /// ```
    #[inline]
    pub fn rows(self) -> Rows<'a, E, L>
    where
        L: Subview<1>,
    {
        // SAFETY: this view may read `L`'s elements for `'a` with no writer.
        unsafe { Rows::new(self.base()) }
    }
    /// The views along axis 0: the same as [`rows`](Self::rows), by
    /// ndarray's name.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let grid = Grid::view(&data);
    /// assert_eq!(grid.outer_iter().count(), 2);
    /// ```
    #[inline]
    pub fn outer_iter(self) -> Rows<'a, E, L>
    where
        L: Subview<1>,
    {
        self.rows()
    }
    /// The views along axis `A` (`a[:, i]` of NumPy for `A = 1`, for each
    /// `i`), each without that axis: `v.axis_iter(Axis::<1>)`.
    ///
    /// ```
    /// use view_core::Axis;
    /// view_macros::strided_view! {
    ///     Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let data = [0, 1, 2, 3, 4, 5];
    /// let columns: Vec<i32> = Grid::view(&data).axis_iter(Axis::<1>).map(|c| c.sum()).collect();
    /// assert_eq!(columns, [3, 5, 7]);
    /// ```
    #[inline]
    pub fn axis_iter<const A: usize>(self, axis: Axis<A>) -> AxisIter<'a, E, L, A>
    where
        L: Subview<1>,
        Without<L, A>: Layout,
    {
        let _ = axis;
        // SAFETY: this view may read `L`'s elements for `'a` with no writer.
        unsafe { AxisIter::new(self.base()) }
    }
}

impl<E, L: UniqueLayout> ViewMut<'_, E, L> {
    /// The read-only views along axis 0 (see [`View::rows`]).
    #[inline]
    pub fn rows(&self) -> Rows<'_, E, L>
    where
        L: Subview<1>,
    {
        self.as_view().rows()
    }
    /// The read-only views along axis 0, by ndarray's name.
    #[inline]
    pub fn outer_iter(&self) -> Rows<'_, E, L>
    where
        L: Subview<1>,
    {
        self.rows()
    }
    /// The writable views along axis 0: distinct rows of a unique layout
    /// share no element, so all of them may be alive at once.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// for (k, mut row) in grid.rows_mut().enumerate() {
    ///     row.fill(k as i32);
    /// }
    /// assert_eq!(data, [0, 0, 0, 1, 1, 1]);
    /// ```
    #[inline]
    pub fn rows_mut(&mut self) -> RowsMut<'_, E, L>
    where
        L: Subview<1>,
    {
        // SAFETY: exclusive access to the elements of `L` for the borrow of
        // `self`; `L` passed `Facts::WRITABLE`.
        unsafe { RowsMut::new(self.base()) }
    }
    /// The writable views along axis 0, by ndarray's name.
    ///
    /// ```
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0, 1, 2, 3, 4, 5];
    /// let mut grid = Grid::view_mut(&mut data);
    /// let mut rows = grid.outer_iter_mut();
    /// let (mut top, mut bottom) = (rows.next().unwrap(), rows.next().unwrap());
    /// top.copy_from(&bottom); // both alive at once: the rows are disjoint
    /// bottom.fill(0);
    /// assert_eq!(data, [3, 4, 5, 0, 0, 0]);
    /// ```
    #[inline]
    pub fn outer_iter_mut(&mut self) -> RowsMut<'_, E, L>
    where
        L: Subview<1>,
    {
        self.rows_mut()
    }
    /// The read-only views along axis `A` (see [`View::axis_iter`]).
    #[inline]
    pub fn axis_iter<const A: usize>(&self, axis: Axis<A>) -> AxisIter<'_, E, L, A>
    where
        L: Subview<1>,
        Without<L, A>: Layout,
    {
        self.as_view().axis_iter(axis)
    }
    /// The writable views along axis `A`, each without that axis; disjoint,
    /// like [`rows_mut`](Self::rows_mut).
    ///
    /// ```
    /// use view_core::Axis;
    /// view_macros::strided_view! {
    ///     mut Grid: [i32; 6] { shape: [2, 3] }
    /// }
    /// let mut data = [0; 6];
    /// for (j, mut column) in Grid::view_mut(&mut data).axis_iter_mut(Axis::<1>).enumerate() {
    ///     column.fill(j as i32);
    /// }
    /// assert_eq!(data, [0, 1, 2, 0, 1, 2]);
    /// ```
    #[inline]
    pub fn axis_iter_mut<const A: usize>(&mut self, axis: Axis<A>) -> AxisIterMut<'_, E, L, A>
    where
        L: Subview<1>,
        Without<L, A>: UniqueLayout,
    {
        let _ = axis;
        // SAFETY: exclusive access to the elements of `L` for the borrow of
        // `self`; `L` passed `Facts::WRITABLE`.
        unsafe { AxisIterMut::new(self.base()) }
    }
}
