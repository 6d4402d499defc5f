//! Layout algebra: NumPy's view operations on (shape, strides, offset).
//!
//! Each operation maps every index of its result to an index of its operand,
//! so a derived layout reaches only elements its parent reaches: that is the
//! promise behind [`DerivedFrom`](crate::DerivedFrom). The macro applies these
//! `const fn`s at expansion (`pub Interior = Image.slice(0, 1..-1)...;`),
//! proves the result with [`proof`](crate::proof), and reports the first
//! failing operation with [`describe_algebra`].
//!
//! Where NumPy silently clamps (a slice past the end) or returns an empty
//! result from nonsense, a compile-time tool rejects: those are the bugs the
//! user wants to hear about. Empty results keep their parent's offset (NumPy
//! may move the data pointer past the end; the elements are never read).

use crate::proof::{Message, MAX_RANK};

/// A layout as plain data: extents, element strides, element offset.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Strided {
    shape: [usize; MAX_RANK],
    strides: [isize; MAX_RANK],
    rank: usize,
    offset: isize,
}

/// Why an operation cannot be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlgebraError {
    /// More than [`MAX_RANK`] axes, or shape and strides of different lengths.
    BadRank {
        /// The rank asked for.
        rank: usize,
    },
    /// An axis number not below the rank.
    AxisOutOfRange {
        /// The axis given.
        axis: usize,
        /// The rank.
        rank: usize,
    },
    /// `new_axis` at a position past the end (positions are `0..=rank`).
    NewAxisOutOfRange {
        /// The position given.
        axis: usize,
        /// The rank.
        rank: usize,
    },
    /// `permute` axes that are not a permutation of `0..rank`.
    NotAPermutation {
        /// The rank.
        rank: usize,
    },
    /// A slice step of 0.
    ZeroStep,
    /// A slice bound outside the axis (NumPy would clamp it).
    SliceOutOfRange {
        /// The axis.
        axis: usize,
        /// The bound as written.
        bound: isize,
        /// The extent of the axis.
        extent: usize,
    },
    /// An index outside the axis.
    IndexOutOfRange {
        /// The axis.
        axis: usize,
        /// The index as written.
        index: isize,
        /// The extent of the axis.
        extent: usize,
    },
    /// `diagonal` of a layout with fewer than two axes.
    DiagonalNeedsTwoAxes {
        /// The rank.
        rank: usize,
    },
    /// `diagonal` or `swap_axes` naming one axis twice where two are needed.
    SameAxis {
        /// The axis.
        axis: usize,
    },
    /// `windows` with one window extent per axis expected.
    WindowRank {
        /// Window extents given.
        given: usize,
        /// The rank.
        rank: usize,
    },
    /// A window larger than its axis.
    WindowTooLarge {
        /// The axis.
        axis: usize,
        /// The window extent.
        window: usize,
        /// The extent of the axis.
        extent: usize,
    },
    /// `broadcast_to` a shape of lower rank.
    BroadcastRank {
        /// The rank.
        rank: usize,
        /// The target rank.
        target: usize,
    },
    /// `broadcast_to` a shape whose extent neither matches nor replaces an extent 1.
    BroadcastMismatch {
        /// The axis of the operand.
        axis: usize,
        /// Its extent.
        extent: usize,
        /// The target extent it would have to become.
        target: usize,
    },
    /// `reshape` to a different number of elements.
    ReshapeSize {
        /// Elements of the operand.
        from: usize,
        /// Elements of the target shape (without a `-1`).
        to: usize,
        /// Whether the target shape has a `-1` (then `to` must divide `from`).
        inferred: bool,
    },
    /// `reshape` with more than one `-1`, or another negative extent.
    ReshapeBadShape,
    /// `reshape` that NumPy can only do by copying: axes `axis` and
    /// `axis + 1` (counting only axes of extent > 1) would merge, but are not
    /// contiguous in C order.
    ReshapeNeedsCopy {
        /// Extent and stride of the outer axis.
        outer: (usize, isize),
        /// Extent and stride of the inner axis.
        inner: (usize, isize),
    },
    /// An extent or offset overflows.
    Overflow,
}

impl core::fmt::Debug for Strided {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Strided")
            .field("shape", &self.shape())
            .field("strides", &self.strides())
            .field("offset", &self.offset)
            .finish()
    }
}

/// `Err(e)` out of a `const fn`, like `?`.
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}

