//! A C-order walk over a layout's indices, one step at a time, from both
//! ends: what the iterators' `next` and `next_back` run.
//!
//! It yields element positions only (dereferencing is the operand layer's
//! business). The step is a pointer bump on the last axis, the fastest one,
//! with a constant stride; only at the end of a row does the carry run over
//! the outer axes. `remaining` is shared by both ends, so together they
//! visit each index exactly once.

use crate::facts::Facts;
use crate::layout::{element_at, Dim, Layout};

/// Front and back positions of a C-order walk over `L`'s indices.
pub(crate) struct Cursor<L: Layout> {
    front: L::Index,
    front_element: usize,
    back: L::Index,
    back_element: usize,
    remaining: usize,
}

impl<L: Layout> Clone for Cursor<L> {
    fn clone(&self) -> Self {
        Cursor { ..*self }
    }
}

impl<L: Layout> Cursor<L> {
    /// The walk over every index of `L`.
    #[inline]
    pub(crate) fn new() -> Self {
        let mut back = <L::Index as Dim>::ZEROS;
        for (i, &n) in back.as_mut().iter_mut().zip(L::SHAPE.as_ref()) {
            *i = n.saturating_sub(1);
        }
        Cursor {
            front: <L::Index as Dim>::ZEROS,
            front_element: L::OFFSET,
            back,
            back_element: element_at::<L>(&back),
            remaining: Facts::<L>::SIZE,
        }
    }

    /// Indices not yet yielded from either end.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }

    /// Whether no element was taken yet from either end: then a whole-view
    /// traversal (`walk`) may replace element-by-element stepping.
    #[inline(always)]
    pub(crate) fn is_fresh(&self) -> bool {
        self.remaining == Facts::<L>::SIZE
    }

    /// The front index and its element, then the front moves one step on.
    #[inline(always)]
    pub(crate) fn next_front(&mut self) -> Option<(L::Index, usize)> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let taken = (self.front, self.front_element);
        let rank = <L::Index as Dim>::RANK;
        if rank > 0 {
            let last = rank - 1;
            let (Some(i), Some(&n), Some(&s)) = (
                self.front.as_mut().get_mut(last),
                L::SHAPE.as_ref().get(last),
                L::STRIDES.as_ref().get(last),
            ) else {
                return Some(taken);
            };
            if *i + 1 < n {
                *i += 1;
                self.front_element = self.front_element.wrapping_add_signed(s);
            } else if self.remaining > 0 {
                self.carry_front();
            }
        }
        Some(taken)
    }

    /// The front reached the end of a row: the last coordinate back to 0,
    /// the odometer one step on over the outer axes.
    #[inline(never)]
    fn carry_front(&mut self) {
        let shape = L::SHAPE;
        let strides = L::STRIDES;
        let index = self.front.as_mut();
        for ((i, &n), &s) in index.iter_mut().zip(shape.as_ref()).zip(strides.as_ref()).rev() {
            if *i + 1 < n {
                *i += 1;
                self.front_element = self.front_element.wrapping_add_signed(s);
                return;
            }
            self.front_element = self.front_element.wrapping_add_signed(s.wrapping_mul(-(*i as isize)));
            *i = 0;
        }
    }

    /// The back index and its element, then the back moves one step back.
    #[inline(always)]
    pub(crate) fn next_back(&mut self) -> Option<(L::Index, usize)> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let taken = (self.back, self.back_element);
        let rank = <L::Index as Dim>::RANK;
        if rank > 0 {
            let last = rank - 1;
            let (Some(i), Some(&s)) = (self.back.as_mut().get_mut(last), L::STRIDES.as_ref().get(last)) else {
                return Some(taken);
            };
            if *i > 0 {
                *i -= 1;
                self.back_element = self.back_element.wrapping_add_signed(s.wrapping_neg());
            } else if self.remaining > 0 {
                self.carry_back();
            }
        }
        Some(taken)
    }

    /// The back reached the start of a row (see [`carry_front`](Self::carry_front)).
    #[inline(never)]
    fn carry_back(&mut self) {
        let shape = L::SHAPE;
        let strides = L::STRIDES;
        let index = self.back.as_mut();
        for ((i, &n), &s) in index.iter_mut().zip(shape.as_ref()).zip(strides.as_ref()).rev() {
            if *i > 0 {
                *i -= 1;
                self.back_element = self.back_element.wrapping_add_signed(s.wrapping_neg());
                return;
            }
            let last = n.saturating_sub(1);
            self.back_element = self.back_element.wrapping_add_signed(s.wrapping_mul(last as isize));
            *i = last;
        }
    }
}
