//! Evaluate the integer expressions the macro can see through: literals and
//! arithmetic on them. Anything naming a constant is left to the compiler, and
//! its layout to the const-evaluated backstop.
//!
//! `eval_as` follows Rust's typing and overflow rules for a position of a
//! given integer type.

use syn::{BinOp, Expr, ExprLit, Lit, LitInt, UnOp};

/// `error` with `context` before its message, spanned over the same tokens.
///
/// `syn::Error::span` gives only the start of a multi-token span on stable;
/// the error's own compile-error tokens carry both its start and its end, so
/// spanning the new error over them keeps the whole range.
pub fn with_context(error: &syn::Error, context: &str) -> syn::Error {
    syn::Error::new_spanned(error.to_compile_error(), format!("{context}{error}"))
}

/// An expression's value, if the macro can compute it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Known(i128),
    /// Names a constant (or calls a `const fn`): only the compiler knows.
    Symbolic,
}

/// The primitive integer type an expression stands in for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
}

impl IntTy {
    const ALL: [IntTy; 12] = [
        IntTy::I8,
        IntTy::I16,
        IntTy::I32,
        IntTy::I64,
        IntTy::I128,
        IntTy::Isize,
        IntTy::U8,
        IntTy::U16,
        IntTy::U32,
        IntTy::U64,
        IntTy::U128,
        IntTy::Usize,
    ];

    /// The type's name as Rust spells it.
    pub fn name(self) -> &'static str {
        match self {
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::I128 => "i128",
            IntTy::Isize => "isize",
            IntTy::U8 => "u8",
            IntTy::U16 => "u16",
            IntTy::U32 => "u32",
            IntTy::U64 => "u64",
            IntTy::U128 => "u128",
            IntTy::Usize => "usize",
        }
    }

    fn from_name(name: &str) -> Option<IntTy> {
        IntTy::ALL.into_iter().find(|t| t.name() == name)
    }

    fn signed(self) -> bool {
        matches!(
            self,
            IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64 | IntTy::I128 | IntTy::Isize
        )
    }

    fn pointer_sized(self) -> bool {
        matches!(self, IntTy::Isize | IntTy::Usize)
    }

    /// Width in bits; `usize` and `isize` at their widest (64).
    fn bits(self) -> u32 {
        match self {
            IntTy::I8 | IntTy::U8 => 8,
            IntTy::I16 | IntTy::U16 => 16,
            IntTy::I32 | IntTy::U32 => 32,
            IntTy::I64 | IntTy::U64 | IntTy::Isize | IntTy::Usize => 64,
            IntTy::I128 | IntTy::U128 => 128,
        }
    }

    /// Smallest value of a signed type (0 for unsigned ones).
    fn min(self) -> i128 {
        if self.signed() {
            i128::MIN >> (128 - self.bits())
        } else {
            0
        }
    }

    /// Largest value of a signed type, as `i128`.
    fn signed_max(self) -> i128 {
        i128::MAX >> (128 - self.bits())
    }

    /// Largest value.
    fn max(self) -> u128 {
        let unsigned_max = u128::MAX >> (128 - self.bits());
        if self.signed() {
            unsigned_max >> 1
        } else {
            unsigned_max
        }
    }
}

/// A value the macro computed, with the range of every `usize`/`isize` value
/// it passed through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evaluated {
    /// `Known(i128)` or `Symbolic`. A `u128` above `i128::MAX` is `Symbolic`.
    pub value: Value,
    /// Smallest and largest value of any `usize`- or `isize`-typed literal,
    /// intermediate result or final result met while evaluating (None if
    /// none), so that the caller can check that the computation means the
    /// same on targets whose `usize` is 32 or 16 bits wide.
    ///
    /// A shift of a `usize` (`isize`) value by `n >= 16` bits also counts the
    /// value `2^n` (`2^n - 1`): that shift is only valid on a target where
    /// that value fits. `None` whenever `value` is `Symbolic`: the compiler
    /// then computes everything on the real target.
    pub pointer_sized_range: Option<(i128, i128)>,
}

/// Evaluates `expr` as rustc would in a position of type `expected` (as in
/// `const X: usize = <expr>;`): literal types inferred from suffixes and the
/// position, literals and every result checked against their type, `usize`
/// and `isize` taken 64 bits wide. An error for what Rust would reject;
/// `Symbolic` for whatever names something the macro cannot see.
pub fn eval_as(expr: &Expr, expected: IntTy) -> syn::Result<Evaluated> {
    if nesting_depth(expr) > MAX_DEPTH {
        return Err(syn::Error::new_spanned(
            expr,
            format!("this expression nests more than {MAX_DEPTH} operations deep, beyond what the macro evaluates; compute it in a named constant (`const N: usize = ..;`) and write `N`"),
        ));
    }
    type_check(expr, Expect::Has(expected))?;
    let mut range = None;
    let (_, value) = eval_tree(expr, Expect::Has(expected), &mut range)?;
    let value = value.and_then(Num::to_i128);
    Ok(Evaluated {
        value: value.map_or(Value::Symbolic, Value::Known),
        pointer_sized_range: value.and(range),
    })
}

