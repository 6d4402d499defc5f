// NumPy: `sliding_window_view(image, (2, 2))` is read-only by default; writing
// `w[0, 0, 1, 1] = 9` raises `ValueError: assignment destination is read-only`.
// Here a derived layout of a `mut` parent is writable only if it is still
// unique; windows are not, so `Windows::of_mut` (and `view_mut`, and
// `derive_mut` to it) is an error saying the layout is read-only.
// Write instead: read with `Windows::of(image.as_view())`; write through the
// parent (`image[[1, 1]] = 9`).
use view_core::ViewMut;
use view_macros::strided_view;

strided_view! {
    mut Image: [i64; 20] { shape: [4, 5] }
    Windows = Image.windows([2, 2]);
    Grid: [i64; 20] { shape: [4, 5] }
    Flipped = Grid.flip(0);
}

fn main() {
    let mut buf = [0i64; 20];
    let _ = Windows::of_mut(Image::view_mut(&mut buf));
    let _ = Windows::view_mut(&mut buf);
    let image: ViewMut<'_, i64, Image> = Image::view_mut(&mut buf);
    let _ = image.derive_mut::<Windows>();
    // A read-only derived layout of a read-only parent.
    let _ = Flipped::of_mut(Grid::view_mut(&mut buf));
}
