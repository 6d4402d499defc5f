//! The `Layout` trait: a layout is a zero-sized type whose constants describe
//! a strided view, and whose `unsafe impl` is the promise that the proof holds.

use core::fmt::Debug;
use core::hash::Hash;
use core::ptr::NonNull;

use crate::certificate::Certificate;
use crate::facts::Facts;
use crate::shape::ShapeType;

mod sealed {
    pub trait Sealed {}
    impl<const R: usize> Sealed for [usize; R] {}
}

/// An index type `[usize; R]`: one coordinate per axis.
///
/// Sealed; implemented for every `[usize; R]` (with `Strides = [isize; R]`,
/// which view-core's unsafe code relies on). It ties a layout's rank to the
/// array types of its index, shape and strides, so `view[[i, j]]` type-checks
/// only with the right number of coordinates.
pub trait Dim:
    Copy + Eq + Hash + Debug + AsRef<[usize]> + AsMut<[usize]> + IntoIndex<Self> + Send + Sync + 'static + sealed::Sealed
{
    /// The matching stride array, `[isize; R]`.
    type Strides: Copy + Eq + Hash + Debug + AsRef<[isize]> + Send + Sync + 'static;
    /// The rank `R`.
    const RANK: usize;
    /// The index `[0; R]`.
    const ZEROS: Self;
    /// The strides `[0; R]`.
    const ZERO_STRIDES: Self::Strides;
    /// The writable run-time view of this rank, `DynViewMut<'a, E, R>`: a
    /// stream's tail ([`Chunk::Tail`](crate::Chunk::Tail)) is one per member.
    #[doc(hidden)]
    type DynViewMut<'a, E: 'a>;

    /// The tail of a stream for member `L` (`DynViewMut::stream_tail`).
    ///
    /// # Safety
    /// `L` passed `Facts::WRITABLE` and has at least one axis; `tail` is
    /// valid for reads and writes of `len` elements of one allocation, and
    /// the caller has exclusive access to the elements `L` reaches from
    /// `tail` that lie in `0..len`, for `'a`.
    #[doc(hidden)]
    unsafe fn stream_tail<'a, E: 'a, L: UniqueLayout<Index = Self>>(
        tail: NonNull<E>,
        len: usize,
    ) -> Self::DynViewMut<'a, E>;
}

impl<const R: usize> Dim for [usize; R] {
    type Strides = [isize; R];
    const RANK: usize = R;
    const ZEROS: Self = [0; R];
    const ZERO_STRIDES: Self::Strides = [0; R];
    type DynViewMut<'a, E: 'a> = crate::dynamic::DynViewMut<'a, E, R>;

    #[inline]
    unsafe fn stream_tail<'a, E: 'a, L: UniqueLayout<Index = Self>>(
        tail: NonNull<E>,
        len: usize,
    ) -> Self::DynViewMut<'a, E> {
        // SAFETY:
        // - `L` passed `Facts::WRITABLE`: the caller's contract;
        // - `tail` valid for reads and writes of `len` elements, and
        //   exclusive access to the result's elements for `'a`: the caller's
        //   contract (the result's elements are elements `L` reaches from
        //   `tail` in `0..len`).
        match unsafe { crate::dynamic::DynViewMut::stream_tail::<L>(tail, len) } {
            Some(view) => view,
            // Only a member without an axis has no tail view, and `L` has one.
            None => panic!("a stream's member has no axis to shorten"),
        }
    }
}

