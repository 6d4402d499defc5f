// A generic split: disjoint for `K = 0`, overlapping for `K = 1` (both
// members reach element 4).
use view_macros::strided_view;

strided_view! {
    pub mut Low<const K: usize>: [_; 8] { shape: [4], offset: K }
    pub mut High<const K: usize>: [_; 8] { shape: [4], offset: 4 }
    pub split Halves<const K: usize> = (Low<K>, High<K>);
}

fn main() {
    let mut buf = [0u8; 8];
    let (mut low, _high) = Halves::<0>::split(&mut buf);
    low.fill(1);
    let _ = Halves::<1>::split(&mut buf);
}
