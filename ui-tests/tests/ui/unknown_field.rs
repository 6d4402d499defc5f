// NumPy: `as_strided(x, shape=(4, 3), stride=(24, 8))` ("unexpected keyword
// argument 'stride'"). Write instead: one of the layout's fields, `shape`,
// `strides`, `byte_strides`, `offset`, `byte_offset` (here `strides`).
use view_macros::strided_view;

strided_view! {
    Typo: [i64; 12] { shape: [4, 3], stride: [3, 1] }
}

fn main() {}
