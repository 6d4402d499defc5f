//! Certificates: verdicts decided before const evaluation, carried as plain
//! numbers so that view-core can tell whether they speak of the layout at hand.
//!
//! Const evaluation is interpreted and cannot allocate, so it affords only
//! the cheap rules of the proof. The `strided_view!` macro runs compiled code
//! on the host and decides the hard cases (uniqueness of a non-nested layout
//! of rank 3 and up, disjointness of split members the rules cannot
//! separate) with a large budget. It hands those verdicts to view-core as a
//! certificate: each record states one fact together with the exact numbers
//! (in `i128`) it was decided for. View-core uses a record only for a layout
//! whose numbers, as the compilation target sees them, are those numbers, so
//! a verdict made with the host's 64-bit integers can never be applied to the
//! different numbers a 32-bit target would see.
//!
//! A record is a true statement about explicit numbers, whatever layout it
//! is attached to; copying one from a layout to another is harmless. Only
//! making a new one is `unsafe` ([`Certificate::new`]).
//!
//! Record formats (every field an `i128`):
//! - `[UNIQUE, r, n0..n(r-1), s0..s(r-1)]`: no two distinct indices of shape
//!   `n` reach the same position `Σ ik sk` (so the layout is unique at any
//!   offset).
//! - `[DISJOINT, rA, nA.., sA.., offA, rB, nB.., sB.., offB]`: no element
//!   `offA + Σ iAk sAk` of the first layout equals an element of the second.
//! - `[END]`, or the end of the slice: no more records.
//!
//! A negative verdict needs no trust: the macro gives the two colliding
//! indices, which view-core checks itself (see [`collision`](Certificate::collision)).
//! - `[COLLISION, r, n.., s.., first.., second..]`: the two indices `first`
//!   and `second` reach the same position.

use crate::proof::{Collision, IndexWitness, LayoutParts, MAX_RANK};

/// The end of the records.
pub(crate) const END: i128 = 0;
/// Kind of a uniqueness record.
pub(crate) const UNIQUE: i128 = 1;
/// Kind of a disjointness record.
pub(crate) const DISJOINT: i128 = 2;
/// Kind of a collision witness.
pub(crate) const COLLISION: i128 = 3;

/// Verdicts decided before const evaluation (see the module documentation).
#[derive(Clone, Copy, Debug)]
pub struct Certificate {
    records: &'static [i128],
}

impl Certificate {
    /// No verdict at all: view-core decides everything itself.
    pub const NONE: Certificate = Certificate { records: &[] };

    /// A certificate from its records.
    ///
    /// # Safety
    ///
    /// Every `UNIQUE` and `DISJOINT` record of `records` (formats in the
    /// module documentation) states a fact that is true of the numbers it
    /// carries. Malformed records and `COLLISION` records are never trusted
    /// (a collision is checked), so they cannot make anything unsound.
    pub const unsafe fn new(records: &'static [i128]) -> Certificate {
        Certificate { records }
    }

    /// Whether a `UNIQUE` record speaks of exactly this shape and these strides.
    pub(crate) const fn says_unique(&self, shape: &[usize], strides: &[isize]) -> bool {
        let r = self.records;
        let mut at = 0;
        while let Some(next) = record_end(r, at) {
            if r[at] == UNIQUE && layout_at(r, at + 1, shape, strides, None) {
                return true;
            }
            at = next;
        }
        false
    }

    /// Whether a `DISJOINT` record speaks of exactly `a` and `b` (either order).
    pub(crate) const fn says_disjoint(&self, a: LayoutParts<'_>, b: LayoutParts<'_>) -> bool {
        let r = self.records;
        let mut at = 0;
        while let Some(next) = record_end(r, at) {
            if r[at] == DISJOINT {
                let second = at + 1 + layout_len(r[at + 1]) + 1;
                let forward = layout_at(r, at + 1, a.shape, a.strides, Some(a.offset))
                    && layout_at(r, second, b.shape, b.strides, Some(b.offset));
                let backward = layout_at(r, at + 1, b.shape, b.strides, Some(b.offset))
                    && layout_at(r, second, a.shape, a.strides, Some(a.offset));
                if forward || backward {
                    return true;
                }
            }
            at = next;
        }
        false
    }

    /// A collision witness for exactly this shape and these strides, checked
    /// here: both indices inside the shape, different, reaching one position.
    pub(crate) const fn collision(&self, shape: &[usize], strides: &[isize], offset: isize) -> Option<Collision> {
        let r = self.records;
        let mut at = 0;
        while let Some(next) = record_end(r, at) {
            if r[at] == COLLISION && layout_at(r, at + 1, shape, strides, None) {
                let rank = shape.len();
                let first = at + 2 + 2 * rank;
                let witness = checked_collision(shape, strides, offset, r.split_at(first).1.split_at(2 * rank).0);
                if witness.is_some() {
                    return witness;
                }
            }
            at = next;
        }
        None
    }
}

