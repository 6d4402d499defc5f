//! The macro invoked where nothing is in scope implicitly: no standard
//! prelude, no extern prelude (only `::`-rooted crate paths resolve), no
//! `macro_use` prelude. Every name the expansion writes must be absolute or
//! come from the invocation.
#![no_implicit_prelude]

::sv::strided_view! {
    /// A 4x3 matrix and its transpose.
    pub Grid: [i64; 12] { shape: [4, 3] }
    pub Transposed = Grid.t();
    /// Certified unique (not nested), writable.
    pub mut Row9: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    pub mut Even: [u8; 8] { shape: [4], strides: [2] }
    pub mut Odd: [u8; 8] { shape: [4], strides: [2], offset: 1 }
    pub split Halves = (Even, Odd);
    /// Named constants and byte strides, proven in const evaluation; the
    /// `usize` constant as a byte stride and offset is converted exactly.
    pub Deferred: [u32; LEN] { shape: [LEN / 2], byte_strides: [LEN], byte_offset: LEN / 2 }
    pub mut Any: [_; LEN] { shape: [LEN] }
}

/// The length of [`Deferred`]'s buffer.
pub const LEN: ::core::primitive::usize = 8;

/// Uses every layout of the module: `Grid[[3, 2]]`, `Transposed[[2, 3]]`,
/// the Row9 buffer after writing 1.. through it, the halves after a split,
/// the sum of `Deferred` over `0..8`, and the buffer `Any` wrote.
pub fn use_all() -> (
    i64,
    i64,
    [i64; 16],
    [u8; 8],
    ::core::primitive::u32,
    [::core::primitive::u16; 8],
) {
    let x: [i64; 12] = ::core::array::from_fn(|i| i as i64);
    let g = Grid::view(&x)[[3, 2]];
    let t = Transposed::of(Grid::view(&x))[[2, 3]];
    let mut nine = [0i64; 16];
    let mut row9 = Row9::view_mut(&mut nine);
    let mut k = 0;
    for x in row9.iter_mut() {
        k += 1;
        *x = k;
    }
    let mut halves = [0u8; 8];
    let (mut even, mut odd) = Halves::split(&mut halves);
    even.fill(2);
    odd[[3]] = 9;
    let y: [::core::primitive::u32; 8] = ::core::array::from_fn(|i| i as ::core::primitive::u32);
    let sum = Deferred::view(&y).sum();
    let mut any = [0u16; 8];
    Any::view_mut(&mut any).fill(5);
    (g, t, nine, halves, sum, any)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bare_layouts() {
        let (g, t, nine, halves, sum, any) = super::use_all();
        ::core::assert_eq!(g, 11);
        ::core::assert_eq!(t, 11);
        ::core::assert_eq!(nine, [1, 0, 0, 5, 0, 3, 0, 2, 7, 0, 6, 0, 4, 0, 0, 8]);
        ::core::assert_eq!(halves, [2, 0, 2, 0, 2, 0, 2, 9]);
        // Elements 1, 3, 5, 7 (byte offset 4, byte stride 8 over u32).
        ::core::assert_eq!(sum, 16);
        ::core::assert_eq!(any, [5; 8]);
    }
}
