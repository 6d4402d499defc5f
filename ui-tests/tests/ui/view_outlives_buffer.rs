// NumPy keeps the base array alive through `view.base` (reference counting); a
// `View` borrows its buffer instead, so it cannot outlive it.
// Write instead: keep the buffer alive as long as the view (declare it in the
// outer scope, or return an owned copy of the elements).
use view_macros::strided_view;

strided_view! {
    Diagonal: [i64; 16] { shape: [4], strides: [5] }
}

fn main() {
    let diagonal;
    {
        let matrix = [0i64; 16];
        diagonal = Diagonal::view(&matrix);
    }
    println!("{:?}", diagonal[[0]]);
}
