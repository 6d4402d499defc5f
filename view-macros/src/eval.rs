//! Evaluate the integer expressions the macro can see through: literals and
//! arithmetic on them. Anything naming a constant is left to the compiler, and
//! its layout to the const-evaluated backstop.

use syn::{BinOp, Expr, Lit, UnOp};

/// An expression's value, if the macro can compute it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Known(i128),
    /// Names a constant (or calls a `const fn`): only the compiler knows.
    Symbolic,
}

/// Evaluates `expr`; an error for what can never be an integer (a float or
/// string literal), or for arithmetic that fails (division by zero).
pub fn eval(expr: &Expr) -> syn::Result<Value> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int
                .base10_parse::<i128>()
                .map(Value::Known)
                .map_err(|_| syn::Error::new(int.span(), "integer literal too large")),
            other => Err(syn::Error::new(
                other.span(),
                format!("expected an integer, found {}", describe_literal(other)),
            )),
        },
        Expr::Paren(p) => eval(&p.expr),
        Expr::Group(g) => eval(&g.expr),
        Expr::Unary(u) => match (&u.op, eval(&u.expr)?) {
            (UnOp::Neg(_), Value::Known(v)) => checked(v.checked_neg(), expr),
            (UnOp::Neg(_), Value::Symbolic) => Ok(Value::Symbolic),
            _ => Ok(Value::Symbolic),
        },
        Expr::Binary(b) => {
            let (Value::Known(l), Value::Known(r)) = (eval(&b.left)?, eval(&b.right)?) else {
                return Ok(Value::Symbolic);
            };
            let result = match b.op {
                BinOp::Add(_) => l.checked_add(r),
                BinOp::Sub(_) => l.checked_sub(r),
                BinOp::Mul(_) => l.checked_mul(r),
                BinOp::Div(_) | BinOp::Rem(_) if r == 0 => {
                    return Err(syn::Error::new_spanned(expr, "division by zero"));
                }
                BinOp::Div(_) => l.checked_div(r),
                BinOp::Rem(_) => l.checked_rem(r),
                // A shift that loses bits is an overflow, not a wrap.
                BinOp::Shl(_) => u32::try_from(r)
                    .ok()
                    .and_then(|r| l.checked_shl(r))
                    .filter(|v| v.checked_shr(r as u32) == Some(l)),
                BinOp::Shr(_) => u32::try_from(r).ok().and_then(|r| l.checked_shr(r)),
                BinOp::BitAnd(_) => Some(l & r),
                BinOp::BitOr(_) => Some(l | r),
                BinOp::BitXor(_) => Some(l ^ r),
                _ => return Ok(Value::Symbolic),
            };
            checked(result, expr)
        }
        Expr::Cast(c) => match eval(&c.expr)? {
            Value::Known(v) if cast_is_exact(v, &c.ty) => Ok(Value::Known(v)),
            _ => Ok(Value::Symbolic),
        },
        _ => Ok(Value::Symbolic),
    }
}

fn checked(v: Option<i128>, expr: &Expr) -> syn::Result<Value> {
    v.map(Value::Known)
        .ok_or_else(|| syn::Error::new_spanned(expr, "arithmetic overflow in a layout constant"))
}

/// Whether `value as ty` keeps `value` unchanged on every target. `usize` and
/// `isize` are taken at their narrowest (32 bits); anything wider, or a cast
/// that would truncate, is left to the compiler.
fn cast_is_exact(value: i128, ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(ident) = path.path.get_ident() else {
        return false;
    };
    let (min, max): (i128, i128) = match ident.to_string().as_str() {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" | "usize" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "u128" => (0, i128::MAX),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" | "isize" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "i128" => (i128::MIN, i128::MAX),
        _ => return false,
    };
    (min..=max).contains(&value)
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
