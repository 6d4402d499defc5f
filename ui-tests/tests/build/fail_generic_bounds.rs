// A generic layout proven per instantiation: `Every2<1>` fits its buffer,
// `Every2<3>` does not (index [2] reaches element 4 of 3). No view of the
// failing instantiation can be made, by any constructor.
use view_macros::strided_view;

strided_view! {
    pub Every2<const N: usize>: [_; N] { shape: [N], strides: [2] }
}

fn main() {
    let one = [7u8; 1];
    assert_eq!(Every2::<1>::view(&one)[[0]], 7);
    let three = [0u8; 3];
    let _ = Every2::<3>::view(&three);
    let _ = Every2::<3>::try_view(&three[..]);
}
