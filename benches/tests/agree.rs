//! Every variant of every kernel computes the same result, bit for bit: the
//! comparison in `BENCHMARKS.md` is between equal computations (same order of
//! additions), and the views kernels are right.

use strided_view_benches::{checked, data, iter_ndarray, iter_raw, iter_views, ndarray, raw, views, Dims};

fn boxed<T: Copy + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!())
}

fn f32s<const N: usize>(seed: u32) -> Box<[f32; N]> {
    let mut b = boxed::<f32, N>();
    data::fill_f32(&mut b[..], seed);
    b
}

#[test]
fn reductions_agree() {
    let x = f32s::<12288>(1);
    let expected = raw::sum_every_third(&x);
    assert_eq!(expected, x.iter().step_by(3).fold(0.0, |a, &v| a + v));
    for f in [
        views::sum_every_third,
        checked::sum_every_third,
        ndarray::sum_every_third,
    ] {
        assert_eq!(f(&x).to_bits(), expected.to_bits());
    }
    let mut m = boxed::<f64, 4096>();
    data::fill_f64(&mut m[..], 2);
    let expected = (0..64).fold(0.0, |a, i| a + m[65 * i]);
    for f in [views::trace, raw::trace, checked::trace, ndarray::trace] {
        assert_eq!(f(&m).to_bits(), expected.to_bits());
    }
}

#[test]
fn copies_agree() {
    let x = f32s::<4096>(3);
    for f in [
        views::reversed_copy,
        views::reversed_copy_map,
        raw::reversed_copy,
        checked::reversed_copy,
        ndarray::reversed_copy,
    ] {
        let mut out = boxed::<f32, 4096>();
        f(&x, &mut out);
        assert!(out.iter().eq(x.iter().rev()));
    }
    for f in [
        views::transposed_copy,
        views::transposed_copy_map,
        raw::transposed_copy,
        checked::transposed_copy,
        ndarray::transposed_copy,
    ] {
        let mut out = boxed::<f32, 4096>();
        f(&x, &mut out);
        for i in 0..64 {
            for j in 0..64 {
                assert_eq!(out[64 * i + j], x[64 * j + i]);
            }
        }
    }
}

#[test]
fn broadcast_and_filter_agree() {
    let (row, column) = (f32s::<256>(4), f32s::<256>(5));
    for f in [
        views::broadcast_add,
        raw::broadcast_add,
        checked::broadcast_add,
        ndarray::broadcast_add,
    ] {
        let mut out = boxed::<f32, 65536>();
        f(&row, &column, &mut out);
        for i in 0..256 {
            for j in 0..256 {
                assert_eq!(out[256 * i + j], row[j] + column[i]);
            }
        }
    }
    let (image, filter) = (f32s::<16384>(6), f32s::<9>(7));
    let mut expected = boxed::<f32, 15876>();
    raw::filter3x3(&image, &filter, &mut expected);
    assert_eq!(
        expected[126 + 2],
        (0..9).fold(0.0, |a, k| a + image[128 * (1 + k / 3) + 2 + k % 3] * filter[k])
    );
    for f in [views::filter3x3, checked::filter3x3, ndarray::filter3x3] {
        let mut out = boxed::<f32, 15876>();
        f(&image, &filter, &mut out);
        assert!(out.iter().zip(expected.iter()).all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}

#[test]
fn stereo_agrees() {
    let mut input = boxed::<i16, 2048>();
    data::fill_i16(&mut input[..], 9);
    let expected: Vec<i16> = input
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            if k % 2 == 0 {
                (i32::from(s) * 3 / 4) as i16
            } else {
                s / 2
            }
        })
        .collect();
    for f in [
        views::stereo_scale,
        views::stereo_scale_for,
        views::stereo_scale_fused,
        views::stereo_scale_zip_mut,
        raw::stereo_scale,
        raw::stereo_scale_fused,
        checked::stereo_scale,
        ndarray::stereo_scale,
    ] {
        let mut samples = input.clone();
        f(&mut samples);
        assert_eq!(&samples[..], &expected[..]);
    }
}

/// The elements of `d` over `x` in C order, by brute force (odometer).
fn c_order<const R: usize>(x: &[f32], d: &Dims<R>) -> Vec<f32> {
    let size: usize = d.shape.iter().product();
    (0..size)
        .map(|mut k| {
            let mut element = d.offset as isize;
            for axis in (0..R).rev() {
                element += (k % d.shape[axis]) as isize * d.strides[axis];
                k /= d.shape[axis];
            }
            x[element as usize]
        })
        .collect()
}

