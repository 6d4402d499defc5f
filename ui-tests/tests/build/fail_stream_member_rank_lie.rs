// A stream shortens each member's axis 0 for its tail, so its members need
// an axis. Hand-written rank-0 members whose provided `RANK` claims one axis
// are still refused when compiling: view-core takes the rank from the index
// type, never from the overridable constant.
use view_core::shape::AnyShape;
use view_core::{chunks_mut, Chunk, Layout, Partition, UniqueLayout};

/// Element `OFFSET` of a 2-element buffer, as a rank-0 layout claiming rank 1.
#[derive(Clone, Copy)]
struct Member<const OFFSET: usize>;
impl<const OFFSET: usize> Layout for Member<OFFSET> {
    type Index = [usize; 0];
    type Shape = AnyShape;
    const SHAPE: [usize; 0] = [];
    const STRIDES: [isize; 0] = [];
    const SHAPE_SLICE: &'static [usize] = &[];
    const STRIDES_SLICE: &'static [isize] = &[];
    const OFFSET: usize = OFFSET;
    const BUFFER_LEN: usize = 2;
    const RANK: usize = 1;
}
impl<const OFFSET: usize> UniqueLayout for Member<OFFSET> {}

struct Pair;
impl Partition for Pair {
    type Members = (Member<0>, Member<1>);
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
