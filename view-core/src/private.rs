//! What the `strided_view!` macro's expansion names: not API.
//!
//! Everything here is public only because generated code in the user's
//! crate must reach it; it is `#[doc(hidden)]`, may change in any release,
//! and no program should name it. Soundness never rests on these items being
//! reached: they produce early, spanned errors for `cargo check`; the checks
//! that matter run inside view-core's constructors ([`Facts`]).

// Verdicts and messages are built once per layout in const evaluation,
// which cannot box; their size is irrelevant there (as in `proof`).
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

pub use crate::algebra::Op;
pub use crate::certificate::Certificate;
pub use crate::derived::{DerivedCertificate, DerivedParts};
pub use crate::facts::{Facts, UNKNOWN};
pub use crate::proof::{c_order_strides, Message};

use crate::facts::{describe_problem_of, Number, Problem};
use crate::layout::Layout;
pub use crate::proof::Units;
use crate::proof::{
    describe_byte_offset, describe_byte_stride, describe_uniqueness, elements_from_bytes, BoundsError, Culprit,
};
use crate::split::Partition;

/// Which token an item-level check speaks for: the macro emits one check
/// per number it can point at, each spanned at its token, and a last one
/// (`Any`) spanned at the layout's name. The first that fires is the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Blame {
    /// Fires when the extent of this axis is to blame.
    Extent(usize),
    /// Fires when the stride of this axis is to blame.
    Stride(usize),
    /// Fires when the offset is to blame.
    Offset,
    /// Fires when the buffer length is to blame.
    Len,
    /// Fires on any rejection.
    Any,
}

/// The name of one instantiation of a generic item, `Gray<4, 3>`: what its
/// messages call it, so that a failing instantiation names its parameters.
pub const fn instance_name(name: &str, params: &[i128]) -> Message {
    let mut text = Message::new().str(name).str("<");
    let mut k = 0;
    while k < params.len() {
        if k > 0 {
            text = text.str(", ");
        }
        text = text.int(params[k]);
        k += 1;
    }
    text.str(">")
}

/// The item-level check of a layout: the message of [`Facts::CHECK`]'s
/// rejection if it is `blame`'s to report, with the fix of a bounds error
/// in elements.
///
/// The generated code panics with it in a `const` item (a compile error that
/// fires under `cargo check` too), spanned at the blamed token.
pub const fn layout_failure<L: Layout>(blame: Blame) -> Option<Message> {
    layout_failure_in::<L>(blame, Units::Elements)
}

/// [`layout_failure`], with the fix of a bounds error in `units` (those of
/// the layout's offset as written: `Units::Bytes(size_of::<E>())` for a
/// `byte_offset`, or `byte_strides` and no offset).
pub const fn layout_failure_in<L: Layout>(blame: Blame, units: Units) -> Option<Message> {
    let problem = match Facts::<L>::CHECK {
        Ok(_) => return None,
        Err(problem) => problem,
    };
    let culprit = match problem {
        Problem::Bounds(
            BoundsError::PastEnd { culprit, .. }
            | BoundsError::BeforeStart { culprit, .. }
            | BoundsError::Overflow { culprit, .. },
        ) => Some(culprit),
        _ => None,
    };
    let narrowed = match problem {
        Problem::Narrowed { what, .. } => Some(what),
        _ => None,
    };
    let fires = match (blame, culprit, narrowed) {
        (Blame::Any, _, _) => true,
        (Blame::Extent(k), _, Some(Number::Extent(axis))) => k == axis,
        (Blame::Stride(k), Some(Culprit::Stride(axis)), _) | (Blame::Stride(k), _, Some(Number::Stride(axis))) => {
            k == axis
        }
        (Blame::Offset, Some(Culprit::Offset), _) | (Blame::Offset, _, Some(Number::Offset)) => true,
        (Blame::Offset, None, None) => matches!(problem, Problem::Bounds(BoundsError::EmptyOffsetOutside { .. })),
        (Blame::Len, _, Some(Number::BufferLen)) => true,
        (Blame::Len, _, _) => matches!(problem, Problem::Bounds(BoundsError::BufferTooLarge { .. })),
        _ => false,
    };
    if fires {
        Some(describe_problem_of::<L>(&problem, units))
    } else {
        None
    }
}

