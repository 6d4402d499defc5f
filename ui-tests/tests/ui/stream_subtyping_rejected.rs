// Two split types can be subtypes of each other while their `Partition`
// impls differ: `G<for<'x> fn(&'x ())>` is a subtype of `G<fn(&'static ())>`.
// A stream is invariant in its split, so subtyping cannot turn the stream of
// a checked split (disjoint one-element members) into the stream of an
// unchecked one (two identical members of 64 elements in blocks of 2).
use core::marker::PhantomData;
use view_core::{chunks_mut, Chunk, ChunksMut, Partition};

view_macros::strided_view! {
    pub mut Even: [u8; 2] { shape: [1], strides: [1], offset: 0 }
    pub mut Odd: [u8; 2] { shape: [1], strides: [1], offset: 1 }
    pub mut Big: [u8; 64] { shape: [64] }
}

pub struct G<T>(PhantomData<T>);

impl Partition for G<for<'x> fn(&'x ())> {
    type Members = (Even, Odd);
    const BUFFER_LEN: usize = 2;
}

#[allow(coherence_leak_check)]
impl Partition for G<fn(&'static ())> {
    type Members = (Big, Big);
    const BUFFER_LEN: usize = 2;
}

fn widen<'a>(stream: ChunksMut<'a, u8, G<for<'x> fn(&'x ())>>) -> ChunksMut<'a, u8, G<fn(&'static ())>> {
    stream
}

fn main() {
    let mut buffer = [0u8; 2];
    for chunk in widen(chunks_mut(&mut buffer)) {
        if let Chunk::Block((mut a, _)) = chunk {
            a[63] = 1;
        }
    }
}
