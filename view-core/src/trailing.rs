//! `Trailing<L, K>`: the layout of `L`'s last `RANK - K` axes, what
//! `subview` returns after fixing the first `K` coordinates at run time.
//!
//! Its numbers are computed here from `L`'s, so that the arithmetic the
//! sub-view's pointer relies on lives in view-core: the trailing layout is
//! based at its own lowest element (offset `Σ |s| (n - 1)` over its negative
//! strides) and its buffer is its required length. `L` only names the index
//! type ([`Subview::Rest`]), which stable Rust cannot compute.

use core::fmt;
use core::marker::PhantomData;

use crate::certificate::{unique_record, Certificate, RECORD_CAPACITY};
use crate::facts::Facts;
use crate::layout::{Dim, Layout, Subview};
use crate::proof::{Uniqueness, MAX_RANK};
use crate::raw::Base;
use crate::shape::AnyShape;

/// The layout of the axes `K..` of `L` (see [`View::subview`](crate::View::subview)).
///
/// When one of `L`'s first `K` extents is 0, no sub-view exists, and the
/// trailing extents are all 0 (an empty layout, which every check passes).
pub struct Trailing<L, const K: usize>(PhantomData<L>);

impl<L, const K: usize> Clone for Trailing<L, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L, const K: usize> Copy for Trailing<L, K> {}

impl<L, const K: usize> fmt::Debug for Trailing<L, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Trailing<{}, {K}>", core::any::type_name::<L>())
    }
}

#[diagnostic::do_not_recommend]
impl<L: crate::UniqueLayout + Subview<K>, const K: usize> crate::UniqueLayout for Trailing<L, K> {}

/// The slice before position `k` (all of it past the end).
pub(crate) const fn before<T>(values: &[T], k: usize) -> &[T] {
    if k <= values.len() {
        values.split_at(k).0
    } else {
        values
    }
}

/// The slice from position `k` on (empty past the end).
pub(crate) const fn from<T>(values: &[T], k: usize) -> &[T] {
    if k <= values.len() {
        values.split_at(k).1
    } else {
        &[]
    }
}

/// `Σ |s| (n - 1)` over the axes whose stride has the wanted sign
/// (saturating; a layout where it saturates is out of bounds anyway).
pub(crate) const fn reach(shape: &[usize], strides: &[isize], negative: bool) -> usize {
    let mut total: usize = 0;
    let mut k = 0;
    while k < shape.len() && k < strides.len() {
        let s = strides[k];
        if shape[k] > 0 && ((negative && s < 0) || (!negative && s > 0)) {
            total = total.saturating_add(s.unsigned_abs().saturating_mul(shape[k] - 1));
        }
        k += 1;
    }
    total
}

/// The offset of a layout based at its own lowest element, as the layouts
/// view-core computes are (`Trailing`, `Without`, `Patch`): `Σ |s| (n - 1)`
/// over its negative strides, 0 when it is empty.
pub(crate) const fn based_offset(shape: &[usize], strides: &[isize]) -> usize {
    if has_zero(shape) {
        0
    } else {
        reach(shape, strides, true)
    }
}

/// The buffer length of such a layout: its required length, the offset plus
/// `Σ s (n - 1)` over its positive strides plus one, 0 when it is empty.
pub(crate) const fn based_len(shape: &[usize], strides: &[isize]) -> usize {
    if has_zero(shape) {
        0
    } else {
        based_offset(shape, strides)
            .saturating_add(reach(shape, strides, false))
            .saturating_add(1)
    }
}

pub(crate) const fn has_zero(shape: &[usize]) -> bool {
    let mut k = 0;
    while k < shape.len() {
        if shape[k] == 0 {
            return true;
        }
        k += 1;
    }
    false
}

