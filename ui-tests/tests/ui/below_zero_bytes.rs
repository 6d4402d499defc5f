// NumPy: `as_strided(x, shape=(12,), strides=(-8,))` on 12 int64 reads memory
// before the buffer: a reversal without an offset. Written in NumPy's units,
// `byte_strides`, the error names the byte reached and the fix in bytes.
// Write instead: `byte_offset: 88` (NumPy's `offset=x.nbytes - x.itemsize`).
use view_macros::strided_view;

strided_view! {
    Reversed: [i64; 12] { shape: [12], byte_strides: [-8] }
    // With an element offset, the fix is an element offset.
    ReversedFrom5: [i64; 12] { shape: [12], byte_strides: [-8], offset: 5 }
}

fn main() {}
