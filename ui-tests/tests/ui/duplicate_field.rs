// NumPy: `np.ndarray(shape=(4, 3), shape=(3, 4))` is a Python SyntaxError
// ("keyword argument repeated"). Write instead: each field once.
use view_macros::strided_view;

strided_view! {
    Twice: [i64; 12] { shape: [4, 3], strides: [3, 1], strides: [1, 4] }
}

fn main() {}
