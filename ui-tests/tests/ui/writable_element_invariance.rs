// Writable views and what they hand out are invariant in the element type, as
// `&mut T` is: were `ViewMut<'a, &'static str, _>` a subtype of
// `ViewMut<'a, &'s str, _>`, a short-lived `&'s str` could be written into a
// buffer of `&'static str` and read back after it dangled.
use view_core::{
    AxisIterMut, DynIndexedIterMut, DynIterMut, DynViewMut, IndexedIterMut, IterMut, RowsMut, ViewMut, Zip,
};
use view_macros::strided_view;

strided_view! {
    mut M: [_; 12] { shape: [3, 4] }
}

fn view<'a, 's>(v: ViewMut<'a, &'static str, M>) -> ViewMut<'a, &'s str, M> {
    v
}
fn iter<'a, 's>(v: IterMut<'a, &'static str, M>) -> IterMut<'a, &'s str, M> {
    v
}
fn indexed<'a, 's>(v: IndexedIterMut<'a, &'static str, M>) -> IndexedIterMut<'a, &'s str, M> {
    v
}
fn rows<'a, 's>(v: RowsMut<'a, &'static str, M>) -> RowsMut<'a, &'s str, M> {
    v
}
fn axis<'a, 's>(v: AxisIterMut<'a, &'static str, M, 1>) -> AxisIterMut<'a, &'s str, M, 1> {
    v
}
fn zipped<'a, 's>(v: Zip<(ViewMut<'a, &'static str, M>,)>) -> Zip<(ViewMut<'a, &'s str, M>,)> {
    v
}
fn run_time<'a, 's>(v: DynViewMut<'a, &'static str, 2>) -> DynViewMut<'a, &'s str, 2> {
    v
}
fn run_time_iter<'a, 's>(v: DynIterMut<'a, &'static str, 2>) -> DynIterMut<'a, &'s str, 2> {
    v
}
fn run_time_indexed<'a, 's>(v: DynIndexedIterMut<'a, &'static str, 2>) -> DynIndexedIterMut<'a, &'s str, 2> {
    v
}

fn main() {}
