//! The trust root: what view-core believes about a layout, computed from the
//! layout's numbers in const evaluation on the compilation target.
//!
//! Every constructor of a view evaluates [`Facts::READABLE`] (and
//! [`Facts::WRITABLE`] for writable views) in a `const` block, so a layout
//! whose numbers fail is a compile error wherever a view of it would be made.
//! Nothing here trusts a value reached through a path in the user's crate:
//! the inputs are the layout's own constants (checked against each other and
//! against the numbers the macro proved, [`Layout::WRITTEN`]) and its
//! certificate, whose records carry the numbers they speak of.
//!
//! These checks are post-monomorphization: `cargo check` does not run them,
//! `cargo build` does. The macro adds item-level checks for `cargo check`'s
//! sake (see `__private`); soundness never depends on those.

// Verdicts and messages are built once per layout in const evaluation,
// which cannot box; their size is irrelevant there (as in `proof`).
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

use core::marker::PhantomData;

use crate::layout::{Dim, Layout, Verdict};
use crate::proof::{
    bounds_fix, check_layout, describe_bounds, describe_bounds_fixed, describe_uniqueness, search_unique_const,
    size_of_shape, unique_by_rules, BoundsError, BoundsFix, Footprint, Message, Uniqueness, Units,
};
use crate::shape::ShapeType;

/// Facts about layout `L`, each a constant computed once per layout.
pub struct Facts<L>(PhantomData<L>);

/// Which number of a layout a [`Problem`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// The extent of this axis.
    Extent(usize),
    /// The stride of this axis.
    Stride(usize),
    /// The offset.
    Offset,
    /// The buffer length.
    BufferLen,
    /// A value met while the macro evaluated the numbers (an intermediate
    /// result of an expression such as `4294967296 * 2 / 4`).
    Computed,
}

/// Why view-core refuses a layout's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The constants contradict each other (`SHAPE` and `SHAPE_SLICE`
    /// differ, or the index type has another rank): not a layout the macro
    /// wrote.
    Inconsistent,
    /// `WRITTEN` is not in its format.
    Malformed,
    /// A number the macro proved does not fit this target's `usize`/`isize`,
    /// so the constant the target sees is another number.
    Narrowed {
        /// Which number.
        what: Number,
        /// Its value as written and proven.
        written: i128,
        /// Whether it stands for an `isize` (else a `usize`).
        signed: bool,
    },
    /// Out of bounds.
    Bounds(BoundsError),
}

impl<L: Layout> Facts<L> {
    /// The verdict on the numbers: consistent, as proven, in bounds.
    pub const CHECK: Result<Footprint, Problem> = check::<L>();

    /// The number of indices, `Π SHAPE`.
    pub const SIZE: usize = match size_of_shape(L::SHAPE_SLICE) {
        Some(size) => size,
        None => panic!("a layout's size exceeds isize::MAX"),
    };

    /// The shortest buffer the layout fits in: highest element + 1 (the
    /// offset when empty), also for a layout too long for its `BUFFER_LEN`;
    /// `usize::MAX` for one no buffer holds (an element before 0 or past
    /// `isize::MAX`) or whose constants are inconsistent.
    pub const REQUIRED_LEN: usize = match Self::CHECK {
        Ok(Footprint::Empty) => L::OFFSET,
        Ok(Footprint::Elements { highest, .. }) => highest + 1,
        // Out of its buffer, but every element at or after 0: the buffer it
        // would need (what the bounds error names as its REQUIRED_LEN).
        Err(Problem::Bounds(_)) => {
            match bounds_fix(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET as isize, L::BUFFER_LEN) {
                BoundsFix::Len(len) | BoundsFix::Offset { or_len: len, .. } if L::OFFSET <= isize::MAX as usize => len,
                _ => usize::MAX,
            }
        }
        Err(_) => usize::MAX,
    };

    /// Elements actually spanned (0 when empty; `usize::MAX` when no buffer holds it).
    pub const REQUIRED_SPAN: usize = match Self::CHECK {
        Ok(footprint) => footprint.required_span(),
        Err(_) => usize::MAX,
    };

    /// The uniqueness decision: the cheap rules, then the certificate, then
    /// a bounded search with const evaluation's budget.
    pub const UNIQUENESS: Uniqueness = uniqueness::<L>();

