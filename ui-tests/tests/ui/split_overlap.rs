// NumPy: two writable views of one buffer, `a = x[0::2]` and `b = x[0::3]`, both
// reach `x[0]` and `x[6]` (`np.shares_memory(a, b)` is True), so writing one
// changes the other. Split members must be pairwise disjoint.
// Write instead: disjoint members, e.g. `Even` with `strides: [2]` and `Odd` with
// `strides: [2], offset: 1`.
use view_macros::strided_view;

strided_view! {
    mut Even: [i64; 12] { shape: [6], strides: [2] }
    mut Thirds: [i64; 12] { shape: [4], strides: [3] }
    split Both = (Even, Thirds);
}

fn main() {}
