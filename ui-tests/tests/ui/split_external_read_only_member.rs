// A split of layouts declared in another invocation (or module): the macro
// cannot see whether they are `mut`, so the compiler reports a read-only
// member where the split is declared, with the same advice as for a local one.
// Write instead: `pub mut Right: [i16; 8] { .. }` in `channels`.
use view_macros::strided_view;

mod channels {
    view_macros::strided_view! {
        pub mut Left: [i16; 8] { shape: [4], strides: [2] }
        pub Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    }
}

strided_view! {
    split Stereo = (channels::Left, channels::Right);
}

fn main() {
    let mut samples = [0i16; 8];
    let _ = Stereo::split(&mut samples);
}
