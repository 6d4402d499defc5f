// NumPy: a view needs its base array to exist first (`b = a.T` before `a = ..`
// is a NameError at run time).
// Here the parent of a derived layout must be declared before it in the same
// `strided_view!` invocation; anything else is a compile error at the parent.
// Write instead: declare `Grid` first, in this invocation, then
// `Transposed = Grid.t();`.
use view_macros::strided_view;

strided_view! {
    Missing = Nowhere.t();
    Early = Grid.t();
    Grid: [i64; 12] { shape: [3, 4] }
}

fn main() {}
