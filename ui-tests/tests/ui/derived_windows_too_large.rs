// NumPy: `sliding_window_view(a, (2, 5))` of a 3x4 array raises `ValueError:
// window shape cannot be larger than input array shape` at run time; with fewer
// window extents than axes (and no `axis=`) it raises another ValueError.
// Here both are compile errors naming the axis, the window and the extent.
// Write instead: windows no larger than their axes, one extent per axis:
// `windows([2, 4])`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    TooWide = Grid.windows([2, 5]);
    OneExtent = Grid.windows([2]);
}

fn main() {}
