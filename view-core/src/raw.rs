//! The operand layer: a view's pointer, and every dereference in the crate.
//!
//! A [`Base<E, L>`] is the start of a buffer together with the layout that
//! says which of its elements may be touched. Views, iterators, zips and
//! splits hold one and never touch the pointer themselves: they compute
//! element positions (with the layout's constants) and ask this module for
//! the reference. So the obligations of every dereference are stated, and
//! proven, here and at the few constructors of a `Base`.

use core::marker::PhantomData;
use core::ptr::NonNull;

#[cfg(feature = "ndarray")]
use crate::facts::Facts;
use crate::layout::Layout;
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
    #[cfg(feature = "ndarray")]
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
