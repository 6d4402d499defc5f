//! The optional bridges, against brute-force enumeration (`tests/common`):
//! `ndarray` (views to `ArrayView` / `ArrayViewMut` and back: C and column
//! order, negative strides, zero strides of read-only views, rank 0, empty
//! layouts, split members, the dynamic dimension, every mismatch) and
//! `alloc` (`to_vec`). Run with `cargo test -p strided-view --features
//! ndarray,alloc` (`.ci/run` does); without the features this file is empty.
//! `defmt` is build-tested for `thumbv7em-none-eabihf` in `.ci/run`.

#![cfg(any(feature = "ndarray", feature = "alloc"))]

mod common;

use common::{elements_of, indices};
use strided_view::{strided_view, Layout, View, ViewMut};

strided_view! {
    /// C order.
    pub mut Matrix: [i64; 12] { shape: [3, 4] }
    /// Column order (Fortran), derived.
    pub mut Transposed = Matrix.t();
    /// Column order, declared: what ndarray's `(3, 4).f()` makes.
    pub mut ColumnMajor: [i64; 12] { shape: [3, 4], strides: [1, 3] }
    /// Both axes reversed.
    pub mut Reversed: [i64; 20] { shape: [4, 5], strides: [-5, -1], offset: 19 }
    /// The 12 elements backwards (ndarray's `s![..;-1]` of 12).
    pub mut Backwards: [i64; 12] { shape: [12], strides: [-1], offset: 11 }
    /// Mixed signs, a gap (element 2 is not reached).
    pub Mixed: [i64; 5] { shape: [2, 2], strides: [3, -1], offset: 1 }
    /// Unique but not nested.
    pub mut Skew: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    /// The 6 x 6 interior of an 8 x 8 image: not based at its lowest element.
    pub mut Interior: [i64; 64] { shape: [6, 6], strides: [8, 1], offset: 9 }
    /// A broadcast row: read-only.
    pub Broadcast: [i64; 4] { shape: [3, 4], strides: [0, 1] }
    /// A broadcast element, backwards into nothing.
    pub Repeated: [i64; 10] { shape: [5], strides: [0], offset: 9 }
    /// Rank 0.
    pub Scalar: [i64; 3] { shape: [], strides: [], offset: 2 }
    /// Empty, with strides that would reach far.
    pub Empty: [i64; 10] { shape: [0, 5], strides: [1000, -1000], offset: 10 }
    /// Empty, based at 0.
    pub EmptyAtZero: [i64; 4] { shape: [3, 0], strides: [10, 1] }
    /// An axis of extent 1 with a stride no C order would give it.
    pub OddUnitStride: [i64; 4] { shape: [1, 4], strides: [7, 1] }
    /// Rank 7: beyond ndarray's fixed dimensions.
    pub mut Seven: [i64; 128] { shape: [2, 2, 2, 2, 2, 2, 2], strides: [-64, 32, 16, 8, 4, 2, 1], offset: 64 }
    /// Interleaved stereo.
    pub mut Left: [i64; 8] { shape: [4], strides: [2] }
    pub mut Right: [i64; 8] { shape: [4], strides: [2], offset: 1 }
    pub split Stereo = (Left, Right);
}

/// A buffer whose element `e` holds `100 + e`.
fn numbered(len: usize) -> Vec<i64> {
    (0..len as i64).map(|e| 100 + e).collect()
}

/// What a view of `L` over [`numbered`] reads, in C order (brute force).
fn expected<L: Layout>() -> Vec<i64> {
    elements_of::<L>().into_iter().map(|e| 100 + e as i64).collect()
}

#[cfg(feature = "ndarray")]
mod nd {
    use super::*;
    use ndarray::{s, Array1, Array2, ArrayView, ArrayViewMut, IxDyn, ShapeBuilder};
    use strided_view::NdarrayMismatch;

    /// Every index of `L` through the ndarray view reads the element brute
    /// force says; shape and strides (of the axes that move) are `L`'s.
    fn check_array<L: Layout, D: ndarray::Dimension>(array: &ArrayView<'_, i64, D>) {
        assert_eq!(array.shape(), L::SHAPE_SLICE, "shape");
        if L::SIZE > 0 {
            for (k, (&n, &s)) in L::SHAPE_SLICE.iter().zip(L::STRIDES_SLICE).enumerate() {
                if n > 1 {
                    assert_eq!(array.strides()[k], s, "stride of axis {k}");
                }
            }
        }
        let want = expected::<L>();
        let dynamic = array.view().into_dyn();
        for (index, &value) in indices(L::SHAPE_SLICE).iter().zip(&want) {
            assert_eq!(dynamic[IxDyn(index)], value, "index {index:?}");
        }
        // ndarray's own iteration is in logical C order too.
        assert_eq!(array.iter().copied().collect::<Vec<_>>(), want);
    }

