//! One lock-step traversal over 1 to 8 views of one shape: `zip((a, b, &mut
//! out)).for_each(|x, y, o| *o = x + y)`, mixing read-only and writable
//! operands, with `for_each`, `fold` and `map_into`.
//!
//! Every whole-view computation of the crate (`View::fold`, `sum`, `dot`,
//! `copy_from`, `map_into`, `contract`, ..) is this traversal: the loop nest
//! of `walk` over the operands' constant strides, the element references
//! made by the operand layer.
//!
//! **Why writable operands never alias**: an operand that writes is a
//! `ViewMut` (by value or `&mut`), which holds exclusive access to its
//! elements for as long as it lives (it was made from `&mut` of its buffer,
//! or split off one proven disjoint from its siblings). Two operands of one
//! `zip` are two different values or borrows, so at most one of them can be
//! a given `ViewMut` when it writes: Rust's borrow rules forbid `(&mut v,
//! &v)` and `(&mut v, &mut v)`, and a `View` of the elements a live `ViewMut`
//! owns cannot exist. Within one operand, a writable layout is proven unique
//! and `walk` visits each index once, so each element is handed out once.

use core::ptr::NonNull;

use crate::proof::same_shape;
use crate::shape::{SameShape, ShapeType};
use crate::walk::{walk_fold, walk_fold_versioned, walk_fold_versioned_in_row_pairs};

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// A view taken by [`zip`] and the other whole-view operations: read-only
/// ([`View`](crate::View), `&View`, `&ViewMut`), yielding `&E`, or writable
/// (`&mut ViewMut`, `ViewMut`), yielding `&mut E`; and the run-time views
/// ([`DynView`](crate::DynView), ..) likewise.
///
/// Sealed: implemented for the view types of this crate only.
pub trait Operand: Sealed {
    /// The element type.
    type Elem;
    /// What the traversal hands out for each element: `&E` or `&mut E`.
    type Item;
    /// The shape as a type ([`Shape2<3, 4>`](crate::shape::Shape2)), which
    /// the type checker compares; [`AnyShape`](crate::shape::AnyShape) for a
    /// run-time view, whose shape is compared when the traversal starts.
    type Shape: ShapeType;
    /// The extents where the type fixes them (views of a static layout),
    /// compared in const evaluation; `None` for a run-time view.
    #[doc(hidden)]
    const STATIC_SHAPE: Option<&'static [usize]>;

    /// The extents, one per axis.
    #[doc(hidden)]
    fn extents(&self) -> &[usize];

    /// The element strides, one per axis.
    #[doc(hidden)]
    fn steps(&self) -> &[isize];

    /// The position of the element of index `[0, ..]` relative to
    /// [`base_ptr`](Self::base_ptr), as a wrapping `usize` (a run-time view's
    /// positions may lie before its pointer).
    #[doc(hidden)]
    fn start(&self) -> usize;

    /// The pointer element positions are relative to (see the operand layer).
    #[doc(hidden)]
    fn base_ptr(&self) -> NonNull<Self::Elem>;

    /// The item of the element at position `element`.
    ///
    /// # Safety
    /// `ptr` is [`base_ptr`](Self::base_ptr) of an operand of this type that
    /// is alive for the item's lifetime, `element` is `start() + Σ i_k
    /// steps()[k]` (wrapping) for an index `i` inside its `extents()`, and
    /// (for writable operands) no two items of one element are alive at the
    /// same time.
    #[doc(hidden)]
    unsafe fn item(ptr: NonNull<Self::Elem>, element: usize) -> Self::Item;
}

/// The geometry part of [`Operand`] for a view of the static layout `$l`:
/// its constants.
macro_rules! static_geometry {
    ($l:ident) => {
        type Shape = $l::Shape;
        const STATIC_SHAPE: Option<&'static [usize]> = Some($l::SHAPE_SLICE);

        #[inline(always)]
        fn extents(&self) -> &[usize] {
            $l::SHAPE_SLICE
        }

        #[inline(always)]
        fn steps(&self) -> &[isize] {
            $l::STRIDES_SLICE
        }

        #[inline(always)]
        fn start(&self) -> usize {
            $l::OFFSET
        }
    };
}
pub(crate) use static_geometry;

