//! `split`: several writable views of one buffer, proven pairwise disjoint.

use core::ptr::NonNull;

use crate::error::LengthError;
use crate::layout::{Layout, UniqueLayout};
use crate::view::non_null;
use crate::view_mut::ViewMut;

/// A set of writable layouts over one buffer, proven pairwise disjoint.
///
/// # Safety
///
/// Implemented by the macro for `split` items only after proving that no
/// element is reached by two members, and that every member's `BUFFER_LEN`
/// equals `Self::BUFFER_LEN`.
pub unsafe trait Partition: 'static {
    /// The members, as a tuple of [`UniqueLayout`]s.
    type Members: Members;
    /// The buffer length every member was declared for.
    const BUFFER_LEN: usize;
}

/// A tuple of unique layouts (2 to 8), and the tuple of views it splits into.
pub trait Members {
    /// The tuple of writable views, one per member.
    type ViewsMut<'a, E: 'a>;
    /// The shortest buffer every member fits in.
    const REQUIRED_LEN: usize;

    /// Builds one view per member from the same buffer.
    ///
    /// # Safety
    /// `base` is valid for reads and writes of `REQUIRED_LEN` elements for
    /// `'a`, nothing else accesses them during `'a`, and no element is reached
    /// by two members.
    #[doc(hidden)]
    unsafe fn views_mut<'a, E: 'a>(base: NonNull<E>) -> Self::ViewsMut<'a, E>;
}

/// `max` for `const` contexts.
const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

macro_rules! impl_members {
    ($($member:ident),+) => {
        impl<$($member: UniqueLayout),+> Members for ($($member,)+) {
            type ViewsMut<'a, E: 'a> = ($(ViewMut<'a, E, $member>,)+);
            const REQUIRED_LEN: usize = {
                let mut len = 0;
                $(len = max(len, <$member as Layout>::REQUIRED_LEN);)+
                len
            };

            unsafe fn views_mut<'a, E: 'a>(base: NonNull<E>) -> Self::ViewsMut<'a, E> {
                ($(
                    // SAFETY: each member gets the whole buffer, valid for
                    // `REQUIRED_LEN >= member::REQUIRED_LEN` elements (the
                    // caller's contract), and only touches its own elements;
                    // no element belongs to two members (the caller's
                    // contract: pairwise disjointness, proven by the macro),
                    // so the views never alias.
                    unsafe { ViewMut::<'a, E, $member>::from_raw(base) },
                )+)
            }
        }
    };
}

impl_members!(A, B);
impl_members!(A, B, C);
impl_members!(A, B, C, D);
impl_members!(A, B, C, D, F);
impl_members!(A, B, C, D, F, G);
impl_members!(A, B, C, D, F, G, H);
impl_members!(A, B, C, D, F, G, H, I);

/// The views a partition `P` splits a buffer of `E` into.
pub type SplitViews<'a, E, P> = <<P as Partition>::Members as Members>::ViewsMut<'a, E>;

/// Splits a whole array into one writable view per member of `P`; `N` must
/// equal `P::BUFFER_LEN` (checked at compile time). Split types generate
/// `S::split(&mut buffer)`.
pub fn split_array<'a, P: Partition, E, const N: usize>(buffer: &'a mut [E; N]) -> SplitViews<'a, E, P> {
    const {
        assert!(
            N == P::BUFFER_LEN && <P::Members as Members>::REQUIRED_LEN <= N,
            "the array length differs from the split's BUFFER_LEN"
        )
    }
    // SAFETY: `buffer` is exclusively borrowed for `'a` and holds
    // `N >= REQUIRED_LEN` elements (checked above); `P: Partition` promises
    // that the members are pairwise disjoint.
    unsafe { P::Members::views_mut(non_null(buffer.as_mut_ptr())) }
}

/// Splits a slice, after one length check.
pub fn try_split_slice<'a, P: Partition, E>(buffer: &'a mut [E]) -> Result<SplitViews<'a, E, P>, LengthError> {
    let required = <P::Members as Members>::REQUIRED_LEN;
    if buffer.len() < required {
        return Err(LengthError {
            required,
            actual: buffer.len(),
        });
    }
    // SAFETY: as in `split_array`, with the length checked above.
    Ok(unsafe { P::Members::views_mut(non_null(buffer.as_mut_ptr())) })
}
