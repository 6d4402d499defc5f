//! NumPy-style printing of nested brackets.

use core::fmt;

/// Writes `elements` (in C order) as nested brackets for `shape`, the way
/// NumPy prints arrays: rows of the last axis on one line, one line per row,
/// a blank line between blocks of rank 3 and up. An empty view prints `[]`
/// once (its outer extents may be huge: `[4294967296, 0]` has no element to
/// print, and a bracket per row would never end).
pub(crate) fn write_nested<'e, E: fmt::Debug + 'e>(
    f: &mut fmt::Formatter<'_>,
    elements: &mut impl Iterator<Item = &'e E>,
    shape: &[usize],
) -> fmt::Result {
    if shape.contains(&0) {
        return f.write_str("[]");
    }
    write_axis(f, elements, shape, 0)
}

fn write_axis<'e, E: fmt::Debug + 'e>(
    f: &mut fmt::Formatter<'_>,
    elements: &mut impl Iterator<Item = &'e E>,
    shape: &[usize],
    depth: usize,
) -> fmt::Result {
    let Some((&extent, inner)) = shape[depth..].split_first() else {
        return match elements.next() {
            Some(element) => fmt::Debug::fmt(element, f),
            None => Ok(()),
        };
    };
    f.write_str("[")?;
    for i in 0..extent {
        if i > 0 {
            if inner.is_empty() {
                f.write_str(", ")?;
            } else {
                f.write_str(",")?;
                for _ in 0..inner.len() {
                    f.write_str("\n")?;
                }
                for _ in 0..=depth {
                    f.write_str(" ")?;
                }
            }
        }
        write_axis(f, elements, shape, depth + 1)?;
    }
    f.write_str("]")
}
