//! `Patch<L, S>`: a block of shape `S` of a view of layout `L`, at a
//! position chosen at run time (`view.patch::<Shape2<3, 3>>([y, x])`).
//!
//! The patch keeps `L`'s strides; its numbers (computed here, like those of
//! [`Trailing`](crate::Trailing)) are based at its own lowest element, so
//! that the position only moves the view's pointer. The position is checked
//! once against the range `0..=n - s` of each axis, a constant; outside it
//! there is no patch (`None`). A patch of a unique layout is unique (it is a
//! box of the parent's indices), so a writable patch needs no decision; and
//! `patch_mut` borrows its parent mutably, so one patch exists at a time.

use core::fmt;
use core::marker::PhantomData;

use crate::certificate::{unique_record, Certificate, RECORD_CAPACITY};
use crate::facts::Facts;
use crate::layout::{Dim, Layout};
use crate::proof::{Message, Uniqueness};
use crate::raw::Base;
use crate::shape::ShapeType;
use crate::trailing::{based_len, based_offset, fill_index, has_zero};

/// The layout of a block of shape `S` (a [`Shape2<3, 3>`](crate::shape::Shape2)
/// of `L`'s rank) of a view of layout `L`, at a run-time position: see
/// [`View::patch`](crate::View::patch) and
/// [`ViewMut::patch_mut`](crate::ViewMut::patch_mut).
pub struct Patch<L, S>(PhantomData<fn() -> (L, S)>);

impl<L, S> Clone for Patch<L, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L, S> Copy for Patch<L, S> {}

impl<L, S> fmt::Debug for Patch<L, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Patch<{}, {}>",
            core::any::type_name::<L>(),
            core::any::type_name::<S>()
        )
    }
}

#[diagnostic::do_not_recommend]
impl<L: crate::UniqueLayout, S: ShapeType> crate::UniqueLayout for Patch<L, S> {}

/// The extents of `S`, empty for `AnyShape` (which `PatchFacts` refuses).
const fn extents<S: ShapeType>() -> &'static [usize] {
    match S::EXTENTS {
        Some(extents) => extents,
        None => &[],
    }
}

