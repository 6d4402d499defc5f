// NumPy: `sliding_window_view(image, (2, 2))` is read-only by default; writing
// `w[0, 0, 1, 1] = 9` raises `ValueError: assignment destination is read-only`.
// Here a derived layout of a `mut` parent is writable only if it is still
// unique; windows are not, so the layout has `of` but no `of_mut` (nor `view_mut`).
// Write instead: read with `Windows::of(image.as_view())`; write through the
// parent (`image[[1, 1]] = 9`).
use view_macros::strided_view;

strided_view! {
    mut Image: [i64; 20] { shape: [4, 5] }
    Windows = Image.windows([2, 2]);
}

fn main() {
    let mut buf = [0i64; 20];
    let mut w = Windows::of_mut(Image::view_mut(&mut buf));
    w[[0, 0, 1, 1]] = 9;
}
