//! A tour of strided-view: every example of the NumPy `as_strided` tutorial,
//! computed through views proven at compile time, then the layout algebra on
//! a small image, a stream of stereo samples of any length, and a layout
//! known only at run time. Run it with `cargo run --example tour`.

use strided_view::{contract, strided_view, zip, Chunk, DynLayout, DynView, Layout};

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

strided_view! {
    /// Interleaved stereo in blocks of 4 frames: the two channels of a block,
    /// proven disjoint.
    pub mut Left: [i16; 8] { shape: [4], strides: [2] }
    pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    pub split Stereo = (Left, Right);
}

fn main() -> Result<(), Box<dyn core::error::Error>> {
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
        "Every view here is one pointer: size_of_val(&view) = {} bytes.\n",
        core::mem::size_of_val(&Interior::of_mut(whole))
    );

    // A stream of stereo samples whose length is known only at run time: each
    // whole block through the split's static views, the tail through
    // run-time views of the same strides.
    let mut samples: Vec<i16> = (0..21).map(|s| 100 * s).collect();
    for chunk in Stereo::chunks_mut(&mut samples) {
        match chunk {
            Chunk::Block((mut left, mut right)) => {
                left.iter_mut().for_each(|s| *s /= 2); // left at half volume
                right.iter_mut().for_each(|s| *s = -*s); // right inverted
            }
            Chunk::Tail((mut left, mut right)) => {
                println!(
                    "A stream of {} samples: 2 blocks of 8, then a tail of {} left and {} right samples",
                    21,
                    left.len(),
                    right.len()
                );
                left.iter_mut().for_each(|s| *s /= 2);
                right.iter_mut().for_each(|s| *s = -*s);
            }
        }
    }
    println!("  processed: {samples:?}\n");

    // A layout known only at run time (a header says 5 x 6 with a row pitch
    // of 8): checked once, then indexed and sliced like a static one.
    let (height, width, pitch) = (5, 6, 8);
    let pixels: Vec<u8> = (0..40).collect();
    let frame = DynView::new(&pixels, DynLayout::new([height, width], [pitch, 1], 0, pixels.len())?)?;
    println!("A run-time {height}x{width} frame with a row pitch of {pitch}:\n{frame:?}\n");
    let interior = frame.slice(0, (1, -1))?.slice(1, (1, -1))?;
    println!("Its interior (slice(0, (1, -1)), slice(1, (1, -1))):\n{interior:?}\n");
    println!(
        "A run-time view is a pointer and 2 x rank words: size_of_val(&frame) = {} bytes.",
        core::mem::size_of_val(&frame)
    );
    let error = DynLayout::new([height, width], [pitch, 1], 0, 37).unwrap_err();
    println!("  and a layout that does not fit is an error value: {error}");
    Ok(())
}
