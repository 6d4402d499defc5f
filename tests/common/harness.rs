//! What the property tests share besides the checkers: the proptest
//! configuration that Miri can run, and the rank dispatch.

use core::fmt::Debug;

use proptest::test_runner::Config;

/// Whether the tests run under Miri, which gets few cases and small sizes.
pub const MIRI: bool = cfg!(miri);

/// `cases` proptest cases (12 under Miri, whose isolation also forbids the
/// regression files).
pub fn config(cases: u32) -> Config {
    let mut config = Config::with_cases(if MIRI { 12 } else { cases });
    if MIRI {
        config.failure_persistence = None;
    }
    config
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
