//! Uniqueness (DESIGN §3): does every index reach its own element?
//!
//! Required for writable (`mut`) layouts, since two `&mut` to one element are
//! undefined behaviour. The decision is exact; when the caller's scratch space
//! is too small to decide, the answer is [`Uniqueness::Undecided`], never a guess.

use super::index::{element_of, IndexWitness, Rows, MAX_RANK};
use super::search::{solve, Equation, Search};

/// Two different indices that reach the same element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Collision {
    /// The first index in C order that reaches `element`.
    pub first: IndexWitness,
    /// A later index that reaches it again.
    pub second: IndexWitness,
    /// The shared element.
    pub element: i128,
}

/// The verdict on uniqueness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Uniqueness {
    /// No two indices reach the same element.
    Unique,
    /// Two indices reach the same element.
    Collision(Collision),
    /// More indices than reachable positions (pigeonhole), so some collide,
    /// but the scratch space was too small to name two of them.
    Crowded {
        /// Number of indices.
        indices: usize,
        /// Number of positions in the spanned range.
        positions: u128,
    },
    /// Neither the scratch space (in bits) nor the search's work budget
    /// sufficed to decide.
    Undecided {
        /// Positions that would have to be marked.
        positions: u128,
        /// Positions the scratch space holds.
        capacity: usize,
    },
}

/// Decides whether the layout is unique: no non-zero `d` with
/// `|dk| <= nk - 1` and `Σ sk dk = 0`.
///
/// 1. An extent 0 gives no index: unique. Axes of extent 1 are ignored; any
///    other axis with stride 0 repeats index 0.
/// 2. Sorted by `|s|`, if each `|s|` exceeds the span of all smaller axes, the
///    layout nests (C/F order, sliced, reversed, transposed): unique. Two
///    moving axes have a closed form (see `two_axes`).
/// 3. Otherwise mark every reached position in `scratch` (one bit each, over
///    the spanned range) until one repeats. More indices than positions
///    (pigeonhole) guarantees a repeat within `positions + 1` steps.
/// 4. A span larger than the scratch space (`64 * scratch.len()` positions)
///    is searched instead for a non-zero `d` by a bounded depth-first search
///    (NumPy's `diophantine_dfs`), with a work budget of `256 *
///    scratch.len()` nodes; when it runs out the answer is
///    [`Uniqueness::Undecided`] (or [`Uniqueness::Crowded`] when pigeonhole
///    already settles it).
///
/// The layout should have passed [`check_bounds`](super::check_bounds); for
/// other input the verdict is still never wrong, but may be `Undecided`.
pub const fn check_unique(shape: &[usize], strides: &[isize], offset: isize, scratch: &mut [u64]) -> Uniqueness {
    let max_work = (scratch.len() as u64).saturating_mul(256);
    check_unique_bounded(shape, strides, offset, scratch, max_work)
}

/// [`check_unique`] with an explicit work budget for the bounded search that
/// runs when the span does not fit in `scratch`: at most `max_work` nodes
/// are visited before the answer is [`Uniqueness::Undecided`] (or
/// [`Uniqueness::Crowded`] when pigeonhole already settles it).
pub const fn check_unique_bounded(
    shape: &[usize],
    strides: &[isize],
    offset: isize,
    scratch: &mut [u64],
    max_work: u64,
) -> Uniqueness {
    match unique_by_rules(shape, strides, offset) {
        Some(verdict) => verdict,
        None => search_unique(shape, strides, offset, scratch, max_work),
    }
}

/// The cheap part of [`check_unique`], O(rank²) and with no scratch: rules
/// 1 and 2 (an extent 0, a stride-0 axis, nesting, two moving axes). `None`
/// when they do not settle the layout and a search is needed.
///
/// This is what const evaluation can afford for every layout; it settles
/// C/F order, sliced, reversed, transposed and every 2-D layout.
pub const fn unique_by_rules(shape: &[usize], strides: &[isize], offset: isize) -> Option<Uniqueness> {
    if shape.len() != strides.len() || shape.len() > MAX_RANK {
        return Some(Uniqueness::Undecided {
            positions: u128::MAX,
            capacity: 0,
        });
    }
    let rank = shape.len();
    let mut k = 0;
    while k < rank {
        if shape[k] == 0 {
            return Some(Uniqueness::Unique);
        }
        k += 1;
    }
    // Rule 1: a stride-0 axis of extent > 1 repeats the element of index 0.
    k = 0;
    while k < rank {
        if shape[k] > 1 && strides[k] == 0 {
            let first = IndexWitness::zeros(rank);
            let mut second = IndexWitness::zeros(rank);
            second.set(k, 1);
            return Some(Uniqueness::Collision(Collision {
                first,
                second,
                element: offset as i128,
            }));
        }
        k += 1;
    }
    let (_, nested, moving) = nesting(shape, strides);
    if nested {
        return Some(Uniqueness::Unique);
    }
    if moving == 2 {
        return Some(two_axes(shape, strides, offset));
    }
    None
}

