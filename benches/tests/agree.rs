//! Every variant of every kernel computes the same result, bit for bit: the
//! comparison in `BENCHMARKS.md` is between equal computations (same order of
//! additions), and the views kernels are right.

use strided_view_benches::{checked, data, ndarray, raw, views};

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
