// Three bad layouts in one invocation: each gets its own error, in one pass (no
// abort on the first), and the good layout between them is still generated.
// Write instead: fix each layout as its own message says.
use view_macros::strided_view;

strided_view! {
    TooHigh: [i64; 12] { shape: [4, 3], strides: [3, 2] }
    Fine: [i64; 12] { shape: [4, 3] }
    Reversed: [i64; 12] { shape: [12], strides: [-1] }
    mut Repeated: [i64; 2] { shape: [2, 8], strides: [1, 0] }
}

fn main() {
    let x = [0i64; 12];
    let _ = Fine::view(&x);
}
