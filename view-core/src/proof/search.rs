//! A bounded exact search for a bounded linear Diophantine equation,
//! `Σ c_k x_k = target` with `lo_k <= x_k <= hi_k`: the fallback of the
//! uniqueness and disjointness decisions when their bitset would not fit the
//! budget. After NumPy's `diophantine_dfs` (`numpy/_core/src/common/
//! mem_overlap.c`): depth-first over the variables, largest coefficient
//! first, pruning by the range the remaining terms can still reach and by
//! the gcd of their coefficients. It counts the nodes it visits and gives up
//! with [`Search::OutOfWork`] past `max_work`: never a guess.

use super::index::MAX_RANK;

/// Two layouts' worth of axes.
pub(crate) const MAX_TERMS: usize = 2 * MAX_RANK;

/// `Σ coef[k] * x[k] = target`, `lo[k] <= x[k] <= hi[k]`.
pub(crate) struct Equation {
    coef: [i128; MAX_TERMS],
    lo: [i128; MAX_TERMS],
    hi: [i128; MAX_TERMS],
    /// Which caller variable each term is (terms are reordered).
    var: [usize; MAX_TERMS],
    terms: usize,
    target: i128,
}

/// The outcome of a search.
pub(crate) enum Search {
    /// A solution, indexed by the caller's variable numbers.
    Found([i128; MAX_TERMS]),
    /// No solution exists.
    None,
    /// The work budget ran out first.
    OutOfWork,
}

impl Equation {
    pub(crate) const fn new(target: i128) -> Self {
        Equation {
            coef: [0; MAX_TERMS],
            lo: [0; MAX_TERMS],
            hi: [0; MAX_TERMS],
            var: [0; MAX_TERMS],
            terms: 0,
            target,
        }
    }

    /// Adds the term `coef * x_var` with `lo <= x_var <= hi`. Terms that
    /// cannot move (`coef == 0` or `lo == hi`) are folded into the target.
    pub(crate) const fn term(mut self, var: usize, coef: i128, lo: i128, hi: i128) -> Self {
        if coef == 0 || lo == hi {
            self.target = self.target.saturating_sub(coef.saturating_mul(lo));
            return self;
        }
        if self.terms < MAX_TERMS {
            self.coef[self.terms] = coef;
            self.lo[self.terms] = lo;
            self.hi[self.terms] = hi;
            self.var[self.terms] = var;
            self.terms += 1;
        }
        self
    }
}

const fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// `⌊a / b⌋` for `b > 0`.
const fn div_floor(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && a < 0 {
        q - 1
    } else {
        q
    }
}

/// `⌈a / b⌉` for `b > 0`.
const fn div_ceil(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && a > 0 {
        q + 1
    } else {
        q
    }
}

const fn max(a: i128, b: i128) -> i128 {
    if a > b {
        a
    } else {
        b
    }
}

const fn min(a: i128, b: i128) -> i128 {
    if a < b {
        a
    } else {
        b
    }
}

