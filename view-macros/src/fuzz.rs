//! Fuzz harness for the macro front end (written by the hardening work).
//!
//! Feeds random and mutated token streams to [`expand_all`], the whole
//! parse -> prove -> expand pipeline, through `proc_macro2`'s fallback
//! implementation (with its `span-locations` feature, so that every span has a
//! position). Every input must satisfy:
//!
//! - the macro does not panic;
//! - every `compile_error!` of the output is spanned inside the input (the
//!   `compile_error` ident, its `!`, its group and the message literal all lie
//!   between the first and the last byte of the input's tokens: never the call
//!   site, never a span of another file);
//! - an input without errors expands to some items (unless it is empty);
//! - the output parses as Rust items (`syn::File`; checked on one case in
//!   [`PARSE_OUTPUT_EVERY`], as parsing a large output costs more than
//!   expanding it, and on every failing input).
//!
//! Inputs start from [`PROGRAMS`], valid invocations covering every grammar
//! form, and are mutated at the token level: tokens dropped, duplicated,
//! swapped, moved, replaced by other literals, punctuation or identifiers,
//! numbers nudged to their edges, groups re-delimited, unwrapped or wrapped
//! (also in invisible groups, as `macro_rules!` forwarding makes them), items
//! and token runs spliced from two programs, and plain token soup.
//!
//! The run is deterministic: case `i` is generated from `FUZZ_SEED` and `i`
//! alone. Environment: `FUZZ_SEED` (u64, decimal or `0x` hex), `FUZZ_CASES`
//! (default 100 000), `FUZZ_THREADS` (default: available cores, at most 4),
//! `FUZZ_VERBOSE=1` to print every distinct error message with the shortest
//! input that produced it. Run with
//! `cargo test -p view-macros fuzz -- --nocapture` to see the summary.
//!
//! Failures are grouped by class (the panic's location, or the normalised
//! message of a misplaced error); the first input of each class is minimised
//! (runs of tokens removed, groups unwrapped, while it still fails the same
//! way) and printed, and the test fails. The minimised inputs belong in
//! `ui-tests/tests/ui/fuzz_*.rs`.

use core::cell::{Cell, RefCell};
use core::fmt::Write as _;
use core::panic::AssertUnwindSafe;
use core::time::Duration;
use std::collections::BTreeMap;
use std::panic;
use std::sync::Arc;
use std::time::Instant;

use proc_macro2::{Delimiter, Group, Spacing, Span, TokenStream, TokenTree};

use crate::expand_all;

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

