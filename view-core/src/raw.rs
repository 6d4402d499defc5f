//! The operand layer: a view's pointer, and every dereference in the crate.
//!
//! A [`Base<E, L>`] is the start of a buffer together with the layout that
//! says which of its elements may be touched. Views, iterators, zips and
//! splits hold one and never touch the pointer themselves: they compute
//! element positions (with the layout's constants) and ask this module for
//! the reference. So the obligations of every dereference are stated, and
//! proven, here and at the few constructors of a `Base`.
//!
//! A [`DynBase<E, R>`] is the same for a run-time view: the element of index
//! `[0, ..]` with the shape and strides as values. Its constructors (from a
//! checked [`DynLayout`], from a static `Base`, by an operation of the
//! layout algebra) and its pointer arithmetic are here too.

use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::algebra::{Op, Strided};
use crate::dynamic::{DynError, DynLayout, Field};
use crate::facts::Facts;
use crate::layout::Layout;
use crate::proof::size_of_shape;
#[cfg(feature = "ndarray")]
use crate::proof::Footprint;

/// `NonNull` from the pointer of a reference or slice, usable in `const fn`.
///
/// Callers pass only `as_ptr()` / `as_mut_ptr()` of a reference's target.
#[inline(always)]
pub(crate) const fn non_null<E>(ptr: *const E) -> NonNull<E> {
    // SAFETY: the pointer of a reference, or of a slice (even an empty one,
    // whose pointer is dangling but aligned and non-null), is never null.
    unsafe { NonNull::new_unchecked(ptr.cast_mut()) }
}

/// The start of a buffer of `E`, read (or written) through layout `L`.
///
/// **Invariant** (of every `Base` that exists, established by [`Base::new`]):
/// - `L` passed view-core's check on the target (`Facts::<L>::READABLE`), so
///   every element `L` reaches lies in `0..REQUIRED_LEN`;
/// - `ptr` points to the start of `REQUIRED_LEN` consecutive elements of one
///   allocation (for an empty layout: any aligned, non-null pointer).
///
/// What access the holder has to those elements (shared for `'a`, or
/// exclusive) is the holder's business: `View` and `ViewMut` carry it in
/// their lifetimes, and pass it on to what they make.
///
/// `Base` is **invariant** in `L`: two layout types can be subtypes of each
/// other (`G<for<'x> fn(&'x ())>` and `G<fn(&'static ())>`) while their
/// `Layout` impls differ, so a covariant base would let subtyping turn a
/// checked view into a view of another, unchecked layout.
pub(crate) struct Base<E, L> {
    ptr: NonNull<E>,
    layout: PhantomData<fn(L) -> L>,
}

impl<E, L> Clone for Base<E, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, L> Copy for Base<E, L> {}

impl<E, L: Layout> Base<E, L> {
    /// # Safety
    /// - `L` passed `Facts::<L>::READABLE` (evaluated by the caller in a
    ///   `const` block, or implied by a base of another layout, see
    ///   [`Base::retarget`]);
    /// - `ptr` is valid for reads of `Facts::<L>::REQUIRED_LEN` elements,
    ///   all in one allocation.
    #[inline(always)]
    pub(crate) const unsafe fn new(ptr: NonNull<E>) -> Self {
        Base {
            ptr,
            layout: PhantomData,
        }
    }

    /// The buffer's start (not the element of index `[0, ..]`).
    #[inline(always)]
    pub(crate) const fn ptr(self) -> NonNull<E> {
        self.ptr
    }

    /// The pointer to element `element` of the buffer.
    ///
    /// # Safety
    /// `element < Facts::<L>::REQUIRED_LEN` (true of every element `L`
    /// reaches, by the invariant).
    #[inline(always)]
    pub(crate) unsafe fn at(self, element: usize) -> NonNull<E> {
        // SAFETY:
        // - `element < REQUIRED_LEN` (the caller's contract), so the result
        //   stays inside the `REQUIRED_LEN` elements of one allocation
        //   `ptr` points to (the invariant);
        // - such an offset, in bytes, is below `isize::MAX`: the allocation
        //   holds it.
        unsafe { self.ptr.add(element) }
    }

