//! Streams: a slice of any length, cut into blocks of a split's buffer
//! length, each split into the split's writable views (static layouts, no
//! check), and a shorter tail split into run-time views of the same strides.
//!
//! A split `S` of members declared for `[E; LEN]` (say `Left` and `Right`,
//! the two channels of `LEN / 2` interleaved stereo frames) processes any
//! number of samples: [`chunks_mut`] (generated as `S::chunks_mut(samples)`)
//! yields a [`Chunk::Block`] of the members' `ViewMut`s for each whole block
//! of `LEN` elements, then, if elements are left, one [`Chunk::Tail`] of
//! `DynViewMut`s: each member's layout with axis 0 shortened to the longest
//! prefix that fits in the tail (for stereo frames, a tail of `2 k + 1`
//! samples gives a left channel of `k + 1` and a right one of `k`).
//! [`ChunksMut::for_each_chunk`] (`S::chunks_mut(samples).for_each_chunk(block,
//! tail)`) and [`stream_mut`] are the same as one call with a closure for each.
//!
//! **Why the tail needs no check**: a prefix of axis 0 of a member reaches a
//! subset of the member's elements, so the tail views are unique (the
//! members are) and pairwise disjoint (the members are, proven at compile
//! time); each is checked against the tail's length by the run-time bounds
//! rule (O(rank) per step of a bisection for the prefix's extent), once per
//! stream.
//!
//! A member's elements outside its tail prefix are not in the tail views
//! (for a member whose axis 0 is not its slowest axis, the tail may hold
//! more of its elements than a prefix of axis 0 reaches); members must have
//! at least one axis, and the split's buffer at least one element (checked
//! at compile time).

use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::raw::non_null;
use crate::split::{Members, Partition, SplitFacts, SplitViews};

/// The views of a stream's tail for split `P`: one `DynViewMut` per member,
/// of the member's rank (`(DynViewMut<'a, E, 1>, DynViewMut<'a, E, 1>)` for
/// a stereo split).
///
/// ```
/// use view_core::{DynViewMut, TailViews};
/// use view_macros::strided_view;
///
/// strided_view! {
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
/// fn tail_frames(tail: TailViews<'_, i16, Stereo>) -> usize {
///     let (left, _right): (DynViewMut<'_, i16, 1>, DynViewMut<'_, i16, 1>) = tail;
///     left.len()
/// }
/// let mut samples = [0i16; 3];
/// let mut frames = 0;
/// Stereo::chunks_mut(&mut samples).for_each_chunk(|_| {}, |tail| frames = tail_frames(tail));
/// assert_eq!(frames, 2);
/// ```
pub type TailViews<'a, E, P> = <<P as Partition>::Members as Members>::TailViewsMut<'a, E>;

