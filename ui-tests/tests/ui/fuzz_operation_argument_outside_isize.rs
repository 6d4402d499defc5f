// Found by the fuzz harness (view-macros/src/fuzz.rs): arguments of layout
// operations beyond isize are errors at the argument, naming the layout and
// the operation. (NumPy clamps such a slice bound silently,
// `a[9421210695672464658:6]` is empty, and rejects such an index at run time.)
// Write instead: bounds and indices within the axis, `slice(1, 1..4, 2)`,
// `index(0, 2)`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    FarBound = Grid.slice(1, 9421210695672464658..4, 2);
    FarIndex = Grid.index(0, -9223372036854775809);
    FarStep = Grid.slice(1, .., 9223372036854775808);
}

fn main() {}
