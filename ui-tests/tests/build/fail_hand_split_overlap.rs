// A split written by hand is proven like the macro's: members that share an
// element cannot be split off together.
use view_core::{split_array, Partition};
use view_macros::strided_view;

strided_view! {
    mut Evens: [u8; 8] { shape: [4], strides: [2] }
    mut FirstHalf: [u8; 8] { shape: [4] }
}

struct Overlapping;

impl Partition for Overlapping {
    type Members = (Evens, FirstHalf);
    const BUFFER_LEN: usize = 8;
    const NAME: &'static str = "Overlapping";
}

fn main() {
    let mut buffer = [0u8; 8];
    let (mut evens, mut first) = split_array::<Overlapping, _, 8>(&mut buffer);
    evens.fill(1);
    first.fill(2);
}
