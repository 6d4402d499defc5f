// The operands of `zip`, `map_into` and the compute functions are the
// library's views and borrows of them only: `Operand` is sealed, so no user
// type can promise elements it does not own, and a read-only view cannot be
// `map_into`'s output. A zip of writable operands is not `Clone`, so one
// writable traversal cannot be run twice.
use core::ptr::NonNull;
use view_core::shape::Shape1;
use view_core::{zip, Operand, View, ViewMut};
use view_macros::strided_view;

strided_view! {
    mut M: [i32; 4] { shape: [4] }
}

struct Fake;

impl Operand for Fake {
    type Elem = i32;
    type Item = &'static mut i32;
    type Shape = Shape1<4>;
    const STATIC_SHAPE: Option<&'static [usize]> = Some(&[4]);
    fn extents(&self) -> &[usize] {
        &[4]
    }
    fn steps(&self) -> &[isize] {
        &[1]
    }
    fn start(&self) -> usize {
        0
    }
    fn base_ptr(&self) -> NonNull<i32> {
        NonNull::dangling()
    }
    unsafe fn item(_: NonNull<i32>, _: usize) -> &'static mut i32 {
        loop {}
    }
}

fn read_only_output(source: View<'_, i32, M>, out: View<'_, i32, M>) {
    zip((source,)).map_into(out, |x| *x);
}

fn writable_zip_cloned(v: &mut ViewMut<'_, i32, M>) {
    let first = zip((&mut *v,));
    let second = first.clone();
    first.for_each(|x| *x = 1);
    second.for_each(|x| *x = 2);
}

fn main() {}
