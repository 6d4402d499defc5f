// NumPy: `as_strided(x, shape=(12,), strides=(-8,))` reads memory before the buffer
// (the tutorial's 113, 140037802748368, ...): a reversal without an offset.
// Write instead: start at the last element, `offset: 11` (NumPy's
// `offset=x.nbytes - x.itemsize`, or `byte_offset: 88`).
use view_macros::strided_view;

strided_view! {
    Reversed: [i64; 12] { shape: [12], strides: [-1] }
}

fn main() {}
