// A derivation is re-applied by view-core: operations that do not make the
// derived layout's numbers from its parent's are refused. Here `Wide`
// claims to be `Evens` transposed, but reaches the odd elements too, which a
// writable view of `Evens` (a split member) does not own.
use view_core::__private::Op;
use view_core::{DerivedFrom, Layout, UniqueLayout};
use view_macros::strided_view;

strided_view! {
    mut Evens: [u8; 8] { shape: [4], strides: [2] }
}

#[derive(Clone, Copy)]
struct Wide;

impl Layout for Wide {
    type Index = [usize; 1];
    type Shape = view_core::shape::AnyShape;
    const SHAPE: [usize; 1] = [8];
    const STRIDES: [isize; 1] = [1];
    const SHAPE_SLICE: &'static [usize] = &[8];
    const STRIDES_SLICE: &'static [isize] = &[1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 8;
    const NAME: &'static str = "Wide";
}

impl UniqueLayout for Wide {}

impl DerivedFrom<Evens> for Wide {
    const OPS: &'static [Op<'static>] = &[Op::T];
}

fn main() {
    let mut buffer = [0u8; 8];
    let evens = Evens::view_mut(&mut buffer);
    let mut wide = evens.derive_mut::<Wide>();
    wide.fill(1);
}
