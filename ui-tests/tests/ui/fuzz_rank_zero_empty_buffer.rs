// Found by the fuzz harness (view-macros/src/fuzz.rs): a rank-0 layout (one
// element, at the offset) over an empty buffer, and a layout of extents 1 over
// an empty buffer. Both reach element 0, which an empty buffer does not have.
// (NumPy: `np.ndarray(shape=(), buffer=b"")` raises "buffer is too small".)
// Write instead: a buffer of at least one element, `[i64; 1]`.
use view_macros::strided_view;

strided_view! {
    Scalar: [i64; 0] { shape: [] }
    Ones: [i64; 0] { shape: [1, 1, 1] }
}

fn main() {}
