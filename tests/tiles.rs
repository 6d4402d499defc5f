//! Tiles: windows with a step at least the window, declared `mut`, are
//! writable when the result is proven unique, and write exactly the
//! elements of each tile.

mod common;

use view_core::Layout;
use view_macros::strided_view;

strided_view! {
    /// 6 x 8 row-major.
    pub mut Image: [i64; 48] { shape: [6, 8] }
    /// 2 x 2 tiles: a 3 x 4 grid of them.
    pub mut Tiles = Image.windows([2, 2]).slice(0, .., 2).slice(1, .., 2);
    /// 3 x 2 tiles with gaps between columns of tiles (step 3 over width 2).
    pub mut Gapped = Image.windows([3, 2]).slice(0, .., 3).slice(1, .., 3);
    /// Tiles of a transposed image.
    pub mut TilesT = Image.t().windows([4, 3]).slice(0, .., 4).slice(1, .., 3);
}

#[test]
fn tiles_are_unique_and_write_exactly_their_elements() {
    assert_eq!(<Tiles as Layout>::SHAPE, [3, 4, 2, 2]);
    assert_eq!(<Tiles as Layout>::UNIQUENESS, view_core::Verdict::Proven);
    const { assert!(<Tiles as Layout>::IS_EXHAUSTIVE) };
    assert_eq!(<Gapped as Layout>::SHAPE, [2, 3, 3, 2]);
    assert_eq!(<TilesT as Layout>::SHAPE, [2, 2, 4, 3]);
    let mut pixels = [0i64; 48];
    let mut tiles = Tiles::of_mut(Image::view_mut(&mut pixels));
    for ([ty, tx, y, x], p) in tiles.indexed_iter_mut() {
        *p = (10 * ty + tx) as i64 * 100 + (2 * y + x) as i64;
    }
    for (e, &v) in pixels.iter().enumerate() {
        let (row, col) = (e / 8, e % 8);
        let want = (10 * (row / 2) + col / 2) as i64 * 100 + (2 * (row % 2) + col % 2) as i64;
        assert_eq!(v, want, "element {e}");
    }
    for layout_elements in [common::elements_of::<Gapped>(), common::elements_of::<TilesT>()] {
        let mut seen = layout_elements.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), layout_elements.len());
    }
    let mut pixels = [0i64; 48];
    Gapped::of_mut(Image::view_mut(&mut pixels)).fill(1);
    let gapped = common::elements_of::<Gapped>();
    for (e, &v) in pixels.iter().enumerate() {
        assert_eq!(v, i64::from(gapped.contains(&e)), "element {e}");
    }
}

strided_view! {
    pub mut Frame<const W: usize, const H: usize>: [_; W * H] { shape: [H, W] }
    /// Tiles of any frame whose sides are even, proven per instantiation.
    pub mut Quads<const W: usize, const H: usize> = Frame<W, H>.windows([2, 2]).slice(0, .., 2).slice(1, .., 2);
}

#[test]
fn generic_tiles_are_proven_per_instantiation() {
    let mut pixels = [0u8; 24];
    let mut quads = Quads::<6, 4>::of_mut(Frame::<6, 4>::view_mut(&mut pixels));
    for ([ty, tx, _, _], p) in quads.indexed_iter_mut() {
        *p = (3 * ty + tx) as u8;
    }
    assert_eq!(pixels[..6], [0, 0, 1, 1, 2, 2]);
    assert_eq!(pixels[18..], [3, 3, 4, 4, 5, 5]);
    assert_eq!(<Quads<6, 4> as Layout>::SHAPE, [2, 3, 2, 2]);
}
