//! A C-order walk over a layout's indices, one step at a time, from both
//! ends: what the iterators' `next` and `next_back` run.
//!
//! It yields element positions only (dereferencing is the operand layer's
//! business). Each end holds a *run*: a count of indices it may yield from
//! its current row with no other test, by bumping its element with the last
//! axis's constant stride. So the step a `for` loop runs is one counter
//! test, one decrement and one add, as in a hand-written loop. Only when the
//! run is used up does the refill run: it moves on to the next row (the
//! odometer over the outer axes) and takes the next run.
//!
//! Both ends draw their runs from one pool, the indices between them that
//! neither holds: together they visit each index exactly once. An end that
//! finds the pool empty first returns the other end's run to it (the two
//! runs then lie in one row), so no end ever yields an index the other
//! holds. The refill is inlined: a call that took the cursor by reference
//! would keep it in memory, and every step would wait on a store and a load
//! of its counters.

use crate::facts::Facts;
use crate::layout::{element_at, Dim, Layout};

/// The extent of `L`'s last axis (1 for rank 0: one row of one index).
#[inline(always)]
fn row_len<L: Layout>() -> usize {
    L::SHAPE.as_ref().last().copied().unwrap_or(1)
}

/// The stride of `L`'s last axis (0 for rank 0).
#[inline(always)]
fn row_stride<L: Layout>() -> isize {
    L::STRIDES.as_ref().last().copied().unwrap_or(0)
}

/// `element + times * stride`, wrapping (every position the cursor forms
/// for an index inside the shape is that index's element, in range).
#[inline(always)]
fn moved(element: usize, times: usize, stride: isize) -> usize {
    element.wrapping_add_signed((times as isize).wrapping_mul(stride))
}

/// Front and back positions of a C-order walk over `L`'s indices.
///
/// Positions are ordinals in C order: the front's next index `f`, the
/// back's next index `b` (`f <= b + 1`). **Invariant** (of a non-empty
/// layout; an empty one yields nothing and holds zeros):
/// - the front holds `front_run` indices `f..f + front_run`, all in the row
///   of `front` (its outer coordinates), and `front_rest` more indices of
///   that row follow them; `front`'s last coordinate is `f`'s, `row_len -
///   (front_run + front_rest)`, kept up to date at each step so that `next`
///   need not compute it; `front_element` is the element of `f` (while
///   `front_run + front_rest > 0`; else that of one step past the row's
///   end, where the refill finds it);
/// - the back likewise holds `back_run` indices `b - back_run + 1..=b` of the
///   row of `back`, `back_rest` more indices of that row precede them,
///   `back`'s last coordinate is `b`'s, `back_run + back_rest - 1`
///   (wrapping), and `back_element` is the element of `b` (or of one step
///   before the row's start);
/// - `pool` indices lie strictly between the two runs; no index is yielded
///   twice, none is skipped: `f + front_run + pool + back_run = b + 1`.
pub(crate) struct Cursor<L: Layout> {
    front: L::Index,
    front_element: usize,
    front_run: usize,
    front_rest: usize,
    back: L::Index,
    back_element: usize,
    back_run: usize,
    back_rest: usize,
    pool: usize,
}

impl<L: Layout> Clone for Cursor<L> {
    fn clone(&self) -> Self {
        Cursor { ..*self }
    }
}

impl<L: Layout> Cursor<L> {
    /// The walk over every index of `L`: the front holds the first row.
    #[inline]
    pub(crate) fn new() -> Self {
        let zeros = <L::Index as Dim>::ZEROS;
        if Facts::<L>::SIZE == 0 {
            return Cursor {
                front: zeros,
                front_element: L::OFFSET,
                front_run: 0,
                front_rest: 0,
                back: zeros,
                back_element: L::OFFSET,
                back_run: 0,
                back_rest: 0,
                pool: 0,
            };
        }
        let mut back = zeros;
        for (i, &n) in back.as_mut().iter_mut().zip(L::SHAPE.as_ref()) {
            *i = n.saturating_sub(1);
        }
        let n = row_len::<L>();
        Cursor {
            front: zeros,
            front_element: L::OFFSET,
            front_run: n,
            front_rest: 0,
            back,
            back_element: element_at::<L>(&back),
            back_run: 0,
            back_rest: n,
            pool: Facts::<L>::SIZE - n,
        }
    }

