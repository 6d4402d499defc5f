//! Brute-force checkers shared by the integration tests: every index of a
//! shape in C order, and the element each reaches, computed from the numbers
//! alone (never through the code under test).

#![allow(dead_code)]

use view_core::Layout;

/// Every index of `shape` in C order (last axis fastest).
pub fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut all = vec![vec![]];
    for &n in shape {
        all = all
            .into_iter()
            .flat_map(|prefix: Vec<usize>| {
                (0..n).map(move |i| {
                    let mut index = prefix.clone();
                    index.push(i);
                    index
                })
            })
            .collect();
    }
    all
}

/// `offset + Σ index[k] * strides[k]`, exactly.
pub fn reach(strides: &[isize], offset: isize, index: &[usize]) -> i128 {
    offset as i128
        + index
            .iter()
            .zip(strides)
            .map(|(&i, &s)| i as i128 * s as i128)
            .sum::<i128>()
}

/// The elements of `L`, in C order, each as a buffer position.
pub fn elements_of<L: Layout>() -> Vec<usize> {
    indices(L::SHAPE_SLICE)
        .iter()
        .map(|index| {
            let e = reach(L::STRIDES_SLICE, L::OFFSET as isize, index);
            usize::try_from(e).expect("an element of a checked layout lies in the buffer")
        })
        .collect()
}

/// The indices of `L`, in C order, as `L::Index` values.
pub fn index_values<L: Layout>() -> Vec<L::Index> {
    indices(L::SHAPE_SLICE)
        .iter()
        .map(|index| {
            let mut value = L::SHAPE;
            value.as_mut().copy_from_slice(index);
            value
        })
        .collect()
}

/// A buffer whose element `e` holds `base + e`: reading a view of it tells
/// which elements it reached.
pub fn numbered<const N: usize>(base: i64) -> [i64; N] {
    core::array::from_fn(|e| base + e as i64)
}