    /// [`UNIQUENESS`](Self::UNIQUENESS) as a three-valued answer.
    pub const VERDICT: Verdict = match Self::UNIQUENESS {
        Uniqueness::Unique => Verdict::Proven,
        Uniqueness::Collision(_) | Uniqueness::Crowded { .. } => Verdict::Refuted,
        Uniqueness::Undecided { .. } => Verdict::Undecided,
    };

    /// Evaluated by every constructor of a read-only view: a compile error
    /// naming the layout and the witness unless [`CHECK`](Self::CHECK) passed.
    pub const READABLE: () = match Self::CHECK {
        Ok(_) => (),
        Err(problem) => panic!("{}", describe_problem_of::<L>(&problem, Units::Elements).as_str()),
    };

    /// Evaluated by every constructor of a writable view: `READABLE`, and a
    /// compile error unless the layout is proven unique.
    pub const WRITABLE: () = {
        let () = Self::READABLE;
        if let Some(message) = describe_uniqueness(L::NAME, &Self::UNIQUENESS) {
            panic!("{}", message.as_str())
        }
    };
}

/// `SHAPE` as a slice.
///
/// The local copy is taken by the caller; `Dim` is sealed and implemented
/// only for `[usize; RANK]`, so the index is `RANK` consecutive `usize`s.
pub(crate) const fn index_slice<D: Dim>(index: &D) -> &[usize] {
    // SAFETY:
    // - `D` is `[usize; D::RANK]` (the only implementation of the sealed
    //   `Dim`), so the pointer is valid for reads of `D::RANK` `usize`s,
    //   aligned, and the memory is initialised;
    // - the slice borrows `index`, so it lives no longer than it and nothing
    //   writes to it meanwhile (shared borrow).
    unsafe { core::slice::from_raw_parts(index as *const D as *const usize, D::RANK) }
}

/// `STRIDES` as a slice (see [`index_slice`]).
pub(crate) const fn strides_slice<D: Dim>(strides: &D::Strides) -> &[isize] {
    // SAFETY:
    // - `D::Strides` is `[isize; D::RANK]` (the only implementation of the
    //   sealed `Dim`), so the pointer is valid for reads of `D::RANK`
    //   `isize`s, aligned, and the memory is initialised;
    // - the slice borrows `strides` shared, for no longer than it lives.
    unsafe { core::slice::from_raw_parts(strides as *const D::Strides as *const isize, D::RANK) }
}

/// The exact bounds rule on the target's numbers, after checking that they
/// are consistent and are the numbers the macro proved.
const fn check<L: Layout>() -> Result<Footprint, Problem> {
    let shape = L::SHAPE;
    let strides = L::STRIDES;
    if !same_values(index_slice::<L::Index>(&shape), L::SHAPE_SLICE)
        || !same_signed(strides_slice::<L::Index>(&strides), L::STRIDES_SLICE)
    {
        return Err(Problem::Inconsistent);
    }
    if let Some(extents) = <L::Shape as ShapeType>::EXTENTS {
        if !same_values(extents, L::SHAPE_SLICE) {
            return Err(Problem::Inconsistent);
        }
    }
    if let Err(problem) = check_written::<L>() {
        return Err(problem);
    }
    match check_layout(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET, L::BUFFER_LEN) {
        Ok(footprint) => Ok(footprint),
        Err(error) => Err(Problem::Bounds(error)),
    }
}

/// Marks a number of `WRITTEN` the macro could not evaluate.
pub const UNKNOWN: i128 = i128::MIN;

