//! One layout case per feature; `check.sh` says which must fail on a 32-bit
//! target and with which message.
#![no_std]

// 4294967296 = 2^32 wraps to 0 on a 32-bit target: STRIDES [0, 1],
// BUFFER_LEN 2, and two indices would reach element 0.
#[cfg(feature = "wrap_mut")]
view_macros::strided_view! { pub mut Wrap: [u8; 4294967298] { shape: [2, 2], strides: [4294967296, 1] } }

// The same numbers read-only: in bounds on 32 bits, but another layout.
#[cfg(feature = "wrap_read_only")]
view_macros::strided_view! { pub Wrap: [u8; 4294967298] { shape: [2, 2], strides: [4294967296, 1] } }

// On 32 bits both members would reach element 0 of a 1-element buffer.
#[cfg(feature = "split_members")]
view_macros::strided_view! {
    pub mut A: [u8; 4294967297] { shape: [1] }
    pub mut B: [u8; 4294967297] { shape: [1], offset: 4294967296 }
    pub split S = (A, B);
}

// An offset that fits u32 but not the 2^31 - 1 a 32-bit isize allows. A
// buffer that holds it is longer than isize::MAX elements too, and the
// proof reports the buffer first (before the offset, as for every layout).
#[cfg(feature = "wide_offset")]
view_macros::strided_view! { pub Far: [u8; 3000000001] { shape: [1], offset: 3000000000 } }

// Every number fits 32 bits (2147483648 is 2^31), but the expression that
// computes it passes through 2^33, which a 32-bit `usize` cannot hold: rustc
// would reject it there, so the layout is rejected too.
#[cfg(feature = "computed")]
view_macros::strided_view! { pub Computed: [u8; 4] { shape: [4294967296 * 2 / 4 - 2147483644] } }

// A `u64` constant as a stride, converted exactly on the target: 2^32 does
// not fit a 32-bit isize (the same words as for a literal).
#[cfg(feature = "wide_constant")]
pub mod wide_constant {
    const STEP: u64 = 4294967296;
    view_macros::strided_view! { pub Wide: [u8; 4] { shape: [1], strides: [STEP] } }
}

// A derived item over a parent of another invocation: its list arguments
// are written as literals, which would wrap on a 32-bit target (4294967304
// as 8); view-core compares them with the numbers the macro read.
#[cfg(feature = "wrapped_list")]
pub mod wrapped_list {
    view_macros::strided_view! { pub mut P: [u8; 8] { shape: [8] } }
    view_macros::strided_view! { pub R = P.reshape([4294967304]); }
}

#[cfg(feature = "ordinary")]
pub mod ordinary {
    use view_macros::strided_view;

    strided_view! {
        pub mut Matrix: [u8; 12] { shape: [3, 4] }
        pub Transposed = Matrix.t();
        pub mut Left: [i16; 8] { shape: [4], strides: [2] }
        pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
        pub split Stereo = (Left, Right);
        /// Unique, decided by the macro's search (a certificate).
        pub mut Row9: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
        /// Large but within 32 bits.
        pub mut Big: [u8; 2000000000] { shape: [2, 1000000000], strides: [1000000000, 1] }
    }

    /// Uses every constructor, so that `cargo build` evaluates their checks.
    pub fn use_them(m: &mut [u8; 12], s: &mut [i16; 8], r: &mut [i64; 16]) -> u8 {
        let transposed = Transposed::of(Matrix::view_mut(m).into_view());
        let (mut left, right) = Stereo::split(s);
        left.fill(1);
        let _ = right;
        Row9::view_mut(r).fill(0);
        let _ = Big::try_view(&[]);
        transposed[[0, 0]]
    }
}
