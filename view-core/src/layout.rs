//! The `Layout` trait: a layout is a zero-sized type whose constants describe
//! a strided view, and whose `unsafe impl` is the promise that the proof holds.

use core::fmt::Debug;
use core::hash::Hash;

use crate::proof;

mod sealed {
    pub trait Sealed {}
    impl<const R: usize> Sealed for [usize; R] {}
}

/// An index type `[usize; R]`: one coordinate per axis.
///
/// Sealed; implemented for every `[usize; R]`. It ties a layout's rank to the
/// array types of its index, shape and strides, so `view[[i, j]]` type-checks
/// only with the right number of coordinates.
pub trait Dim:
    Copy + Eq + Hash + Debug + AsRef<[usize]> + AsMut<[usize]> + Send + Sync + 'static + sealed::Sealed
{
    /// The matching stride array, `[isize; R]`.
    type Strides: Copy + Eq + Hash + Debug + AsRef<[isize]> + Send + Sync + 'static;
    /// The rank `R`.
    const RANK: usize;
    /// The index `[0; R]`.
    const ZEROS: Self;
}

impl<const R: usize> Dim for [usize; R] {
    type Strides = [isize; R];
    const RANK: usize = R;
    const ZEROS: Self = [0; R];
}

/// A strided layout over a buffer of `BUFFER_LEN` elements, proven in bounds.
///
/// Index `[i0, .., iR-1]` (each `ik < SHAPE[k]`) reaches element
/// `OFFSET + Σ ik * STRIDES[k]` of the buffer. The names follow C++
/// `std::mdspan`'s `layout_stride`.
///
/// Implemented by the `strided_view!` macro, never by hand: the macro emits
/// the `unsafe impl` only after the proof in [`proof`] accepted the layout.
///
/// # Safety
///
/// An implementation promises:
/// - `SHAPE_SLICE` and `STRIDES_SLICE` hold the same values as `SHAPE` and
///   `STRIDES`;
/// - every element reached, `OFFSET + Σ ik * STRIDES[k]`, lies in
///   `0..REQUIRED_LEN`, and `REQUIRED_LEN <= BUFFER_LEN <= isize::MAX`;
///   when some extent is 0, `OFFSET <= BUFFER_LEN`;
/// - `SIZE`, the product of the extents, is at most `isize::MAX`;
/// - `IS_UNIQUE` is `true` only if no two indices reach the same element.
///
/// The provided constants compute these from the others with the proof's
/// `const fn`s; implementations do not override them.
pub unsafe trait Layout: Copy + Send + Sync + 'static {
    /// The index type, `[usize; R]`.
    type Index: Dim;
    /// Extents, one per axis.
    const SHAPE: Self::Index;
    /// Element strides, one per axis; negative and zero strides are allowed.
    const STRIDES: <Self::Index as Dim>::Strides;
    /// `SHAPE` as a slice, for `const` code.
    const SHAPE_SLICE: &'static [usize];
    /// `STRIDES` as a slice, for `const` code.
    const STRIDES_SLICE: &'static [isize];
    /// The element reached by index `[0, .., 0]`.
    const OFFSET: usize;
    /// The length of the buffer the layout was declared for, `[E; BUFFER_LEN]`.
    const BUFFER_LEN: usize;
    /// Whether every index reaches its own element (required for writing).
    ///
    /// Exact for layouts written with literals. For layouts written with named
    /// constants, `true` means proven within the const-evaluation budget.
    const IS_UNIQUE: bool;

    /// The rank: number of axes.
    const RANK: usize = <Self::Index as Dim>::RANK;
    /// The number of indices (logical elements), the product of the extents.
    const SIZE: usize = match proof::size_of_shape(Self::SHAPE_SLICE) {
        Some(size) => size,
        None => panic!("a layout's size exceeds isize::MAX"),
    };
    /// Elements actually spanned, `highest - lowest + 1` (0 when empty). For a
    /// broadcast this is far below `SIZE`: the honest answer to NumPy's `nbytes`.
    const REQUIRED_SPAN: usize = proof::required_span(Self::SHAPE_SLICE, Self::STRIDES_SLICE, Self::OFFSET);
    /// The shortest buffer the layout fits in (highest element + 1).
    const REQUIRED_LEN: usize = proof::required_len(Self::SHAPE_SLICE, Self::STRIDES_SLICE, Self::OFFSET);
    /// Whether the elements reached are exactly a contiguous run with no gaps
    /// and no repeats (mdspan's "exhaustive"): unique and `SIZE == REQUIRED_SPAN`.
    const IS_EXHAUSTIVE: bool = Self::IS_UNIQUE && Self::SIZE == Self::REQUIRED_SPAN;
}

