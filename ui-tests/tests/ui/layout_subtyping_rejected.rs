// Two layout types can be subtypes of each other while their `Layout` impls
// differ: `G<for<'x> fn(&'x ())>` is a subtype of `G<fn(&'static ())>`. Views
// are invariant in their layout, so subtyping cannot turn a checked view of
// the first into a view of the second (whose numbers nobody checked).
use core::marker::PhantomData;
use view_core::shape::AnyShape;
use view_core::{Layout, UniqueLayout, ViewMut};

pub struct G<T>(PhantomData<T>);
impl<T> Clone for G<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for G<T> {}

type Small = G<for<'x> fn(&'x ())>;
type Big = G<fn(&'static ())>;

impl Layout for Small {
    type Index = [usize; 1];
    type Shape = AnyShape;
    const SHAPE: [usize; 1] = [1];
    const STRIDES: [isize; 1] = [1];
    const SHAPE_SLICE: &'static [usize] = &[1];
    const STRIDES_SLICE: &'static [isize] = &[1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 1;
}
impl UniqueLayout for Small {}

#[allow(coherence_leak_check)]
impl Layout for Big {
    type Index = [usize; 1];
    type Shape = AnyShape;
    const SHAPE: [usize; 1] = [1000];
    const STRIDES: [isize; 1] = [1];
    const SHAPE_SLICE: &'static [usize] = &[1000];
    const STRIDES_SLICE: &'static [isize] = &[1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 1000;
}
#[allow(coherence_leak_check)]
impl UniqueLayout for Big {}

fn widen<'a>(v: ViewMut<'a, u8, Small>) -> ViewMut<'a, u8, Big> {
    v
}

fn main() {
    let mut one = [0u8; 1];
    let mut big = widen(ViewMut::from_array(&mut one));
    big[999] = 42;
}
