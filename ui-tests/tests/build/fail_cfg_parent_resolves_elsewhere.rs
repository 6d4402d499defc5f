// With its parent configured out, a derived layout's parent name resolves
// to whatever else is in scope (here a glob import). The macro derived `D`
// from the numbers it read, `[4]` reversed; view-core re-applies `flip(0)`
// to the type the name resolves to, finds other numbers, and refuses.
use view_macros::strided_view;

mod elsewhere {
    view_macros::strided_view! {
        pub mut Image: [u8; 4] { shape: [2], strides: [2], offset: 1 }
    }
}
use elsewhere::*;

strided_view! {
    #[cfg(any())]
    pub mut Image: [u8; 4] { shape: [4] }
    pub mut D = Image.flip(0);
}

fn main() {
    let mut buffer = [0u8; 4];
    let mut d = D::of_mut(Image::view_mut(&mut buffer));
    d.fill(1);
}