    /// `&buffer[element]`.
    ///
    /// # Safety
    /// - `element` is reached by `L` (some index inside its shape);
    /// - the caller may read the elements `L` reaches for `'a`, and nothing
    ///   writes to `element` during `'a`.
    #[inline(always)]
    pub(crate) unsafe fn read<'a>(self, element: usize) -> &'a E {
        // SAFETY: `element` is reached by `L`, so below `REQUIRED_LEN`.
        let ptr = unsafe { self.at(element) };
        // SAFETY:
        // - `ptr` is in bounds of the allocation, aligned (an element of a
        //   `[E]` buffer) and initialised (the buffer came from a reference);
        // - shared access for `'a` with no writer: the caller's contract.
        unsafe { ptr.as_ref() }
    }

    /// `&mut buffer[element]`.
    ///
    /// # Safety
    /// - `element` is reached by `L`;
    /// - the caller has exclusive access to the elements `L` reaches for
    ///   `'a`, and no other reference to `element` is live during `'a` (each
    ///   element is handed out once: `L` is unique, or one element is asked for).
    #[inline(always)]
    pub(crate) unsafe fn write<'a>(self, element: usize) -> &'a mut E {
        // SAFETY: `element` is reached by `L`, so below `REQUIRED_LEN`.
        let mut ptr = unsafe { self.at(element) };
        // SAFETY:
        // - `ptr` is in bounds, aligned and initialised (as in `read`);
        // - exclusive, with no other live reference to it: the caller's contract.
        unsafe { ptr.as_mut() }
    }

    /// Swaps `buffer[x]` and `buffer[y]` (nothing if `x == y`).
    ///
    /// # Safety
    /// - `x` and `y` are reached by `L`;
    /// - the caller has exclusive access to the elements `L` reaches, and no
    ///   reference to `x` or `y` is live.
    #[inline(always)]
    pub(crate) unsafe fn swap(self, x: usize, y: usize) {
        // SAFETY: `x` is reached by `L`, so below `REQUIRED_LEN`.
        let px = unsafe { self.at(x) };
        // SAFETY: as for `px`.
        let py = unsafe { self.at(y) };
        // SAFETY:
        // - both pointers are in bounds, aligned and initialised elements
        //   (as in `read`);
        // - the caller has exclusive access to them, with no live reference;
        // - `ptr::swap` allows them to be equal (then it does nothing).
        unsafe { core::ptr::swap(px.as_ptr(), py.as_ptr()) };
    }

    /// The same buffer through layout `M`.
    ///
    /// # Safety
    /// - `M` passed `Facts::<M>::READABLE`;
    /// - every element `M` reaches is an element `L` reaches (so what the
    ///   holder may do with `L`'s elements covers `M`'s), and
    ///   `Facts::<M>::REQUIRED_LEN <= Facts::<L>::REQUIRED_LEN`.
    #[inline(always)]
    pub(crate) const unsafe fn retarget<M: Layout>(self) -> Base<E, M> {
        Base {
            ptr: self.ptr,
            layout: PhantomData,
        }
    }

    /// A base `start` elements further on, through layout `M`: `M`'s element
    /// `e` is this buffer's `start + e`.
    ///
    /// # Safety
    /// - `M` passed `Facts::<M>::READABLE`;
    /// - `start + e` is an element `L` reaches for every element `e` that
    ///   `M` reaches, and `start + Facts::<M>::REQUIRED_LEN <=
    ///   Facts::<L>::REQUIRED_LEN` (so the new base is in the allocation
    ///   and holds `M`'s required length).
    #[inline(always)]
    pub(crate) unsafe fn advance<M: Layout>(self, start: usize) -> Base<E, M> {
        // SAFETY: `start <= REQUIRED_LEN` of `L` (the caller's contract).
        let ptr = unsafe { self.at_or_end(start) };
        Base {
            ptr,
            layout: PhantomData,
        }
    }

    /// The pointer to the lowest element `L` reaches; for an empty layout,
    /// to element `OFFSET` (which is then `REQUIRED_LEN`, one past the
    /// elements the base holds, or the end of the buffer).
    ///
    /// For bridges to code that wants a pointer it may only move forward
    /// from (ndarray's `from_shape_ptr`).
    #[cfg(feature = "ndarray")]
    #[inline]
    pub(crate) fn lowest(self) -> NonNull<E> {
        match Facts::<L>::CHECK {
            Ok(Footprint::Elements { lowest, .. }) => {
                // SAFETY: `lowest` is an element `L` reaches, hence below
                // `REQUIRED_LEN` (a `Base` exists only for a layout that
                // passed `Facts::READABLE`, whose `CHECK` is this footprint).
                unsafe { self.at(lowest) }
            }
            Ok(Footprint::Empty) => {
                // SAFETY: for an empty layout `REQUIRED_LEN` is `OFFSET`
                // (`Facts::REQUIRED_LEN`), so this is at most one past the
                // `REQUIRED_LEN` elements.
                unsafe { self.at_or_end(L::OFFSET) }
            }
            // Not reached: `Facts::READABLE` passed, so `CHECK` is `Ok`.
            Err(_) => self.ptr,
        }
    }

