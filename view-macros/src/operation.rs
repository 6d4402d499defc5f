//! One operation of a derived item, `.method(args)`, with its arguments
//! evaluated: what the macro applies on the host with view-core's algebra,
//! and what the expansion writes down (`OPS`) for view-core to apply again
//! on the target.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::Expr;
use view_core::algebra::{describe_algebra, Op, Strided};

use core::cell::Cell;

use crate::ast;
use crate::eval::{eval_as, Evaluated, IntTy, Value};
use crate::prove::Peaks;

/// An operation with owned arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operation {
    T,
    Permute(Vec<usize>),
    SwapAxes(usize, usize),
    Flip(usize),
    Slice {
        axis: usize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    },
    Index(usize, isize),
    Diagonal {
        offset: isize,
        axis1: usize,
        axis2: usize,
    },
    Windows(Vec<usize>),
    BroadcastTo(Vec<usize>),
    Reshape(Vec<isize>),
    NewAxis(usize),
}

impl Operation {
    /// The operation as view-core's algebra takes it.
    pub fn as_op(&self) -> Op<'_> {
        match self {
            Operation::T => Op::T,
            Operation::Permute(axes) => Op::Permute(axes),
            Operation::SwapAxes(a, b) => Op::SwapAxes(*a, *b),
            Operation::Flip(axis) => Op::Flip(*axis),
            Operation::Slice {
                axis,
                start,
                stop,
                step,
            } => Op::Slice {
                axis: *axis,
                start: *start,
                stop: *stop,
                step: *step,
            },
            Operation::Index(axis, index) => Op::Index(*axis, *index),
            Operation::Diagonal { offset, axis1, axis2 } => Op::Diagonal {
                offset: *offset,
                axis1: *axis1,
                axis2: *axis2,
            },
            Operation::Windows(window) => Op::Windows(window),
            Operation::BroadcastTo(shape) => Op::BroadcastTo(shape),
            Operation::Reshape(shape) => Op::Reshape(shape),
            Operation::NewAxis(axis) => Op::NewAxis(*axis),
        }
    }

    /// The expression of the operation in generated code, as an `Op` of
    /// the core at `core`.
    pub fn to_expr(&self, core: &TokenStream) -> TokenStream {
        let op = quote!(#core::__private::Op);
        let option = |v: &Option<isize>| match v {
            Some(v) => quote!(::core::option::Option::Some(#v)),
            None => quote!(::core::option::Option::None),
        };
        match self {
            Operation::T => quote!(#op::T),
            Operation::Permute(axes) => quote!(#op::Permute(&[#(#axes),*])),
            Operation::SwapAxes(a, b) => quote!(#op::SwapAxes(#a, #b)),
            Operation::Flip(axis) => quote!(#op::Flip(#axis)),
            Operation::Slice {
                axis,
                start,
                stop,
                step,
            } => {
                let (start, stop) = (option(start), option(stop));
                quote!(#op::Slice { axis: #axis, start: #start, stop: #stop, step: #step })
            }
            Operation::Index(axis, index) => quote!(#op::Index(#axis, #index)),
            Operation::Diagonal { offset, axis1, axis2 } => {
                quote!(#op::Diagonal { offset: #offset, axis1: #axis1, axis2: #axis2 })
            }
            Operation::Windows(window) => quote!(#op::Windows(&[#(#window),*])),
            Operation::BroadcastTo(shape) => quote!(#op::BroadcastTo(&[#(#shape),*])),
            Operation::Reshape(shape) => quote!(#op::Reshape(&[#(#shape),*])),
            Operation::NewAxis(axis) => quote!(#op::NewAxis(#axis)),
        }
    }
}

/// The arguments of one operation, evaluated as Rust would in the position
/// of each (axes are `usize`, bounds, steps and indices `isize`).
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
    fn typed(&self, expr: &Expr, ty: IntTy, what: &str, negative: &str) -> Result<i128, Vec<syn::Error>> {
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
                return Ok(v);
            }
            Ok(Evaluated { .. }) => return Err(self.error(expr, &format!("needs integer literals as {what}s"))),
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

    fn axis(&self, k: usize) -> Result<usize, Vec<syn::Error>> {
        // A `usize` that `eval_as` accepted fits in `usize` on the host.
        self.typed(&self.op.args[k], IntTy::Usize, "argument", "needs a non-negative axis")
            .map(|v| v as usize)
    }

    fn isize_at(&self, k: usize) -> Result<isize, Vec<syn::Error>> {
        self.typed(
            &self.op.args[k],
            IntTy::Isize,
            "argument",
            "needs a non-negative argument",
        )
        .map(|v| v as isize)
    }

    fn list(&self, k: usize, ty: IntTy, negative: &str) -> Result<Vec<i128>, Vec<syn::Error>> {
        let Expr::Array(array) = &self.op.args[k] else {
            return Err(self.error(&self.op.args[k], "takes a bracketed list `[..]`"));
        };
        array
            .elems
            .iter()
            .map(|e| self.typed(e, ty, "argument", negative))
            .collect()
    }

    fn usize_list(&self, k: usize, negative: &str) -> Result<Vec<usize>, Vec<syn::Error>> {
        Ok(self
            .list(k, IntTy::Usize, negative)?
            .into_iter()
            .map(|v| v as usize)
            .collect())
    }

    fn isize_list(&self, k: usize) -> Result<Vec<isize>, Vec<syn::Error>> {
        Ok(self
            .list(k, IntTy::Isize, "")?
            .into_iter()
            .map(|v| v as isize)
            .collect())
    }

    /// `start..end`, either end optional, negative ends allowed.
    fn range(&self, k: usize) -> Result<(Option<isize>, Option<isize>), Vec<syn::Error>> {
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
        let bound = |e: &Option<Box<Expr>>| -> Result<Option<isize>, Vec<syn::Error>> {
            match e {
                None => Ok(None),
                Some(e) => self.typed(e, IntTy::Isize, "bound", "").map(|v| Some(v as isize)),
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

/// Evaluates the arguments of `op` (of layout `name`) into an [`Operation`],
/// with the pointer-sized values its arguments met.
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
            Operation::Permute(args.usize_list(0, "needs non-negative axes")?)
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
            args.count(&[2, 3], "an axis, a range and an optional step: `slice(0, 1..-1)`, `slice(1, .., -1)`")?;
            let (start, stop) = args.range(1)?;
            let step = if op.args.len() == 3 { args.isize_at(2)? } else { 1 };
            Operation::Slice {
                axis: args.axis(0)?,
                start,
                stop,
                step,
            }
        }
        "index" => {
            args.count(&[2], "an axis and an index: `index(0, 2)`")?;
            Operation::Index(args.axis(0)?, args.isize_at(1)?)
        }
        "diagonal" => {
            args.count(&[0, 1, 3], "an optional offset and two optional axes: `diagonal(0)`, `diagonal(1, 0, 1)`")?;
            let offset = if op.args.is_empty() { 0 } else { args.isize_at(0)? };
            let (axis1, axis2) = if op.args.len() == 3 { (args.axis(1)?, args.axis(2)?) } else { (0, 1) };
            Operation::Diagonal { offset, axis1, axis2 }
        }
        "windows" => {
            args.count(&[1], "one window extent per axis: `windows([3, 3])`")?;
            Operation::Windows(args.usize_list(0, "needs non-negative extents")?)
        }
        "broadcast_to" => {
            args.count(&[1], "the target shape: `broadcast_to([6, 4])`")?;
            Operation::BroadcastTo(args.usize_list(0, "needs non-negative extents")?)
        }
        "reshape" => {
            args.count(&[1], "the new shape, with at most one -1: `reshape([4, -1])`")?;
            Operation::Reshape(args.isize_list(0)?)
        }
        "new_axis" => {
            args.count(&[1], "the position of the new axis: `new_axis(0)`")?;
            Operation::NewAxis(args.axis(0)?)
        }
        other => {
            return Err(vec![syn::Error::new(
                op.method.span(),
                format!("layout `{name}`: unknown operation `{other}`; the operations are t, permute, swap_axes, flip, slice, index, diagonal, windows, broadcast_to, reshape, new_axis"),
            )])
        }
    };
    Ok((operation, args.peaks.get()))
}

/// Applies `operation` (written as `op`) to `layout`, or says why it cannot
/// be applied, spanned at the operation.
pub fn apply(name: &str, layout: Strided, op: &ast::Op, operation: &Operation) -> Result<Strided, Vec<syn::Error>> {
    operation.as_op().apply(layout).map_err(|e| {
        vec![syn::Error::new_spanned(
            op.tokens(),
            describe_algebra(name, &op.text(), &e).as_str(),
        )]
    })
}