    /// View -> ArrayView (fixed rank and dynamic) -> View again, read-only.
    fn round_trip<L: Layout>()
    where
        L::Index: strided_view::NdarrayDim,
    {
        let data = numbered(L::BUFFER_LEN);
        let view = View::<i64, L>::try_from_slice(&data).unwrap();
        let array = view.into_ndarray();
        check_array::<L, _>(&array);
        check_array::<L, _>(&view.into_ndarray_dyn());
        let from: ArrayView<'_, i64, _> = view.into();
        check_array::<L, _>(&from);
        // Back: only layouts based at their lowest element can (checked at
        // compile time); see `from_ndarray_*` for those.
        let _ = array;
    }

    #[test]
    fn views_become_arrays_with_their_shape_strides_and_elements() {
        round_trip::<Matrix>();
        round_trip::<Transposed>();
        round_trip::<ColumnMajor>();
        round_trip::<Reversed>();
        round_trip::<Backwards>();
        round_trip::<Mixed>();
        round_trip::<Skew>();
        round_trip::<Interior>();
        round_trip::<Broadcast>();
        round_trip::<Repeated>();
        round_trip::<Scalar>();
        round_trip::<Empty>();
        round_trip::<EmptyAtZero>();
        round_trip::<OddUnitStride>();
    }

    #[test]
    fn negative_strides_keep_their_sign() {
        let data = numbered(20);
        let array = Reversed::view(data.as_slice().try_into().unwrap()).into_ndarray();
        assert_eq!(array.strides(), &[-5, -1]);
        assert_eq!(array[[0, 0]], 119);
        assert_eq!(array[[3, 4]], 100);
        // ndarray's pointer is the element of index [0, 0].
        assert_eq!(array.as_ptr(), &data[19] as *const i64);
    }

    #[test]
    fn zero_strides_of_read_only_views() {
        let data = numbered(4);
        let array = Broadcast::view(data.as_slice().try_into().unwrap()).into_ndarray();
        assert_eq!(array.strides(), &[0, 1]);
        assert_eq!(array.row(2).to_vec(), vec![100, 101, 102, 103]);
        let data = numbered(10);
        let array = Repeated::view(data.as_slice().try_into().unwrap()).into_ndarray();
        assert_eq!(array.strides(), &[0]);
        assert_eq!(array.to_vec(), vec![109; 5]);
    }

    #[test]
    fn empty_views_become_empty_arrays() {
        let data = numbered(10);
        let array = Empty::view(data.as_slice().try_into().unwrap()).into_ndarray();
        assert_eq!(array.shape(), &[0, 5]);
        assert_eq!(array.iter().count(), 0);
        // ndarray's convention for empty shapes: zero strides.
        assert_eq!(array.strides(), &[0, 0]);
    }

    #[test]
    fn rank_seven_through_the_dynamic_dimension() {
        let mut data = numbered(128);
        let view = Seven::try_view(&data).unwrap();
        check_array::<Seven, _>(&view.into_ndarray_dyn());
        let mut array = Seven::try_view_mut(&mut data).unwrap().into_ndarray_dyn();
        array[IxDyn(&[0, 0, 0, 0, 0, 0, 1])] = -1;
        assert_eq!(data[65], -1);
    }

    #[test]
    fn writable_views_become_writable_arrays() {
        let mut data = numbered(20);
        {
            let mut array = Reversed::view_mut(data.as_mut_slice().try_into().unwrap()).into_ndarray();
            assert_eq!(array.strides(), &[-5, -1]);
            array[[0, 0]] = 0;
            array.row_mut(1).fill(7);
        }
        assert_eq!(data[19], 0);
        assert_eq!(&data[10..15], &[7; 5]);
        let mut data = numbered(12);
        let array: ArrayViewMut<'_, i64, _> =
            Transposed::of_mut(Matrix::view_mut(data.as_mut_slice().try_into().unwrap())).into();
        let mut array = array;
        array[[3, 0]] = -3;
        assert_eq!(data[3], -3);
    }

    #[test]
    fn split_members_become_arrays_alive_at_once() {
        let mut samples = [0i64; 8];
        let (left, right) = Stereo::split(&mut samples);
        let (mut left, mut right) = (left.into_ndarray(), right.into_ndarray());
        left.fill(1);
        right.assign(&Array1::from(vec![-1, -2, -3, -4]));
        left[1] = 5;
        assert_eq!(samples, [1, -1, 5, -2, 1, -3, 1, -4]);
    }

