//! `DynLayout` and `UniqueDynLayout`: checked run-time layouts.

use core::ops::Deref;

use super::error::{DynError, Field};
use super::{DYN_SCRATCH_WORDS, DYN_SEARCH_WORK};
use crate::facts::Facts;
use crate::layout::{Layout, UniqueLayout};
use crate::proof::{
    bounds_fix, check_disjoint_bounded, check_layout, check_unique_bounded, disjoint_by_rules, elements_from_bytes,
    fits_fast, size_of_shape, unique_by_rules, unique_fast, BoundsFix, Footprint, LayoutParts, Overlap, Uniqueness,
    Units,
};

/// A strided layout whose numbers are run-time values, proven in bounds of
/// a buffer of [`buffer_len`](Self::buffer_len) elements.
///
/// Index `[i0, .., iR-1]` (each `ik < shape[k]`) reaches element
/// `offset + Σ ik * strides[k]`, as for a static [`Layout`]. A `DynLayout`
/// exists only after the exact bounds rule accepted its numbers (the rule of
/// the macro and of const evaluation, O(rank), in exact arithmetic): every
/// index inside the shape reaches an element in
/// `0..`[`required_len`](Self::required_len), and `required_len() <=
/// buffer_len()`. Its fields are private, so no other value can be one.
///
/// The rank `R` is a const generic, at most [`MAX_RANK`](crate::proof::MAX_RANK);
/// a larger `R` is refused by every constructor.
///
/// ```
/// use view_core::DynLayout;
///
/// // NumPy's `a[::-1, 1:]` of a 3 x 4 C-order array of 12 elements.
/// let flipped = DynLayout::new([3, 3], [-4, 1], 9, 12)?;
/// assert_eq!((flipped.lowest(), flipped.highest()), (Some(1), Some(11)));
/// assert_eq!(flipped.element([2, 0]), Some(1));
/// assert_eq!(
///     DynLayout::new([3, 3], [-4, 1], 7, 12).unwrap_err().to_string(),
///     "run-time layout is out of bounds: index [2, 0] reaches element -1, before the start \
///      of the buffer; with these negative strides the offset must be at least 8 (`offset: 8`)"
/// );
/// # Ok::<(), view_core::DynError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DynLayout<const R: usize> {
    shape: [usize; R],
    strides: [isize; R],
    offset: usize,
    buffer_len: usize,
    footprint: Footprint,
    size: usize,
}

