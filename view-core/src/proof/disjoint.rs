//! Disjointness of two layouts over one buffer (DESIGN §3), required for
//! `split`: no element may be reached by both.

use super::footprint::{check_bounds, BoundsError, Footprint};
use super::index::MAX_RANK;
use super::index::{IndexWitness, Rows};
use super::search::{solve, Equation, Search};
use super::unique::{first_reaching, QUICK_SEARCH_ABOVE, QUICK_SEARCH_WORK};

/// A layout given by its parts, for functions that compare two of them.
#[derive(Clone, Copy, Debug)]
pub struct LayoutParts<'a> {
    /// Extents.
    pub shape: &'a [usize],
    /// Element strides.
    pub strides: &'a [isize],
    /// Element offset of index `[0, .., 0]`.
    pub offset: isize,
}

/// An element reached by both layouts, with an index of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SharedElement {
    /// The element.
    pub element: usize,
    /// An index of the first layout that reaches it.
    pub first: IndexWitness,
    /// An index of the second layout that reaches it.
    pub second: IndexWitness,
}

/// The verdict on disjointness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Overlap {
    /// No element is reached by both.
    Disjoint,
    /// Both reach this element.
    Shared(SharedElement),
    /// The scratch space (or the step budget) was too small to decide.
    Undecided {
        /// Positions in the overlapping range of the two footprints.
        positions: usize,
        /// Positions the scratch space holds.
        capacity: usize,
    },
}

/// Decides exactly whether `a` and `b` share an element.
///
/// Footprints that do not meet are disjoint. Otherwise every element of `a`
/// inside the common range is marked in `scratch` (one bit each), and the
/// first element of `b` found marked is the witness. The common range must
/// fit in `64 * scratch.len()` bits and each layout may have at most four
/// times that many indices (writable layouts are unique, so they have at most
/// one index per element); beyond that the answer is `Undecided`.
/// Both layouts should have passed [`check_bounds`] for some buffer; a
/// non-empty layout that fits no buffer gives `Undecided`, never `Disjoint`.
pub const fn check_disjoint(a: LayoutParts<'_>, b: LayoutParts<'_>, scratch: &mut [u64]) -> Overlap {
    let max_work = (scratch.len() as u64).saturating_mul(256);
    check_disjoint_bounded(a, b, scratch, max_work)
}

/// [`check_disjoint`] with an explicit work budget for the bounded search
/// (NumPy's `diophantine_dfs`) that runs when the common range does not fit
/// in `scratch`: `Σ sA iA - Σ sB iB = offB - offA` with every `i` inside its
/// shape. At most `max_work` nodes are visited before the answer is
/// [`Overlap::Undecided`].
pub const fn check_disjoint_bounded(
    a: LayoutParts<'_>,
    b: LayoutParts<'_>,
    scratch: &mut [u64],
    max_work: u64,
) -> Overlap {
    match disjoint_by_rules(a, b) {
        Some(verdict) => verdict,
        None => search_disjoint(a, b, scratch, max_work),
    }
}

/// The cheap part of [`check_disjoint`], O(rank) with no scratch: an empty
/// member, footprints that do not meet, and the gcd rule (offsets that
/// differ by a non-multiple of the strides' gcd: interleaved channels, Bayer
/// planes). `None` when a search is needed.
pub const fn disjoint_by_rules(a: LayoutParts<'_>, b: LayoutParts<'_>) -> Option<Overlap> {
    let (a_low, a_high, b_low, b_high) = match (reach(a), reach(b)) {
        // An empty layout reaches nothing, so it shares nothing.
        (Reach::Empty, _) | (_, Reach::Empty) => return Some(Overlap::Disjoint),
        (Reach::Elements(a_low, a_high), Reach::Elements(b_low, b_high)) => (a_low, a_high, b_low, b_high),
        // A layout outside every buffer: its elements cannot be compared, and
        // "disjoint" would be a guess.
        _ => {
            return Some(Overlap::Undecided {
                positions: usize::MAX,
                capacity: 0,
            })
        }
    };
    let low = if a_low > b_low { a_low } else { b_low };
    let high = if a_high < b_high { a_high } else { b_high };
    if low > high {
        return Some(Overlap::Disjoint);
    }
    // Every element of `a` is `offA` plus a multiple of g, the gcd of all
    // moving strides, and likewise for `b`: if g does not divide the offset
    // difference they never meet.
    let g = gcd_of_strides(b, gcd_of_strides(a, 0));
    if g > 1 && (b.offset as i128 - a.offset as i128) % g != 0 {
        return Some(Overlap::Disjoint);
    }
    None
}

