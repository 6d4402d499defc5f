//! Error messages, built in `const fn` so that the macro (at expansion) and
//! the item-level backstop (in const evaluation) say exactly the same words,
//! and the run-time checks (`DynLayout`, `DynError`) the same words of the
//! same witness, naming the layout "run-time layout".

use super::disjoint::Overlap;
use super::footprint::{BoundsError, BoundsFix, Culprit};
use super::index::MAX_RANK;
use super::unique::Uniqueness;

/// Capacity of a [`Message`] in bytes.
const CAPACITY: usize = 1024;

/// A fixed-capacity text buffer that `const fn` can write to.
#[derive(Clone, Copy)]
pub struct Message {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl Message {
    /// An empty message.
    pub const fn new() -> Self {
        Message {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    /// The text; if a long name was cut in the middle of a character, the
    /// text stops before that character.
    pub const fn as_str(&self) -> &str {
        let written = self.bytes.split_at(self.len).0;
        match core::str::from_utf8(written) {
            Ok(text) => text,
            Err(e) => match core::str::from_utf8(written.split_at(e.valid_up_to()).0) {
                Ok(text) => text,
                Err(_) => "",
            },
        }
    }

    /// Appends text, dropping what does not fit.
    pub const fn str(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < CAPACITY {
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// Appends a signed integer in decimal.
    pub const fn int(self, value: i128) -> Self {
        let this = if value < 0 { self.str("-") } else { self };
        this.uint(value.unsigned_abs())
    }

    /// Appends an unsigned integer in decimal.
    pub const fn uint(mut self, value: u128) -> Self {
        let mut digits = [0u8; 40];
        let mut n = 0;
        let mut v = value;
        loop {
            digits[n] = b'0' + (v % 10) as u8;
            n += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while n > 0 && self.len < CAPACITY {
            n -= 1;
            self.bytes[self.len] = digits[n];
            self.len += 1;
        }
        self
    }

    /// Appends an index tuple as `[i0, i1, ..]`.
    pub const fn index(self, coords: &[usize]) -> Self {
        let mut this = self.str("[");
        let mut k = 0;
        while k < coords.len() {
            if k > 0 {
                this = this.str(", ");
            }
            this = this.uint(coords[k] as u128);
            k += 1;
        }
        this.str("]")
    }

    /// Appends `` `name` ``.
    pub const fn name(self, name: &str) -> Self {
        self.str("`").str(name).str("`")
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::new()
    }
}

impl core::fmt::Debug for Message {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Display for Message {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who a message speaks of: a layout declared by name (the macro and const
/// evaluation), or a layout known only at run time.
#[derive(Clone, Copy)]
enum Subject<'a> {
    /// "layout `Name`", in `mut` / `split` words.
    Declared(&'a str),
    /// "run-time layout", in the words of the run-time checks (`writable`).
    RunTime,
}

impl Subject<'_> {
    /// The message's first words: "layout `Name`" or "run-time layout".
    const fn layout(self) -> Message {
        match self {
            Subject::Declared(name) => Message::new().str("layout ").name(name),
            Subject::RunTime => Message::new().str("run-time layout"),
        }
    }

    /// "split `Name`" or "run-time split".
    const fn split(self) -> Message {
        match self {
            Subject::Declared(name) => Message::new().str("split ").name(name),
            Subject::RunTime => Message::new().str("run-time split"),
        }
    }
}

/// Describes why layout `name` is out of bounds (the rule and the witness;
/// [`describe_bounds_fixed`] adds the fix).
pub const fn describe_bounds(name: &str, error: &BoundsError) -> Message {
    bounds_text(Subject::Declared(name), error)
}

const fn bounds_text(subject: Subject<'_>, error: &BoundsError) -> Message {
    let m = subject.layout();
    match *error {
        BoundsError::RankMismatch {
            shape_rank,
            strides_rank,
        } => m
            .str(" has ")
            .uint(shape_rank as u128)
            .str(" extent(s) in `shape` but ")
            .uint(strides_rank as u128)
            .str(" stride(s); give exactly one stride per axis"),
        BoundsError::RankTooLarge { rank } => m
            .str(" has rank ")
            .uint(rank as u128)
            .str("; at most ")
            .uint(MAX_RANK as u128)
            .str(" axes are supported"),
        BoundsError::BufferTooLarge { len } => m
            .str(" declares a buffer of ")
            .uint(len as u128)
            .str(" elements, more than isize::MAX, which no Rust array or slice can hold"),
        BoundsError::SizeOverflow => m.str(" has more than isize::MAX elements: the product of its extents overflows"),
        BoundsError::EmptyOffsetOutside { axis, offset, len } => m
            .str(" is empty (axis ")
            .uint(axis as u128)
            .str(" has extent 0), but its offset ")
            .int(offset)
            .str(" lies outside the buffer of ")
            .uint(len as u128)
            .str(" elements; an empty view may start at most one past the end (offset 0 to ")
            .uint(len as u128)
            .str(")"),
        BoundsError::PastEnd {
            index, element, len, ..
        } => {
            let m = m
                .str(" is out of bounds: index ")
                .index(index.as_slice())
                .str(" reaches element ")
                .int(element);
            buffer_has(m, len)
        }
        BoundsError::BeforeStart {
            index,
            element,
            offset,
            culprit,
        } => {
            let m = m
                .str(" is out of bounds: index ")
                .index(index.as_slice())
                .str(" reaches element ")
                .int(element);
            let m = m.str(", before the start of the buffer");
            match culprit {
                // `element < 0 <= offset - element` for every error the proof
                // builds; a hand-made one may give any numbers, and then
                // there is no hint to give.
                Culprit::Stride(_) => match (offset as i128).checked_sub(element) {
                    Some(least) if least >= 0 => m
                        .str("; with these negative strides the offset must be at least ")
                        .int(least),
                    _ => m,
                },
                Culprit::Offset => m.str("; the offset must not be negative"),
            }
        }
        BoundsError::Overflow { index, element, .. } => {
            let m = m.str(" overflows: index ").index(index.as_slice());
            let m = match element {
                Some(e) => m.str(" reaches element ").int(e),
                None => m.str(" reaches an element beyond the range of i128"),
            };
            m.str(", outside the range of isize, so no buffer can hold it (NumPy would wrap it around in i64)")
        }
    }
}

/// Describes why `mut` layout `name` cannot be proven unique; `None` if it is unique.
pub const fn describe_uniqueness(name: &str, verdict: &Uniqueness) -> Option<Message> {
    uniqueness_text(Subject::Declared(name), verdict)
}

/// [`describe_uniqueness`] of a run-time layout asked to be writable: the
/// same words and witness, with "run-time layout" for "layout `Name`", "is
/// asked to be writable" for "is declared `mut`", "make a read-only view
/// instead" for "drop `mut` for a read-only view", and the advice of an
/// undecided verdict about the budget a run-time check is given.
pub(crate) const fn describe_run_time_uniqueness(verdict: &Uniqueness) -> Option<Message> {
    uniqueness_text(Subject::RunTime, verdict)
}

const fn uniqueness_text(subject: Subject<'_>, verdict: &Uniqueness) -> Option<Message> {
    let run_time = matches!(subject, Subject::RunTime);
    let (declared, read_only) = if run_time {
        (" is asked to be writable", "(make a read-only view instead)")
    } else {
        (" is declared `mut`", "(drop `mut` for a read-only view)")
    };
    let m = subject.layout();
    match *verdict {
        Uniqueness::Unique => None,
        Uniqueness::Collision(c) => Some(
            m.str(declared)
                .str(" but is not unique: indices ")
                .index(c.first.as_slice())
                .str(" and ")
                .index(c.second.as_slice())
                .str(" both reach element ")
                .int(c.element)
                .str("; a writable view needs every index to reach its own element ")
                .str(read_only),
        ),
        Uniqueness::Crowded { indices, positions } => Some(
            m.str(declared)
                .str(" but is not unique: its ")
                .uint(indices as u128)
                .str(" indices reach at most ")
                .uint(positions)
                .str(" distinct elements, so two of them share one ")
                .str(read_only),
        ),
        Uniqueness::Undecided { positions, capacity } => {
            let m = m
                .str(declared)
                .str(", but it could not be proven unique: its elements span ")
                .uint(positions)
                .str(" positions, more than the ")
                .uint(capacity as u128)
                .str(" the exact search may mark here, and the bounded search ran out of work before deciding. ");
            // Const evaluation decides with the small budget; the macro, which
            // runs compiled code, with a far larger one; a run-time check
            // with the budget its caller gave.
            Some(if run_time {
                m.str(RUN_TIME_BUDGET).str(
                    ": pass a larger scratch space or work budget to `writable_in`, or make a read-only view instead",
                )
            } else if capacity <= super::CONST_SCRATCH_WORDS * 64 {
                m.str("Layouts written with named constants or const parameters are decided in const evaluation, ")
                    .str("whose budget is small: write the shape and strides as integer literals for the macro's ")
                    .str("larger budget, or drop `mut`")
            } else {
                m.str("That was the macro's whole budget (it never guesses): drop `mut` for a read-only view")
            })
        }
    }
}

/// The advice of an undecided run-time verdict, before what to pass.
const RUN_TIME_BUDGET: &str = "That was the whole budget of the check (it never guesses)";

/// Describes why members `a` and `b` of split `split` are not disjoint; `None` if they are.
pub const fn describe_overlap(split: &str, a: &str, b: &str, verdict: &Overlap) -> Option<Message> {
    overlap_text(Subject::Declared(split), a, b, verdict)
}

/// [`describe_overlap`] of run-time layouts `#first` and `#second` (their
/// places in the list checked): the same words and witness, with "run-time
/// split" for "split `Name`" and the advice of an undecided verdict about the
/// budget a run-time check is given.
pub(crate) const fn describe_run_time_overlap(first: usize, second: usize, verdict: &Overlap) -> Option<Message> {
    let a = Message::new().str("#").uint(first as u128);
    let b = Message::new().str("#").uint(second as u128);
    overlap_text(Subject::RunTime, a.as_str(), b.as_str(), verdict)
}

const fn overlap_text(subject: Subject<'_>, a: &str, b: &str, verdict: &Overlap) -> Option<Message> {
    let m = subject.split().str(": members ").name(a).str(" and ").name(b);
    match *verdict {
        Overlap::Disjoint => None,
        Overlap::Shared(shared) => Some(
            m.str(" overlap: ")
                .name(a)
                .str(" index ")
                .index(shared.first.as_slice())
                .str(" and ")
                .name(b)
                .str(" index ")
                .index(shared.second.as_slice())
                .str(" both reach element ")
                .uint(shared.element as u128)
                .str("; split members must be pairwise disjoint"),
        ),
        Overlap::Undecided { positions, .. } if positions == usize::MAX => {
            Some(m.str(" could not be compared: one of them lies outside every buffer"))
        }
        Overlap::Undecided { positions, capacity } => {
            let m = m
                .str(" could not be proven disjoint: they share a range of ")
                .uint(positions as u128)
                .str(" positions, more than the ")
                .uint(capacity as u128)
                .str(" the exact search may mark here, and the bounded search ran out of work before deciding. ");
            Some(if matches!(subject, Subject::RunTime) {
                m.str(RUN_TIME_BUDGET)
                    .str(": pass a larger scratch space or work budget to the check")
            } else {
                m.str("Members written with named constants are decided in const evaluation, whose budget is small: ")
                    .str("write their shapes and strides as integer literals for the macro's larger budget")
            })
        }
    }
}

/// Describes a byte stride that is not a multiple of the element size.
pub const fn describe_byte_stride(name: &str, bytes: i128, elem_size: usize) -> Message {
    let m = not_a_multiple(Subject::Declared(name), "byte stride ", None, bytes, elem_size);
    if elem_size == 0 {
        return m;
    }
    let m = m.str(": NumPy's byte strides must divide by the item size; write ");
    nearest_multiples(m, "", bytes, elem_size).str(", or give element `strides`")
}

/// Describes a byte offset that is not a multiple of the element size.
pub const fn describe_byte_offset(name: &str, bytes: i128, elem_size: usize) -> Message {
    let m = not_a_multiple(Subject::Declared(name), "byte offset ", None, bytes, elem_size);
    if elem_size == 0 {
        return m;
    }
    let m = m.str(", so the view would start inside an element; write ");
    nearest_multiples(m, "byte_offset: ", bytes, elem_size).str(", or give the element `offset`")
}

/// [`describe_byte_stride`] / [`describe_byte_offset`] of a run-time layout,
/// naming the axis of a byte stride.
pub(crate) const fn describe_run_time_bytes(axis: Option<usize>, bytes: i128, elem_size: usize) -> Message {
    let what = if axis.is_some() { "byte stride " } else { "byte offset " };
    let m = not_a_multiple(Subject::RunTime, what, axis, bytes, elem_size);
    if elem_size == 0 {
        m
    } else if axis.is_some() {
        let m = m.str(": NumPy's byte strides must divide by the item size; write ");
        nearest_multiples(m, "", bytes, elem_size).str(", or give element `strides`")
    } else {
        let m = m.str(", so the view would start inside an element; write ");
        nearest_multiples(m, "byte_offset: ", bytes, elem_size).str(", or give the element `offset`")
    }
}

/// "layout `name`: byte stride 12 is not a multiple of the element size, 8 bytes".
const fn not_a_multiple(
    subject: Subject<'_>,
    what: &str,
    axis: Option<usize>,
    bytes: i128,
    elem_size: usize,
) -> Message {
    let m = subject.layout().str(": ").str(what).int(bytes);
    let m = match axis {
        Some(axis) => m.str(" (axis ").uint(axis as u128).str(")"),
        None => m,
    };
    if elem_size == 0 {
        m.str(" cannot be converted to elements: the element type is zero-sized")
    } else {
        m.str(" is not a multiple of the element size, ")
            .uint(elem_size as u128)
            .str(" bytes")
    }
}

/// "`8` or `16`": the multiples of `elem_size` around `bytes`, each after `field`.
const fn nearest_multiples(m: Message, field: &str, bytes: i128, elem_size: usize) -> Message {
    let size = elem_size as i128;
    let Some(below) = bytes.checked_sub(bytes.rem_euclid(size)) else {
        return m.str("a multiple of ").uint(elem_size as u128);
    };
    let m = m.str("`").str(field).int(below).str("`");
    match below.checked_add(size) {
        Some(above) => m.str(" or `").str(field).int(above).str("`"),
        None => m,
    }
}

/// "12 elements", "1 element".
const fn elements(m: Message, n: u128) -> Message {
    if n == 1 {
        m.str("1 element")
    } else {
        m.uint(n).str(" elements")
    }
}

/// The units a layout's offset was written in, for the fix a bounds error
/// suggests and the bytes it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Units {
    /// Elements: `offset`, or element `strides` and no offset.
    Elements,
    /// Bytes of elements of this size: `byte_offset`, or `byte_strides`
    /// and no offset.
    Bytes(usize),
}

/// "`offset: 11`", or "`byte_offset: 88`" in bytes.
const fn offset_field(m: Message, offset: usize, units: Units) -> Message {
    match units {
        Units::Bytes(size) => match (offset as u128).checked_mul(size as u128) {
            Some(bytes) => m.str("`byte_offset: ").uint(bytes).str("`"),
            None => m.str("an offset of ").uint(offset as u128).str(" elements"),
        },
        Units::Elements => m.str("`offset: ").uint(offset as u128).str("`"),
    }
}

/// " (byte -88)" after an element, in bytes.
const fn element_bytes(m: Message, element: i128, units: Units) -> Message {
    match units {
        Units::Bytes(size) => match element.checked_mul(size as i128) {
            Some(bytes) => m.str(" (byte ").int(bytes).str(")"),
            None => m,
        },
        Units::Elements => m,
    }
}

/// Describes why layout `name` is out of bounds, as [`describe_bounds`],
/// with the simple fix (`fix`, from [`bounds_fix`](super::bounds_fix) of
/// the same numbers) in the units the offset was written in.
pub const fn describe_bounds_fixed(name: &str, error: &BoundsError, fix: BoundsFix, units: Units) -> Message {
    bounds_fixed_text(Subject::Declared(name), error, fix, units)
}

/// [`describe_bounds_fixed`] of a run-time layout: the same words and fix,
/// with "run-time layout" for "layout `Name`".
pub(crate) const fn describe_run_time_bounds_fixed(error: &BoundsError, fix: BoundsFix, units: Units) -> Message {
    bounds_fixed_text(Subject::RunTime, error, fix, units)
}

const fn bounds_fixed_text(subject: Subject<'_>, error: &BoundsError, fix: BoundsFix, units: Units) -> Message {
    let m = subject.layout();
    match *error {
        BoundsError::PastEnd {
            index, element, len, ..
        } => {
            let m = element_bytes(
                m.str(" is out of bounds: index ")
                    .index(index.as_slice())
                    .str(" reaches element ")
                    .int(element),
                element,
                units,
            );
            let m = buffer_has(m, len);
            match fix {
                BoundsFix::Len(required) => {
                    elements(m.str("; it needs a buffer of "), required as u128).str(" (its REQUIRED_LEN)")
                }
                BoundsFix::Offset { offset, or_len } => elements(
                    offset_field(m.str("; "), offset, units)
                        .str(" fits it in this buffer; with the offset unchanged it needs a buffer of "),
                    or_len as u128,
                )
                .str(" (its REQUIRED_LEN)"),
                BoundsFix::RaiseOffset { offset, len, .. } => elements(
                    offset_field(m.str("; it reaches before the start too, so it needs "), offset, units)
                        .str(" and a buffer of "),
                    len as u128,
                ),
                BoundsFix::None => m,
            }
        }
        BoundsError::BeforeStart {
            index,
            element,
            culprit: Culprit::Stride(_),
            ..
        } => {
            let m = element_bytes(
                m.str(" is out of bounds: index ")
                    .index(index.as_slice())
                    .str(" reaches element ")
                    .int(element),
                element,
                units,
            )
            .str(", before the start of the buffer");
            match fix {
                BoundsFix::RaiseOffset { offset, len, fits } => {
                    let m = m.str("; with these negative strides the offset must be at least ");
                    let m = match units {
                        Units::Bytes(_) => elements(m, offset as u128),
                        Units::Elements => m.uint(offset as u128),
                    };
                    let m = offset_field(m.str(" ("), offset, units).str(")");
                    if fits {
                        m
                    } else {
                        elements(m.str(", and the buffer then needs "), len as u128)
                    }
                }
                _ => m,
            }
        }
        BoundsError::EmptyOffsetOutside { axis, offset, len } => match units {
            Units::Bytes(size) => match (len as u128).checked_mul(size as u128) {
                Some(bytes) => m
                    .str(" is empty (axis ")
                    .uint(axis as u128)
                    .str(" has extent 0), but its offset ")
                    .int(offset)
                    .str(" lies outside the buffer of ")
                    .uint(len as u128)
                    .str(" elements; an empty view may start at most one past the end (`byte_offset` 0 to ")
                    .uint(bytes)
                    .str(")"),
                None => bounds_text(subject, error),
            },
            Units::Elements => bounds_text(subject, error),
        },
        _ => bounds_text(subject, error),
    }
}

/// ", but the buffer has 12 elements (0 to 11)".
const fn buffer_has(m: Message, len: usize) -> Message {
    if len == 0 {
        m.str(", but the buffer is empty")
    } else {
        elements(m.str(", but the buffer has "), len as u128)
            .str(" (0 to ")
            .uint(len as u128 - 1)
            .str(")")
    }
}

/// A run-time layout given by NumPy's numbers whose elements would take more
/// than `isize::MAX` bytes (NumPy's "array is too big").
pub(crate) const fn describe_run_time_too_big(elem_size: usize) -> Message {
    Message::new()
        .str("run-time layout is too big: the product of its extents (an extent 0 counted as 1, as NumPy counts it) ")
        .str("times the element size, ")
        .uint(elem_size as u128)
        .str(" bytes, exceeds isize::MAX; NumPy refuses it too (\"array is too big\")")
}

/// A run-time layout given a buffer of more than `isize::MAX` bytes.
pub(crate) const fn describe_run_time_buffer_bytes(bytes: usize) -> Message {
    Message::new()
        .str("run-time layout is given a buffer of ")
        .uint(bytes as u128)
        .str(" bytes, more than isize::MAX, which no Rust array or slice can hold")
}

/// A run-time layout that is not the static layout `name` it is converted to.
/// `what` names the number ("the extent of axis 1", "the offset").
pub(crate) const fn describe_run_time_mismatch(name: &str, what: Message, found: i128, expected: i128) -> Message {
    Message::new()
        .str("run-time layout does not match layout ")
        .name(name)
        .str(": ")
        .str(what.as_str())
        .str(" is ")
        .int(found)
        .str(", but ")
        .name(name)
        .str(" has ")
        .int(expected)
}