/// The target's numbers against `WRITTEN` (when the macro wrote it).
const fn check_written<L: Layout>() -> Result<(), Problem> {
    let w = L::WRITTEN;
    if w.is_empty() {
        return Ok(());
    }
    let rank = L::SHAPE_SLICE.len();
    if w.len() != 2 * rank + 6 || w[0] != rank as i128 {
        return Err(Problem::Malformed);
    }
    let mut k = 0;
    while k < rank {
        let extent = w[1 + k];
        if extent != UNKNOWN && extent != L::SHAPE_SLICE[k] as i128 {
            return Err(narrowed(Number::Extent(k), extent, false));
        }
        let stride = w[1 + rank + k];
        if stride != UNKNOWN && stride != L::STRIDES_SLICE[k] as i128 {
            return Err(narrowed(Number::Stride(k), stride, true));
        }
        k += 1;
    }
    let (offset, len) = (w[1 + 2 * rank], w[2 + 2 * rank]);
    if offset != UNKNOWN && offset != L::OFFSET as i128 {
        return Err(narrowed(Number::Offset, offset, false));
    }
    if len != UNKNOWN && len != L::BUFFER_LEN as i128 {
        return Err(narrowed(Number::BufferLen, len, false));
    }
    let (usize_high, isize_low, isize_high) = (w[3 + 2 * rank], w[4 + 2 * rank], w[5 + 2 * rank]);
    if usize_high > usize::MAX as i128 {
        return Err(narrowed(Number::Computed, usize_high, false));
    }
    if isize_low < isize::MIN as i128 {
        return Err(narrowed(Number::Computed, isize_low, true));
    }
    if isize_high > isize::MAX as i128 {
        return Err(narrowed(Number::Computed, isize_high, true));
    }
    Ok(())
}

const fn narrowed(what: Number, written: i128, signed: bool) -> Problem {
    Problem::Narrowed { what, written, signed }
}

const fn same_values(a: &[usize], b: &[usize]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

const fn same_signed(a: &[isize], b: &[isize]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Rules, then certificate, then const evaluation's bounded search.
const fn uniqueness<L: Layout>() -> Uniqueness {
    let (shape, strides) = (L::SHAPE_SLICE, L::STRIDES_SLICE);
    let offset = if L::OFFSET > isize::MAX as usize {
        isize::MAX
    } else {
        L::OFFSET as isize
    };
    if let Some(verdict) = unique_by_rules(shape, strides, offset) {
        return verdict;
    }
    if L::CERTIFICATE.says_unique(shape, strides) {
        return Uniqueness::Unique;
    }
    if let Some(collision) = L::CERTIFICATE.collision(shape, strides, offset) {
        return Uniqueness::Collision(collision);
    }
    search_unique_const(shape, strides, offset)
}

/// Describes a [`Problem`] of layout `L`, a bounds error with its fix (in
/// `units`), in the macro's words for the same layout written with literals.
pub const fn describe_problem_of<L: Layout>(problem: &Problem, units: Units) -> Message {
    match *problem {
        Problem::Bounds(error) if L::OFFSET <= isize::MAX as usize => {
            let fix = bounds_fix(L::SHAPE_SLICE, L::STRIDES_SLICE, L::OFFSET as isize, L::BUFFER_LEN);
            describe_bounds_fixed(L::NAME, &error, fix, units)
        }
        _ => describe_problem(L::NAME, problem),
    }
}

/// Describes a [`Problem`] of layout `name`.
pub const fn describe_problem(name: &str, problem: &Problem) -> Message {
    match *problem {
        Problem::Bounds(error) => describe_bounds(name, &error),
        Problem::Inconsistent => Message::new()
            .str("layout ")
            .name(name)
            .str(": its constants contradict each other (SHAPE and SHAPE_SLICE, or STRIDES and STRIDES_SLICE, or SHAPE and the Shape type, differ, or the index type has another rank)"),
        Problem::Malformed => Message::new()
            .str("layout ")
            .name(name)
            .str(": its WRITTEN record is not in the format view-core reads"),
        Problem::Narrowed { what, written, signed } => {
            let m = Message::new().str("layout ").name(name).str(": ");
            let m = match what {
                Number::Extent(axis) => m.str("the extent of axis ").uint(axis as u128),
                Number::Stride(axis) => m.str("the stride of axis ").uint(axis as u128),
                Number::Offset => m.str("the offset"),
                Number::BufferLen => m.str("the buffer length"),
                Number::Computed => m.str("a value computed for its numbers"),
            };
            let m = m.str(", ").int(written).str(", does not fit this target's ");
            let m = if signed {
                m.str("isize (")
                    .int(isize::MIN as i128)
                    .str(" to ")
                    .int(isize::MAX as i128)
                    .str(")")
            } else {
                m.str("usize (0 to ").uint(usize::MAX as u128).str(")")
            };
            m.str("; the layout was proven with that value, and here it would mean another layout")
        }
    }
}
