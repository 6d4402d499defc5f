// A writable generic layout whose rows are `S` apart: unique for `S = 4`,
// not for `S = 2` (indices [0, 2] and [1, 0] both reach element 2).
use view_macros::strided_view;

strided_view! {
    pub mut Rows<const S: isize>: [_; 8] { shape: [2, 4], strides: [S, 1] }
}

fn main() {
    let mut buf = [0u8; 8];
    Rows::<4>::view_mut(&mut buf).fill(1);
    let _ = Rows::<2>::view_mut(&mut buf);
}
