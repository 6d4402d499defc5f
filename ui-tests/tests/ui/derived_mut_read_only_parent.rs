// NumPy: a view of a read-only array (`a.flags.writeable == False`, e.g. from
// `as_strided(..., writeable=False)`) is read-only too: `a.T[0, 0] = 1` raises
// `ValueError: assignment destination is read-only` at run time.
// Here a derived layout can only be writable when its parent is: `mut` on a
// derived layout of a read-only parent is a compile error.
// Write instead: declare the parent `mut` (it must be unique), or drop `mut`
// on the derived layout.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    mut Transposed = Grid.t();
}

fn main() {}
