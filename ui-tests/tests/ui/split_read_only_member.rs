// NumPy: `as_strided(..., writeable=False)` views cannot be written; a split hands
// out one writable view per member, so every member must be declared `mut`.
// Write instead: `mut Right: [i16; 8] { .. }`, or leave `Right` out of the split
// and view it with `Right::view`.
use view_macros::strided_view;

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);
}

fn main() {}
