//! Shapes as types, so that the type checker compares them: `zip`,
//! `map_into`, `copy_from`, `dot` and `contract` of views of different
//! shapes are errors under `cargo check` (and in an editor), at the call,
//! naming both shapes.
//!
//! A layout names its shape as [`Shape2<4, 3>`] (rank 2, extents 4 and 3),
//! up to rank 8, with literals, named constants or the const parameters of a
//! generic layout (`Shape2<H, W>`). Where stable Rust cannot write the shape
//! as a type (an extent computed from a const parameter, `W - 2`; a rank
//! above 8; the trailing axes of a sub-view), the layout names
//! [`AnyShape`]: then the shapes are compared when the code is built (a
//! `const` assertion), not by `cargo check`.

/// The shape of a layout is not written as a type (see the module docs):
/// comparisons with it are left to the `const` checks of `cargo build`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct AnyShape;

/// A shape as a type: [`Shape0`] to [`Shape8`], or [`AnyShape`].
pub trait ShapeType: Copy + 'static + sealed::Sealed {
    /// The extents, or `None` for [`AnyShape`].
    const EXTENTS: Option<&'static [usize]>;
}

mod sealed {
    pub trait Sealed {}
}

impl sealed::Sealed for AnyShape {}

impl ShapeType for AnyShape {
    const EXTENTS: Option<&'static [usize]> = None;
}

/// Shapes that operations walking two views together accept: equal shapes,
/// or one of them [`AnyShape`] (compared when the code is built).
#[diagnostic::on_unimplemented(
    message = "the views have different shapes: `{Self}` and `{Other}`",
    label = "a view of shape `{Self}` where one of shape `{Other}` is walked",
    note = "`zip`, `map_into`, `copy_from`, `dot` and `contract` walk views of one shape, index by index"
)]
pub trait SameShape<Other: ShapeType>: ShapeType {}

#[diagnostic::do_not_recommend]
impl<S: ShapeType> SameShape<S> for AnyShape {}

macro_rules! shapes {
    ($($name:ident $rank:literal [$($n:ident),*];)*) => {
        $(
            #[doc = concat!("A shape of rank ", stringify!($rank), " as a type, its extents as const parameters.")]
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
            pub struct $name<$(const $n: usize),*>;

            impl<$(const $n: usize),*> sealed::Sealed for $name<$($n),*> {}

            impl<$(const $n: usize),*> ShapeType for $name<$($n),*> {
                const EXTENTS: Option<&'static [usize]> = Some(&[$($n),*]);
            }

            #[diagnostic::do_not_recommend]
            impl<$(const $n: usize),*> SameShape<$name<$($n),*>> for $name<$($n),*> {}

            #[diagnostic::do_not_recommend]
            impl<$(const $n: usize),*> SameShape<AnyShape> for $name<$($n),*> {}
        )*
    };
}

shapes! {
    Shape0 0 [];
    Shape1 1 [A];
    Shape2 2 [A, B];
    Shape3 3 [A, B, C];
    Shape4 4 [A, B, C, D];
    Shape5 5 [A, B, C, D, E];
    Shape6 6 [A, B, C, D, E, F];
    Shape7 7 [A, B, C, D, E, F, G];
    Shape8 8 [A, B, C, D, E, F, G, H];
}

/// `Self` is the shape of `Outer`'s extents followed by `Inner`'s: what
/// `contract` needs of its windows (`[out.., kernel..]`). Where one of the
/// three is [`AnyShape`], the check is left to `cargo build`.
#[diagnostic::on_unimplemented(
    message = "the windows' shape `{Self}` is not the output's `{Outer}` followed by the kernel's `{Inner}`",
    label = "windows of shape `{Self}`",
    note = "`contract` needs windows of shape `[out.., kernel..]`"
)]
pub trait Concat<Outer: ShapeType, Inner: ShapeType>: ShapeType {}

#[diagnostic::do_not_recommend]
impl<Outer: ShapeType, Inner: ShapeType> Concat<Outer, Inner> for AnyShape {}

macro_rules! concat {
    ($($whole:ident [$($w:ident),*] = $outer:ident [$($o:ident),*] ++ $inner:ident [$($i:ident),*];)*) => {
        $(
            #[diagnostic::do_not_recommend]
            impl<$(const $w: usize),*> Concat<$outer<$($o),*>, $inner<$($i),*>> for $whole<$($w),*> {}
        )*
    };
}

