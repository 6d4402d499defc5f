//! One operation of a derived item, `.method(args)`, with its arguments
//! evaluated where the macro can (`Arg::Value`) and kept as the user's
//! expressions where it cannot (`Arg::Expr`: a constant, a const parameter):
//! what the macro applies on the host with view-core's algebra when every
//! argument is known, and what the expansion writes down (`OPS`) for
//! view-core to apply again in const evaluation on the target.

use core::cell::Cell;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::Expr;
use view_core::algebra::{describe_algebra, Op, Strided};

use crate::ast;
use crate::eval::{eval_as, Evaluated, IntTy, Value};
use crate::prove::Peaks;

/// One argument: its value, or the expression the compiler evaluates.
#[derive(Clone)]
pub enum Arg {
    Value(i128),
    Expr(Box<Expr>),
}

impl Arg {
    fn value(&self) -> Option<i128> {
        match self {
            Arg::Value(v) => Some(*v),
            Arg::Expr(_) => None,
        }
    }

    /// The argument as an `i128` expression: exact for every integer type
    /// (a `u128` above `i128::MAX` is an error in const evaluation, naming
    /// `name`); a float or `bool` is a type error (`Integer`), never an `as`
    /// truncation.
    fn wide(&self, core: &TokenStream, name: &str) -> TokenStream {
        match self {
            Arg::Value(v) => proc_macro2::Literal::i128_unsuffixed(*v).into_token_stream(),
            // Located at the argument, so that a type error points at it.
            Arg::Expr(e) => crate::located::located_at(
                &quote!({
                    let __value = #e;
                    #core::__private::to_i128(
                        #name,
                        #core::__private::is_signed(&__value),
                        __value as ::core::primitive::i128,
                        __value as ::core::primitive::u128,
                    )
                }),
                syn::spanned::Spanned::span(e),
            ),
        }
    }

    /// The argument as it stands in a list of `ty` (a literal, or the
    /// user's expression, which must have that type).
    fn typed(&self) -> TokenStream {
        match self {
            Arg::Value(v) => proc_macro2::Literal::i128_unsuffixed(*v).into_token_stream(),
            Arg::Expr(e) => e.to_token_stream(),
        }
    }
}

/// An operation with its arguments.
#[derive(Clone)]
pub enum Operation {
    T,
    Permute(Vec<Arg>),
    SwapAxes(Arg, Arg),
    Flip(Arg),
    Slice {
        axis: Arg,
        start: Option<Arg>,
        stop: Option<Arg>,
        step: Arg,
    },
    Index(Arg, Arg),
    Diagonal {
        offset: Arg,
        axis1: Arg,
        axis2: Arg,
    },
    Windows(Vec<Arg>),
    BroadcastTo(Vec<Arg>),
    Reshape(Vec<Arg>),
    NewAxis(Arg),
}

/// An operation whose arguments are all known, with owned arguments.
pub struct Known {
    permute: Vec<usize>,
    list: Vec<usize>,
    signed: Vec<isize>,
    op: KnownOp,
}

#[derive(Clone, Copy)]
enum KnownOp {
    Scalar(Op<'static>),
    Permute,
    Windows,
    BroadcastTo,
    Reshape,
}

impl Known {
    /// The operation as view-core's algebra takes it.
    pub fn as_op(&self) -> Op<'_> {
        match self.op {
            KnownOp::Scalar(op) => op,
            KnownOp::Permute => Op::Permute(&self.permute),
            KnownOp::Windows => Op::Windows(&self.list),
            KnownOp::BroadcastTo => Op::BroadcastTo(&self.list),
            KnownOp::Reshape => Op::Reshape(&self.signed),
        }
    }
}

fn list_values<T: TryFrom<i128>>(args: &[Arg]) -> Option<Vec<T>> {
    args.iter()
        .map(|a| a.value().and_then(|v| T::try_from(v).ok()))
        .collect()
}

impl Operation {
    /// Whether distinct result indices map to distinct operand indices
    /// (view-core's `Op::is_injective`, by kind).
    pub fn is_injective(&self) -> bool {
        !matches!(self, Operation::Windows(_) | Operation::BroadcastTo(_))
    }