/// Valid invocations, item by item, together covering every grammar form. Each
/// program must expand without error (checked by `corpus_programs_expand_cleanly`).
const PROGRAMS: &[&[&str]] = &[
    // The DSL of DESIGN.md §2.
    &[
        "/// Main diagonal of a row-major 4x4 matrix.\n pub Diagonal: [_; 16] { shape: [4], strides: [5] }",
        "pub AntiDiagonal: [_; 16] { shape: [4], strides: [3], offset: 3 }",
        "pub Reversed: [i64; 12] { shape: [12], strides: [-1], offset: 11 }",
        "pub Matrix: [i64; 12] { shape: [4, 3] }",
        "pub Windows: [i64; 12] { shape: [3, 2, 2, 2], strides: [3, 1, 3, 1] }",
        "pub RowBroadcast: [i64; 4] { shape: [6, 4], strides: [0, 1] }",
        "pub NumpyBytes: [i64; 12] { shape: [4, 3], byte_strides: [16, 16] }",
        "pub mut Left: [i16; 8] { shape: [4], strides: [2] }",
        "pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }",
        "pub split Stereo = (Left, Right);",
    ],
    // The layout algebra.
    &[
        "/// A 3x4 matrix.\n pub Matrix: [i64; 12] { shape: [3, 4] }",
        "pub Transposed = Matrix.t();",
        "pub(crate) Inner = Matrix.slice(0, 1..-1).slice(1, 1..3);",
        "Rev = Matrix.flip(1);",
        "Stepped = Matrix.slice(1, .., 2);",
        "Backwards = Matrix.slice(1, .., -1);",
        "Row = Matrix.index(0, 2);",
        "Flat = Matrix.reshape([2, -1]);",
        "Cols = Matrix.permute([1, 0]);",
        "Swapped = Matrix.swap_axes(0, 1);",
        "Lifted = Matrix.new_axis(0);",
        "Chain = Matrix.t().flip(0).slice(0, 1.., 2);",
    ],
    &[
        "pub Square: [f32; 16] { shape: [4, 4] }",
        "pub Diag = Square.diagonal();",
        "pub Upper = Square.diagonal(1, 0, 1);",
        "pub Patches = Square.windows([2, 2]);",
        "pub Signal: [i32; 8] { shape: [8] }",
        "pub Win = Signal.windows([3]);",
        "pub RowOf: [u8; 4] { shape: [4] }",
        "pub Tiled = RowOf.broadcast_to([6, 4]);",
    ],
    // Writable layouts, derived writable layouts, splits.
    &[
        "pub mut Frame: [u16; 24] { shape: [4, 6] }",
        "pub mut Even = Frame.slice(1, 0..6, 2);",
        "pub mut Odd = Frame.slice(1, 1..6, 2);",
        "pub split Planes = (Even, Odd);",
        "pub Top = Frame.slice(0, ..2);",
    ],
    &[
        "mut A: [i8; 9] { shape: [3], strides: [3] }",
        "mut B: [i8; 9] { shape: [3], strides: [3], offset: 1 }",
        "mut C: [i8; 9] { shape: [3], strides: [3], offset: 2, }",
        "split Abc = (A, B, C,);",
        "#[doc = \"Halves.\"] pub(crate) split Pair = (C, A);",
    ],
    // Named constants and constant expressions.
    &[
        "pub Grid: [i64; N * M] { shape: [N, M] }",
        "pub Col: [i64; N * M] { shape: [N], strides: [M as isize], offset: 1 }",
        "pub mut Scaled: [u32; 4 * N] { shape: [N, 4], strides: [4, 1], offset: 0 }",
        "pub Bytes: [u64; LEN] { shape: [LEN / 2], byte_strides: [16], byte_offset: 8 }",
        "Mixed: [i16; (1 << 4)] { shape: [2, 2 + 2], strides: [8, -(1)], offset: 3 }",
        "pub mut Named: [u8; SIZE] { shape: [SIZE / 2], strides: [2] }",
        "pub mut Named2: [u8; SIZE] { shape: [SIZE / 2], strides: [2], offset: 1 }",
        "split NamedPair = (Named2, Named);",
    ],
    // Bytes, rank 0, empty, broadcast, exact uniqueness, odd element types.
    &[
        "pub Pixels: [u32; 12] { shape: [3, 2], byte_strides: [16, 8], byte_offset: 4 }",
        "Scalar: [i64; 10] { shape: [], strides: [], offset: 9 }",
        "Empty: [i64; 10] { shape: [0, 5], strides: [1000, -1000], offset: 10 }",
        "pub(crate) Bcast: [i64; 10] { shape: [5], strides: [0], offset: 9, }",
        "Transp: [_; 22] { shape: [4, 4], strides: [3, 4] }",
        "mut Uniq: [_; 22] { shape: [4, 4], strides: [3, 4] }",
        "pub Cells: [[u8; 3]; 4] { shape: [2, 2] }",
        "pub Pairs: [(u8, u16); 6] { shape: [3], strides: [2], offset: 1 }",
        "pub Wrapped: [core::num::Wrapping<u32>; 8] { shape: [2, 4], byte_strides: [16, 4] }",
        "Zig: [i64; 5] { shape: [2, 2], strides: [3, -1], offset: 1 }",
    ],
    // Derived items over extreme numbers: the inputs that once made the
    // algebra overflow (and panic the macro), in their accepted forms, for
    // the mutations to push over the edge again.
    &[
        "P: [u8; 4] { shape: [4] }",
        "A = P.slice(0, .., -9223372036854775808);",
        "Q: [u8; 4] { shape: [2, 2] }",
        "B = Q.diagonal(-9223372036854775808);",
        "R: [u8; 4611686018427387905] { shape: [2], strides: [4611686018427387904] }",
        "C = R.flip(0).t().new_axis(1);",
        "T: [u8; 1] { shape: [1], strides: [-9223372036854775808] }",
        "D = T.index(0, 0);",
        "U: [u8; 0] { shape: [9223372036854775808, 0] }",
        "F = U.flip(0);",
        "G = U.index(0, 1);",
        "H = U.diagonal(1);",
        "I = U.slice(0, 1.., 2);",
        "V: [u8; 0] { shape: [0, 9223372036854775808] }",
        "J = V.flip(1);",
        "K = V.index(1, -1);",
        "M = V.slice(1, ..-1, -3);",
        "Wrap: [u8; 4294967298] { shape: [2, 2], strides: [4294967296, 1] }",
        "WrapT = Wrap.t().slice(0, .., -1);",
    ],
    // The header `crate = PATH;`, with paths a user could write
    // (`strided_view::strided_view!` passes `$crate`, which cannot be lexed
    // from text), before items of every kind, one certified.
    &[
        "crate = ::strided_view;",
        "pub mut Row9: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }",
        "pub Matrix: [i64; 12] { shape: [3, 4] }",
        "pub mut Writable: [i64; 12] { shape: [3, 4] }",
        "pub Transposed = Writable.t().flip(0);",
        "pub Deferred: [i64; N] { shape: [N / 3, 3] }",
        "pub mut Left: [i16; 8] { shape: [4], strides: [2] }",
        "pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }",
        "pub split Stereo = (Left, Right);",
    ],
    &[
        "crate = crate::reexport::views;",
        "A: [u8; 4] { shape: [4] }",
        "B = A.reshape([2, 2]);",
    ],
    &[
        "crate = view_core;",
        "pub Diagonal: [_; 16] { shape: [4], strides: [5] }",
    ],
    &[
        "crate = self::inner::r#views;",
        "mut Image: [f32; 64] { shape: [8, 8] }",
        "mut Interior = Image.slice(0, 1..-1).slice(1, 1..-1);",
    ],
    // Huge and negative literals.
    &[
        "Huge: [u8; 9223372036854775807] { shape: [2, 3], strides: [4611686018427387903, 1] }",
        "Far: [u8; 9223372036854775807] { offset: 9223372036854775806, shape: [1] }",
        "Down: [i64; 4611686018427387905] { shape: [2], strides: [-4611686018427387904], offset: 4611686018427387904 }",
        "Wide: [u16; 65536] { shape: [256, 256], strides: [256, 1] }",
        "#[allow(dead_code)] #[doc = \"Ones.\"] pub(super) Ones: [i32; 1] { shape: [1, 1, 1, 1, 1, 1, 1, 1] }",
        "Hex: [i8; 0x10] { shape: [0b100, 0o4], strides: [4_isize, 1isize] }",
    ],
];

/// Integer literals at the edges of every type the macro converts to.
const INTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "12",
    "16",
    "-1",
    "-0",
    "0usize",
    "12usize",
    "3i64",
    "255u8",
    "256u8",
    "-1isize",
    "1u128",
    "2147483648",
    "4294967296",
    "4611686018427387904",
    "4611686018427387905",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "170141183460469231731687303715884105727",
    "170141183460469231731687303715884105728",
    "-170141183460469231731687303715884105728",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "99999999999999999999999999999999999999999999999",
    "0x7fff_ffff_ffff_ffff",
    "0xFFFF_FFFF_FFFF_FFFF",
    "0b1111",
    "0o777",
    "1_000_000",
];

/// Literals of every other kind.
const OTHER_LITERALS: &[&str] = &[
    "1e10",
    "1.5",
    "0.0",
    "1e400",
    "1f32",
    "0.5f64",
    "1e-7",
    "2.",
    "\"str\"",
    "\"\"",
    "'c'",
    "'\\n'",
    "'\\u{10FFFF}'",
    "b'x'",
    "b\"bytes\"",
    "r\"raw\"",
    "r#\"raw\"#",
    "c\"cstr\"",
    "true",
    "false",
];

/// Punctuation, single and joint.
const PUNCTS: &[&str] = &[
    ";", ",", ":", "=", "..", "..=", "...", "-", "*", "+", "/", "%", "<<", ">>", "&", "|", "^", "!", ".", "#", "::",
    "->", "=>", "<", ">", "?", "@", "$", "~", "==", "&&", "+=", "'a", "'static",
];

