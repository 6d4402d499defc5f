//! Error messages, built in `const fn` so that the macro (at expansion) and
//! the item-level backstop (in const evaluation) say exactly the same words,
//! and the run-time checks (`DynLayout`, `DynError`) the same words of the
//! same witness, naming the layout "run-time layout".

use super::disjoint::Overlap;
use super::footprint::{BoundsError, Culprit};
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

/// Describes why layout `name` is out of bounds.
pub const fn describe_bounds(name: &str, error: &BoundsError) -> Message {
    bounds_text(Subject::Declared(name), error)
}

/// [`describe_bounds`] of a run-time layout (`DynLayout`): the same words,
/// with "run-time layout" for "layout `Name`".
pub(crate) const fn describe_run_time_bounds(error: &BoundsError) -> Message {
    bounds_text(Subject::RunTime, error)
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
            .int(offset as i128)
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
            if len == 0 {
                m.str(", but the buffer is empty")
            } else {
                m.str(", but the buffer has ")
                    .uint(len as u128)
                    .str(" elements (0 to ")
                    .uint(len as u128 - 1)
                    .str(")")
            }
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
                Culprit::Stride(_) => m
                    .str("; with these negative strides the offset must be at least ")
                    .int(offset as i128 - element),
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

/// Describes a byte stride or byte offset that is not a multiple of the element size.
pub const fn describe_bytes(name: &str, what: &str, bytes: i128, elem_size: usize) -> Message {
    bytes_text(Subject::Declared(name), what, None, bytes, elem_size)
}

/// [`describe_bytes`] of a run-time layout, naming the axis of a byte stride.
pub(crate) const fn describe_run_time_bytes(axis: Option<usize>, bytes: i128, elem_size: usize) -> Message {
    let what = if axis.is_some() { "byte stride" } else { "byte offset" };
    bytes_text(Subject::RunTime, what, axis, bytes, elem_size)
}

const fn bytes_text(subject: Subject<'_>, what: &str, axis: Option<usize>, bytes: i128, elem_size: usize) -> Message {
    let m = subject.layout().str(": ").str(what).str(" ").int(bytes);
    let m = match axis {
        Some(axis) => m.str(" (axis ").uint(axis as u128).str(")"),
        None => m,
    };
    if elem_size == 0 {
        m.str(" cannot be converted to elements: the element type is zero-sized")
    } else {
        m.str(" is not a multiple of the element size, ")
            .uint(elem_size as u128)
            .str(" bytes; NumPy's byte strides must divide by the item size")
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