/// Number of fields of one layout in a record, `1 + 2r` (the rank, the
/// extents, the strides), or a huge number for a rank that cannot be.
const fn layout_len(rank: i128) -> usize {
    if rank < 0 || rank > MAX_RANK as i128 {
        usize::MAX / 4
    } else {
        1 + 2 * rank as usize
    }
}

/// The index after the record starting at `at`, or `None` at the end (or at
/// a malformed record, after which nothing is read).
const fn record_end(r: &[i128], at: usize) -> Option<usize> {
    if at >= r.len() || r[at] == END {
        return None;
    }
    let fields = match r[at] {
        UNIQUE => {
            if at + 1 >= r.len() {
                return None;
            }
            layout_len(r[at + 1])
        }
        COLLISION => {
            if at + 1 >= r.len() {
                return None;
            }
            // The layout, then two indices of `r` coordinates each.
            layout_len(r[at + 1]).saturating_add(layout_len(r[at + 1]) - 1)
        }
        DISJOINT => {
            if at + 1 >= r.len() {
                return None;
            }
            let first = layout_len(r[at + 1]).saturating_add(1);
            let second_at = at + 1 + first;
            if first > r.len() || second_at >= r.len() {
                return None;
            }
            first.saturating_add(layout_len(r[second_at])).saturating_add(1)
        }
        _ => return None,
    };
    let end = at.saturating_add(1).saturating_add(fields);
    if end > r.len() {
        None
    } else {
        Some(end)
    }
}

/// Whether the layout fields at `at` (rank, extents, strides, and, with
/// `offset`, the offset after them) are exactly these numbers. The caller
/// checked with [`record_end`] that the fields exist.
const fn layout_at(r: &[i128], at: usize, shape: &[usize], strides: &[isize], offset: Option<isize>) -> bool {
    let rank = shape.len();
    if r[at] != rank as i128 || strides.len() != rank {
        return false;
    }
    let mut k = 0;
    while k < rank {
        if r[at + 1 + k] != shape[k] as i128 || r[at + 1 + rank + k] != strides[k] as i128 {
            return false;
        }
        k += 1;
    }
    match offset {
        Some(offset) => r[at + 1 + 2 * rank] == offset as i128,
        None => true,
    }
}

/// The collision of `indices` (`first` then `second`, `rank` values each),
/// if it is one: both inside the shape, different, reaching one element.
const fn checked_collision(shape: &[usize], strides: &[isize], offset: isize, indices: &[i128]) -> Option<Collision> {
    let rank = shape.len();
    if indices.len() != 2 * rank {
        return None;
    }
    let mut first = IndexWitness::zeros(rank);
    let mut second = IndexWitness::zeros(rank);
    let mut a: i128 = offset as i128;
    let mut b: i128 = offset as i128;
    let mut differ = false;
    let mut k = 0;
    while k < rank {
        let (i, j) = (indices[k], indices[rank + k]);
        if i < 0 || j < 0 || i >= shape[k] as i128 || j >= shape[k] as i128 {
            return None;
        }
        first.set(k, i as usize);
        second.set(k, j as usize);
        differ = differ || i != j;
        // |i|, |j| < 2^64 and |s| <= 2^63: each product fits in i128; the
        // sums of up to 32 of them too (below 2^127 in magnitude).
        a += i * strides[k] as i128;
        b += j * strides[k] as i128;
        k += 1;
    }
    if differ && a == b {
        Some(Collision {
            first,
            second,
            element: a,
        })
    } else {
        None
    }
}

/// A `UNIQUE` record for `shape` and `strides`, padded with `END`, for
/// certificates view-core makes itself (trailing axes of a unique layout).
pub(crate) const fn unique_record(shape: &[usize], strides: &[isize]) -> [i128; RECORD_CAPACITY] {
    let mut out = [END; RECORD_CAPACITY];
    let rank = shape.len();
    if rank > MAX_RANK || strides.len() != rank {
        return out;
    }
    out[0] = UNIQUE;
    out[1] = rank as i128;
    let mut k = 0;
    while k < rank {
        out[2 + k] = shape[k] as i128;
        out[2 + rank + k] = strides[k] as i128;
        k += 1;
    }
    out
}

/// Room for one `UNIQUE` record of the largest rank, and its `END`.
pub(crate) const RECORD_CAPACITY: usize = 3 + 2 * MAX_RANK;
