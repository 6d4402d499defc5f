//! What the property tests share besides the checkers: the proptest
//! configuration that Miri can run, and the rank dispatch.

use core::fmt::Debug;

use proptest::test_runner::Config;

/// Whether the tests run under Miri, which gets few cases and small sizes.
pub const MIRI: bool = cfg!(miri);

/// `cases` proptest cases (4 under Miri, whose isolation also forbids the
/// regression files). Miri checks the paths for undefined behaviour; the
/// native run checks the verdicts on the full count. `.ci/run` runs the
/// suites under Miri three times (stacked and tree borrows, 32-bit).
pub fn config(cases: u32) -> Config {
    let mut config = Config::with_cases(if MIRI { 4 } else { cases });
    if MIRI {
        config.failure_persistence = None;
    }
    config
}

/// Every third of `items` under Miri, and the last (often an extreme), all
/// of them natively: exhaustive loops whose every step runs the same code.
pub fn thinned_under_miri<T>(items: Vec<T>) -> Vec<T> {
    let last = items.len().saturating_sub(1);
    items
        .into_iter()
        .enumerate()
        .filter(|&(k, _)| !MIRI || k % 3 == 0 || k == last)
        .map(|(_, item)| item)
        .collect()
}

/// `values` as an array of the rank a `with_rank!` dispatch chose.
pub fn arr<T: Copy + Debug, const R: usize>(values: &[T]) -> [T; R] {
    values.try_into().expect("the dispatched rank")
}

/// `$f::<R>(..)` with the run-time rank `$rank` as the const `R` (0 to 5).
#[macro_export]
macro_rules! with_rank {
    ($rank:expr, $f:ident ( $($arg:expr),* $(,)? )) => {
        match $rank {
            0 => $f::<0>($($arg),*),
            1 => $f::<1>($($arg),*),
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            5 => $f::<5>($($arg),*),
            rank => panic!("rank {rank} is not dispatched"),
        }
    };
}
