// NumPy: basic slicing clamps bounds outside the axis without a word: on 12
// elements `a[2:20]` is `a[2:12]`, `a[12::-1]` starts at the last element and
// `a[:, -5:]` of a 3x4 array is `a[:, 0:]`. A typo in a bound goes unnoticed.
// Here a bound outside the axis is a compile error naming the bound and the extent.
// With a negative step, `-(n + 1)` is not clamped (it is -1, "before the first
// element": `a[2:-13:-1]` is `a[2::-1]`), but `-(n + 2)` is.
// Write instead: bounds inside the axis (`slice(0, 2..12)`, or leave the end out:
// `slice(0, 2..)`, `slice(0, .., -1)`); negative bounds count from the end as in NumPy.
use view_macros::strided_view;

strided_view! {
    Row: [i64; 12] { shape: [12] }
    Grid: [i64; 12] { shape: [3, 4] }
    PastEnd = Row.slice(0, 2..20);
    BackwardsFromPastEnd = Row.slice(0, 12.., -1);
    BeforeStart = Grid.slice(1, -5..);
    BackwardsBeforeStart = Row.slice(0, 2..-14, -1);
    Fine = Grid.slice(1, -4..);
    FineBackwards = Row.slice(0, 2..-13, -1);
}

fn main() {
    let _ = Fine::view(&[0i64; 12]);
    let _ = FineBackwards::view(&[0i64; 12]);
}
