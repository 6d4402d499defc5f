// NumPy: `np.ndarray(buffer=x, shape=(4.0, 3))` ("'float' object cannot be
// interpreted as an integer"). Write instead: integer extents, `shape: [4, 3]`.
use view_macros::strided_view;

strided_view! {
    Floating: [i64; 12] { shape: [4.0, 3] }
}

fn main() {}