impl Strided {
    /// A layout from its parts.
    pub const fn new(shape: &[usize], strides: &[isize], offset: isize) -> Result<Self, AlgebraError> {
        if shape.len() != strides.len() || shape.len() > MAX_RANK {
            return Err(AlgebraError::BadRank { rank: shape.len() });
        }
        let mut out = Strided {
            shape: [0; MAX_RANK],
            strides: [0; MAX_RANK],
            rank: shape.len(),
            offset,
        };
        let mut k = 0;
        while k < shape.len() {
            out.shape[k] = shape[k];
            out.strides[k] = strides[k];
            k += 1;
        }
        Ok(out)
    }

    /// Extents.
    pub const fn shape(&self) -> &[usize] {
        self.shape.split_at(self.rank).0
    }

    /// Element strides.
    pub const fn strides(&self) -> &[isize] {
        self.strides.split_at(self.rank).0
    }

    /// Element offset of index `[0, .., 0]`.
    pub const fn offset(&self) -> isize {
        self.offset
    }

    /// Number of axes.
    pub const fn rank(&self) -> usize {
        self.rank
    }

    const fn is_empty(&self) -> bool {
        let mut k = 0;
        while k < self.rank {
            if self.shape[k] == 0 {
                return true;
            }
            k += 1;
        }
        false
    }

    const fn check_axis(&self, axis: usize) -> Result<(), AlgebraError> {
        if axis < self.rank {
            Ok(())
        } else {
            Err(AlgebraError::AxisOutOfRange { axis, rank: self.rank })
        }
    }

    /// Removes `axis`.
    const fn without(mut self, axis: usize) -> Self {
        let mut k = axis;
        while k + 1 < self.rank {
            self.shape[k] = self.shape[k + 1];
            self.strides[k] = self.strides[k + 1];
            k += 1;
        }
        self.rank -= 1;
        self
    }

    /// Inserts an axis at `axis` (`<= rank`).
    const fn with_axis(mut self, axis: usize, extent: usize, stride: isize) -> Result<Self, AlgebraError> {
        if self.rank >= MAX_RANK {
            return Err(AlgebraError::BadRank { rank: self.rank + 1 });
        }
        let mut k = self.rank;
        while k > axis {
            self.shape[k] = self.shape[k - 1];
            self.strides[k] = self.strides[k - 1];
            k -= 1;
        }
        self.shape[axis] = extent;
        self.strides[axis] = stride;
        self.rank += 1;
        Ok(self)
    }

    /// Moves the offset by `steps` strides of `axis`, unless the result is
    /// empty (an empty view keeps its parent's offset).
    const fn shift(mut self, steps: isize, stride: isize, empty: bool) -> Result<Self, AlgebraError> {
        if empty {
            return Ok(self);
        }
        self.offset = match steps.checked_mul(stride) {
            Some(d) => match self.offset.checked_add(d) {
                Some(o) => o,
                None => return Err(AlgebraError::Overflow),
            },
            None => return Err(AlgebraError::Overflow),
        };
        Ok(self)
    }

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

