// The header's path is the user's to choose, and so cannot be believed: here
// it names a module that answers the macro's spanned checks with "fine". The
// check reached through the `Layout` trait (view-core's own code) still
// rejects the layout under `cargo check`, and every view constructor would
// under `cargo build` (ARCHITECTURE.md, "The safety argument").
pub mod fake {
    pub use view_core::*;

    pub mod __private {
        pub use view_core::__private::*;

        pub const fn layout_failure<L>(_: Blame) -> Option<Message> {
            None
        }
        pub const fn writable_failure<L>() -> Option<Message> {
            None
        }
    }
}

const N: usize = 2;

view_macros::strided_view! {
    crate = crate::fake;
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