concat! {
    Shape0 [] = Shape0 [] ++ Shape0 [];
    Shape1 [A] = Shape0 [] ++ Shape1 [A];
    Shape1 [A] = Shape1 [A] ++ Shape0 [];
    Shape2 [A, B] = Shape0 [] ++ Shape2 [A, B];
    Shape2 [A, B] = Shape1 [A] ++ Shape1 [B];
    Shape2 [A, B] = Shape2 [A, B] ++ Shape0 [];
    Shape3 [A, B, C] = Shape0 [] ++ Shape3 [A, B, C];
    Shape3 [A, B, C] = Shape1 [A] ++ Shape2 [B, C];
    Shape3 [A, B, C] = Shape2 [A, B] ++ Shape1 [C];
    Shape3 [A, B, C] = Shape3 [A, B, C] ++ Shape0 [];
    Shape4 [A, B, C, D] = Shape0 [] ++ Shape4 [A, B, C, D];
    Shape4 [A, B, C, D] = Shape1 [A] ++ Shape3 [B, C, D];
    Shape4 [A, B, C, D] = Shape2 [A, B] ++ Shape2 [C, D];
    Shape4 [A, B, C, D] = Shape3 [A, B, C] ++ Shape1 [D];
    Shape4 [A, B, C, D] = Shape4 [A, B, C, D] ++ Shape0 [];
    Shape5 [A, B, C, D, E] = Shape0 [] ++ Shape5 [A, B, C, D, E];
    Shape5 [A, B, C, D, E] = Shape1 [A] ++ Shape4 [B, C, D, E];
    Shape5 [A, B, C, D, E] = Shape2 [A, B] ++ Shape3 [C, D, E];
    Shape5 [A, B, C, D, E] = Shape3 [A, B, C] ++ Shape2 [D, E];
    Shape5 [A, B, C, D, E] = Shape4 [A, B, C, D] ++ Shape1 [E];
    Shape5 [A, B, C, D, E] = Shape5 [A, B, C, D, E] ++ Shape0 [];
    Shape6 [A, B, C, D, E, F] = Shape0 [] ++ Shape6 [A, B, C, D, E, F];
    Shape6 [A, B, C, D, E, F] = Shape1 [A] ++ Shape5 [B, C, D, E, F];
    Shape6 [A, B, C, D, E, F] = Shape2 [A, B] ++ Shape4 [C, D, E, F];
    Shape6 [A, B, C, D, E, F] = Shape3 [A, B, C] ++ Shape3 [D, E, F];
    Shape6 [A, B, C, D, E, F] = Shape4 [A, B, C, D] ++ Shape2 [E, F];
    Shape6 [A, B, C, D, E, F] = Shape5 [A, B, C, D, E] ++ Shape1 [F];
    Shape6 [A, B, C, D, E, F] = Shape6 [A, B, C, D, E, F] ++ Shape0 [];
    Shape7 [A, B, C, D, E, F, G] = Shape0 [] ++ Shape7 [A, B, C, D, E, F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape1 [A] ++ Shape6 [B, C, D, E, F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape2 [A, B] ++ Shape5 [C, D, E, F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape3 [A, B, C] ++ Shape4 [D, E, F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape4 [A, B, C, D] ++ Shape3 [E, F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape5 [A, B, C, D, E] ++ Shape2 [F, G];
    Shape7 [A, B, C, D, E, F, G] = Shape6 [A, B, C, D, E, F] ++ Shape1 [G];
    Shape7 [A, B, C, D, E, F, G] = Shape7 [A, B, C, D, E, F, G] ++ Shape0 [];
    Shape8 [A, B, C, D, E, F, G, H] = Shape0 [] ++ Shape8 [A, B, C, D, E, F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape1 [A] ++ Shape7 [B, C, D, E, F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape2 [A, B] ++ Shape6 [C, D, E, F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape3 [A, B, C] ++ Shape5 [D, E, F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape4 [A, B, C, D] ++ Shape4 [E, F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape5 [A, B, C, D, E] ++ Shape3 [F, G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape6 [A, B, C, D, E, F] ++ Shape2 [G, H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape7 [A, B, C, D, E, F, G] ++ Shape1 [H];
    Shape8 [A, B, C, D, E, F, G, H] = Shape8 [A, B, C, D, E, F, G, H] ++ Shape0 [];
}

macro_rules! concat_any {
    ($($whole:ident [$($w:ident),*];)*) => {
        $(
            #[diagnostic::do_not_recommend]
            impl<Inner: ShapeType, $(const $w: usize),*> Concat<AnyShape, Inner> for $whole<$($w),*> {}
            concat_any!(@inner $whole [$($w),*]; Shape0 []; Shape1 [P0]; Shape2 [P0, P1]; Shape3 [P0, P1, P2];
                Shape4 [P0, P1, P2, P3]; Shape5 [P0, P1, P2, P3, P4]; Shape6 [P0, P1, P2, P3, P4, P5];
                Shape7 [P0, P1, P2, P3, P4, P5, P6]; Shape8 [P0, P1, P2, P3, P4, P5, P6, P7]);
        )*
    };
    (@inner $whole:ident $w:tt; $($outer:ident $o:tt);*) => {
        $(concat_any!(@one $whole $w $outer $o);)*
    };
    (@one $whole:ident [$($w:ident),*] $outer:ident [$($o:ident),*]) => {
        #[diagnostic::do_not_recommend]
        impl<$(const $w: usize,)* $(const $o: usize),*> Concat<$outer<$($o),*>, AnyShape> for $whole<$($w),*> {}
    };
}

concat_any! {
    Shape0 [];
    Shape1 [A];
    Shape2 [A, B];
    Shape3 [A, B, C];
    Shape4 [A, B, C, D];
    Shape5 [A, B, C, D, E];
    Shape6 [A, B, C, D, E, F];
    Shape7 [A, B, C, D, E, F, G];
    Shape8 [A, B, C, D, E, F, G, H];
}
