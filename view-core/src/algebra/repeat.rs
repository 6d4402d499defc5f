//! Operations whose result reaches elements more than once: windows, broadcast_to.

use super::{AlgebraError, Strided};
use crate::proof::MAX_RANK;

impl Strided {
    /// `sliding_window_view(a, window)`: rank R becomes 2R, the window
    /// positions first, then the window's own axes.
    pub const fn windows(self, window: &[usize]) -> Result<Self, AlgebraError> {
        if window.len() != self.rank {
            return Err(AlgebraError::WindowRank {
                given: window.len(),
                rank: self.rank,
            });
        }
        // Written so that nothing doubles before the check.
        if self.rank > MAX_RANK / 2 {
            return Err(AlgebraError::BadRank {
                rank: self.rank.saturating_mul(2),
            });
        }
        let mut out = self;
        let mut k = 0;
        while k < self.rank {
            if window[k] > self.shape[k] {
                return Err(AlgebraError::WindowTooLarge {
                    axis: k,
                    window: window[k],
                    extent: self.shape[k],
                });
            }
            // A window of 0 on an extent of usize::MAX has one position too many.
            out.shape[k] = match (self.shape[k] - window[k]).checked_add(1) {
                Some(positions) => positions,
                None => return Err(AlgebraError::Overflow),
            };
            out.shape[self.rank + k] = window[k];
            out.strides[self.rank + k] = self.strides[k];
            k += 1;
        }
        out.rank = self.rank + self.rank;
        Ok(out)
    }

    /// `np.broadcast_to(a, shape)`: axes are matched from the end; an extent
    /// 1 stretches (stride 0), new leading axes repeat (stride 0); as in
    /// NumPy, an axis of extent 1 has stride 0 even where it is not stretched.
    pub const fn broadcast_to(self, shape: &[usize]) -> Result<Self, AlgebraError> {
        if shape.len() < self.rank || shape.len() > MAX_RANK {
            return Err(AlgebraError::BroadcastRank {
                rank: self.rank,
                target: shape.len(),
            });
        }
        let lead = shape.len() - self.rank;
        let mut out = Strided {
            shape: [0; MAX_RANK],
            strides: [0; MAX_RANK],
            rank: shape.len(),
            offset: self.offset,
        };
        let mut k = 0;
        while k < shape.len() {
            out.shape[k] = shape[k];
            if k >= lead {
                let (n, s) = (self.shape[k - lead], self.strides[k - lead]);
                // Like NumPy, every axis of extent 1 gets stride 0.
                if n == 1 {
                    out.strides[k] = 0;
                } else if n == shape[k] {
                    out.strides[k] = s;
                } else {
                    return Err(AlgebraError::BroadcastMismatch {
                        axis: k - lead,
                        extent: n,
                        target: shape[k],
                    });
                }
            }
            k += 1;
        }
        Ok(out)
    }
}
