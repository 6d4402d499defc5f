//! The layouts of the `views` kernels, each proven at compile time.
//!
//! A file of its own so that `tests/no_panic.rs` can compile it into the
//! test crate (see there).

use view_macros::strided_view;

strided_view! {
    /// Kernel 1: channel 0 of three interleaved channels.
    pub EveryThird: [f32; 12288] { shape: [4096], strides: [3] }

    /// Kernel 2: a row-major 64x64 matrix...
    pub Square: [f64; 4096] { shape: [64, 64] }
    /// ... and its main diagonal (strides `[65]`).
    pub Diagonal = Square.diagonal();

    /// Kernel 3: 4096 elements backwards.
    pub Reversed: [f32; 4096] { shape: [4096], strides: [-1], offset: 4095 }
    /// Kernel 3: the output, in order.
    pub mut Forward: [f32; 4096] { shape: [4096] }

    /// Kernel 4: the row, repeated down every row of the output (strides `[0, 1]`).
    pub Row: [f32; 256] { shape: [256, 256], strides: [0, 1] }
    /// Kernel 4: the column, repeated across every column (strides `[1, 0]`).
    pub Column: [f32; 256] { shape: [256, 256], strides: [1, 0] }
    /// Kernel 4: the output, row-major.
    pub mut Plane: [f32; 65536] { shape: [256, 256] }

    /// Kernel 5: the image, row-major...
    pub Image: [f32; 16384] { shape: [128, 128] }
    /// ... its 3x3 sliding windows, shape `[126, 126, 3, 3]`, strides `[128, 1, 128, 1]`.
    pub Windows = Image.windows([3, 3]);
    /// Kernel 5: the filter.
    pub Filter: [f32; 9] { shape: [3, 3] }
    /// Kernel 5: the output, row-major.
    pub mut Filtered: [f32; 15876] { shape: [126, 126] }

    /// Kernel 6: a row-major 64x64 matrix...
    pub Matrix: [f32; 4096] { shape: [64, 64] }
    /// ... and its transpose (strides `[1, 64]`).
    pub Transposed = Matrix.t();
    /// Kernel 6: the output, row-major.
    pub mut MatrixOut: [f32; 4096] { shape: [64, 64] }

    /// Kernel 7: the left channel, even samples.
    pub mut Left: [i16; 2048] { shape: [1024], strides: [2] }
    /// Kernel 7: the right channel, odd samples.
    pub mut Right: [i16; 2048] { shape: [1024], strides: [2], offset: 1 }
    /// Kernel 7: both channels, proven disjoint.
    pub split Stereo = (Left, Right);
}

strided_view! {
    /// Iteration i1: channel 0 of three interleaved channels (rank 1, stride 3), writable.
    pub mut Strided1: [f32; 12288] { shape: [4096], strides: [3] }
    /// Iteration i2, i9 - i11: the 254 x 254 interior of a row-major 256 x 256 image.
    pub mut Interior2: [f32; 65536] { shape: [254, 254], strides: [256, 1], offset: 257 }
    /// Iteration i3: a 256 x 256 matrix in column order (the transpose of a row-major one).
    pub mut ColumnOrder: [f32; 65536] { shape: [256, 256], strides: [1, 256] }
    /// Iteration i4: the 30 x 30 x 30 interior of a 32 x 32 x 32 block.
    pub mut Interior3: [f32; 32768] { shape: [30, 30, 30], strides: [1024, 32, 1], offset: 1057 }
    /// Iteration i5: the 14^4 interior of a 16^4 block.
    pub mut Interior4: [f32; 65536] { shape: [14, 14, 14, 14], strides: [4096, 256, 16, 1], offset: 4369 }
    /// Iteration i6: the 254 x 254 interior of a 256 x 256 image, both axes reversed.
    pub mut Flipped2: [f32; 65536] { shape: [254, 254], strides: [-256, -1], offset: 65278 }
}