/// The cheapest uniqueness proof, for run-time layouts of rank `R`: `true`
/// where the layout is non-empty and its moving axes (extent > 1) have
/// strides other than 0 that nest (rules 1 and 2 of [`unique_by_rules`], on
/// arrays of `R` entries and without the witness machinery), `false` where
/// this does not settle it (`unique_by_rules` then decides, and explains).
///
/// Proof of rule 2: sorted by `|s|`, each `|s_k|` exceeds the span
/// `Σ_{m<k} (n_m - 1) |s_m|` of the axes before it. If two indices reached
/// one element, take the last axis `k` of that order where they differ:
/// `|i_k - j_k| |s_k| = |Σ_{m<k} (j_m - i_m) s_m| <= Σ_{m<k} (n_m - 1) |s_m| <
/// |s_k|`, so `i_k = j_k`, a contradiction. The products `(n - 1) |s|` are
/// formed in `u128`, where `usize * usize` fits; a span past `u128` settles
/// nothing.
#[inline(always)]
pub(crate) const fn unique_fast<const R: usize>(shape: &[usize; R], strides: &[isize; R]) -> bool {
    // The moving axes as `(|s|, n - 1)`, sorted by `|s|` (insertion, from
    // the last axis: no moves for C order).
    let mut moving = [(0usize, 0usize); R];
    let (mut count, mut k) = (0, R);
    while k > 0 {
        k -= 1;
        match shape[k] {
            0 => return false,
            1 => {}
            n => {
                if strides[k] == 0 {
                    return false;
                }
                let entry = (strides[k].unsigned_abs(), n - 1);
                let mut slot = count;
                while slot > 0 && moving[slot - 1].0 > entry.0 {
                    moving[slot] = moving[slot - 1];
                    slot -= 1;
                }
                moving[slot] = entry;
                count += 1;
            }
        }
    }
    let (mut span, mut k) = (0u128, 0);
    while k < count {
        let (magnitude, last) = (moving[k].0 as u128, moving[k].1 as u128);
        if magnitude <= span {
            return false;
        }
        span = match span.checked_add(magnitude * last) {
            Some(span) => span,
            None => return false,
        };
        k += 1;
    }
    true
}

/// Whether the axes that move nest (rule 2): sorted by `|s|`, each `|s|`
/// exceeds the span of the smaller ones. What ndarray's own check of a
/// writable view's strides asks (`dim_stride_overlap`), stricter than
/// uniqueness.
#[cfg(feature = "ndarray")]
pub(crate) const fn nests(shape: &[usize], strides: &[isize]) -> bool {
    nesting(shape, strides).1
}

/// Rule 2, nesting: the axes that move (extent > 1), sorted by `|s|`; the
/// layout nests if each `|s|` exceeds the span of all smaller axes. Returns
/// the relative span `Σ |s| (n - 1)` (saturating), whether it nests, and the
/// number of moving axes.
const fn nesting(shape: &[usize], strides: &[isize]) -> (u128, bool, usize) {
    let mut magnitudes = [0u128; MAX_RANK];
    let mut lasts = [0u128; MAX_RANK];
    let mut moving = 0;
    let mut k = 0;
    while k < shape.len() && k < MAX_RANK {
        if shape[k] > 1 {
            let magnitude = strides[k].unsigned_abs() as u128;
            let last = (shape[k] - 1) as u128;
            // Insertion sort by magnitude.
            let mut slot = moving;
            while slot > 0 && magnitudes[slot - 1] > magnitude {
                magnitudes[slot] = magnitudes[slot - 1];
                lasts[slot] = lasts[slot - 1];
                slot -= 1;
            }
            magnitudes[slot] = magnitude;
            lasts[slot] = last;
            moving += 1;
        }
        k += 1;
    }
    let mut span: u128 = 0;
    let mut nested = true;
    let mut t = 0;
    while t < moving {
        if magnitudes[t] <= span {
            nested = false;
        }
        // In bounds layouts span less than 2^63 elements; saturate otherwise.
        span = span.saturating_add(magnitudes[t].saturating_mul(lasts[t]));
        t += 1;
    }
    (span, nested, moving)
}

