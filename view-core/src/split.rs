//! `split`: several writable views of one buffer, proven pairwise disjoint.
//!
//! The proof runs here, in const evaluation on the compilation target, when
//! a split is made ([`split_array`], [`try_split_slice`]): every member is a
//! writable layout (proven unique), every member was declared for the
//! split's buffer length, and no element is reached by two members (the
//! cheap rules, then the split's certificate, then a bounded search).

// Verdicts and messages are built once per layout in const evaluation,
// which cannot box; their size is irrelevant there (as in `proof`).
#![allow(clippy::large_enum_variant, clippy::result_large_err)]

use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::certificate::Certificate;
use crate::error::LengthError;
use crate::facts::Facts;
use crate::layout::{Dim, Layout, UniqueLayout};
use crate::proof::{describe_overlap, disjoint_by_rules, search_disjoint_const, LayoutParts, Message, Overlap};
use crate::raw::{non_null, Base};
use crate::view_mut::ViewMut;

/// A set of writable layouts over one buffer, to be split into one view each.
///
/// Declaring is not proving: [`split_array`] and [`try_split_slice`] prove,
/// in const evaluation on the compilation target, that the members are
/// pairwise disjoint; a split whose members may share an element is a
/// compile error wherever it would be made.
pub trait Partition: Sized + 'static {
    /// The members, as a tuple of 2 to 8 [`UniqueLayout`]s.
    type Members: Members;
    /// The buffer length every member was declared for.
    const BUFFER_LEN: usize;
    /// The split's name, for error messages.
    const NAME: &'static str = "(unnamed)";
    /// Disjointness verdicts the macro decided with a larger budget.
    #[doc(hidden)]
    const CERTIFICATE: Certificate = Certificate::NONE;
    /// View-core's check of the split, for the macro's item-level check
    /// (reached through the trait; see `Layout::CHECK_READABLE`).
    #[doc(hidden)]
    const CHECK_SPLITTABLE: () = SplitFacts::<Self>::SPLITTABLE;
}

mod sealed {
    pub trait Sealed {}
}

/// A tuple of unique layouts (2 to 8), and the tuple of views it splits into.
///
/// Sealed: implemented for tuples of [`UniqueLayout`]s only.
pub trait Members: sealed::Sealed {
    /// The tuple of writable views, one per member.
    type ViewsMut<'a, E: 'a>;
    /// The shortest buffer every member fits in.
    const REQUIRED_LEN: usize;
    /// Each member's numbers.
    #[doc(hidden)]
    const PARTS: &'static [LayoutParts<'static>];
    /// Each member's name.
    #[doc(hidden)]
    const NAMES: &'static [&'static str];
    /// Each member's declared buffer length.
    #[doc(hidden)]
    const BUFFER_LENS: &'static [usize];
    /// Evaluates every member's [`Facts::WRITABLE`].
    #[doc(hidden)]
    const WRITABLE: ();
    /// The tuple of writable run-time views of a stream's tail
    /// ([`Chunk::Tail`](crate::Chunk::Tail)), one `DynViewMut` per member,
    /// of the member's rank (see [`TailViews`](crate::TailViews), which
    /// names it for a split).
    type TailViewsMut<'a, E: 'a>;
    /// Whether every member has at least one axis (a stream shortens axis 0
    /// for its tail).
    #[doc(hidden)]
    const HAVE_AXES: bool;

    /// The views of a stream's tail: each member's layout with axis 0
    /// shortened to the longest prefix that fits in `len` elements.
    ///
    /// # Safety
    /// `tail` is valid for reads and writes of `len` elements for `'a`,
    /// nothing else accesses them during `'a`, every member passed
    /// [`Facts::WRITABLE`] and has an axis (`HAVE_AXES`), and no element is
    /// reached by two members.
    #[doc(hidden)]
    unsafe fn tail_views_mut<'a, E: 'a>(tail: NonNull<E>, len: usize) -> Self::TailViewsMut<'a, E>;

    /// Builds one view per member from the same buffer.
    ///
    /// # Safety
    /// `base` is valid for reads and writes of `REQUIRED_LEN` elements for
    /// `'a`, nothing else accesses them during `'a`, every member passed
    /// [`Facts::WRITABLE`], and no element is reached by two members.
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

