//! The `no_std` core of strided-view: layouts proven at compile time, and the
//! pointer-sized views that index them with no run-time bounds check.
//!
//! - [`Layout`] / [`UniqueLayout`]: zero-sized types carrying shape, strides,
//!   offset and buffer length as constants; implemented by the
//!   `strided_view!` macro (crate `view-macros`) after the proof accepts them.
//! - [`View`] / [`ViewMut`]: one pointer each; index, iterate, write.
//! - [`Partition`]: several writable views of one buffer, proven disjoint.
//! - [`DynLayout`] / [`UniqueDynLayout`] / [`DynSplit`]: layouts whose
//!   numbers are known only at run time, checked once by the same proof
//!   (errors are [`DynError`] values).
//! - [`proof`]: the checks, as `const fn`, shared by the macro, the
//!   compile-time backstop and run-time code.
//!
//! Features (none is on by default; without any, view-core is `no_std` with
//! no allocator):
//! - `ndarray`: `View::into_ndarray` / `ViewMut::into_ndarray` (and `From`)
//!   make ndarray's `ArrayView` / `ArrayViewMut` of the same elements with
//!   no check and no copy, negative and zero strides included;
//!   `View::from_ndarray` / `ViewMut::from_ndarray` make a view of a layout
//!   of an ndarray view after one check of its shape and strides.
//! - `defmt`: `defmt::Format` for `View`, `ViewMut`, `DynView` and
//!   `DynViewMut` (the shape, then the elements in nested brackets; the same
//!   numbers give the same frame, static or run-time) and for `DynError`
//!   (its `Display` text).
//! - `alloc`: `to_vec` (the elements in C order).
//!
//! ```
//! use view_macros::strided_view;
//!
//! strided_view! {
//!     /// Main diagonal of a row-major 4x4 matrix.
//!     pub Diagonal: [_; 16] { shape: [4], strides: [5] }
//! }
//!
//! let matrix: [i32; 16] = core::array::from_fn(|i| i as i32);
//! let diagonal = Diagonal::view(&matrix);
//! assert_eq!(diagonal[[2]], 10);
//! assert!(diagonal.iter().copied().eq([0, 5, 10, 15]));
//! assert_eq!(core::mem::size_of_val(&diagonal), core::mem::size_of::<usize>());
//! ```
#![no_std]
// `#[diagnostic::do_not_recommend]` (Rust 1.85) only tidies error messages;
// on the declared MSRV, 1.83, it is an unknown diagnostic attribute, ignored.
#![allow(unknown_or_malformed_diagnostic_attributes)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
#![deny(
    unsafe_op_in_unsafe_fn,
    clippy::undocumented_unsafe_blocks,
    clippy::multiple_unsafe_ops_per_block
)]

#[cfg(feature = "alloc")]
extern crate alloc;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
pub mod algebra;
mod axes;
mod bridge;
mod certificate;
mod compute;
mod cursor;
mod derived;
mod dynamic;
mod error;
mod facts;
mod fmt;
mod iter;
mod layout;
mod patch;
pub mod proof;
mod raw;
pub mod shape;
mod split;
mod stream;
mod trailing;
mod view;
mod view_mut;
mod walk;
mod zip;

pub use axes::{Axis, AxisIter, AxisIterMut, Rows, RowsMut, Without};
#[cfg(feature = "ndarray")]
pub use bridge::{NdarrayDim, NdarrayMismatch};
pub use compute::contract;
pub use derived::DerivedFrom;
pub use dynamic::{
    DynError, DynIndexedIter, DynIndexedIterMut, DynIter, DynIterMut, DynLayout, DynSplit, DynView, DynViewMut, Field,
    SliceRange, UniqueDynLayout, DYN_SCRATCH_WORDS, DYN_SEARCH_WORK,
};
pub use error::LengthError;
pub use iter::{IndexedIter, IndexedIterMut, Iter, IterMut};
pub use layout::{Dim, IntoIndex, Layout, Subview, UniqueLayout, Verdict};
pub use patch::Patch;
pub use split::{split_array, try_split_slice, Members, Partition, SplitViews};
pub use stream::{chunks_mut, stream_mut, Chunk, ChunksMut, TailViews};
pub use trailing::Trailing;
pub use view::View;
pub use view_mut::ViewMut;
pub use zip::{zip, Operand, Operands, Source, Zip};