    /// A base from the pointer to the element of index `[0, ..]` (the
    /// origin) of a view made elsewhere that reaches exactly the elements
    /// `L` reaches: the base is `origin - OFFSET`, the lowest element.
    ///
    /// # Safety
    /// - `L` passed `Facts::<L>::READABLE`, and it is based at its lowest
    ///   element: `Facts::<L>::REQUIRED_SPAN == Facts::<L>::REQUIRED_LEN`
    ///   (for a non-empty layout, the lowest element reached is element 0;
    ///   an empty one has `OFFSET == 0` and needs no element);
    /// - for a non-empty `L`: the pointers `origin + Σ ik sk`, for `L`'s
    ///   shape and strides (every index inside the shape), are pointers to
    ///   elements of one allocation of `E`, aligned.
    #[inline]
    pub(crate) unsafe fn from_origin(origin: *const E) -> Self {
        if Facts::<L>::SIZE == 0 {
            // `REQUIRED_LEN` is 0: any aligned, non-null pointer holds it.
            return Base {
                ptr: NonNull::dangling(),
                layout: PhantomData,
            };
        }
        // `origin - OFFSET` is the lowest element reached, so it lies in the
        // allocation and the subtraction does not wrap; `wrapping_sub`
        // keeps `origin`'s provenance and needs no proof of its own.
        let start = origin.cast_mut().wrapping_sub(L::OFFSET);
        // SAFETY: `start` is the pointer of element 0 of `L`'s buffer, the
        // lowest element `L` reaches (the caller's contract: `L` starts at
        // its lowest element, and every element it reaches is `origin -
        // OFFSET + e` for an element `e` in `0..REQUIRED_LEN`), a pointer
        // into an allocation, which is never null (for a zero-sized `E`
        // nothing moved: `start` is `origin`, a view's pointer, non-null).
        let ptr = unsafe { NonNull::new_unchecked(start) };
        // Every element in `0..REQUIRED_LEN` lies between the lowest and
        // the highest element reached, both in the allocation: `Base`'s
        // invariant holds.
        Base {
            ptr,
            layout: PhantomData,
        }
    }

    /// The pointer to the element of index `[0, ..]` (element `OFFSET`; for
    /// an empty layout, where it would be: at most one past the
    /// `REQUIRED_LEN` elements).
    #[inline(always)]
    pub(crate) fn origin(self) -> NonNull<E> {
        const { Facts::<L>::READABLE }
        // SAFETY: `OFFSET <= REQUIRED_LEN`: for a non-empty layout `OFFSET`
        // is the element of index `[0, ..]`, below `REQUIRED_LEN`; for an
        // empty one `REQUIRED_LEN` is `OFFSET` (`Facts::REQUIRED_LEN`). `L`
        // passed `Facts::READABLE` (a `Base` exists only for such a layout;
        // evaluated again above), so these are its numbers.
        unsafe { self.at_or_end(L::OFFSET) }
    }

    /// As [`at`](Self::at), one past the end allowed.
    ///
    /// # Safety
    /// `element <= Facts::<L>::REQUIRED_LEN`.
    #[inline(always)]
    unsafe fn at_or_end(self, element: usize) -> NonNull<E> {
        // SAFETY: one past the last of the `REQUIRED_LEN` elements is still
        // inside (or one past the end of) the allocation, and its byte
        // offset is below `isize::MAX`.
        unsafe { self.ptr.add(element) }
    }
}