impl<const R: usize> DynLayout<R> {
    /// Checks a layout in elements against a buffer of `buffer_len`
    /// elements: the exact bounds rule, O(rank).
    ///
    /// A non-empty layout is accepted iff its lowest element is at least 0
    /// and its highest below `buffer_len`; an empty one (an extent 0) iff
    /// `offset <= buffer_len`. An element outside `isize` is an overflow
    /// error, never a wrap; so are more than `isize::MAX` indices, a buffer
    /// longer than `isize::MAX` elements and a rank above
    /// [`MAX_RANK`](crate::proof::MAX_RANK). The error is
    /// [`DynError::Bounds`], with the witness.
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// let columns = DynLayout::new([4, 3], [1, 4], 0, 12)?; // F order
    /// assert_eq!((columns.size(), columns.required_len()), (12, 12));
    /// let error = DynLayout::new([4, 3], [3, 2], 0, 12).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "run-time layout is out of bounds: index [3, 2] reaches element 13, \
    ///      but the buffer has 12 elements (0 to 11); it needs a buffer of 14 elements (its REQUIRED_LEN)"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn new(
        shape: [usize; R],
        strides: [isize; R],
        offset: usize,
        buffer_len: usize,
    ) -> Result<Self, DynError> {
        // The common case without the witness machinery; `check_layout`
        // decides (and explains) every other.
        if let Some((footprint, size)) = fits_fast(&shape, &strides, offset, buffer_len) {
            return Ok(DynLayout {
                shape,
                strides,
                offset,
                buffer_len,
                footprint,
                size,
            });
        }
        Self::new_checked(shape, strides, offset, buffer_len)
    }

    /// [`new`](Self::new) past its common case, out of line.
    #[inline(never)]
    const fn new_checked(
        shape: [usize; R],
        strides: [isize; R],
        offset: usize,
        buffer_len: usize,
    ) -> Result<Self, DynError> {
        let footprint = match check_layout(&shape, &strides, offset, buffer_len) {
            Ok(footprint) => footprint,
            Err(error) => {
                // The fix the message suggests, as for a declared layout.
                let fix = if offset <= isize::MAX as usize {
                    bounds_fix(&shape, &strides, offset as isize, buffer_len)
                } else {
                    BoundsFix::None
                };
                return Err(DynError::Bounds(error, fix, Units::Elements));
            }
        };
        let size = match footprint {
            Footprint::Empty => 0,
            // `check_layout` refused a non-empty layout whose size overflows.
            Footprint::Elements { .. } => match size_of_shape(&shape) {
                Some(size) => size,
                None => 0,
            },
        };
        Ok(DynLayout {
            shape,
            strides,
            offset,
            buffer_len,
            footprint,
            size,
        })
    }

    /// Checks a layout given by NumPy's numbers with the rule of NumPy's
    /// constructor `np.ndarray(shape, dtype, buffer, offset, strides)`,
    /// exactly, minus its two bugs.
    ///
    /// `byte_strides` and `byte_offset` are in bytes (NumPy's `strides`,
    /// `offset`), `elem_size` is the item size, `buffer_bytes` the length of
    /// the buffer in bytes (for a slice `&[E]`, `size_of_val(slice)`); the
    /// layout's buffer holds its `buffer_bytes / elem_size` whole elements.
    ///
    /// NumPy accepts a non-empty array iff its lowest byte
    /// `offset + Σ_{s<0} s (n - 1)` is at least 0 and its highest byte
    /// `offset + Σ_{s>0} s (n - 1) + itemsize - 1` lies below the buffer's
    /// length, an empty one iff `0 <= offset <= len`, and refuses arrays
    /// whose `itemsize` times the product of the extents (an extent 0
    /// counted as 1) exceeds `isize::MAX`. Here the same, except:
    /// - NumPy's `PyArray_CheckStrides` takes a buffer of 0 bytes for one
    ///   of `size * itemsize` bytes, so it accepts a non-empty array over an
    ///   empty buffer; here a buffer of 0 bytes holds no element;
    /// - NumPy computes `stride * (n - 1)` and their sum in wrapping 64-bit
    ///   arithmetic (`offset_bounds_from_strides`), so a stride near
    ///   `isize::MIN` can pass; here the arithmetic is exact (an overflow is
    ///   an error);
    /// - a byte stride or byte offset must be a multiple of `elem_size`
    ///   (NumPy also accepts unaligned ones, whose elements straddle two of
    ///   the buffer's): a view reaches whole elements. Checked first, axis
    ///   by axis, then the offset: the error is [`DynError::Bytes`] naming
    ///   the first that is not (with `elem_size == 0`, the first number:
    ///   bytes mean nothing for a zero-sized element). Even on an axis of
    ///   extent 1 or in an empty layout, where NumPy never uses the stride.
    ///
    /// The checks, in order: a buffer of more than `isize::MAX` bytes is
    /// [`DynError::BufferBytes`]; then the multiples; then
    /// [`new`](Self::new)'s bounds rule in elements, which is NumPy's rule in
    /// bytes once both are multiples ([`DynError::Bounds`]); then NumPy's
    /// size rule ([`DynError::TooBig`]).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// // np.ndarray(shape=(4, 3), dtype=np.int64, buffer=bytearray(96), strides=(24, 8), offset=0)
    /// let rows = DynLayout::from_numpy([4, 3], [24, 8], 0, 8, 96)?;
    /// assert_eq!((rows.strides(), rows.buffer_len()), ([3, 1], 12));
    /// // NumPy's ValueError "strides is incompatible with shape of requested array and size of buffer":
    /// let error = DynLayout::from_numpy([4, 3], [24, 16], 0, 8, 96).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "run-time layout is out of bounds: index [3, 2] reaches element 13 (byte 104), \
    ///      but the buffer has 12 elements (0 to 11); it needs a buffer of 14 elements (its REQUIRED_LEN)"
    /// );
    /// // NumPy accepts this one over an empty buffer; it holds no element.
    /// assert!(DynLayout::from_numpy([2], [8], 0, 8, 0).is_err());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn from_numpy(
        shape: [usize; R],
        byte_strides: [isize; R],
        byte_offset: usize,
        elem_size: usize,
        buffer_bytes: usize,
    ) -> Result<Self, DynError> {
        if buffer_bytes > isize::MAX as usize {
            return Err(DynError::BufferBytes { bytes: buffer_bytes });
        }
        let mut strides = [0isize; R];
        let mut k = 0;
        while k < R {
            let bytes = byte_strides[k] as i128;
            match elements_from_bytes(bytes, elem_size) {
                // |bytes / elem_size| <= |bytes|: an isize.
                Some(stride) => strides[k] = stride as isize,
                None => {
                    return Err(DynError::Bytes {
                        field: Field::Stride(k),
                        bytes,
                        elem_size,
                    })
                }
            }
            k += 1;
        }
        let offset = match elements_from_bytes(byte_offset as i128, elem_size) {
            Some(offset) => offset as usize,
            None => {
                return Err(DynError::Bytes {
                    field: Field::Offset,
                    bytes: byte_offset as i128,
                    elem_size,
                })
            }
        };
        // `elem_size > 0` here: the offset's conversion refused 0.
        let layout = match Self::new(shape, strides, offset, buffer_bytes / elem_size) {
            Ok(layout) => layout,
            // The numbers were given in bytes: so are the witness and the fix.
            Err(DynError::Bounds(error, fix, _)) => return Err(DynError::Bounds(error, fix, Units::Bytes(elem_size))),
            Err(error) => return Err(error),
        };
        // NumPy's `PyArray_NewFromDescr_int`: `itemsize * Π extents`, an
        // extent 0 counted as 1, must fit in `isize`.
        let mut bytes = elem_size;
        k = 0;
        while k < R {
            if shape[k] != 0 {
                bytes = match bytes.checked_mul(shape[k]) {
                    Some(b) => b,
                    None => return Err(DynError::TooBig { elem_size }),
                };
            }
            k += 1;
        }
        if bytes > isize::MAX as usize {
            return Err(DynError::TooBig { elem_size });
        }
        Ok(layout)
    }

    /// The layout of a static [`Layout`] `L` of rank `R`, with no run-time
    /// check: `L`'s numbers passed view-core's check in const evaluation
    /// (`L`'s `Facts::READABLE`, which every view constructor evaluates; a
    /// layout that fails it is a compile error here too), and the result is
    /// computed at compile time.
    ///
    /// ```
    /// use view_core::DynLayout;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Interior: [f32; 36] { shape: [4, 4], strides: [6, 1], offset: 7 }
    /// }
    ///
    /// let layout = DynLayout::of::<Interior>();
    /// assert_eq!(layout, DynLayout::new([4, 4], [6, 1], 7, 36)?);
    /// assert!(layout.matches::<Interior>());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn of<L: Layout<Index = [usize; R]>>() -> Self {
        const {
            let () = Facts::<L>::READABLE;
            match Self::new(L::SHAPE, L::STRIDES, L::OFFSET, L::BUFFER_LEN) {
                Ok(layout) => layout,
                // `Facts::READABLE` ran the same bounds rule on the same numbers.
                Err(_) => panic!("a layout that passed Facts::READABLE failed the same bounds rule"),
            }
        }
    }

    /// Whether the shape, strides and offset are exactly those of the
    /// static layout `L` (the buffer length is not compared: a view of `L`
    /// needs `L::REQUIRED_LEN` elements, which for the same numbers is
    /// [`required_len`](Self::required_len), within any buffer this layout
    /// was checked for). O(rank).
    ///
    /// ```
    /// use view_core::DynLayout;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Matrix: [f64; 12] { shape: [3, 4] }
    /// }
    ///
    /// assert!(DynLayout::new([3, 4], [4, 1], 0, 16)?.matches::<Matrix>());
    /// assert!(!DynLayout::new([3, 4], [1, 3], 0, 12)?.matches::<Matrix>());
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn matches<L: Layout<Index = [usize; R]>>(&self) -> bool {
        self.mismatch::<L>().is_none()
    }

    /// [`matches`](Self::matches) as a `Result`: the error names the first
    /// number that differs (extents, then strides, then the offset), with
    /// both values ([`DynError::Mismatch`]).
    ///
    /// ```
    /// use view_core::DynLayout;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     Matrix: [f64; 12] { shape: [3, 4] }
    /// }
    ///
    /// let transposed = DynLayout::new([3, 4], [1, 3], 0, 12)?;
    /// assert_eq!(
    ///     transposed.check_matches::<Matrix>().unwrap_err().to_string(),
    ///     "run-time layout does not match layout `Matrix`: the stride of axis 0 is 1, but `Matrix` has 4"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn check_matches<L: Layout<Index = [usize; R]>>(&self) -> Result<(), DynError> {
        match self.mismatch::<L>() {
            None => Ok(()),
            Some((field, found, expected)) => Err(DynError::Mismatch {
                layout: L::NAME,
                field,
                found,
                expected,
            }),
        }
    }

    /// The first number that differs from `L`'s: which, this layout's, `L`'s.
    const fn mismatch<L: Layout<Index = [usize; R]>>(&self) -> Option<(Field, i128, i128)> {
        const { Facts::<L>::READABLE }
        let (shape, strides) = (L::SHAPE, L::STRIDES);
        let mut k = 0;
        while k < R {
            if self.shape[k] != shape[k] {
                return Some((Field::Extent(k), self.shape[k] as i128, shape[k] as i128));
            }
            k += 1;
        }
        k = 0;
        while k < R {
            if self.strides[k] != strides[k] {
                return Some((Field::Stride(k), self.strides[k] as i128, strides[k] as i128));
            }
            k += 1;
        }
        if self.offset != L::OFFSET {
            return Some((Field::Offset, self.offset as i128, L::OFFSET as i128));
        }
        None
    }

    /// Proves the layout unique (no two indices reach one element), as a
    /// writable view needs, with the default budget: the cheap rules, then
    /// a bitset of [`DYN_SCRATCH_WORDS`] words on the stack, or the bounded
    /// search with [`DYN_SEARCH_WORK`] nodes.
    ///
    /// The error is [`DynError::NotUnique`]: two indices and their element
    /// (or, by pigeonhole, more indices than positions), or a budget that
    /// ran out ([`DynError::is_budget_exhausted`]; never a guess).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// // Strides (3, 2) over shape (3, 2): not nested, but unique (ndarray refuses it).
    /// assert!(DynLayout::new([3, 2], [2, 3], 0, 8)?.writable().is_ok());
    /// // NumPy's `as_strided(y, (2, 8), (8, 0), writeable=True)`:
    /// let error = DynLayout::new([2, 8], [1, 0], 0, 2)?.writable().unwrap_err();
    /// assert!(error.to_string().contains("indices [0, 0] and [0, 1] both reach element 0"));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn writable(self) -> Result<UniqueDynLayout<R>, DynError> {
        if unique_fast(&self.shape, &self.strides) {
            return Ok(UniqueDynLayout { layout: self });
        }
        self.writable_by_rules()
    }

    /// [`writable`](Self::writable) past its cheapest proofs, out of line.
    #[inline(never)]
    const fn writable_by_rules(self) -> Result<UniqueDynLayout<R>, DynError> {
        match unique_by_rules(&self.shape, &self.strides, self.signed_offset()) {
            Some(verdict) => Self::unique_or_error(self, verdict),
            None => self.writable_searched(),
        }
    }

    /// The search of [`writable`](Self::writable), out of line so that its
    /// scratch space is only on the stack when a search runs.
    #[inline(never)]
    const fn writable_searched(self) -> Result<UniqueDynLayout<R>, DynError> {
        let mut scratch = [0u64; DYN_SCRATCH_WORDS];
        self.writable_in(&mut scratch, DYN_SEARCH_WORK)
    }

    /// [`writable`](Self::writable) with the caller's budget: the bitset
    /// decides spans up to `64 * scratch.len()` positions; a larger span is
    /// searched with at most `max_work` nodes. An empty `scratch` and
    /// `max_work == 0` leave only the cheap rules, which settle C and F
    /// order, sliced, reversed, transposed, broadcast and every 2-D layout.
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// // Not nested, rank 3: the rules leave it to the bitset (39 positions: one word).
    /// let unique = DynLayout::new([3, 3, 3], [12, 3, 4], 0, 39)?;
    /// assert!(unique.writable_in(&mut [0u64; 1], 0).is_ok());
    /// // With no budget at all it cannot decide, and says so.
    /// assert!(unique.writable_in(&mut [], 0).unwrap_err().is_budget_exhausted());
    /// // The search alone decides it too.
    /// assert!(unique.writable_in(&mut [], 1 << 16).is_ok());
    ///
    /// let repeats = DynLayout::new([4, 4, 4], [12, 3, 4], 0, 64)?;
    /// let error = repeats.writable_in(&mut [0u64; 1], 0).unwrap_err();
    /// assert!(error.to_string().contains("indices [0, 0, 3] and [1, 0, 0] both reach element 12"));
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn writable_in(self, scratch: &mut [u64], max_work: u64) -> Result<UniqueDynLayout<R>, DynError> {
        let verdict = check_unique_bounded(&self.shape, &self.strides, self.signed_offset(), scratch, max_work);
        Self::unique_or_error(self, verdict)
    }

    const fn unique_or_error(self, verdict: Uniqueness) -> Result<UniqueDynLayout<R>, DynError> {
        match verdict {
            Uniqueness::Unique => Ok(UniqueDynLayout { layout: self }),
            verdict => Err(DynError::NotUnique(verdict)),
        }
    }

    /// Proves that no element is reached by both `self` and `other`
    /// (layouts of one buffer, of any ranks), with the default budget: the
    /// cheap rules (footprints that do not meet, offsets that differ by a
    /// non-multiple of the strides' gcd), then a bitset of
    /// [`DYN_SCRATCH_WORDS`] words on the stack, or the bounded search with
    /// [`DYN_SEARCH_WORK`] nodes.
    ///
    /// The error is [`DynError::Overlap`] with `first: 0` (`self`) and
    /// `second: 1` (`other`): an element both reach and an index of each,
    /// or a budget that ran out ([`DynError::is_budget_exhausted`]).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// // The two channels of 8 interleaved stereo samples.
    /// let left = DynLayout::new([4], [2], 0, 8)?;
    /// let right = DynLayout::new([4], [2], 1, 8)?;
    /// assert!(left.disjoint(&right).is_ok());
    /// let thirds = DynLayout::new([3], [3], 0, 8)?;
    /// assert_eq!(
    ///     left.disjoint(&thirds).unwrap_err().to_string(),
    ///     "run-time split: members `#0` and `#1` overlap: `#0` index [0] and `#1` index [0] \
    ///      both reach element 0; split members must be pairwise disjoint"
    /// );
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn disjoint<const S: usize>(&self, other: &DynLayout<S>) -> Result<(), DynError> {
        match disjoint_by_rules(self.parts(), other.parts()) {
            Some(verdict) => overlap_or_ok(verdict, 0, 1),
            None => self.disjoint_searched(other),
        }
    }

    /// The search of [`disjoint`](Self::disjoint), out of line (see
    /// [`writable_searched`](Self::writable_searched)).
    #[inline(never)]
    const fn disjoint_searched<const S: usize>(&self, other: &DynLayout<S>) -> Result<(), DynError> {
        let mut scratch = [0u64; DYN_SCRATCH_WORDS];
        self.disjoint_in(other, &mut scratch, DYN_SEARCH_WORK)
    }

    /// [`disjoint`](Self::disjoint) with the caller's budget (as in
    /// [`writable_in`](Self::writable_in): the bitset covers a common range
    /// of up to `64 * scratch.len()` positions, the search visits at most
    /// `max_work` nodes).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// let even = DynLayout::new([50, 50], [200, 2], 0, 10_000)?;
    /// let odd = DynLayout::new([50, 50], [200, 2], 101, 10_000)?;
    /// assert!(even.disjoint_in(&odd, &mut [], 1 << 16).is_ok()); // the gcd rule: no scratch needed
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn disjoint_in<const S: usize>(
        &self,
        other: &DynLayout<S>,
        scratch: &mut [u64],
        max_work: u64,
    ) -> Result<(), DynError> {
        overlap_or_ok(
            check_disjoint_bounded(self.parts(), other.parts(), scratch, max_work),
            0,
            1,
        )
    }

    /// The numbers, for the proof's functions that compare two layouts.
    pub(crate) const fn parts(&self) -> LayoutParts<'_> {
        LayoutParts {
            shape: &self.shape,
            strides: &self.strides,
            offset: self.signed_offset(),
        }
    }

    /// The offset as the proof takes it; at most `isize::MAX` (checked by `new`).
    const fn signed_offset(&self) -> isize {
        self.offset as isize
    }

    /// The extents, one per axis.
    pub const fn shape(&self) -> [usize; R] {
        self.shape
    }

    /// The element strides, one per axis.
    pub const fn strides(&self) -> [isize; R] {
        self.strides
    }

    /// The element reached by index `[0, .., 0]` (for an empty layout: where
    /// it starts, at most [`buffer_len`](Self::buffer_len)).
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The buffer length, in elements, the layout was checked against.
    pub const fn buffer_len(&self) -> usize {
        self.buffer_len
    }

    /// The rank `R`: the number of axes.
    pub const fn rank(&self) -> usize {
        R
    }

    /// The number of indices: the product of the extents.
    pub const fn size(&self) -> usize {
        self.size
    }

    /// Whether some extent is 0 (no index, no element reached).
    pub const fn is_empty(&self) -> bool {
        matches!(self.footprint, Footprint::Empty)
    }

    /// The elements reached: none, or every one in `lowest..=highest`, both
    /// ends reached.
    pub const fn footprint(&self) -> Footprint {
        self.footprint
    }

    /// The lowest element reached (`None` when empty).
    pub const fn lowest(&self) -> Option<usize> {
        match self.footprint {
            Footprint::Empty => None,
            Footprint::Elements { lowest, .. } => Some(lowest),
        }
    }

    /// The highest element reached (`None` when empty).
    pub const fn highest(&self) -> Option<usize> {
        match self.footprint {
            Footprint::Empty => None,
            Footprint::Elements { highest, .. } => Some(highest),
        }
    }

    /// The shortest buffer the layout fits in: the highest element + 1, or
    /// the offset when empty (as a static layout's `REQUIRED_LEN`). At most
    /// [`buffer_len`](Self::buffer_len): a view of this layout needs a
    /// buffer of at least this many elements, and any such buffer will do.
    pub const fn required_len(&self) -> usize {
        match self.footprint {
            Footprint::Empty => self.offset,
            Footprint::Elements { highest, .. } => highest + 1,
        }
    }

    /// Elements actually spanned, `highest - lowest + 1` (0 when empty).
    pub const fn required_span(&self) -> usize {
        self.footprint.required_span()
    }

    /// The element `index` reaches, or `None` if a coordinate is outside
    /// the shape. O(rank).
    ///
    /// ```
    /// use view_core::DynLayout;
    ///
    /// let layout = DynLayout::new([2, 3], [-3, 1], 3, 6)?;
    /// assert_eq!(layout.element([1, 2]), Some(2));
    /// assert_eq!(layout.element([2, 0]), None);
    /// # Ok::<(), view_core::DynError>(())
    /// ```
    pub const fn element(&self, index: [usize; R]) -> Option<usize> {
        let mut k = 0;
        while k < R {
            if index[k] >= self.shape[k] {
                return None;
            }
            k += 1;
        }
        // No step wraps: each partial sum `offset + Σ_{k<j} ik sk` is the
        // element of an index inside the shape (the remaining coordinates
        // 0), which the bounds rule put in `0..required_len`.
        let mut element = self.offset;
        k = 0;
        while k < R {
            element = element.wrapping_add_signed((index[k] as isize).wrapping_mul(self.strides[k]));
            k += 1;
        }
        Some(element)
    }
}