/// Identifiers: the DSL's words, keywords, types, operations, names.
const IDENTS: &[&str] = &[
    "mut",
    "split",
    "shape",
    "strides",
    "byte_strides",
    "offset",
    "byte_offset",
    "pub",
    "crate",
    "in",
    "self",
    "super",
    "Self",
    "fn",
    "struct",
    "let",
    "const",
    "static",
    "type",
    "r#type",
    "r#mut",
    "r#split",
    "i64",
    "u8",
    "u16",
    "i32",
    "usize",
    "isize",
    "f64",
    "char",
    "bool",
    "str",
    "_",
    "N",
    "M",
    "LEN",
    "A",
    "B",
    "C",
    "Left",
    "Right",
    "Matrix",
    "Frame",
    "Square",
    "t",
    "slice",
    "windows",
    "permute",
    "swap_axes",
    "flip",
    "index",
    "diagonal",
    "broadcast_to",
    "reshape",
    "new_axis",
    "as",
    "dyn",
    "impl",
    "where",
    "async",
    "unsafe",
    "core",
    "view_core",
    "Vec",
    "try",
    "doc",
    "view",
    "SHAPE",
    "compile_error",
    "résumé",
    "Δ",
];

/// Whole fragments: comments, doc comments, small groups.
const FRAGMENTS: &[&str] = &[
    "/// doc\n",
    "//! inner doc\n",
    "/** block doc */",
    "/* comment */",
    "#[doc = \"d\"]",
    "#![allow(x)]",
    "[]",
    "()",
    "{}",
    "[4, 3]",
    "[_; 4]",
    "[i64; 12]",
    "(A, B)",
    "{ shape: [4] }",
    "{ shape: [2, 2], strides: [2, 1] }",
    "pub(crate)",
    "pub(in crate::x)",
    "Matrix.t()",
    "1..-1",
    "..",
    "0..",
    "..=2",
    "crate = ::view_core;",
    "crate = $crate;",
    "crate =",
];

/// [`PROGRAMS`] in the harness's token model: per program its items, and
/// all items of all programs.
struct Corpus {
    programs: Vec<Vec<Vec<Tok>>>,
    items: Vec<Vec<Tok>>,
}

impl Corpus {
    fn new() -> Self {
        let programs: Vec<Vec<Vec<Tok>>> = PROGRAMS
            .iter()
            .map(|items| items.iter().map(|item| parse_model(item)).collect())
            .collect();
        let items = programs.iter().flatten().cloned().collect();
        proc_macro2::extra::invalidate_current_thread_spans();
        Corpus { programs, items }
    }

    fn program(&self, rng: &mut Rng) -> Vec<Tok> {
        rng.pick(&self.programs).iter().flatten().cloned().collect()
    }
}

// ---------------------------------------------------------------------------
// Random numbers: splitmix64, deterministic per case.
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must not be 0.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn chance(&mut self, numerator: usize, denominator: usize) -> bool {
        self.below(denominator) < numerator
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The seed of case `case`: independent of the thread that runs it.
fn case_seed(seed: u64, case: u64) -> u64 {
    let mut rng = Rng::new(seed ^ case.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next_u64()
}

// ---------------------------------------------------------------------------
// Token model: text leaves and delimited groups, rendered to source text and
// lexed again, so that every token of an input carries a real span.
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    /// One token as text (a joint punctuation run such as `..` or `'a` is one
    /// leaf), or a fragment of several.
    Leaf(String),
    /// `(`, `[` or `{` and the contents.
    Group(char, Vec<Tok>),
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn render(toks: &[Tok]) -> String {
    let mut out = String::new();
    render_into(toks, &mut out);
    out
}

fn render_into(toks: &[Tok], out: &mut String) {
    for tok in toks {
        match tok {
            Tok::Leaf(text) => out.push_str(text),
            Tok::Group(open, inner) => {
                out.push(*open);
                out.push(' ');
                render_into(inner, out);
                out.push(closing(*open));
            }
        }
        out.push(' ');
    }
}

/// Source text to the token model (no spans kept). Panics on text that does
/// not lex: only used on the harness's own constants.
fn parse_model(text: &str) -> Vec<Tok> {
    let stream: TokenStream = text
        .parse()
        .unwrap_or_else(|e| panic!("corpus text does not lex: {text:?}: {e}"));
    model_of(stream)
}

fn model_of(stream: TokenStream) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for tree in stream {
        match tree {
            TokenTree::Punct(p) => {
                pending.push(p.as_char());
                if p.spacing() == Spacing::Alone {
                    out.push(Tok::Leaf(core::mem::take(&mut pending)));
                }
            }
            TokenTree::Group(g) => {
                if !pending.is_empty() {
                    out.push(Tok::Leaf(core::mem::take(&mut pending)));
                }
                let inner = model_of(g.stream());
                match g.delimiter() {
                    Delimiter::Parenthesis => out.push(Tok::Group('(', inner)),
                    Delimiter::Bracket => out.push(Tok::Group('[', inner)),
                    Delimiter::Brace => out.push(Tok::Group('{', inner)),
                    Delimiter::None => out.extend(inner),
                }
            }
            other => {
                pending.push_str(&other.to_string());
                out.push(Tok::Leaf(core::mem::take(&mut pending)));
            }
        }
    }
    if !pending.is_empty() {
        out.push(Tok::Leaf(pending));
    }
    out
}

/// Paths (child indices from the root) of every node, in pre-order.
fn node_paths(toks: &[Tok], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, tok) in toks.iter().enumerate() {
        prefix.push(i);
        out.push(prefix.clone());
        if let Tok::Group(_, inner) = tok {
            node_paths(inner, prefix, out);
        }
        prefix.pop();
    }
}

fn all_paths(toks: &[Tok]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    node_paths(toks, &mut Vec::new(), &mut out);
    out
}

/// The sequence holding the node at `path` (all but the last index).
fn parent_mut<'a>(root: &'a mut Vec<Tok>, path: &[usize]) -> &'a mut Vec<Tok> {
    let mut seq = root;
    for &i in &path[..path.len() - 1] {
        seq = match &mut seq[i] {
            Tok::Group(_, inner) => inner,
            Tok::Leaf(_) => unreachable!("paths only descend into groups"),
        };
    }
    seq
}

fn node<'a>(root: &'a [Tok], path: &[usize]) -> &'a Tok {
    let mut seq = root;
    for &i in &path[..path.len() - 1] {
        seq = match &seq[i] {
            Tok::Group(_, inner) => inner,
            Tok::Leaf(_) => unreachable!("paths only descend into groups"),
        };
    }
    &seq[path[path.len() - 1]]
}