/// Copies `values` into an index array (zeros past the end of `values`).
pub(crate) const fn fill_index<D: Dim>(values: &[usize]) -> D {
    let mut out = D::ZEROS;
    let ptr = &mut out as *mut D as *mut usize;
    let mut k = 0;
    while k < D::RANK && k < values.len() {
        // SAFETY: `D` is `[usize; D::RANK]` (the only implementation of the
        // sealed `Dim`) and `k < D::RANK`, so the offset stays inside `out`.
        let slot = unsafe { ptr.add(k) };
        // SAFETY:
        // - `slot` points to element `k` of the array `out`: in bounds, aligned;
        // - `out` is a local owned here, borrowed by nothing else.
        unsafe { *slot = values[k] };
        k += 1;
    }
    out
}

/// Copies `values` into a stride array (zeros past the end of `values`).
pub(crate) const fn fill_strides<D: Dim>(values: &[isize]) -> D::Strides {
    let mut out = D::ZERO_STRIDES;
    let ptr = &mut out as *mut D::Strides as *mut isize;
    let mut k = 0;
    while k < D::RANK && k < values.len() {
        // SAFETY: `D::Strides` is `[isize; D::RANK]` (the only implementation
        // of the sealed `Dim`) and `k < D::RANK`, so the offset stays inside `out`.
        let slot = unsafe { ptr.add(k) };
        // SAFETY:
        // - `slot` points to element `k` of the array `out`: in bounds, aligned;
        // - `out` is a local owned here, borrowed by nothing else.
        unsafe { *slot = values[k] };
        k += 1;
    }
    out
}

