//! `DynError`: why a run-time layout was refused, as a value.

use core::fmt;

use crate::algebra::{describe_run_time_algebra, AlgebraError};
use crate::proof::{
    describe_run_time_bounds_fixed, describe_run_time_buffer_bytes, describe_run_time_bytes,
    describe_run_time_mismatch, describe_run_time_overlap, describe_run_time_too_big, describe_run_time_uniqueness,
    BoundsError, BoundsFix, Message, Overlap, Uniqueness, Units,
};

/// Which number of a layout an error is about.
///
/// ```
/// use view_core::{DynError, DynLayout, Field};
///
/// let error = DynLayout::<1>::from_numpy([4], [12], 0, 8, 96).unwrap_err();
/// assert_eq!(error, DynError::Bytes { field: Field::Stride(0), bytes: 12, elem_size: 8 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The extent of this axis.
    Extent(usize),
    /// The stride of this axis.
    Stride(usize),
    /// The offset.
    Offset,
}

/// Why a run-time layout check refused: the structured verdict of the
/// proof, with its witness.
///
/// `Copy`, no allocation: the verdicts carry their witness indices by value
/// (fixed arrays of [`MAX_RANK`](crate::proof::MAX_RANK) coordinates), which
/// makes the error a few hundred bytes (576 on 64-bit targets), built only on
/// the refusing path.
///
/// That size is past clippy's `result_large_err` threshold (128 bytes, a
/// warning by default), so a function of yours that returns `Result<_,
/// DynError>` is flagged. Where an allocator is at hand, return `Result<_,
/// Box<DynError>>` instead: `?` boxes the error (`From<T> for Box<T>`), the
/// error takes one pointer in the result, and it keeps its witness and text.
/// In `no_std` code without one, allow the lint on that function; the bytes
/// are written only when a check refuses.
///
/// ```
/// use view_core::{DynError, DynLayout, DynView};
///
/// fn image(pixels: &[u8], rows: usize, cols: usize) -> Result<DynView<'_, u8, 2>, Box<DynError>> {
///     let layout = DynLayout::new([rows, cols], [cols as isize, 1], 0, pixels.len())?;
///     Ok(DynView::new(pixels, layout)?)
/// }
///
/// let pixels = [0u8; 12];
/// assert_eq!(image(&pixels, 3, 4)?.shape(), [3, 4]);
/// let error = image(&pixels, 4, 4).unwrap_err();
/// assert!(error.to_string().starts_with("run-time layout is out of bounds: index [3, 3] reaches element 15"));
/// # Ok::<(), Box<DynError>>(())
/// ```
///
/// Its `Display` (and [`message`](Self::message)) gives the words and witness
/// the compile-time error of the same numbers gives (the same functions of
/// `proof` build both), with "run-time layout" where the macro names the
/// layout (`layout `Name``) and "run-time split" for `split `Name``, members
/// named by their place in the list checked (`#0`, `#1`, ..). Two phrases of
/// the macro's `mut` vocabulary read "is asked to be writable" (for "is
/// declared `mut`") and "make a read-only view instead" (for "drop `mut`
/// for a read-only view"), and an undecided verdict's advice speaks of the
/// run-time budget; a byte stride names its axis.
///
/// ```
/// use view_core::{DynError, DynLayout};
/// use view_core::proof::{BoundsError, Culprit};
///
/// let error = DynLayout::new([5], [4611686018427387905], 0, 10).unwrap_err();
/// assert!(matches!(error, DynError::Bounds(BoundsError::Overflow { culprit: Culprit::Stride(0), .. }, ..)));
/// assert_eq!(
///     error.to_string(),
///     "run-time layout overflows: index [4] reaches element 18446744073709551620, outside the range \
///      of isize, so no buffer can hold it (NumPy would wrap it around in i64)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DynError {
    /// The bounds rule refused the numbers ([`DynLayout::new`](super::DynLayout::new)),
    /// with the fix the message suggests and the units the numbers were
    /// given in (bytes for [`DynLayout::from_numpy`](super::DynLayout::from_numpy)).
    Bounds(BoundsError, BoundsFix, Units),
    /// The layout is not proven unique ([`DynLayout::writable`](super::DynLayout::writable)):
    /// a collision, a pigeonhole verdict, or an undecided one. Never `Unique`.
    NotUnique(Uniqueness),
    /// Two layouts are not proven disjoint ([`DynLayout::disjoint`](super::DynLayout::disjoint),
    /// [`DynSplit::new`](super::DynSplit::new)). Never `Disjoint`.
    Overlap {
        /// The place of the one layout in the list checked (0 for `self`).
        first: usize,
        /// The place of the other (1 for the argument of `disjoint`).
        second: usize,
        /// The verdict, with the shared element and an index of each.
        verdict: Overlap,
    },
    /// A byte stride (`Field::Stride`) or the byte offset (`Field::Offset`)
    /// is not a multiple of the element size, or the element is zero-sized
    /// ([`DynLayout::from_numpy`](super::DynLayout::from_numpy)).
    Bytes {
        /// Which number.
        field: Field,
        /// Its value, in bytes.
        bytes: i128,
        /// The element size.
        elem_size: usize,
    },
    /// The element size times the product of the extents (an extent 0
    /// counted as 1) exceeds `isize::MAX`: NumPy's "array is too big"
    /// ([`DynLayout::from_numpy`](super::DynLayout::from_numpy)).
    TooBig {
        /// The element size.
        elem_size: usize,
    },
    /// A buffer of more than `isize::MAX` bytes, which no Rust slice is
    /// ([`DynLayout::from_numpy`](super::DynLayout::from_numpy)).
    BufferBytes {
        /// The length given, in bytes.
        bytes: usize,
    },
    /// A slice too short for the layout of a run-time view
    /// ([`DynView::new`](super::DynView::new), [`DynViewMut::new`](super::DynViewMut::new),
    /// [`DynSplit::split`](super::DynSplit::split)): it needs `required`
    /// elements ([`DynLayout::required_len`](super::DynLayout::required_len)).
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let layout = DynLayout::new([3], [2], 0, 5)?;
    /// let error = DynView::new(&[1, 2, 3, 4][..], layout).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "a slice of 4 elements is too short for the run-time layout, which needs at least 5"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    BufferLen {
        /// The shortest length the layout fits in.
        required: usize,
        /// The length of the slice.
        actual: usize,
    },
    /// An operation of the layout algebra on a run-time view refused its
    /// arguments ([`DynView::slice`](super::DynView::slice), ..): the
    /// algebra's error, with the words the macro says for a derived layout
    /// ("run-time view" for "layout `Name`").
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0, 1, 2, 3, 4, 5, 6, 7];
    /// let line = DynView::new(&data[..], DynLayout::new([8], [1], 0, 8)?)?;
    /// assert_eq!(
    ///     line.slice(0, 1..9).unwrap_err().to_string(),
    ///     "run-time view: `slice` goes past the end of axis 0: bound 9 is outside an extent of 8 \
    ///      (NumPy would silently clamp it)"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    Algebra {
        /// The operation's name (`"slice"`).
        op: &'static str,
        /// Why it cannot be applied.
        error: AlgebraError,
    },
    /// The result of an operation has another rank than the view type the
    /// caller asked for (`index::<Q>`, `windows::<Q>`, ..: stable Rust cannot
    /// compute `R - 1` or `2 R` in a type, so the result's rank is a const
    /// parameter, checked when called).
    ///
    /// ```
    /// use view_core::{DynLayout, DynView};
    ///
    /// let data = [0; 6];
    /// let grid = DynView::new(&data[..], DynLayout::new([2, 3], [3, 1], 0, 6)?)?;
    /// let error = grid.index::<2>(0, 1).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "run-time view: `index` gives a view of rank 1, but a view of rank 2 was asked for"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    Rank {
        /// The operation's name.
        op: &'static str,
        /// The rank of its result.
        rank: usize,
        /// The rank asked for.
        expected: usize,
    },
    /// The numbers are not those of a static layout
    /// ([`DynLayout::check_matches`](super::DynLayout::check_matches),
    /// [`DynView::to_static`](super::DynView::to_static)).
    Mismatch {
        /// The static layout's name.
        layout: &'static str,
        /// The first number that differs (extents, then strides, then offset).
        field: Field,
        /// The run-time layout's value.
        found: i128,
        /// The static layout's value.
        expected: i128,
    },
}

