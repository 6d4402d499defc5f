// A writable element must have one live `&mut` at a time, so no operation may
// see one writable view twice, or a view both as writable and as read-only:
// `zip`'s operands, `map_into`'s output, and the sources of `copy_from` and
// `dot` are borrows (or moves) of whole views, and the borrow checker refuses
// each way of passing one view twice. Items handed out by a traversal keep
// the view borrowed for as long as they live. Each function is one attempt.
use view_core::{zip, DynLayout, DynViewMut, ViewMut};
use view_macros::strided_view;

strided_view! {
    mut M: [i32; 12] { shape: [3, 4] }
    mut N: [i32; 12] { shape: [3, 4] }
}

fn twice_writable(v: &mut ViewMut<'_, i32, M>) {
    zip((&mut *v, &mut *v)).for_each(|a, b| {
        *a = 1;
        *b = 2;
    });
}

fn writable_and_read_only(v: &mut ViewMut<'_, i32, M>) {
    zip((&mut *v, &*v)).for_each(|a, b| *a = *b);
}

fn output_among_the_operands(v: &mut ViewMut<'_, i32, M>) {
    zip((&*v,)).map_into(&mut *v, |x| *x + 1);
}

fn output_through_as_view(v: &mut ViewMut<'_, i32, M>) {
    let w = v.as_view();
    zip((w,)).map_into(&mut *v, |x| *x + 1);
}

fn two_reborrows(v: &mut ViewMut<'_, i32, M>) {
    let a = v.reborrow();
    let b = v.reborrow();
    zip((a, b)).for_each(|x, y| *x = *y);
}

fn map_into_itself(v: &mut ViewMut<'_, i32, M>) {
    v.map_into(&mut *v, |x| *x + 1);
}

fn dot_with_itself(v: &mut ViewMut<'_, i32, M>) -> i32 {
    v.dot(&mut *v)
}

fn copy_from_itself(v: &mut ViewMut<'_, i32, M>) {
    v.copy_from(&*v);
}

fn run_time_copy_from_itself(buffer: &mut [i32; 12]) {
    let layout = DynLayout::new([3, 4], [4, 1], 0, 12).unwrap().writable().unwrap();
    let mut v = DynViewMut::new(buffer, layout).unwrap();
    v.copy_from(&v);
    v.map_into(&mut v, |x| *x);
}

fn items_kept_across_a_second_traversal(v: &mut ViewMut<'_, i32, M>) {
    let mut first: Vec<&mut i32> = zip((&mut *v,)).fold(Vec::new(), |mut all, x| {
        all.push(x);
        all
    });
    let mut second: Vec<&mut i32> = zip((&mut *v,)).fold(Vec::new(), |mut all, x| {
        all.push(x);
        all
    });
    *first[0] = 1;
    *second[0] = 2;
}

fn read_items_kept_across_a_write(v: &mut ViewMut<'_, i32, M>) {
    let read: Vec<&i32> = zip((&*v,)).fold(Vec::new(), |mut all, x| {
        all.push(x);
        all
    });
    v.fill(3);
    println!("{}", read[0]);
}

fn operand_items_stored_in_the_output(source: &mut ViewMut<'_, i32, M>) {
    let mut slots: [Option<&mut i32>; 12] = Default::default();
    zip((&mut *source,)).map_into(ViewMut::<Option<&mut i32>, N>::from_array(&mut slots), Some);
    source.fill(1);
    drop(slots);
}

fn main() {}
