//! Differential check of `eval_as` against rustc itself.
//!
//! Run it (about a minute on two cores; it is `#[ignore]`d as it needs a
//! `rustc` on the host, `$RUSTC` if set):
//!
//! ```text
//! cargo test -p view-macros --lib eval::rustc_diff -- --ignored --nocapture
//! ```
//!
//! For every expression of [`expressions`] and every type of [`TYPES`], it
//! compiles `const C: T = <expr>;` alone in a file (`rustc --crate-type lib
//! --edition 2021 --emit=metadata`: type check, lints and const evaluation
//! all run), so that an error belongs to that one expression; then it
//! compiles and runs one binary printing the accepted constants. It then
//! compares with `eval_as`: a rejection must be an error, a `Known` value must
//! be rustc's value; `Symbolic` is always allowed. Every disagreement is
//! printed and fails the test.
//!
//! `EVAL_DIFF_RANDOM=n` sets the number of random trees (300),
//! `EVAL_DIFF_SEED=s` their seed.
//!
//! If the `i686-unknown-linux-gnu` target is installed, every `usize`/`isize`
//! result that `eval_as` calls `Known` with a `pointer_sized_range` inside 32
//! bits is also checked on that 32-bit target: rustc must accept it with the
//! same value.

use std::path::{Path, PathBuf};
use std::process::Command;

use syn::Expr;

use super::{eval_as, IntTy, Value};

/// The positions checked: `const C: T = <expr>;`.
const TYPES: [IntTy; 4] = [IntTy::Usize, IntTy::Isize, IntTy::U8, IntTy::I8];

