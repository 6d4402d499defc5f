//! ndarray views built from run-time numbers ([`Dims`]), as its users build
//! them from data: `ArrayView::from_shape(shape.strides(strides),
//! &slice[lowest..])` with the magnitudes of the strides, then `invert_axis`
//! for the axes of negative stride (which `from_shape` rejects). Shared by
//! the run-time kernels ([`dynamic`](crate::dynamic)) and the iteration
//! benchmarks ([`iter_ndarray`](crate::iter_ndarray)).

use ndarray::{ArrayView, ArrayViewMut, Axis, Dim, Dimension, IntoDimension, ShapeBuilder};

use crate::Dims;

/// The ndarray view of `x` through `d`.
pub fn view<'a, const R: usize>(x: &'a [f32], d: &Dims<R>) -> ArrayView<'a, f32, Dim<[usize; R]>>
where
    [usize; R]: IntoDimension<Dim = Dim<[usize; R]>>,
    Dim<[usize; R]>: Dimension,
{
    let shape = Dim(d.shape).strides(Dim(d.strides.map(|s| s.unsigned_abs())));
    let mut v = ArrayView::from_shape(shape, &x[d.lowest()..]).expect("fits");
    for (axis, &s) in d.strides.iter().enumerate() {
        if s < 0 {
            v.invert_axis(Axis(axis));
        }
    }
    v
}

/// The writable ndarray view of `x` through `d`.
pub fn view_mut<'a, const R: usize>(x: &'a mut [f32], d: &Dims<R>) -> ArrayViewMut<'a, f32, Dim<[usize; R]>>
where
    [usize; R]: IntoDimension<Dim = Dim<[usize; R]>>,
    Dim<[usize; R]>: Dimension,
{
    let shape = Dim(d.shape).strides(Dim(d.strides.map(|s| s.unsigned_abs())));
    let mut v = ArrayViewMut::from_shape(shape, &mut x[d.lowest()..]).expect("fits");
    for (axis, &s) in d.strides.iter().enumerate() {
        if s < 0 {
            v.invert_axis(Axis(axis));
        }
    }
    v
}
