//! Index tuples used as witnesses, and the odometer that enumerates them.
//!
//! The proof runs in `const fn` (no allocation), so an index is a fixed array of
//! [`MAX_RANK`] coordinates plus the rank actually in use.

use core::fmt;

/// The highest rank the proof and the macro accept.
///
/// Witnesses are fixed-size arrays so that the proof can run in `const fn`
/// without allocating; 32 axes is far beyond any layout seen in practice.
pub const MAX_RANK: usize = 32;

/// An index tuple `[i0, .., iR-1]`: the evidence carried by a rejection.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndexWitness {
    coords: [usize; MAX_RANK],
    rank: usize,
}

impl IndexWitness {
    /// The index `[0, .., 0]` of the given rank (clamped to [`MAX_RANK`]).
    pub const fn zeros(rank: usize) -> Self {
        IndexWitness {
            coords: [0; MAX_RANK],
            rank: if rank > MAX_RANK { MAX_RANK } else { rank },
        }
    }

    /// The coordinates, one per axis.
    pub const fn as_slice(&self) -> &[usize] {
        self.coords.split_at(self.rank).0
    }

    /// The rank of the index.
    pub const fn rank(&self) -> usize {
        self.rank
    }

    /// Sets coordinate `axis` (ignored past the rank).
    pub(crate) const fn set(&mut self, axis: usize, value: usize) {
        if axis < self.rank {
            self.coords[axis] = value;
        }
    }

    /// The coordinate on `axis` (0 past the rank).
    pub(crate) const fn get(&self, axis: usize) -> usize {
        if axis < self.rank {
            self.coords[axis]
        } else {
            0
        }
    }
}

impl fmt::Debug for IndexWitness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// The element an index reaches: `offset + Σ ik * sk`, exactly, in `i128`.
///
/// `None` when even `i128` overflows (only possible for absurd layouts).
pub const fn element_of(strides: &[isize], offset: isize, index: &[usize]) -> Option<i128> {
    let mut acc = offset as i128;
    let mut k = 0;
    while k < index.len() && k < strides.len() {
        let term = match (strides[k] as i128).checked_mul(index[k] as i128) {
            Some(t) => t,
            None => return None,
        };
        acc = match acc.checked_add(term) {
            Some(a) => a,
            None => return None,
        };
        k += 1;
    }
    Some(acc)
}

/// Walks every index of a non-empty shape in C order, keeping the reached
/// position up to date in O(1) amortised per step.
///
/// Positions are relative: `Σ ik * sk` without the offset. The caller
/// guarantees that every partial sum fits in `i128` (true for any layout that
/// passed the bounds check, and for any layout whose extreme terms fit).
pub(crate) struct Odometer {
    pub(crate) index: IndexWitness,
    pub(crate) position: i128,
}

impl Odometer {
    pub(crate) const fn start(rank: usize) -> Self {
        Odometer {
            index: IndexWitness::zeros(rank),
            position: 0,
        }
    }

    /// Moves to the next index in C order; `false` once every index was seen.
    pub(crate) const fn advance(&mut self, shape: &[usize], strides: &[isize]) -> bool {
        let mut axis = shape.len();
        while axis > 0 {
            axis -= 1;
            let i = self.index.get(axis);
            let stride = strides[axis] as i128;
            if i + 1 < shape[axis] {
                self.index.set(axis, i + 1);
                self.position += stride;
                return true;
            }
            self.index.set(axis, 0);
            self.position -= stride * i as i128;
        }
        false
    }
}

/// Walks a non-empty shape row by row: an [`Odometer`] over every axis but
/// the last, and the last axis left to a plain counted loop at the call site
/// (`row + j * stride`), which is several times faster than an odometer step
/// per index, most of all in the unoptimized builds proc macros get.
pub(crate) struct Rows {
    outer: Odometer,
    /// Extent of the last axis (1 for rank 0).
    pub(crate) extent: usize,
    /// Stride of the last axis (0 for rank 0).
    pub(crate) stride: isize,
    rank: usize,
}

impl Rows {
    pub(crate) const fn start(shape: &[usize], strides: &[isize]) -> Self {
        let rank = shape.len();
        let (extent, stride) = if rank == 0 {
            (1, 0)
        } else {
            (shape[rank - 1], strides[rank - 1])
        };
        Rows {
            outer: Odometer::start(rank),
            extent,
            stride,
            rank,
        }
    }

    /// The relative position (`Σ ik sk`, no offset) of `[outer.., 0]`.
    pub(crate) const fn position(&self) -> i128 {
        self.outer.position
    }

    /// The index `[outer.., j]`.
    pub(crate) const fn index_at(&self, j: usize) -> IndexWitness {
        let mut index = self.outer.index;
        if self.rank > 0 {
            index.set(self.rank - 1, j);
        }
        index
    }

    /// Moves to the next row; `false` after the last.
    pub(crate) const fn next_row(&mut self, shape: &[usize], strides: &[isize]) -> bool {
        if self.rank == 0 {
            return false;
        }
        let outer = self.rank - 1;
        self.outer.advance(shape.split_at(outer).0, strides.split_at(outer).0)
    }
}
