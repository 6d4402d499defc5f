// The algebra on a parent written with named constants runs in const
// evaluation, and `cargo check` reports its failure at the operation, with
// the witness.
use view_macros::strided_view;

const H: usize = 3;

strided_view! {
    pub Img: [u8; 4 * H] { shape: [H, 4] }
    pub Last = Img.index(0, H as isize);
}

fn main() {}