impl DynError {
    /// Whether the check ran out of budget (the bitset's scratch and the
    /// search's work) before deciding: the layout may be fine, and a larger
    /// budget (`writable_in`, `disjoint_in`, `DynSplit::new_in`) may
    /// decide it. Every other error is a definite refusal.
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// // Three axes that do not nest: the rules leave it to a search, and an empty budget has none.
    /// let layout = DynLayout::new([3, 3, 3], [12, 3, 4], 0, 39)?;
    /// assert!(layout.writable_in(&mut [], 0).unwrap_err().is_budget_exhausted());
    /// // A collision is a definite answer.
    /// assert!(!DynLayout::new([2], [0], 0, 1)?.writable().unwrap_err().is_budget_exhausted());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn is_budget_exhausted(&self) -> bool {
        match self {
            DynError::NotUnique(Uniqueness::Undecided { .. }) => true,
            DynError::Overlap { verdict, .. } => matches!(verdict, Overlap::Undecided { .. }),
            _ => false,
        }
    }

    /// The error text, as `Display` writes it (a fixed-capacity buffer, so
    /// that `const` code and `no_std` code without a formatter can use it).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// const REFUSED: view_core::DynError = match DynLayout::new([3], [2], 0, 3) {
    ///     Ok(_) => panic!("in bounds"),
    ///     Err(error) => error,
    /// };
    /// const TEXT: view_core::proof::Message = REFUSED.message();
    /// assert_eq!(
    ///     TEXT.as_str(),
    ///     "run-time layout is out of bounds: index [2] reaches element 4, but the buffer has 3 elements (0 to 2); \
    ///      it needs a buffer of 5 elements (its REQUIRED_LEN)"
    /// );
    /// ```
    pub const fn message(&self) -> Message {
        match *self {
            DynError::Bounds(error, fix, units) => describe_run_time_bounds_fixed(&error, fix, units),
            DynError::NotUnique(verdict) => match describe_run_time_uniqueness(&verdict) {
                Some(message) => message,
                None => Message::new().str("run-time layout is unique (no error)"),
            },
            DynError::Overlap { first, second, verdict } => match describe_run_time_overlap(first, second, &verdict) {
                Some(message) => message,
                None => Message::new().str("run-time split: the members are disjoint (no error)"),
            },
            DynError::Bytes {
                field,
                bytes,
                elem_size,
            } => {
                let axis = match field {
                    Field::Stride(axis) | Field::Extent(axis) => Some(axis),
                    Field::Offset => None,
                };
                describe_run_time_bytes(axis, bytes, elem_size)
            }
            DynError::TooBig { elem_size } => describe_run_time_too_big(elem_size),
            DynError::BufferBytes { bytes } => describe_run_time_buffer_bytes(bytes),
            DynError::BufferLen { required, actual } => Message::new()
                .str("a slice of ")
                .uint(actual as u128)
                .str(" elements is too short for the run-time layout, which needs at least ")
                .uint(required as u128),
            DynError::Algebra { op, error } => describe_run_time_algebra(op, &error),
            DynError::Rank { op, rank, expected } => Message::new()
                .str("run-time view: `")
                .str(op)
                .str("` gives a view of rank ")
                .uint(rank as u128)
                .str(", but a view of rank ")
                .uint(expected as u128)
                .str(" was asked for"),
            DynError::Mismatch {
                layout,
                field,
                found,
                expected,
            } => {
                let what = match field {
                    Field::Extent(axis) => Message::new().str("the extent of axis ").uint(axis as u128),
                    Field::Stride(axis) => Message::new().str("the stride of axis ").uint(axis as u128),
                    Field::Offset => Message::new().str("the offset"),
                };
                describe_run_time_mismatch(layout, what, found, expected)
            }
        }
    }
}

impl fmt::Display for DynError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl core::error::Error for DynError {}
