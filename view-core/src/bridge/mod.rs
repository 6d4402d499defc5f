//! Optional bridges to the crates users already have, each behind a
//! feature of its own: `ndarray` (views to and from `ArrayView` /
//! `ArrayViewMut`), `defmt` (`defmt::Format` for views) and `alloc`
//! (`to_vec`). None is on by default: without features view-core is
//! `no_std` with no allocator.

#[cfg(feature = "alloc")]
mod alloc;
#[cfg(feature = "defmt")]
mod defmt;
#[cfg(feature = "ndarray")]
mod ndarray;

#[cfg(feature = "ndarray")]
pub use self::ndarray::{NdarrayDim, NdarrayMismatch};
