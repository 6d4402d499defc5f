// NumPy: `np.broadcast_to(np.arange(4), (3, 5))` raises `ValueError: operands
// could not be broadcast together with remapped shapes` at run time; so does a
// target of lower rank. Axes are matched from the end: an extent must equal the
// target's or be 1.
// Here each is a compile error naming the axis and the extents.
// Write instead: `broadcast_to([3, 4])`; to repeat a column, add its axis first:
// `Grid.index(1, 0).new_axis(1).broadcast_to([3, 5])`.
use view_macros::strided_view;

strided_view! {
    Row: [i64; 4] { shape: [4] }
    Grid: [i64; 12] { shape: [3, 4] }
    Mismatch = Row.broadcast_to([3, 5]);
    LowerRank = Grid.broadcast_to([4]);
    InnerMismatch = Grid.broadcast_to([2, 6, 4]);
    ColumnNotStretched = Grid.index(1, 0).broadcast_to([3, 5]);
}

fn main() {}
