//! Patches at run-time positions, read-only and writable, against brute
//! force: for every position of several patch shapes over parents with
//! reversed, transposed, strided and padded layouts, the patch exists
//! exactly when it fits, and reaches exactly the parent's elements at
//! `position + q`.

mod common;

use view_core::shape::{Shape1, Shape2, Shape3, ShapeType};
use view_core::{Layout, View, ViewMut};
use view_macros::strided_view;

strided_view! {
    /// 5 x 6 row-major.
    pub mut Grid: [i64; 30] { shape: [5, 6] }
    /// The same buffer transposed: 6 x 5, column-major reads.
    pub mut GridT = Grid.t();
    /// Rows reversed, every other column: 5 x 3, a negative stride.
    pub mut Odd = Grid.flip(0).slice(1, 1.., 2);
    /// Padded rows: 4 x 5 inside a pitch of 7, the offset at row 1.
    pub mut Padded: [i64; 40] { shape: [4, 5], strides: [7, 1], offset: 8 }
    /// Rank 3 with a reversed last axis.
    pub mut Cube: [i64; 24] { shape: [2, 3, 4], strides: [12, 4, -1], offset: 3 }
    /// Rank 1, stride 3.
    pub mut Every3: [i64; 16] { shape: [6], strides: [3] }
    /// Overlapping windows: read-only, patches of it too.
    pub Windows: [i64; 8] { shape: [5, 4], strides: [1, 1] }
}

/// The elements `position + q` of the parent `L` for each index `q` of `S`,
/// in C order; `None` if some of them leaves `L`'s shape.
fn expected<L: Layout, S: ShapeType>(position: &[usize]) -> Option<Vec<usize>> {
    let extents = S::EXTENTS.unwrap();
    let mut out = Vec::new();
    for q in common::indices(extents) {
        let index: Vec<usize> = q.iter().zip(position).map(|(q, p)| q + p).collect();
        if index.iter().zip(L::SHAPE_SLICE).any(|(i, n)| i >= n) {
            return None;
        }
        out.push(common::reach(L::STRIDES_SLICE, L::OFFSET as isize, &index) as usize);
    }
    if out.is_empty()
        && position
            .iter()
            .zip(L::SHAPE_SLICE)
            .zip(extents)
            .any(|((p, n), s)| p + s > *n)
    {
        return None;
    }
    Some(out)
}

/// Every position (and one past each end) of a read-only patch of shape `S`.
fn check_read<L: Layout, S: ShapeType, const N: usize>(view: View<'_, i64, L>) {
    let mut positions = common::indices(&L::SHAPE_SLICE.iter().map(|n| n + 2).collect::<Vec<_>>());
    positions.push(vec![usize::MAX; L::RANK]);
    for position in common::harness::thinned_under_miri(positions) {
        let mut index = L::SHAPE;
        index.as_mut().copy_from_slice(&position);
        let got = view
            .patch::<S>(index)
            .map(|p| p.iter().map(|&v| v as usize).collect::<Vec<_>>());
        assert_eq!(got, expected::<L, S>(&position), "{} at {position:?}", L::NAME);
    }
}

/// The same for writable patches: each one writes a marker to exactly its
/// elements, and the others keep theirs.
fn check_write<L: view_core::UniqueLayout, S: ShapeType, const N: usize>(
    buffer: &mut [i64; N],
    make: fn(&mut [i64; N]) -> ViewMut<'_, i64, L>,
) {
    let positions = common::indices(&L::SHAPE_SLICE.iter().map(|n| n + 1).collect::<Vec<_>>());
    for position in common::harness::thinned_under_miri(positions) {
        let mut index = L::SHAPE;
        index.as_mut().copy_from_slice(&position);
        buffer.iter_mut().for_each(|v| *v = 0);
        let written = {
            let mut view = make(buffer);
            match view.patch_mut::<S>(index) {
                Some(mut patch) => {
                    patch.iter_mut().for_each(|v| *v += 1);
                    true
                }
                None => false,
            }
        };
        let want = expected::<L, S>(&position);
        assert_eq!(written, want.is_some(), "{} at {position:?}", L::NAME);
        let mut marked = vec![0; N];
        for e in want.unwrap_or_default() {
            marked[e] += 1;
        }
        assert_eq!(buffer.to_vec(), marked, "{} at {position:?}", L::NAME);
    }
}

