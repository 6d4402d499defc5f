// The buffer is a Rust array type, `[ELEM; LEN]`; `i64; 12` without brackets is a
// syntax error. Write instead: `[i64; 12]`.
use view_macros::strided_view;

strided_view! {
    Bare: i64; 12 { shape: [4, 3] }
}

fn main() {}