/// One step of a stream ([`chunks_mut`], whose example matches on it): a
/// whole block of the split's buffer length, or the shorter tail.
///
/// ```
/// use view_core::Chunk;
/// use view_macros::strided_view;
///
/// strided_view! {
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
/// let mut samples = [0i16; 9];
/// let kinds: Vec<&str> = Stereo::chunks_mut(&mut samples)
///     .map(|chunk| match chunk {
///         Chunk::Block(_) => "block",
///         Chunk::Tail(_) => "tail",
///     })
///     .collect();
/// assert_eq!(kinds, ["block", "tail"]);
/// ```
pub enum Chunk<'a, E: 'a, P: Partition> {
    /// One block of `P::BUFFER_LEN` elements, split into the members'
    /// writable views (static layouts: one pointer each, no check).
    Block(SplitViews<'a, E, P>),
    /// The elements after the last whole block (at least one), split into
    /// run-time views of the members' strides with axis 0 shortened to what
    /// fits.
    Tail(TailViews<'a, E, P>),
}

/// The blocks and the tail of a stream: see [`chunks_mut`]. An exact-size
/// iterator of [`Chunk`]s.
///
/// ```
/// use view_macros::strided_view;
///
/// strided_view! {
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
/// let mut samples = [0i16; 17];
/// let chunks = Stereo::chunks_mut(&mut samples);
/// assert_eq!(chunks.len(), 3); // two blocks and a tail
/// ```
pub struct ChunksMut<'a, E, P: Partition> {
    rest: &'a mut [E],
    /// **Invariant** in `P`, as `Base` is in its layout: two split types can
    /// be subtypes of each other (`G<for<'x> fn(&'x ())>` and
    /// `G<fn(&'static ())>`) while their `Partition` impls differ, so a
    /// covariant stream would let subtyping turn the stream of a checked
    /// split into one of an unchecked split (found by an adversarial review).
    split: PhantomData<fn(P) -> P>,
}

/// What a stream checks about its split at compile time.
struct StreamFacts<P>(PhantomData<P>);

impl<P: Partition> StreamFacts<P> {
    const STREAMABLE: () = {
        let () = SplitFacts::<P>::SPLITTABLE;
        assert!(
            P::BUFFER_LEN > 0,
            "a stream needs a split of at least one element per block"
        );
        assert!(
            <P::Members as Members>::HAVE_AXES,
            "a stream shortens each member's axis 0 for its tail: every member needs an axis"
        );
    };
}

/// Cuts `buffer`, of any length, into blocks of `P::BUFFER_LEN` elements,
/// each split into `P`'s writable views, and a tail of the elements left
/// (if any), split into run-time views of the same strides. Split types
/// generate `S::chunks_mut(buffer)`.
///
/// Each tail view is its member's layout with axis 0 shortened to the
/// longest prefix that fits in the tail: for interleaved stereo frames, a
/// tail of `2 k + 1` samples gives a left channel of `k + 1` samples and a
/// right one of `k`. A prefix of a member reaches a subset of its elements,
/// so the tail views are unique and pairwise disjoint with no run-time
/// decision (the members were proven so at compile time); the only run-time
/// work is the tail's bounds check, O(rank) per step of a bisection for the
/// prefix's extent, once per stream. A member's elements outside its
/// prefix are not in the tail (where axis 0 is not a member's slowest
/// axis, the tail may hold more of its elements than a prefix reaches).
/// Members need an axis and the split at least one element (checked at
/// compile time).
///
/// ```
/// use view_core::Chunk;
/// use view_macros::strided_view;
///
/// strided_view! {
///     /// Blocks of 4 interleaved stereo frames.
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
///
/// let mut samples = [100i16; 21]; // 2 blocks of 8, and a tail of 5: 3 left, 2 right
/// let mut blocks = 0;
/// for chunk in Stereo::chunks_mut(&mut samples) {
///     match chunk {
///         Chunk::Block((mut left, mut right)) => {
///             blocks += 1;
///             left.iter_mut().for_each(|s| *s /= 2);
///             right.iter_mut().for_each(|s| *s /= 4);
///         }
///         Chunk::Tail((mut left, mut right)) => {
///             assert_eq!((left.len(), right.len()), (3, 2));
///             left.iter_mut().for_each(|s| *s /= 2);
///             right.iter_mut().for_each(|s| *s /= 4);
///         }
///     }
/// }
/// assert_eq!(blocks, 2);
/// assert_eq!(samples[16..], [50, 25, 50, 25, 50]);
/// ```
#[inline]
pub fn chunks_mut<P: Partition, E>(buffer: &mut [E]) -> ChunksMut<'_, E, P> {
    const { StreamFacts::<P>::STREAMABLE }
    ChunksMut {
        rest: buffer,
        split: PhantomData,
    }
}