/// `Ok` for a disjoint verdict, else the error naming members `first` and `second`.
pub(crate) const fn overlap_or_ok(verdict: Overlap, first: usize, second: usize) -> Result<(), DynError> {
    match verdict {
        Overlap::Disjoint => Ok(()),
        verdict => Err(DynError::Overlap { first, second, verdict }),
    }
}

/// A [`DynLayout`] also proven unique: no two indices inside the shape reach
/// the same element, which a writable view needs. Made only by
/// [`DynLayout::writable`] (and [`writable_in`](DynLayout::writable_in)),
/// or from a static [`UniqueLayout`] ([`UniqueDynLayout::of`]).
///
/// It dereferences to its [`DynLayout`] for the numbers.
///
/// ```
/// use view_core::{DynLayout, UniqueDynLayout};
///
/// let layout: UniqueDynLayout<2> = DynLayout::new([3, 4], [1, 3], 0, 12)?.writable()?;
/// assert_eq!(layout.shape(), [3, 4]);
/// assert!(layout.is_exhaustive());
/// # Ok::<(), view_core::DynError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UniqueDynLayout<const R: usize> {
    layout: DynLayout<R>,
}

impl<const R: usize> UniqueDynLayout<R> {
    /// The layout of a static writable layout `L`, with no run-time check:
    /// `L` passed view-core's check for writable views in const evaluation
    /// (`L`'s `Facts::WRITABLE`, which every writable view constructor
    /// evaluates: bounds and uniqueness; a layout that fails it is a compile
    /// error here too).
    ///
    /// ```
    /// use view_core::UniqueDynLayout;
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Left: [i16; 8] { shape: [4], strides: [2] }
    /// }
    ///
    /// let layout = UniqueDynLayout::of::<Left>();
    /// assert_eq!((layout.strides(), layout.required_len()), ([2], 7));
    /// ```
    pub const fn of<L: UniqueLayout<Index = [usize; R]>>() -> Self {
        const { Facts::<L>::WRITABLE }
        UniqueDynLayout {
            layout: DynLayout::of::<L>(),
        }
    }

