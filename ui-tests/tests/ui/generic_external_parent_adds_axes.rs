// The limit of stable Rust: a generic derived layout whose parent is
// declared in another invocation has the parent's rank only as a constant
// (`<Gray<W, H> as Layout>::RANK`), and its index type `[usize; RANK * 2]`
// needs generic const expressions. The error says so, and what to write.
use view_macros::strided_view;

strided_view! {
    pub Gray<const W: usize, const H: usize>: [_; W * H] { shape: [H, W] }
}

strided_view! {
    pub Win3<const W: usize, const H: usize> = Gray<W, H>.windows([3, 3]);
}

fn main() {}
