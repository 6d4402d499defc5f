// Found by the fuzz harness (view-macros/src/fuzz.rs): a split naming one
// member twice (a member always overlaps itself) and a split of no members.
// (NumPy has no split; `np.shares_memory(a, a)` is True.)
// Write instead: 2 to 8 distinct writable members, `split Pair = (Left, Right);`.
use view_macros::strided_view;

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    split Twice = (Left, Left);
    split Nobody = ();
}

fn main() {}
