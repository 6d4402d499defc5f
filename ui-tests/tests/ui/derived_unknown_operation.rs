// NumPy spells the operations `np.transpose`, `np.swapaxes`, `a[i]`,
// `sliding_window_view`; the layout algebra has its own names.
// Here an unknown operation is a compile error listing the operations.
// Write instead: `t()` or `permute([..])` for `np.transpose`, `swap_axes(a, b)`
// for `np.swapaxes`, `index(axis, i)` for `a[i]`, `windows([..])` for
// `sliding_window_view`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    Transposed = Grid.transpose();
    Swapped = Grid.swapaxes(0, 1);
    Windows = Grid.flip(0).sliding_window_view([2, 2]);
}

fn main() {}
