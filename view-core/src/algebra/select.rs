//! Operations that select elements along axes: flip, slice, index, diagonal.
//!
//! Extents, bounds and offsets meet here in one formula, and an empty layout
//! may have any extent up to `usize::MAX`, so the arithmetic is exact (see
//! [`wide`]) and only the new offset and strides are narrowed to `isize`.

use super::{wide, AlgebraError, Strided};

impl Strided {
    /// `np.flip(a, axis)`: the axis runs backwards.
    pub const fn flip(self, axis: usize) -> Result<Self, AlgebraError> {
        tri!(self.check_axis(axis));
        let (n, s) = (self.shape[axis], self.strides[axis]);
        let empty = self.is_empty();
        // -isize::MIN is no isize, even where the axis has one element.
        let stride = match s.checked_neg() {
            Some(v) => v,
            None => return Err(AlgebraError::Overflow),
        };
        let mut out = tri!(self.shift(wide(n) - 1, s, empty));
        out.strides[axis] = stride;
        Ok(out)
    }

    /// `a[start:stop:step]` on `axis`, NumPy's basic slicing: a negative
    /// bound counts from the end, an omitted one (`None`) is the natural end
    /// for the step's direction. A bound NumPy would clamp is an error; so is
    /// a step of 0. With a negative step, `-(n + 1)` is not clamped: it is
    /// -1, "before the first element", as in NumPy (`a[2:-5:-1]` of 4
    /// elements is `[2, 1, 0]`).
    pub const fn slice(
        self,
        axis: usize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    ) -> Result<Self, AlgebraError> {
        tri!(self.check_axis(axis));
        if step == 0 {
            return Err(AlgebraError::ZeroStep);
        }
        let n = self.shape[axis];
        let s = self.strides[axis];
        let forward = step > 0;
        // Valid explicit bounds after adding `n` to negatives: `0..=n` for a
        // forward step, `-1..n` backwards (-1 is "before the start").
        let start = match start {
            None => {
                if forward {
                    0
                } else {
                    wide(n) - 1
                }
            }
            Some(b) => tri!(slice_bound(axis, b, n, forward)),
        };
        let stop = match stop {
            None => {
                if forward {
                    wide(n)
                } else {
                    -1
                }
            }
            Some(b) => tri!(slice_bound(axis, b, n, forward)),
        };
        // In i128, -step is exact even for isize::MIN.
        let step_size = if forward { step as i128 } else { -(step as i128) };
        let (low, high) = if forward { (start, stop) } else { (stop, start) };
        // Both bounds lie in -1..=n, so the length lies in 0..=n: a usize.
        let len = if low < high {
            (high - low - 1) / step_size + 1
        } else {
            0
        };
        let empty = len == 0 || self.is_empty();
        let mut out = tri!(self.shift(start, s, empty));
        out.shape[axis] = len as usize;
        out.strides[axis] = match s.checked_mul(step) {
            Some(v) => v,
            None => return Err(AlgebraError::Overflow),
        };
        Ok(out)
    }

    /// `a[i]` on `axis` (`a[:, i]` for axis 1): the axis is dropped. A
    /// negative index counts from the end.
    pub const fn index(self, axis: usize, index: isize) -> Result<Self, AlgebraError> {
        tri!(self.check_axis(axis));
        let n = self.shape[axis];
        let i = if index < 0 {
            index as i128 + wide(n)
        } else {
            index as i128
        };
        if i < 0 || i >= wide(n) {
            return Err(AlgebraError::IndexOutOfRange { axis, index, extent: n });
        }
        let s = self.strides[axis];
        let empty = self.is_empty();
        Ok(tri!(self.shift(i, s, empty)).without(axis))
    }

    /// `np.diagonal(a, offset=k, axis1, axis2)`: both axes are removed and
    /// the diagonal becomes the last axis.
    pub const fn diagonal(self, k: isize, axis1: usize, axis2: usize) -> Result<Self, AlgebraError> {
        if self.rank < 2 {
            return Err(AlgebraError::DiagonalNeedsTwoAxes { rank: self.rank });
        }
        tri!(self.check_axis(axis1));
        tri!(self.check_axis(axis2));
        if axis1 == axis2 {
            return Err(AlgebraError::SameAxis { axis: axis1 });
        }
        let (n1, s1) = (wide(self.shape[axis1]), self.strides[axis1]);
        let (n2, s2) = (wide(self.shape[axis2]), self.strides[axis2]);
        let k = k as i128;
        // a[i, i + k] for k >= 0, a[i - k, i] for k < 0, while both are inside.
        let len = if k >= 0 { min(n1, n2 - k) } else { min(n1 + k, n2) };
        // At most min(n1, n2): a usize.
        let len = if len < 0 { 0 } else { len };
        let empty = len == 0 || self.is_empty();
        let stride = match s1.checked_add(s2) {
            Some(v) => v,
            None => return Err(AlgebraError::Overflow),
        };
        let out = if k >= 0 {
            tri!(self.shift(k, s2, empty))
        } else {
            tri!(self.shift(-k, s1, empty))
        };
        let (first, second) = if axis1 > axis2 { (axis1, axis2) } else { (axis2, axis1) };
        let out = out.without(first).without(second);
        out.with_axis(out.rank, len as usize, stride)
    }
}

const fn min(a: i128, b: i128) -> i128 {
    if a < b {
        a
    } else {
        b
    }
}

/// A written slice bound, normalised (negatives count from the end) and
/// checked against what `PySlice_AdjustIndices` leaves alone: `0..=n` for a
/// forward step, `-1..=n - 1` backwards (below 0 it sets -1, above `n - 1`
/// it sets `n - 1`; only a different value is a clamp).
const fn slice_bound(axis: usize, bound: isize, n: usize, forward: bool) -> Result<i128, AlgebraError> {
    let b = if bound < 0 {
        bound as i128 + wide(n)
    } else {
        bound as i128
    };
    let (low, high) = if forward { (0, wide(n)) } else { (-1, wide(n) - 1) };
    if b < low || b > high {
        Err(AlgebraError::SliceOutOfRange { axis, bound, extent: n })
    } else {
        Ok(b)
    }
}
