// NumPy: `np.ndarray(buffer=x, shape=(0, 5), strides=(8000, -8000), offset=88)` on a
// 10-element int64 buffer: an empty view still has a start, and it must lie in
// the buffer or one past its end. Write instead: `offset: 10` at most (any
// offset from 0 to 10 is fine for an empty view).
use view_macros::strided_view;

strided_view! {
    Empty: [i64; 10] { shape: [0, 5], strides: [1000, -1000], offset: 11 }
}

fn main() {}
