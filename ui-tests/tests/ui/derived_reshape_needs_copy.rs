// NumPy: `a.reshape(..)` silently returns a COPY when the elements are not
// C-contiguous along the merged axes (`np.shares_memory(a, a.reshape(..))` is
// False): writes to the result then never reach `a`. These are the reshapes of
// tests/algebra_numpy.rs's `numpy_refuses!` table, each a copy in NumPy 2.4.6;
// a layout is a view, so each is a compile error (one per item, in one pass).
// Write instead: reshape before transposing/flipping/slicing where the order
// allows (`M34.reshape([12])`, `M34.reshape([2, 6])`), split axes only
// (`M34.t().reshape([2, 2, 3])`), or copy the elements into a buffer of their
// own and declare a layout over it.
use view_macros::strided_view;

strided_view! {
    V12: [i64; 12] { shape: [12] }
    M34: [i64; 12] { shape: [3, 4] }
    T234: [i64; 24] { shape: [2, 3, 4] }
    Padded: [i64; 18] { shape: [3, 5], strides: [6, 1], offset: 1 }
    Row4: [i64; 4] { shape: [4] }
    // a.T.reshape(12)
    TransposeTo1d = M34.t().reshape([12]);
    // a.T.reshape(2, 6)
    TransposeTo2x6 = M34.t().reshape([2, 6]);
    // np.flip(a, 0).reshape(12)
    FlipRowsTo1d = M34.flip(0).reshape([12]);
    // np.flip(a, 1).reshape(12)
    FlipColsTo1d = M34.flip(1).reshape([12]);
    // np.flip(a, 1).reshape(6, 2)
    FlipColsTo6x2 = M34.flip(1).reshape([6, 2]);
    // a[::2].reshape(8)
    EveryOtherRowTo1d = M34.slice(0, .., 2).reshape([8]);
    // a[:, 1:3].reshape(6)
    InnerColsTo1d = M34.slice(1, 1..3).reshape([6]);
    // a[:, :, 1:3].reshape(12)
    InnerTo1d = T234.slice(2, 1..3).reshape([12]);
    // np.transpose(a, (1, 0, 2)).reshape(6, 4)
    PermutedMerge = T234.permute([1, 0, 2]).reshape([6, 4]);
    // a.reshape(15) of rows padded to 6
    PaddedTo1d = Padded.reshape([15]);
    // np.broadcast_to(a, (3, 4)).reshape(12)
    BroadcastTo1d = Row4.broadcast_to([3, 4]).reshape([12]);
    // sliding_window_view(a, 3).reshape(30)
    WindowsTo1d = V12.windows([3]).reshape([30]);
    // sliding_window_view(a, (2, 2)).reshape(6, 4)
    WindowsTo6x4 = M34.windows([2, 2]).reshape([6, 4]);
    // The same operands, reshaped the way NumPy keeps a view: accepted.
    SplitOnly = M34.t().reshape([2, 2, 3]);
    BothFlipped = M34.flip(0).flip(1).reshape([12]);
}

fn main() {
    let x = [0i64; 12];
    let _ = SplitOnly::view(&x);
    let _ = BothFlipped::view(&x);
}