/// Solves `eq`; with `nonzero`, the all-zero assignment does not count (and
/// of each pair `x`, `-x` of solutions only the one whose first non-zero
/// value is positive is visited). Only bounds symmetric around 0 may be
/// combined with `nonzero`.
pub(crate) const fn solve(eq: Equation, nonzero: bool, max_work: u64) -> Search {
    let n = eq.terms;
    // Positive coefficients: flip the variable where the coefficient is negative.
    let mut c = [0i128; MAX_TERMS];
    let mut lo = [0i128; MAX_TERMS];
    let mut hi = [0i128; MAX_TERMS];
    let mut flipped = [false; MAX_TERMS];
    let mut var = [0usize; MAX_TERMS];
    // Insertion sort by |coef|, largest first.
    let mut k = 0;
    while k < n {
        let neg = eq.coef[k] < 0;
        let (cc, l, h) = if neg {
            (-eq.coef[k], -eq.hi[k], -eq.lo[k])
        } else {
            (eq.coef[k], eq.lo[k], eq.hi[k])
        };
        let mut slot = k;
        while slot > 0 && c[slot - 1] < cc {
            c[slot] = c[slot - 1];
            lo[slot] = lo[slot - 1];
            hi[slot] = hi[slot - 1];
            flipped[slot] = flipped[slot - 1];
            var[slot] = var[slot - 1];
            slot -= 1;
        }
        c[slot] = cc;
        lo[slot] = l;
        hi[slot] = h;
        flipped[slot] = neg;
        var[slot] = eq.var[k];
        k += 1;
    }
    // What the terms from `k` on can still reach, and their gcd.
    let mut min_rest = [0i128; MAX_TERMS + 1];
    let mut max_rest = [0i128; MAX_TERMS + 1];
    let mut gcd_rest = [0i128; MAX_TERMS + 1];
    k = n;
    while k > 0 {
        k -= 1;
        min_rest[k] = min_rest[k + 1].saturating_add(c[k].saturating_mul(lo[k]));
        max_rest[k] = max_rest[k + 1].saturating_add(c[k].saturating_mul(hi[k]));
        gcd_rest[k] = gcd(gcd_rest[k + 1], c[k]);
    }
    if n == 0 {
        return if eq.target == 0 && !nonzero {
            Search::Found([0; MAX_TERMS])
        } else {
            Search::None
        };
    }
    let mut x = [0i128; MAX_TERMS];
    let mut end = [0i128; MAX_TERMS];
    let mut rem = [0i128; MAX_TERMS];
    let mut all_zero = [true; MAX_TERMS];
    let mut work: u64 = 0;
    let mut depth = 0;
    rem[0] = eq.target;
    if rem[0] < min_rest[0] || rem[0] > max_rest[0] || rem[0] % gcd_rest[0] != 0 {
        return Search::None;
    }
    // The values of x[depth] that leave a reachable remainder.
    let (first, last) = candidates(rem[0], c[0], lo[0], hi[0], min_rest[1], max_rest[1], nonzero);
    x[0] = first;
    end[0] = last;
    loop {
        if x[depth] > end[depth] {
            if depth == 0 {
                return Search::None;
            }
            depth -= 1;
            x[depth] += 1;
            continue;
        }
        work += 1;
        if work > max_work {
            return Search::OutOfWork;
        }
        let next = rem[depth].saturating_sub(c[depth].saturating_mul(x[depth]));
        let zero_so_far = all_zero[depth] && x[depth] == 0;
        if depth + 1 == n {
            if next == 0 && !(nonzero && zero_so_far) {
                let mut solution = [0i128; MAX_TERMS];
                let mut t = 0;
                while t < n {
                    solution[var[t]] = if flipped[t] { -x[t] } else { x[t] };
                    t += 1;
                }
                return Search::Found(solution);
            }
            x[depth] += 1;
            continue;
        }
        if next % gcd_rest[depth + 1] != 0 {
            x[depth] += 1;
            continue;
        }
        depth += 1;
        rem[depth] = next;
        all_zero[depth] = zero_so_far;
        let (first, last) = candidates(
            next,
            c[depth],
            lo[depth],
            hi[depth],
            min_rest[depth + 1],
            max_rest[depth + 1],
            nonzero && zero_so_far,
        );
        x[depth] = first;
        end[depth] = last;
    }
}

/// The range of `x` in `lo..=hi` with `r - c x` in `min_rest..=max_rest`
/// (`c > 0`); with `non_negative`, `x >= 0` too.
const fn candidates(
    r: i128,
    c: i128,
    lo: i128,
    hi: i128,
    min_rest: i128,
    max_rest: i128,
    non_negative: bool,
) -> (i128, i128) {
    let first = max(lo, div_ceil(r.saturating_sub(max_rest), c));
    let first = if non_negative { max(first, 0) } else { first };
    let last = min(hi, div_floor(r.saturating_sub(min_rest), c));
    (first, last)
}
