//! `DynSplit`: unique run-time layouts of one buffer, proven pairwise disjoint.

use super::error::DynError;
use super::layout::{overlap_or_ok, UniqueDynLayout};
use super::{DYN_SCRATCH_WORDS, DYN_SEARCH_WORK};
use crate::proof::{check_disjoint_bounded, disjoint_by_rules};

/// `N` unique run-time layouts of one buffer, proven pairwise disjoint: no
/// element is reached by two of them, so one writable view of each may
/// exist at once (the run-time `split`).
///
/// Disjointness is a property of the elements reached; the members need
/// not have been checked against the same buffer length. A buffer of at
/// least [`required_len`](Self::required_len) elements holds every member.
///
/// ```
/// use view_core::{DynLayout, DynSplit};
///
/// // The four planes of a 4 x 6 Bayer mosaic (R G / G B), as 2 x 3 layouts.
/// let plane = |offset| DynLayout::new([2, 3], [12, 2], offset, 24)?.writable();
/// let split = DynSplit::new([plane(0)?, plane(1)?, plane(6)?, plane(7)?])?;
/// assert_eq!(split.required_len(), 24);
///
/// let overlapping = DynSplit::new([plane(0)?, plane(1)?, plane(2)?]).unwrap_err();
/// assert_eq!(
///     overlapping.to_string(),
///     "run-time split: members `#0` and `#2` overlap: `#0` index [0, 1] and `#2` index [0, 0] \
///      both reach element 2; split members must be pairwise disjoint"
/// );
/// # Ok::<(), view_core::DynError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DynSplit<const R: usize, const N: usize> {
    members: [UniqueDynLayout<R>; N],
}

impl<const R: usize, const N: usize> DynSplit<R, N> {
    /// Proves the members pairwise disjoint with the default budget (per
    /// pair, as [`DynLayout::disjoint`](super::DynLayout::disjoint)): pairs
    /// in order `(0, 1), (0, 2), .., (1, 2), ..`; the error names the first
    /// pair not proven disjoint ([`DynError::Overlap`], `first < second`).
    pub const fn new(members: [UniqueDynLayout<R>; N]) -> Result<Self, DynError> {
        // The cheap rules for every pair first: the scratch space is only
        // on the stack when some pair needs a search.
        let mut i = 0;
        let mut searched = false;
        while i < N {
            let mut j = i + 1;
            while j < N {
                match disjoint_by_rules(members[i].as_layout().parts(), members[j].as_layout().parts()) {
                    Some(verdict) => {
                        if let Err(error) = overlap_or_ok(verdict, i, j) {
                            return Err(error);
                        }
                    }
                    None => searched = true,
                }
                j += 1;
            }
            i += 1;
        }
        if searched {
            Self::new_searched(members)
        } else {
            Ok(DynSplit { members })
        }
    }

    /// [`new`](Self::new)'s search, out of line.
    #[inline(never)]
    const fn new_searched(members: [UniqueDynLayout<R>; N]) -> Result<Self, DynError> {
        let mut scratch = [0u64; DYN_SCRATCH_WORDS];
        Self::new_in(members, &mut scratch, DYN_SEARCH_WORK)
    }

    /// [`new`](Self::new) with the caller's budget, for each pair (as
    /// [`DynLayout::disjoint_in`](super::DynLayout::disjoint_in)).
    ///
    /// ```
    /// use view_core::{DynLayout, DynSplit};
    ///
    /// // Rows 0, 2, 4 and rows 1, 3, 5 of a 6 x 5 image: the rules cannot
    /// // separate them (the strides' gcd is 1), the bitset does.
    /// let rows = |first: usize| DynLayout::new([3, 5], [10, 1], first * 5, 30)?.writable();
    /// let mut scratch = [0u64; 1];
    /// let split = DynSplit::new_in([rows(0)?, rows(1)?], &mut scratch, 0)?;
    /// assert_eq!(split.members()[1].offset(), 5);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn new_in(
        members: [UniqueDynLayout<R>; N],
        scratch: &mut [u64],
        max_work: u64,
    ) -> Result<Self, DynError> {
        let mut i = 0;
        while i < N {
            let mut j = i + 1;
            while j < N {
                let verdict = check_disjoint_bounded(
                    members[i].as_layout().parts(),
                    members[j].as_layout().parts(),
                    scratch,
                    max_work,
                );
                if let Err(error) = overlap_or_ok(verdict, i, j) {
                    return Err(error);
                }
                j += 1;
            }
            i += 1;
        }
        Ok(DynSplit { members })
    }

    /// The members, in the order given.
    pub const fn members(&self) -> &[UniqueDynLayout<R>; N] {
        &self.members
    }

    /// The members, in the order given.
    pub const fn into_members(self) -> [UniqueDynLayout<R>; N] {
        self.members
    }

    /// The shortest buffer every member fits in: the largest
    /// [`required_len`](super::DynLayout::required_len) (0 for no members).
    pub const fn required_len(&self) -> usize {
        let mut len = 0;
        let mut k = 0;
        while k < N {
            let member = self.members[k].as_layout().required_len();
            if member > len {
                len = member;
            }
            k += 1;
        }
        len
    }
}