/// The element of index `[0, ..]` of a run-time view (its *origin*), with
/// the view's shape and strides as values: what a `DynView` / `DynViewMut`
/// holds (one pointer and `2 R` words).
///
/// Positions are relative to the origin: index `i` inside the shape reaches
/// `origin + p(i)`, `p(i) = Σ i_k s_k`, which is negative where a stride is.
/// Traversals compute positions in wrapping `usize` arithmetic (the
/// `Operand` contract); a position of an index inside the shape is exact in
/// `isize` (below), so `as isize` recovers it.
///
/// **Invariant** (of every `DynBase` that exists, established by its
/// constructors [`from_layout`](Self::from_layout),
/// [`from_static`](Self::from_static) and [`derive`](Self::derive)):
/// - the number of indices, `Π shape`, is at most `isize::MAX`;
/// - for every index `i` inside `shape`, `p(i)` is an `isize` (exactly),
///   and `origin + p(i)` (in elements) is an aligned, initialised element of
///   one allocation of `E`, the same for every index. So any two of them are
///   less than `isize::MAX` bytes apart, and the origin itself is such an
///   element unless the shape is empty (then it is any aligned, non-null
///   pointer, never dereferenced).
///
/// As for [`Base`], the access the holder has to those elements (shared for
/// `'a`, or exclusive) is the holder's business, carried by its lifetime.
pub(crate) struct DynBase<E, const R: usize> {
    origin: NonNull<E>,
    shape: [usize; R],
    strides: [isize; R],
}

impl<E, const R: usize> Clone for DynBase<E, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, const R: usize> Copy for DynBase<E, R> {}

// The run-time errors carry their witness by value (no allocator to box
// them), as in `dynamic`; an error is built once per refused operation.
#[allow(clippy::result_large_err)]
impl<E, const R: usize> DynBase<E, R> {
    /// The base of `layout` over a buffer starting at `start`: the origin is
    /// element `layout.offset()`.
    ///
    /// # Safety
    /// `start` is valid for reads of `layout.required_len()` elements, all
    /// in one allocation (the start of a slice at least that long).
    #[inline]
    pub(crate) unsafe fn from_layout(start: NonNull<E>, layout: &DynLayout<R>) -> Self {
        // SAFETY:
        // - in bounds: `offset <= required_len()` (for a non-empty layout
        //   the offset is the element of index `[0, ..]`, below
        //   `required_len()` by `DynLayout`'s invariant; for an empty one
        //   `required_len()` is the offset), so the result is inside, or one
        //   past the end of, the `required_len()` elements of one allocation
        //   `start` points to (the caller's contract);
        // - no overflow: its byte distance from `start` is within that
        //   allocation, below `isize::MAX`.
        let origin = unsafe { start.add(layout.offset()) };
        // The invariant: `DynLayout::new` refused more than `isize::MAX`
        // indices; index `i` reaches element `offset + p(i)` in
        // `0..required_len()`, exactly (the bounds rule ran in exact
        // arithmetic and refused elements outside `isize`), so `p(i)` is an
        // `isize` and `origin + p(i) = start + element` is one of the
        // elements the caller vouches for.
        DynBase {
            origin,
            shape: layout.shape(),
            strides: layout.strides(),
        }
    }

    /// The base of a static view's elements: the origin is the static
    /// base's element `OFFSET`.
    #[inline]
    pub(crate) fn from_static<L: Layout<Index = [usize; R]>>(base: Base<E, L>) -> Self {
        // The invariant: `L` passed `Facts::READABLE` (a `Base` exists only
        // for such a layout), so `Π SHAPE <= isize::MAX` (`Facts::SIZE`) and
        // index `i` reaches element `OFFSET + p(i)` in `0..REQUIRED_LEN`,
        // exactly; so `p(i)` is an `isize`, and `origin + p(i)` is that
        // element of the `REQUIRED_LEN` elements of one allocation the base
        // points to (`Base`'s invariant).
        DynBase {
            origin: base.origin(),
            shape: L::SHAPE,
            strides: L::STRIDES,
        }
    }

    /// The element of index `[0, ..]` (for an empty view: any aligned,
    /// non-null pointer).
    #[inline(always)]
    pub(crate) const fn origin(&self) -> NonNull<E> {
        self.origin
    }

    /// The extents.
    #[inline(always)]
    pub(crate) const fn shape(&self) -> &[usize; R] {
        &self.shape
    }

    /// The element strides.
    #[inline(always)]
    pub(crate) const fn strides(&self) -> &[isize; R] {
        &self.strides
    }