/// A tuple of 1 to 8 [`Operand`]s of one shape.
#[diagnostic::on_unimplemented(
    message = "`zip` walks views of one shape: `{Self}` are not views of one shape",
    label = "views of different shapes (or something that is not a view)",
    note = "each operand's shape is a type (`Shape2<3, 4>` for a layout of shape [3, 4]); `zip` takes 1 to 8 views, `&View`s, `&ViewMut`s or `&mut ViewMut`s whose shape types are equal"
)]
pub trait Operands: Sealed {
    /// Evaluated by [`zip`]: a compile error unless every operand whose
    /// shape its type fixes has the first such one's shape.
    #[doc(hidden)]
    const SAME_SHAPE: ();
    /// Whether some operand is a run-time view, whose shape [`zip`]
    /// compares when it is called.
    #[doc(hidden)]
    const RUN_TIME: bool;
    /// Whether every operand has the first one's extents (compared at run
    /// time, for a tuple with a run-time view).
    #[doc(hidden)]
    fn same_extents(&self) -> bool;
}

/// The message of a shape mismatch.
const SHAPES_DIFFER: &str = "zip needs views of the same shape";

/// Whether two optional static shapes may agree (`None` is compared at run time).
const fn may_agree(a: Option<&[usize]>, b: Option<&[usize]>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_shape(a, b),
        _ => true,
    }
}

