// Found by the fuzz harness (view-macros/src/fuzz.rs): numbers the macro
// computes itself and rejects before any proof. A shift past 128 bits, a
// literal beyond u128, and extents whose product overflows: each is an error
// at the expression, naming the layout. (NumPy: `np.ndarray(shape=(2, 2**63 -
// 3))` raises "array is too big"; Python integers never overflow.)
// Write instead: numbers that fit: a buffer length and extents whose product
// is below isize::MAX.
use view_macros::strided_view;

strided_view! {
    Shifted: [i16; (1 << 200)] { shape: [2, 4] }
    Literal: [i16; 16] { shape: [16], strides: [340282366920938463463374607431768211456] }
    Product: [i64; 5] { shape: [2, 9223372036854775805] }
}

fn main() {}