/// A strided layout over a buffer of `BUFFER_LEN` elements: its numbers, as
/// constants of a zero-sized type.
///
/// Index `[i0, .., iR-1]` (each `ik < SHAPE[k]`) reaches element
/// `OFFSET + Σ ik * STRIDES[k]` of the buffer. The names follow C++
/// `std::mdspan`'s `layout_stride`.
///
/// The `strided_view!` macro implements it; implementing it by hand is safe
/// too, because nothing here is taken on trust: every constructor of a view
/// (`View::from_array`, `try_from_slice`, `ViewMut::..`, `split`, `derive`,
/// `subview`) checks in const evaluation, on the compilation target, that
/// the numbers are consistent, in bounds, and (for writable views) unique.
/// A layout that fails is a compile error wherever a view of it would be made.
///
/// The provided constants are computed by view-core from the others
/// (its `Facts`); view-core never reads an override.
pub trait Layout: Copy + Send + Sync + 'static {
    /// The index type, `[usize; R]`.
    type Index: Dim;
    /// The shape as a type (`Shape2<4, 3>`), so that the type checker
    /// compares the shapes of views walked together; [`AnyShape`] where it
    /// cannot be written as one (see [`shape`](crate::shape)). Must agree
    /// with `SHAPE` (checked).
    ///
    /// [`AnyShape`]: crate::shape::AnyShape
    type Shape: ShapeType;
    /// Extents, one per axis.
    const SHAPE: Self::Index;
    /// Element strides, one per axis; negative and zero strides are allowed.
    const STRIDES: <Self::Index as Dim>::Strides;
    /// `SHAPE` as a slice, for `const` code (must hold the same values).
    const SHAPE_SLICE: &'static [usize];
    /// `STRIDES` as a slice, for `const` code (must hold the same values).
    const STRIDES_SLICE: &'static [isize];
    /// The element reached by index `[0, .., 0]`.
    const OFFSET: usize;
    /// The length of the buffer the layout was declared for, `[E; BUFFER_LEN]`.
    const BUFFER_LEN: usize;
    /// The layout's name, for error messages.
    const NAME: &'static str = "(unnamed)";
    /// The numbers as the macro wrote and proved them, in `i128` (empty when
    /// it could not evaluate them), so that a target on which they read
    /// differently (a 32-bit `usize`) rejects the layout instead of meaning
    /// another one. Format: `[R, SHAPE.., STRIDES.., OFFSET, BUFFER_LEN,
    /// highest usize met, lowest isize met, highest isize met]`, where the
    /// last three bound every `usize`/`isize` value met while evaluating the
    /// numbers; `i128::MIN` marks a number the macro could not evaluate.
    #[doc(hidden)]
    const WRITTEN: &'static [i128] = &[];
    /// Verdicts the macro decided with a larger budget than const evaluation has.
    #[doc(hidden)]
    const CERTIFICATE: Certificate = Certificate::NONE;
    /// View-core's check of a read-only layout, for the macro's item-level
    /// check: reached through the trait (never through a path the user's
    /// crate could redirect), so that `cargo check` reports a failing layout
    /// whatever the crate renames. Not to be overridden (view-core's
    /// constructors evaluate their own copy).
    #[doc(hidden)]
    const CHECK_READABLE: () = Facts::<Self>::READABLE;
    /// As [`CHECK_READABLE`](Self::CHECK_READABLE), for a writable layout.
    #[doc(hidden)]
    const CHECK_WRITABLE: () = Facts::<Self>::WRITABLE;

    /// The rank: number of axes.
    const RANK: usize = <Self::Index as Dim>::RANK;
    /// The number of indices (logical elements), the product of the extents.
    const SIZE: usize = Facts::<Self>::SIZE;
    /// Elements actually spanned, `highest - lowest + 1` (0 when empty). For a
    /// broadcast this is far below `SIZE`: the honest answer to NumPy's `nbytes`.
    const REQUIRED_SPAN: usize = Facts::<Self>::REQUIRED_SPAN;
    /// The shortest buffer the layout fits in (highest element + 1), also
    /// for a layout too long for its `BUFFER_LEN` (what its bounds error
    /// names); `usize::MAX` for one no buffer holds (an element before 0 or
    /// past `isize::MAX`) or whose constants are inconsistent.
    const REQUIRED_LEN: usize = Facts::<Self>::REQUIRED_LEN;
    /// Whether every index reaches its own element, as far as it was decided:
    /// [`Verdict::Proven`], [`Verdict::Refuted`], or [`Verdict::Undecided`]
    /// when neither the macro's budget (for layouts it could evaluate) nor
    /// const evaluation's smaller one sufficed.
    const UNIQUENESS: Verdict = Facts::<Self>::VERDICT;
    /// Whether the layout is proven unique (`UNIQUENESS` is `Proven`): `false`
    /// for a layout that repeats an element, and for one that could not be
    /// decided. Writable views exist exactly for the layouts where it is `true`.
    const IS_UNIQUE: bool = matches!(Self::UNIQUENESS, Verdict::Proven);
    /// Whether the elements reached are exactly a contiguous run with no gaps
    /// and no repeats (mdspan's "exhaustive"): unique and `SIZE == REQUIRED_SPAN`.
    const IS_EXHAUSTIVE: bool = Self::IS_UNIQUE && Self::SIZE == Self::REQUIRED_SPAN;
}

/// A three-valued answer: proven, refuted, or not decided within the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Proven true.
    Proven,
    /// Proven false (with a witness, where the decision produced one).
    Refuted,
    /// Not decided: the search ran out of budget. Never a guess either way.
    Undecided,
}

/// A layout declared writable (`mut` in `strided_view!`): `view_mut`,
/// `iter_mut` and the other writing operations exist for it.
///
/// Declaring is not proving: a writable view is made only after view-core
/// proved, in const evaluation on the compilation target, that no two
/// indices reach the same element (from the cheap rules, or from the macro's
/// certificate). A layout that is declared writable but is not proven unique
/// is a compile error wherever a writable view of it would be made.
#[diagnostic::on_unimplemented(
    message = "layout `{Self}` is read-only: no writable view of it exists",
    label = "a writable view needs a layout declared `mut`",
    note = "declare it `mut` in `strided_view!`: `mut {Self}: [..] {{ .. }}`, or for a derived layout `mut {Self} = Parent.op(..);` (with a `mut` parent); the macro then proves that no two indices reach the same element (windows are writable only as tiles)"
)]
pub trait UniqueLayout: Layout {}

mod sealed_index {
    pub trait Sealed {}
    impl<const R: usize> Sealed for [usize; R] {}
    impl Sealed for usize {}
}

/// What indexes a view of index type `D`: the index `[i, j, ..]` itself,
/// or, for rank 1, a plain `usize` (`v[3]` as well as `v[[3]]`).
///
/// Sealed; like ndarray's `NdIndex`.
pub trait IntoIndex<D>: Copy + sealed_index::Sealed {
    /// The index as an array.
    fn into_index(self) -> D;
}

impl<const R: usize> IntoIndex<[usize; R]> for [usize; R] {
    #[inline(always)]
    fn into_index(self) -> [usize; R] {
        self
    }
}

impl IntoIndex<[usize; 1]> for usize {
    #[inline(always)]
    fn into_index(self) -> [usize; 1] {
        [self]
    }
}

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

/// A layout whose first `K` coordinates can be fixed at run time
/// ([`View::subview`](crate::View::subview)), leaving a view of the trailing
/// axes through [`Trailing<Self, K>`](crate::Trailing).
///
/// The trailing layout's numbers are computed by view-core from `Self`'s; the
/// implementation only names its index type, `[usize; RANK - K]` (which
/// stable Rust cannot compute from `RANK` and `K`). A wrong rank is a compile
/// error where the sub-view would be made.
pub trait Subview<const K: usize>: Layout {
    /// The index type of the trailing axes, `[usize; RANK - K]`.
    type Rest: Dim;
}