/// The search part of [`check_disjoint`]: the bitset over the common range
/// of the footprints, or the bounded search when it does not fit `scratch`.
pub(crate) const fn search_disjoint(
    a: LayoutParts<'_>,
    b: LayoutParts<'_>,
    scratch: &mut [u64],
    max_work: u64,
) -> Overlap {
    let capacity = scratch.len().saturating_mul(64);
    let (low, high) = match (reach(a), reach(b)) {
        (Reach::Elements(a_low, a_high), Reach::Elements(b_low, b_high)) => (
            if a_low > b_low { a_low } else { b_low },
            if a_high < b_high { a_high } else { b_high },
        ),
        (Reach::Empty, _) | (_, Reach::Empty) => return Overlap::Disjoint,
        _ => {
            return Overlap::Undecided {
                positions: usize::MAX,
                capacity,
            }
        }
    };
    if low > high {
        return Overlap::Disjoint;
    }
    let positions = high - low + 1;
    let steps = capacity.saturating_mul(4);
    let fits = !(positions > capacity || more_indices_than(a, steps) || more_indices_than(b, steps));
    // As for uniqueness: where the bitset is large, a short bounded search first.
    if fits && positions as u128 > QUICK_SEARCH_ABOVE {
        match search_shared(a, b, QUICK_SEARCH_WORK) {
            Search::Found(x) => return shared_from_solution(a, b, &x),
            Search::None => return Overlap::Disjoint,
            Search::OutOfWork => {}
        }
    }
    if !fits {
        return match search_shared(a, b, max_work) {
            Search::Found(x) => shared_from_solution(a, b, &x),
            Search::None => Overlap::Disjoint,
            Search::OutOfWork => Overlap::Undecided { positions, capacity },
        };
    }
    let words = positions.div_ceil(64);
    let mut w = 0;
    while w < words {
        scratch[w] = 0;
        w += 1;
    }
    let mut rows = Rows::start(a.shape, a.strides);
    loop {
        let row = a.offset as i128 + rows.position();
        let mut j = 0;
        while j < rows.extent {
            let element = (row + j as i128 * rows.stride as i128) as usize;
            if element >= low && element <= high {
                let bit = element - low;
                scratch[bit / 64] |= 1u64 << (bit % 64);
            }
            j += 1;
        }
        if !rows.next_row(a.shape, a.strides) {
            break;
        }
    }
    let mut rows = Rows::start(b.shape, b.strides);
    loop {
        let row = b.offset as i128 + rows.position();
        let mut j = 0;
        while j < rows.extent {
            let element = (row + j as i128 * rows.stride as i128) as usize;
            if element >= low && element <= high {
                let bit = element - low;
                if scratch[bit / 64] & (1u64 << (bit % 64)) != 0 {
                    let first = first_reaching(a.shape, a.strides, a.offset, element as i128);
                    return Overlap::Shared(SharedElement {
                        element,
                        first,
                        second: rows.index_at(j),
                    });
                }
            }
            j += 1;
        }
        if !rows.next_row(b.shape, b.strides) {
            return Overlap::Disjoint;
        }
    }
}

/// Searches `iA`, `iB` inside the shapes with `offA + Σ sA iA = offB + Σ sB iB`;
/// variables `0..MAX_RANK` are `a`'s coordinates, the rest `b`'s.
const fn search_shared(a: LayoutParts<'_>, b: LayoutParts<'_>, max_work: u64) -> Search {
    let mut equation = Equation::new(b.offset as i128 - a.offset as i128);
    let mut k = 0;
    while k < a.shape.len() {
        equation = equation.term(k, a.strides[k] as i128, 0, (a.shape[k] - 1) as i128);
        k += 1;
    }
    k = 0;
    while k < b.shape.len() {
        equation = equation.term(MAX_RANK + k, -(b.strides[k] as i128), 0, (b.shape[k] - 1) as i128);
        k += 1;
    }
    solve(equation, false, max_work)
}

/// The witness of a solution of [`search_shared`].
const fn shared_from_solution(a: LayoutParts<'_>, b: LayoutParts<'_>, x: &[i128]) -> Overlap {
    let mut first = IndexWitness::zeros(a.shape.len());
    let mut second = IndexWitness::zeros(b.shape.len());
    let mut element = a.offset as i128;
    let mut k = 0;
    while k < a.shape.len() {
        first.set(k, x[k] as usize);
        element += a.strides[k] as i128 * x[k];
        k += 1;
    }
    k = 0;
    while k < b.shape.len() {
        second.set(k, x[MAX_RANK + k] as usize);
        k += 1;
    }
    Overlap::Shared(SharedElement {
        element: element as usize,
        first,
        second,
    })
}

/// The gcd of `g` and the strides of `p`'s axes of extent above 1.
const fn gcd_of_strides(p: LayoutParts<'_>, g: i128) -> i128 {
    let mut g = g;
    let mut k = 0;
    while k < p.shape.len() {
        if p.shape[k] > 1 {
            let (mut x, mut y) = (g, (p.strides[k] as i128).abs());
            while y != 0 {
                let t = x % y;
                x = y;
                y = t;
            }
            g = x;
        }
        k += 1;
    }
    g
}

/// Whether `p` has more than `steps` indices.
const fn more_indices_than(p: LayoutParts<'_>, steps: usize) -> bool {
    match super::size_of_shape(p.shape) {
        Some(n) => n > steps,
        None => true,
    }
}

/// What a layout reaches in the largest possible buffer.
enum Reach {
    /// Nothing: some extent is 0.
    Empty,
    /// Lowest and highest element reached.
    Elements(usize, usize),
    /// The layout fits no buffer (out of bounds, overflow, bad rank).
    Invalid,
}

const fn reach(p: LayoutParts<'_>) -> Reach {
    match check_bounds(p.shape, p.strides, p.offset, isize::MAX as usize) {
        Ok(Footprint::Elements { lowest, highest }) => Reach::Elements(lowest, highest),
        Ok(Footprint::Empty) => Reach::Empty,
        // An empty layout whose offset lies outside `0..=isize::MAX` still reaches nothing.
        Err(BoundsError::EmptyOffsetOutside { .. }) => Reach::Empty,
        Err(_) => Reach::Invalid,
    }
}
