//! Brute-force checkers shared by the integration tests: every index of a
//! shape in C order, and the element each reaches, computed from the numbers
//! alone (never through the code under test).

#![allow(dead_code)]

pub mod harness;

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

// ---- Brute force on raw numbers (run-time layouts) --------------------------

/// Calls `f` with every index of `shape`, in C order (none when an extent is 0).
pub fn for_each_index(shape: &[usize], mut f: impl FnMut(&[usize])) {
    if shape.contains(&0) {
        return;
    }
    let mut index = vec![0usize; shape.len()];
    loop {
        f(&index);
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
}

/// Every element the numbers reach, in C order, exactly.
pub fn elements(shape: &[usize], strides: &[isize], offset: isize) -> Vec<i128> {
    let mut all = Vec::new();
    for_each_index(shape, |index| all.push(reach(strides, offset, index)));
    all
}

/// The bounds rule by enumeration: every element reached lies in `0..len`;
/// with no index at all, `0 <= offset <= len`.
pub fn fits(shape: &[usize], strides: &[isize], offset: isize, len: usize) -> bool {
    if shape.contains(&0) {
        return 0 <= offset && offset as usize <= len;
    }
    elements(shape, strides, offset)
        .iter()
        .all(|&e| 0 <= e && e < len as i128)
}

/// The first element reached twice, in C order; `None` when unique.
pub fn first_repeat(shape: &[usize], strides: &[isize], offset: isize) -> Option<i128> {
    let mut seen = std::collections::HashSet::new();
    let mut repeat = None;
    for_each_index(shape, |index| {
        let e = reach(strides, offset, index);
        if !seen.insert(e) && repeat.is_none() {
            repeat = Some(e);
        }
    });
    repeat
}

/// The elements two layouts both reach.
pub fn shared_elements(
    (a_shape, a_strides, a_offset): (&[usize], &[isize], isize),
    (b_shape, b_strides, b_offset): (&[usize], &[isize], isize),
) -> std::collections::HashSet<i128> {
    let left: std::collections::HashSet<i128> = elements(a_shape, a_strides, a_offset).into_iter().collect();
    elements(b_shape, b_strides, b_offset)
        .into_iter()
        .filter(|e| left.contains(e))
        .collect()
}

/// Whether `index` has the shape's rank and lies inside it.
pub fn inside(shape: &[usize], index: &[usize]) -> bool {
    index.len() == shape.len() && index.iter().zip(shape).all(|(i, n)| i < n)
}

/// The offset that puts the lowest element the numbers reach at `shift`,
/// and the shortest buffer that then holds them (highest element + 1; for
/// no index at all, offset `shift` in a buffer of `shift`).
pub fn placed_at(shape: &[usize], strides: &[isize], shift: usize) -> (usize, usize) {
    let relative = elements(shape, strides, 0);
    match (relative.iter().min(), relative.iter().max()) {
        (Some(&low), Some(&high)) => ((shift as i128 - low) as usize, (high - low) as usize + shift + 1),
        _ => (shift, shift),
    }
}
