//! strided-view: NumPy's strided views (`as_strided`, `np.ndarray(buffer=…,
//! strides=…)`), proven in bounds, unique or disjoint at compile time, and
//! free at run time.
//!
//! This umbrella crate re-exports the two crates that do the work:
//! [`view_core`] (the `no_std` views and the proof) and [`view_macros`] (the
//! `strided_view!` macro). The macro's expansion names `::view_core`, so
//! depend on `view-core` and `view-macros` directly; this crate exists for the
//! workspace's integration tests and tour. See the README.
#![no_std]
#![warn(missing_docs)]

pub use view_core;
pub use view_macros;
