// A `mut` derived item over a parent of another invocation is decided in
// const evaluation; overlapping windows are not unique, and `cargo check`
// says so at the operation, with two indices that share an element.
use view_macros::strided_view;

mod frames {
    view_macros::strided_view! {
        pub mut Frame: [u8; 16] { shape: [4, 4] }
    }
}

strided_view! {
    pub mut Overlapping = frames::Frame.windows([2, 2]);
    pub mut Tiles = frames::Frame.windows([2, 2]).slice(0, .., 2).slice(1, .., 2);
}

fn main() {}
