// The numbers of a layout follow Rust's rules for the type they stand in
// (`usize` for extents, lengths and offsets, `isize` for strides), as rustc
// would apply them to `const X: usize = <expr>;`: each of these is rejected,
// with rustc's words, at the sub-expression to blame.
use view_macros::strided_view;

strided_view! {
    SuffixTooSmall: [u8; 300] { shape: [300u8] }
    OverflowU8: [u8; 256] { shape: [255u8 + 1] }
    Float: [u8; 4] { shape: [4f32] }
    Underflow: [u8; 1] { shape: [4 - 5 + 2] }
    NegativeUsize: [u8; 3] { shape: [3 & -1] }
    WrongSuffix: [u8; 400] { shape: [2i8 * 100 * 2] }
    MixedSuffixes: [u8; 8] { shape: [4], strides: [2isize + 1i32] }
    StrideOverflow: [u8; 8] { shape: [1], strides: [9223372036854775807 + 1] }
}

fn main() {}
