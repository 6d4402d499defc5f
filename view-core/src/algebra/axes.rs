//! Operations that only move axes: reorder them, or insert one of extent 1.

use super::{AlgebraError, Strided};
use crate::proof::MAX_RANK;

impl Strided {
    /// NumPy `.T`: the axes in reverse order.
    pub const fn t(mut self) -> Self {
        let (mut i, mut j) = (0, self.rank);
        while i + 1 < j {
            j -= 1;
            let (n, s) = (self.shape[i], self.strides[i]);
            self.shape[i] = self.shape[j];
            self.strides[i] = self.strides[j];
            self.shape[j] = n;
            self.strides[j] = s;
            i += 1;
        }
        self
    }

    /// `np.transpose(a, axes)`: result axis `k` is operand axis `axes[k]`.
    pub const fn permute(self, axes: &[usize]) -> Result<Self, AlgebraError> {
        if axes.len() != self.rank {
            return Err(AlgebraError::NotAPermutation { rank: self.rank });
        }
        let mut seen = [false; MAX_RANK];
        let mut out = self;
        let mut k = 0;
        while k < axes.len() {
            let a = axes[k];
            if a >= self.rank || seen[a] {
                return Err(AlgebraError::NotAPermutation { rank: self.rank });
            }
            seen[a] = true;
            out.shape[k] = self.shape[a];
            out.strides[k] = self.strides[a];
            k += 1;
        }
        Ok(out)
    }

    /// `np.swapaxes(a, a1, a2)`.
    pub const fn swap_axes(mut self, a: usize, b: usize) -> Result<Self, AlgebraError> {
        tri!(self.check_axis(a));
        tri!(self.check_axis(b));
        let (n, s) = (self.shape[a], self.strides[a]);
        self.shape[a] = self.shape[b];
        self.strides[a] = self.strides[b];
        self.shape[b] = n;
        self.strides[b] = s;
        Ok(self)
    }

    /// `a[..., np.newaxis, ...]`: an axis of extent 1 (stride 0) at `axis`.
    pub const fn new_axis(self, axis: usize) -> Result<Self, AlgebraError> {
        if axis > self.rank {
            return Err(AlgebraError::NewAxisOutOfRange { axis, rank: self.rank });
        }
        self.with_axis(axis, 1, 0)
    }
}
