//! Derived layouts: `pub D = P.t().flip(0);` as a type relation, checked
//! by re-applying the operations in const evaluation on the target.

// Messages are built once per layout in const evaluation, which cannot box.
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

use core::marker::PhantomData;

use crate::algebra::{apply_all, describe_algebra, AlgebraError, Op, Strided};
use crate::facts::Facts;
use crate::layout::Layout;
use crate::proof::Message;

/// A layout derived from `P` by the layout algebra (`pub D = P.t().flip(0);`).
///
/// A view through `P` becomes a view through `Self` with no run-time work:
/// both layouts address the same buffer from its start, so only the type
/// changes (`View::derive`, `ViewMut::derive_mut`, or the generated `D::of`).
///
/// Nothing here is taken on trust: `derive` re-applies [`OPS`](Self::OPS)
/// to `P`'s numbers with view-core's algebra, in const evaluation on the
/// compilation target, and accepts only if the result is exactly `Self`'s
/// numbers. Every operation maps the indices of its result to indices of its
/// operand, so `Self` then reaches only elements `P` reaches: what a view of
/// `P` may read (or write) covers every element of `Self`.
pub trait DerivedFrom<P: Layout>: Layout {
    /// The operations that make `Self` from `P`, in order.
    const OPS: &'static [Op<'static>];
}

/// Why a derived layout is refused.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DerivedProblem {
    /// The two layouts were declared for buffers of different lengths.
    BufferLen,
    /// An operation cannot be applied to `P` (its index, its error).
    Operation(usize, AlgebraError),
    /// The operations make other numbers than `Self`'s.
    Different,
}

/// The checks behind `derive`, once per pair.
pub(crate) struct DerivedFacts<P, D>(PhantomData<(P, D)>);

impl<P: Layout, D: DerivedFrom<P>> DerivedFacts<P, D> {
    const CHECK: Result<(), DerivedProblem> = check::<P, D>();

    /// Evaluated by `derive`: `D` readable, and the operations make `D` from `P`.
    pub(crate) const READABLE: () = {
        let () = Facts::<D>::READABLE;
        if let Err(problem) = Self::CHECK {
            panic!("{}", describe::<P, D>(&problem).as_str())
        }
    };

    /// Evaluated by `derive_mut`: as `READABLE`, and `D` proven unique.
    pub(crate) const WRITABLE: () = {
        let () = Self::READABLE;
        let () = Facts::<D>::WRITABLE;
    };
}

const fn check<P: Layout, D: DerivedFrom<P>>() -> Result<(), DerivedProblem> {
    if P::BUFFER_LEN != D::BUFFER_LEN {
        return Err(DerivedProblem::BufferLen);
    }
    // Offsets above isize::MAX are rejected by `Facts::READABLE` of both.
    let parent = match Strided::new(P::SHAPE_SLICE, P::STRIDES_SLICE, P::OFFSET as isize) {
        Ok(parent) => parent,
        Err(e) => return Err(DerivedProblem::Operation(0, e)),
    };
    match apply_all(parent, D::OPS) {
        Ok(result) if result.same_as(D::SHAPE_SLICE, D::STRIDES_SLICE, D::OFFSET as isize) => Ok(()),
        Ok(_) => Err(DerivedProblem::Different),
        Err((k, e)) => Err(DerivedProblem::Operation(k, e)),
    }
}

const fn describe<P: Layout, D: DerivedFrom<P>>(problem: &DerivedProblem) -> Message {
    let m = Message::new().str("layout ").name(D::NAME);
    match *problem {
        DerivedProblem::BufferLen => m
            .str(" is derived from ")
            .name(P::NAME)
            .str(", but the two were declared for buffers of different lengths"),
        DerivedProblem::Operation(k, e) => {
            let op = if k < D::OPS.len() { D::OPS[k].name() } else { "parent" };
            describe_algebra(D::NAME, op, &e)
        }
        DerivedProblem::Different => m
            .str(": its operations make other numbers of ")
            .name(P::NAME)
            .str(" than its own shape, strides and offset, so it is not derived from it"),
    }
}
