// An empty layout is unique whatever its other axes do: it has no index. Its
// trailing axes (`Trailing<E, 1>`, the layout of `subview`) and the axes left
// when one is fixed (`Without<E, 0>`, of `axis_iter`) are not unique here
// ([0, 0, 1] and [0, 1, 0] both reach element 1), and view-core issues them
// no certificate: no writable view of them exists.
use view_core::{Trailing, ViewMut, Without};
use view_macros::strided_view;

strided_view! {
    pub mut Empty: [u8; 0] { shape: [0, 2, 2, 2], strides: [1, 1, 1, 1] }
}

fn main() {
    let mut four = [0u8; 4];
    let _ = ViewMut::<u8, Trailing<Empty, 1>>::from_array(&mut four);
    let _ = ViewMut::<u8, Without<Empty, 0>>::from_array(&mut four);
}
