//! Views are one pointer wide at every rank (issue #5's evidence; the same
//! property is asserted at compile time in the root's `tests/writable.rs`).

use core::mem::size_of;

use view_core::{View, ViewMut};
use view_macros::strided_view;

strided_view! {
    mut R0: [u8; 1] { shape: [] }
    mut R1: [u8; 3] { shape: [3] }
    mut R2: [u8; 6] { shape: [2, 3] }
    mut R3: [u8; 12] { shape: [2, 2, 3], strides: [-6, 3, 1], offset: 6 }
    mut R4: [u8; 16] { shape: [2, 2, 2, 2] }
    mut R5: [u8; 32] { shape: [2, 2, 2, 2, 2] }
    mut R6: [u8; 64] { shape: [2, 2, 2, 2, 2, 2] }
    mut R7: [u8; 128] { shape: [2, 2, 2, 2, 2, 2, 2] }
    mut R8: [u8; 256] { shape: [2, 2, 2, 2, 2, 2, 2, 2] }
}

#[test]
fn views_are_pointer_sized_for_ranks_0_to_8() {
    macro_rules! check {
        ($($layout:ident),*) => {$(
            assert_eq!(size_of::<View<'static, f64, $layout>>(), size_of::<usize>(), stringify!($layout));
            assert_eq!(size_of::<ViewMut<'static, f64, $layout>>(), size_of::<usize>(), stringify!($layout));
            // Like a reference, `Option` of a view costs nothing extra.
            assert_eq!(size_of::<Option<View<'static, f64, $layout>>>(), size_of::<usize>());
        )*};
    }
    check!(R0, R1, R2, R3, R4, R5, R6, R7, R8);
}