/// Whether the type of `expr` is decided by something the macro cannot see
/// (a constant, a call, a block), as in `W` or `W * 2`: then it may be any
/// integer type, and the expansion converts it exactly. An expression whose
/// type its own tokens decide (`4`, `1 << N`, `N as isize + 1`) is not.
pub fn typed_by_constants(expr: &Expr) -> bool {
    if nesting_depth(expr) > MAX_DEPTH {
        return false;
    }
    let mut leaves = Leaves::default();
    scan(expr, Expect::Has(IntTy::Isize), &mut leaves).is_ok() && leaves.opaque
}

/// The deepest nesting of operations the evaluator follows (it recurses
/// once per level; rustc's own stack gives out not far beyond a few
/// thousand).
const MAX_DEPTH: usize = 256;

/// How deeply `expr`'s operators nest (1 for a leaf), counted without
/// recursion, over the forms the evaluator descends into.
fn nesting_depth(expr: &Expr) -> usize {
    let mut deepest = 0;
    let mut pending = vec![(expr, 1usize)];
    while let Some((e, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        match e {
            Expr::Binary(b) => {
                pending.push((&b.left, depth + 1));
                pending.push((&b.right, depth + 1));
            }
            Expr::Unary(u) => pending.push((&u.expr, depth + 1)),
            Expr::Paren(p) => pending.push((&p.expr, depth + 1)),
            Expr::Group(g) => pending.push((&g.expr, depth + 1)),
            Expr::Cast(c) => pending.push((&c.expr, depth + 1)),
            _ => {}
        }
    }
    deepest
}

/// An integer value of a known type: signed types as `S`, unsigned as `U`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    S(i128),
    U(u128),
}

impl Num {
    fn to_i128(self) -> Option<i128> {
        match self {
            Num::S(v) => Some(v),
            Num::U(v) => i128::try_from(v).ok(),
        }
    }

    /// The same number as a value of `ty`, if it fits.
    fn fit(self, ty: IntTy) -> Option<Num> {
        if ty.signed() {
            let v = match self {
                Num::S(v) => v,
                Num::U(v) => i128::try_from(v).ok()?,
            };
            (ty.min() <= v && v <= ty.signed_max()).then_some(Num::S(v))
        } else {
            let v = match self {
                Num::S(v) => u128::try_from(v).ok()?,
                Num::U(v) => v,
            };
            (v <= ty.max()).then_some(Num::U(v))
        }
    }

    /// Two's complement bits, sign-extended to 128.
    fn raw(self) -> u128 {
        match self {
            Num::S(v) => v as u128,
            Num::U(v) => v,
        }
    }

    /// `self as ty`: truncate to the width, then read as `ty`.
    fn wrap(self, ty: IntTy) -> Num {
        let shift = 128 - ty.bits();
        let raw = self.raw() << shift;
        if ty.signed() {
            Num::S((raw as i128) >> shift)
        } else {
            Num::U(raw >> shift)
        }
    }

    /// The number as rustc prints it in its const-evaluation errors:
    /// `4_usize`, `-1_i8`, `u8::MAX`, `i8::MIN`.
    fn show(self, ty: IntTy) -> String {
        let name = ty.name();
        match self {
            Num::S(v) if v == ty.min() => format!("{name}::MIN"),
            Num::S(v) if v == ty.signed_max() => format!("{name}::MAX"),
            Num::U(v) if v == ty.max() => format!("{name}::MAX"),
            Num::S(v) => format!("{v}_{name}"),
            Num::U(v) => format!("{v}_{name}"),
        }
    }
}

/// What the position of an arithmetic tree asks of its type.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Exactly this type: a layout number, or a tree unified with one.
    Has(IntTy),
    /// Some integer type, falling back to `i32`: a shift's right operand.
    Int,
    /// The operand of `as`, cast to this type (`None`: not an integer
    /// type). Anything castable is allowed; a bare literal takes the
    /// target type, otherwise the fallback is `i32`.
    Cast(Option<IntTy>),
}

