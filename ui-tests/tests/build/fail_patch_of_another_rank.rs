// A patch has its view's rank: a rank-1 patch of a rank-2 view is refused,
// with the patch's own message.
use view_core::shape::Shape1;
use view_macros::strided_view;

strided_view! {
    pub mut Image: [u8; 30] { shape: [5, 6] }
}

fn main() {
    let mut pixels = [0u8; 30];
    let mut image = Image::view_mut(&mut pixels);
    let _ = image.patch_mut::<Shape1<2>>([0, 0]);
}
