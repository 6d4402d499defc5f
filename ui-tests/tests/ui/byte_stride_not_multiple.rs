// NumPy: `as_strided(x, shape=(4,), strides=(12,))` on an int64 array: a byte
// stride that is not a multiple of the item size reads elements straddling two
// i64s. Write instead: a multiple of 8 (`byte_strides: [16]`), or element
// `strides`.
use view_macros::strided_view;

strided_view! {
    Straddling: [i64; 12] { shape: [4], byte_strides: [12] }
}

fn main() {}
