// `Layout` is safe to implement: nothing in it is trusted. A layout written
// by hand that reaches element 12 of a 12-element buffer cannot be viewed.
use view_core::{Layout, View};

#[derive(Clone, Copy)]
struct TooHigh;

impl Layout for TooHigh {
    type Index = [usize; 2];
    type Shape = view_core::shape::AnyShape;
    const SHAPE: [usize; 2] = [4, 3];
    const STRIDES: [isize; 2] = [3, 2];
    const SHAPE_SLICE: &'static [usize] = &[4, 3];
    const STRIDES_SLICE: &'static [isize] = &[3, 2];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 12;
    const NAME: &'static str = "TooHigh";
}

fn main() {
    let buffer = [0i64; 12];
    let view = View::<_, TooHigh>::from_array(&buffer);
    let _ = view.get([3, 2]);
}
