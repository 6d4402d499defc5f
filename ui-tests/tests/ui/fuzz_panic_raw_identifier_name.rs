// Found by the fuzz harness (view-macros/src/fuzz.rs, "panic at
// view-macros/src/expand.rs:193"), minimised. A layout named with a raw
// identifier and rank >= 2 makes the macro panic: its trailing layouts are
// named `format!("__{name}Trailing{k}")`, which gives `__r#splitTrailing1`, and
// `Ident::new` panics ("is not a valid Ident"). The user sees "proc macro
// panicked". Expected: the layout compiles (a raw identifier is a valid name),
// as it does at rank 1. No .stderr yet: review it once the macro is fixed.
use view_macros::strided_view;

strided_view! {
    r#split: [u8; 4] { shape: [2, 2] }
}

fn main() {
    let x = [0u8; 4];
    let _ = r#split::view(&x);
    compile_error!("the layout above must compile; this line keeps the case compile-fail");
}