/// A layout proven unique: no two indices reach the same element, so a
/// writable view hands out disjoint `&mut`.
///
/// # Safety
///
/// Implemented (by the macro, for `mut` items) only after the uniqueness proof
/// accepted the layout; `Self::IS_UNIQUE` is then `true`.
pub unsafe trait UniqueLayout: Layout {}

/// The element that `index` reaches, for an index inside the shape.
///
/// Wrapping arithmetic keeps the optimized code free of overflow checks; for
/// an index inside the shape of a proven layout no step wraps: each partial
/// sum `OFFSET + Σ_{k<j} ik * sk` is itself the element of an index (the
/// remaining coordinates 0), so it lies in `0..REQUIRED_LEN`.
#[inline(always)]
pub(crate) fn element_at<L: Layout>(index: &L::Index) -> usize {
    L::OFFSET.wrapping_add_signed(dot(index.as_ref(), L::STRIDES.as_ref()))
}

/// `Σ index[k] * strides[k]`, straight-line for ranks up to 4 so that it
/// needs no loop even where the optimizer does not unroll (`opt-level = "s"`);
/// the rank is a constant, so the `match` vanishes.
#[inline(always)]
fn dot(index: &[usize], strides: &[isize]) -> isize {
    let term = |i: usize, s: isize| (i as isize).wrapping_mul(s);
    match (index, strides) {
        ([], _) => 0,
        ([a], [s, ..]) => term(*a, *s),
        ([a, b], [s, t, ..]) => term(*a, *s).wrapping_add(term(*b, *t)),
        ([a, b, c], [s, t, u, ..]) => term(*a, *s).wrapping_add(term(*b, *t)).wrapping_add(term(*c, *u)),
        ([a, b, c, d], [s, t, u, v, ..]) => term(*a, *s)
            .wrapping_add(term(*b, *t))
            .wrapping_add(term(*c, *u))
            .wrapping_add(term(*d, *v)),
        _ => index
            .iter()
            .zip(strides)
            .fold(0isize, |acc, (&i, &s)| acc.wrapping_add(term(i, s))),
    }
}

/// Whether every coordinate of `index` is below its extent; straight-line
/// for ranks up to 4, like [`dot`].
#[inline(always)]
pub(crate) fn in_shape<L: Layout>(index: &L::Index) -> bool {
    match (index.as_ref(), L::SHAPE.as_ref()) {
        ([], _) => true,
        ([a], [n, ..]) => a < n,
        ([a, b], [n, m, ..]) => (a < n) & (b < m),
        ([a, b, c], [n, m, o, ..]) => (a < n) & (b < m) & (c < o),
        ([a, b, c, d], [n, m, o, p, ..]) => (a < n) & (b < m) & (c < o) & (d < p),
        (index, shape) => index.iter().zip(shape).all(|(&i, &n)| i < n),
    }
}

/// The panic of `view[index]` for an index outside the shape, worded like a slice's.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn index_out_of_range<L: Layout>(index: &L::Index) -> ! {
    panic!("index {:?} is out of range for shape {:?}", index, L::SHAPE)
}

/// A layout derived from `P` by the layout algebra (`pub D = P.t().flip(0);`).
///
/// A view through `P` becomes a view through `Self` with no run-time work:
/// both layouts address the same buffer from its start, so only the type
/// changes (`View::derive`, `ViewMut::derive_mut`, or the generated `D::of`).
///
/// # Safety
///
/// Every element `Self` reaches is reached by `P` (each algebra operation
/// maps the indices of its result to indices of its operand), and both were
/// declared for the same buffer. Hence `Self::REQUIRED_LEN <= P::REQUIRED_LEN`,
/// and a view holding `P`'s elements holds all of `Self`'s.
pub unsafe trait DerivedFrom<P: Layout>: Layout {}

/// The trailing axes of a layout, as a layout of their own: what
/// [`View::subview`](crate::View::subview) returns after fixing the first
/// `K` coordinates at run time.
///
/// # Safety
///
/// `Self::Trailing` has the last `RANK - K` extents and strides of `Self`,
/// its `OFFSET` is `Σ |s| (n - 1)` over its negative strides (its lowest
/// element relative to index `[0, ..]`), and its `BUFFER_LEN` is its
/// `REQUIRED_LEN`; it is a `UniqueLayout` only if `Self` is unique or it was
/// proven unique itself.
pub unsafe trait Subview<const K: usize>: Layout {
    /// The layout of the trailing axes.
    type Trailing: Layout;
}
