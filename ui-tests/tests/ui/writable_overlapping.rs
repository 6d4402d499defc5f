// NumPy: `as_strided(x, (4, 3), (16, 16))` is writable by default, and its rows
// overlap (element 2 is both `[0, 1]` and `[1, 0]`), so a write shows up twice.
// Write instead: drop `mut` for the read-only overlapping view, or use a unique
// layout such as `byte_strides: [24, 8]`.
use view_macros::strided_view;

strided_view! {
    mut Overlapping: [i64; 12] { shape: [4, 3], byte_strides: [16, 16] }
}

fn main() {}
