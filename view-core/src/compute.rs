//! Computing with views: traversals, reductions and the contraction of
//! trailing axes (NumPy's `einsum('ijkl,kl->ij')`), for `View` and, through
//! a borrow, `ViewMut`.
//!
//! Everything here is a [`zip`] traversal (the loop nest of `walk` over the
//! operands' constant strides), but `contract`, a loop nest of its own over
//! the same operand layer: no allocation, no bounds check. Shapes that must
//! agree are compared at compile time.

use core::ops::{Add, Deref, Mul};

use crate::layout::{Layout, UniqueLayout};
use crate::proof::same_shape;
use crate::shape::{Concat, SameShape};
use crate::view::View;
use crate::view_mut::ViewMut;
use crate::walk::{walk, walk_versioned};
use crate::zip::{zip, Operand};

/// Whether the leading axes of `whole` are `outer` and its trailing axes `inner`.
pub(crate) const fn splits_into(whole: &[usize], outer: &[usize], inner: &[usize]) -> bool {
    if whole.len() != outer.len() + inner.len() {
        return false;
    }
    let (head, tail) = whole.split_at(outer.len());
    same_shape(head, outer) && same_shape(tail, inner)
}

/// Whether `x` is incomparable even with itself (a NaN).
#[inline(always)]
pub(crate) fn is_nan<E: PartialOrd>(x: &E) -> bool {
    x.partial_cmp(x).is_none()
}

