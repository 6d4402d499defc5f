// NumPy: `a[3]` of a 3x4 array raises `IndexError: index 3 is out of bounds for
// axis 0 with size 3` at run time, `a[:, -5]` likewise.
// Here both are compile errors naming the index, the axis and its extent.
// Write instead: an index below the extent, `index(0, 2)`, or count from the
// end, `index(0, -1)` for the last row, `index(1, -4)` for the first column.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    FourthRow = Grid.index(0, 3);
    ColumnBeforeFirst = Grid.index(1, -5);
}

fn main() {}