/// The item-level check of a derived layout's operation `at`: the message
/// if it is the first that cannot be applied to `P`.
pub const fn derivation_failure<P: Layout>(name: &str, ops: &[Op<'_>], at: usize) -> Option<Message> {
    crate::derived::derivation_failure::<P>(name, ops, at)
}

/// The operations that make a derived layout from a farther ancestor:
/// those that make its parent from that ancestor, then its own.
///
/// The expansion names both lists by their `DerivedFrom` constants, so a
/// chain of `n` derived items costs O(n²) tokens, not O(n³). `N` is the
/// total, which the macro counts; any other `N` fails the constant's
/// evaluation. The list is not trusted either way: `derive` re-applies it.
pub const fn chain_ops<const N: usize>(first: &[Op<'static>], then: &[Op<'static>]) -> [Op<'static>; N] {
    let counted = matches!(first.len().checked_add(then.len()), Some(total) if total == N);
    assert!(counted, "a derivation's operations are counted wrongly");
    let mut out = [Op::T; N];
    let mut k = 0;
    while k < first.len() {
        out[k] = first[k];
        k += 1;
    }
    let mut j = 0;
    while j < then.len() {
        out[first.len() + j] = then[j];
        j += 1;
    }
    out
}

/// The item-level check of a writable layout: the message unless it is
/// proven unique ([`Facts::UNIQUENESS`]).
pub const fn writable_failure<L: Layout>() -> Option<Message> {
    describe_uniqueness(L::NAME, &Facts::<L>::UNIQUENESS)
}

/// The item-level check of a split: the message unless every member was
/// declared for the split's buffer and the members are pairwise disjoint.
pub const fn split_failure<P: Partition>() -> Option<Message> {
    crate::split::split_failure::<P>()
}

/// The primitive integer types, which a stride or offset written with a
/// constant (`strides: [W, 1]` with `const W: usize`) may have: the
/// expansion converts such a number exactly ([`to_isize`], [`to_usize`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an integer type: a layout's strides, offset and operation arguments are integers",
    label = "not an integer",
    note = "a constant of any integer type is converted exactly (an overflow is an error); a float, bool or char is never an element count"
)]
pub trait Integer: Copy {
    /// Whether the type is signed.
    const SIGNED: bool;
}

macro_rules! integers {
    ($($ty:ty: $signed:literal),*) => {
        $(impl Integer for $ty {
            const SIGNED: bool = $signed;
        })*
    };
}

integers!(
    i8: true, i16: true, i32: true, i64: true, i128: true, isize: true,
    u8: false, u16: false, u32: false, u64: false, u128: false, usize: false
);

/// Whether the integer type of `value` is signed (an error, naming the
/// type, for a value that is not an integer).
pub const fn is_signed<T: Integer>(_value: &T) -> bool {
    T::SIGNED
}

/// The exact value of an integer given as both `value as i128` and
/// `value as u128`: the first for a signed type, the second for an
/// unsigned one (each exact for its kind, `u128` included).
const fn exact(signed: bool, as_i128: i128, as_u128: u128) -> Result<i128, u128> {
    if signed {
        Ok(as_i128)
    } else if as_u128 <= i128::MAX as u128 {
        Ok(as_u128 as i128)
    } else {
        Err(as_u128)
    }
}

/// `what` of layout `name` ("the stride of axis 1"), written as a constant
/// of any integer type, as this target's `isize`; a compile error (a panic
/// in const evaluation, here, so that no path of the user's crate is needed
/// to raise it) if it does not fit.
pub const fn to_isize(name: &str, what: &str, signed: bool, as_i128: i128, as_u128: u128) -> isize {
    match isize_of(name, what, signed, as_i128, as_u128) {
        Ok(v) => v,
        Err(message) => panic!("{}", message.as_str()),
    }
}

/// As [`to_isize`], for a `usize` number (the offset), which must not be negative.
pub const fn to_usize(name: &str, what: &str, signed: bool, as_i128: i128, as_u128: u128) -> usize {
    match usize_of(name, what, signed, as_i128, as_u128) {
        Ok(v) => v,
        Err(message) => panic!("{}", message.as_str()),
    }
}