/// The leaves of one arithmetic tree, as far as they decide its type.
#[derive(Default)]
struct Leaves<'a> {
    /// Suffixed literals and integer casts, in source order.
    typed: Vec<(IntTy, &'a Expr)>,
    /// Unary minus nodes (and negative literal tokens).
    negations: Vec<&'a Expr>,
    /// Some leaf whose type the macro cannot know (a constant, a call).
    opaque: bool,
    /// The trees of cast operands and shift amounts.
    nested: Vec<(&'a Expr, Expect)>,
}

/// Where a cast goes.
enum Target {
    Int(IntTy),
    /// A primitive type that is not an integer (`f32`, `bool`, ...).
    Other(&'static str),
    Unknown,
}

fn cast_target(ty: &syn::Type) -> Target {
    match ty {
        syn::Type::Group(g) => cast_target(&g.elem),
        syn::Type::Paren(p) => cast_target(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let path = &p.path;
            if path.segments.iter().any(|s| !s.arguments.is_none()) {
                return Target::Unknown;
            }
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            let name = match segments.as_slice() {
                [name] if path.leading_colon.is_none() => name,
                [krate, module, name] if (krate == "core" || krate == "std") && module == "primitive" => name,
                _ => return Target::Unknown,
            };
            if let Some(int) = IntTy::from_name(name) {
                return Target::Int(int);
            }
            match name.as_str() {
                "f32" => Target::Other("f32"),
                "f64" => Target::Other("f64"),
                "bool" => Target::Other("bool"),
                "char" => Target::Other("char"),
                _ => Target::Unknown,
            }
        }
        _ => Target::Unknown,
    }
}

/// The type a literal's suffix names; an error for a suffix that is not an
/// integer type.
fn suffix_type(int: &LitInt) -> syn::Result<Option<IntTy>> {
    match int.suffix() {
        "" => Ok(None),
        "f32" | "f64" => Err(syn::Error::new(
            int.span(),
            "expected an integer, found a float literal",
        )),
        suffix => IntTy::from_name(suffix)
            .map(Some)
            .ok_or_else(|| syn::Error::new(int.span(), format!("invalid suffix `{suffix}` for number literal"))),
    }
}

/// The integer literal `expr` is, through parentheses and groups.
fn as_int_literal(expr: &Expr) -> Option<&LitInt> {
    match expr {
        Expr::Paren(p) => as_int_literal(&p.expr),
        Expr::Group(g) => as_int_literal(&g.expr),
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => Some(int),
        _ => None,
    }
}

/// Whether the tree is one literal under parentheses, `-` and `!`: the
/// literal then takes a cast's target type, as rustc's expectation reaches it.
fn is_bare_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(p) => is_bare_literal(&p.expr),
        Expr::Group(g) => is_bare_literal(&g.expr),
        Expr::Unary(u) if matches!(u.op, UnOp::Neg(_) | UnOp::Not(_)) => is_bare_literal(&u.expr),
        Expr::Lit(ExprLit { lit: Lit::Int(_), .. }) => true,
        _ => false,
    }
}

fn is_arithmetic(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::Add(_)
            | BinOp::Sub(_)
            | BinOp::Mul(_)
            | BinOp::Div(_)
            | BinOp::Rem(_)
            | BinOp::BitAnd(_)
            | BinOp::BitOr(_)
            | BinOp::BitXor(_)
    )
}

fn is_shift(op: &BinOp) -> bool {
    matches!(op, BinOp::Shl(_) | BinOp::Shr(_))
}

/// Collects the leaves of the tree rooted at `expr` (not entering the trees
/// of cast operands and shift amounts). Errors for leaves that can never be
/// integers where an integer is expected.
fn scan<'a>(expr: &'a Expr, expect: Expect, leaves: &mut Leaves<'a>) -> syn::Result<()> {
    let integer_expected = !matches!(expect, Expect::Cast(_));
    match expr {
        Expr::Paren(p) => scan(&p.expr, expect, leaves),
        Expr::Group(g) => scan(&g.expr, expect, leaves),
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => match suffix_type(int) {
                Ok(ty) => {
                    if let Some(ty) = ty {
                        leaves.typed.push((ty, expr));
                    }
                    if int.base10_digits().starts_with('-') {
                        leaves.negations.push(expr);
                    }
                    Ok(())
                }
                Err(_) if !integer_expected && matches!(int.suffix(), "f32" | "f64") => {
                    leaves.opaque = true;
                    Ok(())
                }
                Err(e) => Err(e),
            },
            // `b'a'` is a `u8`.
            Lit::Byte(_) => {
                leaves.typed.push((IntTy::U8, expr));
                Ok(())
            }
            _ if !integer_expected => {
                leaves.opaque = true;
                Ok(())
            }
            other => Err(syn::Error::new(
                other.span(),
                format!("expected an integer, found {}", describe_literal(other)),
            )),
        },
        Expr::Unary(u) => match u.op {
            UnOp::Neg(_) => {
                leaves.negations.push(expr);
                scan(&u.expr, expect, leaves)
            }
            UnOp::Not(_) => scan(&u.expr, expect, leaves),
            _ => {
                leaves.opaque = true;
                Ok(())
            }
        },
        Expr::Binary(b) if is_arithmetic(&b.op) => {
            scan(&b.left, expect, leaves)?;
            scan(&b.right, expect, leaves)
        }
        // The amount is a tree of its own; the result has the left operand's type.
        Expr::Binary(b) if is_shift(&b.op) => {
            leaves.nested.push((&b.right, Expect::Int));
            scan(&b.left, expect, leaves)
        }
        Expr::Cast(c) => match cast_target(&c.ty) {
            Target::Int(ty) => {
                leaves.typed.push((ty, expr));
                leaves.nested.push((&c.expr, Expect::Cast(Some(ty))));
                Ok(())
            }
            Target::Other(found) if integer_expected => {
                let wanted = match expect {
                    Expect::Has(ty) => format!("`{}`", ty.name()),
                    _ => "an integer".to_owned(),
                };
                Err(syn::Error::new_spanned(
                    expr,
                    format!("mismatched types: expected {wanted}, found `{found}`"),
                ))
            }
            _ => {
                leaves.opaque = true;
                leaves.nested.push((&c.expr, Expect::Cast(None)));
                Ok(())
            }
        },
        _ => {
            leaves.opaque = true;
            Ok(())
        }
    }
}

