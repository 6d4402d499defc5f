//! Layout algebra: NumPy's view operations on (shape, strides, offset).
//!
//! Each operation maps every index of its result to an index of its operand,
//! so a derived layout reaches only elements its parent reaches: that is the
//! promise behind [`DerivedFrom`](crate::DerivedFrom). The macro applies these
//! `const fn`s at expansion (`pub Interior = Image.slice(0, 1..-1)...;`),
//! proves the result with [`proof`](crate::proof), and reports the first
//! failing operation with [`describe_algebra`]. An [`Op`] is one operation
//! as data, so that a chain written in an expansion can be applied again
//! ([`apply_all`]) in const evaluation on the target.
//!
//! Where NumPy silently clamps (a slice past the end) or returns an empty
//! result from nonsense, a compile-time tool rejects: those are the bugs the
//! user wants to hear about. Empty results keep their parent's offset (NumPy
//! may move the data pointer past the end; the elements are never read).

use crate::proof::MAX_RANK;

/// `Err(e)` out of a `const fn`, like `?`.
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}

mod axes;
mod message;
mod op;
mod repeat;
mod reshape;
mod select;

pub use message::describe_algebra;
pub(crate) use message::describe_run_time_algebra;
pub use op::{apply_all, Op};

/// A layout as plain data: extents, element strides, element offset.
// Slots past `rank` are always 0, so the derived `==` and `Hash` see only
// the axes.
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
    /// An extent, stride or offset of the result does not fit its type.
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

    /// Whether this layout has exactly these parts: `==` for const code,
    /// where `PartialEq` cannot be called.
    pub const fn same_as(&self, shape: &[usize], strides: &[isize], offset: isize) -> bool {
        if shape.len() != self.rank || strides.len() != self.rank || offset != self.offset {
            return false;
        }
        let mut k = 0;
        while k < self.rank {
            if shape[k] != self.shape[k] || strides[k] != self.strides[k] {
                return false;
            }
            k += 1;
        }
        true
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

    /// Removes `axis` (`< rank`), zeroing the slot it frees.
    const fn without(mut self, axis: usize) -> Self {
        let mut k = axis;
        while k + 1 < self.rank {
            self.shape[k] = self.shape[k + 1];
            self.strides[k] = self.strides[k + 1];
            k += 1;
        }
        self.rank -= 1;
        self.shape[self.rank] = 0;
        self.strides[self.rank] = 0;
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

    /// Moves the offset by `steps` times `stride`, unless the result is
    /// empty (an empty view keeps its parent's offset). `steps` is exact (any
    /// extent minus one, any bound); only the new offset must fit `isize`.
    const fn shift(mut self, steps: i128, stride: isize, empty: bool) -> Result<Self, AlgebraError> {
        if empty {
            return Ok(self);
        }
        let moved = match steps.checked_mul(stride as i128) {
            Some(d) => (self.offset as i128).checked_add(d),
            None => None,
        };
        self.offset = tri!(narrow(moved));
        Ok(self)
    }
}

// The operations count in `i128` where an extent meets a signed value: every
// `usize` and `isize` fits it exactly, so only results need checking.
const _: () = assert!(usize::BITS < i128::BITS);

/// An extent as an exact signed count.
const fn wide(n: usize) -> i128 {
    n as i128
}

/// Back from exact arithmetic: [`AlgebraError::Overflow`] unless the value
/// exists and fits `isize`.
const fn narrow(value: Option<i128>) -> Result<isize, AlgebraError> {
    match value {
        Some(v) if v >= isize::MIN as i128 && v <= isize::MAX as i128 => Ok(v as isize),
        _ => Err(AlgebraError::Overflow),
    }
}
