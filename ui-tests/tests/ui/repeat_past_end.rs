// NumPy: `y = np.array([2, 5]); as_strided(y, shape=(2, 3), strides=(16, 0))`
// ("may produce nonsensical values without raising an error"): the second row
// starts at element 2 of a 2-element buffer.
// Write instead: `byte_strides: [8, 0]` (each element repeated 3 times).
use view_macros::strided_view;

strided_view! {
    Repeated: [i64; 2] { shape: [2, 3], byte_strides: [16, 0] }
}

fn main() {}
