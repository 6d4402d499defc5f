//! A user of the strided-view facade, as strict as a user gets: `no_std`,
//! `forbid(unsafe_code)` (the expansion's certificate is `unsafe`),
//! `deny(warnings)`, and the dependency renamed (`sv`), with neither
//! `view-core` nor `view-macros` nor `strided_view` in its dependencies.
//! Layouts of every kind are declared at the root, in a module, and in a
//! module under `no_implicit_prelude` (`bare`); the functions below use
//! them, and the tests (`tests/use.rs` and the unit tests) check the values.
#![no_std]
#![forbid(unsafe_code)]
#![deny(warnings)]

pub mod bare;

use sv::{Layout, View, ViewMut};

sv::strided_view! {
    /// Main diagonal of a row-major 4x4 matrix.
    pub Diagonal: [_; 16] { shape: [4], strides: [5] }
    /// A 3x4 matrix, writable.
    pub mut Matrix: [i64; 12] { shape: [3, 4] }
    /// Its transpose, and its interior, writable.
    pub Transposed = Matrix.t();
    pub mut Inner = Matrix.slice(0, 1..-1).slice(1, 1..-1);
    /// Unique but not nested: the macro's search decides it and hands the
    /// verdict to view-core as a certificate, `unsafe { Certificate::new(..) }`.
    pub mut Row9: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    /// Interleaved stereo.
    pub mut Left: [i16; 8] { shape: [4], strides: [2] }
    pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    pub split Stereo = (Left, Right);
    /// Named constants, proven in const evaluation.
    pub Deferred: [i64; N] { shape: [N / 4, 4] }
}

/// The length of [`Deferred`]'s buffer.
pub const N: usize = 12;

/// Layouts declared in a module, the macro invoked through `use`.
pub mod nested {
    use sv::strided_view;

    strided_view! {
        /// The 12 elements backwards: NumPy's strides=(-8,), offset=88 bytes.
        pub Reversed: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88 }
        /// A 4x4 image and its rows flipped, writable.
        pub mut Square: [u8; 16] { shape: [4, 4] }
        pub mut Flipped = Square.flip(1);
        /// Three disjoint planes.
        pub mut A: [u8; 9] { shape: [3], strides: [3] }
        pub mut B: [u8; 9] { shape: [3], strides: [3], offset: 1 }
        pub mut C: [u8; 9] { shape: [3], strides: [3], offset: 2 }
        pub split Planes = (A, B, C);
        /// Windows: overlapping, so read-only.
        pub Windows = Square.windows([2, 2]);
    }
}

/// The sum of the diagonal of a 4x4 matrix of `0..16`.
pub fn diagonal_sum() -> i32 {
    let m: [i32; 16] = core::array::from_fn(|i| i as i32);
    let d: View<'_, i32, Diagonal> = Diagonal::view(&m);
    d.iter().sum()
}

/// Writes through `Matrix`, `Inner` and `Row9`; reads through `Transposed`
/// and `Deferred`. Returns the matrix, `Transposed[[3, 0]]`, the sum of
/// `Deferred`, and the Row9 buffer.
pub fn matrix() -> ([i64; 12], i64, i64, [i64; 16]) {
    let mut buf = [0i64; 12];
    {
        let mut m: ViewMut<'_, i64, Matrix> = Matrix::view_mut(&mut buf);
        m[[0, 3]] = 3;
        let mut inner = Inner::of_mut(m);
        inner.fill(7);
    }
    let t = Transposed::of(Matrix::view(&buf))[[3, 0]];
    let deferred: i64 = Deferred::view(&buf).iter().sum();
    let mut nine = [0i64; 16];
    let mut row9 = Row9::view_mut(&mut nine);
    for (k, x) in row9.iter_mut().enumerate() {
        *x = k as i64 + 1;
    }
    const { assert!(<Row9 as Layout>::IS_UNIQUE) };
    (buf, t, deferred, nine)
}

/// Splits a stereo buffer and fills the channels with 1 and -1.
pub fn stereo() -> [i16; 8] {
    let mut samples = [0i16; 8];
    let (mut left, mut right) = Stereo::split(&mut samples);
    left.fill(1);
    right.fill(-1);
    samples
}

/// The module's layouts: `Reversed[[0]]`, the flipped square's first row
/// after writing 0..16 through `Flipped`, the planes after a split, and the
/// sum of the first 2x2 window.
pub fn nested() -> (i64, [u8; 4], [u8; 9], u32) {
    use nested::{Flipped, Planes, Reversed, Square, Windows};
    let x: [i64; 12] = core::array::from_fn(|i| i as i64);
    let first = Reversed::view(&x)[[0]];
    let mut square = [0u8; 16];
    let mut flipped = Flipped::of_mut(Square::view_mut(&mut square));
    for (k, v) in flipped.iter_mut().enumerate() {
        *v = k as u8;
    }
    let row = [square[0], square[1], square[2], square[3]];
    let mut planes = [0u8; 9];
    let (mut a, mut b, mut c) = Planes::split(&mut planes);
    a.fill(1);
    b.fill(2);
    c.fill(3);
    let window = Windows::of(Square::view(&square));
    let sum = window
        .subview([0, 0])
        .map_or(0, |w| w.iter().map(|&v| u32::from(v)).sum());
    (first, row, planes, sum)
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_layouts() {
        assert_eq!(super::diagonal_sum(), 30);
        assert_eq!(super::stereo(), [1, -1, 1, -1, 1, -1, 1, -1]);
    }
}
