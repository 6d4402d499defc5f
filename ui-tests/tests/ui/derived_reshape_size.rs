// NumPy: `a.reshape(5, -1)` of 12 elements raises `ValueError: cannot reshape
// array of size 12 into shape (5,newaxis)` at run time; so do `reshape(5, 2)`,
// two `-1`s (`can only specify one unknown dimension`) and other negative extents.
// Here each is a compile error with the element counts.
// Write instead: extents whose product is the element count, with at most one
// `-1`: `reshape([4, -1])`, `reshape([2, 6])`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    NotADivisor = Grid.reshape([5, -1]);
    WrongCount = Grid.reshape([5, 2]);
    TwoUnknowns = Grid.reshape([-1, -1]);
    NegativeExtent = Grid.reshape([-2, -6]);
}

fn main() {}
