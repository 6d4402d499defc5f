//! Run-time layouts and views: shape, strides and offset known only at run
//! time, checked once by the same proof the macro and const evaluation run.
//!
//! - [`DynLayout`]: a layout proven in bounds of a buffer ([`DynLayout::new`]
//!   in elements, [`DynLayout::from_numpy`] with NumPy's
//!   `np.ndarray(buffer=, shape=, strides=, offset=)` rule in bytes);
//! - [`UniqueDynLayout`]: one also proven unique ([`DynLayout::writable`]),
//!   what a writable view needs;
//! - [`DynSplit`]: unique layouts of one buffer proven pairwise disjoint,
//!   what several writable views of one buffer need;
//! - [`DynError`]: why a check refused, as a value whose `Display` says the
//!   words and witness of the compile-time error for the same numbers;
//! - [`DynView`] / [`DynViewMut`]: views through a checked layout (one
//!   length check in `new`), with the static views' API, the algebra as
//!   methods, and their iterators ([`DynIter`], [`DynIterMut`],
//!   [`DynIndexedIter`], [`DynIndexedIterMut`]).
//!
//! Nothing in the layout checks (`DynLayout`, `UniqueDynLayout`, `DynSplit`,
//! `DynError`) allocates, panics or wraps: every constructor is a `const fn`
//! over checked (or exact `i128`) arithmetic and returns an error value for
//! any input. The views index like slices (an index outside the shape
//! panics; `get` returns `None`), and `zip`, `copy_from` and `contract`
//! panic on run-time shapes that differ. The decisions are exact. Uniqueness and disjointness run the
//! cheap rules first (O(rank²), no scratch); what they leave is decided by a
//! bitset over the spanned positions, or, where the span does not fit the
//! scratch space, by the bounded search (NumPy's `diophantine_dfs`). When
//! both run out, the answer is an error saying so
//! ([`DynError::is_budget_exhausted`]), never a guess. The default budget is
//! [`DYN_SCRATCH_WORDS`] words of stack and [`DYN_SEARCH_WORK`] search nodes;
//! the `_in` variants take the caller's scratch space and work budget.
//!
//! ```
//! use view_core::DynLayout;
//!
//! // A 3 x 4 window with a row pitch of 6 elements, 7 elements into a buffer of 24.
//! let layout = DynLayout::new([3, 4], [6, 1], 7, 24)?;
//! assert_eq!((layout.size(), layout.required_len()), (12, 7 + 2 * 6 + 3 + 1));
//! let writable = layout.writable()?; // unique: rows of 4 never meet
//! assert_eq!(writable.element([2, 3]), Some(22));
//!
//! // The rows of NumPy's `np.lib.stride_tricks.sliding_window_view(x, 3)`
//! // over 6 elements: readable, but not writable.
//! let windows = DynLayout::new([4, 3], [1, 1], 0, 6)?;
//! let error = windows.writable().unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "run-time layout is asked to be writable but is not unique: indices [0, 1] and [1, 0] \
//!      both reach element 1; a writable view needs every index to reach its own element \
//!      (make a read-only view instead)"
//! );
//! # Ok::<(), view_core::DynError>(())
//! ```

// Verdicts carry their witnesses by value (no allocator to box them), as in
// `proof`; an error is built once per refused check.
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

mod algebra;
mod error;
mod iter;
mod layout;
mod split;
mod view;
mod view_mut;

pub use algebra::SliceRange;
pub use error::{DynError, Field};
pub use iter::{DynIndexedIter, DynIndexedIterMut, DynIter, DynIterMut};
pub use layout::{DynLayout, UniqueDynLayout};
pub use split::DynSplit;
pub use view::DynView;
pub use view_mut::DynViewMut;

use crate::proof::CONST_SCRATCH_WORDS;

/// Scratch words (64 positions each) the default run-time checks
/// ([`DynLayout::writable`], [`DynLayout::disjoint`], [`DynSplit::new`])
/// keep on the stack when the cheap rules do not settle a layout: 2^14
/// positions in 2 KiB, the bitset const evaluation has, small enough for an
/// embedded stack. The `_in` variants take a caller's scratch of any size.
///
/// ```
/// use view_core::{DynLayout, DYN_SCRATCH_WORDS};
///
/// // A search with the default budget is `writable_in` with this scratch.
/// let layout = DynLayout::new([3, 3, 3], [12, 3, 4], 0, 39)?;
/// assert_eq!(layout.writable(), layout.writable_in(&mut [0; DYN_SCRATCH_WORDS], view_core::DYN_SEARCH_WORK));
/// # Ok::<(), view_core::DynError>(())
/// ```
pub const DYN_SCRATCH_WORDS: usize = CONST_SCRATCH_WORDS;

/// Nodes the bounded search of the default run-time checks may visit when a
/// span does not fit [`DYN_SCRATCH_WORDS`]: 2^20 (16 times const
/// evaluation's budget; the macro's is 2^24). A search that runs out is an
/// error ([`DynError::is_budget_exhausted`]), never a guess. The worst case,
/// a search that runs out, takes about 50 ms in optimized code (measured on x86-64);
/// pass a smaller budget to `writable_in` / `disjoint_in` to bound it.
pub const DYN_SEARCH_WORK: u64 = 1 << 20;
