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