    #[test]
    fn arrays_become_views_after_one_check() {
        // C order.
        let data: Vec<i64> = numbered(12);
        let array = ArrayView::from_shape((3, 4), &data).unwrap();
        let view = View::<_, Matrix>::from_ndarray(array).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), expected::<Matrix>());
        assert_eq!(view.as_ptr(), data.as_ptr());
        // Column order.
        let array = ArrayView::from_shape((3, 4).f(), &data).unwrap();
        let view = View::<_, ColumnMajor>::from_ndarray(array).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), expected::<ColumnMajor>());
        // ndarray's transpose of a C-order array is the column-order layout too.
        let owned = Array2::from_shape_vec((4, 3), data.clone()).unwrap();
        let view = View::<_, ColumnMajor>::from_ndarray(owned.t()).unwrap();
        assert_eq!(view[[2, 3]], owned[[3, 2]]);
        // Negative strides: ndarray's reversal.
        let whole = ArrayView::from_shape(12, &data).unwrap();
        let view = View::<_, Backwards>::from_ndarray(whole.slice_move(s![..;-1])).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), expected::<Backwards>());
        assert_eq!(view.as_ptr(), data.as_ptr(), "the base is the lowest element");
        let data20 = numbered(20);
        let grid = ArrayView::from_shape((4, 5), &data20).unwrap();
        let view = View::<_, Reversed>::from_ndarray(grid.slice_move(s![..;-1, ..;-1])).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), expected::<Reversed>());
        // Zero strides: ndarray's broadcast of a row.
        let row = ArrayView::from_shape(4, &data[..4]).unwrap();
        let view = View::<_, Broadcast>::from_ndarray(row.broadcast((3, 4)).unwrap()).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), expected::<Broadcast>());
        // A view of the lowest element of a longer buffer: the layout's
        // buffer is what the array spans.
        let view = View::<_, Matrix>::from_ndarray(ArrayView::from_shape((3, 4), &data20[8..]).unwrap()).unwrap();
        assert_eq!(view[[0, 0]], 108);
    }

    #[test]
    fn strides_of_axes_that_do_not_move_are_not_compared() {
        let data = numbered(4);
        // ndarray gives the axis of extent 1 stride 4 (C order); the layout says 7.
        let array = ArrayView::from_shape((1, 4), &data).unwrap();
        assert_eq!(array.strides(), &[4, 1]);
        let view = View::<_, OddUnitStride>::from_ndarray(array).unwrap();
        assert_eq!(view.iter().copied().collect::<Vec<_>>(), vec![100, 101, 102, 103]);
        // Empty: nothing is reached, only the shape is compared.
        let empty = ArrayView::from_shape((3, 0), &data[..0]).unwrap();
        let view = View::<_, EmptyAtZero>::from_ndarray(empty).unwrap();
        assert!(view.is_empty());
    }

    #[test]
    fn mismatches_name_the_first_number_that_differs() {
        let data = numbered(12);
        let rank = View::<_, Matrix>::from_ndarray(ArrayView::from_shape(12, &data).unwrap());
        assert_eq!(rank.err(), Some(NdarrayMismatch::Rank { expected: 2, actual: 1 }));
        let extent = View::<_, Matrix>::from_ndarray(ArrayView::from_shape((4, 3), &data).unwrap());
        assert_eq!(
            extent.err(),
            Some(NdarrayMismatch::Extent {
                axis: 0,
                expected: 3,
                actual: 4
            })
        );
        let stride = View::<_, Matrix>::from_ndarray(ArrayView::from_shape((3, 4).f(), &data).unwrap());
        let error = stride.err().unwrap();
        assert_eq!(
            error,
            NdarrayMismatch::Stride {
                axis: 0,
                expected: 4,
                actual: 1
            }
        );
        assert_eq!(error.to_string(), "axis 0 of the array has stride 1, the layout's 4");
        // The reversal of a C-order array is not C order.
        let whole = ArrayView::from_shape(12, &data).unwrap();
        let reversed = View::<_, Backwards>::from_ndarray(whole);
        assert!(matches!(reversed, Err(NdarrayMismatch::Stride { axis: 0, .. })));
    }

    #[test]
    fn writable_arrays_become_writable_views() {
        let mut data = numbered(12);
        {
            let array = ArrayViewMut::from_shape((3, 4).f(), &mut data).unwrap();
            let mut view = ViewMut::<_, ColumnMajor>::from_ndarray(array).unwrap();
            view[[1, 2]] = -12;
            view.subview_mut([2]).unwrap().fill(0);
        }
        // Column order: [i, j] is element i + 3j.
        assert_eq!(data[1 + 3 * 2], -12);
        assert_eq!([data[2], data[5], data[8], data[11]], [0; 4]);
        let mut data = numbered(20);
        {
            let grid = ArrayViewMut::from_shape((4, 5), &mut data).unwrap();
            let mut view = ViewMut::<_, Reversed>::from_ndarray(grid.slice_move(s![..;-1, ..;-1])).unwrap();
            view[[0, 0]] = 0;
            // And back to ndarray, and back again: the same elements.
            let array = view.into_ndarray();
            let mut view = ViewMut::<_, Reversed>::from_ndarray(array).unwrap();
            view[[3, 4]] = -1;
        }
        assert_eq!((data[19], data[0]), (0, -1));
        // ndarray's interleaved halves, each a writable view of its own.
        let mut samples = [0i64; 8];
        let whole = ArrayViewMut::from_shape(8, &mut samples).unwrap();
        let (left, right) = whole.multi_slice_move((s![..;2], s![1..;2]));
        let mut left = ViewMut::<_, Left>::from_ndarray(left).unwrap();
        // The right half as ndarray sees it starts at its own lowest
        // element: `Left`'s layout, not `Right`'s (whose offset 1 says
        // something about an element before it, which `from_ndarray`
        // refuses at compile time).
        let mut right = ViewMut::<_, Left>::from_ndarray(right).unwrap();
        left.fill(1);
        right.fill(-1);
        assert_eq!(samples, [1, -1, 1, -1, 1, -1, 1, -1]);
    }

    strided_view! {
        /// Empty, its zero extent on the second axis: ndarray's check of
        /// custom strides would see the first axis's stride 0 first.
        pub mut EmptyLast: [i64; 12] { shape: [4, 0] }
    }

    #[test]
    fn an_empty_writable_view_becomes_an_empty_array() {
        let mut data = [0i64; 12];
        let array = EmptyLast::view_mut(&mut data).into_ndarray();
        assert_eq!((array.shape(), array.len()), (&[4, 0][..], 0));
        let dynamic = EmptyLast::view_mut(&mut data).into_ndarray_dyn();
        assert_eq!(dynamic.len(), 0);
    }

    /// A rank-2 layout whose provided `RANK` lies (1): the bridge takes the
    /// rank from the index type, so a rank-1 array is refused (an
    /// adversarial review got a 2 x 1000 view of a 2-element array when it
    /// compared `RANK` axes).
    #[derive(Clone, Copy)]
    pub struct LyingRank;

    impl Layout for LyingRank {
        type Index = [usize; 2];
        type Shape = strided_view::shape::Shape2<2, 1000>;
        const SHAPE: [usize; 2] = [2, 1000];
        const STRIDES: [isize; 2] = [1, 2];
        const SHAPE_SLICE: &'static [usize] = &[2, 1000];
        const STRIDES_SLICE: &'static [isize] = &[1, 2];
        const OFFSET: usize = 0;
        const BUFFER_LEN: usize = 2000;
        const RANK: usize = 1;
    }

    impl strided_view::UniqueLayout for LyingRank {}

    #[test]
    fn from_ndarray_never_reads_an_overridden_rank() {
        let mut two = [0i64; 2];
        let array = ArrayViewMut::from_shape(2, &mut two).unwrap();
        assert!(ViewMut::<_, LyingRank>::from_ndarray(array).is_err());
    }
}

