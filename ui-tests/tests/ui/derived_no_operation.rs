// NumPy: `b = a` is the same array, not a view (and `a.view()` is a new view of
// all of it); a derived layout that applies no operation would only be an alias.
// Here a derived layout must apply at least one operation.
// Write instead: use `Grid` itself, or apply the operation you meant:
// `Same = Grid.t();`.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    Same = Grid;
}

fn main() {}
