// Beyond const evaluation's budget: a generic rank-10 layout whose strides
// neither nest nor let the bounded search settle it. The instantiation is
// refused as not proven (never accepted on a guess); as a read-only layout
// it is fine.
use view_macros::strided_view;

strided_view! {
    pub mut Sparse<const S: isize>: [_; 27940601] {
        shape: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
        strides: [998485 * S, 996580 * S, 919166 * S, 715917 * S, 686963 * S, 632510 * S, 588269 * S, 574354 * S, 573780 * S, 299126 * S],
    }
    pub Read<const S: isize>: [_; 27940601] {
        shape: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
        strides: [998485 * S, 996580 * S, 919166 * S, 715917 * S, 686963 * S, 632510 * S, 588269 * S, 574354 * S, 573780 * S, 299126 * S],
    }
}

fn main() {
    let mut buf = vec![0u8; 27940601];
    assert!(Read::<1>::try_view(&buf).is_ok());
    let _ = Sparse::<1>::try_view_mut(&mut buf);
}
