// Declaring a layout writable (`UniqueLayout`) is not proving it: a
// writable view is made only of a layout view-core proved unique.
use view_core::{Layout, UniqueLayout, ViewMut};

#[derive(Clone, Copy)]
struct Repeat;

impl Layout for Repeat {
    type Index = [usize; 1];
    type Shape = view_core::shape::AnyShape;
    const SHAPE: [usize; 1] = [2];
    const STRIDES: [isize; 1] = [0];
    const SHAPE_SLICE: &'static [usize] = &[2];
    const STRIDES_SLICE: &'static [isize] = &[0];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 1;
    const NAME: &'static str = "Repeat";
}

impl UniqueLayout for Repeat {}

fn main() {
    let mut buffer = [0u8; 1];
    let mut view = ViewMut::<_, Repeat>::try_from_slice(&mut buffer).unwrap();
    let mut both = view.iter_mut();
    let (a, b) = (both.next().unwrap(), both.next().unwrap());
    *a = 1;
    *b = 2;
}
