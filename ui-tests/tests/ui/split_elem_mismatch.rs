// NumPy: `x.view(np.int32)` reinterprets bytes; split members are views of one
// typed buffer, so they must share one element type.
// Write instead: `mut Right: [i16; 8] { .. }`, like `Left`.
use view_macros::strided_view;

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    mut Right: [i32; 8] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);
}

fn main() {}
