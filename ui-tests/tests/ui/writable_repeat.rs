// NumPy: `b = as_strided(y, shape=(2, 8), strides=(8, 0), writeable=True); b[0, 4] = 99`
// writes 99 through 8 aliases of `y[0]` at once (the tutorial's "Overwriting
// Original Data with Views"). A zero stride makes the layout not unique, so it
// cannot be `mut`.
// Write instead: the read-only layout (drop `mut`) and `Repeated::view(&y)`; write
// to `y` itself.
use view_macros::strided_view;

strided_view! {
    mut Repeated: [i64; 2] { shape: [2, 8], strides: [1, 0] }
}

fn main() {}
