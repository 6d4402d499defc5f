//! The compile-fail cases that only `cargo build` reports: checks view-core
//! runs when a view is made (post-monomorphization const evaluation, which
//! `cargo check` skips). Each case writes by hand what the macro would never
//! write (layouts, derivations and splits implemented without it), to show
//! that no view of a failing layout can be made by any path.
//!
//! The `pass` case makes trybuild build instead of check. Regenerate with
//! `TRYBUILD=overwrite cargo test -p ui-tests --test build`, then review
//! every changed `.stderr`.

#[test]
fn build() {
    let t = trybuild::TestCases::new();
    t.pass("tests/build/pass_forces_cargo_build.rs");
    t.compile_fail("tests/build/fail_*.rs");
}
