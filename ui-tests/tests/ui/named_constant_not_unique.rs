// NumPy: `as_strided(y, shape=(N, W), strides=(8, 8), writeable=True)`, a writable
// sliding window with `N = 4`, `W = 3`: neighbouring windows share elements.
// Written with named constants, the const-evaluated backstop rejects the `mut`
// layout (error E0080) with two colliding indices.
// Write instead: drop `mut` (a read-only window view is fine), or give the
// windows disjoint elements, `strides: [W as isize, 1]` over `N * W` elements.
use view_macros::strided_view;

const N: usize = 4;
const W: usize = 3;

strided_view! {
    mut Windows: [i64; N + W - 1] { shape: [N, W], strides: [1, 1] }
}

fn main() {}
