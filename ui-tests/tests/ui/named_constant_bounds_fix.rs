// The layouts of `bounds_fix` and `below_zero_bytes` written with named
// constants: const evaluation rejects them (E0080) with the macro's words,
// the fix included, in the units written.
use view_macros::strided_view;

const N: usize = 4;
const B: isize = -8;

strided_view! {
    Shifted: [i64; 12] { shape: [N], offset: 10 }
    ShiftedBytes: [i64; 12] { shape: [N], byte_offset: 80 }
    Long: [i64; 12] { shape: [5, N] }
    BothEnds: [i64; 12] { shape: [N, 4], strides: [-1, 4], offset: 1 }
    Reversed: [i64; 12] { shape: [12], byte_strides: [B] }
}

fn main() {}