/// Type-checks the tree rooted at `expr` and the trees nested in it, before
/// anything is evaluated: rustc reports type errors first.
fn type_check(expr: &Expr, expect: Expect) -> syn::Result<()> {
    let mut leaves = Leaves::default();
    scan(expr, expect, &mut leaves)?;
    tree_type(expr, expect, &leaves)?;
    leaves
        .nested
        .iter()
        .try_for_each(|&(nested, expect)| type_check(nested, expect))
}

/// The type of the tree rooted at `expr`, as rustc infers it; `None` when a
/// leaf of unknown type could decide it.
fn tree_type(expr: &Expr, expect: Expect, leaves: &Leaves) -> syn::Result<Option<IntTy>> {
    if leaves.opaque {
        return Ok(None);
    }
    let mut first: Option<(IntTy, &Expr)> = None;
    for &(ty, leaf) in &leaves.typed {
        match first {
            None => first = Some((ty, leaf)),
            Some((want, _)) if want != ty => {
                return Err(syn::Error::new_spanned(
                    leaf,
                    format!("mismatched types: expected `{}`, found `{}`", want.name(), ty.name()),
                ));
            }
            Some(_) => {}
        }
    }
    let ty = match (first, expect) {
        (Some((found, leaf)), Expect::Has(want)) if found != want => {
            let hint = match as_int_literal(leaf) {
                Some(int) => {
                    let text = int.to_string();
                    let bare = text.strip_suffix(int.suffix()).unwrap_or(int.base10_digits());
                    format!("; write it unsuffixed (`{bare}`): an unsuffixed literal takes the type of its position")
                }
                None => String::new(),
            };
            return Err(syn::Error::new_spanned(
                leaf,
                format!(
                    "mismatched types: expected `{}`, found `{}`{hint}",
                    want.name(),
                    found.name()
                ),
            ));
        }
        (Some((found, _)), _) => found,
        (None, Expect::Has(want)) => want,
        (None, Expect::Cast(Some(target))) if is_bare_literal(expr) => target,
        (None, _) => IntTy::I32,
    };
    if let (false, Some(neg)) = (ty.signed(), leaves.negations.first()) {
        return Err(syn::Error::new_spanned(
            neg,
            format!("cannot apply unary operator `-` to type `{}`", ty.name()),
        ));
    }
    Ok(Some(ty))
}

/// Smallest and largest `usize`/`isize` value met.
type Range = Option<(i128, i128)>;

fn record(range: &mut Range, ty: IntTy, value: Num) {
    if let (true, Some(v)) = (ty.pointer_sized(), value.to_i128()) {
        record_raw(range, v);
    }
}

fn record_raw(range: &mut Range, v: i128) {
    *range = Some(match *range {
        None => (v, v),
        Some((lo, hi)) => (lo.min(v), hi.max(v)),
    });
}

/// Type-checks and evaluates one arithmetic tree: its type (`None` if a leaf
/// of unknown type decides it) and its value (`None` if symbolic).
fn eval_tree(expr: &Expr, expect: Expect, range: &mut Range) -> syn::Result<(Option<IntTy>, Option<Num>)> {
    let mut leaves = Leaves::default();
    scan(expr, expect, &mut leaves)?;
    let ty = tree_type(expr, expect, &leaves)?;
    let value = eval_node(expr, ty, range)?;
    Ok((ty, value))
}

