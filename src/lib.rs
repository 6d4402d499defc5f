//! strided-view: NumPy's strided views (`as_strided`, `np.ndarray(buffer=…,
//! strides=…)`), proven in bounds, unique or disjoint at compile time, and
//! free at run time, in `no_std` Rust with no allocator.
//!
//! **This is the crate to depend on**, under any name: it is the
//! [`strided_view!`] macro and every public item of the core crate
//! (`view-core`) at the same path: [`View`], [`ViewMut`], [`Layout`],
//! [`proof`], [`algebra`], ... The macro's expansion reaches them through the
//! path it was invoked through, so neither `view-core` nor `view-macros` has
//! to be a dependency of your crate.
//!
//! ```toml
//! [dependencies]
//! strided-view = "0.1"
//! # or under another name: sv = { package = "strided-view", version = "0.1" }
//! ```
//!
//! ```
//! use strided_view::{strided_view, Chunk, DynLayout, DynView};
//!
//! strided_view! {
//!     /// Main diagonal of a row-major 4x4 matrix.
//!     pub Diagonal: [_; 16] { shape: [4], strides: [5] }
//!     /// Interleaved stereo, 4 frames a block: two writable views of one block, proven disjoint.
//!     pub mut Left: [i16; 8] { shape: [4], strides: [2] }
//!     pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
//!     pub split Stereo = (Left, Right);
//! }
//!
//! let matrix: [i32; 16] = core::array::from_fn(|i| i as i32);
//! assert!(Diagonal::view(&matrix).iter().copied().eq([0, 5, 10, 15]));
//!
//! let mut samples = [0i16; 8];
//! let (mut left, mut right) = Stereo::split(&mut samples);
//! left.fill(1);
//! right.fill(-1);
//! assert_eq!(samples, [1, -1, 1, -1, 1, -1, 1, -1]);
//!
//! // A stream of any length: whole blocks as the split's views, the tail as run-time views.
//! let mut stream = [0i16; 21];
//! for chunk in Stereo::chunks_mut(&mut stream) {
//!     match chunk {
//!         Chunk::Block((mut left, mut right)) => (left.fill(1), right.fill(-1)),
//!         Chunk::Tail((mut left, mut right)) => (left.fill(1), right.fill(-1)),
//!     };
//! }
//! assert!(stream.iter().enumerate().all(|(k, &s)| s == if k % 2 == 0 { 1 } else { -1 }));
//!
//! // A layout known only at run time, checked once.
//! let (rows, columns) = (2, 3);
//! let grid = DynView::new(&matrix, DynLayout::new([rows, columns], [4, 1], 0, 16)?)?;
//! assert_eq!(grid.t()[[2, 1]], 6);
//! # Ok::<(), strided_view::DynError>(())
//! ```
//!
//! The DSL is documented at [`strided_view!`] (the full reference: at
//! [`view_macros::strided_view!`]); the README lists every constant and
//! method, `DESIGN.md` states the rules the proof applies, and
//! `ARCHITECTURE.md` says why no safe code can make a view the proof rejects.
//!
//! # Features
//!
//! None is on by default: without any, this crate is `no_std` with no
//! allocator. Each forwards to the feature of the same name of `view-core`.
//!
//! - `ndarray`: `View::into_ndarray` / `ViewMut::into_ndarray` (and `From`)
//!   make ndarray's `ArrayView` / `ArrayViewMut` of the same elements with
//!   no check and no copy, negative and zero strides included;
//!   `View::from_ndarray` / `ViewMut::from_ndarray` make a view of a layout
//!   of an ndarray view after one check of its shape and strides (for a
//!   layout whose lowest element is element 0 of its buffer).
//! - `defmt`: `defmt::Format` for views (static and run-time) and for `DynError`.
//! - `alloc`: `to_vec`.
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

#[doc(inline)]
pub use view_core::*;