    /// `sliding_window_view(a, window)`: rank R becomes 2R, the window
    /// positions first, then the window's own axes.
    pub const fn windows(self, window: &[usize]) -> Result<Self, AlgebraError> {
        if window.len() != self.rank {
            return Err(AlgebraError::WindowRank {
                given: window.len(),
                rank: self.rank,
            });
        }
        if 2 * self.rank > MAX_RANK {
            return Err(AlgebraError::BadRank { rank: 2 * self.rank });
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
            out.shape[k] = self.shape[k] - window[k] + 1;
            out.shape[self.rank + k] = window[k];
            out.strides[self.rank + k] = self.strides[k];
            k += 1;
        }
        out.rank = 2 * self.rank;
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

    /// `a.reshape(shape)` where NumPy returns a view (C order, no copy); one
    /// extent may be `-1`, inferred. A reshape that needs a copy is an error.
    /// Follows NumPy's `_attempt_nocopy_reshape`.
    pub const fn reshape(self, shape: &[isize]) -> Result<Self, AlgebraError> {
        if shape.len() > MAX_RANK {
            return Err(AlgebraError::BadRank { rank: shape.len() });
        }
        let size = match crate::proof::size_of_shape(self.shape()) {
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
                if np < op {
                    np *= dims[nj];
                    nj += 1;
                } else {
                    op *= old_dims[oj];
                    oj += 1;
                }
            }
            // The merged old axes must be C-contiguous among themselves.
            let mut ok = oi;
            while ok + 1 < oj {
                if old_strides[ok] != old_dims[ok + 1] as isize * old_strides[ok + 1] {
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
                out.strides[nk - 1] = out.strides[nk] * dims[nk] as isize;
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

    /// `a[..., np.newaxis, ...]`: an axis of extent 1 (stride 0) at `axis`.
    pub const fn new_axis(self, axis: usize) -> Result<Self, AlgebraError> {
        if axis > self.rank {
            return Err(AlgebraError::NewAxisOutOfRange { axis, rank: self.rank });
        }
        self.with_axis(axis, 1, 0)
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

/// Describes why operation `op` (as written) on layout `name` fails.
pub const fn describe_algebra(name: &str, op: &str, error: &AlgebraError) -> Message {
    let m = Message::new().str("layout ").name(name).str(": `").str(op).str("` ");
    match *error {
        AlgebraError::BadRank { rank } => m
            .str("would give rank ")
            .uint(rank as u128)
            .str(", above the supported ")
            .uint(MAX_RANK as u128),
        AlgebraError::AxisOutOfRange { axis, rank } => m
            .str("names axis ")
            .uint(axis as u128)
            .str(", but the layout has ")
            .uint(rank as u128)
            .str(" axes"),
        AlgebraError::NewAxisOutOfRange { axis, rank } => m
            .str("inserts an axis at position ")
            .uint(axis as u128)
            .str(", but a layout with ")
            .uint(rank as u128)
            .str(" axes takes a new axis at positions 0 to ")
            .uint(rank as u128),
        AlgebraError::NotAPermutation { rank } => m.str("needs a permutation of the axes 0 to ").int(rank as i128 - 1),
        AlgebraError::ZeroStep => m.str("has step 0; a slice step must be non-zero"),
        AlgebraError::SliceOutOfRange { axis, bound, extent } => m
            .str(if bound < 0 {
                "goes before the start of axis "
            } else {
                "goes past the end of axis "
            })
            .uint(axis as u128)
            .str(": bound ")
            .int(bound as i128)
            .str(" is outside an extent of ")
            .uint(extent as u128)
            .str(" (NumPy would silently clamp it)"),
        AlgebraError::IndexOutOfRange { axis, index, extent } => m
            .str("is out of range: index ")
            .int(index as i128)
            .str(" on axis ")
            .uint(axis as u128)
            .str(" of extent ")
            .uint(extent as u128),
        AlgebraError::DiagonalNeedsTwoAxes { rank } => m
            .str("needs at least two axes, but the layout has rank ")
            .uint(rank as u128),
        AlgebraError::SameAxis { axis } => m
            .str("names axis ")
            .uint(axis as u128)
            .str(" twice; give two different axes"),
        AlgebraError::WindowRank { given, rank } => m
            .str("gives ")
            .uint(given as u128)
            .str(" window extent(s) for a layout of rank ")
            .uint(rank as u128)
            .str("; give one per axis"),
        AlgebraError::WindowTooLarge { axis, window, extent } => m
            .str("has a window of ")
            .uint(window as u128)
            .str(" on axis ")
            .uint(axis as u128)
            .str(", larger than its extent ")
            .uint(extent as u128),
        AlgebraError::BroadcastRank { rank, target } => m
            .str("cannot broadcast a layout of rank ")
            .uint(rank as u128)
            .str(" to rank ")
            .uint(target as u128),
        AlgebraError::BroadcastMismatch { axis, extent, target } => m
            .str("cannot broadcast: axis ")
            .uint(axis as u128)
            .str(" has extent ")
            .uint(extent as u128)
            .str(", which is neither ")
            .uint(target as u128)
            .str(" nor 1"),
        AlgebraError::ReshapeSize {
            from,
            to,
            inferred: false,
        } => m
            .str("cannot reshape ")
            .uint(from as u128)
            .str(" elements into a shape of ")
            .uint(to as u128),
        AlgebraError::ReshapeSize {
            from,
            to,
            inferred: true,
        } => m
            .str("cannot infer the -1: ")
            .uint(from as u128)
            .str(" elements are not a multiple of the other extents' product ")
            .uint(to as u128),
        AlgebraError::ReshapeBadShape => m.str("has a negative extent other than a single -1"),
        AlgebraError::ReshapeNeedsCopy { outer, inner } => m
            .str("cannot be done as a view: it merges an axis of extent ")
            .uint(outer.0 as u128)
            .str(" and stride ")
            .int(outer.1 as i128)
            .str(" with the next, of extent ")
            .uint(inner.0 as u128)
            .str(" and stride ")
            .int(inner.1 as i128)
            .str(", which are not contiguous in C order (the outer stride would have to be ")
            .int(inner.0 as i128 * inner.1 as i128)
            .str("), so NumPy would copy"),
        AlgebraError::Overflow => m.str("overflows isize"),
    }
}
