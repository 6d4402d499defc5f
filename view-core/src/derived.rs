//! Derived layouts: `pub D = P.t().flip(0);` as a type relation, checked
//! by re-applying the operations in const evaluation on the target.

// Messages are built once per layout in const evaluation, which cannot box.
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

use core::marker::PhantomData;

use crate::algebra::{apply_all, describe_algebra, AlgebraError, Op, Strided};
use crate::certificate::{unique_record, Certificate, RECORD_CAPACITY};
use crate::facts::Facts;
use crate::layout::{Dim, Layout};
use crate::proof::{Message, Uniqueness, MAX_RANK};
use crate::trailing::{fill_index, fill_strides};

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

/// The layout `ops` make of `P`'s numbers, computed in const evaluation on
/// the target: what a derived layout whose parent the macro could not
/// evaluate (named constants, const parameters, another invocation) writes
/// as its constants. An operation that cannot be applied is a compile error
/// with the algebra's message, naming `name` (the derived layout).
pub(crate) const fn derive_numbers<P: Layout>(name: &str, ops: &[Op<'_>]) -> Strided {
    match try_derive_numbers::<P>(ops) {
        Ok(result) => result,
        Err((None, e)) => panic!("{}", describe_algebra(name, "parent", &e).as_str()),
        Err((Some(k), e)) => panic!("{}", describe_algebra(name, ops[k].name(), &e).as_str()),
    }
}

/// The layout `ops` make of `P`'s numbers, or the operation that cannot be
/// applied (`None`: the parent's numbers themselves) and why.
const fn try_derive_numbers<P: Layout>(ops: &[Op<'_>]) -> Result<Strided, (Option<usize>, AlgebraError)> {
    // An offset above isize::MAX makes `P` unreadable; it saturates here and
    // the derived layout's own check reports the parent's.
    let offset = if P::OFFSET > isize::MAX as usize {
        isize::MAX
    } else {
        P::OFFSET as isize
    };
    let parent = match Strided::new(P::SHAPE_SLICE, P::STRIDES_SLICE, offset) {
        Ok(parent) => parent,
        Err(e) => return Err((None, e)),
    };
    match apply_all(parent, ops) {
        Ok(result) => Ok(result),
        Err((k, e)) => Err((Some(k), e)),
    }
}

/// The message of the first operation of `ops` that cannot be applied to
/// `P`, if it is operation `at` (for the macro's item-level check spanned at
/// that operation); `None` when they all apply.
pub(crate) const fn derivation_failure<P: Layout>(name: &str, ops: &[Op<'_>], at: usize) -> Option<Message> {
    match try_derive_numbers::<P>(ops) {
        Ok(_) => None,
        Err((None, e)) => Some(describe_algebra(name, "parent", &e)),
        Err((Some(k), e)) if k == at => Some(describe_algebra(name, ops[k].name(), &e)),
        Err(_) => None,
    }
}

/// The certificate of a derived layout `D`, made by view-core: uniqueness of
/// `D`'s numbers when `P` is proven unique, every operation is index-injective,
/// and the operations make exactly `D`'s numbers from `P`'s.
pub struct DerivedCertificate<P, D>(PhantomData<(P, D)>);

impl<P: Layout, D: DerivedFrom<P>> DerivedCertificate<P, D> {
    const RECORD: [i128; RECORD_CAPACITY] = if matches!(Facts::<P>::UNIQUENESS, Uniqueness::Unique)
        && all_injective(D::OPS)
        && matches!(check::<P, D>(), Ok(()))
    {
        unique_record(D::SHAPE_SLICE, D::STRIDES_SLICE)
    } else {
        [0; RECORD_CAPACITY]
    };

    /// What a derived layout's `CERTIFICATE` is when the macro could not
    /// decide its uniqueness itself.
    // SAFETY: the record states uniqueness of `D`'s numbers only when `P` is
    // proven unique and `D`'s numbers are what index-injective operations
    // make of `P`'s: two indices of `D` reaching one element would map to two
    // distinct indices of `P` reaching it.
    pub const CERTIFICATE: Certificate = unsafe { Certificate::new(&Self::RECORD) };
}

const fn all_injective(ops: &[Op<'_>]) -> bool {
    let mut k = 0;
    while k < ops.len() {
        if !ops[k].is_injective() {
            return false;
        }
        k += 1;
    }
    true
}

/// The numbers of a derived layout `D` computed in const evaluation: view-core's
/// algebra applied to `P`'s numbers with `D`'s operations. What a derived
/// layout the macro could not compute (its parent written with named
/// constants, generic, or declared elsewhere) writes as its constants.
pub struct DerivedParts<P, D>(PhantomData<(P, D)>);

impl<P: Layout, D: DerivedFrom<P>> DerivedParts<P, D> {
    /// The derived numbers; a compile error naming `D` and the operation if
    /// one cannot be applied.
    const NUMBERS: Strided = derive_numbers::<P>(D::NAME, D::OPS);
    const SHAPE_ARRAY: [usize; MAX_RANK] = padded(Self::NUMBERS.shape(), 0);
    const STRIDES_ARRAY: [isize; MAX_RANK] = padded(Self::NUMBERS.strides(), 0);

    /// `D`'s extents.
    pub const SHAPE_SLICE: &'static [usize] = Self::SHAPE_ARRAY.split_at(Self::NUMBERS.rank()).0;
    /// `D`'s strides.
    pub const STRIDES_SLICE: &'static [isize] = Self::STRIDES_ARRAY.split_at(Self::NUMBERS.rank()).0;
    /// `D`'s extents as its index type (a rank other than the index type's
    /// leaves `SHAPE` and `SHAPE_SLICE` different, which `Facts` refuses).
    pub const SHAPE: D::Index = fill_index::<D::Index>(Self::SHAPE_SLICE);
    /// `D`'s strides as its stride array.
    pub const STRIDES: <D::Index as Dim>::Strides = fill_strides::<D::Index>(Self::STRIDES_SLICE);
    /// `D`'s extents for its shape type (`Shape2<{ EXTENTS[0] }, ..>`),
    /// zeros where the operations cannot be applied: evaluated when the type
    /// is checked, so it must not fail there; the item's spanned check
    /// reports the failure, at the operation.
    pub const EXTENTS: [usize; MAX_RANK] = match try_derive_numbers::<P>(D::OPS) {
        Ok(numbers) => padded(numbers.shape(), 0),
        Err(_) => [0; MAX_RANK],
    };
    /// `D`'s offset: an element of `P`, so not negative for a readable `P`.
    pub const OFFSET: usize = if Self::NUMBERS.offset() < 0 {
        0
    } else {
        Self::NUMBERS.offset() as usize
    };
}

/// `values` padded with `zero` to `MAX_RANK`.
const fn padded<T: Copy>(values: &[T], zero: T) -> [T; MAX_RANK] {
    let mut out = [zero; MAX_RANK];
    let mut k = 0;
    while k < values.len() && k < MAX_RANK {
        out[k] = values[k];
        k += 1;
    }
    out
}
