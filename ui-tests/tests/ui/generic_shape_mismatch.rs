// Shapes of generic layouts are types too: in a function generic over the
// size, `Gray<W, H>` and its transpose have the shapes `Shape2<H, W>` and
// `Shape2<W, H>`, so walking them together is a `cargo check` error at the
// call, for every `W` and `H` (even the square ones, where the shapes agree:
// the type checker does not know that `W == H`).
use view_core::zip;
use view_macros::strided_view;

strided_view! {
    pub mut Gray<const W: usize, const H: usize>: [_; W * H] { shape: [H, W] }
    pub GrayT<const W: usize, const H: usize> = Gray<W, H>.t();
}

fn add_transpose<const W: usize, const H: usize>(image: &mut [f32]) {
    let mut gray = Gray::<W, H>::try_view_mut(image).unwrap();
    let t = GrayT::<W, H>::of(gray.as_view());
    zip((&mut gray, t)).for_each(|g, &t| *g += t);
}

fn main() {
    let mut image = [0.0f32; 16];
    add_transpose::<4, 4>(&mut image);
}
