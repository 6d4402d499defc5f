// NumPy computes `a.T` from `a`'s shape and strides at run time, whatever they
// are. The layout algebra runs in the macro, which sees tokens, not the values
// of named constants: a parent written with `const`s, or an operation argument
// that is a named constant, cannot be derived from.
// Write instead: integer literals in the parent's shape/strides/offset and in
// the operation's arguments (`Grid.index(0, 2)`), or declare the derived
// layout directly with its own shape and strides.
use view_macros::strided_view;

const N: usize = 4;
const I: isize = 2;

strided_view! {
    Symbolic: [i64; 3 * N] { shape: [3, N] }
    Transposed = Symbolic.t();
    Grid: [i64; 12] { shape: [3, 4] }
    Row = Grid.index(0, I);
}

fn main() {}