#[cfg(feature = "alloc")]
mod to_vec {
    use super::*;

    fn check<L: strided_view::UniqueLayout>() {
        let mut data = numbered(L::BUFFER_LEN);
        let view = View::<i64, L>::try_from_slice(&data).unwrap();
        assert_eq!(view.to_vec(), expected::<L>());
        let view = ViewMut::<i64, L>::try_from_slice(&mut data).unwrap();
        assert_eq!(view.to_vec(), expected::<L>());
    }

    #[test]
    fn to_vec_is_c_order() {
        check::<Matrix>();
        check::<Transposed>();
        check::<ColumnMajor>();
        check::<Reversed>();
        check::<Backwards>();
        check::<Skew>();
        check::<Interior>();
        check::<Seven>();
        let data = numbered(12);
        let matrix = Matrix::view(data.as_slice().try_into().unwrap());
        assert_eq!(
            Transposed::of(matrix).to_vec(),
            vec![100, 104, 108, 101, 105, 109, 102, 106, 110, 103, 107, 111]
        );
    }

    #[test]
    fn to_vec_repeats_broadcast_elements_and_handles_rank_0_and_empty() {
        let data = numbered(4);
        let view = Broadcast::view(data.as_slice().try_into().unwrap());
        assert_eq!(view.to_vec(), [100, 101, 102, 103].repeat(3));
        let data = numbered(3);
        assert_eq!(Scalar::view(data.as_slice().try_into().unwrap()).to_vec(), vec![102]);
        let data = numbered(10);
        assert!(Empty::view(data.as_slice().try_into().unwrap()).to_vec().is_empty());
    }
}