    /// The number of indices (at most `isize::MAX`, by the invariant).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        if self.shape.contains(&0) {
            return 0;
        }
        // Non-empty: the product is at most `isize::MAX` (the invariant), so
        // no step overflows.
        self.shape.iter().fold(1usize, |size, &n| size.wrapping_mul(n))
    }

    /// The position of `index` (wrapping, as traversals compute it), or
    /// `None` if a coordinate is outside the shape.
    #[inline(always)]
    pub(crate) fn position(&self, index: &[usize; R]) -> Option<usize> {
        if !index.iter().zip(&self.shape).all(|(&i, &n)| i < n) {
            return None;
        }
        Some(index.iter().zip(&self.strides).fold(0usize, |p, (&i, &s)| {
            p.wrapping_add_signed((i as isize).wrapping_mul(s))
        }))
    }

    /// The pointer to the element at `position`.
    ///
    /// # Safety
    /// `origin` is the origin of a `DynBase` (of any shape), and `position`
    /// is, in wrapping arithmetic, the position `p(i)` of an index `i`
    /// inside that base's shape.
    #[inline(always)]
    pub(crate) unsafe fn at(origin: NonNull<E>, position: usize) -> NonNull<E> {
        // SAFETY:
        // - `p(i)` is an `isize` (the invariant), and wrapping arithmetic
        //   computes it modulo 2^usize::BITS, so `position as isize` is
        //   `p(i)` exactly;
        // - the index is inside the shape, so the shape is not empty and the
        //   origin is an element of the allocation, as is `origin + p(i)`
        //   (the invariant): the offset stays inside one allocation and its
        //   byte count is below `isize::MAX`.
        unsafe { origin.offset(position as isize) }
    }

    /// `&element` at `position`.
    ///
    /// # Safety
    /// - as for [`at`](Self::at);
    /// - the caller may read that base's elements for `'a`, and nothing
    ///   writes to this one during `'a`.
    #[inline(always)]
    pub(crate) unsafe fn read<'a>(origin: NonNull<E>, position: usize) -> &'a E {
        // SAFETY: the caller's first contract is `at`'s.
        let ptr = unsafe { Self::at(origin, position) };
        // SAFETY:
        // - `ptr` is an aligned, initialised element of an allocation (the
        //   invariant);
        // - shared access for `'a` with no writer: the caller's contract.
        unsafe { ptr.as_ref() }
    }

    /// `&mut element` at `position`.
    ///
    /// # Safety
    /// - as for [`at`](Self::at);
    /// - the caller has exclusive access to that base's elements for `'a`,
    ///   and no other reference to this one is live during `'a` (each
    ///   element handed out once: the base's layout is unique, or one
    ///   element is asked for).
    #[inline(always)]
    pub(crate) unsafe fn write<'a>(origin: NonNull<E>, position: usize) -> &'a mut E {
        // SAFETY: the caller's first contract is `at`'s.
        let mut ptr = unsafe { Self::at(origin, position) };
        // SAFETY:
        // - `ptr` is an aligned, initialised element (as in `read`);
        // - exclusive, with no other live reference: the caller's contract.
        unsafe { ptr.as_mut() }
    }

    /// Swaps the elements at positions `x` and `y` (nothing if equal).
    ///
    /// # Safety
    /// - `x` and `y` are as the position of [`at`](Self::at);
    /// - the caller has exclusive access to that base's elements, and no
    ///   reference to either is live.
    #[inline(always)]
    pub(crate) unsafe fn swap(origin: NonNull<E>, x: usize, y: usize) {
        // SAFETY: the caller's first contract is `at`'s.
        let px = unsafe { Self::at(origin, x) };
        // SAFETY: as for `px`.
        let py = unsafe { Self::at(origin, y) };
        // SAFETY:
        // - both pointers are aligned, initialised elements (the invariant);
        // - the caller has exclusive access to them, with no live reference;
        // - `ptr::swap` allows them to be equal (then it does nothing).
        unsafe { core::ptr::swap(px.as_ptr(), py.as_ptr()) };
    }

    /// The axes in reverse order (NumPy's `.T`): the same elements, no move.
    #[inline]
    pub(crate) fn t(mut self) -> Self {
        // The invariant holds: the indices of the result are those of `self`
        // with the coordinates reversed, reaching the same positions.
        self.shape.reverse();
        self.strides.reverse();
        self
    }

    /// The numbers as the algebra takes them, relative to the origin (offset 0).
    fn strided(&self) -> Result<Strided, DynError> {
        Strided::new(&self.shape, &self.strides, 0).map_err(|error| DynError::Algebra { op: "(view)", error })
    }

    /// The base of the result of `op` (named `name` in errors), of rank `Q`:
    /// the same elements seen through NumPy's view operation, the origin
    /// moved to the result's element of index `[0, ..]`.
    ///
    /// Errors: the algebra's ([`DynError::Algebra`]), a result of another
    /// rank than `Q` ([`DynError::Rank`]), or of more than `isize::MAX`
    /// indices (`windows`, `broadcast_to`: [`AlgebraError::Overflow`]).
    ///
    /// [`AlgebraError::Overflow`]: crate::algebra::AlgebraError::Overflow
    pub(crate) fn derive<const Q: usize>(&self, op: Op<'_>) -> Result<DynBase<E, Q>, DynError> {
        let name = op.name();
        let operand = self.strided()?;
        let result = op
            .apply(operand)
            .map_err(|error| DynError::Algebra { op: name, error })?;
        if result.rank() != Q {
            return Err(DynError::Rank {
                op: name,
                rank: result.rank(),
                expected: Q,
            });
        }
        let mut shape = [0usize; Q];
        let mut strides = [0isize; Q];
        shape.copy_from_slice(result.shape());
        strides.copy_from_slice(result.strides());
        if shape.contains(&0) {
            // No index: any aligned non-null pointer will do; keep the
            // origin (no arithmetic on it).
            return Ok(DynBase {
                origin: self.origin,
                shape,
                strides,
            });
        }
        if size_of_shape(&shape).is_none() {
            return Err(DynError::Algebra {
                op: name,
                error: crate::algebra::AlgebraError::Overflow,
            });
        }
        // The algebra maps every index of its result to an index of its
        // operand reaching the same element (its contract, the promise
        // behind `DerivedFrom`), so the result's index `[0, ..]` (it has
        // one: the result is not empty) reaches the operand's position
        // `result.offset()`: the position of an index inside `self`'s shape.
        let moved = result.offset() as usize;
        // SAFETY:
        // - `self.origin` is the origin of a `DynBase` (`self`);
        // - `moved` is the position of an index inside its shape (above).
        let origin = unsafe { Self::at(self.origin, moved) };
        // The invariant: `Π shape <= isize::MAX` (checked above); every index
        // `j` of the result reaches an operand element `origin_self + p(i)`
        // for an index `i` inside `self`'s shape (the algebra's contract),
        // which is `origin + q(j)` with `q(j) = p(i) - result.offset()`:
        // both ends are elements of one allocation, so `q(j)` is an `isize`,
        // and the element is one of `self`'s.
        Ok(DynBase { origin, shape, strides })
    }

    /// The base of the same elements through a static layout `L` of the
    /// same shape and strides, based at its lowest element; `Err` names the
    /// first number that differs. The strides of axes that never move (of
    /// extent 1, or all of them in an empty view) are not compared: they
    /// reach no other element.
    ///
    /// `L` must start at its lowest element (`REQUIRED_SPAN == REQUIRED_LEN`,
    /// checked at compile time): the static view's buffer starts at `L`'s
    /// element 0, `OFFSET` elements before the origin, and a run-time view
    /// vouches only for the elements it reaches. For such a layout the
    /// buffer start is the lowest element reached.
    pub(crate) fn to_static<L: Layout<Index = [usize; R]>>(self) -> Result<Base<E, L>, DynError> {
        const {
            let () = Facts::<L>::READABLE;
            assert!(
                Facts::<L>::REQUIRED_SPAN == Facts::<L>::REQUIRED_LEN,
                "to_static needs a layout based at its lowest element (REQUIRED_SPAN == REQUIRED_LEN): a run-time view vouches only for the elements it reaches, and the static view's buffer starts at element 0"
            )
        }
        let mismatch = |field, found: i128, expected: i128| DynError::Mismatch {
            layout: L::NAME,
            field,
            found,
            expected,
        };
        for (axis, (&found, &expected)) in self.shape.iter().zip(&L::SHAPE).enumerate() {
            if found != expected {
                return Err(mismatch(Field::Extent(axis), found as i128, expected as i128));
            }
        }
        let empty = self.shape.contains(&0);
        for (axis, ((&n, &found), &expected)) in self.shape.iter().zip(&self.strides).zip(&L::STRIDES).enumerate() {
            if !empty && n > 1 && found != expected {
                return Err(mismatch(Field::Stride(axis), found as i128, expected as i128));
            }
        }
        // SAFETY: `Base::from_origin`'s contract:
        // - `L` passed `Facts::READABLE` and starts at its lowest element
        //   (both checked above, at compile time);
        // - `self.origin` is the element of index `[0, ..]`, and for every
        //   index `i` inside `L`'s shape (= this shape, checked above) the
        //   pointer `origin + Σ ik sk` with `L`'s strides is `origin + p(i)`
        //   (the strides agree on every axis that moves, checked above): an
        //   aligned element of one allocation (the invariant).
        Ok(unsafe { Base::from_origin(self.origin.as_ptr()) })
    }
}
