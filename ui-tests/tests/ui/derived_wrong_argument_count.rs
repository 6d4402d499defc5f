// NumPy habits that do not carry over: `a.reshape(3, 4)` (extents as separate
// arguments), `np.flip(a)` (no axis flips every axis), `np.diagonal(a, 1, 0)`
// (offset and one axis), `a[1:3]` written without the axis.
// Here a wrong number of arguments is a compile error showing the usage.
// Write instead: `reshape([3, 4])`, `flip(0).flip(1)`, `diagonal(1)` or
// `diagonal(1, 0, 1)`, `slice(0, 1..3)`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    Reshaped = Grid.reshape(4, 3);
    FlippedAll = Grid.flip();
    Diagonal = Grid.diagonal(1, 0);
    Rows = Grid.slice(1..3);
    Transposed = Grid.t(1);
    Windows = Grid.windows([2, 2], [1, 1]);
}

fn main() {}
