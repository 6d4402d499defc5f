// A derived layout's parent may be declared anywhere a type may: earlier or
// later in this invocation (`Early`, whose parent `Grid` comes after it),
// in another invocation or module. A name that names no type is the
// compiler's own error, at the parent.
// Write instead: declare the parent, or name it by its path.
use view_macros::strided_view;

strided_view! {
    Missing = Nowhere.t();
    Early = Grid.t();
    Grid: [i64; 12] { shape: [3, 4] }
}

fn main() {
    let data = [0i64; 12];
    let _ = Early::of(Grid::view(&data));
}