    /// The operation with every argument known, if it is.
    pub fn known(&self) -> Option<Known> {
        let usize_of = |a: &Arg| a.value().and_then(|v| usize::try_from(v).ok());
        let isize_of = |a: &Arg| a.value().and_then(|v| isize::try_from(v).ok());
        let scalar = |op: Op<'static>| {
            Some(Known {
                permute: Vec::new(),
                list: Vec::new(),
                signed: Vec::new(),
                op: KnownOp::Scalar(op),
            })
        };
        let with = |permute: Vec<usize>, list: Vec<usize>, signed: Vec<isize>, op: KnownOp| {
            Some(Known {
                permute,
                list,
                signed,
                op,
            })
        };
        match self {
            Operation::T => scalar(Op::T),
            Operation::Permute(axes) => with(list_values(axes)?, Vec::new(), Vec::new(), KnownOp::Permute),
            Operation::SwapAxes(a, b) => scalar(Op::SwapAxes(usize_of(a)?, usize_of(b)?)),
            Operation::Flip(a) => scalar(Op::Flip(usize_of(a)?)),
            Operation::Slice {
                axis,
                start,
                stop,
                step,
            } => {
                let bound = |b: &Option<Arg>| match b {
                    None => Some(None),
                    Some(a) => isize_of(a).map(Some),
                };
                scalar(Op::Slice {
                    axis: usize_of(axis)?,
                    start: bound(start)?,
                    stop: bound(stop)?,
                    step: isize_of(step)?,
                })
            }
            Operation::Index(a, i) => scalar(Op::Index(usize_of(a)?, isize_of(i)?)),
            Operation::Diagonal { offset, axis1, axis2 } => scalar(Op::Diagonal {
                offset: isize_of(offset)?,
                axis1: usize_of(axis1)?,
                axis2: usize_of(axis2)?,
            }),
            Operation::Windows(w) => with(Vec::new(), list_values(w)?, Vec::new(), KnownOp::Windows),
            Operation::BroadcastTo(s) => with(Vec::new(), list_values(s)?, Vec::new(), KnownOp::BroadcastTo),
            Operation::Reshape(s) => with(Vec::new(), Vec::new(), list_values(s)?, KnownOp::Reshape),
            Operation::NewAxis(a) => scalar(Op::NewAxis(usize_of(a)?)),
        }
    }

    /// The rank after the operation on a layout of rank `rank` (whatever the
    /// arguments' values: it depends on the kind and the lists' lengths).
    pub fn rank_after(&self, rank: usize) -> usize {
        match self {
            Operation::Index(..) | Operation::Diagonal { .. } => rank.saturating_sub(1),
            Operation::Windows(_) => rank.saturating_mul(2),
            Operation::BroadcastTo(s) | Operation::Reshape(s) => s.len(),
            Operation::NewAxis(_) => rank.saturating_add(1),
            _ => rank,
        }
    }

    /// The extents after the operation, as const arguments of a shape type,
    /// where they stay expressible: operations that move axes keep their
    /// extents, new ones come from the arguments; computed extents
    /// (`slice`, `diagonal`, window positions) are `None`.
    pub fn extents_after(&self, extents: &[Option<TokenStream>]) -> Vec<Option<TokenStream>> {
        let position = |a: &Arg| a.value().and_then(|v| usize::try_from(v).ok());
        let mut out = extents.to_vec();
        match self {
            Operation::T => out.reverse(),
            Operation::Permute(axes) => {
                out = axes
                    .iter()
                    .map(|a| position(a).and_then(|k| extents.get(k).cloned().flatten()))
                    .collect()
            }
            Operation::SwapAxes(a, b) => match (position(a), position(b)) {
                (Some(a), Some(b)) if a < out.len() && b < out.len() => out.swap(a, b),
                _ => out.iter_mut().for_each(|e| *e = None),
            },
            Operation::Flip(_) => {}
            Operation::Index(a, _) => match position(a) {
                Some(a) if a < out.len() => {
                    out.remove(a);
                }
                _ => out = vec![None; out.len().saturating_sub(1)],
            },
            Operation::NewAxis(a) => match position(a) {
                Some(a) if a <= out.len() => out.insert(a, Some(quote!(1))),
                _ => out = vec![None; out.len() + 1],
            },
            Operation::BroadcastTo(s) => out = s.iter().map(shape_argument).collect(),
            Operation::Reshape(s) => {
                out = s
                    .iter()
                    .map(|a| match a.value() {
                        Some(-1) => None,
                        _ => shape_argument(a),
                    })
                    .collect()
            }
            Operation::Windows(w) => {
                out = vec![None; extents.len()];
                out.extend(w.iter().map(shape_argument));
            }
            Operation::Slice { .. } | Operation::Diagonal { .. } => {
                out = vec![None; self.rank_after(extents.len())];
            }
        }
        out
    }

    /// The expression of the operation in generated code, through the
    /// checked constructors of the core at `core` (`__private::op`).
    pub fn to_expr(&self, core: &TokenStream, name: &str) -> TokenStream {
        let op = quote!(#core::__private::op);
        let option = |v: &Option<Arg>| match v {
            Some(v) => {
                let v = v.wide(core, name);
                quote!(::core::option::Option::Some(#v))
            }
            None => quote!(::core::option::Option::None),
        };
        // A list argument with the numbers the macro read, in `i128`, which
        // view-core compares with the list as the target reads it.
        let list = |values: &[Arg]| {
            let typed = values.iter().map(Arg::typed);
            let written = values.iter().map(|a| match a {
                Arg::Value(v) => proc_macro2::Literal::i128_unsuffixed(*v).into_token_stream(),
                Arg::Expr(_) => quote!(#core::__private::UNKNOWN),
            });
            quote!(&[#(#typed),*], &[#(#written),*])
        };
        match self {
            Operation::T => quote!(#op::t()),
            Operation::Permute(axes) => {
                let axes = list(axes);
                quote!(#op::permute(#axes))
            }
            Operation::SwapAxes(a, b) => {
                let (a, b) = (a.wide(core, name), b.wide(core, name));
                quote!(#op::swap_axes(#a, #b))
            }
            Operation::Flip(a) => {
                let a = a.wide(core, name);
                quote!(#op::flip(#a))
            }
            Operation::Slice {
                axis,
                start,
                stop,
                step,
            } => {
                let (axis, start, stop, step) = (
                    axis.wide(core, name),
                    option(start),
                    option(stop),
                    step.wide(core, name),
                );
                quote!(#op::slice(#axis, #start, #stop, #step))
            }
            Operation::Index(a, i) => {
                let (a, i) = (a.wide(core, name), i.wide(core, name));
                quote!(#op::index(#a, #i))
            }
            Operation::Diagonal { offset, axis1, axis2 } => {
                let (offset, axis1, axis2) = (offset.wide(core, name), axis1.wide(core, name), axis2.wide(core, name));
                quote!(#op::diagonal(#offset, #axis1, #axis2))
            }
            Operation::Windows(w) => {
                let w = list(w);
                quote!(#op::windows(#w))
            }
            Operation::BroadcastTo(s) => {
                let s = list(s);
                quote!(#op::broadcast_to(#s))
            }
            Operation::Reshape(s) => {
                let s = list(s);
                quote!(#op::reshape(#s))
            }
            Operation::NewAxis(a) => {
                let a = a.wide(core, name);
                quote!(#op::new_axis(#a))
            }
        }
    }
}

/// An extent given as an argument, as a const argument of a shape type: a
/// literal, or a bare identifier (a const parameter or a constant).
fn shape_argument(arg: &Arg) -> Option<TokenStream> {
    match arg {
        Arg::Value(v) => usize::try_from(*v)
            .ok()
            .map(|v| proc_macro2::Literal::usize_unsuffixed(v).into_token_stream()),
        Arg::Expr(e) => match &**e {
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => Some(p.to_token_stream()),
            _ => None,
        },
    }
}

/// The arguments of one operation, evaluated as Rust would in the position
/// of each (axes are `usize`, bounds, steps and indices `isize`); an
/// argument naming a constant is kept as an expression.
struct Args<'a> {
    layout: &'a str,
    op: &'a ast::Op,
    /// The pointer-sized values met, for the derived layout's `WRITTEN`.
    peaks: Cell<Peaks>,
}

impl Args<'_> {
    fn error(&self, tokens: impl ToTokens, what: &str) -> Vec<syn::Error> {
        vec![syn::Error::new_spanned(
            tokens,
            format!("layout `{}`: `{}` {what}", self.layout, self.op.text()),
        )]
    }

    fn count(&self, allowed: &[usize], usage: &str) -> Result<(), Vec<syn::Error>> {
        if allowed.contains(&self.op.args.len()) {
            Ok(())
        } else {
            Err(self.error(self.op.tokens(), &format!("takes {usage}")))
        }
    }

    /// `expr` as a `ty`; `what` names it in messages ("argument", "bound"),
    /// `negative` is the message for a negative number where `ty` is unsigned.
    fn typed(&self, expr: &Expr, ty: IntTy, what: &str, negative: &str) -> Result<Arg, Vec<syn::Error>> {
        let error = match eval_as(expr, ty) {
            Ok(Evaluated {
                value: Value::Known(v),
                pointer_sized_range,
            }) => {
                if let Some((low, high)) = pointer_sized_range {
                    let mut peaks = self.peaks.get();
                    peaks.include(ty, low, high);
                    self.peaks.set(peaks);
                }
                return Ok(Arg::Value(v));
            }
            Ok(Evaluated { .. }) => return Ok(Arg::Expr(Box::new(expr.clone()))),
            Err(error) => error,
        };
        // A plain number of the wrong range reads better in the layout's words.
        match eval_as(expr, IntTy::I128) {
            Ok(Evaluated {
                value: Value::Known(v), ..
            }) if v < 0 && ty == IntTy::Usize => Err(self.error(expr, negative)),
            Ok(Evaluated {
                value: Value::Known(_), ..
            }) if ty == IntTy::Isize => Err(self.error(expr, &format!("has {} {what} outside isize", article(what)))),
            _ => Err(self.error(expr, &format!("has an invalid {what}: {error}"))),
        }
    }

    fn axis(&self, k: usize) -> Result<Arg, Vec<syn::Error>> {
        self.typed(&self.op.args[k], IntTy::Usize, "argument", "needs a non-negative axis")
    }

    fn signed(&self, k: usize) -> Result<Arg, Vec<syn::Error>> {
        self.typed(
            &self.op.args[k],
            IntTy::Isize,
            "argument",
            "needs a non-negative argument",
        )
    }

    fn list(&self, k: usize, ty: IntTy, negative: &str) -> Result<Vec<Arg>, Vec<syn::Error>> {
        let Expr::Array(array) = &self.op.args[k] else {
            return Err(self.error(&self.op.args[k], "takes a bracketed list `[..]`"));
        };
        array
            .elems
            .iter()
            .map(|e| self.typed(e, ty, "argument", negative))
            .collect()
    }

    /// `start..end`, either end optional, negative ends allowed.
    fn range(&self, k: usize) -> Result<(Option<Arg>, Option<Arg>), Vec<syn::Error>> {
        let Expr::Range(range) = &self.op.args[k] else {
            return Err(self.error(
                &self.op.args[k],
                "takes a range `start..end` (either end may be left out)",
            ));
        };
        if let syn::RangeLimits::Closed(_) = range.limits {
            return Err(self.error(
                range,
                "takes a half-open range `start..end`, as NumPy's slices exclude the end",
            ));
        }
        let bound = |e: &Option<Box<Expr>>| -> Result<Option<Arg>, Vec<syn::Error>> {
            match e {
                None => Ok(None),
                Some(e) => self.typed(e, IntTy::Isize, "bound", "").map(Some),
            }
        };
        Ok((bound(&range.start)?, bound(&range.end)?))
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The operations' names, as [`parse`] knows them.
const OPERATIONS: [&str; 11] = [
    "t",
    "permute",
    "swap_axes",
    "flip",
    "slice",
    "index",
    "diagonal",
    "windows",
    "broadcast_to",
    "reshape",
    "new_axis",
];

/// Evaluates the arguments of `op` (of layout `name`) into an [`Operation`],
/// with the pointer-sized values its known arguments met.
pub fn parse(name: &str, op: &ast::Op) -> Result<(Operation, Peaks), Vec<syn::Error>> {
    let args = Args {
        layout: name,
        op,
        peaks: Cell::new(Peaks::default()),
    };
    let method = op.method.to_string();
    let operation = match method.as_str() {
        "t" => {
            args.count(&[0], "no arguments: `t()`")?;
            Operation::T
        }
        "permute" => {
            args.count(&[1], "one list of axes: `permute([1, 0])`")?;
            Operation::Permute(args.list(0, IntTy::Usize, "needs non-negative axes")?)
        }
        "swap_axes" => {
            args.count(&[2], "two axes: `swap_axes(0, 1)`")?;
            Operation::SwapAxes(args.axis(0)?, args.axis(1)?)
        }
        "flip" => {
            args.count(&[1], "one axis: `flip(0)`")?;
            Operation::Flip(args.axis(0)?)
        }
        "slice" => {
            args.count(
                &[2, 3],
                "an axis, a range and an optional step: `slice(0, 1..-1)`, `slice(1, .., -1)`",
            )?;
            let (start, stop) = args.range(1)?;
            let step = if op.args.len() == 3 {
                args.signed(2)?
            } else {
                Arg::Value(1)
            };
            Operation::Slice {
                axis: args.axis(0)?,
                start,
                stop,
                step,
            }
        }
        "index" => {
            args.count(&[2], "an axis and an index: `index(0, 2)`")?;
            Operation::Index(args.axis(0)?, args.signed(1)?)
        }
        "diagonal" => {
            args.count(
                &[0, 1, 3],
                "an optional offset and two optional axes: `diagonal(0)`, `diagonal(1, 0, 1)`",
            )?;
            let offset = if op.args.is_empty() {
                Arg::Value(0)
            } else {
                args.signed(0)?
            };
            let (axis1, axis2) = if op.args.len() == 3 {
                (args.axis(1)?, args.axis(2)?)
            } else {
                (Arg::Value(0), Arg::Value(1))
            };
            Operation::Diagonal { offset, axis1, axis2 }
        }
        "windows" => {
            args.count(&[1], "one window extent per axis: `windows([3, 3])`")?;
            Operation::Windows(args.list(0, IntTy::Usize, "needs non-negative extents")?)
        }
        "broadcast_to" => {
            args.count(&[1], "the target shape: `broadcast_to([6, 4])`")?;
            Operation::BroadcastTo(args.list(0, IntTy::Usize, "needs non-negative extents")?)
        }
        "reshape" => {
            args.count(&[1], "the new shape, with at most one -1: `reshape([4, -1])`")?;
            Operation::Reshape(args.list(0, IntTy::Isize, "")?)
        }
        "new_axis" => {
            args.count(&[1], "the position of the new axis: `new_axis(0)`")?;
            Operation::NewAxis(args.axis(0)?)
        }
        other => {
            // NumPy's `transpose()` is `t()`, its `transpose(axes)` is `permute(axes)`.
            let transpose = if op.args.is_empty() { "t" } else { "permute" };
            let aliases = [
                ("transpose", transpose),
                ("sliding_window_view", "windows"),
                ("expand_dims", "new_axis"),
                ("diag", "diagonal"),
                ("reverse", "flip"),
                ("rev", "flip"),
            ];
            return Err(vec![syn::Error::new(
                op.method.span(),
                format!(
                    "layout `{name}`: unknown operation `{other}`{}; the operations are {}",
                    crate::suggest::did_you_mean(other, &OPERATIONS, &aliases),
                    OPERATIONS.join(", ")
                ),
            )]);
        }
    };
    Ok((operation, args.peaks.get()))
}

/// Applies the known operation `known` (written as `op`) to `layout`, or
/// says why it cannot be applied, spanned at the operation.
pub fn apply(name: &str, layout: Strided, op: &ast::Op, known: &Known) -> Result<Strided, Vec<syn::Error>> {
    known.as_op().apply(layout).map_err(|e| {
        vec![syn::Error::new_spanned(
            op.tokens(),
            describe_algebra(name, &op.text(), &e).as_str(),
        )]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name "did you mean" may suggest is one `parse` knows.
    #[test]
    fn operations_are_the_known_names() {
        for name in OPERATIONS {
            let op = ast::Op {
                method: syn::Ident::new(name, proc_macro2::Span::call_site()),
                args: Vec::new(),
            };
            if let Err(errors) = parse("L", &op) {
                assert!(
                    errors.iter().all(|e| !e.to_string().contains("unknown operation")),
                    "{name}"
                );
            }
        }
    }
}
