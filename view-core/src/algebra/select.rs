//! Operations that select elements along axes: flip, slice, index, diagonal.

use super::{AlgebraError, Strided};

impl Strided {
    /// `np.flip(a, axis)`: the axis runs backwards.
    pub const fn flip(self, axis: usize) -> Result<Self, AlgebraError> {
        tri!(self.check_axis(axis));
        let (n, s) = (self.shape[axis], self.strides[axis]);
        let empty = self.is_empty();
        let mut out = tri!(self.shift(n as isize - 1, s, empty));
        out.strides[axis] = -s;
        Ok(out)
    }

    /// `a[start:stop:step]` on `axis`, NumPy's basic slicing: a negative
    /// bound counts from the end, an omitted one (`None`) is the natural end
    /// for the step's direction. A bound outside the axis is an error (NumPy
    /// would clamp it); so is a step of 0.
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
        let n = self.shape[axis] as isize;
        let s = self.strides[axis];
        // Valid explicit bounds after adding `n` to negatives: `0..=n` for a
        // forward step, `0..n` (or -1 for "before the start") backwards.
        let start = match start {
            None => {
                if step > 0 {
                    0
                } else {
                    n - 1
                }
            }
            Some(b) => tri!(slice_bound(axis, b, n, step)),
        };
        let stop = match stop {
            None => {
                if step > 0 {
                    n
                } else {
                    -1
                }
            }
            Some(b) => tri!(slice_bound(axis, b, n, step)),
        };
        let len = if step > 0 {
            if start < stop {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if stop < start {
            (start - stop - 1) / (-step) + 1
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
        let i = if index < 0 { index + n as isize } else { index };
        if i < 0 || i >= n as isize {
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
        let (n1, s1) = (self.shape[axis1] as isize, self.strides[axis1]);
        let (n2, s2) = (self.shape[axis2] as isize, self.strides[axis2]);
        let len = if k >= 0 { min(n1, n2 - k) } else { min(n1 + k, n2) };
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

const fn min(a: isize, b: isize) -> isize {
    if a < b {
        a
    } else {
        b
    }
}

/// A written slice bound, normalised (negatives count from the end) and checked.
const fn slice_bound(axis: usize, bound: isize, n: isize, step: isize) -> Result<isize, AlgebraError> {
    let b = if bound < 0 { bound + n } else { bound };
    let max = if step > 0 { n } else { n - 1 };
    if b < 0 || b > max {
        Err(AlgebraError::SliceOutOfRange {
            axis,
            bound,
            extent: n as usize,
        })
    } else {
        Ok(b)
    }
}
