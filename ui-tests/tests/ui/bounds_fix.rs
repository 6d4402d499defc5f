// NumPy: `np.ndarray(buffer=x, shape=.., strides=.., offset=..)` says only "strides
// is not compatible with available memory". Here a bounds error says, when
// there is one, the simple fix: the offset that fits the layout in the buffer,
// or the buffer length it needs (its REQUIRED_LEN), in the units written.
use view_macros::strided_view;

strided_view! {
    // Too long for 12 elements from offset 10: `offset: 8` fits, or 14 elements.
    Shifted: [i64; 12] { shape: [4], offset: 10 }
    // The same in bytes: `byte_offset: 64`.
    ShiftedBytes: [i64; 12] { shape: [4], byte_offset: 80 }
    // Spans more than the buffer: only a longer buffer (20 elements) holds it.
    Long: [i64; 12] { shape: [5, 4] }
    // Reaches before the start and past the end: `offset: 3` and 16 elements.
    BothEnds: [i64; 12] { shape: [4, 4], strides: [-1, 4], offset: 1 }
    // Reaches before the start: `offset: 6` fits it.
    Backwards: [i64; 12] { shape: [3, 5], strides: [-3, 1] }
    // Reaches before the start; with `offset: 6` it needs 15 elements.
    BackwardsLong: [i64; 12] { shape: [3, 5], strides: [-3, 2] }
    // A one-element buffer too short for a scalar at offset 1: `offset: 0`.
    Scalar: [u8; 1] { shape: [], offset: 1 }
}

fn main() {}