impl<L: Subview<K>, const K: usize> Layout for Trailing<L, K> {
    type Index = L::Rest;
    type Shape = AnyShape;
    const SHAPE: L::Rest = fill_index::<L::Rest>(Self::SHAPE_SLICE);
    const STRIDES: <L::Rest as Dim>::Strides = fill_strides::<L::Rest>(Self::STRIDES_SLICE);
    const SHAPE_SLICE: &'static [usize] = unreachable_as_empty(from(L::SHAPE_SLICE, K), SubviewFacts::<L, K>::NO_INDEX);
    const STRIDES_SLICE: &'static [isize] = from(L::STRIDES_SLICE, K);
    const OFFSET: usize = based_offset(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const BUFFER_LEN: usize = based_len(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const NAME: &'static str = L::NAME;
    // SAFETY: the record is made by `TrailingRecord`, which states uniqueness
    // only when `L` is proven unique and not empty; the trailing axes of such
    // a layout are unique (two trailing indices reaching one position would
    // make `[i.., t]` and `[i.., t']` reach one element of `L`, for any
    // leading index `i`, which exists since `L` is not empty).
    const CERTIFICATE: Certificate = unsafe { Certificate::new(&TrailingRecord::<L, K>::RECORD) };
}

/// `shape`, or as many zeros when no view of the layout can be made
/// (`unreachable`): such a layout's numbers are unconstrained by its
/// parent's bounds, and an empty layout passes every check, so that the
/// checks a `const` body names (which rustc evaluates on every branch) do
/// not refuse an operation that never makes a view.
pub(crate) const fn unreachable_as_empty(shape: &'static [usize], unreachable: bool) -> &'static [usize] {
    const ZEROS: &[usize; MAX_RANK] = &[0; MAX_RANK];
    if unreachable && shape.len() <= MAX_RANK {
        ZEROS.split_at(shape.len()).0
    } else {
        shape
    }
}

/// The certificate record of `Trailing<L, K>`: `UNIQUE` for its numbers
/// when `L` is proven unique, nothing otherwise.
struct TrailingRecord<L, const K: usize>(PhantomData<L>);

impl<L: Subview<K>, const K: usize> TrailingRecord<L, K> {
    // Only for a non-empty `L`: an empty layout is unique whatever its other
    // axes do (it has no index), and says nothing about its trailing axes.
    const RECORD: [i128; RECORD_CAPACITY] = match Facts::<L>::UNIQUENESS {
        Uniqueness::Unique if Facts::<L>::SIZE > 0 => unique_record(from(L::SHAPE_SLICE, K), from(L::STRIDES_SLICE, K)),
        _ => [0; RECORD_CAPACITY],
    };
}

/// Checks behind `subview`: evaluated in its `const` block.
pub(crate) struct SubviewFacts<L, const K: usize>(PhantomData<L>);

impl<L: Subview<K>, const K: usize> SubviewFacts<L, K> {
    /// Whether some of the first `K` extents is 0: then no index of the
    /// leading axes exists and `subview` never makes a view. The trailing
    /// layout is then empty (`unreachable_as_empty`), so its checks pass.
    pub(crate) const NO_INDEX: bool = has_zero(before(L::SHAPE_SLICE, K));

    /// The trailing layout is consistent (its index type has rank
    /// `RANK - K`) and in bounds for its own buffer.
    pub(crate) const READABLE: () = {
        if K > <L::Index as Dim>::RANK || <L::Rest as Dim>::RANK != <L::Index as Dim>::RANK - K {
            panic!("a `Subview<K>` implementation names an index type whose rank is not RANK - K");
        }
        let () = Facts::<Trailing<L, K>>::READABLE;
    };

    /// As `READABLE`, and the trailing layout is proven unique.
    pub(crate) const WRITABLE: () = {
        let () = Self::READABLE;
        let () = Facts::<Trailing<L, K>>::WRITABLE;
    };
}

/// The base of the trailing view at `index` of `L`'s leading axes, or `None`
/// if a coordinate is outside the shape.
///
/// The trailing layout `T` reaches `base' + T::OFFSET + Σ_{a>=K} i_a s_a`.
/// With `base' = base + e0 - T::OFFSET`, where `e0` is the element of
/// `[index.., 0..]`, that is the element of `L` at `[index.., i..]`: every
/// element the sub-view reaches is an element of `L`, and `e0 - T::OFFSET`
/// is itself such an element (trailing coordinates at the ends of the
/// negative strides), so `base'` stays in the buffer, and `T`'s highest
/// element is `L`'s element at `[index.., t]` for some `t`, below `L`'s
/// required length. An empty trailing layout (when `L` is empty) reaches
/// nothing and keeps `base`.
#[inline]
pub(crate) fn trailing_base<E, L: Subview<K>, const K: usize>(
    base: Base<E, L>,
    index: &[usize; K],
) -> Option<Base<E, Trailing<L, K>>> {
    if SubviewFacts::<L, K>::NO_INDEX {
        return None;
    }
    for (axis, &i) in index.iter().enumerate() {
        match L::SHAPE_SLICE.get(axis) {
            Some(&n) if i < n => {}
            _ => return None,
        }
    }
    // SAFETY: every coordinate of `index` is inside its axis (checked above).
    Some(unsafe { trailing_base_at(base, index) })
}

/// [`trailing_base`] for an index known to be inside the leading axes.
///
/// # Safety
/// `index[k] < L::SHAPE[k]` for every `k < K`.
#[inline(always)]
pub(crate) unsafe fn trailing_base_at<E, L: Subview<K>, const K: usize>(
    base: Base<E, L>,
    index: &[usize; K],
) -> Base<E, Trailing<L, K>> {
    const { SubviewFacts::<L, K>::READABLE }
    if Facts::<L>::SIZE == 0 {
        // SAFETY:
        // - `Trailing<L, K>` passed `Facts::READABLE` (above);
        // - it is empty (some trailing extent is 0: the leading extents are
        //   not, since an index inside them exists), so it reaches no
        //   element and requires 0 elements.
        return unsafe { base.advance(0) };
    }
    let mut element = L::OFFSET;
    for (&i, &s) in index.iter().zip(L::STRIDES_SLICE) {
        element = element.wrapping_add_signed((i as isize).wrapping_mul(s));
    }
    let start = element.wrapping_sub(<Trailing<L, K> as Layout>::OFFSET);
    // SAFETY:
    // - `Trailing<L, K>` passed `Facts::READABLE` (above);
    // - `L` is non-empty and every coordinate of `index` is inside its axis
    //   (the caller's contract), so `start + e` is an element of `L` for
    //   every element `e` of the trailing layout, and its required length
    //   fits (see `trailing_base`).
    unsafe { base.advance(start) }
}
