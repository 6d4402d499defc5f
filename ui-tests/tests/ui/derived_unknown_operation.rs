// NumPy spells the operations `np.transpose`, `np.swapaxes`, `a[i]`,
// `sliding_window_view`; the layout algebra has its own names.
// Here an unknown operation is a compile error listing the operations and
// naming the one probably meant (by edit distance, or NumPy's name for it).
// Write instead: `t()` or `permute([..])` for `np.transpose`, `swap_axes(a, b)`
// for `np.swapaxes`, `windows([..])` for `sliding_window_view`, `diagonal()`
// for `np.diag`, `broadcast_to` for `np.broadcast_to`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    Transposed = Grid.transpose();
    Permuted = Grid.transpose([1, 0]);
    Swapped = Grid.swapaxes(0, 1);
    Windows = Grid.flip(0).sliding_window_view([2, 2]);
    Diagonal = Grid.diag();
    Broadcast = Grid.broadcast([2, 3, 4]);
    Sliced = Grid.slise(0, 1..);
    Unrelated = Grid.frobnicate();
}

fn main() {}