// ---------------------------------------------------------------------------
// Generation and mutation
// ---------------------------------------------------------------------------

fn leaf(text: impl Into<String>) -> Tok {
    Tok::Leaf(text.into())
}

fn random_int(rng: &mut Rng) -> String {
    match rng.below(100) {
        0..=39 => rng.below(25).to_string(),
        40..=69 => (*rng.pick(INTS)).to_owned(),
        70..=84 => {
            let k = rng.below(128) as u32;
            let base = 1u128 << k;
            let v = match rng.below(3) {
                0 => base - 1,
                1 => base,
                _ => base.saturating_add(1),
            };
            v.to_string()
        }
        85..=94 => rng.next_u64().to_string(),
        _ => {
            let suffix = *rng.pick(&["usize", "isize", "i8", "u8", "i64", "u64", "i128", "u128", "u32"]);
            format!("{}{suffix}", rng.below(300))
        }
    }
}

fn random_ident(rng: &mut Rng) -> String {
    if rng.chance(3, 4) {
        return (*rng.pick(IDENTS)).to_owned();
    }
    let len = 1 + rng.below(8);
    let mut name = String::new();
    for k in 0..len {
        let c = match rng.below(if k == 0 { 2 } else { 4 }) {
            0 => b'A' + rng.below(26) as u8,
            1 => b'a' + rng.below(26) as u8,
            2 => b'0' + rng.below(10) as u8,
            _ => b'_',
        };
        name.push(c as char);
    }
    name
}

/// One token or fragment from the pools.
fn random_token(rng: &mut Rng) -> Tok {
    match rng.below(100) {
        0..=34 => leaf(random_int(rng)),
        35..=44 => leaf(*rng.pick(OTHER_LITERALS)),
        45..=64 => leaf(*rng.pick(PUNCTS)),
        65..=89 => leaf(random_ident(rng)),
        _ => leaf(*rng.pick(FRAGMENTS)),
    }
}

/// Random tokens and groups, up to three groups deep.
fn soup(rng: &mut Rng, depth: usize) -> Vec<Tok> {
    let len = rng.below(if depth == 0 { 24 } else { 8 });
    (0..len)
        .map(|_| {
            if depth < 3 && rng.chance(1, 6) {
                Tok::Group(*rng.pick(&['(', '[', '{']), soup(rng, depth + 1))
            } else {
                random_token(rng)
            }
        })
        .collect()
}

