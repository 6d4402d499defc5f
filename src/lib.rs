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
//! use strided_view::strided_view;
//!
//! strided_view! {
//!     /// Main diagonal of a row-major 4x4 matrix.
//!     pub Diagonal: [_; 16] { shape: [4], strides: [5] }
//!     /// Interleaved stereo: two writable views of one buffer, proven disjoint.
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
//! ```
//!
//! See the README for the DSL, the layout algebra and the rules the proof
//! applies, and `ARCHITECTURE.md` for why no safe code can make a view the
//! proof rejects.
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

#[doc(inline)]
pub use view_core::*;

/// Declares strided layouts, proves them at compile time, and expands to
/// zero-sized layout types with view constructors.
///
/// The DSL is `view-macros`' `strided_view!`, which this macro forwards to,
/// telling it (with the header `crate = $crate;`) to name the core through
/// this crate, whatever the invoking crate calls it:
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
/// }
///
/// let x: [i64; 12] = core::array::from_fn(|i| i as i64);
/// assert_eq!(Reversed::view(&x)[[0]], 11);
/// assert_eq!(Transposed::of(Matrix::view(&x))[[3, 2]], 11);
/// assert_eq!(<Transposed as Layout>::STRIDES, [1, 4]);
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
