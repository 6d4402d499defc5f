//! The proof: one source of truth for every check, as `const fn`.
//!
//! The same functions run in three places (DESIGN §3):
//! 1. in the `strided_view!` macro at expansion time, for spanned errors;
//! 2. in an item-level `const _: () = ..;` backstop the macro emits, which
//!    covers layouts written with named constants and fires under
//!    `cargo check`;
//! 3. at run time, in `try_view` and for layouts known only at run time.
//!
//! Nothing here allocates: searches take a caller-provided scratch bitset,
//! whose size is the budget. The backstops below use
//! [`CONST_SCRATCH_WORDS`]; the macro, which runs compiled code, uses far more.
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

pub use disjoint::{check_disjoint, check_disjoint_bounded, LayoutParts, Overlap, SharedElement};
pub use footprint::{
    c_order_stride, c_order_strides, check_bounds, elements_from_bytes, size_of_shape, BoundsError, Culprit, Footprint,
};
pub use index::{element_of, IndexWitness, MAX_RANK};
pub use message::{describe_bounds, describe_bytes, describe_overlap, describe_uniqueness, Message};
pub use unique::{check_unique, check_unique_bounded, Collision, Uniqueness};

/// Scratch words (64 positions each) the const-evaluated backstops may use:
/// 2^14 positions. Const evaluation is interpreted, so this stays small; the
/// macro decides literal layouts with a budget of 2^27 positions.
pub const CONST_SCRATCH_WORDS: usize = 256;

/// Converts a `usize` offset for the proof, which works in `isize`; an offset
/// above `isize::MAX` becomes an overflow error.
const fn signed_offset(offset: usize, rank: usize) -> Result<isize, BoundsError> {
    if offset > isize::MAX as usize {
        Err(BoundsError::Overflow {
            index: IndexWitness::zeros(rank),
            element: Some(offset as i128),
            culprit: Culprit::Offset,
        })
    } else {
        Ok(offset as isize)
    }
}

/// [`check_bounds`] for a `usize` offset, as layouts store it.
pub const fn check_layout(
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    len: usize,
) -> Result<Footprint, BoundsError> {
    match signed_offset(offset, shape.len()) {
        Ok(offset) => check_bounds(shape, strides, offset, len),
        Err(e) => Err(e),
    }
}

/// Which token a backstop check speaks for: the macro emits one check per
/// stride and offset it can point at, each spanned at its token, and a last
/// check (`Any`) spanned at the layout's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Blame {
    /// Fires when the stride of this axis is to blame.
    Stride(usize),
    /// Fires when the offset is to blame.
    Offset,
    /// Fires on any rejection.
    Any,
}

/// The backstop for bounds: the message of [`describe_bounds`] if the layout
/// is not in bounds for `len` elements and the rejection is `blame`'s.
///
/// The generated code panics with it in a `const` item (a compile error that
/// fires under `cargo check` too).
pub const fn bounds_failure(
    name: &str,
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    len: usize,
    blame: Blame,
) -> Option<Message> {
    let error = match check_layout(shape, strides, offset, len) {
        Ok(_) => return None,
        Err(error) => error,
    };
    let culprit = match error {
        BoundsError::PastEnd { culprit, .. }
        | BoundsError::BeforeStart { culprit, .. }
        | BoundsError::Overflow { culprit, .. } => Some(culprit),
        _ => None,
    };
    let fires = match (blame, culprit) {
        (Blame::Any, _) => true,
        (Blame::Stride(k), Some(Culprit::Stride(axis))) => k == axis,
        (Blame::Offset, Some(Culprit::Offset)) => true,
        (Blame::Offset, None) => matches!(error, BoundsError::EmptyOffsetOutside { .. }),
        _ => false,
    };
    if fires {
        Some(describe_bounds(name, &error))
    } else {
        None
    }
}

/// The backstop for `mut` layouts: the message of [`describe_uniqueness`]
/// unless the layout is proven unique within [`CONST_SCRATCH_WORDS`].
pub const fn uniqueness_failure(name: &str, shape: &[usize], strides: &[isize], offset: usize) -> Option<Message> {
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    let verdict = check_unique(shape, strides, offset as isize, &mut scratch);
    describe_uniqueness(name, &verdict)
}

/// Whether the layout is proven unique within the const budget (`false` when
/// it is not unique, or when the budget could not decide).
pub const fn is_proven_unique(shape: &[usize], strides: &[isize], offset: usize) -> bool {
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    matches!(
        check_unique(shape, strides, offset as isize, &mut scratch),
        Uniqueness::Unique
    )
}

/// The backstop for `split`: the message of [`describe_overlap`] unless
/// members `a` and `b` are proven disjoint within the const budget.
pub const fn disjointness_failure(
    split: &str,
    a_name: &str,
    a: LayoutParts<'_>,
    b_name: &str,
    b: LayoutParts<'_>,
) -> Option<Message> {
    let mut scratch = [0u64; CONST_SCRATCH_WORDS];
    let verdict = check_disjoint(a, b, &mut scratch);
    describe_overlap(split, a_name, b_name, &verdict)
}

/// Element strides from NumPy byte strides, or the message naming the first
/// byte stride that is not a multiple of `elem_size`.
pub const fn strides_from_bytes<const R: usize>(
    name: &str,
    byte_strides: [isize; R],
    elem_size: usize,
) -> Result<[isize; R], Message> {
    let mut strides = [0isize; R];
    let mut k = 0;
    while k < R {
        strides[k] = match elements_from_bytes(byte_strides[k] as i128, elem_size) {
            Some(s) => s as isize,
            None => return Err(describe_bytes(name, "byte stride", byte_strides[k] as i128, elem_size)),
        };
        k += 1;
    }
    Ok(strides)
}

/// The element offset from a NumPy byte offset, or the message saying it is
/// not a multiple of `elem_size`.
pub const fn offset_from_bytes(name: &str, byte_offset: usize, elem_size: usize) -> Result<usize, Message> {
    match elements_from_bytes(byte_offset as i128, elem_size) {
        Some(offset) => Ok(offset as usize),
        None => Err(describe_bytes(name, "byte offset", byte_offset as i128, elem_size)),
    }
}

/// The backstop for byte strides of a primitive type: a message unless
/// `size_of::<E>()` is the size the macro assumed when it converted them.
pub const fn element_size_failure(name: &str, assumed: usize, actual: usize) -> Option<Message> {
    if assumed == actual {
        None
    } else {
        Some(
            Message::new()
                .str("layout ")
                .name(name)
                .str(": its element type is not the primitive its name suggests (size_of differs); byte strides cannot be converted"),
        )
    }
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