impl<L: Layout, S: ShapeType> Layout for Patch<L, S> {
    type Index = L::Index;
    type Shape = S;
    const SHAPE: L::Index = fill_index::<L::Index>(extents::<S>());
    const STRIDES: <L::Index as Dim>::Strides = L::STRIDES;
    const SHAPE_SLICE: &'static [usize] = extents::<S>();
    const STRIDES_SLICE: &'static [isize] = L::STRIDES_SLICE;
    const OFFSET: usize = based_offset(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const BUFFER_LEN: usize = based_len(Self::SHAPE_SLICE, Self::STRIDES_SLICE);
    const NAME: &'static str = L::NAME;
    // SAFETY: the record is made by `PatchRecord`, which states uniqueness
    // only when `L` is proven unique and every extent of `S` is at most
    // `L`'s: then two indices of the patch reaching one position would be
    // two indices of `L` (shifted by the same position) reaching one element.
    const CERTIFICATE: Certificate = unsafe { Certificate::new(&PatchRecord::<L, S>::RECORD) };
}

/// Whether `S` has `L`'s rank and fits inside `L`'s shape.
const fn fits<L: Layout, S: ShapeType>() -> bool {
    let (inner, outer) = (extents::<S>(), L::SHAPE_SLICE);
    if S::EXTENTS.is_none() || inner.len() != outer.len() {
        return false;
    }
    let mut k = 0;
    while k < inner.len() {
        if inner[k] > outer[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The certificate record of `Patch<L, S>`: `UNIQUE` for its numbers when
/// `L` is proven unique and `S` fits inside it, nothing otherwise.
struct PatchRecord<L, S>(PhantomData<(L, S)>);

impl<L: Layout, S: ShapeType> PatchRecord<L, S> {
    const RECORD: [i128; RECORD_CAPACITY] = match Facts::<L>::UNIQUENESS {
        Uniqueness::Unique if fits::<L, S>() => unique_record(extents::<S>(), L::STRIDES_SLICE),
        _ => [0; RECORD_CAPACITY],
    };
}

/// Checks behind `patch` and `patch_mut`, evaluated in their `const` blocks.
pub(crate) struct PatchFacts<L, S>(PhantomData<(L, S)>);

impl<L: Layout, S: ShapeType> PatchFacts<L, S> {
    /// Whether `L` is empty: then no position exists and no patch is made.
    const NO_POSITION: bool = has_zero(L::SHAPE_SLICE);

    /// `S` is a shape type of `L`'s rank that fits inside `L`. Its own
    /// constant, evaluated first: a constant that names `Facts::<Patch>`
    /// would have rustc evaluate that first, whose message for an `S` of
    /// another rank ("its constants contradict each other") says less.
    pub(crate) const FITS: () = {
        if S::EXTENTS.is_none() {
            panic!("a patch's shape must be written as a type, `Shape2<3, 3>`, not `AnyShape`");
        }
        if !fits::<L, S>() {
            let message = Message::new()
                .str("layout ")
                .name(L::NAME)
                .str(": a patch of shape ")
                .index(extents::<S>())
                .str(" does not fit inside its shape ")
                .index(L::SHAPE_SLICE)
                .str(" (a patch has the view's rank, and an extent at most the view's on every axis)");
            panic!("{}", message.as_str());
        }
    };

    /// `FITS`, and the patch layout is in bounds for its own buffer. (When
    /// `L` is empty, so is a patch that fits: its checks pass.)
    pub(crate) const READABLE: () = {
        let () = Self::FITS;
        let () = Facts::<Patch<L, S>>::READABLE;
    };

    /// As `READABLE`, and the patch is proven unique.
    pub(crate) const WRITABLE: () = {
        let () = Self::READABLE;
        let () = Facts::<Patch<L, S>>::WRITABLE;
    };
}

/// The base of the patch at `position` of a view of `L`, or `None` if the
/// patch would leave the shape on some axis (`position[k] > n_k - s_k`).
///
/// The patch layout `P` reaches `base' + P::OFFSET + Σ q_k s_k` for `q_k <
/// s_k`. With `base' = base + e - P::OFFSET`, where `e` is `L`'s element at
/// `position`, that is `L`'s element at `position + q`, an index inside
/// `L`'s shape: every element the patch reaches is an element of `L`. And
/// `e - P::OFFSET` is itself `L`'s element at `position + c` with `c_k = s_k
/// - 1` on the negative strides and 0 elsewhere (the patch's lowest element),
/// so `base'` stays in the buffer, and the patch's highest element is below
/// `L`'s required length. An empty patch reaches nothing and keeps `base`.
#[inline]
pub(crate) fn patch_base<E, L: Layout, S: ShapeType>(
    base: Base<E, L>,
    position: &L::Index,
) -> Option<Base<E, Patch<L, S>>> {
    const { PatchFacts::<L, S>::FITS }
    const { PatchFacts::<L, S>::READABLE }
    if PatchFacts::<L, S>::NO_POSITION {
        return None;
    }
    let (outer, inner) = (L::SHAPE_SLICE, extents::<S>());
    for (axis, &p) in position.as_ref().iter().enumerate() {
        // `inner[axis] <= outer[axis]` (PatchFacts), so no underflow.
        if p > outer[axis] - inner[axis] {
            return None;
        }
    }
    if Facts::<Patch<L, S>>::SIZE == 0 {
        // SAFETY:
        // - `Patch<L, S>` passed `Facts::READABLE` (PatchFacts, `L` not empty);
        // - it is empty, so it reaches no element and requires 0 elements.
        return Some(unsafe { base.advance(0) });
    }
    let mut element = L::OFFSET;
    for (&p, &s) in position.as_ref().iter().zip(L::STRIDES_SLICE) {
        element = element.wrapping_add_signed((p as isize).wrapping_mul(s));
    }
    let start = element.wrapping_sub(<Patch<L, S> as Layout>::OFFSET);
    // SAFETY:
    // - `Patch<L, S>` passed `Facts::READABLE` (PatchFacts, `L` not empty);
    // - `position + q` is inside `L`'s shape for every index `q` of the
    //   patch (checked above), so `start + e` is an element of `L` for every
    //   element `e` of the patch, and `start + REQUIRED_LEN` of the patch is
    //   at most `L`'s (see above). The wrapping arithmetic computes exact
    //   values: each partial sum is an element of `L` or the patch's lowest
    //   element, all in `0..REQUIRED_LEN` of `L`.
    Some(unsafe { base.advance(start) })
}
