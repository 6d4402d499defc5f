//! The compile-fail suite: every layout class `strided_view!` rejects, with the
//! compiler output a user sees (reviewed `.stderr` files next to each case).
//!
//! Regenerate with `TRYBUILD=overwrite cargo test -p ui-tests`, then review
//! every changed `.stderr` before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