/// Evaluates a node of a tree of type `ty`.
fn eval_node(expr: &Expr, ty: Option<IntTy>, range: &mut Range) -> syn::Result<Option<Num>> {
    match expr {
        Expr::Paren(p) => eval_node(&p.expr, ty, range),
        Expr::Group(g) => eval_node(&g.expr, ty, range),
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => literal(int, false, ty, range),
        Expr::Lit(ExprLit {
            lit: Lit::Byte(byte), ..
        }) => Ok(ty.map(|_| Num::U(byte.value().into()))),
        Expr::Unary(u) => match u.op {
            // `-128i8`: rustc folds the minus into the literal.
            UnOp::Neg(_) => match as_int_literal(&u.expr) {
                Some(int) if !int.base10_digits().starts_with('-') => literal(int, true, ty, range),
                _ => {
                    let (Some(ty), Some(Num::S(v))) = (ty, eval_node(&u.expr, ty, range)?) else {
                        return Ok(None);
                    };
                    let result = v.checked_neg().map(Num::S).and_then(|n| n.fit(ty)).ok_or_else(|| {
                        syn::Error::new_spanned(
                            expr,
                            format!("attempt to negate `{}`, which would overflow", Num::S(v).show(ty)),
                        )
                    })?;
                    record(range, ty, result);
                    Ok(Some(result))
                }
            },
            UnOp::Not(_) => {
                let (Some(ty), Some(v)) = (ty, eval_node(&u.expr, ty, range)?) else {
                    return Ok(None);
                };
                let result = match v {
                    Num::S(v) => Num::S(!v),
                    Num::U(v) => Num::U(ty.max() ^ v),
                };
                record(range, ty, result);
                Ok(Some(result))
            }
            _ => Ok(None),
        },
        Expr::Binary(b) if is_arithmetic(&b.op) => {
            let left = eval_node(&b.left, ty, range)?;
            let right = eval_node(&b.right, ty, range)?;
            let (Some(ty), Some(l), Some(r)) = (ty, left, right) else {
                return Ok(None);
            };
            let result = arithmetic(&b.op, l, r, ty).map_err(|message| syn::Error::new_spanned(expr, message))?;
            record(range, ty, result);
            Ok(Some(result))
        }
        Expr::Binary(b) if is_shift(&b.op) => {
            let left = eval_node(&b.left, ty, range)?;
            let (amount_ty, amount) = eval_tree(&b.right, Expect::Int, range)?;
            let (Some(ty), Some(l), Some(amount_ty), Some(r)) = (ty, left, amount_ty, amount) else {
                return Ok(None);
            };
            let left_shift = matches!(b.op, BinOp::Shl(_));
            let Some(n) = r
                .to_i128()
                .and_then(|r| u32::try_from(r).ok())
                .filter(|&n| n < ty.bits())
            else {
                let direction = if left_shift { "left" } else { "right" };
                return Err(syn::Error::new_spanned(
                    expr,
                    format!(
                        "attempt to shift {direction} by `{}`, which would overflow",
                        r.show(amount_ty)
                    ),
                ));
            };
            let result = match (left_shift, l) {
                (true, l) => Num::U(l.raw() << n).wrap(ty),
                (false, Num::S(l)) => Num::S(l >> n),
                (false, Num::U(l)) => Num::U(l >> n),
            };
            if ty.pointer_sized() && n >= 16 {
                // Valid only where `usize` has more than `n` bits.
                record_raw(range, (1i128 << n) - i128::from(ty.signed()));
            }
            record(range, ty, result);
            Ok(Some(result))
        }
        Expr::Cast(c) => match cast_target(&c.ty) {
            Target::Int(target) => {
                let (_, operand) = eval_tree(&c.expr, Expect::Cast(Some(target)), range)?;
                let Some(v) = operand else { return Ok(None) };
                let result = if target.pointer_sized() {
                    // Out of range, the result depends on the target's width.
                    v.fit(target)
                } else {
                    Some(v.wrap(target))
                };
                if let Some(result) = result {
                    record(range, target, result);
                }
                Ok(result)
            }
            _ => {
                // Still report what is wrong inside.
                eval_tree(&c.expr, Expect::Cast(None), range)?;
                Ok(None)
            }
        },
        _ => Ok(None),
    }
}

/// An integer literal of a tree of type `ty` (its suffix wins), negated if a
/// unary minus was folded into it.
fn literal(int: &LitInt, negated: bool, ty: Option<IntTy>, range: &mut Range) -> syn::Result<Option<Num>> {
    let digits = int.base10_digits();
    let (negated, magnitude) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (negated, digits),
    };
    let magnitude: u128 = magnitude.parse().map_err(|_| {
        syn::Error::new(
            int.span(),
            format!("integer literal is too large: the limit is {}", u128::MAX),
        )
    })?;
    let Some(ty) = suffix_type(int).ok().flatten().or(ty) else {
        return Ok(None);
    };
    if negated && !ty.signed() {
        return Err(syn::Error::new(
            int.span(),
            format!("cannot apply unary operator `-` to type `{}`", ty.name()),
        ));
    }
    let value = if negated {
        0i128.checked_sub_unsigned(magnitude).map(Num::S)
    } else {
        Some(Num::U(magnitude))
    };
    let Some(value) = value.and_then(|v| v.fit(ty)) else {
        let shown = if negated {
            format!("-{magnitude}")
        } else {
            magnitude.to_string()
        };
        return Err(syn::Error::new(
            int.span(),
            format!(
                "literal out of range for `{}`: {shown} does not fit {}..={}",
                ty.name(),
                ty.min(),
                ty.max()
            ),
        ));
    };
    record(range, ty, value);
    Ok(Some(value))
}

