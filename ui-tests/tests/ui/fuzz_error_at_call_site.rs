// Found by the fuzz harness (view-macros/src/fuzz.rs, "error spanned outside
// the input"), minimised. An item cut short at the end of the invocation gets
// an error spanned at the call site (the whole `strided_view! { .. }`), not at
// a token of the input: `syn::parse2` reports "unexpected end of input" at its
// scope span, `Span::call_site()`, and so do `input.error(..)` and
// `input.span()` at the end of a chunk. Expected: each error spanned at the
// last token of its item (or the item), naming the layout.
// No .stderr yet: review it once the macro is fixed.
use view_macros::strided_view;

// A layout without its `{ .. }` body.
strided_view! {
    NoBody: [i64; 5]
}

// A derived layout without its `;`.
strided_view! {
    Grid: [i64; 12] { shape: [3, 4] }
    NoSemicolon = Grid.t()
}

// A name alone; a name and a colon.
strided_view! {
    Alone
}
strided_view! {
    NoBuffer:
}

// A split without its members.
strided_view! {
    split NoMembers =
}

// A doc comment with no item after it.
strided_view! {
    Grid2: [i64; 12] { shape: [3, 4] }
    /// Documents nothing.
}

// A method call cut after the dot.
strided_view! {
    Grid3: [i64; 12] { shape: [3, 4] }
    NoMethod = Grid3.
}

fn main() {}
