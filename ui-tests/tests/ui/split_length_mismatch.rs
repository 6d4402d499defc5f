// NumPy views share the base array they were taken from; split members share one
// buffer too, so they must be declared for the same buffer length.
// Write instead: `mut Right: [i16; 8] { .. }`, like `Left`.
use view_macros::strided_view;

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    mut Right: [i16; 10] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);
}

fn main() {}