/// The first of `shapes` that the type fixes.
const fn first_static(shapes: &[Option<&'static [usize]>]) -> Option<&'static [usize]> {
    let mut k = 0;
    while k < shapes.len() {
        if let Some(shape) = shapes[k] {
            return Some(shape);
        }
        k += 1;
    }
    None
}

/// `f`, its type tied to positions of `N` operands (what the closures of
/// `fold` and `map_into` take, so that their patterns need no annotation).
#[inline(always)]
fn fold_step<Acc, const N: usize, F: FnMut(Acc, [usize; N]) -> Acc>(_start: &[usize; N], f: F) -> F {
    f
}

macro_rules! zip_impl {
    ($first:ident $fv:ident $fb:ident $fe:ident $(, $other:ident $ov:ident $ob:ident $oe:ident)*) => {
        zip_impl!(@ [$first $fv $fb $fe $(, $other $ov $ob $oe)*] [$first $fv] [$($other),*]);
    };
    (@ [$($operand:ident $value:ident $base:ident $element:ident),+] [$first:ident $fv:ident] [$($other:ident),*]) => {
        impl<$($operand: Operand),+> Sealed for ($($operand,)+) {}

        /// The type checker compares the shapes where they are types
        /// ([`SameShape`]); every shape a type fixes is compared again in
        /// `const`, and those of run-time views when `zip` is called.
        #[diagnostic::do_not_recommend]
        impl<$($operand: Operand),+> Operands for ($($operand,)+)
        where
            $($other::Shape: SameShape<$first::Shape>,)*
        {
            const SAME_SHAPE: () = {
                let first = first_static(&[$($operand::STATIC_SHAPE),+]);
                $(assert!(may_agree(first, $operand::STATIC_SHAPE), "{}", SHAPES_DIFFER);)+
            };
            const RUN_TIME: bool = $($operand::STATIC_SHAPE.is_none())||+;

            #[inline]
            fn same_extents(&self) -> bool {
                let ($($value,)+) = self;
                let first = $fv.extents();
                true $(&& same_shape(first, $value.extents()))+
            }
        }

        impl<$($operand: Operand),+> Zip<($($operand,)+)> {
            /// Calls `f` on the elements at every index, in C order.
            #[inline]
            pub fn for_each(self, mut f: impl FnMut($($operand::Item),+)) {
                self.fold((), |(), $($element),+| f($($element),+))
            }

            /// Folds the elements at every index into an accumulator, in C order.
            #[inline]
            pub fn fold<Acc>(self, init: Acc, mut f: impl FnMut(Acc, $($operand::Item),+) -> Acc) -> Acc {
                let ($($value,)+) = self.operands;
                $(let $base = $value.base_ptr();)+
                let (shape, strides, start) = ($fv.extents(), [$($value.steps()),+], [$($value.start()),+]);
                let step = fold_step(&start, |acc, [$($element),+]| {
                    f(acc, $(
                        // SAFETY: `walk` yields the element of each
                        // operand at one index inside the common shape
                        // (checked by `zip`), each index once; the
                        // operand is alive (moved into this call, until
                        // its end); for a writable operand each element
                        // is asked for once (its layout is unique).
                        unsafe { $operand::item($base, $element) }
                    ),+)
                });
                // Run-time strides: the inner loop specialized on them
                // (a constant condition: one branch is compiled).
                if false $(|| $operand::STATIC_SHAPE.is_none())+ {
                    walk_fold_versioned(shape, strides, start, init, step)
                } else {
                    walk_fold(shape, strides, start, init, step)
                }
            }

            /// Writes `f(..)` of the elements at every index to `out` at that
            /// index; `out` must have the same shape (checked at compile time,
            /// or when called for run-time views).
            ///
            /// `f` is called once per index, in an order this method does not
            /// promise: C order where every layout is a constant; with a
            /// run-time view among the operands or as `out`, a rank-2 shape is
            /// walked two rows at a time (`[i, j]`, then `[i + 1, j]`), which
            /// shares the loop's overhead between two rows when the row length
            /// is a value. For an `f` whose side effects need C order, use
            /// [`for_each`](Self::for_each) with `out` as an operand.
            #[inline]
            #[track_caller]
            pub fn map_into<'o, T: 'o, O>(self, out: O, mut f: impl FnMut($($operand::Item),+) -> T)
            where
                O: Operand<Elem = T, Item = &'o mut T>,
                O::Shape: SameShape<$first::Shape>,
            {
                const {
                    assert!(
                        may_agree(first_static(&[$($operand::STATIC_SHAPE),+]), O::STATIC_SHAPE),
                        "map_into needs an output of the same shape"
                    )
                }
                let ($($value,)+) = self.operands;
                if O::STATIC_SHAPE.is_none() || $first::STATIC_SHAPE.is_none() {
                    assert!(same_shape($fv.extents(), out.extents()), "map_into needs an output of the same shape");
                }
                $(let $base = $value.base_ptr();)+
                let target = out.base_ptr();
                let (shape, strides, start) = (
                    out.extents(),
                    [$($value.steps(),)+ out.steps()],
                    [$($value.start(),)+ out.start()],
                );
                let step = fold_step(&start, |(), [$($element,)+ o]| {
                        let value = f($(
                            // SAFETY: as in `fold`.
                            unsafe { $operand::item($base, $element) }
                        ),+);
                        // SAFETY: `o` is an element of the writable `out` (a
                        // unique layout), at an index `walk` visits once;
                        // `out` is moved or borrowed exclusively into this
                        // call, and is none of the operands (they were moved
                        // in too, so none of them is that view or a borrow
                        // of it).
                        unsafe { *O::item(target, o) = value };
                });
                if O::STATIC_SHAPE.is_none() $(|| $operand::STATIC_SHAPE.is_none())+ {
                    walk_fold_versioned_in_row_pairs(shape, strides, start, (), step)
                } else {
                    walk_fold(shape, strides, start, (), step)
                }
            }
        }
    };
}

/// Operands whose items are `&E`: the sources of `copy_from`, `dot`, `contract`.
pub trait Source<'s>: Operand<Item = &'s <Self as Operand>::Elem>
where
    <Self as Operand>::Elem: 's,
{
}

impl<'s, O: Operand<Item = &'s <O as Operand>::Elem>> Source<'s> for O where O::Elem: 's {}

/// Several operands walked together, made by [`zip`].
#[derive(Clone, Copy)]
pub struct Zip<T> {
    operands: T,
}

/// Walks 1 to 8 views of one shape together (`for_each` and `fold` in C
/// order, `map_into` in an order it does not promise): a tuple of
/// operands ([`Operand`]), read-only and writable mixed. Different shapes
/// are a compile error where every shape is a type.
///
/// # Panics
///
/// If an operand is a run-time view ([`DynView`](crate::DynView),
/// [`DynViewMut`](crate::DynViewMut)) and the shapes differ: they are then
/// compared when `zip` is called, as `copy_from_slice` compares lengths.
///
/// ```
/// use view_macros::strided_view;
/// strided_view! {
///     Row: [i32; 4] { shape: [6, 4], strides: [0, 1] }
///     Column: [i32; 6] { shape: [6, 4], strides: [1, 0] }
///     mut Out: [i32; 24] { shape: [6, 4] }
/// }
/// let (x, y) = ([0, 1, 2, 3], [6, 7, 8, 9, 10, 11]);
/// let mut sum = [0; 24];
/// let mut out = Out::view_mut(&mut sum);
/// view_core::zip((Row::view(&x), Column::view(&y), &mut out)).for_each(|a, b, o| *o = a + b);
/// assert_eq!(sum[..4], [6, 7, 8, 9]);
/// assert_eq!(sum[20..], [11, 12, 13, 14]);
/// ```
#[inline]
#[track_caller]
pub fn zip<T: Operands>(operands: T) -> Zip<T> {
    const { T::SAME_SHAPE }
    if T::RUN_TIME {
        assert!(operands.same_extents(), "{}", SHAPES_DIFFER);
    }
    Zip { operands }
}

zip_impl!(A va pa ea);
zip_impl!(A va pa ea, B vb pb eb);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg, H vh ph eh);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg, H vh ph eh, I vi pi ei);
