//! The words for an [`AlgebraError`], shared by the macro and const evaluation.

use super::AlgebraError;
use crate::proof::{Message, MAX_RANK};

/// Describes why operation `op` (as written) on layout `name` fails.
pub const fn describe_algebra(name: &str, op: &str, error: &AlgebraError) -> Message {
    algebra_text(Message::new().str("layout ").name(name), op, error)
}

/// [`describe_algebra`] of an operation on a run-time view (`DynView::slice`,
/// ..): the same words, with "run-time view" for "layout `Name`".
pub(crate) const fn describe_run_time_algebra(op: &str, error: &AlgebraError) -> Message {
    algebra_text(Message::new().str("run-time view"), op, error)
}

/// The words after the subject.
const fn algebra_text(subject: Message, op: &str, error: &AlgebraError) -> Message {
    let m = subject.str(": `").str(op).str("` ");
    match *error {
        AlgebraError::BadRank { rank } => m
            .str("would give rank ")
            .uint(rank as u128)
            .str(", above the supported ")
            .uint(MAX_RANK as u128),
        AlgebraError::AxisOutOfRange { axis, rank } => m
            .str("names axis ")
            .uint(axis as u128)
            .str(", but the layout has ")
            .uint(rank as u128)
            .str(" axes"),
        AlgebraError::NewAxisOutOfRange { axis, rank } => m
            .str("inserts an axis at position ")
            .uint(axis as u128)
            .str(", but a layout with ")
            .uint(rank as u128)
            .str(" axes takes a new axis at positions 0 to ")
            .uint(rank as u128),
        AlgebraError::NotAPermutation { rank } => m.str("needs a permutation of the axes 0 to ").int(rank as i128 - 1),
        AlgebraError::ZeroStep => m.str("has step 0; a slice step must be non-zero"),
        AlgebraError::SliceOutOfRange { axis, bound, extent } => m
            .str(if bound < 0 {
                "goes before the start of axis "
            } else {
                "goes past the end of axis "
            })
            .uint(axis as u128)
            .str(": bound ")
            .int(bound as i128)
            .str(" is outside an extent of ")
            .uint(extent as u128)
            .str(" (NumPy would silently clamp it)"),
        AlgebraError::IndexOutOfRange { axis, index, extent } => m
            .str("is out of range: index ")
            .int(index as i128)
            .str(" on axis ")
            .uint(axis as u128)
            .str(" of extent ")
            .uint(extent as u128),
        AlgebraError::DiagonalNeedsTwoAxes { rank } => m
            .str("needs at least two axes, but the layout has rank ")
            .uint(rank as u128),
        AlgebraError::SameAxis { axis } => m
            .str("names axis ")
            .uint(axis as u128)
            .str(" twice; give two different axes"),
        AlgebraError::WindowRank { given, rank } => m
            .str("gives ")
            .uint(given as u128)
            .str(" window extent(s) for a layout of rank ")
            .uint(rank as u128)
            .str("; give one per axis"),
        AlgebraError::WindowTooLarge { axis, window, extent } => m
            .str("has a window of ")
            .uint(window as u128)
            .str(" on axis ")
            .uint(axis as u128)
            .str(", larger than its extent ")
            .uint(extent as u128),
        AlgebraError::BroadcastRank { rank, target } => m
            .str("cannot broadcast a layout of rank ")
            .uint(rank as u128)
            .str(" to rank ")
            .uint(target as u128),
        AlgebraError::BroadcastMismatch { axis, extent, target } => m
            .str("cannot broadcast: axis ")
            .uint(axis as u128)
            .str(" has extent ")
            .uint(extent as u128)
            .str(", which is neither ")
            .uint(target as u128)
            .str(" nor 1"),
        AlgebraError::ReshapeSize {
            from,
            to,
            inferred: false,
        } => m
            .str("cannot reshape ")
            .uint(from as u128)
            .str(" elements into a shape of ")
            .uint(to as u128),
        AlgebraError::ReshapeSize {
            from,
            to,
            inferred: true,
        } => m
            .str("cannot infer the -1: ")
            .uint(from as u128)
            .str(" elements are not a multiple of the other extents' product ")
            .uint(to as u128),
        AlgebraError::ReshapeBadShape => m.str("has a negative extent other than a single -1"),
        AlgebraError::ReshapeNeedsCopy { outer, inner } => m
            .str("cannot be done as a view: it merges an axis of extent ")
            .uint(outer.0 as u128)
            .str(" and stride ")
            .int(outer.1 as i128)
            .str(" with the next, of extent ")
            .uint(inner.0 as u128)
            .str(" and stride ")
            .int(inner.1 as i128)
            .str(", which are not contiguous in C order (the outer stride would have to be ")
            .int(inner.0 as i128 * inner.1 as i128)
            .str("), so NumPy would copy"),
        AlgebraError::Overflow => m.str("overflows isize"),
    }
}