/// Hand-written edge cases.
const HAND_WRITTEN: &[&str] = &[
    // The issue's cases.
    "300u8",
    "255u8 + 1",
    "4f32",
    "4 - 5 + 2",
    "3 & -1",
    "2i8 * 100 * 2",
    // Plain arithmetic.
    "4 * 3",
    "(2 + 3) * 4",
    "-1",
    "-(1)",
    "--1",
    "-(-1)",
    "1 - 2",
    "0 - 0",
    "7 / 2",
    "-7 / 2",
    "7 % -2",
    "-7 % 2",
    "4 / 0",
    "4 % 0",
    "0 / 0",
    "-128 / -1",
    "-128 % -1",
    "-128i8 / -1",
    "-128i8 % -1",
    "-9223372036854775808 / -1",
    "-9223372036854775808 % -1",
    "127 + 1",
    "255 + 1",
    "254 + 1",
    "-128 - 1",
    "-127 - 1",
    "16 * 16",
    "15 * 17",
    "-16 * 8",
    "-16 * -8",
    // Literals.
    "0x10",
    "0b101",
    "0o17",
    "1_000",
    "0xFF",
    "0x7F",
    "0x80",
    "-0x80",
    "-0x81",
    "127",
    "128",
    "-128",
    "-129",
    "255",
    "256",
    "-(128)",
    "-((128))",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "-(9223372036854775808)",
    "--9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "0usize",
    "0isize",
    "0u8",
    "0i8",
    "300i32",
    "1e3",
    "4.0",
    "4f64",
    "0x4f32",
    "4abc",
    "true",
    "'a'",
    "b'a'",
    "\"4\"",
    // Unary.
    "!0",
    "!0u8",
    "!0i8",
    "!1",
    "!-1",
    "-!0",
    "!255",
    "!127",
    "-0",
    "-0u8",
    "-0usize",
    "-0i8",
    "-(0 + 1)",
    "-(127 + 1)",
    "-(-128)",
    // Bitwise.
    "3 & -1",
    "-1 & 3",
    "6 | 9",
    "6 ^ 3",
    "-1 ^ 127",
    "0xF0 & 0x3C",
    "-128 | 1",
    "255 & 256",
    // Shifts.
    "1 << 10",
    "1 << 7",
    "1 << 8",
    "1 << 63",
    "1 << 64",
    "1 << -1",
    "255u8 << 1",
    "1i8 << 7",
    "-1 << 7",
    "-128 >> 7",
    "-128 >> 8",
    "-1 >> 1",
    "255 >> 7",
    "1 << 7u8",
    "1 << 7i64",
    "1 << 300",
    "1 << 2usize",
    "2 >> 1usize",
    "(1 << 4) >> 2",
    "1 << (1 << 2)",
    "1 << 2 << 3",
    "1 << 2.0",
    "1 << 0x3F",
    "-1 << 63",
    "1 << 31",
    "1 << 32",
    // Casts.
    "3 as usize",
    "3 as isize",
    "3 as u8",
    "3 as i8",
    "!0u8 as usize",
    "!0 as usize",
    "!0 as u8",
    "300 as u8",
    "(300) as u8",
    "(200 + 100) as u8",
    "300i32 as u8",
    "-1i32 as u8",
    "-1 as u8",
    "(0 - 1) as u8",
    "-1 as i8",
    "-129 as i8",
    "128 as i8",
    "(127 + 1) as i8",
    "255u8 as i8",
    "(1 << 40) as usize",
    "(1u64 << 40) as usize",
    "(1u64 << 40) as u8",
    "4294967296 as usize",
    "(4294967296 + 0) as usize",
    "-1isize as usize",
    "-1i64 as usize",
    "-1i64 as isize",
    "18446744073709551615u64 as isize",
    "18446744073709551615u64 as usize",
    "(1u128 << 64) as usize",
    "(1u128 << 64) as u8",
    "-1 as usize",
    "(0 - 1) as usize",
    "(0i8 - 1) as usize",
    "4.0 as usize",
    "4.5 as u8",
    "true as usize",
    "'a' as u8",
    "b'a' as usize",
    "b'a' as u8",
    "b'a' + 1",
    "-b'a'",
    "b'a' as i8",
    "b'\\xFF' + 1",
    "'a' as u8",
    "'a' + 1",
    "3 as f32",
    "3 as bool",
    "(3 as f32) as usize",
    "3 as u8 as usize",
    "300 as u8 as usize",
    "(300 as u8) as usize",
    "3 as ::core::primitive::usize",
    "3 as core::primitive::u8",
    "3 as std::primitive::isize",
    "3u8 as usize + 1",
    "(3u8 as usize) * 4",
    "(3 as u8) + 1",
    "3u8 as usize - 4",
    "(3 - 4) as usize",
    "(3 - 4) as isize",
    "(3000000000 + 0) as u64 as usize",
    "3000000000 as u64 as usize",
    "(2147483647 + 1) as usize",
    "2147483648 as usize",
    "(1 << 31) as usize",
    "(1 << 30) as usize * 4",
    "-(3 as isize)",
    "-(3 as usize)",
    "!(3 as u8)",
    "(-1 as i8) as u8",
    "((-1) as i16) as u8",
    "(255 as u8 + 1) as usize",
    "(-128i8 as i16 - 1) as i8",
    // Mixed suffixes.
    "1u8 + 2u16",
    "1u8 + 2",
    "1 + 2u8",
    "1usize + 2",
    "1isize + 2",
    "1usize + 2isize",
    "(1u8 + 2) as usize",
    "4294967296 * 2 / 4",
    "4294967296usize * 2 / 4",
    "9223372036854775807 + 1",
    "18446744073709551615 + 1",
    "18446744073709551615 * 1",
    "-9223372036854775807 - 1",
    "-9223372036854775807 - 2",
    "170141183460469231731687303715884105727i128 as usize",
    "340282366920938463463374607431768211455u128 as u8",
    "340282366920938463463374607431768211455u128 as isize",
    "-170141183460469231731687303715884105728i128 as u8",
];

/// Integer literals the random trees pick from.
const LITERALS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "8",
    "15",
    "16",
    "31",
    "32",
    "63",
    "64",
    "100",
    "127",
    "128",
    "200",
    "255",
    "256",
    "300",
    "1_000",
    "32767",
    "32768",
    "65535",
    "65536",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "0x7F",
    "0x80",
    "0xFF",
    "0b101",
    "0o17",
];

