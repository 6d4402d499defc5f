// NumPy: `x = np.zeros(10, np.uint8); np.ndarray(buffer=x, shape=(5,), strides=(2**62 + 1,), dtype=np.uint8)`:
// NumPy computes `stride * (n - 1)` = 2^64 + 4 in i64, which wraps around to 4, so
// it accepts a view whose last element lies far outside the 10-byte buffer. Here
// the arithmetic is exact, so the layout is rejected.
// Write instead: a stride that fits the buffer, e.g. `strides: [2]`.
use view_macros::strided_view;

strided_view! {
    Wrapping: [u8; 10] { shape: [5], strides: [4611686018427387905] }
}

fn main() {}