/// [`to_isize`]'s value, or its message.
const fn isize_of(name: &str, what: &str, signed: bool, as_i128: i128, as_u128: u128) -> Result<isize, Message> {
    match exact(signed, as_i128, as_u128) {
        Ok(v) if v >= isize::MIN as i128 && v <= isize::MAX as i128 => Ok(v as isize),
        Ok(v) => Err(does_not_fit(name, what, Message::new().int(v), "isize (")
            .int(isize::MIN as i128)
            .str(" to ")
            .int(isize::MAX as i128)
            .str(")")),
        Err(u) => Err(does_not_fit(name, what, Message::new().uint(u), "isize (")
            .int(isize::MIN as i128)
            .str(" to ")
            .int(isize::MAX as i128)
            .str(")")),
    }
}

/// An operation argument of any integer type as `i128`, exactly: given
/// as `value as i128` and `value as u128` (see [`to_isize`]); a `u128` above
/// `i128::MAX` is a compile error naming the layout.
pub const fn to_i128(name: &str, signed: bool, as_i128: i128, as_u128: u128) -> i128 {
    match exact(signed, as_i128, as_u128) {
        Ok(v) => v,
        Err(u) => {
            let message = Message::new()
                .str("layout ")
                .name(name)
                .str(": an operation argument, ")
                .uint(u)
                .str(", does not fit i128 (nor any axis, index or step)");
            panic!("{}", message.as_str())
        }
    }
}

/// [`to_usize`]'s value, or its message.
const fn usize_of(name: &str, what: &str, signed: bool, as_i128: i128, as_u128: u128) -> Result<usize, Message> {
    match exact(signed, as_i128, as_u128) {
        Ok(v) if v < 0 => Err(Message::new()
            .str("layout ")
            .name(name)
            .str(": ")
            .str(what)
            .str(", ")
            .int(v)
            .str(", is negative: a view starts at element 0 of its buffer or later")),
        Ok(v) if v <= usize::MAX as i128 => Ok(v as usize),
        Ok(v) => Err(does_not_fit(name, what, Message::new().int(v), "usize (0 to ")
            .uint(usize::MAX as u128)
            .str(")")),
        Err(u) => Err(does_not_fit(name, what, Message::new().uint(u), "usize (0 to ")
            .uint(usize::MAX as u128)
            .str(")")),
    }
}

/// "layout `name`: the stride of axis 0, 18446744073709551615, does not fit this target's isize (".
const fn does_not_fit(name: &str, what: &str, value: Message, ty: &str) -> Message {
    Message::new()
        .str("layout ")
        .name(name)
        .str(": ")
        .str(what)
        .str(", ")
        .str(value.as_str())
        .str(", does not fit this target's ")
        .str(ty)
}

/// Element strides from NumPy byte strides, or the message naming the first
/// byte stride that is not a multiple of `elem_size`.
pub const fn strides_from_bytes<const R: usize>(
    name: &str,
    byte_strides: [isize; R],
    elem_size: usize,
) -> Result<[isize; R], Message> {
    let mut strides = [0isize; R];
    let mut k = 0;
    while k < R {
        strides[k] = match elements_from_bytes(byte_strides[k] as i128, elem_size) {
            Some(s) => s as isize,
            None => return Err(describe_byte_stride(name, byte_strides[k] as i128, elem_size)),
        };
        k += 1;
    }
    Ok(strides)
}

/// The element offset from a NumPy byte offset, or the message saying it is
/// not a multiple of `elem_size`.
pub const fn offset_from_bytes(name: &str, byte_offset: usize, elem_size: usize) -> Result<usize, Message> {
    match elements_from_bytes(byte_offset as i128, elem_size) {
        Some(offset) => Ok(offset as usize),
        None => Err(describe_byte_offset(name, byte_offset as i128, elem_size)),
    }
}

/// The backstop for byte strides of a primitive type: a message unless
/// `size_of::<E>()` is the size the macro assumed when it converted them.
pub const fn element_size_failure(name: &str, assumed: usize, actual: usize) -> Option<Message> {
    if assumed == actual {
        None
    } else {
        Some(
            Message::new()
                .str("layout ")
                .name(name)
                .str(": its element type is not the primitive its name suggests (size_of differs); byte strides cannot be converted"),
        )
    }
}

