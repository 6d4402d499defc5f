// Found by the fuzz harness (view-macros/src/fuzz.rs): a field named without
// its `: value` at the end of a layout body is an error at the closing brace,
// naming the layout and the field.
// Write instead: `offset: 1`.
use view_macros::strided_view;

strided_view! {
    Bare: [i8; 9] { shape: [3], offset }
}

fn main() {}