/// [`chunks_mut`] in one call: `block` on the views of every whole block,
/// in order, then `tail` on the tail's views if elements are left (the same
/// as `S::chunks_mut(buffer).for_each_chunk(block, tail)`).
///
/// ```
/// use view_macros::strided_view;
///
/// strided_view! {
///     mut Left: [i16; 8] { shape: [4], strides: [2] }
///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     split Stereo = (Left, Right);
/// }
///
/// let mut samples = [1i16; 11]; // one block, then 2 left and 1 right
/// view_core::stream_mut::<Stereo, _>(
///     &mut samples,
///     |(mut left, mut right)| {
///         left.fill(2);
///         right.fill(3);
///     },
///     |(mut left, mut right)| {
///         left.fill(4);
///         right.fill(5);
///     },
/// );
/// assert_eq!(samples, [2, 3, 2, 3, 2, 3, 2, 3, 4, 5, 4]);
/// ```
#[inline]
pub fn stream_mut<'a, P: Partition, E>(
    buffer: &'a mut [E],
    block: impl FnMut(SplitViews<'a, E, P>),
    tail: impl FnOnce(TailViews<'a, E, P>),
) {
    chunks_mut::<P, E>(buffer).for_each_chunk(block, tail)
}

impl<'a, E, P: Partition> ChunksMut<'a, E, P> {
    /// The rest of the stream in one call: `block` on the views of every
    /// remaining whole block, in order, then `tail` on the tail's views if
    /// elements are left ([`stream_mut`]).
    ///
    /// ```
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Left: [i16; 8] { shape: [4], strides: [2] }
    ///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    ///     split Stereo = (Left, Right);
    /// }
    ///
    /// let mut samples = vec![0i16; 1001];
    /// let mut tail_frames = 0;
    /// Stereo::chunks_mut(&mut samples).for_each_chunk(
    ///     |(mut left, mut right)| {
    ///         left.fill(1);
    ///         right.fill(-1);
    ///     },
    ///     |(mut left, mut right)| {
    ///         tail_frames = left.len(); // 1001 = 125 blocks of 8, then 1 sample
    ///         left.fill(1);
    ///         right.fill(-1);
    ///     },
    /// );
    /// assert_eq!(tail_frames, 1);
    /// assert!(samples.iter().enumerate().all(|(k, &s)| s == if k % 2 == 0 { 1 } else { -1 }));
    /// ```
    #[inline]
    pub fn for_each_chunk(self, mut block: impl FnMut(SplitViews<'a, E, P>), tail: impl FnOnce(TailViews<'a, E, P>)) {
        for chunk in self {
            match chunk {
                Chunk::Block(views) => block(views),
                Chunk::Tail(views) => return tail(views),
            }
        }
    }

    /// The elements not yet handed out, as a slice (the stream ends where
    /// this is empty).
    ///
    /// ```
    /// use view_macros::strided_view;
    ///
    /// strided_view! {
    ///     mut Left: [i16; 8] { shape: [4], strides: [2] }
    ///     mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    ///     split Stereo = (Left, Right);
    /// }
    /// let mut samples = [0i16; 10];
    /// let mut chunks = Stereo::chunks_mut(&mut samples);
    /// chunks.next();
    /// assert_eq!(chunks.remainder().len(), 2);
    /// ```
    pub fn remainder(&self) -> &[E] {
        self.rest
    }
}

impl<'a, E, P: Partition> Iterator for ChunksMut<'a, E, P> {
    type Item = Chunk<'a, E, P>;

    #[inline]
    fn next(&mut self) -> Option<Chunk<'a, E, P>> {
        // Evaluated where the views are made, too: the proof the `SAFETY`
        // comments below rest on is then `P`'s own whatever made `self`.
        const { StreamFacts::<P>::STREAMABLE }
        let rest = core::mem::take(&mut self.rest);
        if rest.is_empty() {
            return None;
        }
        if rest.len() >= P::BUFFER_LEN {
            let (block, rest) = rest.split_at_mut(P::BUFFER_LEN);
            self.rest = rest;
            // SAFETY:
            // - valid for `REQUIRED_LEN` elements: `block` holds `BUFFER_LEN
            //   >= REQUIRED_LEN` of them (every member passed
            //   `Facts::READABLE` for its buffer length, `BUFFER_LEN`:
            //   `SplitFacts` checked it);
            // - exclusive for `'a`: `block` is borrowed exclusively for `'a`,
            //   taken out of the stream, which hands it out once;
            // - writable, disjoint members: `SPLITTABLE` (evaluated above,
            //   within `STREAMABLE`) proved every member writable and the
            //   members pairwise disjoint.
            return Some(Chunk::Block(unsafe {
                P::Members::views_mut(non_null(block.as_mut_ptr()))
            }));
        }
        let len = rest.len();
        // SAFETY:
        // - valid for `len` elements: `len` is `rest`'s length;
        // - exclusive for `'a`: `rest` is borrowed exclusively for `'a` and
        //   handed out once (the stream is empty from now on);
        // - writable members with an axis, pairwise disjoint: `STREAMABLE`
        //   (evaluated above) proved it.
        Some(Chunk::Tail(unsafe {
            P::Members::tail_views_mut(non_null(rest.as_mut_ptr()), len)
        }))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        // `BUFFER_LEN > 0` (`STREAMABLE`).
        let chunks = self.rest.len().div_ceil(P::BUFFER_LEN.max(1));
        (chunks, Some(chunks))
    }
}

impl<E, P: Partition> ExactSizeIterator for ChunksMut<'_, E, P> {}
impl<E, P: Partition> FusedIterator for ChunksMut<'_, E, P> {}