/// A member's numbers, for the disjointness decision.
const fn parts<L: Layout>() -> LayoutParts<'static> {
    LayoutParts {
        shape: L::SHAPE_SLICE,
        strides: L::STRIDES_SLICE,
        // Checked by `Facts::READABLE` (an offset above isize::MAX is rejected).
        offset: L::OFFSET as isize,
    }
}

macro_rules! impl_members {
    ($($member:ident),+) => {
        impl<$($member: UniqueLayout),+> sealed::Sealed for ($($member,)+) {}

        impl<$($member: UniqueLayout),+> Members for ($($member,)+) {
            type ViewsMut<'a, E: 'a> = ($(ViewMut<'a, E, $member>,)+);
            const REQUIRED_LEN: usize = {
                let mut len = 0;
                $(len = max(len, Facts::<$member>::REQUIRED_LEN);)+
                len
            };
            const PARTS: &'static [LayoutParts<'static>] = &[$(parts::<$member>()),+];
            const NAMES: &'static [&'static str] = &[$(<$member as Layout>::NAME),+];
            const BUFFER_LENS: &'static [usize] = &[$(<$member as Layout>::BUFFER_LEN),+];
            const WRITABLE: () = {
                $(let () = Facts::<$member>::WRITABLE;)+
            };

            type TailViewsMut<'a, E: 'a> = ($(<<$member as Layout>::Index as Dim>::DynViewMut<'a, E>,)+);
            // The rank of the index type, not the overridable `Layout::RANK`.
            const HAVE_AXES: bool = true $(&& <<$member as Layout>::Index as Dim>::RANK > 0)+;

            unsafe fn tail_views_mut<'a, E: 'a>(tail: NonNull<E>, len: usize) -> Self::TailViewsMut<'a, E> {
                ($(
                    // SAFETY:
                    // - valid, exclusive for `'a`: each member's tail view
                    //   reaches elements of the member in `0..len` (a prefix
                    //   of its axis 0), valid for `'a` with no other access
                    //   (the caller's contract);
                    // - `stream_tail`'s bound: the member passed
                    //   `Facts::WRITABLE` and has an axis;
                    // - no alias between the views: no element belongs to
                    //   two members (the caller's contract).
                    unsafe { <<$member as Layout>::Index as Dim>::stream_tail::<'a, E, $member>(tail, len) },
                )+)
            }

            unsafe fn views_mut<'a, E: 'a>(base: NonNull<E>) -> Self::ViewsMut<'a, E> {
                ($(
                    // SAFETY:
                    // - valid: each member gets the whole buffer, valid for
                    //   `REQUIRED_LEN >= member::REQUIRED_LEN` elements (the
                    //   caller's contract);
                    // - unique: the member's elements are distinct (it passed
                    //   `Facts::WRITABLE`);
                    // - exclusive, no alias between the views: no element
                    //   belongs to two members (the caller's contract:
                    //   pairwise disjointness, proven by `SplitFacts`).
                    unsafe { ViewMut::<'a, E, $member>::from_base(Base::new(base)) },
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

/// What stops a split from being made.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SplitProblem {
    /// Member `member` was declared for another buffer length.
    BufferLen { member: usize, len: usize },
    /// Members `a` and `b` may share an element.
    Overlap { a: usize, b: usize, verdict: Overlap },
}

/// The checks behind a split, once per partition.
#[doc(hidden)]
pub struct SplitFacts<P>(PhantomData<P>);

impl<P: Partition> SplitFacts<P> {
    const CHECK: Result<(), SplitProblem> = check::<P>();

    /// Evaluated by every constructor of a split: each member writable,
    /// declared for the split's buffer, and the members pairwise disjoint.
    pub const SPLITTABLE: () = {
        let () = <P::Members as Members>::WRITABLE;
        if let Err(problem) = Self::CHECK {
            panic!("{}", describe_split::<P>(&problem).as_str())
        }
    };
}

/// Rules, then certificate, then const evaluation's bounded search, for
/// every pair of members.
const fn check<P: Partition>() -> Result<(), SplitProblem> {
    let parts = <P::Members as Members>::PARTS;
    let lens = <P::Members as Members>::BUFFER_LENS;
    let mut i = 0;
    while i < parts.len() {
        if lens[i] != P::BUFFER_LEN {
            return Err(SplitProblem::BufferLen {
                member: i,
                len: lens[i],
            });
        }
        let mut j = i + 1;
        while j < parts.len() {
            let verdict = match disjoint_by_rules(parts[i], parts[j]) {
                Some(verdict) => verdict,
                None if P::CERTIFICATE.says_disjoint(parts[i], parts[j]) => Overlap::Disjoint,
                None => search_disjoint_const(parts[i], parts[j]),
            };
            if !matches!(verdict, Overlap::Disjoint) {
                return Err(SplitProblem::Overlap { a: i, b: j, verdict });
            }
            j += 1;
        }
        i += 1;
    }
    Ok(())
}

/// The message for a split that cannot be made.
const fn describe_split<P: Partition>(problem: &SplitProblem) -> Message {
    let names = <P::Members as Members>::NAMES;
    match *problem {
        SplitProblem::BufferLen { member, len } => Message::new()
            .str("split ")
            .name(P::NAME)
            .str(": member ")
            .name(names[member])
            .str(" was declared for a buffer of ")
            .uint(len as u128)
            .str(" elements, but the split's is ")
            .uint(P::BUFFER_LEN as u128)
            .str("; members share one buffer"),
        SplitProblem::Overlap { a, b, verdict } => match describe_overlap(P::NAME, names[a], names[b], &verdict) {
            Some(message) => message,
            None => Message::new(),
        },
    }
}

/// The message of a split that cannot be made, for the macro's item-level check.
pub(crate) const fn split_failure<P: Partition>() -> Option<Message> {
    match SplitFacts::<P>::CHECK {
        Ok(()) => None,
        Err(problem) => Some(describe_split::<P>(&problem)),
    }
}

/// The views a partition `P` splits a buffer of `E` into.
pub type SplitViews<'a, E, P> = <<P as Partition>::Members as Members>::ViewsMut<'a, E>;

/// Splits a whole array into one writable view per member of `P`; `N` must
/// equal `P::BUFFER_LEN` (checked at compile time, with the members'
/// disjointness). Split types generate `S::split(&mut buffer)`.
pub fn split_array<'a, P: Partition, E, const N: usize>(buffer: &'a mut [E; N]) -> SplitViews<'a, E, P> {
    const {
        let () = SplitFacts::<P>::SPLITTABLE;
        assert!(
            N == P::BUFFER_LEN && <P::Members as Members>::REQUIRED_LEN <= N,
            "the array length differs from the split's BUFFER_LEN"
        )
    }
    // SAFETY: `buffer` is exclusively borrowed for `'a` and holds
    // `N >= REQUIRED_LEN` elements (checked above); `SPLITTABLE` (evaluated
    // above) proved every member writable and the members pairwise disjoint.
    unsafe { P::Members::views_mut(non_null(buffer.as_mut_ptr())) }
}

/// Splits a slice, after one length check.
pub fn try_split_slice<'a, P: Partition, E>(buffer: &'a mut [E]) -> Result<SplitViews<'a, E, P>, LengthError> {
    const { SplitFacts::<P>::SPLITTABLE }
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
