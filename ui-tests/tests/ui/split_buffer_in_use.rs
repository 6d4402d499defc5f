// NumPy lets you write `samples[0] = 7` while views `left` and `right` of it are
// alive, and the views silently change. The split borrows the buffer mutably for
// as long as its views live, so the buffer cannot be touched meanwhile.
// Write instead: finish with the views first (or write through them:
// `left[[0]] = 7`), then use the buffer.
use view_macros::strided_view;

strided_view! {
    mut Left: [i16; 8] { shape: [4], strides: [2] }
    mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
    split Stereo = (Left, Right);
}

fn main() {
    let mut samples = [0i16; 8];
    let (mut left, right) = Stereo::split(&mut samples);
    samples[0] = 7;
    println!("{}", samples[1]);
    left[[0]] = 1;
    println!("{:?}", right[[0]]);
}
