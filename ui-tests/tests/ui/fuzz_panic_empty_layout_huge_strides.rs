// Found by the fuzz harness (view-macros/src/fuzz.rs, "panic at
// view-macros/src/prove.rs:687" and ":693", attempt to multiply with
// overflow), minimised. An empty layout (an extent 0) is accepted whatever its
// strides, but its trailing layouts for `subview` (`prove::trailing`) compute
// `|stride| * (extent - 1)` in usize: 9223372036854775807 * 3 overflows, for a
// positive stride (`above`) and a negative one (`below`), and the macro panics
// ("proc macro panicked"). Expected: no panic (the empty layouts are accepted,
// or rejected with a spanned message naming the layout).
// No .stderr yet: review it once the macro is fixed.
use view_macros::strided_view;

strided_view! {
    Empty: [u8; 1] { shape: [0, 4], strides: [1, 9223372036854775807] }
}

strided_view! {
    EmptyBackwards: [u8; 1] { shape: [0, 4], strides: [1, -9223372036854775807] }
}

fn main() {
    compile_error!("the layouts above must not panic the macro; this line keeps the case compile-fail");
}
