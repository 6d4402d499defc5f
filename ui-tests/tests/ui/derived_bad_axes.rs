// NumPy: an axis beyond the rank raises `AxisError: axis 2 is out of bounds for
// array of dimension 2` at run time (`np.flip(a, 2)`, `np.swapaxes(a, 0, 2)`,
// `a[:, :, 0]` is an IndexError); `np.transpose(a, (0, 0))` raises `ValueError:
// repeated axis in transpose`; `np.diagonal(a, 0, 1, 1)` raises `ValueError:
// axis1 and axis2 cannot be the same`.
// Here each is a compile error naming the axis and the rank.
// Write instead: axes below the rank (`flip(1)`, `swap_axes(0, 1)`), a
// permutation of all axes (`permute([1, 0])`), two different diagonal axes, and
// a new axis at most at position `rank` (`new_axis(2)` appends one).
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    FlipThird = Grid.flip(2);
    SwapThird = Grid.swap_axes(0, 2);
    IndexThird = Grid.index(2, 0);
    Repeated = Grid.permute([0, 0]);
    TooFewAxes = Grid.permute([1]);
    SameAxes = Grid.diagonal(0, 1, 1);
    NewAxisFar = Grid.new_axis(3);
    NegativeAxis = Grid.flip(-1);
}

fn main() {}
