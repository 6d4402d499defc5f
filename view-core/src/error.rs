//! The one run-time error: a slice too short for a layout.

use core::fmt;

/// A slice passed to `try_view` (or `try_view_mut`, `try_split`) is too short
/// for the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LengthError {
    /// The shortest length the layout fits in (`REQUIRED_LEN`).
    pub required: usize,
    /// The length of the slice.
    pub actual: usize,
}

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a slice of {} elements is too short for the layout, which needs at least {}",
            self.actual, self.required
        )
    }
}

impl core::error::Error for LengthError {}
