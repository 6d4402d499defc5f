//! The proof: one source of truth for every check, as `const fn`.
//!
//! The same functions run in three places:
//! 1. in the `strided_view!` macro at expansion time, for spanned errors and
//!    for the certificates of the hard cases;
//! 2. in const evaluation on the compilation target, where every view
//!    constructor checks its layout ([`Facts`](crate::facts::Facts)), and in
//!    the item-level checks the macro emits so that `cargo check` reports;
//! 3. at run time, for layouts known only at run time.
//!
//! Nothing here allocates: searches take a caller-provided scratch bitset,
//! whose size is the budget. Const evaluation uses [`CONST_SCRATCH_WORDS`];
//! the macro, which runs compiled code, uses far more.
//!
//! Verdicts carry their witnesses by value ([`IndexWitness`] is a fixed array
//! of [`MAX_RANK`] coordinates): without an allocator they cannot be boxed,
//! and they are built once per layout, at compile time, so their size is
//! irrelevant; hence the two clippy size lints are allowed here.
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

mod disjoint;
mod footprint;
mod index;
mod message;
mod search;
mod unique;

pub use disjoint::{check_disjoint, check_disjoint_bounded, disjoint_by_rules, LayoutParts, Overlap, SharedElement};
pub(crate) use footprint::fits_fast;
pub use footprint::{
    bounds_fix, c_order_stride, c_order_strides, check_bounds, elements_from_bytes, size_of_shape, BoundsError,
    BoundsFix, Culprit, Footprint,
};
pub use index::{element_of, IndexWitness, MAX_RANK};
pub use message::{
    describe_bounds, describe_bounds_fixed, describe_byte_offset, describe_byte_stride, describe_overlap,
    describe_uniqueness, Message, Units,
};
pub(crate) use message::{
    describe_run_time_bounds_fixed, describe_run_time_buffer_bytes, describe_run_time_bytes,
    describe_run_time_mismatch, describe_run_time_overlap, describe_run_time_too_big, describe_run_time_uniqueness,
};
#[cfg(feature = "ndarray")]
pub(crate) use unique::nests;
pub(crate) use unique::unique_fast;
pub use unique::{check_unique, check_unique_bounded, unique_by_rules, Collision, Uniqueness};

/// Scratch words (64 positions each) const evaluation may use:
/// 2^14 positions. Const evaluation is interpreted, so this stays small; the
/// macro decides literal layouts with a budget of 2^27 positions.
pub const CONST_SCRATCH_WORDS: usize = 256;

/// [`check_unique`]'s search part with const evaluation's budget
/// ([`CONST_SCRATCH_WORDS`]), for layouts the rules did not settle.
pub(crate) const fn search_unique_const(shape: &[usize], strides: &[isize], offset: isize) -> Uniqueness {
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    unique::search_unique(shape, strides, offset, &mut scratch, CONST_SCRATCH_WORDS as u64 * 256)
}

/// [`check_disjoint`]'s search part with const evaluation's budget.
pub(crate) const fn search_disjoint_const(a: LayoutParts<'_>, b: LayoutParts<'_>) -> Overlap {
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    disjoint::search_disjoint(a, b, &mut scratch, CONST_SCRATCH_WORDS as u64 * 256)
}

/// [`check_bounds`] for a `usize` offset, as layouts store it.
pub const fn check_layout(
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    len: usize,
) -> Result<Footprint, BoundsError> {
    footprint::check_bounds_wide(shape, strides, offset as i128, len)
}

/// Elements actually spanned by an in-bounds layout (0 when empty).
pub const fn required_span(shape: &[usize], strides: &[isize], offset: usize) -> usize {
    match check_layout(shape, strides, offset, isize::MAX as usize) {
        Ok(footprint) => footprint.required_span(),
        Err(_) => usize::MAX,
    }
}

/// The shortest buffer the layout fits in: highest element + 1, or the offset
/// when the layout is empty; `usize::MAX` when no buffer fits it.
pub const fn required_len(shape: &[usize], strides: &[isize], offset: usize) -> usize {
    match check_layout(shape, strides, offset, isize::MAX as usize) {
        Ok(Footprint::Empty) => offset,
        Ok(Footprint::Elements { highest, .. }) => highest + 1,
        Err(_) => usize::MAX,
    }
}

/// Whether two shapes are equal, for compile-time shape checks.
pub const fn same_shape(a: &[usize], b: &[usize]) -> bool {
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
