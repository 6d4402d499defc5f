// The renaming reproducer: the crate puts itself in the place of
// `view_core` and answers the macro's spanned checks with "fine". Those are
// only diagnostics; the check reached through the `Layout` trait (view-core's
// own code) still rejects the layout under `cargo check`, and every view
// constructor would reject it under `cargo build`.
extern crate view_core as real_core;
extern crate self as view_core;

pub use real_core::*;

pub mod __private {
    pub use real_core::__private::*;

    pub const fn layout_failure<L>(_: Blame) -> Option<Message> {
        None
    }
    pub const fn writable_failure<L>() -> Option<Message> {
        None
    }
}

const N: usize = 2;

view_macros::strided_view! {
    pub mut Repeat: [u8; N] { shape: [2], strides: [0] }
}

fn main() {
    let mut buffer = [0u8; N];
    let mut view = Repeat::view_mut(&mut buffer);
    let mut both = view.iter_mut();
    let (a, b) = (both.next().unwrap(), both.next().unwrap());
    *a = 1;
    *b = 2;
}