/// `l op r` in `ty`, or rustc's message for the panic.
fn arithmetic(op: &BinOp, l: Num, r: Num, ty: IntTy) -> Result<Num, String> {
    let (ls, rs) = (l.show(ty), r.show(ty));
    let overflow = |symbol: &str| format!("attempt to compute `{ls} {symbol} {rs}`, which would overflow");
    let zero = r.raw() == 0;
    let minus_one_divides_min = l.to_i128() == Some(ty.min()) && ty.signed() && r == Num::S(-1);
    let result = match op {
        BinOp::Div(_) if zero => return Err(format!("attempt to divide `{ls}` by zero")),
        BinOp::Rem(_) if zero => {
            return Err(format!(
                "attempt to calculate the remainder of `{ls}` with a divisor of zero"
            ))
        }
        BinOp::Div(_) if minus_one_divides_min => None,
        BinOp::Rem(_) if minus_one_divides_min => {
            return Err(format!(
                "attempt to compute the remainder of `{ls} % {rs}`, which would overflow"
            ))
        }
        BinOp::BitAnd(_) => Some(Num::U(l.raw() & r.raw()).wrap(ty)),
        BinOp::BitOr(_) => Some(Num::U(l.raw() | r.raw()).wrap(ty)),
        BinOp::BitXor(_) => Some(Num::U(l.raw() ^ r.raw()).wrap(ty)),
        _ => match (l, r) {
            (Num::S(a), Num::S(b)) => match op {
                BinOp::Add(_) => a.checked_add(b),
                BinOp::Sub(_) => a.checked_sub(b),
                BinOp::Mul(_) => a.checked_mul(b),
                BinOp::Div(_) => a.checked_div(b),
                BinOp::Rem(_) => a.checked_rem(b),
                _ => None,
            }
            .map(Num::S),
            (Num::U(a), Num::U(b)) => match op {
                BinOp::Add(_) => a.checked_add(b),
                BinOp::Sub(_) => a.checked_sub(b),
                BinOp::Mul(_) => a.checked_mul(b),
                BinOp::Div(_) => a.checked_div(b),
                BinOp::Rem(_) => a.checked_rem(b),
                _ => None,
            }
            .map(Num::U),
            _ => None,
        },
    };
    let symbol = match op {
        BinOp::Add(_) => "+",
        BinOp::Sub(_) => "-",
        BinOp::Mul(_) => "*",
        BinOp::Div(_) => "/",
        _ => "%",
    };
    result.and_then(|v| v.fit(ty)).ok_or_else(|| overflow(symbol))
}

fn describe_literal(lit: &Lit) -> &'static str {
    match lit {
        Lit::Float(_) => "a float literal",
        Lit::Str(_) | Lit::ByteStr(_) | Lit::CStr(_) => "a string literal",
        Lit::Char(_) | Lit::Byte(_) => "a character literal",
        Lit::Bool(_) => "a boolean",
        _ => "a literal of another kind",
    }
}

