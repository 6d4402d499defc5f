// NumPy has one unit, bytes (`strides=(24, 8)`, `offset=16`); here `strides` and
// `offset` count elements and `byte_strides` and `byte_offset` count bytes. Giving
// both members of a family is one error, at the second, and nothing else is said
// about the layout (reading either would describe a layout not meant).
// Write instead: `strides: [3, 1]` or `byte_strides: [24, 8]`, not both; the
// same for `offset` / `byte_offset`.
use view_macros::strided_view;

strided_view! {
    Strides: [i64; 12] { shape: [4, 3], strides: [3, 1], byte_strides: [24, 8] }
    BytesFirst: [i64; 12] { shape: [4, 3], byte_strides: [24, 8], strides: [3, 1] }
    Offsets: [i64; 12] { shape: [4], offset: 2, byte_offset: 16 }
    Reversed: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88, offset: 11 }
}

fn main() {}
