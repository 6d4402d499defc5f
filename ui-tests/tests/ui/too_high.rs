// NumPy: `x.shape = (4, 3); x.strides = (24, 16)` ("strides is not compatible with
// available memory"), or `as_strided(x, (4, 3), (24, 16))`, which silently reads
// garbage past the end (the tutorial's 785). The last index reaches element 13 of 12.
// Write instead: byte strides that stay inside the buffer, e.g. the C-order
// `byte_strides: [24, 8]` (or leave strides out), or `[16, 16]` for the overlapping view.
use view_macros::strided_view;

strided_view! {
    TooHigh: [i64; 12] { shape: [4, 3], byte_strides: [24, 16] }
}

fn main() {}
