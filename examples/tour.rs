//! A tour of strided-view: every example of the NumPy `as_strided` tutorial,
//! computed through views proven at compile time, then the layout algebra on
//! a small image. Run it with `cargo run --example tour`.

use strided_view::{contract, strided_view, zip, Layout};

strided_view! {
    /// `x.shape = (4, 3)`: C-order strides, (24, 8) bytes.
    Matrix: [i64; 12] { shape: [4, 3] }
    /// `as_strided(x, shape=(4, 3), strides=(16, 16))`: overlapping rows.
    Overlapping: [i64; 12] { shape: [4, 3], byte_strides: [16, 16] }
    /// `np.ndarray(buffer=x.data, shape=(12,), strides=(-8,), offset=x.nbytes - x.itemsize)`
    Reversed: [i64; 12] { shape: [12], byte_strides: [-8], byte_offset: 88 }
    /// Example 1: the diagonal and anti-diagonal of a 4x4 matrix.
    Diagonal: [i64; 16] { shape: [4], strides: [5] }
    AntiDiagonal: [i64; 16] { shape: [4], strides: [3], offset: 3 }
    /// Example 2: broadcasting a (1, 4) row and a (6, 1) column to (6, 4).
    RowBroadcast: [i64; 4] { shape: [6, 4], strides: [0, 1] }
    ColumnBroadcast: [i64; 6] { shape: [6, 4], strides: [1, 0] }
    mut Sum6x4: [i64; 24] { shape: [6, 4] }
    /// Example 3: (3, 2, 2, 2) sliding windows, a 2x2 kernel, a 3x2 result.
    Windows: [i64; 12] { shape: [3, 2, 2, 2], byte_strides: [24, 8, 24, 8] }
    Kernel: [i64; 4] { shape: [2, 2] }
    mut Result3x2: [i64; 6] { shape: [3, 2] }
    /// The tutorial's repeated-element view, read-only here.
    Repeated: [i64; 2] { shape: [2, 8], strides: [1, 0] }
}

strided_view! {
    /// An 8x8 image, row-major.
    pub mut Image: [f32; 64] { shape: [8, 8] }
    /// Its interior: one pixel of margin removed on every side (writable).
    pub mut Interior = Image.slice(0, 1..-1).slice(1, 1..-1);
    /// Every 3x3 neighbourhood: shape [6, 6, 3, 3], one per interior pixel.
    pub Neighbourhoods = Image.windows([3, 3]);
    /// The image transposed, and flipped left to right.
    pub Transposed = Image.t();
    pub Mirrored = Image.flip(1);
    /// A 3x3 box filter kernel.
    pub Box3: [f32; 9] { shape: [3, 3] }
    /// The 6x6 filtered output.
    pub mut Filtered: [f32; 36] { shape: [6, 6] }
}

fn main() {
    let x: [i64; 12] = core::array::from_fn(|i| i as i64);
    println!("x = {:?}\n", x);
    println!("x.shape = (4, 3):\n{:?}\n", Matrix::view(&x));
    println!("strides (16, 16) bytes, rows overlap:\n{:?}\n", Overlapping::view(&x));
    println!(
        "reversed by stride -8 bytes, offset 88 bytes:\n{:?}\n",
        Reversed::view(&x)
    );

    let m: [i64; 16] = core::array::from_fn(|i| i as i64);
    println!(
        "Example 1, diagonal: {:?}, anti-diagonal: {:?}\n",
        Diagonal::view(&m),
        AntiDiagonal::view(&m)
    );

    let (row, column) = ([0i64, 1, 2, 3], [6i64, 7, 8, 9, 10, 11]);
    let mut sum = [0i64; 24];
    zip((RowBroadcast::view(&row), ColumnBroadcast::view(&column)))
        .map_into(&mut Sum6x4::view_mut(&mut sum), |a, b| a + b);
    println!(
        "Example 2, (1, 4) + (6, 1) through zero strides:\n{:?}",
        Sum6x4::view(&sum)
    );
    println!(
        "  the row view has SIZE {} but REQUIRED_SPAN {} (NumPy's nbytes would claim {} bytes)\n",
        RowBroadcast::SIZE,
        RowBroadcast::REQUIRED_SPAN,
        RowBroadcast::SIZE * 8
    );

    let mut result = [0i64; 6];
    contract(
        Windows::view(&x),
        Kernel::view(&[1, 0, 0, 1]),
        &mut Result3x2::view_mut(&mut result),
    );
    println!(
        "Example 3, windows . kernel summed over the window axes:\n{:?}\n",
        Result3x2::view(&result)
    );

    println!(
        "as_strided(y, (2, 8), (8, 0)), read-only:\n{:?}",
        Repeated::view(&[2, 5])
    );
    println!("  (declared `mut`, it would not compile: indices [0, 0] and [0, 1] both reach element 0)\n");

    let mut image: [f32; 64] = core::array::from_fn(|i| ((i * 37) % 17) as f32);
    println!("An 8x8 image:\n{:?}\n", Image::view(&image));
    let mut filtered = [0.0f32; 36];
    contract(
        Neighbourhoods::of(Image::view(&image)),
        Box3::view(&[1.0 / 9.0; 9]),
        &mut Filtered::view_mut(&mut filtered),
    );
    println!(
        "Its 3x3 box filter (6x6, from the [6, 6, 3, 3] windows view):\n{:.2?}\n",
        Filtered::view(&filtered)
    );
    println!("Transposed:\n{:?}\n", Transposed::of(Image::view(&image)));
    println!("Mirrored:\n{:?}\n", Mirrored::of(Image::view(&image)));
    let mut whole = Image::view_mut(&mut image);
    Interior::of_mut(whole.reborrow()).copy_from(Filtered::view(&filtered));
    println!("The filtered interior written back into the image:\n{:.2?}\n", whole);
    println!(
        "Every view here is one pointer: size_of_val(&view) = {} bytes.",
        core::mem::size_of_val(&Interior::of_mut(whole))
    );
}
