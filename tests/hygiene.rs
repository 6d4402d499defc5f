//! The expansion means the same whatever the invoking scope holds: every
//! primitive and library path it writes is absolute, and `#[cfg]` on an
//! item removes every item it expands to.

use static_assertions::{assert_impl_all, assert_not_impl_any};
use view_core::{Layout, UniqueLayout};

/// Every primitive name the expansion could use, shadowed by a type alias
/// of another size, and the prelude's names by unrelated items.
#[allow(non_camel_case_types, dead_code)]
mod shadowed {
    pub type usize = u8;
    pub type isize = i8;
    pub type i128 = u16;
    pub type bool = u32;
    pub type str = [u8];
    pub struct Option;
    pub struct Some;
    pub struct Result;
    pub struct Clone;
    pub struct Copy;
    pub trait Layout {}

    view_macros::strided_view! {
        pub Literal: [i64; 12] { shape: [4, 3], strides: [3, 1] }
        pub mut Writable: [i64; 12] { shape: [3, 4] }
        pub Transposed = Writable.t();
        pub Deferred: [i64; N] { shape: [N / 3, 3] }
        pub mut Left: [i16; 8] { shape: [4], strides: [2] }
        pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
        pub split Stereo = (Left, Right);
        pub Bytes: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88 }
    }

    pub const N: ::core::primitive::usize = 12;
}

#[test]
fn shadowed_primitives_and_prelude_change_nothing() {
    let data: [i64; 12] = core::array::from_fn(|i| i as i64);
    assert_eq!(shadowed::Literal::view(&data)[[3, 2]], 11);
    assert_eq!(shadowed::Deferred::view(&data)[[3, 2]], 11);
    assert_eq!(shadowed::Bytes::view(&data)[[0]], 11);
    let mut buf = data;
    let writable = shadowed::Writable::view_mut(&mut buf);
    let transposed = shadowed::Transposed::of(writable.into_view());
    // Transposed [j, i] of a 3x4 matrix is element 4i + j.
    assert_eq!(transposed[[3, 2]], 11);
    let mut samples = [0i16; 8];
    let (mut left, mut right) = shadowed::Stereo::split(&mut samples);
    left.fill(1);
    right.fill(-1);
    assert_eq!(samples, [1, -1, 1, -1, 1, -1, 1, -1]);
    assert_eq!(<shadowed::Literal as Layout>::SHAPE, [4, 3]);
}

/// Types of the same names as the configured-out layouts below, which the
/// names resolve to once those are gone.
mod elsewhere {
    #[derive(Clone, Copy)]
    pub struct Gone;
    #[derive(Clone, Copy)]
    pub struct GoneToo;
}

#[allow(unused_imports)]
use elsewhere::*;

view_macros::strided_view! {
    #[cfg(any())]
    pub mut Gone: [u8; 4] { shape: [4] }
    #[cfg(any())]
    pub GoneToo: [u8; N] { shape: [N] }
    #[cfg(all())]
    pub mut Kept: [u8; 4] { shape: [4] }
}

// Used only by the configured-out `GoneToo`.
#[allow(dead_code)]
const N: usize = 4;

// Nothing of the configured-out layouts attached to the types their names
// now resolve to.
assert_not_impl_any!(elsewhere::Gone: Layout, UniqueLayout);
assert_not_impl_any!(elsewhere::GoneToo: Layout);
assert_impl_all!(Kept: Layout, UniqueLayout);

#[test]
fn cfg_removes_every_item_of_a_layout() {
    let mut buf = [0u8; 4];
    Kept::view_mut(&mut buf).fill(7);
    assert_eq!(buf, [7; 4]);
}

/// Layouts whose names are those an expansion might use for its own
/// parameters (`E`, `__LEN`), declared in another invocation and named from
/// this one: the expansion's parameters must not capture them.
mod parameter_names {
    pub mod other {
        view_macros::strided_view! {
            pub mut E: [u8; 4] { shape: [4] }
            pub mut __LEN: [u8; 4] { shape: [2], strides: [2] }
            pub mut R: [u8; 4] { shape: [2], strides: [2], offset: 1 }
        }
    }
    view_macros::strided_view! {
        pub T = other::E.flip(0);
        pub split S = (other::__LEN, other::R);
    }

    #[test]
    fn layouts_named_like_expansion_parameters() {
        let b = [1u8, 2, 3, 4];
        assert_eq!(T::of(other::E::view(&b))[[0]], 4);
        let mut c = [0u8; 4];
        let (mut even, mut odd) = S::split(&mut c);
        even.fill(1);
        odd.fill(2);
        assert_eq!(c, [1, 2, 1, 2]);
    }
}
