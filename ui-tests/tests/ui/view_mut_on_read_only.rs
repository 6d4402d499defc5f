// NumPy: `as_strided(...)` returns a writable view by default (the tutorial's
// "Writable Views Are the Default"). Here a layout is read-only unless it is
// declared `mut`: it has no `view_mut` / `try_view_mut`.
// Write instead: `mut Every2nd: [i64; 8] { shape: [4], strides: [2] }`.
use view_macros::strided_view;

strided_view! {
    Every2nd: [i64; 8] { shape: [4], strides: [2] }
}

fn main() {
    let mut buf = [0i64; 8];
    let mut v = Every2nd::view_mut(&mut buf);
    v[[0]] = 1;
    let _ = Every2nd::try_view_mut(&mut buf[..]);
}
