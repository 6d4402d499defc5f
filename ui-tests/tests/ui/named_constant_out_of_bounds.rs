// NumPy: `np.ndarray(buffer=x, shape=(N, 3), strides=(3 * 8, N * 8))` with `N = 4`
// and 12 elements, checked only at run time. Written with a named constant, the
// macro cannot compute the layout, so the const-evaluated backstop rejects it
// (error E0080): index [3, 2] reaches element 17 of 12.
// Write instead: `strides: [3, 1]` (or leave strides out for C order).
use view_macros::strided_view;

const N: usize = 4;

strided_view! {
    Scaled: [i64; 12] { shape: [N, 3], strides: [3, N as isize] }
}

fn main() {}