/// The integer a leaf holds, if it is a plain decimal integer.
fn leaf_int(tok: &Tok) -> Option<i128> {
    match tok {
        Tok::Leaf(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
        _ => None,
    }
}

/// A number near `n`: its neighbours, its double and half, its negation, an edge.
fn nudge(rng: &mut Rng, n: i128) -> String {
    let v = match rng.below(9) {
        0 => n.saturating_sub(1),
        1 => n.saturating_add(1),
        2 => n.saturating_mul(2),
        3 => n / 2,
        4 => -n,
        5 => 0,
        6 => n.saturating_mul(1 << 32),
        7 => i128::from(i64::MAX) - n,
        _ => n.saturating_add(rng.below(7) as i128 - 3),
    };
    v.to_string()
}

/// Applies one random mutation to `tree`.
fn mutate(tree: &mut Vec<Tok>, rng: &mut Rng, corpus: &Corpus) {
    let paths = all_paths(tree);
    if paths.is_empty() {
        tree.push(random_token(rng));
        return;
    }
    let path = rng.pick(&paths).clone();
    let idx = path[path.len() - 1];
    match rng.below(100) {
        // Drop a token (or a whole group).
        0..=14 => {
            parent_mut(tree, &path).remove(idx);
        }
        // Duplicate it.
        15..=22 => {
            let seq = parent_mut(tree, &path);
            let copy = seq[idx].clone();
            seq.insert(idx, copy);
        }
        // Swap it with a neighbour or any token of the same sequence.
        23..=30 => {
            let seq = parent_mut(tree, &path);
            let other = if rng.chance(1, 2) {
                (idx + 1).min(seq.len() - 1)
            } else {
                rng.below(seq.len())
            };
            seq.swap(idx, other);
        }
        // Move it anywhere.
        31..=35 => {
            let moved = parent_mut(tree, &path).remove(idx);
            let targets = all_paths(tree);
            if targets.is_empty() {
                tree.push(moved);
            } else {
                let target = rng.pick(&targets).clone();
                let at = target[target.len() - 1];
                parent_mut(tree, &target).insert(at, moved);
            }
        }
        // Replace it by a literal, punctuation, identifier or fragment.
        36..=57 => {
            parent_mut(tree, &path)[idx] = random_token(rng);
        }
        // Nudge a number (any number of the input, if the pick is not one).
        58..=69 => {
            let numbers: Vec<&Vec<usize>> = paths.iter().filter(|p| leaf_int(node(tree, p)).is_some()).collect();
            if numbers.is_empty() {
                parent_mut(tree, &path)[idx] = leaf(random_int(rng));
            } else {
                let p = (*rng.pick(&numbers)).clone();
                let n = leaf_int(node(tree, &p)).unwrap_or(0);
                let text = nudge(rng, n);
                parent_mut(tree, &p)[p[p.len() - 1]] = leaf(text);
            }
        }
        // Insert a token before or after it, or inside it.
        70..=79 => {
            let tok = random_token(rng);
            let after = usize::from(rng.chance(1, 2));
            match parent_mut(tree, &path).get_mut(idx) {
                Some(Tok::Group(_, inner)) if rng.chance(1, 3) => {
                    let at = rng.below(inner.len() + 1);
                    inner.insert(at, tok);
                }
                _ => parent_mut(tree, &path).insert(idx + after, tok),
            }
        }
        // Re-delimit, unwrap, or wrap a run in a group.
        80..=87 => {
            let seq = parent_mut(tree, &path);
            match (&mut seq[idx], rng.below(3)) {
                (Tok::Group(open, _), 0) => *open = *rng.pick(&['(', '[', '{']),
                (Tok::Group(_, inner), 1) => {
                    let inner = core::mem::take(inner);
                    seq.splice(idx..=idx, inner);
                }
                _ => {
                    let end = (idx + 1 + rng.below(4)).min(seq.len());
                    let run: Vec<Tok> = seq.drain(idx..end).collect();
                    seq.insert(idx, Tok::Group(*rng.pick(&['(', '[', '{']), run));
                }
            }
        }
        // Splice in a run of tokens of another corpus item.
        88..=93 => {
            let donor = rng.pick(&corpus.items);
            let donor_paths = all_paths(donor);
            if let Some(from) = donor_paths.get(rng.below(donor_paths.len().max(1))) {
                let donor_seq = if from.len() == 1 {
                    &donor[..]
                } else {
                    match node(donor, &from[..from.len() - 1]) {
                        Tok::Group(_, inner) => &inner[..],
                        Tok::Leaf(_) => &donor[..],
                    }
                };
                let start = from[from.len() - 1].min(donor_seq.len());
                let end = (start + 1 + rng.below(6)).min(donor_seq.len());
                let run = donor_seq[start..end].to_vec();
                let seq = parent_mut(tree, &path);
                if rng.chance(1, 2) {
                    let end = (idx + run.len()).min(seq.len());
                    seq.splice(idx..end, run);
                } else {
                    seq.splice(idx..idx, run);
                }
            }
        }
        // Replace it by token soup.
        94..=96 => {
            let junk = soup(rng, 1);
            parent_mut(tree, &path).splice(idx..=idx, junk);
        }
        // Cut the sequence here.
        _ => {
            parent_mut(tree, &path).truncate(idx);
        }
    }
}

/// One generated input: the token model, and the seed of the invisible-group
/// wrapping applied after lexing (if any).
struct Case {
    tree: Vec<Tok>,
    wrap: Option<u64>,
}

fn generate(seed: u64, corpus: &Corpus) -> Case {
    let mut rng = Rng::new(seed);
    let mut tree = match rng.below(100) {
        // A whole program (they expand to a lot of tokens: keep them rare).
        0..=2 => corpus.program(&mut rng),
        // A few items of one program, in order: derived items and splits
        // mostly find what they refer to.
        3..=55 => {
            let program = rng.pick(&corpus.programs);
            let mut picked: Vec<usize> = (0..1 + rng.below(2)).map(|_| rng.below(program.len())).collect();
            if rng.chance(1, 2) {
                picked.push(0);
            }
            picked.sort_unstable();
            picked.dedup();
            picked.iter().flat_map(|&i| program[i].clone()).collect()
        }
        // Items of two programs.
        56..=70 => {
            let n = 2 + rng.below(2);
            (0..n).flat_map(|_| rng.pick(&corpus.items).clone()).collect()
        }
        // Tokens of two items: a prefix of one, a suffix of the other.
        71..=85 => {
            let a = rng.pick(&corpus.items);
            let b = rng.pick(&corpus.items);
            let cut_a = rng.below(a.len() + 1);
            let cut_b = rng.below(b.len() + 1);
            a[..cut_a].iter().chain(&b[cut_b..]).cloned().collect()
        }
        // One item.
        86..=93 => rng.pick(&corpus.items).clone(),
        // Token soup.
        _ => soup(&mut rng, 0),
    };
    let mutations = if rng.chance(1, 20) {
        0
    } else {
        let mut n = 1;
        while n < 8 && rng.chance(1, 2) {
            n += 1;
        }
        n
    };
    for _ in 0..mutations {
        mutate(&mut tree, &mut rng, corpus);
    }
    let wrap = rng.chance(1, 16).then(|| rng.next_u64());
    Case { tree, wrap }
}

/// Wraps a run of tokens (at the top level or inside a group) in an invisible
/// group spanned at the run, as `macro_rules!` forwarding of `$e:expr` does.
fn wrap_invisible(stream: TokenStream, rng: &mut Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    if trees.is_empty() {
        return TokenStream::new();
    }
    let groups: Vec<usize> = (0..trees.len())
        .filter(|&i| matches!(trees[i], TokenTree::Group(_)))
        .collect();
    if !groups.is_empty() && rng.chance(1, 2) {
        let i = *rng.pick(&groups);
        if let TokenTree::Group(g) = &trees[i] {
            let mut inner = Group::new(g.delimiter(), wrap_invisible(g.stream(), rng));
            inner.set_span(g.span());
            trees[i] = TokenTree::Group(inner);
        }
    } else {
        let start = rng.below(trees.len());
        let end = (start + 1 + rng.below(4)).min(trees.len());
        let run: Vec<TokenTree> = trees.drain(start..end).collect();
        let first = run[0].span();
        let last = run[run.len() - 1].span();
        let mut group = Group::new(Delimiter::None, run.into_iter().collect());
        group.set_span(first.join(last).unwrap_or(first));
        trees.insert(start, TokenTree::Group(group));
    }
    trees.into_iter().collect()
}

// ---------------------------------------------------------------------------
// Checking one input
// ---------------------------------------------------------------------------

thread_local! {
    /// Set while this thread runs the macro under `catch_unwind`: the panic
    /// hook then records the panic instead of printing it.
    static FUZZING: Cell<bool> = const { Cell::new(false) };
    /// The last panic recorded on this thread: message and location.
    static LAST_PANIC: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
    /// Time this thread spent inside `expand_all`.
    static MACRO_TIME: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Runs `f` with a panic hook that stays silent for (and records) panics of
/// threads that are fuzzing, and defers to the previous hook otherwise; the
/// previous hook is restored afterwards.
fn with_quiet_panics<R>(f: impl FnOnce() -> R) -> R {
    let previous: Arc<Hook> = Arc::new(panic::take_hook());
    let fallback = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        if FUZZING.with(Cell::get) {
            let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                (*s).to_owned()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "(non-string panic payload)".to_owned()
            };
            let location = info.location().map_or_else(
                || "unknown location".to_owned(),
                |l| format!("{}:{}", l.file(), l.line()),
            );
            LAST_PANIC.with(|p| *p.borrow_mut() = (message, location));
        } else {
            fallback(info);
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    drop(panic::take_hook());
    panic::set_hook(Box::new(move |info| previous(info)));
    match result {
        Ok(r) => r,
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// The byte extent of an input's tokens, in the one file they were lexed from.
struct Extent {
    file: String,
    lo: usize,
    hi: usize,
}

impl Extent {
    /// From the start of the first token to the end of the last: tokens are
    /// in source order, and a group's span covers its contents.
    fn of(stream: &TokenStream) -> Option<Extent> {
        let mut trees = stream.clone().into_iter();
        let first = trees.next()?.span();
        let last = trees.last().map_or(first, |t| t.span());
        Some(Extent {
            file: first.file(),
            lo: first.byte_range().start,
            hi: last.byte_range().end,
        })
    }

    fn contains(&self, span: Span) -> bool {
        let range = span.byte_range();
        span.file() == self.file && range.start >= self.lo && range.end <= self.hi
    }
}

/// One `compile_error!` of the output: its message and the spans it carries.
pub(crate) struct Reported {
    pub(crate) message: String,
    spans: Vec<Span>,
}

/// The `compile_error!`s of an output. `expand_all` appends its errors at
/// the top level; nested ones could only be the user's own tokens passed
/// through (spanned in the input anyway), so the walk stays at the top
/// level: outputs are large, and this runs 100 000 times.
pub(crate) fn find_errors(output: TokenStream) -> Vec<Reported> {
    let mut out = Vec::new();
    let mut window: [Option<TokenTree>; 2] = [None, None];
    for tree in output {
        if let (Some(TokenTree::Ident(ident)), Some(TokenTree::Punct(bang)), TokenTree::Group(group)) =
            (&window[0], &window[1], &tree)
        {
            if ident == "compile_error" && bang.as_char() == '!' {
                let mut spans = vec![ident.span(), bang.span(), group.span()];
                spans.extend(group.stream().into_iter().map(|t| t.span()));
                let message = syn::parse2::<syn::LitStr>(group.stream())
                    .map_or_else(|_| group.stream().to_string(), |lit| lit.value());
                out.push(Reported { message, spans });
            }
        }
        window = [window[1].take(), Some(tree)];
    }
    out
}

/// A message with its specifics (names in backticks, numbers) blotted out,
/// to tell classes of errors apart.
fn normalize(message: &str) -> String {
    let mut out = String::new();
    let mut in_ticks = false;
    let mut last_digit = false;
    for c in message.chars() {
        if c == '`' {
            if !in_ticks {
                out.push_str("`_`");
            }
            in_ticks = !in_ticks;
            last_digit = false;
        } else if in_ticks {
            continue;
        } else if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
        } else {
            out.push(c);
            last_digit = false;
        }
    }
    out
}

fn describe_span(span: Span) -> String {
    if span.byte_range() == (0..0) && span.file() == "<unspecified>" {
        return "the call site (not a token of the input)".to_owned();
    }
    let (start, end) = (span.start(), span.end());
    format!(
        "{} {}:{}..{}:{} (bytes {:?})",
        span.file(),
        start.line,
        start.column,
        end.line,
        end.column,
        span.byte_range()
    )
}

enum Outcome {
    /// The text does not lex (the mutation made a token the lexer rejects).
    Unlexable,
    /// Every property holds; the messages of the errors reported.
    Passed(Vec<String>),
    /// A property fails: a signature telling this failure's class, and details.
    Failed { signature: String, detail: String },
}

/// Runs one input through `expand_all` and checks every property; forgets
/// the input's spans afterwards, so that memory stays flat over a run.
fn run_case(text: &str, wrap: Option<u64>, parse_output: bool) -> Outcome {
    let outcome = check_case(text, wrap, parse_output);
    proc_macro2::extra::invalidate_current_thread_spans();
    outcome
}

fn check_case(text: &str, wrap: Option<u64>, parse_output: bool) -> Outcome {
    let Ok(mut input) = text.parse::<TokenStream>() else {
        return Outcome::Unlexable;
    };
    if let Some(seed) = wrap {
        input = wrap_invisible(input, &mut Rng::new(seed));
    }
    let extent = Extent::of(&input);
    // The header alone declares nothing, as `strided_view::strided_view! {}`
    // passes it.
    let chunks = crate::ast::chunks(input.clone());
    let input_empty = chunks.is_empty() || (chunks.len() == 1 && crate::ast::is_header(&chunks[0]));
    FUZZING.with(|f| f.set(true));
    let started = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(|| expand_all(input)));
    MACRO_TIME.with(|t| t.set(t.get() + started.elapsed()));
    FUZZING.with(|f| f.set(false));
    let output = match result {
        Ok(output) => output,
        Err(_) => {
            let (message, location) = LAST_PANIC.with(|p| p.take());
            return Outcome::Failed {
                signature: format!("panic at {location}"),
                detail: format!("the macro panicked at {location}: {message}"),
            };
        }
    };
    check_output(extent.as_ref(), input_empty, output, parse_output)
}

/// The properties of one output, given the extent of its input; whether it
/// parses as items only if `parse_output` (parsing is the most expensive
/// step of a case, so a run samples it).
fn check_output(extent: Option<&Extent>, input_empty: bool, output: TokenStream, parse_output: bool) -> Outcome {
    let output_empty = output.is_empty();
    let not_items = if parse_output {
        syn::parse2::<syn::File>(output.clone())
            .err()
            .map(|e| (e, output.to_string()))
    } else {
        None
    };
    // The output is consumed here, without copying its tokens.
    let errors = find_errors(output);
    for error in &errors {
        for &span in &error.spans {
            if !extent.is_some_and(|e| e.contains(span)) {
                let input = extent.map_or_else(
                    || "(no input tokens)".to_owned(),
                    |e| format!("{} bytes {}..{}", e.file, e.lo, e.hi),
                );
                return Outcome::Failed {
                    signature: format!("error spanned outside the input: {}", normalize(&error.message)),
                    detail: format!(
                        "error {:?} is spanned at {}, outside the input ({input})",
                        error.message,
                        describe_span(span)
                    ),
                };
            }
        }
    }
    if errors.is_empty() && output_empty && !input_empty {
        return Outcome::Failed {
            signature: "no output and no error".to_owned(),
            detail: "a non-empty input expanded to nothing, without an error".to_owned(),
        };
    }
    if let Some((e, text)) = not_items {
        return Outcome::Failed {
            signature: format!("output is not items: {}", normalize(&e.to_string())),
            detail: format!("the output does not parse as Rust items: {e}\noutput: {text}"),
        };
    }
    Outcome::Passed(errors.into_iter().map(|e| e.message).collect())
}

// ---------------------------------------------------------------------------
// Driving a run
// ---------------------------------------------------------------------------

/// One case in this many also checks that the output parses as items.
const PARSE_OUTPUT_EVERY: u64 = 50;

struct Finding {
    case: u64,
    tree: Vec<Tok>,
    wrap: Option<u64>,
    detail: String,
}

#[derive(Default)]
struct Report {
    fed: u64,
    unlexable: u64,
    clean: u64,
    with_errors: u64,
    errors: u64,
    /// Normalised message -> (count, shortest input producing it).
    messages: BTreeMap<String, (u64, String)>,
    findings: BTreeMap<String, Finding>,
    slowest: (Duration, String),
    /// Time spent inside the macro, summed over threads.
    macro_time: Duration,
}

impl Report {
    fn merge(&mut self, other: Report) {
        self.fed += other.fed;
        self.unlexable += other.unlexable;
        self.clean += other.clean;
        self.with_errors += other.with_errors;
        self.errors += other.errors;
        for (message, (count, text)) in other.messages {
            let entry = self.messages.entry(message).or_insert((0, text.clone()));
            entry.0 += count;
            if text.len() < entry.1.len() {
                entry.1 = text;
            }
        }
        for (signature, finding) in other.findings {
            match self.findings.get(&signature) {
                Some(known) if known.case <= finding.case => {}
                _ => {
                    self.findings.insert(signature, finding);
                }
            }
        }
        self.macro_time += other.macro_time;
        if other.slowest.0 > self.slowest.0 {
            self.slowest = other.slowest;
        }
    }
}

fn worker(seed: u64, cases: u64, thread: u64, threads: u64, corpus: &Corpus) -> Report {
    let mut report = Report::default();
    let mut case = thread;
    while case < cases {
        let Case { tree, wrap } = generate(case_seed(seed, case), corpus);
        let text = render(&tree);
        let started = Instant::now();
        let outcome = run_case(&text, wrap, case % PARSE_OUTPUT_EVERY == 0);
        let took = started.elapsed();
        if took > report.slowest.0 {
            report.slowest = (took, text.clone());
        }
        match outcome {
            Outcome::Unlexable => report.unlexable += 1,
            Outcome::Passed(messages) => {
                report.fed += 1;
                if messages.is_empty() {
                    report.clean += 1;
                } else {
                    report.with_errors += 1;
                    report.errors += messages.len() as u64;
                }
                for message in messages {
                    let entry = report.messages.entry(normalize(&message)).or_insert((0, text.clone()));
                    entry.0 += 1;
                    if text.len() < entry.1.len() {
                        entry.1 = text.clone();
                    }
                }
            }
            Outcome::Failed { signature, detail } => {
                report.fed += 1;
                report.findings.entry(signature).or_insert(Finding {
                    case,
                    tree,
                    wrap,
                    detail,
                });
            }
        }
        case += threads;
    }
    report.macro_time = MACRO_TIME.with(Cell::get);
    report
}

/// Smaller variants of `tree`: each run of a sequence (one token, two
/// tokens, a prefix, a suffix) removed, each group unwrapped.
fn shrinks(tree: &[Tok]) -> Vec<Vec<Tok>> {
    let mut out = Vec::new();
    // The sequences of the tree: the root, and every group's contents.
    let mut seqs: Vec<Vec<usize>> = vec![Vec::new()];
    for path in all_paths(tree) {
        if let Tok::Group(..) = node(tree, &path) {
            seqs.push(path);
        }
    }
    for seq_path in &seqs {
        let len = {
            let mut probe = tree.to_vec();
            seq_at(&mut probe, seq_path).len()
        };
        let mut cut = |range: core::ops::Range<usize>| {
            let mut smaller = tree.to_vec();
            seq_at(&mut smaller, seq_path).drain(range);
            out.push(smaller);
        };
        for i in 1..len {
            cut(0..i);
            cut(i..len);
        }
        for i in 0..len {
            cut(i..i + 1);
            if i + 1 < len {
                cut(i..i + 2);
            }
        }
        if !seq_path.is_empty() {
            let mut unwrapped = tree.to_vec();
            let idx = seq_path[seq_path.len() - 1];
            let parent = parent_mut(&mut unwrapped, seq_path);
            if let Tok::Group(_, inner) = &mut parent[idx] {
                let inner = core::mem::take(inner);
                parent.splice(idx..=idx, inner);
            }
            out.push(unwrapped);
        }
    }
    out
}

/// The sequence at `path`: the root for an empty path, else a group's contents.
fn seq_at<'a>(root: &'a mut Vec<Tok>, path: &[usize]) -> &'a mut Vec<Tok> {
    let mut seq = root;
    for &i in path {
        seq = match &mut seq[i] {
            Tok::Group(_, inner) => inner,
            Tok::Leaf(_) => unreachable!("sequence paths lead to groups"),
        };
    }
    seq
}