    /// Indices not yet yielded from either end.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.pool + self.front_run + self.back_run
    }

    /// Whether no element was taken yet from either end: then a whole-view
    /// traversal (`walk`) may replace element-by-element stepping.
    #[inline(always)]
    pub(crate) fn is_fresh(&self) -> bool {
        self.len() == Facts::<L>::SIZE
    }

    /// Moves the front's last coordinate `steps` on, as `front_run`
    /// shrinks by `steps` (see the invariant).
    #[inline(always)]
    fn front_stepped(&mut self, steps: usize) {
        if let Some(last) = self.front.as_mut().last_mut() {
            *last = last.wrapping_add(steps);
        }
    }

    /// Moves the back's last coordinate `steps` back, as `back_run` shrinks.
    #[inline(always)]
    fn back_stepped(&mut self, steps: usize) {
        if let Some(last) = self.back.as_mut().last_mut() {
            *last = last.wrapping_sub(steps);
        }
    }

    /// The front index and its element, then the front moves one step on.
    #[inline(always)]
    pub(crate) fn next_front(&mut self) -> Option<(L::Index, usize)> {
        if self.front_run == 0 && !self.refill_front() {
            return None;
        }
        let taken = (self.front, self.front_element);
        self.front_run -= 1;
        self.front_stepped(1);
        self.front_element = moved(self.front_element, 1, row_stride::<L>());
        Some(taken)
    }

    /// The back index and its element, then the back moves one step back.
    #[inline(always)]
    pub(crate) fn next_back(&mut self) -> Option<(L::Index, usize)> {
        if self.back_run == 0 && !self.refill_back() {
            return None;
        }
        let taken = (self.back, self.back_element);
        self.back_run -= 1;
        self.back_stepped(1);
        self.back_element = moved(self.back_element, 1, row_stride::<L>().wrapping_neg());
        Some(taken)
    }

    /// Skips `n` indices at the front (all that are left if fewer), a run
    /// at a time.
    #[inline]
    pub(crate) fn skip_front(&mut self, mut n: usize) {
        loop {
            let step = n.min(self.front_run);
            self.front_run -= step;
            self.front_stepped(step);
            self.front_element = moved(self.front_element, step, row_stride::<L>());
            n -= step;
            if n == 0 || !self.refill_front() {
                return;
            }
        }
    }

    /// Skips `n` indices at the back (all that are left if fewer).
    #[inline]
    pub(crate) fn skip_back(&mut self, mut n: usize) {
        loop {
            let step = n.min(self.back_run);
            self.back_run -= step;
            self.back_stepped(step);
            self.back_element = moved(self.back_element, step, row_stride::<L>().wrapping_neg());
            n -= step;
            if n == 0 || !self.refill_back() {
                return;
            }
        }
    }

    /// Folds every index left at the front, in C order, a run at a time:
    /// each run is a counted loop whose positions are `start + j * stride`,
    /// which the optimizer treats like a hand-written inner loop.
    #[inline(always)]
    pub(crate) fn fold_front<B>(mut self, init: B, mut f: impl FnMut(B, L::Index, usize) -> B) -> B {
        let mut acc = init;
        let stride = row_stride::<L>();
        loop {
            let (run, start, first) = (self.front_run, self.front_element, self.front);
            let first_last = first.as_ref().last().copied().unwrap_or(0);
            for j in 0..run {
                let mut index = first;
                if let Some(last) = index.as_mut().last_mut() {
                    *last = first_last + j;
                }
                acc = f(acc, index, moved(start, j, stride));
            }
            self.front_run = 0;
            self.front_stepped(run);
            self.front_element = moved(start, run, stride);
            if !self.refill_front() {
                return acc;
            }
        }
    }

    /// Folds every index left at the back, in reverse C order, a run at a time.
    #[inline(always)]
    pub(crate) fn fold_back<B>(mut self, init: B, mut f: impl FnMut(B, L::Index, usize) -> B) -> B {
        let mut acc = init;
        let stride = row_stride::<L>().wrapping_neg();
        loop {
            let (run, start, first) = (self.back_run, self.back_element, self.back);
            let first_last = first.as_ref().last().copied().unwrap_or(0);
            for j in 0..run {
                let mut index = first;
                if let Some(last) = index.as_mut().last_mut() {
                    *last = first_last.wrapping_sub(j);
                }
                acc = f(acc, index, moved(start, j, stride));
            }
            self.back_run = 0;
            self.back_stepped(run);
            self.back_element = moved(start, run, stride);
            if !self.refill_back() {
                return acc;
            }
        }
    }

    /// The front's run is used up: take the next one, moving to the next
    /// row first if this one is done. `false` when nothing is left.
    #[inline(always)]
    fn refill_front(&mut self) -> bool {
        if self.pool == 0 {
            // What is left is the back's run (if anything): take it back
            // into the pool, so that the front yields it in order.
            self.pool = self.back_run;
            self.back_rest += self.back_run;
            self.back_run = 0;
            if self.pool == 0 {
                return false;
            }
        }
        if self.front_rest == 0 {
            // The row is done and the next index exists (`pool > 0`).
            self.carry_front();
            self.front_rest = row_len::<L>();
        }
        let take = self.front_rest.min(self.pool);
        self.front_rest -= take;
        self.pool -= take;
        self.front_run = take;
        true
    }

    /// The back's run is used up (see [`refill_front`](Self::refill_front)).
    #[inline(always)]
    fn refill_back(&mut self) -> bool {
        if self.pool == 0 {
            self.pool = self.front_run;
            self.front_rest += self.front_run;
            self.front_run = 0;
            if self.pool == 0 {
                return false;
            }
        }
        if self.back_rest == 0 {
            self.carry_back();
            self.back_rest = row_len::<L>();
        }
        let take = self.back_rest.min(self.pool);
        self.back_rest -= take;
        self.pool -= take;
        self.back_run = take;
        true
    }

    /// The front passed the end of its row, and a next row exists: its
    /// element and last coordinate back to the row's start, the odometer
    /// one step on over the outer axes.
    #[inline(always)]
    fn carry_front(&mut self) {
        let mut element = moved(self.front_element, row_len::<L>(), row_stride::<L>().wrapping_neg());
        if let Some((last, outer)) = self.front.as_mut().split_last_mut() {
            *last = 0;
            for ((i, &n), &s) in outer.iter_mut().zip(L::SHAPE.as_ref()).zip(L::STRIDES.as_ref()).rev() {
                if *i + 1 < n {
                    *i += 1;
                    element = element.wrapping_add_signed(s);
                    break;
                }
                element = moved(element, *i, s.wrapping_neg());
                *i = 0;
            }
        }
        self.front_element = element;
    }

    /// The back passed the start of its row, and a previous row exists
    /// (see [`carry_front`](Self::carry_front)).
    #[inline(always)]
    fn carry_back(&mut self) {
        let mut element = moved(self.back_element, row_len::<L>(), row_stride::<L>());
        if let Some((last, outer)) = self.back.as_mut().split_last_mut() {
            *last = row_len::<L>().wrapping_sub(1);
            for ((i, &n), &s) in outer.iter_mut().zip(L::SHAPE.as_ref()).zip(L::STRIDES.as_ref()).rev() {
                if *i > 0 {
                    *i -= 1;
                    element = element.wrapping_add_signed(s.wrapping_neg());
                    break;
                }
                let last = n.saturating_sub(1);
                element = moved(element, last, s);
                *i = last;
            }
        }
        self.back_element = element;
    }
}
