// The inputs that made the macro panic on integer overflow in the layout
// algebra ("proc macro panicked", no span). Every operation now checks its
// arithmetic: each is either a layout (A, B, F to K, M: no output) or a
// spanned error at the operation.
#![allow(dead_code)]
view_macros::strided_view! {
    P: [u8; 4] { shape: [4] }
    A = P.slice(0, .., -9223372036854775808);
    Q: [u8; 4] { shape: [2, 2] }
    B = Q.diagonal(-9223372036854775808);
    R: [u8; 4611686018427387905] { shape: [2], strides: [4611686018427387904] }
    C = R.reshape([1, 2]);
    S: [u8; 4611686018427387906] { shape: [2, 2], strides: [1, 4611686018427387904] }
    D = S.reshape([4]);
    T: [u8; 1] { shape: [1], strides: [-9223372036854775808] }
    E = T.flip(0);
    U: [u8; 0] { shape: [9223372036854775808, 0] }
    F = U.flip(0);
    G = U.index(0, 1);
    H = U.diagonal(1);
    I = U.slice(0, 1.., 2);
    V: [u8; 0] { shape: [0, 9223372036854775808] }
    J = V.flip(1);
    K = V.index(1, -1);
    L = V.diagonal(-5);
    M = V.slice(1, ..-1, -3);
}

fn main() {}
