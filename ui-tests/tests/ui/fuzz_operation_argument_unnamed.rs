// Found by the fuzz harness (view-macros/src/fuzz.rs, message review). An
// argument of a layout operation that the macro cannot evaluate gets the bare
// message of the evaluator, without the layout or the operation: "expected an
// integer, found a boolean", "division by zero", "expected an integer, found a
// character literal", "integer literal too large". The same mistakes in a
// layout's fields say "layout `X`: ..." (see float_extent.rs). Expected: each
// message names the layout and the operation, like the other derived errors
// ("layout `Flat`: `reshape([2, -false])` ..."). Also `permute` says "needs
// non-negative extents" for a negative axis. No .stderr yet: review it once
// the messages are fixed.
use view_macros::strided_view;

strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    Flat = Grid.reshape([2, -false]);
    Row = Grid.index(0, 1 / 0);
    Top = Grid.slice('c', ..2);
    Even = Grid.slice(1, 170141183460469231731687303715884105728..4, 2);
    Axes = Grid.permute([1, 2 - 3]);
}

fn main() {}
