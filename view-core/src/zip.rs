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

use crate::layout::{Layout, UniqueLayout};
use crate::proof::same_shape;
use crate::raw::Base;
use crate::shape::SameShape;
use crate::walk::{walk, walk_fold};

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// A view taken by [`zip`] and the other whole-view operations: read-only
/// ([`View`](crate::View), `&View`, `&ViewMut`), yielding `&E`, or writable
/// (`&mut ViewMut`, `ViewMut`), yielding `&mut E`.
///
/// Sealed: implemented for the view types of this crate only.
pub trait Operand: Sealed {
    /// The layout of the view.
    type Layout: Layout;
    /// The element type.
    type Elem;
    /// What the traversal hands out for each element: `&E` or `&mut E`.
    type Item;

    /// The buffer start of the view (see the operand layer).
    #[doc(hidden)]
    fn base_ptr(&self) -> NonNull<Self::Elem>;

    /// The item of element `element`.
    ///
    /// # Safety
    /// `ptr` is [`base_ptr`](Self::base_ptr) of an operand of this type that
    /// is alive for the item's lifetime, `element` is reached by
    /// `Self::Layout`, and (for writable operands) no two items of one
    /// element are alive at the same time.
    #[doc(hidden)]
    unsafe fn item(ptr: NonNull<Self::Elem>, element: usize) -> Self::Item;
}

/// The base of an operand (whose layout passed view-core's checks when the
/// view was made).
#[inline(always)]
fn base_of<O: Operand>(operand: &O) -> Base<O::Elem, O::Layout> {
    // SAFETY: an operand is a view (or a borrow of one), whose pointer and
    // layout satisfy `Base`'s invariant: the view's constructor checked the
    // layout (`Facts::READABLE`) and the buffer's length.
    unsafe { Base::new(operand.base_ptr()) }
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

/// Walks 1 to 8 views of one shape together, in C order: a tuple of
/// operands ([`Operand`]), read-only and writable mixed. Different shapes
/// are a compile error.
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
pub fn zip<T: Operands>(operands: T) -> Zip<T> {
    const { T::SAME_SHAPE }
    Zip { operands }
}

/// A tuple of 1 to 8 [`Operand`]s of one shape.
#[diagnostic::on_unimplemented(
    message = "`zip` walks views of one shape: `{Self}` are not views of one shape",
    label = "views of different shapes (or something that is not a view)",
    note = "each operand's shape is a type (`Shape2<3, 4>` for a layout of shape [3, 4]); `zip` takes 1 to 8 views, `&View`s, `&ViewMut`s or `&mut ViewMut`s whose shape types are equal"
)]
pub trait Operands: Sealed {
    /// Evaluated by [`zip`]: a compile error unless every operand has the
    /// first one's shape.
    #[doc(hidden)]
    const SAME_SHAPE: ();
}

/// The message of a shape mismatch.
const SHAPES_DIFFER: &str = "zip needs views of the same shape";

macro_rules! zip_impl {
    ($first:ident $fv:ident $fb:ident $fe:ident $(, $other:ident $ov:ident $ob:ident $oe:ident)*) => {
        zip_impl!(@ [$first $fv $fb $fe $(, $other $ov $ob $oe)*] [$first] [$($other),*]);
    };
    (@ [$($operand:ident $value:ident $base:ident $element:ident),+] [$first:ident] [$($other:ident),*]) => {
        impl<$($operand: Operand),+> Sealed for ($($operand,)+) {}

        /// The type checker compares the shapes where they are types
        /// ([`SameShape`]); every shape is compared again in `const`.
        #[diagnostic::do_not_recommend]
        impl<$($operand: Operand),+> Operands for ($($operand,)+)
        where
            $(<$other::Layout as Layout>::Shape: SameShape<<$first::Layout as Layout>::Shape>,)*
        {
            const SAME_SHAPE: () = {
                let first = <<($($operand,)+) as FirstLayout>::Layout as Layout>::SHAPE_SLICE;
                $(assert!(same_shape(first, <$operand::Layout as Layout>::SHAPE_SLICE), "{}", SHAPES_DIFFER);)+
            };
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
                $(let $base = base_of(&$value);)+
                walk_fold(
                    <<($($operand,)+) as FirstLayout>::Layout as Layout>::SHAPE_SLICE,
                    [$(<$operand::Layout as Layout>::STRIDES_SLICE),+],
                    [$(<$operand::Layout as Layout>::OFFSET),+],
                    init,
                    |acc, [$($element),+]| {
                        f(acc, $(
                            // SAFETY: `walk` yields the element of each
                            // operand at one index inside the common shape
                            // (checked by `zip`), each index once; the
                            // operand is alive (moved into this call, until
                            // its end); for a writable operand each element
                            // is asked for once (its layout is unique).
                            unsafe { $operand::item($base.ptr(), $element) }
                        ),+)
                    },
                )
            }

            /// Writes `f(..)` of the elements at every index to `out` at that
            /// index; `out` must have the same shape (checked at compile time).
            #[inline]
            pub fn map_into<T, O: UniqueLayout>(
                self,
                out: &mut crate::ViewMut<'_, T, O>,
                mut f: impl FnMut($($operand::Item),+) -> T,
            ) where
                O::Shape: SameShape<<$first::Layout as Layout>::Shape>,
            {
                const {
                    assert!(
                        same_shape(<<($($operand,)+) as FirstLayout>::Layout as Layout>::SHAPE_SLICE, O::SHAPE_SLICE),
                        "map_into needs an output of the same shape"
                    )
                }
                let ($($value,)+) = self.operands;
                $(let $base = base_of(&$value);)+
                let target = out.base();
                walk(
                    O::SHAPE_SLICE,
                    [$(<$operand::Layout as Layout>::STRIDES_SLICE,)+ O::STRIDES_SLICE],
                    [$(<$operand::Layout as Layout>::OFFSET,)+ O::OFFSET],
                    |[$($element,)+ o]| {
                        let value = f($(
                            // SAFETY: as in `fold`.
                            unsafe { $operand::item($base.ptr(), $element) }
                        ),+);
                        // SAFETY: `o` is an element of the unique `O`, at an
                        // index `walk` visits once; `out` is borrowed
                        // exclusively for this call, and is none of the
                        // operands (they were moved in while `out` is
                        // borrowed here, so none of them is that `ViewMut`
                        // or a borrow of it).
                        unsafe { *target.write(o) = value };
                    },
                );
            }
        }
    };
}

/// The layout of a tuple's first operand: the shape the others must match.
#[doc(hidden)]
pub trait FirstLayout {
    /// The first operand's layout.
    type Layout: Layout;
}

macro_rules! first_layout {
    ($first:ident $(, $rest:ident)*) => {
        impl<$first: Operand $(, $rest: Operand)*> FirstLayout for ($first, $($rest,)*) {
            type Layout = $first::Layout;
        }
    };
}

first_layout!(A);
first_layout!(A, B);
first_layout!(A, B, C);
first_layout!(A, B, C, D);
first_layout!(A, B, C, D, F);
first_layout!(A, B, C, D, F, G);
first_layout!(A, B, C, D, F, G, H);
first_layout!(A, B, C, D, F, G, H, I);

zip_impl!(A va pa ea);
zip_impl!(A va pa ea, B vb pb eb);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg, H vh ph eh);
zip_impl!(A va pa ea, B vb pb eb, C vc pc ec, D vd pd ed, F vf pf ef, G vg pg eg, H vh ph eh, I vi pi ei);