#[test]
fn read_only_patches_reach_exactly_the_elements_at_their_position() {
    let data: [i64; 30] = common::numbered(0);
    check_read::<Grid, Shape2<2, 3>, 30>(Grid::view_mut(&mut data.clone()).into_view());
    check_read::<Grid, Shape2<5, 6>, 30>(Grid::view_mut(&mut data.clone()).into_view());
    check_read::<Grid, Shape2<0, 2>, 30>(Grid::view_mut(&mut data.clone()).into_view());
    let mut copy = data;
    let grid = Grid::view_mut(&mut copy);
    check_read::<GridT, Shape2<3, 2>, 30>(GridT::of_mut(grid).into_view());
    let mut copy = data;
    check_read::<Odd, Shape2<2, 2>, 30>(Odd::of_mut(Grid::view_mut(&mut copy)).into_view());
    let padded: [i64; 40] = common::numbered(0);
    check_read::<Padded, Shape2<3, 3>, 40>(Padded::view(&padded));
    let cube: [i64; 24] = common::numbered(0);
    check_read::<Cube, Shape3<1, 2, 3>, 24>(Cube::view(&cube));
    let every3: [i64; 16] = common::numbered(0);
    check_read::<Every3, Shape1<4>, 16>(Every3::view(&every3));
    let windows: [i64; 8] = common::numbered(0);
    check_read::<Windows, Shape2<2, 2>, 8>(Windows::view(&windows));
}

#[test]
fn writable_patches_write_exactly_their_elements() {
    let mut grid = [0i64; 30];
    check_write::<Grid, Shape2<2, 3>, 30>(&mut grid, Grid::view_mut);
    check_write::<GridT, Shape2<4, 1>, 30>(&mut grid, |b| GridT::of_mut(Grid::view_mut(b)));
    check_write::<Odd, Shape2<3, 2>, 30>(&mut grid, |b| Odd::of_mut(Grid::view_mut(b)));
    let mut padded = [0i64; 40];
    check_write::<Padded, Shape2<2, 5>, 40>(&mut padded, Padded::view_mut);
    let mut cube = [0i64; 24];
    check_write::<Cube, Shape3<2, 1, 2>, 24>(&mut cube, Cube::view_mut);
    let mut every3 = [0i64; 16];
    check_write::<Every3, Shape1<2>, 16>(&mut every3, Every3::view_mut);
}

#[test]
fn a_patch_has_its_shape_as_a_type_and_the_parents_strides() {
    type P = view_core::Patch<Padded, Shape2<3, 3>>;
    assert_eq!(<P as Layout>::SHAPE, [3, 3]);
    assert_eq!(<P as Layout>::STRIDES, [7, 1]);
    assert_eq!(<P as Layout>::REQUIRED_LEN, 2 * 7 + 2 + 1);
    assert_eq!(<P as Layout>::UNIQUENESS, view_core::Verdict::Proven);
    type W = view_core::Patch<Windows, Shape2<2, 2>>;
    assert_eq!(<W as Layout>::UNIQUENESS, view_core::Verdict::Refuted);
    // A patch zips with a kernel of its shape: the shapes are types.
    strided_view! {
        Kernel: [i64; 9] { shape: [3, 3] }
    }
    let image: [i64; 40] = common::numbered(0);
    let ones = [1i64; 9];
    let sum = Padded::view(&image)
        .patch::<<Kernel as Layout>::Shape>([1, 2])
        .unwrap()
        .dot(&Kernel::view(&ones));
    let direct: i64 = (1..4).flat_map(|r| (2..5).map(move |c| 8 + 7 * r + c)).sum();
    assert_eq!(sum, direct);
}
