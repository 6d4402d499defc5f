// The algebra on a generic parent, computed per instantiation: windows of 3
// fit a line of 4 but not one of 2; row 5 exists in 6 rows, not in 3.
use view_macros::strided_view;

strided_view! {
    pub Line<const W: usize>: [_; W] { shape: [W] }
    pub Win<const W: usize> = Line<W>.windows([3]);
    pub Img<const H: usize>: [_; 4 * H] { shape: [H, 4] }
    pub Row5<const H: usize> = Img<H>.index(0, 5);
}

fn main() {
    let four = [1u8; 4];
    assert_eq!(Win::<4>::of(Line::<4>::view(&four)).iter().count(), 6);
    let two = [1u8; 2];
    let _ = Win::<2>::of(Line::<2>::view(&two));
    let rows = [0u8; 12];
    let _ = Row5::<3>::of(Img::<3>::view(&rows));
}
