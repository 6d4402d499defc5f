// NumPy: `sliding_window_view(image, (2, 2), writeable=True)` and
// `np.broadcast_to(row, (3, 4))` (its result is read-only, writeable only by
// forcing a flag) are views whose indices share elements: one write lands in
// several windows / rows at once.
// Here a `mut` derived layout whose chain has `windows` or `broadcast_to` is
// writable only if its result is still unique (tiles: windows with a step at
// least the window); these are not, so declaring them `mut` is a compile
// error at the operation, with two indices that share an element.
// Write instead: drop `mut` (`Windows::of(image.as_view())` reads them),
// take tiles (`mut Tiles = Image.windows([2, 2]).slice(0, .., 2).slice(1, .., 2);`),
// or write through the parent.
use view_macros::strided_view;

strided_view! {
    mut Image: [i64; 20] { shape: [4, 5] }
    mut Row: [i64; 4] { shape: [4] }
    mut Windows = Image.windows([2, 2]);
    mut Repeated = Row.flip(0).new_axis(0).broadcast_to([3, 4]);
    mut WindowsLater = Image.slice(0, 1..).windows([2, 2]).index(0, 0);
}

fn main() {}