/// Shrinks the input while it keeps failing with `signature`.
fn minimise(mut tree: Vec<Tok>, wrap: Option<u64>, signature: &str) -> Vec<Tok> {
    let fails =
        |t: &[Tok]| matches!(run_case(&render(t), wrap, true), Outcome::Failed { signature: s, .. } if s == signature);
    while let Some(smaller) = shrinks(&tree).into_iter().find(|t| fails(t)) {
        tree = smaller;
    }
    tree
}

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => {
            let text = text.trim().replace('_', "");
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("{name}={text:?} is not a number"))
        }
        Err(_) => default,
    }
}

/// Runs `f` on a thread with a stack deep enough for syn's recursive descent.
fn on_big_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(s, f)
            .expect("spawn a fuzz thread")
            .join()
            .unwrap_or_else(|payload| panic::resume_unwind(payload))
    })
}

#[test]
fn fuzz_expand_all() {
    let seed = env_u64("FUZZ_SEED", 0x5EED_F022_2024_0001);
    let cases = env_u64("FUZZ_CASES", 100_000);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let threads = env_u64("FUZZ_THREADS", cores.min(4)).max(1);
    let verbose = std::env::var("FUZZ_VERBOSE").is_ok_and(|v| v == "1");
    let corpus = Corpus::new();

    let started = Instant::now();
    let report = with_quiet_panics(|| {
        let mut total = Report::default();
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let corpus = &corpus;
                    std::thread::Builder::new()
                        .stack_size(64 << 20)
                        .spawn_scoped(s, move || worker(seed, cases, t, threads, corpus))
                        .expect("spawn a fuzz thread")
                })
                .collect();
            for handle in handles {
                total.merge(handle.join().unwrap_or_else(|payload| panic::resume_unwind(payload)));
            }
        });
        total
    });
    let elapsed = started.elapsed();

    println!(
        "fuzz: seed {seed:#x}, {cases} cases on {threads} threads in {:.1?}: {} fed to the macro ({} clean, {} with {} errors, {} distinct messages), {} not lexable; {:.1?} inside the macro (all threads); slowest input {:.1?}",
        elapsed,
        report.fed,
        report.clean,
        report.with_errors,
        report.errors,
        report.messages.len(),
        report.unlexable,
        report.macro_time,
        report.slowest.0,
    );
    if verbose {
        println!("slowest input: {}", report.slowest.1);
        let mut messages: Vec<_> = report.messages.iter().collect();
        messages.sort_by_key(|(_, (count, _))| *count);
        for (message, (count, text)) in messages {
            println!("{count:>7}  {message}\n         shortest input: {text}");
        }
    }
    if report.findings.is_empty() {
        return;
    }
    let mut failure = format!(
        "the fuzzer found {} class(es) of failure (FUZZ_SEED={seed:#x}):\n",
        report.findings.len()
    );
    with_quiet_panics(|| {
        on_big_stack(|| {
            for (signature, finding) in &report.findings {
                let small = minimise(finding.tree.clone(), finding.wrap, signature);
                let _ = write!(
                    failure,
                    "\n== {signature}\ncase {}{}\n{}\ninput:     {}\nminimised: {}\n",
                    finding.case,
                    if finding.wrap.is_some() {
                        " (with a run wrapped in an invisible group)"
                    } else {
                        ""
                    },
                    finding.detail,
                    render(&finding.tree),
                    render(&small),
                );
                if let Outcome::Failed { detail, .. } = run_case(&render(&small), finding.wrap, true) {
                    let _ = writeln!(failure, "minimised: {detail}");
                }
            }
        });
    });
    panic!("{failure}");
}