#[cfg(test)]
mod rustc_diff;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Expr {
        syn::parse_str(src).unwrap_or_else(|e| panic!("`{src}` does not parse: {e}"))
    }

    fn known(src: &str, ty: IntTy) -> i128 {
        match eval_as(&parse(src), ty) {
            Ok(Evaluated {
                value: Value::Known(v), ..
            }) => v,
            other => panic!("`{src}` as {}: expected a value, got {other:?}", ty.name()),
        }
    }

    fn symbolic(src: &str, ty: IntTy) {
        match eval_as(&parse(src), ty) {
            Ok(Evaluated {
                value: Value::Symbolic,
                pointer_sized_range: None,
            }) => {}
            other => panic!("`{src}` as {}: expected Symbolic, got {other:?}", ty.name()),
        }
    }

    /// The error's message and the source text its span covers.
    fn rejected(src: &str, ty: IntTy) -> (String, String) {
        match eval_as(&parse(src), ty) {
            Err(e) => {
                let (start, end) = (e.span().start(), e.span().end());
                assert_eq!((start.line, end.line), (1, 1), "`{src}`: span on one line");
                let blamed = src.get(start.column..end.column).unwrap_or("<span outside the input>");
                (e.to_string(), blamed.to_owned())
            }
            Ok(v) => panic!("`{src}` as {}: expected an error, got {v:?}", ty.name()),
        }
    }

    fn range(src: &str, ty: IntTy) -> Option<(i128, i128)> {
        eval_as(&parse(src), ty)
            .unwrap_or_else(|e| panic!("`{src}`: {e}"))
            .pointer_sized_range
    }

    use IntTy::{Isize, Usize, I8, U8};

    // The issue's cases. rustc type-checks before it evaluates: for `255u8 + 1`
    // and `2i8 * 100 * 2` it reports E0308 mismatched types, not an overflow.
    #[test]
    fn typed_by_constants_or_by_tokens() {
        for src in ["W", "W * 2", "2 * W + 1", "(W)", "f()", "{ 4 }", "W.pow(2)", "-W"] {
            assert!(typed_by_constants(&parse(src)), "{src}");
        }
        for src in [
            "4",
            "-1",
            "1 << N",
            "N as isize",
            "N as isize + 1",
            "4u32",
            "(N as isize) * 2",
        ] {
            assert!(!typed_by_constants(&parse(src)), "{src}");
        }
    }

    #[test]
    fn issue_cases_are_rejected() {
        let cases = [
            (
                "300u8",
                "mismatched types: expected `usize`, found `u8`; write it unsuffixed (`300`): an unsuffixed literal takes the type of its position",
                "300u8",
            ),
            (
                "255u8 + 1",
                "mismatched types: expected `usize`, found `u8`; write it unsuffixed (`255`): an unsuffixed literal takes the type of its position",
                "255u8",
            ),
            ("4f32", "expected an integer, found a float literal", "4f32"),
            ("4 - 5 + 2", "attempt to compute `4_usize - 5_usize`, which would overflow", "4 - 5"),
            ("3 & -1", "cannot apply unary operator `-` to type `usize`", "-1"),
            (
                "2i8 * 100 * 2",
                "mismatched types: expected `usize`, found `i8`; write it unsuffixed (`2`): an unsuffixed literal takes the type of its position",
                "2i8",
            ),
        ];
        for (src, message, blamed) in cases {
            assert_eq!(rejected(src, Usize), (message.to_owned(), blamed.to_owned()), "`{src}`");
        }
    }

    #[test]
    fn accepted_values() {
        let cases: [(&str, IntTy, i128); 17] = [
            ("4 * 3", Usize, 12),
            ("-1", Isize, -1),
            ("1 << 10", Usize, 1024),
            ("3 as usize", Usize, 3),
            ("!0u8 as usize", Usize, 255),
            ("(200 + 100) as u8", U8, 44),
            ("300i32 as u8", U8, 44),
            ("-1i32 as u8", U8, 255),
            ("(2 + 3) * 4", Usize, 20),
            // rustc folds the minus into the literal, which then fits.
            ("-9223372036854775808", Isize, i128::from(i64::MIN)),
            ("-(9223372036854775808)", Isize, i128::from(i64::MIN)),
            ("-128", I8, -128),
            ("18446744073709551615", Usize, i128::from(u64::MAX)),
            ("0x10", Usize, 16),
            ("0b101", Usize, 5),
            ("1_000", Usize, 1000),
            ("0o17", Usize, 15),
        ];
        for (src, ty, value) in cases {
            assert_eq!(known(src, ty), value, "`{src}` as {}", ty.name());
        }
    }

    // Expected values and verdicts checked against rustc 1.95 (see rustc_diff.rs).
    #[test]
    fn agrees_with_rustc() {
        let values: [(&str, IntTy, i128); 25] = [
            // A byte literal is a `u8`.
            ("b'a'", U8, 97),
            ("b'a' + 1", U8, 98),
            ("b'a' as usize", Usize, 97),
            ("255u8 << 1", U8, 254),
            ("1i8 << 7", I8, -128),
            ("-128 >> 7", I8, -1),
            ("255 >> 7", U8, 1),
            ("!0i8", I8, -1),
            ("!0u8", U8, 255),
            ("!-1", I8, 0),
            ("-1 ^ 127", I8, -128),
            ("-128 | 1", I8, -127),
            ("-7 / 2", I8, -3),
            ("-7 % 2", I8, -1),
            ("7 % -2", I8, 1),
            ("(1u64 << 40) as u8", U8, 0),
            ("-1isize as u8", U8, 255),
            ("(-128i8 as i16 - 1) as i8", I8, 127),
            ("255u8 as i8", I8, -1),
            ("340282366920938463463374607431768211455u128 as u8", U8, 255),
            ("-170141183460469231731687303715884105728i128 as u8", U8, 0),
            ("3 as ::core::primitive::usize", Usize, 3),
            ("3u8 as usize + 1", Usize, 4),
            ("1 << 7i64", I8, -128),
            ("(1 << 30) as usize", Usize, 1073741824),
        ];
        for (src, ty, value) in values {
            assert_eq!(known(src, ty), value, "`{src}` as {}", ty.name());
        }
        let errors: [(&str, IntTy, &str); 20] = [
            ("b'a'", Usize, "mismatched types: expected `usize`, found `u8`"),
            // The literal takes the cast's type, so 300 is out of range for `u8`.
            (
                "300 as u8",
                U8,
                "literal out of range for `u8`: 300 does not fit 0..=255",
            ),
            (
                "(300) as u8",
                U8,
                "literal out of range for `u8`: 300 does not fit 0..=255",
            ),
            ("-1 as u8", U8, "cannot apply unary operator `-` to type `u8`"),
            (
                "-129",
                I8,
                "literal out of range for `i8`: -129 does not fit -128..=127",
            ),
            ("0x80", I8, "literal out of range for `i8`: 128 does not fit -128..=127"),
            (
                "--9223372036854775808",
                Isize,
                "attempt to negate `isize::MIN`, which would overflow",
            ),
            (
                "255 + 1",
                U8,
                "attempt to compute `u8::MAX + 1_u8`, which would overflow",
            ),
            (
                "-128 / -1",
                I8,
                "attempt to compute `i8::MIN / -1_i8`, which would overflow",
            ),
            (
                "-128 % -1",
                I8,
                "attempt to compute the remainder of `i8::MIN % -1_i8`, which would overflow",
            ),
            ("4 / 0", Usize, "attempt to divide `4_usize` by zero"),
            (
                "4 % 0",
                Usize,
                "attempt to calculate the remainder of `4_usize` with a divisor of zero",
            ),
            (
                "1 << 64",
                Usize,
                "attempt to shift left by `64_i32`, which would overflow",
            ),
            (
                "1 << -1",
                Usize,
                "attempt to shift left by `-1_i32`, which would overflow",
            ),
            (
                "(1 << 40) as usize",
                Usize,
                "attempt to shift left by `40_i32`, which would overflow",
            ),
            (
                "(3000000000 + 0) as u64 as usize",
                Usize,
                "literal out of range for `i32`: 3000000000 does not fit -2147483648..=2147483647",
            ),
            ("1u8 + 2u16", Usize, "mismatched types: expected `u8`, found `u16`"),
            ("3 as f32", Usize, "mismatched types: expected `usize`, found `f32`"),
            ("4abc", Usize, "invalid suffix `abc` for number literal"),
            ("1 << 2.0", Usize, "expected an integer, found a float literal"),
        ];
        for (src, ty, message) in errors {
            assert_eq!(rejected(src, ty).0, message, "`{src}` as {}", ty.name());
        }
    }

    #[test]
    fn errors_blame_the_sub_expression() {
        let cases = [
            ("1 + (4 - 5)", "4 - 5"),
            ("2 * (1 << 64)", "1 << 64"),
            ("1 + 2u8", "2u8"),
            ("(3 as u8) + 1", "3 as u8"),
            ("1 + 18446744073709551616", "18446744073709551616"),
        ];
        for (src, blamed) in cases {
            assert_eq!(rejected(src, Usize).1, blamed, "`{src}`");
        }
    }

    #[test]
    fn what_the_macro_cannot_see_is_symbolic() {
        for src in [
            "N",
            "N + 1",
            "N * 300",
            "f(3)",
            "x.len()",
            "{ 3 }",
            "[1][0]",
            "N as usize",
            "4.0 as usize",
            "true as usize",
            "(3 as f32) as usize",
            "3 as T",
            // Target-dependent casts: the compiler computes them.
            "-1isize as usize",
            "-1 as isize as usize",
            "(1u128 << 64) as usize",
            "(1 << 31) as usize",
        ] {
            symbolic(src, Usize);
        }
        symbolic("18446744073709551615u64 as isize", Isize);
        // A `u128` above `i128::MAX` does not fit `Value::Known`.
        symbolic("340282366920938463463374607431768211455", IntTy::U128);
    }

    #[test]
    fn errors_certain_from_the_known_parts() {
        assert_eq!(
            rejected("N + 300u8", Usize).0,
            "literal out of range for `u8`: 300 does not fit 0..=255"
        );
        assert_eq!(
            rejected("N + (4u8 - 5) as usize", Usize).0,
            "attempt to compute `4_u8 - 5_u8`, which would overflow"
        );
        assert_eq!(
            rejected("N + 4.0", Usize).0,
            "expected an integer, found a float literal"
        );
        assert_eq!(
            rejected("N + (2147483647 + 1) as usize", Usize).0,
            "attempt to compute `i32::MAX + 1_i32`, which would overflow"
        );
    }

    #[test]
    fn pointer_sized_range() {
        let parsed = parse("4294967296 * 2 / 4");
        let e = eval_as(&parsed, Usize).expect("accepted");
        assert_eq!(e.value, Value::Known(2147483648));
        assert_eq!(e.pointer_sized_range, Some((2, 8589934592)));
        assert_eq!(range("3u8 as usize", Usize), Some((3, 3)));
        assert_eq!(range("-1", Isize), Some((-1, -1)));
        assert_eq!(range("(1u64 << 40) as usize / 1024", Usize), Some((1024, 1 << 40)));
        // `!0usize` is 2^64 - 1 here, 2^32 - 1 on a 32-bit target.
        assert_eq!(range("!0 as usize", Usize), Some((0, i128::from(u64::MAX))));
        // A shift by 20 bits needs a usize wider than 20 bits.
        assert_eq!(range("0usize << 20", Usize), Some((0, 1 << 20)));
        assert_eq!(range("(1isize << 20) >> 20", Isize), Some((1, (1 << 20))));
        // No usize or isize anywhere.
        assert_eq!(range("(200u8 + 55) as u8", U8), None);
        assert_eq!(range("(3u8 as usize) as u8", U8), Some((3, 3)));
    }

    /// Random trees, with leaves the macro cannot see: never a panic.
    #[test]
    fn never_panics() {
        let mut rng = rustc_diff::Rng::new(7);
        for _ in 0..3000 {
            let src = rng.tree(5, true);
            let Ok(expr) = syn::parse_str::<Expr>(&src) else {
                continue;
            };
            for ty in IntTy::ALL {
                let _ = eval_as(&expr, ty);
            }
        }
    }
}
