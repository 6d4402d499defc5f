// NumPy: `np.ndarray(buffer=x, shape=(4,), dtype=np.int64, offset=3)` starts the
// view 3 bytes into an int64: every element straddles two. Here a byte offset
// must be a multiple of the element size.
// Write instead: `byte_offset: 0` or `byte_offset: 8`, or the element `offset: 1`.
use view_macros::strided_view;

strided_view! {
    Straddling: [i64; 12] { shape: [4], byte_offset: 3 }
}

fn main() {}