/// The operations of a derived layout as the expansion writes them when an
/// argument is a constant expression (`slice(1, 0..H)`): scalar arguments
/// arrive as `i128` (any integer type converts to it exactly) and are
/// checked here against the argument's type on this target; a value that
/// does not fit is a compile error, never a wrap.
pub mod op {
    use crate::algebra::Op;

    const fn axis(value: i128) -> usize {
        if value < 0 || value > usize::MAX as i128 {
            panic!("a layout operation's axis must be a usize on this target")
        }
        value as usize
    }

    const fn signed(value: i128) -> isize {
        if value < isize::MIN as i128 || value > isize::MAX as i128 {
            panic!("a layout operation's bound, index, step or offset must fit this target's isize")
        }
        value as isize
    }

    const fn bound(value: Option<i128>) -> Option<isize> {
        match value {
            Some(v) => Some(signed(v)),
            None => None,
        }
    }

    /// `values` (a list argument as the target reads it) is `written` (as
    /// the macro read it, in `i128`; `UNKNOWN` for an element that is an
    /// expression, typed by rustc on the target): else a literal wrapped on
    /// this target (`4294967297` as a 32-bit `usize`), a compile error.
    const fn same_usizes(values: &[usize], written: &[i128]) -> bool {
        if values.len() != written.len() {
            return false;
        }
        let mut k = 0;
        while k < values.len() {
            if written[k] != crate::facts::UNKNOWN && values[k] as i128 != written[k] {
                return false;
            }
            k += 1;
        }
        true
    }

    /// [`same_usizes`] for a list of `isize`.
    const fn same_isizes(values: &[isize], written: &[i128]) -> bool {
        if values.len() != written.len() {
            return false;
        }
        let mut k = 0;
        while k < values.len() {
            if written[k] != crate::facts::UNKNOWN && values[k] as i128 != written[k] {
                return false;
            }
            k += 1;
        }
        true
    }

    const WRAPPED: &str = "a layout operation's list argument does not fit this target's usize / isize: the macro read another number than this target does";

    /// `t()`.
    pub const fn t() -> Op<'static> {
        Op::T
    }

    /// `permute(axes)`.
    pub const fn permute(axes: &'static [usize], written: &'static [i128]) -> Op<'static> {
        if !same_usizes(axes, written) {
            panic!("{}", WRAPPED)
        }
        Op::Permute(axes)
    }

    /// `swap_axes(a, b)`.
    pub const fn swap_axes(a: i128, b: i128) -> Op<'static> {
        Op::SwapAxes(axis(a), axis(b))
    }

    /// `flip(axis)`.
    pub const fn flip(a: i128) -> Op<'static> {
        Op::Flip(axis(a))
    }

    /// `slice(axis, start..stop, step)`.
    pub const fn slice(a: i128, start: Option<i128>, stop: Option<i128>, step: i128) -> Op<'static> {
        Op::Slice {
            axis: axis(a),
            start: bound(start),
            stop: bound(stop),
            step: signed(step),
        }
    }

    /// `index(axis, index)`.
    pub const fn index(a: i128, index: i128) -> Op<'static> {
        Op::Index(axis(a), signed(index))
    }

    /// `diagonal(offset, axis1, axis2)`.
    pub const fn diagonal(offset: i128, a1: i128, a2: i128) -> Op<'static> {
        Op::Diagonal {
            offset: signed(offset),
            axis1: axis(a1),
            axis2: axis(a2),
        }
    }

    /// `windows(extents)`.
    pub const fn windows(window: &'static [usize], written: &'static [i128]) -> Op<'static> {
        if !same_usizes(window, written) {
            panic!("{}", WRAPPED)
        }
        Op::Windows(window)
    }

    /// `broadcast_to(shape)`.
    pub const fn broadcast_to(shape: &'static [usize], written: &'static [i128]) -> Op<'static> {
        if !same_usizes(shape, written) {
            panic!("{}", WRAPPED)
        }
        Op::BroadcastTo(shape)
    }

    /// `reshape(shape)`.
    pub const fn reshape(shape: &'static [isize], written: &'static [i128]) -> Op<'static> {
        if !same_isizes(shape, written) {
            panic!("{}", WRAPPED)
        }
        Op::Reshape(shape)
    }

    /// `new_axis(axis)`.
    pub const fn new_axis(a: i128) -> Op<'static> {
        Op::NewAxis(axis(a))
    }
}
