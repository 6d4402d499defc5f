//! An operation as data. The macro proves a derived layout on the host; an
//! expansion that writes the operations down (`Op::Flip(0)`) lets view-core
//! apply them again in const evaluation on the compilation target, whose
//! `usize` may be narrower than the host's.

use super::{AlgebraError, Strided};

/// One operation of the layout algebra with its arguments, as the DSL
/// writes it: `.slice(0, 1..-1)` is
/// `Op::Slice { axis: 0, start: Some(1), stop: Some(-1), step: 1 }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op<'a> {
    /// [`Strided::t`].
    T,
    /// [`Strided::permute`]: result axis `k` is operand axis `axes[k]`.
    Permute(&'a [usize]),
    /// [`Strided::swap_axes`].
    SwapAxes(usize, usize),
    /// [`Strided::flip`] of an axis.
    Flip(usize),
    /// [`Strided::slice`]: `start..stop` with `step`; `None` is an omitted bound.
    Slice {
        /// The axis.
        axis: usize,
        /// The first bound, `None` if omitted.
        start: Option<isize>,
        /// The second bound, `None` if omitted.
        stop: Option<isize>,
        /// The step (1 where the DSL omits it).
        step: isize,
    },
    /// [`Strided::index`]: axis, then index.
    Index(usize, isize),
    /// [`Strided::diagonal`].
    Diagonal {
        /// The diagonal's offset `k` (0 where the DSL omits it).
        offset: isize,
        /// The first axis (0 where the DSL omits it).
        axis1: usize,
        /// The second axis (1 where the DSL omits it).
        axis2: usize,
    },
    /// [`Strided::windows`]: one window extent per axis.
    Windows(&'a [usize]),
    /// [`Strided::broadcast_to`]: the target shape.
    BroadcastTo(&'a [usize]),
    /// [`Strided::reshape`]: the target shape, with at most one -1.
    Reshape(&'a [isize]),
    /// [`Strided::new_axis`] at a position.
    NewAxis(usize),
}

impl Op<'_> {
    /// Applies the operation to `layout`: the same as calling its method.
    pub const fn apply(self, layout: Strided) -> Result<Strided, AlgebraError> {
        match self {
            Op::T => Ok(layout.t()),
            Op::Permute(axes) => layout.permute(axes),
            Op::SwapAxes(a, b) => layout.swap_axes(a, b),
            Op::Flip(axis) => layout.flip(axis),
            Op::Slice {
                axis,
                start,
                stop,
                step,
            } => layout.slice(axis, start, stop, step),
            Op::Index(axis, index) => layout.index(axis, index),
            Op::Diagonal { offset, axis1, axis2 } => layout.diagonal(offset, axis1, axis2),
            Op::Windows(window) => layout.windows(window),
            Op::BroadcastTo(shape) => layout.broadcast_to(shape),
            Op::Reshape(shape) => layout.reshape(shape),
            Op::NewAxis(axis) => layout.new_axis(axis),
        }
    }

    /// Whether the operation maps distinct result indices to distinct
    /// operand indices, whatever its operand and arguments: a unique
    /// operand gives a unique result. True for all but [`Op::Windows`] and
    /// [`Op::BroadcastTo`], which read elements more than once by design
    /// (even where particular arguments happen not to: windows of 1, a
    /// broadcast that stretches nothing). [`Op::NewAxis`] adds an axis of
    /// extent 1, so it is injective.
    pub const fn is_injective(&self) -> bool {
        !matches!(self, Op::Windows(_) | Op::BroadcastTo(_))
    }

    /// The DSL's method name (`"swap_axes"` for [`Op::SwapAxes`]), for messages.
    pub const fn name(&self) -> &'static str {
        match self {
            Op::T => "t",
            Op::Permute(_) => "permute",
            Op::SwapAxes(..) => "swap_axes",
            Op::Flip(_) => "flip",
            Op::Slice { .. } => "slice",
            Op::Index(..) => "index",
            Op::Diagonal { .. } => "diagonal",
            Op::Windows(_) => "windows",
            Op::BroadcastTo(_) => "broadcast_to",
            Op::Reshape(_) => "reshape",
            Op::NewAxis(_) => "new_axis",
        }
    }
}

/// Applies `ops` in order; on failure, the index of the first operation that
/// fails, with its error (what the macro reports, spanned on that operation).
pub const fn apply_all(layout: Strided, ops: &[Op<'_>]) -> Result<Strided, (usize, AlgebraError)> {
    let mut layout = layout;
    let mut k = 0;
    while k < ops.len() {
        layout = match ops[k].apply(layout) {
            Ok(next) => next,
            Err(e) => return Err((k, e)),
        };
        k += 1;
    }
    Ok(layout)
}
