// Views of different shapes cannot be walked together: the shapes are types
// (`Shape2<3, 4>`), so `cargo check` (and an editor) reports the mismatch at
// the call, naming both shapes.
use view_core::{contract, zip};
use view_macros::strided_view;

strided_view! {
    Wide: [f32; 12] { shape: [3, 4] }
    mut Tall: [f32; 12] { shape: [4, 3] }
    Windows: [f32; 16] { shape: [3, 3, 2, 2], strides: [4, 1, 4, 1] }
    Kernel: [f32; 4] { shape: [2, 2] }
    mut Small: [f32; 4] { shape: [2, 2] }
}

fn main() {
    let data = [0.0f32; 12];
    let mut out = [0.0f32; 12];
    let wide = Wide::view(&data);
    let mut tall = Tall::view_mut(&mut out);
    zip((wide, &tall)).for_each(|_, _| {});
    tall.copy_from(wide);
    let _ = wide.dot(&tall);
    wide.map_into(&mut tall, |&x| x);
    let image = [0.0f32; 16];
    let weights = [0.0f32; 4];
    let mut small = [0.0f32; 4];
    contract(Windows::view(&image), Kernel::view(&weights), &mut Small::view_mut(&mut small));
}
