//! `reshape` as a view, after NumPy's `_attempt_nocopy_reshape`.

use super::{wide, AlgebraError, Strided};
use crate::proof::MAX_RANK;

impl Strided {
    /// `a.reshape(shape)` where NumPy returns a view (C order, no copy); one
    /// extent may be `-1`, inferred. A reshape that needs a copy is an error.
    /// Follows NumPy's `_attempt_nocopy_reshape`.
    pub const fn reshape(self, shape: &[isize]) -> Result<Self, AlgebraError> {
        if shape.len() > MAX_RANK {
            return Err(AlgebraError::BadRank { rank: shape.len() });
        }
        let size = match element_count(self.shape()) {
            Some(s) => s,
            None => return Err(AlgebraError::Overflow),
        };
        // Resolve the extents, with at most one -1.
        let mut dims = [0usize; MAX_RANK];
        let mut unknown = MAX_RANK;
        let mut known: usize = 1;
        let mut k = 0;
        while k < shape.len() {
            if shape[k] == -1 && unknown == MAX_RANK {
                unknown = k;
            } else if shape[k] < 0 {
                return Err(AlgebraError::ReshapeBadShape);
            } else {
                dims[k] = shape[k] as usize;
                known = match known.checked_mul(dims[k]) {
                    Some(v) => v,
                    None => return Err(AlgebraError::Overflow),
                };
            }
            k += 1;
        }
        if unknown < MAX_RANK {
            if known == 0 || size % known != 0 {
                return Err(AlgebraError::ReshapeSize {
                    from: size,
                    to: known,
                    inferred: true,
                });
            }
            dims[unknown] = size / known;
        } else if known != size {
            return Err(AlgebraError::ReshapeSize {
                from: size,
                to: known,
                inferred: false,
            });
        }
        let new_rank = shape.len();
        let mut out = Strided {
            shape: dims,
            strides: [0; MAX_RANK],
            rank: new_rank,
            offset: self.offset,
        };
        if size == 0 {
            // Nothing is reached: any strides will do; C order.
            let mut k = 0;
            while k < new_rank {
                out.strides[k] = crate::proof::c_order_stride(out.shape(), k);
                k += 1;
            }
            return Ok(out);
        }
        // The operand without its extent-1 axes.
        let mut old_dims = [0usize; MAX_RANK];
        let mut old_strides = [0isize; MAX_RANK];
        let mut old_rank = 0;
        k = 0;
        while k < self.rank {
            if self.shape[k] != 1 {
                old_dims[old_rank] = self.shape[k];
                old_strides[old_rank] = self.strides[k];
                old_rank += 1;
            }
            k += 1;
        }
        let (mut oi, mut oj, mut ni, mut nj) = (0, 1, 0, 1);
        while ni < new_rank && oi < old_rank {
            let mut np = dims[ni];
            let mut op = old_dims[oi];
            while np != op {
                // Partial products of `size` (every extent is at least 1
                // here): below `size`, with `nj` and `oj` inside their ranks.
                // The products are checked all the same, so that no overflow
                // hangs on that argument.
                if np < op {
                    np = match np.checked_mul(dims[nj]) {
                        Some(v) => v,
                        None => return Err(AlgebraError::Overflow),
                    };
                    nj += 1;
                } else {
                    op = match op.checked_mul(old_dims[oj]) {
                        Some(v) => v,
                        None => return Err(AlgebraError::Overflow),
                    };
                    oj += 1;
                }
            }
            // The merged old axes must be C-contiguous among themselves.
            let mut ok = oi;
            while ok + 1 < oj {
                // Exact: a product past isize is no stride, so not contiguous.
                if old_strides[ok] as i128 != wide(old_dims[ok + 1]) * old_strides[ok + 1] as i128 {
                    return Err(AlgebraError::ReshapeNeedsCopy {
                        outer: (old_dims[ok], old_strides[ok]),
                        inner: (old_dims[ok + 1], old_strides[ok + 1]),
                    });
                }
                ok += 1;
            }
            out.strides[nj - 1] = old_strides[oj - 1];
            let mut nk = nj - 1;
            while nk > ni {
                // `dims[nk]` is at most `size`, an isize; the product may not be
                // (an extent-1 axis after a huge stride).
                out.strides[nk - 1] = match out.strides[nk].checked_mul(dims[nk] as isize) {
                    Some(v) => v,
                    None => return Err(AlgebraError::Overflow),
                };
                nk -= 1;
            }
            ni = nj;
            nj += 1;
            oi = oj;
            oj += 1;
        }
        // Trailing extent-1 axes take the last stride (NumPy does the same).
        let last = if ni >= 1 { out.strides[ni - 1] } else { 1 };
        while ni < new_rank {
            out.strides[ni] = last;
            ni += 1;
        }
        Ok(out)
    }
}

/// The number of elements: 0 if any extent is 0 (however large the others),
/// else the product, `None` past `isize::MAX`.
const fn element_count(shape: &[usize]) -> Option<usize> {
    let mut k = 0;
    while k < shape.len() {
        if shape[k] == 0 {
            return Some(0);
        }
        k += 1;
    }
    crate::proof::size_of_shape(shape)
}