/// The `for`-loop variants of one group: `iter()` and `iter_mut()` in all
/// three variants give the brute-force C-order sum bit for bit, and the
/// writable ones negate exactly the view's elements.
fn check_for<const N: usize, const R: usize>(
    d: Dims<R>,
    seed: u32,
    read: [fn(&[f32; N]) -> f32; 2],
    read_dyn: fn(&[f32; N], &Dims<R>) -> f32,
    write: [fn(&mut [f32; N]) -> f32; 2],
    write_dyn: fn(&mut [f32; N], &Dims<R>) -> f32,
) {
    let x = f32s::<N>(seed);
    let elements = c_order(&x[..], &d);
    let expected = elements.iter().fold(0.0f32, |a, &v| a + v);
    for f in read {
        assert_eq!(f(&x).to_bits(), expected.to_bits());
    }
    assert_eq!(read_dyn(&x, &d).to_bits(), expected.to_bits());
    let mut negated = x.clone();
    {
        let size: usize = d.shape.iter().product();
        assert_eq!(elements.len(), size);
        // Negate the elements the view reaches (each once: it is unique).
        let mut reached = vec![false; N];
        for k in 0..size {
            let (mut k, mut element) = (k, d.offset as isize);
            for axis in (0..R).rev() {
                element += (k % d.shape[axis]) as isize * d.strides[axis];
                k /= d.shape[axis];
            }
            assert!(!reached[element as usize]);
            reached[element as usize] = true;
            negated[element as usize] = -negated[element as usize];
        }
    }
    for k in 0..3 {
        let mut y = x.clone();
        let sum = match write.get(k) {
            Some(f) => f(&mut y),
            None => write_dyn(&mut y, &d),
        };
        assert_eq!(sum.to_bits(), expected.to_bits());
        assert!(y.iter().zip(negated.iter()).all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}

/// The paced control of i3 does what `iter_raw::column_order_mut` does: the same
/// sum's bits, the same elements negated.
#[test]
fn paced_control_agrees() {
    let x = f32s::<65536>(13);
    let (mut plain, mut paced) = (x.clone(), x.clone());
    let (a, b) = (
        iter_raw::column_order_mut(&mut plain),
        iter_raw::column_order_mut_paced(&mut paced),
    );
    assert_eq!(a.to_bits(), b.to_bits());
    assert!(plain.iter().zip(paced.iter()).all(|(p, q)| p.to_bits() == q.to_bits()));
    assert!(plain.iter().zip(x.iter()).all(|(p, q)| p.to_bits() == (-*q).to_bits()));
}

#[test]
fn for_loops_agree() {
    use strided_view_benches::layouts::{ColumnOrder, Flipped2, Interior2, Interior3, Interior4, Strided1};
    check_for(
        Dims::of::<Strided1>(),
        11,
        [iter_views::rank1_stride3, iter_raw::rank1_stride3],
        iter_ndarray::rank1_stride3,
        [iter_views::rank1_stride3_mut, iter_raw::rank1_stride3_mut],
        iter_ndarray::rank1_stride3_mut,
    );
    check_for(
        Dims::of::<Interior2>(),
        12,
        [iter_views::rank2_interior, iter_raw::rank2_interior],
        iter_ndarray::rank2_interior,
        [iter_views::rank2_interior_mut, iter_raw::rank2_interior_mut],
        iter_ndarray::rank2_interior_mut,
    );
    check_for(
        Dims::of::<ColumnOrder>(),
        13,
        [iter_views::column_order, iter_raw::column_order],
        iter_ndarray::column_order,
        [iter_views::column_order_mut, iter_raw::column_order_mut],
        iter_ndarray::column_order_mut,
    );
    check_for(
        Dims::of::<Interior3>(),
        14,
        [iter_views::rank3, iter_raw::rank3],
        iter_ndarray::rank3,
        [iter_views::rank3_mut, iter_raw::rank3_mut],
        iter_ndarray::rank3_mut,
    );
    check_for(
        Dims::of::<Interior4>(),
        15,
        [iter_views::rank4, iter_raw::rank4],
        iter_ndarray::rank4,
        [iter_views::rank4_mut, iter_raw::rank4_mut],
        iter_ndarray::rank4_mut,
    );
    check_for(
        Dims::of::<Flipped2>(),
        16,
        [iter_views::negative, iter_raw::negative],
        iter_ndarray::negative,
        [iter_views::negative_mut, iter_raw::negative_mut],
        iter_ndarray::negative_mut,
    );
}

#[test]
fn zips_agree() {
    use strided_view_benches::layouts::{EveryThird, Reversed};
    let (a, b) = (f32s::<12288>(17), f32s::<4096>(18));
    let (da, db) = (Dims::of::<EveryThird>(), Dims::of::<Reversed>());
    let expected = (0..4096).fold(0.0f32, |acc, i| acc + a[3 * i] * b[4095 - i]);
    for f in [iter_views::zip_iter, iter_views::zip_generic, iter_raw::zip_dot] {
        assert_eq!(f(&a, &b).to_bits(), expected.to_bits());
    }
    for f in [iter_ndarray::zip_iter, iter_ndarray::zip_generic] {
        assert_eq!(f(&a, &da, &b, &db).to_bits(), expected.to_bits());
    }
}

#[test]
fn rows_indexed_and_index_loops_agree() {
    use strided_view_benches::layouts::Interior2;
    let x = f32s::<65536>(19);
    let d = Dims::of::<Interior2>();
    let sum = c_order(&x[..], &d).iter().fold(0.0f32, |a, &v| a + v);
    for f in [iter_views::rows, iter_views::index_loop, iter_raw::rank2_interior] {
        assert_eq!(f(&x).to_bits(), sum.to_bits());
    }
    for f in [iter_ndarray::rows, iter_ndarray::index_loop] {
        assert_eq!(f(&x, &d).to_bits(), sum.to_bits());
    }
    let weighted = (0..254 * 254).fold(0.0f32, |a, k| {
        let (i, j) = (k / 254, k % 254);
        a + (i + j) as f32 * x[257 + 256 * i + j]
    });
    assert_eq!(iter_views::indexed(&x).to_bits(), weighted.to_bits());
    assert_eq!(iter_raw::indexed(&x).to_bits(), weighted.to_bits());
    assert_eq!(iter_ndarray::indexed(&x, &d).to_bits(), weighted.to_bits());
}

/// The bits of each float, so that `-0.0` and `0.0` (and NaNs) compare as
/// different.
fn bits(x: &[f32]) -> Vec<u32> {
    x.iter().map(|v| v.to_bits()).collect()
}

/// Runs `kernel` on an output of `N` floats (from `seed`, so that a kernel
/// that skips an element fails) and checks that it leaves `expected`'s bits.
fn writes_expected<const N: usize>(expected: &[f32; N], seed: u32, kernel: impl FnOnce(&mut [f32; N])) {
    let mut out = f32s::<N>(seed);
    kernel(&mut out);
    assert_eq!(bits(&out[..]), bits(&expected[..]));
}

/// The run-time-layout kernels (benches/benches/dynamic.rs): every variant
/// equals the constant-number raw loop, bit for bit.
#[test]
fn dynamic_kernels_agree() {
    use strided_view_benches::dynamic::{dyn_views, inputs, ndarray_dyn, raw_dyn, raw_extents};

    let x = f32s::<12288>(21);
    let d = inputs::EVERY_THIRD;
    let expected = raw::sum_every_third(&x).to_bits();
    for sum in [
        dyn_views::sum_every_third,
        raw_dyn::sum_every_third,
        ndarray_dyn::sum_every_third,
    ] {
        assert_eq!(sum(&x, &d).to_bits(), expected);
    }

    let x = f32s::<4096>(22);
    let (dx, dout) = (inputs::REVERSED, inputs::FORWARD);
    let mut expected = boxed::<f32, 4096>();
    raw::reversed_copy(&x, &mut expected);
    for copy in [
        dyn_views::reversed_copy,
        raw_dyn::reversed_copy,
        ndarray_dyn::reversed_copy,
    ] {
        writes_expected(&expected, 23, |out| copy(&x, &dx, out, &dout));
    }

    let (row, column) = (f32s::<256>(24), f32s::<256>(25));
    let (drow, dcolumn, dplane) = (inputs::ROW, inputs::COLUMN, inputs::PLANE);
    let mut expected = boxed::<f32, 65536>();
    raw::broadcast_add(&row, &column, &mut expected);
    for add in [
        dyn_views::broadcast_add,
        raw_dyn::broadcast_add,
        ndarray_dyn::broadcast_add,
    ] {
        writes_expected(&expected, 26, |out| {
            add((&row, &drow), (&column, &dcolumn), (out, &dplane))
        });
    }
    writes_expected(&expected, 27, |out| {
        raw_extents::broadcast_add(&row, &column, out, &dplane)
    });

    let (image, filter) = (f32s::<16384>(28), f32s::<9>(29));
    let (dimage, dfilter, dfiltered) = (inputs::IMAGE, inputs::FILTER, inputs::FILTERED);
    let mut expected = boxed::<f32, 15876>();
    raw::filter3x3(&image, &filter, &mut expected);
    for filter3x3 in [dyn_views::filter3x3, raw_dyn::filter3x3, ndarray_dyn::filter3x3] {
        writes_expected(&expected, 30, |out| {
            filter3x3((&image, &dimage), (&filter, &dfilter), (out, &dfiltered))
        });
    }

    let m = f32s::<4096>(31);
    let dm = inputs::MATRIX;
    let mut expected = boxed::<f32, 4096>();
    raw::transposed_copy(&m, &mut expected);
    for transpose in [
        dyn_views::transposed_copy,
        raw_dyn::transposed_copy,
        ndarray_dyn::transposed_copy,
    ] {
        writes_expected(&expected, 32, |out| transpose(&m, &dm, out, &dm));
    }
    writes_expected(&expected, 33, |out| raw_extents::transposed_copy(&m, out, &dm));
}