const SUFFIXES: &[&str] = &[
    "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "u128", "i128", "usize", "isize",
];

const BINARY: &[&str] = &["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"];

/// Leaves the macro cannot see through, for the panic-freedom test.
const OPAQUE: &[&str] = &[
    "N", "f()", "x.y", "[1][0]", "{ 3 }", "4.0", "'a'", "true", "b'a'", "\"s\"", "4abc", "1e3", "4f32", "0x4f32", "*p",
    "(1, 2).0", "m!()", "300u8",
];

/// A small deterministic generator (xorshift64*).
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A random expression tree of at most `depth` levels: literals with
    /// mixed suffixes, arithmetic, shifts, negations, casts; with `opaque`,
    /// also leaves the macro cannot evaluate.
    pub(super) fn tree(&mut self, depth: u32, opaque: bool) -> String {
        let roll = if depth == 0 { 0 } else { self.below(100) };
        match roll {
            0..=19 => {
                if opaque && self.below(8) == 0 {
                    return self.pick(OPAQUE).to_owned();
                }
                // Half the time a small number, so that more trees evaluate.
                let literal = if self.below(2) == 0 {
                    self.pick(&["0", "1", "2", "3", "4", "5", "7", "9", "12"])
                } else {
                    self.pick(LITERALS)
                };
                if self.below(4) == 0 {
                    format!("{literal}{}", self.pick(SUFFIXES))
                } else {
                    literal.to_owned()
                }
            }
            20..=59 => {
                let op = self.pick(BINARY);
                let left = self.tree(depth - 1, opaque);
                let right = if op == "<<" || op == ">>" {
                    // Mostly small amounts, so that shifts do not always overflow.
                    match self.below(3) {
                        0 => self.tree(depth - 1, opaque),
                        _ => self
                            .pick(&["0", "1", "3", "7", "8", "15", "16", "31", "32", "63", "-1"])
                            .to_owned(),
                    }
                } else {
                    self.tree(depth - 1, opaque)
                };
                format!("({left} {op} {right})")
            }
            60..=72 => format!("-{}", self.tree(depth - 1, opaque)),
            73..=79 => format!("!{}", self.tree(depth - 1, opaque)),
            _ => {
                let target = if opaque && self.below(10) == 0 {
                    self.pick(&["f32", "bool", "char", "T", "::core::primitive::u8"])
                } else {
                    self.pick(SUFFIXES)
                };
                format!("({} as {target})", self.tree(depth - 1, opaque))
            }
        }
    }
}

/// The hand-written cases, then `random` random trees.
fn expressions(random: usize, seed: u64) -> Vec<String> {
    let mut all: Vec<String> = HAND_WRITTEN.iter().map(|s| (*s).to_owned()).collect();
    let mut rng = Rng::new(seed);
    while all.len() < HAND_WRITTEN.len() + random {
        let depth = 1 + rng.below(4) as u32;
        let e = rng.tree(depth, false);
        if !all.contains(&e) {
            all.push(e);
        }
    }
    all
}

/// What one side says of `const C: T = <expr>;`.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Rejected(String),
    Value(i128),
    Symbolic,
}

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned())
}

/// Compiles `source` as a library (metadata only); the first error line if rejected.
fn check_lib(dir: &Path, name: &str, source: &str, target: Option<&str>) -> Result<(), String> {
    let file = dir.join(format!("{name}.rs"));
    std::fs::write(&file, source).expect("write a test file");
    let mut command = Command::new(rustc());
    command
        .args([
            "--crate-type",
            "lib",
            "--edition",
            "2021",
            "--emit=metadata",
            "--crate-name",
        ])
        .arg(name)
        .arg("--out-dir")
        .arg(dir)
        .arg(&file);
    if let Some(target) = target {
        command.args(["--target", target]);
    }
    let output = command.output().expect("run rustc");
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(stderr
        .lines()
        .find(|l| l.starts_with("error"))
        .unwrap_or("error (no message)")
        .to_owned())
}

