// NumPy: `as_strided(...)` returns a writable view by default (the tutorial's
// "Writable Views Are the Default"). Here a layout is read-only unless it is
// declared `mut`: every way of making a writable view of it (`view_mut`,
// `try_view_mut`, `ViewMut::from_array`, `ViewMut::try_from_slice`) is an
// error that says so.
// Write instead: `mut Every2nd: [i64; 8] { shape: [4], strides: [2] }`.
use view_core::ViewMut;
use view_macros::strided_view;

strided_view! {
    Every2nd: [i64; 8] { shape: [4], strides: [2] }
    AnyElement: [_; 8] { shape: [8] }
}

fn main() {
    let mut buf = [0i64; 8];
    let _ = Every2nd::view_mut(&mut buf);
    let _ = Every2nd::try_view_mut(&mut buf[..]);
    let _ = AnyElement::view_mut(&mut buf);
    let _ = ViewMut::<i64, Every2nd>::from_array(&mut buf);
    let _ = ViewMut::<i64, Every2nd>::try_from_slice(&mut buf[..]);
}
