// NumPy: `as_strided(y, ..., writeable=False)` then `b[0] = 1` raises ValueError
// at run time. A `View` is read-only: it implements `Index` but not `IndexMut`.
// Write instead: declare the layout `mut` (it must be unique) and write through
// `Name::view_mut(&mut buf)`.
use view_macros::strided_view;

strided_view! {
    Every2nd: [i64; 8] { shape: [4], strides: [2] }
}

fn main() {
    let buf = [0i64; 8];
    Every2nd::view(&buf)[[0]] = 1;
}
