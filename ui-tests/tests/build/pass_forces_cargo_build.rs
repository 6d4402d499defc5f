// An ordinary program, which makes trybuild run `cargo build` for this suite.
use view_macros::strided_view;

strided_view! {
    pub Diagonal: [_; 16] { shape: [4], strides: [5] }
}

fn main() {
    let matrix: [i32; 16] = core::array::from_fn(|i| i as i32);
    assert_eq!(Diagonal::view(&matrix)[[3]], 15);
}
