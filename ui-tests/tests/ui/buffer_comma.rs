// NumPy describes the buffer by `dtype` and its length separately; here the buffer
// is a Rust array type, `[ELEM; LEN]`. A comma instead of the semicolon
// (`[i64, 12]`) is a syntax error. Write instead: `[i64; 12]`.
use view_macros::strided_view;

strided_view! {
    Comma: [i64, 12] { shape: [4, 3] }
}

fn main() {}
