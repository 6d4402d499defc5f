// NumPy: `np.diagonal(np.arange(12))` raises `ValueError: diag requires an array
// of at least two dimensions` at run time (and `np.diag` of a 1-D array silently
// BUILDS a 12x12 matrix instead: a copy, not a view).
// Here the diagonal of a rank-1 layout is a compile error.
// Write instead: reshape first, `Row.reshape([3, 4]).diagonal()`.
use view_macros::strided_view;

strided_view! {
    Row: [i64; 12] { shape: [12] }
    Diagonal = Row.diagonal();
    Fine = Row.reshape([3, 4]).diagonal();
}

fn main() {
    let _ = Fine::view(&[0i64; 12]);
}