/// The search part of [`check_unique`] (rules 3 and 4), for a layout the
/// rules did not settle: pigeonhole, then the bitset, or the bounded search
/// when the span does not fit `scratch`.
pub(crate) const fn search_unique(
    shape: &[usize],
    strides: &[isize],
    offset: isize,
    scratch: &mut [u64],
    max_work: u64,
) -> Uniqueness {
    let capacity = scratch.len().saturating_mul(64);
    let (span, _, _) = nesting(shape, strides);
    let positions = span.saturating_add(1);
    // Rule 3: pigeonhole, then an exact search for the first repeat.
    let indices = match super::size_of_shape(shape) {
        Some(n) => n,
        None => return Uniqueness::Undecided { positions, capacity },
    };
    let crowded = indices as u128 > positions;
    // A bitset costs a step per index and a bit per position; where that is
    // large, a short bounded search first often settles it at once (it
    // prunes by the reach of the remaining terms, so a few large strides
    // over small ones take a handful of nodes). Both are exact.
    if positions > QUICK_SEARCH_ABOVE && positions <= capacity as u128 {
        match search_collision(shape, strides, QUICK_SEARCH_WORK) {
            Search::Found(d) => return collision_from_difference(shape, strides, offset, &d),
            Search::None => return Uniqueness::Unique,
            Search::OutOfWork => {}
        }
    }
    if positions > capacity as u128 {
        return match search_collision(shape, strides, max_work) {
            Search::Found(d) => collision_from_difference(shape, strides, offset, &d),
            Search::None => Uniqueness::Unique,
            Search::OutOfWork if crowded => Uniqueness::Crowded { indices, positions },
            Search::OutOfWork => Uniqueness::Undecided { positions, capacity },
        };
    }
    match first_repeat(shape, strides, positions as usize, scratch) {
        Some(second) => {
            let element = match element_of(strides, offset, second.as_slice()) {
                Some(e) => e,
                None => return Uniqueness::Undecided { positions, capacity },
            };
            let first = first_reaching(shape, strides, offset, element);
            Uniqueness::Collision(Collision { first, second, element })
        }
        None => Uniqueness::Unique,
    }
}

/// Spans (in positions) above which a short bounded search is tried before
/// the bitset, and its work budget.
pub(crate) const QUICK_SEARCH_ABOVE: u128 = 1 << 16;
pub(crate) const QUICK_SEARCH_WORK: u64 = 1 << 16;

/// The lowest relative position, `Σ_{s<0} s (n-1)`, so that positions minus it
/// lie in `0..positions`.
const fn lowest_relative(shape: &[usize], strides: &[isize]) -> i128 {
    let mut base: i128 = 0;
    let mut k = 0;
    while k < shape.len() {
        if strides[k] < 0 {
            base += strides[k] as i128 * (shape[k] - 1) as i128;
        }
        k += 1;
    }
    base
}

/// Marks positions in C order; returns the first index whose position was
/// already marked.
const fn first_repeat(
    shape: &[usize],
    strides: &[isize],
    positions: usize,
    scratch: &mut [u64],
) -> Option<IndexWitness> {
    let words = positions.div_ceil(64);
    let mut w = 0;
    while w < words {
        scratch[w] = 0;
        w += 1;
    }
    let base = lowest_relative(shape, strides);
    let mut rows = Rows::start(shape, strides);
    loop {
        // Positions minus `base` lie in `0..positions` (a usize) for every index.
        let row = (rows.position() - base) as usize;
        let mut j = 0;
        while j < rows.extent {
            let bit = row.wrapping_add_signed((j as isize).wrapping_mul(rows.stride));
            let mask = 1u64 << (bit % 64);
            if scratch[bit / 64] & mask != 0 {
                return Some(rows.index_at(j));
            }
            scratch[bit / 64] |= mask;
            j += 1;
        }
        if !rows.next_row(shape, strides) {
            return None;
        }
    }
}

/// The first index in C order that reaches `element` (which some index reaches).
pub(crate) const fn first_reaching(shape: &[usize], strides: &[isize], offset: isize, element: i128) -> IndexWitness {
    let target = element - offset as i128;
    let mut rows = Rows::start(shape, strides);
    loop {
        // Which `j` of this row reaches `target`, if any.
        let gap = target - rows.position();
        let s = rows.stride as i128;
        let j = if s == 0 {
            if gap == 0 {
                0
            } else {
                -1
            }
        } else if gap % s == 0 {
            gap / s
        } else {
            -1
        };
        if j >= 0 && j < rows.extent as i128 {
            return rows.index_at(j as usize);
        }
        if !rows.next_row(shape, strides) {
            // Unreachable for an element some index reaches.
            return rows.index_at(0);
        }
    }
}

