// NumPy: `x.shape = (4, 3); x.strides = (24,)` ("strides must be same length as
// shape (2)"). Write instead: one stride per axis, `byte_strides: [24, 8]`.
use view_macros::strided_view;

strided_view! {
    Matrix: [i64; 12] { shape: [4, 3], byte_strides: [24] }
}

fn main() {}
