// A stream shortens each member's axis 0 for its tail, so its members need
// an axis. A hand-written rank-0 member whose provided `RANK` claims one axis
// is still refused when compiling: view-core takes the rank from the index
// type, never from the overridable constant.
use view_core::shape::AnyShape;
use view_core::{chunks_mut, Chunk, Layout, Partition, UniqueLayout};

#[derive(Clone, Copy)]
struct First;
impl Layout for First {
    type Index = [usize; 0];
    type Shape = AnyShape;
    const SHAPE: [usize; 0] = [];
    const STRIDES: [isize; 0] = [];
    const SHAPE_SLICE: &'static [usize] = &[];
    const STRIDES_SLICE: &'static [isize] = &[];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 2;
    const RANK: usize = 1;
}
impl UniqueLayout for First {}

#[derive(Clone, Copy)]
struct Second;
impl Layout for Second {
    type Index = [usize; 0];
    type Shape = AnyShape;
    const SHAPE: [usize; 0] = [];
    const STRIDES: [isize; 0] = [];
    const SHAPE_SLICE: &'static [usize] = &[];
    const STRIDES_SLICE: &'static [isize] = &[];
    const OFFSET: usize = 1;
    const BUFFER_LEN: usize = 2;
    const RANK: usize = 1;
}
impl UniqueLayout for Second {}

struct Pair;
impl Partition for Pair {
    type Members = (First, Second);
    const BUFFER_LEN: usize = 2;
}

fn main() {
    let mut buffer = [0u8; 3];
    for chunk in chunks_mut::<Pair, u8>(&mut buffer) {
        if let Chunk::Block((mut first, _)) = chunk {
            first[[]] = 1;
        }
    }
}