    /// The layout.
    pub const fn as_layout(&self) -> &DynLayout<R> {
        &self.layout
    }

    /// The layout, forgetting that it is unique.
    pub const fn into_layout(self) -> DynLayout<R> {
        self.layout
    }

    /// Whether the elements reached are exactly a contiguous run (mdspan's
    /// "exhaustive"): unique, so `size == required_span`.
    pub const fn is_exhaustive(&self) -> bool {
        self.layout.size == self.layout.required_span()
    }

    /// [`DynLayout::matches`] for a static writable layout `L` (whose
    /// `Facts::WRITABLE` is evaluated): the same numbers.
    pub const fn matches<L: UniqueLayout<Index = [usize; R]>>(&self) -> bool {
        const { Facts::<L>::WRITABLE }
        self.layout.matches::<L>()
    }

    /// [`DynLayout::check_matches`] for a static writable layout `L`.
    pub const fn check_matches<L: UniqueLayout<Index = [usize; R]>>(&self) -> Result<(), DynError> {
        const { Facts::<L>::WRITABLE }
        self.layout.check_matches::<L>()
    }
}

impl<const R: usize> Deref for UniqueDynLayout<R> {
    type Target = DynLayout<R>;

    fn deref(&self) -> &DynLayout<R> {
        &self.layout
    }
}

impl<const R: usize> From<UniqueDynLayout<R>> for DynLayout<R> {
    fn from(layout: UniqueDynLayout<R>) -> Self {
        layout.layout
    }
}