/// Runs `jobs` on all cores; results in order.
fn parallel<T: Sync, R: Send>(jobs: Vec<T>, work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = jobs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eval-rustc-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}

fn eval_outcome(expr: &str, ty: IntTy) -> (Outcome, Option<(i128, i128)>) {
    let parsed: Expr = syn::parse_str(expr).expect("the generated expression parses");
    match eval_as(&parsed, ty) {
        Ok(e) => match e.value {
            Value::Known(v) => (Outcome::Value(v), e.pointer_sized_range),
            Value::Symbolic => (Outcome::Symbolic, None),
        },
        Err(err) => (Outcome::Rejected(err.to_string()), None),
    }
}

/// The kind of reason for one of `eval_as`'s errors.
fn our_class(message: &str) -> &'static str {
    if message.starts_with("attempt to") {
        "evaluation"
    } else if message.starts_with("literal out of range") || message.starts_with("integer literal is too large") {
        "lint"
    } else {
        "type"
    }
}

/// The kind of reason for rustc's first error.
fn rustc_class(line: &str) -> &'static str {
    if line.starts_with("error[E0080]") {
        "evaluation"
    } else if line.contains("literal out of range") || line.contains("integer literal is too large") {
        "lint"
    } else {
        "type"
    }
}

#[test]
#[ignore = "runs rustc on the host: cargo test -p view-macros --lib eval::rustc_diff -- --ignored --nocapture"]
fn eval_as_agrees_with_rustc() {
    let setting = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let exprs = expressions(
        setting("EVAL_DIFF_RANDOM", 300) as usize,
        setting("EVAL_DIFF_SEED", 0x5EED_CAFE),
    );
    let dir = temp_dir();
    let cases: Vec<(usize, IntTy)> = (0..exprs.len()).flat_map(|i| TYPES.map(|t| (i, t))).collect();

    // 1. Accept or reject, one file per expression and type.
    let verdicts = parallel(cases.clone(), |&(i, ty)| {
        let source = format!("#![allow(dead_code)]\nconst C: {} = {};\n", ty.name(), exprs[i]);
        check_lib(&dir, &format!("c{i}_{}", ty.name()), &source, None)
    });

    // 2. The values of the accepted ones, from one binary.
    let mut program = String::from("#![allow(dead_code)]\n");
    let mut main = String::from("fn main() {\n");
    for (k, (&(i, ty), verdict)) in cases.iter().zip(&verdicts).enumerate() {
        if verdict.is_ok() {
            program.push_str(&format!("const C{k}: {} = {};\n", ty.name(), exprs[i]));
            main.push_str(&format!("    println!(\"{k} {{}}\", C{k});\n"));
        }
    }
    program.push_str(&main);
    program.push_str("}\n");
    let source = dir.join("values.rs");
    std::fs::write(&source, program).expect("write the value program");
    let binary = dir.join("values");
    let built = Command::new(rustc())
        .args(["--edition", "2021", "-A", "warnings", "-o"])
        .arg(&binary)
        .arg(&source)
        .output()
        .expect("run rustc");
    assert!(
        built.status.success(),
        "the program of accepted constants does not compile:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let output = Command::new(&binary).output().expect("run the value program");
    let mut values = vec![None; cases.len()];
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let mut words = line.split(' ');
        if let (Some(k), Some(v)) = (words.next(), words.next()) {
            let (k, v): (usize, i128) = (k.parse().expect("an index"), v.parse().expect("a value"));
            values[k] = Some(v);
        }
    }

    // 3. Compare.
    let mut disagreements = Vec::new();
    let mut counts = [0usize; 5]; // both reject, same value, symbolic/accepted, symbolic/rejected, disagree
    let mut narrow = Vec::new(); // Known pointer-sized results whose range fits 32 bits
    let mut wide = 0;
    let (mut same_class, mut other_class) = (0, Vec::new());
    for (k, &(i, ty)) in cases.iter().enumerate() {
        let rustc_says = match (&verdicts[k], values[k]) {
            (Err(e), _) => Outcome::Rejected(e.clone()),
            (Ok(()), Some(v)) => Outcome::Value(v),
            (Ok(()), None) => panic!("no value printed for {}", exprs[i]),
        };
        let (ours, range) = eval_outcome(&exprs[i], ty);
        let slot = match (&ours, &rustc_says) {
            (Outcome::Rejected(_), Outcome::Rejected(_)) => 0,
            (Outcome::Value(a), Outcome::Value(b)) if a == b => 1,
            (Outcome::Symbolic, Outcome::Value(_)) => 2,
            (Outcome::Symbolic, Outcome::Rejected(_)) => 3,
            _ => 4,
        };
        counts[slot] += 1;
        if let (Outcome::Rejected(a), Outcome::Rejected(b)) = (&ours, &rustc_says) {
            let (a, b) = (our_class(a), rustc_class(b));
            if a == b {
                same_class += 1;
            } else {
                other_class.push(format!("`const C: {} = {};`: {a} / {b}", ty.name(), exprs[i]));
            }
        }
        if slot == 4 {
            disagreements.push(format!(
                "`const C: {} = {};`\n    eval_as: {ours:?}\n    rustc:   {rustc_says:?}",
                ty.name(),
                exprs[i]
            ));
        }
        if let (Outcome::Value(v), true) = (&ours, ty == IntTy::Usize || ty == IntTy::Isize) {
            let fits = |(lo, hi): (i128, i128)| match ty {
                IntTy::Usize => lo >= 0 && hi <= i128::from(u32::MAX),
                _ => lo >= i128::from(i32::MIN) && hi <= i128::from(i32::MAX),
            };
            if range.is_some_and(fits) {
                narrow.push((i, ty, *v));
            } else {
                wide += 1;
            }
        }
    }

    // 4. On a 32-bit target, the results whose range fits must mean the same.
    let target = "i686-unknown-linux-gnu";
    let mut narrow_checked = None;
    if check_lib(&dir, "probe", "", Some(target)).is_ok() {
        let checks = parallel(narrow.clone(), |&(i, ty, v)| {
            let source = format!(
                "#![allow(dead_code)]\nconst C: {} = {};\nconst _: () = assert!(C == {v});\n",
                ty.name(),
                exprs[i]
            );
            check_lib(&dir, &format!("n{i}_{}", ty.name()), &source, Some(target))
        });
        for (&(i, ty, v), check) in narrow.iter().zip(&checks) {
            if let Err(e) = check {
                disagreements.push(format!(
                    "`const C: {} = {};` on {target}\n    eval_as: Value({v}) with a range inside 32 bits\n    rustc:   {e}",
                    ty.name(),
                    exprs[i]
                ));
            }
        }
        narrow_checked = Some(narrow.len());
    }
    std::fs::remove_dir_all(&dir).ok();

    println!(
        "{} expressions x {} types = {} cases: {} rejected by both, {} same value, \
         {} Symbolic (rustc accepts), {} Symbolic (rustc rejects), {} disagreements",
        exprs.len(),
        TYPES.len(),
        cases.len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4]
    );
    println!(
        "rejected by both: {same_class} for the same kind of reason (type check, literal lint, \
         const evaluation), {} not (eval_as / rustc), which is allowed:",
        other_class.len()
    );
    for line in other_class.iter().take(40) {
        println!("    {line}");
    }
    match narrow_checked {
        Some(n) => println!(
            "{target}: {n} Known usize/isize results with a 32-bit range checked; \
             {wide} Known results have a range beyond 32 bits (the caller decides)"
        ),
        None => println!("{target} not installed: the 32-bit check was skipped"),
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
