// NumPy: `np.ndarray(buffer=x, shape=(-4, 3))` ("negative dimensions are not allowed").
// Write instead: a non-negative extent; to walk an axis backwards, give it a
// negative stride and an offset (`shape: [4, 3], strides: [-3, 1], offset: 9`).
use view_macros::strided_view;

strided_view! {
    Negative: [i64; 12] { shape: [-4, 3] }
}

fn main() {}
