// NumPy takes strides and offsets as Python ints. Here a stride or offset
// written with a constant of any integer type (`const W: usize`) is converted
// exactly on the target (tests/integer_constants.rs); a value that does not
// fit, a negative offset, or a constant that is not an integer is an error
// at its token, naming the layout, the number and the range.
// Write instead: values that fit, and integer constants.
use view_macros::strided_view;

const BIG: u64 = u64::MAX;
const HUGE: u128 = u128::MAX;
const NEG: i32 = -1;
const F: f64 = 2.0;
const YES: bool = true;

strided_view! {
    TooBig: [i64; 12] { shape: [2], strides: [BIG] }
    TooHuge: [i64; 12] { shape: [2], byte_strides: [HUGE] }
    Negative: [i64; 12] { shape: [2], offset: NEG }
    Float: [i64; 12] { shape: [2], strides: [F] }
    Boolean: [i64; 12] { shape: [2], offset: YES }
    mut Base: [i64; 12] { shape: [3, 4] }
    FloatAxis = Base.flip(F);
    HugeIndex = Base.index(0, HUGE);
}

fn main() {}
