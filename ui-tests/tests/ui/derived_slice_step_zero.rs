// NumPy: `a[::0]` raises `ValueError: slice step cannot be zero` at run time.
// Here the step 0 is a compile error.
// Write instead: a non-zero step, `slice(0, .., 1)` (or leave the step out),
// `slice(0, .., -1)` to reverse; a repeated element is `broadcast_to`'s job.
use view_macros::strided_view;

strided_view! {
    Row: [i64; 12] { shape: [12] }
    Stuck = Row.slice(0, .., 0);
}

fn main() {}
