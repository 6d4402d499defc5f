//! What the `strided_view!` macro's expansion names: not API.
//!
//! Everything here is public only because generated code in the user's
//! crate must reach it; it is `#[doc(hidden)]`, may change in any release,
//! and no program should name it. Soundness never rests on these items being
//! reached: they produce early, spanned errors for `cargo check`; the checks
//! that matter run inside view-core's constructors ([`Facts`]).

// Verdicts and messages are built once per layout in const evaluation,
// which cannot box; their size is irrelevant there (as in `proof`).
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

pub use crate::algebra::Op;
pub use crate::certificate::Certificate;
pub use crate::derived::DerivedCertificate;
pub use crate::facts::{Facts, UNKNOWN};
pub use crate::proof::c_order_strides;

use crate::facts::{describe_problem, Number, Problem};
use crate::layout::Layout;
use crate::proof::{describe_bytes, describe_uniqueness, elements_from_bytes, BoundsError, Culprit, Message};
use crate::split::Partition;

/// Which token an item-level check speaks for: the macro emits one check
/// per number it can point at, each spanned at its token, and a last one
/// (`Any`) spanned at the layout's name. The first that fires is the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Blame {
    /// Fires when the extent of this axis is to blame.
    Extent(usize),
    /// Fires when the stride of this axis is to blame.
    Stride(usize),
    /// Fires when the offset is to blame.
    Offset,
    /// Fires when the buffer length is to blame.
    Len,
    /// Fires on any rejection.
    Any,
}

/// The item-level check of a layout: the message of [`Facts::CHECK`]'s
/// rejection if it is `blame`'s to report.
///
/// The generated code panics with it in a `const` item (a compile error that
/// fires under `cargo check` too), spanned at the blamed token.
pub const fn layout_failure<L: Layout>(blame: Blame) -> Option<Message> {
    let problem = match Facts::<L>::CHECK {
        Ok(_) => return None,
        Err(problem) => problem,
    };
    let culprit = match problem {
        Problem::Bounds(
            BoundsError::PastEnd { culprit, .. }
            | BoundsError::BeforeStart { culprit, .. }
            | BoundsError::Overflow { culprit, .. },
        ) => Some(culprit),
        _ => None,
    };
    let narrowed = match problem {
        Problem::Narrowed { what, .. } => Some(what),
        _ => None,
    };
    let fires = match (blame, culprit, narrowed) {
        (Blame::Any, _, _) => true,
        (Blame::Extent(k), _, Some(Number::Extent(axis))) => k == axis,
        (Blame::Stride(k), Some(Culprit::Stride(axis)), _) | (Blame::Stride(k), _, Some(Number::Stride(axis))) => {
            k == axis
        }
        (Blame::Offset, Some(Culprit::Offset), _) | (Blame::Offset, _, Some(Number::Offset)) => true,
        (Blame::Offset, None, None) => matches!(problem, Problem::Bounds(BoundsError::EmptyOffsetOutside { .. })),
        (Blame::Len, _, Some(Number::BufferLen)) => true,
        (Blame::Len, _, _) => matches!(problem, Problem::Bounds(BoundsError::BufferTooLarge { .. })),
        _ => false,
    };
    if fires {
        Some(describe_problem(L::NAME, &problem))
    } else {
        None
    }
}

/// The extents of the layout `ops` make of `P` (a derived layout's `SHAPE`
/// when the macro could not compute it); a compile error naming `name` if an
/// operation cannot be applied.
pub const fn derived_shape<P: Layout, const R: usize>(name: &str, ops: &[Op<'_>]) -> [usize; R] {
    crate::derived::shape_array::<R>(&crate::derived::derive_numbers::<P>(name, ops))
}

/// The strides of the layout `ops` make of `P` (see [`derived_shape`]).
pub const fn derived_strides<P: Layout, const R: usize>(name: &str, ops: &[Op<'_>]) -> [isize; R] {
    crate::derived::strides_array::<R>(&crate::derived::derive_numbers::<P>(name, ops))
}

/// The offset of the layout `ops` make of `P` (see [`derived_shape`]); an
/// element of `P`, so not negative for a readable `P`.
pub const fn derived_offset<P: Layout>(name: &str, ops: &[Op<'_>]) -> usize {
    let offset = crate::derived::derive_numbers::<P>(name, ops).offset();
    if offset < 0 {
        0
    } else {
        offset as usize
    }
}

/// The item-level check of a derived layout's operation `at`: the message
/// if it is the first that cannot be applied to `P`.
pub const fn derivation_failure<P: Layout>(name: &str, ops: &[Op<'_>], at: usize) -> Option<Message> {
    crate::derived::derivation_failure::<P>(name, ops, at)
}

/// The item-level check of a writable layout: the message unless it is
/// proven unique ([`Facts::UNIQUENESS`]).
pub const fn writable_failure<L: Layout>() -> Option<Message> {
    describe_uniqueness(L::NAME, &Facts::<L>::UNIQUENESS)
}

/// The item-level check of a split: the message unless every member was
/// declared for the split's buffer and the members are pairwise disjoint.
pub const fn split_failure<P: Partition>() -> Option<Message> {
    crate::split::split_failure::<P>()
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
