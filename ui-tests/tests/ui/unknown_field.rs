// NumPy: `as_strided(x, shape=(4, 3), stride=(24, 8))` ("unexpected keyword
// argument 'stride'"). Here an unknown field is an error listing the fields
// and naming the one probably meant (by edit distance, or C++ mdspan's name).
// Write instead: `strides`, `offset`, `byte_strides`, `shape`.
use view_macros::strided_view;

strided_view! {
    Typo: [i64; 12] { shape: [4, 3], stride: [3, 1] }
    Offset: [i64; 12] { shape: [4], ofset: 2 }
    Bytes: [i64; 12] { shape: [4], byte_stride: [16] }
    Extents: [i64; 12] { extents: [4, 3] }
    Unrelated: [i64; 12] { shape: [4, 3], colour: [1] }
}

fn main() {}