/// The read-only computations, written once for `View` (by value, it is
/// `Copy`), `ViewMut` (through `&self`, as a `View` of the borrow) and the
/// run-time views. `$setup` is the doc examples' first lines: they make
/// `column`, a view of the elements `[4, -1, 7]` of `data`.
macro_rules! read_only {
    ($self_:ty, $this:ident => $view:expr, $lifetime:lifetime, $shape:ty, $setup:expr) => {
        /// Calls `f` on every element, in C order.
        ///
        #[doc = concat!("```\n", $setup, "
let mut seen = Vec::new();
column.for_each(|&x| seen.push(x));
assert_eq!(seen, [4, -1, 7]);
```")]
        #[inline]
        pub fn for_each(self: $self_, f: impl FnMut(&$lifetime E)) {
            { let $this = self; zip(($view,)) }.for_each(f)
        }

        /// Folds every element into an accumulator, in C order.
        ///
        #[doc = concat!("```\n", $setup, "
assert_eq!(column.fold(0, |acc, &x| 10 * acc + x), 4 * 100 - 10 + 7);
```")]
        #[inline]
        pub fn fold<B>(self: $self_, init: B, f: impl FnMut(B, &$lifetime E) -> B) -> B {
            { let $this = self; zip(($view,)) }.fold(init, f)
        }

        /// The sum of the elements in C order, starting from `E::default()`.
        ///
        #[doc = concat!("```\n", $setup, "
assert_eq!(column.sum(), 10);
```")]
        #[inline]
        pub fn sum(self: $self_) -> E
        where
            E: Copy + Default + Add<Output = E>,
        {
            { let $this = self; zip(($view,)) }.fold(E::default(), |acc, &x| acc + x)
        }

        /// The smallest element (the first of equals), `None` when empty.
        /// Like `f32::min`, NaN is ignored unless every element is NaN.
        ///
        #[doc = concat!("```\n", $setup, "
assert_eq!(column.min(), Some(-1));
```")]
        #[inline]
        pub fn min(self: $self_) -> Option<E>
        where
            E: Copy + PartialOrd,
        {
            { let $this = self; zip(($view,)) }.fold(None, |best: Option<E>, &x| match best {
                Some(b) if !(x < b || is_nan(&b)) => Some(b),
                _ => Some(x),
            })
        }

        /// The largest element (the first of equals), `None` when empty.
        /// Like `f32::max`, NaN is ignored unless every element is NaN.
        ///
        #[doc = concat!("```\n", $setup, "
assert_eq!(column.max(), Some(7));
```")]
        #[inline]
        pub fn max(self: $self_) -> Option<E>
        where
            E: Copy + PartialOrd,
        {
            { let $this = self; zip(($view,)) }.fold(None, |best: Option<E>, &x| match best {
                Some(b) if !(x > b || is_nan(&b)) => Some(b),
                _ => Some(x),
            })
        }

        /// `Σ self[i] * other[i]` over every index, in C order; `other` is a
        /// view or a borrowed writable view of the same shape (checked at
        /// compile time where both shapes are types, else when called).
        ///
        #[doc = concat!("```\n", $setup, "
assert_eq!(column.dot(column), 16 + 1 + 49);
```")]
        #[inline]
        #[track_caller]
        pub fn dot<S>(self: $self_, other: S) -> E
        where
            S: Operand,
            S::Item: Deref<Target = E>,
            S::Shape: SameShape<$shape>,
            E: Copy + Default + Add<Output = E> + Mul<Output = E>,
        {
            { let $this = self; zip(($view, other)) }.fold(E::default(), |acc, &a, b| acc + a * *b)
        }

        /// Writes `f(self[i])` to `out[i]` for every index. The shapes must be
        /// equal (checked at compile time where both shapes are types, else
        /// when called). `f` is called once per index, in an order not
        /// promised (see [`Zip::map_into`](crate::Zip::map_into)).
        ///
        #[doc = concat!("```\n", $setup, "
view_macros::strided_view! {
    mut Out: [i64; 3] { shape: [3] }
}
let mut out = [0i64; 3];
column.map_into(&mut Out::view_mut(&mut out), |&x| i64::from(x) * 2);
assert_eq!(out, [8, -2, 14]);
```")]
        #[inline]
        #[track_caller]
        pub fn map_into<'o, T: 'o, O>(self: $self_, out: O, f: impl FnMut(&$lifetime E) -> T)
        where
            O: Operand<Elem = T, Item = &'o mut T>,
            O::Shape: SameShape<$shape>,
        {
            { let $this = self; zip(($view,)) }.map_into(out, f)
        }
    };
}

pub(crate) use read_only;

/// The doc examples' first lines for `View`: `column`, the view `[4, -1, 7]`.
macro_rules! static_column {
    () => {
        "view_macros::strided_view! {
    Column: [i32; 6] { shape: [3], strides: [2], offset: 1 }
}
let data = [9, 4, 9, -1, 9, 7];
let column = Column::view(&data); // [4, -1, 7]"
    };
}

/// The same for `ViewMut` (a borrowed writable view).
macro_rules! static_column_mut {
    () => {
        "view_macros::strided_view! {
    mut Column: [i32; 6] { shape: [3], strides: [2], offset: 1 }
}
let mut data = [9, 4, 9, -1, 9, 7];
let column = Column::view_mut(&mut data); // [4, -1, 7]
let column = &column;"
    };
}

impl<'a, E, L: Layout> View<'a, E, L> {
    read_only!(Self, this => this, 'a, L::Shape, static_column!());
}

impl<E, L: UniqueLayout> ViewMut<'_, E, L> {
    read_only!(&Self, this => this.as_view(), '_, L::Shape, static_column_mut!());
}

/// The outputs [`contract_rows`] sums together where windows and output are
/// contiguous along a row: 16 lanes, four SSE or two AVX vectors of `f32`,
/// enough independent sums to hide the latency of each output's chain of
/// additions. A row's last outputs go in blocks of 8 and 4, then one by one.
const BLOCK: usize = 16;

/// `contract` for run-time operands, row by row; `false` (nothing done)
/// where it does not apply (an output or kernel of rank 0, an output row
/// shorter than 4).
///
/// The kernel's loops have run-time extents, which the optimizer cannot
/// unroll into the output's loop as it does constant ones. Every output
/// still starts at `E::default()` and gains `x * w` for each kernel element
/// in C order (the same additions in the same order as the element-by-element
/// loop); what changes is which loop is inner:
///
/// - windows and output contiguous along the output's last axis and a
///   square 2-D kernel of side 2 to 5 (the common image filters): as in the
///   next case, with the kernel's extents constants and its weights copied
///   to locals first, which the optimizer keeps in registers (no store to
///   `out` can change a local, while it could, for all the optimizer knows,
///   change the kernel's elements): the loop of a raw loop of constant
///   numbers;
/// - windows and output contiguous along the output's last axis, and a
///   kernel row of at most 8 elements: blocks of
///   [`BLOCK`] neighbouring outputs of a row are summed together, the
///   kernel's leading axes a run-time loop around its last axis unrolled
///   (one copy per extent), each tap one multiply-add across the block: a
///   vector of `BLOCK` lanes, loaded contiguously, kept in registers until
///   the block is stored (the row's last outputs in blocks of 8, 4, 1);
/// - otherwise the output's last axis is the inner loop: the row is
///   zeroed, then gains one pass per kernel row (its taps unrolled up to 8)
///   or, past 8 taps, one pass per kernel element; the passes are loops of
///   run-time strides that vectorize, at the price of re-reading and
///   re-writing the row once per pass.
///
/// The shapes were checked by `contract`: `windows` is `[out.., kernel..]`.
#[inline(always)]
fn contract_rows<'o, E, W, K, O>(windows: &W, kernel: &K, out: &O) -> bool
where
    W: Operand<Elem = E>,
    K: Operand<Elem = E>,
    O: Operand<Elem = E, Item = &'o mut E>,
    W::Item: Deref<Target = E>,
    K::Item: Deref<Target = E>,
    E: 'o + Copy + Default + Add<Output = E> + Mul<Output = E>,
{
    let (Some(last), Some(k_last)) = (
        out.extents().len().checked_sub(1),
        kernel.extents().len().checked_sub(1),
    ) else {
        return false;
    };
    if out.extents()[last] < 4 {
        return false;
    }
    let (w, k, o) = (windows.base_ptr(), kernel.base_ptr(), out.base_ptr());
    let (outer_strides, inner_strides) = windows.steps().split_at(last + 1);
    let (lead, extent) = out.extents().split_at(last);
    let (w_lead, w_last) = outer_strides.split_at(last);
    let (o_lead, o_last) = out.steps().split_at(last);
    let (k_lead, k_tail) = kernel.extents().split_at(k_last);
    let (wk_lead, wk_last) = inner_strides.split_at(k_last);
    let (kk_lead, kk_last) = kernel.steps().split_at(k_last);
    let (taps, w_tap, k_tap) = (k_tail[0], wk_last[0], kk_last[0]);
    const UNIT: &[isize] = &[1];
    // `WIDTH` outputs of a row from the `j`-th, summed whole: `window` is the
    // window element at `[i.., 0, 0..]`, `target` the output at `[i.., 0]`;
    // windows and output are contiguous along the row (steps of 1).
    macro_rules! block {
        ($taps:literal, $width:expr, $window:expr, $target:expr, $j:expr) => {{
            let mut acc = [E::default(); $width];
            walk(
                k_lead,
                [wk_lead, kk_lead],
                [$window.wrapping_add($j), kernel.start()],
                |[x, y]| {
                    for b in 0..$taps {
                        let shift = (b as isize).wrapping_mul(w_tap);
                        // SAFETY: `y + b * k_tap` is the kernel element at
                        // `[k_lead.., b]`, `b < taps`: an index inside `K`'s
                        // shape; the operand is alive; the item is dropped at once.
                        let weight = unsafe { *K::item(k, y.wrapping_add_signed((b as isize).wrapping_mul(k_tap))) };
                        for (l, acc) in acc.iter_mut().enumerate() {
                            // SAFETY: `x + l + b * w_tap` is the element of `W` at
                            // `[i.., j + l, k_lead.., b]` (its step along the
                            // output's last axis is 1): the outer walk's index,
                            // `j + l < n` (the block lies in the row), the kernel
                            // walk's index and `b < taps` (inside `K`'s shape =
                            // `W`'s trailing extents); the operand is alive, the
                            // item dropped at once.
                            let value = unsafe { *W::item(w, x.wrapping_add(l).wrapping_add_signed(shift)) };
                            *acc = *acc + value * weight;
                        }
                    }
                },
            );
            for (l, acc) in acc.into_iter().enumerate() {
                // SAFETY: `target + j + l` is the element of the writable `out`
                // at `[i.., j + l]` (its last step is 1, `j + l < n`), visited
                // once; `out` is borrowed exclusively by `contract` and is
                // neither operand; the item is dropped before the next is made.
                unsafe { *O::item(o, $target.wrapping_add($j + l)) = acc };
            }
        }};
    }
    // Every row of the output in blocks of `BLOCK` outputs, then one block
    // of 8 and one of 4 where they fit, then one by one: `$block!(k,
    // width, window, target, j, ..)` for each (`k` the taps or the side).
    let n = extent[0];
    macro_rules! in_blocks {
        ($block:ident, $k:literal $(, $extra:ident)?) => {
            walk(
                lead,
                [w_lead, o_lead],
                [windows.start(), out.start()],
                |[window, target]| {
                    let mut j = 0;
                    while n - j >= BLOCK {
                        $block!($k, BLOCK, window, target, j $(, $extra)?);
                        j += BLOCK;
                    }
                    if n - j >= BLOCK / 2 {
                        $block!($k, BLOCK / 2, window, target, j $(, $extra)?);
                        j += BLOCK / 2;
                    }
                    if n - j >= BLOCK / 4 {
                        $block!($k, BLOCK / 4, window, target, j $(, $extra)?);
                        j += BLOCK / 4;
                    }
                    while j < n {
                        $block!($k, 1, window, target, j $(, $extra)?);
                        j += 1;
                    }
                },
            )
        };
    }
    // `block!` for a square kernel of side `$side` (a constant), its
    // weights copied to `$weights` (locals, which the optimizer keeps in
    // registers: no store to `out` can change them).
    macro_rules! square_block {
        ($side:literal, $width:expr, $window:expr, $target:expr, $j:expr, $weights:expr) => {{
            let mut acc = [E::default(); $width];
            for (a, weights) in $weights.iter().enumerate() {
                let x = $window
                    .wrapping_add($j)
                    .wrapping_add_signed((a as isize).wrapping_mul(wk_lead[0]));
                for (b, &weight) in weights.iter().enumerate() {
                    let shift = (b as isize).wrapping_mul(w_tap);
                    for (l, acc) in acc.iter_mut().enumerate() {
                        // SAFETY: as in `block!`: the element of `W` at
                        // `[i.., j + l, a, b]`, `a, b < side` (the kernel's
                        // shape = `W`'s trailing extents), `j + l < n`.
                        let value = unsafe { *W::item(w, x.wrapping_add(l).wrapping_add_signed(shift)) };
                        *acc = *acc + value * weight;
                    }
                }
            }
            for (l, acc) in acc.into_iter().enumerate() {
                // SAFETY: as in `block!`.
                unsafe { *O::item(o, $target.wrapping_add($j + l)) = acc };
            }
        }};
    }
    // A square kernel of side 2 to 5 (the common image filters), with its
    // weights in locals.
    macro_rules! square {
        ($side:literal) => {{
            let weights: [[E; $side]; $side] = core::array::from_fn(|a| {
                core::array::from_fn(|b| {
                    let at = kernel
                        .start()
                        .wrapping_add_signed((a as isize).wrapping_mul(kk_lead[0]))
                        .wrapping_add_signed((b as isize).wrapping_mul(k_tap));
                    // SAFETY: the kernel element at `[a, b]`, inside its shape
                    // (`side` by `side`); the operand is alive; the item is
                    // dropped at once.
                    unsafe { *K::item(k, at) }
                })
            });
            in_blocks!(square_block, $side, weights)
        }};
    }
    if w_last == UNIT && o_last == UNIT && k_lead == [taps] && (2..=5).contains(&taps) {
        match taps {
            2 => square!(2),
            3 => square!(3),
            4 => square!(4),
            _ => square!(5),
        }
        return true;
    }
    if w_last == UNIT && o_last == UNIT && (1..=8).contains(&taps) {
        match taps {
            1 => in_blocks!(block, 1),
            2 => in_blocks!(block, 2),
            3 => in_blocks!(block, 3),
            4 => in_blocks!(block, 4),
            5 => in_blocks!(block, 5),
            6 => in_blocks!(block, 6),
            7 => in_blocks!(block, 7),
            _ => in_blocks!(block, 8),
        }
        return true;
    }
    // One pass of the kernel's last axis, `TAPS` long, over an output row:
    // `window` is the window element at `[i.., 0, k_lead.., 0]`, `weights`
    // the kernel elements at `[k_lead.., 0..TAPS]`.
    macro_rules! pass {
        ($taps:literal, $window:expr, $target:expr, $weights:expr) => {{
            let weights: [E; $taps] = core::array::from_fn(|b| {
                // SAFETY: `$weights + b * k_tap` is the kernel element at
                // `[k_lead.., b]`, `b < taps`: an index inside `K`'s shape;
                // the operand is alive; the item is dropped at once.
                unsafe { *K::item(k, $weights.wrapping_add_signed((b as isize).wrapping_mul(k_tap))) }
            });
            // The taps as operands of their own: tap `b` starts at the window
            // element `[i.., 0, k_lead.., b]` and moves along the output's last
            // axis with the windows' stride of it; the output is the last
            // operand. Every position is then an affine function of `j`.
            let mut steps = [w_last; $taps + 1];
            steps[$taps] = o_last;
            let starts: [usize; $taps + 1] = core::array::from_fn(|b| {
                if b < $taps {
                    $window.wrapping_add_signed((b as isize).wrapping_mul(w_tap))
                } else {
                    $target
                }
            });
            let step = |positions: [usize; $taps + 1]| {
                // SAFETY: `positions[TAPS]` is the element of the writable
                // `out` at an index inside its shape (the outer walk fixes its
                // leading coordinates, this loop the last); `out` is borrowed
                // exclusively by `contract` and is neither operand; the item
                // is dropped before the next is made.
                let slot = unsafe { O::item(o, positions[$taps]) };
                let mut acc = *slot;
                let mut b = 0;
                while b < $taps {
                    // SAFETY: `positions[b]` is the element of `W` at `[i..,
                    // j, k_lead.., b]`: the outer walk's index, this loop's `j`
                    // (inside `out`'s last extent, which is `W`'s too), the
                    // kernel walk's leading index and `b < taps` (inside `K`'s
                    // shape = `W`'s trailing extents); the operand is alive,
                    // the item dropped at once.
                    acc = acc + unsafe { *W::item(w, positions[b]) } * weights[b];
                    b += 1;
                }
                *slot = acc;
            };
            // Windows and output contiguous along the row (reached here for
            // single taps only: past 8 taps), with the strides as constants
            // (so that the taps' loads are vector loads, not gathers);
            // otherwise the strides as values.
            if $taps == 1 && w_last == UNIT && o_last == UNIT {
                walk(extent, [UNIT; $taps + 1], starts, step);
            } else {
                walk(extent, steps, starts, step);
            }
        }};
    }
    walk(
        lead,
        [w_lead, o_lead],
        [windows.start(), out.start()],
        |[window, target]| {
            walk_versioned(extent, [o_last], [target], |[o_j]| {
                // SAFETY: as in `pass`: an element of `out` inside its shape, the
                // item dropped at once.
                unsafe { *O::item(o, o_j) = E::default() };
            });
            walk(
                k_lead,
                [wk_lead, kk_lead],
                [window, kernel.start()],
                |[x, y]| match taps {
                    0 => {}
                    1 => pass!(1, x, target, y),
                    2 => pass!(2, x, target, y),
                    3 => pass!(3, x, target, y),
                    4 => pass!(4, x, target, y),
                    5 => pass!(5, x, target, y),
                    6 => pass!(6, x, target, y),
                    7 => pass!(7, x, target, y),
                    8 => pass!(8, x, target, y),
                    _ => walk(&k_tail[..1], [&wk_last[..1], &kk_last[..1]], [x, y], |[x, y]| {
                        pass!(1, x, target, y)
                    }),
                },
            );
        },
    );
    true
}

/// Contracts the trailing axes of `windows` with `kernel` into `out`:
/// `out[i..] = Σ_k windows[i.., k..] * kernel[k..]`, the tutorial's
/// `np.einsum('ijkl,kl->ij', windows, kernel)`, summed in C order of `k`.
/// `windows` and `kernel` are views or borrowed writable views.
///
/// The shapes must fit: `windows`' leading axes are `out`'s shape and its
/// trailing axes are `kernel`'s (checked at compile time where all three
/// shapes are types, else when called).
///
/// # Panics
///
/// If an operand is a run-time view and the shapes do not fit.
///
/// ```
/// use view_core::contract;
/// view_macros::strided_view! {
///     Signal: [i32; 6] { shape: [6] }
///     Windows = Signal.windows([3]);           // shape [4, 3]
///     Taps: [i32; 3] { shape: [3] }
///     mut Out: [i32; 4] { shape: [4] }
/// }
/// let (x, taps, mut y) = ([1, 2, 3, 4, 5, 6], [1, 0, -1], [0; 4]);
/// contract(Windows::of(Signal::view(&x)), Taps::view(&taps), &mut Out::view_mut(&mut y));
/// assert_eq!(y, [-2, -2, -2, -2]);
/// ```
#[inline]
#[track_caller]
pub fn contract<'o, E, W, K, O>(windows: W, kernel: K, out: O)
where
    W: Operand<Elem = E>,
    K: Operand<Elem = E>,
    O: Operand<Elem = E, Item = &'o mut E>,
    W::Item: Deref<Target = E>,
    K::Item: Deref<Target = E>,
    E: 'o + Copy + Default + Add<Output = E> + Mul<Output = E>,
    W::Shape: Concat<O::Shape, K::Shape>,
{
    const {
        if let (Some(w), Some(o), Some(k)) = (W::STATIC_SHAPE, O::STATIC_SHAPE, K::STATIC_SHAPE) {
            assert!(
                splits_into(w, o, k),
                "contract needs windows of shape [out.., kernel..]"
            )
        }
    }
    // Some operand is a run-time view (a constant condition).
    let run_time = W::STATIC_SHAPE.is_none() || K::STATIC_SHAPE.is_none() || O::STATIC_SHAPE.is_none();
    if run_time {
        assert!(
            splits_into(windows.extents(), out.extents(), kernel.extents()),
            "contract needs windows of shape [out.., kernel..]"
        );
    }
    // The outer loop runs over `out` (and the windows' leading axes); for
    // each output element the inner loop walks the window and the kernel.
    let (outer_strides, inner_strides) = windows.steps().split_at(out.extents().len().min(windows.steps().len()));
    let (w, k, o) = (windows.base_ptr(), kernel.base_ptr(), out.base_ptr());
    // Run-time operands: see `contract_rows`.
    if run_time && contract_rows::<E, W, K, O>(&windows, &kernel, &out) {
        return;
    }
    walk(
        out.extents(),
        [outer_strides, out.steps()],
        [windows.start(), out.start()],
        |[window, target]| {
            let mut acc = E::default();
            walk(
                kernel.extents(),
                [inner_strides, kernel.steps()],
                [window, kernel.start()],
                |[x, y]| {
                    // SAFETY: `window` is the element of `W` at `[i.., 0..]`
                    // and `x` the one at `[i.., k..]` with `k` inside `K`'s
                    // shape (= `W`'s trailing extents, checked above): an
                    // element of `W`; the operand is alive (moved into this
                    // call), and the item is dropped before any other is made.
                    let value = unsafe { W::item(w, x) };
                    // SAFETY: `y` is an element of `K` at an index of its
                    // shape; the operand is alive; the item is dropped at once.
                    let weight = unsafe { K::item(k, y) };
                    acc = acc + *value * *weight;
                },
            );
            // SAFETY: `target` is an element of the writable `out` (unique)
            // at an index the outer walk visits once; `out` is moved or
            // borrowed exclusively into this call and is neither operand
            // (they were moved in too).
            unsafe { *O::item(o, target) = acc };
        },
    );
}
