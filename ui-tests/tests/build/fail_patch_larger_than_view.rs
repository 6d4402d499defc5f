// A patch's shape must fit inside the view's: a 3 x 7 patch of a 5 x 6 view
// has no position, and asking for one is a compile error (of `cargo build`:
// the check runs when the patch function is instantiated).
use view_core::shape::Shape2;
use view_macros::strided_view;

strided_view! {
    pub Image: [u8; 30] { shape: [5, 6] }
}

fn main() {
    let pixels = [0u8; 30];
    let _ = Image::view(&pixels).patch::<Shape2<3, 7>>([0, 0]);
}