/// Every corpus program is valid: no error, and items that parse.
#[test]
fn corpus_programs_expand_cleanly() {
    let corpus = Corpus::new();
    for program in &corpus.programs {
        let text = render(&program.concat());
        match run_case(&text, None, true) {
            Outcome::Passed(messages) => assert!(messages.is_empty(), "corpus program rejected: {messages:?}\n{text}"),
            Outcome::Unlexable => panic!("corpus program does not lex: {text}"),
            Outcome::Failed { detail, .. } => panic!("corpus program fails: {detail}\n{text}"),
        }
    }
}

/// With the header `crate = PATH;`, every corpus program names the core
/// through PATH only: no `view_core` is left in the expansion.
#[test]
fn header_path_replaces_view_core() {
    fn names_view_core(stream: TokenStream) -> bool {
        stream.into_iter().any(|tree| match tree {
            TokenTree::Ident(ident) => ident == "view_core",
            TokenTree::Group(group) => names_view_core(group.stream()),
            _ => false,
        })
    }
    for program in PROGRAMS {
        let items: Vec<&str> = program.iter().copied().filter(|i| !i.starts_with("crate")).collect();
        let input: TokenStream = format!("crate = ::elsewhere::core; {}", items.join(" "))
            .parse()
            .expect("lexes");
        let output = expand_all(input.clone());
        assert!(find_errors(output.clone()).is_empty(), "rejected: {input}");
        assert!(!names_view_core(output.clone()), "names view_core: {output}");
        assert!(output.to_string().contains(":: elsewhere :: core ::"), "{output}");
        // Without the header, the default.
        let bare: TokenStream = items.join(" ").parse().expect("lexes");
        assert!(names_view_core(expand_all(bare)));
    }
    proc_macro2::extra::invalidate_current_thread_spans();
}

