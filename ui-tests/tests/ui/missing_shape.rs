// NumPy: `np.ndarray(buffer=x, strides=(8,))` ("required argument 'shape' not found").
// Write instead: `shape: [extents..]` (strides may be left out, shape may not).
use view_macros::strided_view;

strided_view! {
    NoShape: [i64; 12] { strides: [1] }
}

fn main() {}