/// Declares strided layouts, proves them at compile time, and expands to
/// zero-sized layout types with view constructors.
///
/// **The reference of the DSL is the documentation of
/// [`view_macros::strided_view!`]**, which this macro forwards to, telling
/// it (with the header `crate = $crate;`) to name the core through this
/// crate, whatever the invoking crate calls it. Everything there holds here,
/// with `strided_view::` in place of `view_macros::` and `view_core::`:
/// the grammar, the fields, every operation of the layout algebra with its
/// NumPy equivalent, what each item generates, the rules and their cost.
/// In short:
///
/// ```text
/// item  := attrs vis? 'mut'? NAME generics? ':' '[' ELEM ';' LEN ']' '{' field, .. '}'
///        | attrs vis? 'mut'? NAME generics? '=' PARENT '.' op(..) '.' op(..) .. ';'
///        | attrs vis? 'split' NAME generics? '=' '(' MEMBER, MEMBER, .. ')' ';'
/// field := shape: [..] | strides: [..] | byte_strides: [..] | offset: N | byte_offset: N
/// op    := t() | permute([..]) | swap_axes(a, b) | flip(a) | slice(a, s..e[, step]) | index(a, i)
///        | diagonal([k[, a1, a2]]) | windows([..]) | broadcast_to([..]) | reshape([..]) | new_axis(a)
/// ```
///
/// Each layout `L` gets `L::view(&[E; LEN])` (no run-time check),
/// `L::try_view(&[E])` (one length check), for `mut` layouts `L::view_mut`
/// and `L::try_view_mut`, for derived layouts `L::of(parent_view)` (and
/// `L::of_mut`), and the constants of [`Layout`]; each split `S` gets
/// `S::split(&mut [E; LEN])`, `S::try_split(&mut [E])` and
/// `S::chunks_mut(&mut [E])` (a stream of blocks and a tail). The rules and
/// the reference table of layouts and verdicts are in the repository's
/// `DESIGN.md` (§2, §3); every rejected class has a case in
/// `ui-tests/tests/ui/`.
///
/// ```
/// use strided_view::{strided_view, Layout};
///
/// strided_view! {
///     /// The 12 elements backwards: NumPy's strides=(-8,), offset=88 bytes.
///     pub Reversed: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88 }
///     /// A 3x4 matrix, and its transpose derived from it.
///     pub Matrix: [i64; 12] { shape: [3, 4] }
///     pub Transposed = Matrix.t();
///     /// Interleaved stereo: two writable views of one buffer, proven disjoint.
///     pub mut Left: [i16; 8] { shape: [4], strides: [2] }
///     pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     pub split Stereo = (Left, Right);
/// }
///
/// let x: [i64; 12] = core::array::from_fn(|i| i as i64);
/// assert_eq!(Reversed::view(&x)[[0]], 11);
/// assert_eq!(Transposed::of(Matrix::view(&x))[[3, 2]], 11);
/// assert_eq!(<Transposed as Layout>::STRIDES, [1, 4]);
/// assert!(Matrix::IS_EXHAUSTIVE && Reversed::IS_EXHAUSTIVE);
///
/// let mut samples = [0i16; 8];
/// let (mut left, mut right) = Stereo::split(&mut samples);
/// left.fill(1);
/// right.fill(-1);
/// assert_eq!(samples, [1, -1, 1, -1, 1, -1, 1, -1]);
/// ```
///
/// A layout that reaches outside its buffer does not compile:
///
/// ```compile_fail
/// strided_view::strided_view! {
///     Bad: [i64; 12] { shape: [4, 3], strides: [3, 2] }
/// }
/// ```
#[macro_export]
macro_rules! strided_view {
    ($($items:tt)*) => {
        $crate::__macros::strided_view! { crate = $crate; $($items)* }
    };
}

/// What [`strided_view!`] forwards to: not API.
#[doc(hidden)]
pub mod __macros {
    pub use view_macros::strided_view;
}