/// Rule 2': two moving axes `a`, `b` (non-zero strides) have a closed form.
/// The solutions of `s_a d_a + s_b d_b = 0` are the multiples of
/// `(s_b / g, -s_a / g)`, `g = gcd(s_a, s_b)`: the layout repeats an element
/// iff that smallest one fits, `|s_b / g| <= n_a - 1` and `|s_a / g| <= n_b - 1`.
const fn two_axes(shape: &[usize], strides: &[isize], offset: isize) -> Uniqueness {
    let (mut a, mut b) = (usize::MAX, usize::MAX);
    let mut k = 0;
    while k < shape.len() {
        if shape[k] > 1 {
            if a == usize::MAX {
                a = k;
            } else {
                b = k;
            }
        }
        k += 1;
    }
    if b == usize::MAX {
        return Uniqueness::Unique;
    }
    let (sa, sb) = (strides[a] as i128, strides[b] as i128);
    let (mut x, mut y) = (sa.abs(), sb.abs());
    while y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    let (da, db) = (sb / x, -sa / x);
    if da.abs() > (shape[a] - 1) as i128 || db.abs() > (shape[b] - 1) as i128 {
        return Uniqueness::Unique;
    }
    let mut d = [0i128; MAX_RANK];
    // Leading coordinate positive, so that `first` is the earliest index of its element.
    let sign = if da < 0 { -1 } else { 1 };
    d[a] = sign * da;
    d[b] = sign * db;
    collision_from_difference(shape, strides, offset, &d)
}

/// Searches a non-zero `d` with `|d_k| <= n_k - 1` and `Σ s_k d_k = 0`.
const fn search_collision(shape: &[usize], strides: &[isize], max_work: u64) -> Search {
    let mut equation = Equation::new(0);
    let mut k = 0;
    while k < shape.len() {
        let last = (shape[k] - 1) as i128;
        equation = equation.term(k, strides[k] as i128, -last, last);
        k += 1;
    }
    solve(equation, true, max_work)
}

/// Two indices whose difference is `d`: `first_k = max(0, -d_k)` and
/// `second = first + d`, ordered so that `first` comes first in C order.
const fn collision_from_difference(shape: &[usize], strides: &[isize], offset: isize, d: &[i128]) -> Uniqueness {
    let rank = shape.len();
    let mut a = IndexWitness::zeros(rank);
    let mut b = IndexWitness::zeros(rank);
    let mut a_first: Option<bool> = None;
    let mut k = 0;
    while k < rank {
        let dk = d[k];
        let ak = if dk < 0 { -dk } else { 0 };
        a.set(k, ak as usize);
        b.set(k, (ak + dk) as usize);
        if a_first.is_none() && dk != 0 {
            a_first = Some(dk > 0);
        }
        k += 1;
    }
    let (first, second) = match a_first {
        Some(false) => (b, a),
        _ => (a, b),
    };
    match element_of(strides, offset, first.as_slice()) {
        Some(element) => Uniqueness::Collision(Collision { first, second, element }),
        None => Uniqueness::Undecided {
            positions: u128::MAX,
            capacity: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether two indices of a small layout reach one element, by enumeration.
    fn repeats(shape: &[usize], strides: &[isize]) -> bool {
        let size: usize = shape.iter().product();
        let mut seen = [false; 256];
        (0..size).any(|flat| {
            let (mut rest, mut element) = (flat, 64isize);
            for (&n, &s) in shape.iter().zip(strides).rev() {
                element += (rest % n) as isize * s;
                rest /= n;
            }
            core::mem::replace(&mut seen[element as usize], true)
        })
    }

    /// `unique_fast` proves only unique layouts, and exactly those that
    /// `unique_by_rules` proves by rules 1 and 2 (nesting), over every
    /// layout of rank 0 to 3 with extents below 6 and strides -4 to 4.
    #[test]
    fn unique_fast_proves_only_unique_layouts() {
        fn case<const R: usize>(shape: [usize; R], strides: [isize; R]) -> bool {
            let fast = unique_fast(&shape, &strides);
            let moving_zero = shape.iter().zip(&strides).any(|(&n, &s)| n > 1 && s == 0);
            let nested = !shape.contains(&0) && !moving_zero && nesting(&shape, &strides).1;
            assert_eq!(fast, nested, "{shape:?} {strides:?}");
            if fast {
                assert!(!repeats(&shape, &strides), "{shape:?} {strides:?}");
                assert!(matches!(
                    unique_by_rules(&shape, &strides, 64),
                    Some(Uniqueness::Unique)
                ));
            }
            fast
        }
        let mut proven = 0;
        for rank in 0..=3usize {
            for code in 0..(6usize * 9).pow(rank as u32) {
                let (mut shape, mut strides, mut rest) = ([0usize; 3], [0isize; 3], code);
                for k in 0..rank {
                    shape[k] = rest % 6;
                    strides[k] = (rest / 6 % 9) as isize - 4;
                    rest /= 54;
                }
                let fast = match rank {
                    0 => case([], []),
                    1 => case([shape[0]], [strides[0]]),
                    2 => case([shape[0], shape[1]], [strides[0], strides[1]]),
                    _ => case(shape, strides),
                };
                proven += usize::from(fast);
            }
        }
        assert!(proven > 10_000, "{proven}");
    }
}