/// Malformed headers are spanned errors, and the items after them expand to
/// placeholders (their own errors still reported).
#[test]
fn header_errors_are_spanned() {
    for (input, expected) in [
        ("crate = ; A: [u8; 4] { shape: [4] }", "expected a path after `crate =`"),
        (
            "crate = 3; A: [u8; 4] { shape: [4] }",
            "expected a path after `crate =`",
        ),
        ("crate ::x; A: [u8; 4] { shape: [4] }", "expected `=` after `crate`"),
        (
            "crate = ::x<u8>; A: [u8; 4] { shape: [4] }",
            "expected `;` after the path",
        ),
        (
            "crate = ::x::; A: [u8; 4] { shape: [4] }",
            "expected a path after `crate =`",
        ),
        (
            "crate = ::x; crate = ::y; A: [u8; 4] { shape: [4] }",
            "must be the first item",
        ),
        ("A: [u8; 4] { shape: [4] } crate = ::x;", "must be the first item"),
    ] {
        match run_case(input, None, true) {
            Outcome::Passed(messages) => {
                assert_eq!(messages.len(), 1, "{input}: {messages:?}");
                assert!(messages[0].contains(expected), "{input}: {messages:?}");
            }
            Outcome::Unlexable => panic!("does not lex: {input}"),
            Outcome::Failed { detail, .. } => panic!("{input}: {detail}"),
        }
    }
    // A malformed header: the layout's own error is reported as well, and
    // nothing names a core crate.
    let input: TokenStream = "crate = 3; A: [u8; 4] { shape: [5] }".parse().expect("lexes");
    let output = expand_all(input);
    assert_eq!(find_errors(output.clone()).len(), 2, "{output}");
    assert!(!output.to_string().contains("impl"), "{output}");
    proc_macro2::extra::invalidate_current_thread_spans();
}

/// The span check itself: an error at an input token passes, an error at the
/// call site or on another file's token does not.
#[test]
fn span_check_tells_inside_from_outside() {
    let input: TokenStream = "Foo: [i64; 12] { shape: [4] }".parse().expect("lexes");
    let extent = Extent::of(&input).expect("tokens");
    let inside = syn::Error::new(input.clone().into_iter().nth(2).expect("a token").span(), "inside");
    assert!(matches!(
        check_output(Some(&extent), false, inside.to_compile_error(), true),
        Outcome::Passed(m) if m == ["inside"]
    ));
    let call_site = syn::Error::new(Span::call_site(), "outside");
    assert!(matches!(
        check_output(Some(&extent), false, call_site.to_compile_error(), true),
        Outcome::Failed { .. }
    ));
    let other: TokenStream = "Bar".parse().expect("lexes");
    let elsewhere = syn::Error::new(other.into_iter().next().expect("a token").span(), "elsewhere");
    assert!(matches!(
        check_output(Some(&extent), false, elsewhere.to_compile_error(), true),
        Outcome::Failed { .. }
    ));
    assert!(matches!(
        check_output(Some(&extent), false, TokenStream::new(), true),
        Outcome::Failed { .. }
    ));
    proc_macro2::extra::invalidate_current_thread_spans();
}
