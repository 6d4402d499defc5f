//! Prove: run view-core's proof on each item the macro can evaluate, and turn
//! every rejection into an error spanned at the token to blame.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::{Expr, Generics, Ident};
use view_core::algebra::{describe_algebra, Strided};
use view_core::proof::{self, BoundsError, BoundsFix, Culprit, Footprint, LayoutParts, Uniqueness, Units, MAX_RANK};

use crate::ast::{path_arguments, single_name, DerivedItem, Elem, LayoutItem, ListField, Op, SplitItem};
use crate::eval::{eval_as, with_context, Evaluated, IntTy, Value};
use crate::operation::{self, Operation};

/// Scratch words the macro may use for one exact search: 2^27 positions
/// (16 MiB), enough for every layout over a buffer of up to 2^27 elements.
const MACRO_SCRATCH_WORDS: usize = 1 << 21;

/// Nodes the bounded search (for larger spans) may visit before the macro
/// reports that it could not decide: 2^24, a fraction of a second.
const MACRO_SEARCH_WORK: u64 = 1 << 24;

/// What the proof established about a layout.
pub enum Proven {
    /// Every number is known, and the proof accepted the layout.
    Literal(Box<Literal>),
    /// Some number the macro cannot evaluate: const evaluation decides.
    Deferred(Box<Deferred>),
}

/// A layout left to const evaluation (named constants, const parameters,
/// byte strides over a type whose size the macro cannot know, a derived
/// layout computed on the target): the numbers the macro did evaluate, for
/// `WRITTEN`.
pub struct Deferred {
    /// The `WRITTEN` record, with `UNKNOWN` where the macro could not evaluate.
    pub written: Vec<i128>,
}

/// A number of `WRITTEN` the macro could not evaluate (view-core's `UNKNOWN`).
const UNKNOWN: i128 = i128::MIN;

/// A fully evaluated, accepted layout.
#[derive(Clone)]
pub struct Literal {
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset: usize,
    pub len: usize,
    /// The uniqueness verdict (exact within the macro's budget).
    pub uniqueness: Uniqueness,
    /// Whether view-core's cheap rules settle uniqueness on their own, so
    /// that the verdict needs no certificate record.
    pub settled_by_rules: bool,
    /// The range of the pointer-sized values met while evaluating the numbers.
    pub peaks: Peaks,
    /// The element size the macro assumed to convert byte strides or a byte
    /// offset (checked again by a backstop).
    pub assumed_elem_size: Option<usize>,
}

impl Literal {
    pub fn parts(&self) -> LayoutParts<'_> {
        LayoutParts {
            shape: &self.shape,
            strides: &self.strides,
            offset: self.offset as isize,
        }
    }

    pub fn is_unique(&self) -> bool {
        matches!(self.uniqueness, Uniqueness::Unique)
    }
}

/// The smallest and largest `usize` / `isize` values met while evaluating a
/// layout's numbers (the numbers included): a target whose `usize` cannot
/// hold them must reject the layout rather than read other numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Peaks {
    pub usize_high: i128,
    pub isize_low: i128,
    pub isize_high: i128,
}

impl Peaks {
    /// The peaks of the numbers themselves.
    pub fn of(shape: &[usize], strides: &[isize], offset: usize, len: usize) -> Peaks {
        let usize_high = shape
            .iter()
            .chain([&offset, &len])
            .map(|&n| n as i128)
            .max()
            .unwrap_or(0);
        let isize_low = strides.iter().map(|&s| s as i128).min().unwrap_or(0).min(0);
        let isize_high = strides.iter().map(|&s| s as i128).max().unwrap_or(0).max(0);
        Peaks {
            usize_high,
            isize_low,
            isize_high,
        }
    }

    /// Widens the range by the pointer-sized values of an expression that
    /// stands in a `ty` position: those of a `usize` position are `usize`
    /// values (a negative one can only come from an `isize` inside a cast).
    pub fn include(&mut self, ty: IntTy, low: i128, high: i128) {
        if ty == IntTy::Isize {
            self.isize_low = self.isize_low.min(low);
            self.isize_high = self.isize_high.max(high);
        } else {
            self.usize_high = self.usize_high.max(high);
            self.isize_low = self.isize_low.min(low);
        }
    }

    /// Both ranges together.
    pub fn join(self, other: Peaks) -> Peaks {
        Peaks {
            usize_high: self.usize_high.max(other.usize_high),
            isize_low: self.isize_low.min(other.isize_low),
            isize_high: self.isize_high.max(other.isize_high),
        }
    }
}

/// A layout declared in this invocation, as later items (derived layouts,
/// splits) see it.
pub struct Declared<'a> {
    pub elem: &'a Elem,
    pub writable: bool,
    /// The buffer length as written, for messages and for comparing deferred layouts.
    pub len_tokens: TokenStream,
    /// Its const parameters.
    pub generics: &'a Generics,
    /// Its rank.
    pub rank: usize,
    /// Its extents as const arguments of a shape type (in terms of its own
    /// const parameters), `None` where not expressible.
    pub extents: Vec<Option<TokenStream>>,
    /// `None` when the layout itself was rejected (its error is reported).
    pub proven: Option<Proven>,
    /// The layouts it was derived from, nearest first, each with the number
    /// of operations that make this layout from it (for layouts the macro
    /// computed; a layout computed in const evaluation lists its parent only).
    pub ancestors: Vec<(syn::Path, usize)>,
}

/// Size in bytes of the primitive types whose size does not depend on the target.
fn primitive_size(elem: &Elem) -> Option<usize> {
    let Elem::Type(ty) = elem else { return None };
    let syn::Type::Path(path) = &**ty else { return None };
    let ident = path.path.get_ident()?;
    Some(match ident.to_string().as_str() {
        "u8" | "i8" | "bool" => 1,
        "u16" | "i16" => 2,
        "u32" | "i32" | "f32" | "char" => 4,
        "u64" | "i64" | "f64" => 8,
        "u128" | "i128" => 16,
        _ => return None,
    })
}

/// Evaluates one number of layout `name` as Rust would in a `ty` position,
/// widening `peaks` by the pointer-sized values met.
fn eval_number(
    name: &str,
    expr: &Expr,
    what: &str,
    ty: IntTy,
    peaks: &mut Peaks,
    errors: &mut Vec<syn::Error>,
) -> Option<Value> {
    match eval_as(expr, ty) {
        Ok(evaluated) => {
            if let Some((low, high)) = evaluated.pointer_sized_range {
                peaks.include(ty, low, high);
            }
            Some(evaluated.value)
        }
        Err(error) => {
            // A negative number where Rust wants a `usize`: say it in the
            // layout's words rather than rustc's ("cannot apply `-`").
            let negative = match (ty, eval_as(expr, IntTy::Isize)) {
                (
                    IntTy::Usize,
                    Ok(Evaluated {
                        value: Value::Known(v), ..
                    }),
                ) if v < 0 => Some(v),
                _ => None,
            };
            errors.push(match negative {
                Some(v) => {
                    syn::Error::new_spanned(expr, format!("layout `{name}`: {what} must not be negative, found {v}"))
                }
                None => with_context(&error, &format!("layout `{name}`: ")),
            });
            None
        }
    }
}

fn known(v: &Option<Value>) -> Option<i128> {
    match v {
        Some(Value::Known(k)) => Some(*k),
        _ => None,
    }
}

/// Proves one layout item. Errors are spanned at the token to blame.
pub fn prove_layout(item: &LayoutItem) -> Result<Proven, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let name = item.name.to_string();
    let Some(shape_field) = &item.shape else {
        // The parser already reported the missing shape.
        return Err(errors);
    };
    if item.conflict() {
        // The parser reported the second field of the family; reading
        // either one would only add errors about a layout not meant.
        return Err(errors);
    }
    let rank = shape_field.values.len();
    if rank > MAX_RANK {
        let message = proof::describe_bounds(&name, &BoundsError::RankTooLarge { rank });
        errors.push(syn::Error::new(shape_field.bracket_span, message.as_str()));
    }
    for field in [&item.strides, &item.byte_strides].into_iter().flatten() {
        if field.values.len() != rank {
            let mismatch = BoundsError::RankMismatch {
                shape_rank: rank,
                strides_rank: field.values.len(),
            };
            errors.push(syn::Error::new(
                field.bracket_span,
                proof::describe_bounds(&name, &mismatch).as_str(),
            ));
        }
    }
    let bytes_key = item
        .byte_strides
        .as_ref()
        .map(|f| &f.key)
        .or(item.byte_offset.as_ref().map(|f| &f.key));
    if let (Elem::Any, Some(key)) = (&item.elem, bytes_key) {
        errors.push(syn::Error::new(
            key.span(),
            format!("layout `{name}`: `{key}` needs a concrete element type to convert bytes to elements; write the type instead of `_`, or give element `strides`/`offset`"),
        ));
    }

    let mut peaks = Peaks::default();
    let shape: Vec<Option<Value>> = shape_field
        .values
        .iter()
        .map(|e| eval_number(&name, e, "an extent", IntTy::Usize, &mut peaks, &mut errors))
        .collect();
    let len = eval_number(
        &name,
        &item.len,
        "the buffer length",
        IntTy::Usize,
        &mut peaks,
        &mut errors,
    );
    let explicit_strides: Option<Vec<Option<Value>>> = item.strides.as_ref().or(item.byte_strides.as_ref()).map(|f| {
        f.values
            .iter()
            .map(|e| eval_number(&name, e, "a stride", IntTy::Isize, &mut peaks, &mut errors))
            .collect()
    });
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) | (None, Some(f)) => {
            eval_number(&name, &f.value, "the offset", IntTy::Usize, &mut peaks, &mut errors)
        }
        (None, None) => Some(Value::Known(0)),
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    // Bytes to elements need the element's size: the macro knows it for
    // primitive types only.
    let uses_bytes = item.byte_strides.is_some() || item.byte_offset.is_some();
    let elem_size = primitive_size(&item.elem);
    let deferred = || {
        // What the macro evaluated, for the target to compare: element
        // strides and offset only where no bytes were involved.
        let element_strides = item.byte_strides.is_none();
        let element_offset = item.byte_offset.is_none();
        let mut written = vec![rank as i128];
        written.extend(shape.iter().map(|v| known(v).unwrap_or(UNKNOWN)));
        written.extend((0..rank).map(|k| match &explicit_strides {
            Some(list) if element_strides => list.get(k).and_then(known).unwrap_or(UNKNOWN),
            _ => UNKNOWN,
        }));
        written.push(if element_offset {
            known(&offset).unwrap_or(UNKNOWN)
        } else {
            UNKNOWN
        });
        written.push(known(&len).unwrap_or(UNKNOWN));
        written.extend([peaks.usize_high, peaks.isize_low, peaks.isize_high]);
        Ok(Proven::Deferred(Box::new(Deferred { written })))
    };

    // Everything evaluated without error; is every number known?
    let shape_known: Option<Vec<i128>> = shape.iter().map(known).collect();
    let strides_known: Option<Option<Vec<i128>>> = match &explicit_strides {
        Some(list) => list.iter().map(known).collect::<Option<Vec<_>>>().map(Some),
        None => Some(None),
    };
    let (Some(shape), Some(strides), Some(mut offset), Some(len)) =
        (shape_known, strides_known, known(&offset), known(&len))
    else {
        return deferred();
    };
    if uses_bytes && elem_size.is_none() {
        return deferred();
    }
    let shape: Vec<usize> = shape.into_iter().map(|n| n as usize).collect();
    let len = len as usize;
    let size = elem_size.unwrap_or(1);
    let strides: Vec<i128> = match (strides, &item.byte_strides) {
        (Some(list), Some(bytes_field)) => {
            let mut converted = Vec::with_capacity(list.len());
            for (bytes, expr) in list.iter().zip(&bytes_field.values) {
                match proof::elements_from_bytes(*bytes, size) {
                    Some(s) => converted.push(s),
                    None => errors.push(syn::Error::new_spanned(
                        expr,
                        proof::describe_byte_stride(&name, *bytes, size).as_str(),
                    )),
                }
            }
            converted
        }
        (Some(list), None) => list,
        (None, _) => (0..rank).map(|k| proof::c_order_stride(&shape, k) as i128).collect(),
    };
    if let Some(field) = &item.byte_offset {
        match proof::elements_from_bytes(offset, size) {
            Some(o) => offset = o,
            None => errors.push(syn::Error::new_spanned(
                &field.value,
                proof::describe_byte_offset(&name, offset, size).as_str(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let strides: Vec<isize> = strides.into_iter().map(|s| s as isize).collect();
    let bounds = if offset < 0 {
        proof::check_bounds(&shape, &strides, offset as isize, len)
    } else {
        proof::check_layout(&shape, &strides, offset as usize, len)
    };
    let footprint = match bounds {
        Ok(footprint) => footprint,
        Err(error) => {
            let fix = match isize::try_from(offset) {
                Ok(offset) => proof::bounds_fix(&shape, &strides, offset, len),
                Err(_) => BoundsFix::None,
            };
            let message = proof::describe_bounds_fixed(&name, &error, fix, offset_units(item, elem_size));
            return Err(vec![blame(item, &error).error(message.as_str())]);
        }
    };
    let offset = offset as usize;
    let (uniqueness, settled_by_rules) = decide_unique(&shape, &strides, offset, footprint);
    if item.mutable.is_some() {
        if let Some(message) = proof::describe_uniqueness(&name, &uniqueness) {
            return Err(vec![syn::Error::new(item.name.span(), message.as_str())]);
        }
    }
    let peaks = peaks.join(Peaks::of(&shape, &strides, offset, len));
    Ok(Proven::Literal(Box::new(Literal {
        shape,
        strides,
        offset,
        len,
        uniqueness,
        settled_by_rules,
        peaks,
        assumed_elem_size: if uses_bytes { elem_size } else { None },
    })))
}

/// The units of a layout's offset as written, for the fix of a bounds
/// error: bytes for a `byte_offset`, or `byte_strides` and no offset.
pub fn offset_units(item: &LayoutItem, elem_size: Option<usize>) -> Units {
    let bytes = item.byte_offset.is_some() || (item.offset.is_none() && item.byte_strides.is_some());
    match (bytes, elem_size) {
        (true, Some(size)) => Units::Bytes(size),
        _ => Units::Elements,
    }
}

/// The exact uniqueness decision: view-core's cheap rules (which const
/// evaluation repeats on the target, so their verdict needs no
/// certificate), else one search with scratch sized to the layout's span.
fn decide_unique(shape: &[usize], strides: &[isize], offset: usize, footprint: Footprint) -> (Uniqueness, bool) {
    if let Some(verdict) = proof::unique_by_rules(shape, strides, offset as isize) {
        return (verdict, true);
    }
    let words = footprint.required_span().div_ceil(64).clamp(1, MACRO_SCRATCH_WORDS);
    let mut scratch = vec![0u64; words];
    let verdict = proof::check_unique_bounded(shape, strides, offset as isize, &mut scratch, MACRO_SEARCH_WORK);
    (verdict, false)
}

/// Where an error goes: the tokens of an expression, or a span (a bracket).
enum Blame {
    Tokens(TokenStream),
    Span(Span),
}

impl Blame {
    fn error(self, message: &str) -> syn::Error {
        match self {
            Blame::Tokens(tokens) => syn::Error::new_spanned(tokens, message),
            Blame::Span(span) => syn::Error::new(span, message),
        }
    }
}

/// The token a bounds error is spanned at: the stride, offset or length to blame.
fn blame(item: &LayoutItem, error: &BoundsError) -> Blame {
    let len = || Blame::Tokens(item.len.to_token_stream());
    let offset = item
        .offset
        .as_ref()
        .or(item.byte_offset.as_ref())
        .map(|f| f.value.to_token_stream());
    let stride_field: Option<&ListField> = item.strides.as_ref().or(item.byte_strides.as_ref());
    let shape = || Blame::Span(item.shape.as_ref().map_or(item.body_span, |f| f.bracket_span));
    let culprit = |culprit: &Culprit| match (culprit, stride_field) {
        (Culprit::Stride(axis), Some(field)) => field
            .values
            .get(*axis)
            .map_or(Blame::Span(field.bracket_span), |e| Blame::Tokens(e.to_token_stream())),
        // Default C-order strides cannot be wrong: the length is.
        (Culprit::Stride(_), None) => len(),
        (Culprit::Offset, _) => offset.clone().map_or_else(len, Blame::Tokens),
    };
    match error {
        BoundsError::RankMismatch { .. } => stride_field.map_or_else(shape, |f| Blame::Span(f.bracket_span)),
        BoundsError::RankTooLarge { .. } | BoundsError::SizeOverflow => shape(),
        BoundsError::BufferTooLarge { .. } => len(),
        BoundsError::EmptyOffsetOutside { .. } => offset.clone().map_or_else(len, Blame::Tokens),
        BoundsError::PastEnd { culprit: c, .. }
        | BoundsError::BeforeStart { culprit: c, .. }
        | BoundsError::Overflow { culprit: c, .. } => culprit(c),
    }
}

/// What the proof of a derived item established.
pub enum DerivedProof {
    /// The macro computed and proved the layout (its parent's numbers are
    /// literals, the item is not generic, every argument is known).
    Host {
        literal: Box<Literal>,
        writable: bool,
        operations: Vec<Operation>,
    },
    /// The layout is computed in const evaluation on the target, from the
    /// parent's constants (named constants, const parameters, a parent
    /// declared elsewhere).
    Const(Box<ConstDerived>),
}

/// A derived layout computed in const evaluation.
pub struct ConstDerived {
    /// Its rank, where the macro knows it (a parent of this invocation, or
    /// a `reshape` / `broadcast_to` to a written shape).
    pub rank: Option<usize>,
    /// Otherwise, how its rank follows from its parent's, one step per
    /// operation that changes it.
    pub rank_steps: Vec<RankStep>,
    /// Its extents as const arguments of a shape type, where expressible.
    pub extents: Vec<Option<TokenStream>>,
    pub operations: Vec<Operation>,
    pub writable: bool,
}

/// How an operation changes an unknown rank.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RankStep {
    Less,
    More,
    Double,
}

impl DerivedProof {
    pub fn writable(&self) -> bool {
        match self {
            DerivedProof::Host { writable, .. } => *writable,
            DerivedProof::Const(c) => c.writable,
        }
    }
}

/// The parent of a derived item, as the item sees it: declared in this
/// invocation (with the substitution of its const parameters by the
/// arguments written), or elsewhere.
enum Parent<'a, 'b> {
    Local(&'a Declared<'b>),
    External,
}

/// Resolves a path naming a layout: an item of this invocation (checked
/// for the number of generic arguments), or one declared elsewhere.
fn resolve<'a, 'b>(
    path: &syn::Path,
    declared: &'a HashMap<String, Declared<'b>>,
    what: &str,
) -> Result<Parent<'a, 'b>, Vec<syn::Error>> {
    let Some(local) = single_name(path).and_then(|name| declared.get(&name.to_string())) else {
        return Ok(Parent::External);
    };
    let given = path_arguments(path).len();
    let wanted = local.generics.params.len();
    if given != wanted {
        let name = single_name(path).map(Ident::to_string).unwrap_or_default();
        return Err(vec![syn::Error::new_spanned(
            path,
            format!("{what}: `{name}` takes {wanted} const parameter(s), but {given} are given"),
        )]);
    }
    Ok(Parent::Local(local))
}

/// The extents of a local parent in terms of the arguments written on its
/// path: its own const parameters replaced by those arguments.
fn substituted(parent: &Declared<'_>, path: &syn::Path) -> Vec<Option<TokenStream>> {
    let params: Vec<String> = parent.generics.const_params().map(|c| c.ident.to_string()).collect();
    let args: Vec<TokenStream> = path_arguments(path).iter().map(|a| a.to_token_stream()).collect();
    parent
        .extents
        .iter()
        .map(|extent| {
            let extent = extent.as_ref()?;
            let text = extent.to_string();
            match params.iter().position(|p| *p == text) {
                Some(k) => args.get(k).cloned(),
                None => Some(extent.clone()),
            }
        })
        .collect()
}

/// Proves a derived item. With a local parent whose numbers are literals
/// (and a non-generic item with known arguments) the macro applies the
/// algebra itself and proves the result; otherwise the layout is computed
/// in const evaluation, and the macro checks what it can (the operations,
/// their arguments, writability).
pub fn prove_derived(
    item: &DerivedItem,
    declared: &HashMap<String, Declared<'_>>,
) -> Result<DerivedProof, Vec<syn::Error>> {
    let name = item.name.to_string();
    let what = format!("derived layout `{name}`");
    let parent = resolve(&item.parent, declared, &what)?;
    let explicit_mut = item.mutable.is_some();
    if let Parent::Local(local) = &parent {
        if local.proven.is_none() {
            // The parent's own error is reported; nothing to add.
            return Err(Vec::new());
        }
        if explicit_mut && !local.writable {
            let parent_name = single_name(&item.parent).map(Ident::to_string).unwrap_or_default();
            return Err(vec![syn::Error::new_spanned(
                &item.parent,
                format!("derived layout `{name}` is declared `mut`, but its parent `{parent_name}` is read-only; declare the parent `mut` too"),
            )]);
        }
    }
    let mut operations: Vec<Operation> = Vec::with_capacity(item.ops.len());
    let mut argument_peaks = Peaks::default();
    for op in &item.ops {
        let (operation, peaks) = operation::parse(&name, op)?;
        argument_peaks = argument_peaks.join(peaks);
        operations.push(operation);
    }
    let injective = operations.iter().all(Operation::is_injective);
    // The first operation that can repeat elements (`windows`,
    // `broadcast_to`): where a `mut` item that is not unique is blamed.
    let repeating = item
        .ops
        .iter()
        .zip(&operations)
        .find(|(_, o)| !o.is_injective())
        .map(|(op, _)| op);
    let generic = !item.generics.params.is_empty();
    let local = match parent {
        Parent::Local(local) => local,
        Parent::External => {
            // The rank follows from the parent's; an operation with a
            // written shape fixes it.
            let mut rank = None;
            let mut rank_steps = Vec::new();
            for operation in &operations {
                match (rank, operation) {
                    (_, Operation::BroadcastTo(s) | Operation::Reshape(s)) => rank = Some(s.len()),
                    (Some(r), op) => rank = Some(op.rank_after(r)),
                    (None, Operation::Index(..) | Operation::Diagonal { .. }) => rank_steps.push(RankStep::Less),
                    (None, Operation::NewAxis(_)) => rank_steps.push(RankStep::More),
                    (None, Operation::Windows(_)) => rank_steps.push(RankStep::Double),
                    (None, _) => {}
                }
            }
            // A generic layout's index type cannot be `[usize; <P as
            // Layout>::RANK + 1]` on stable Rust; the parent's index type
            // (or that of its trailing axes, `Subview`) can stand in where
            // the rank does not grow.
            let grows = rank_steps.iter().any(|s| *s != RankStep::Less);
            if generic && rank.is_none() && grows {
                return Err(vec![syn::Error::new_spanned(
                    &item.parent,
                    format!("derived layout `{name}` is generic, its parent is declared elsewhere, and its operations add axes: stable Rust cannot write its index type (an array whose length is computed from the parent's `RANK`, `[usize; RANK * 2]` or `[usize; RANK + 1]`, needs generic const expressions); declare `{name}` in the same `strided_view!` invocation as its parent, where the macro knows the rank"),
                )]);
            }
            return Ok(DerivedProof::Const(Box::new(ConstDerived {
                rank,
                rank_steps,
                extents: Vec::new(),
                operations,
                writable: explicit_mut,
            })));
        }
    };
    let known: Option<Vec<_>> = operations.iter().map(Operation::known).collect();
    let host = match (&local.proven, known, generic) {
        (Some(Proven::Literal(lit)), Some(known), false) => Some((lit, known)),
        _ => None,
    };
    let Some((lit, known)) = host else {
        let rank = operations.iter().fold(local.rank, |r, op| op.rank_after(r));
        let extents = operations
            .iter()
            .fold(substituted(local, &item.parent), |e, op| op.extents_after(&e));
        return Ok(DerivedProof::Const(Box::new(ConstDerived {
            rank: Some(rank),
            rank_steps: Vec::new(),
            extents,
            operations,
            writable: explicit_mut || (local.writable && injective),
        })));
    };
    let mut layout = Strided::new(&lit.shape, &lit.strides, lit.offset as isize).map_err(|e| {
        vec![syn::Error::new_spanned(
            &item.parent,
            describe_algebra(&name, "parent", &e).as_str(),
        )]
    })?;
    for (op, known) in item.ops.iter().zip(&known) {
        layout = operation::apply(&name, layout, op, known)?;
    }
    let offset = layout.offset();
    let footprint = match proof::check_bounds(layout.shape(), layout.strides(), offset, lit.len) {
        Ok(footprint) => footprint,
        Err(error) => {
            // Every operation maps into its operand, so this means an operation
            // produced an offset the bounds rule rejects: report it, never accept.
            let last = item.ops.last().map_or_else(|| item.name.to_token_stream(), Op::tokens);
            return Err(vec![syn::Error::new_spanned(
                last,
                proof::describe_bounds(&name, &error).as_str(),
            )]);
        }
    };
    // Every operation but `windows` and `broadcast_to` maps distinct result
    // indices to distinct operand indices, so a unique parent gives a unique
    // result with no decision; only a chain with a repeating operation, or a
    // parent that is not unique, needs one decision.
    let (uniqueness, settled_by_rules) = if injective && lit.is_unique() {
        let rules = proof::unique_by_rules(layout.shape(), layout.strides(), offset);
        (Uniqueness::Unique, rules.is_some())
    } else {
        decide_unique(layout.shape(), layout.strides(), offset as usize, footprint)
    };
    // A `mut` item whose chain repeats elements is writable exactly when
    // its result is still unique (tiles: windows with a step at least the
    // window); one decision, for the result.
    let unique = matches!(uniqueness, Uniqueness::Unique);
    if let (true, Some(op)) = (explicit_mut && !unique, repeating) {
        let message = match &uniqueness {
            Uniqueness::Collision(c) => format!(
                "layout `{name}` is declared `mut`, but `{}` makes its indices share elements: indices {:?} and {:?} both reach element {}; {}",
                op.text(),
                c.first.as_slice(),
                c.second.as_slice(),
                c.element,
                if op.method == "windows" {
                    "windows are writable as tiles, with a step at least the window on each axis (`.windows([2, 2]).slice(0, .., 2).slice(1, .., 2)`), or drop `mut` for a read-only view"
                } else {
                    "a broadcast repeats elements wherever it stretches an axis; drop `mut` for a read-only view"
                }
            ),
            other => proof::describe_uniqueness(&name, other)
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default(),
        };
        return Err(vec![syn::Error::new_spanned(op.tokens(), message)]);
    }
    let shape = layout.shape().to_vec();
    let strides = layout.strides().to_vec();
    let peaks = Peaks::of(&shape, &strides, offset as usize, lit.len)
        .join(lit.peaks)
        .join(argument_peaks);
    Ok(DerivedProof::Host {
        literal: Box::new(Literal {
            shape,
            strides,
            offset: offset as usize,
            len: lit.len,
            uniqueness,
            settled_by_rules,
            peaks,
            assumed_elem_size: None,
        }),
        writable: local.writable && (injective || (explicit_mut && unique)),
        operations,
    })
}

/// A split's members as the proof sees them.
pub struct SplitProof {
    /// The pairs of members (by position) whose disjointness the macro
    /// decided by a search, which view-core's cheap rules would not settle:
    /// they need a certificate record.
    pub searched: Vec<(usize, usize)>,
}

/// Proves one split: 2 to 8 distinct members, each writable; those declared
/// in this invocation with one element type and buffer length, and, where
/// the macro evaluated them, pairwise disjoint. Members declared elsewhere,
/// or generic, are proven in const evaluation when the split is made.
pub fn prove_split(split: &SplitItem, declared: &HashMap<String, Declared<'_>>) -> Result<SplitProof, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let name = split.name.to_string();
    let what = format!("split `{name}`");
    if !(2..=8).contains(&split.members.len()) {
        errors.push(syn::Error::new(
            split.members_span,
            format!(
                "split `{name}` has {} member(s); a split takes 2 to 8 members",
                split.members.len()
            ),
        ));
    }
    let text = |path: &syn::Path| path.to_token_stream().to_string().replace(' ', "");
    let mut members = Vec::new();
    for (k, path) in split.members.iter().enumerate() {
        if split.members[..k].iter().any(|other| text(other) == text(path)) {
            errors.push(syn::Error::new_spanned(
                path,
                format!(
                    "split `{name}` names `{}` twice; a member always overlaps itself",
                    text(path)
                ),
            ));
            continue;
        }
        match resolve(path, declared, &what) {
            Ok(Parent::Local(member)) => {
                if !member.writable {
                    errors.push(syn::Error::new_spanned(
                        path,
                        format!(
                            "split `{name}`: member `{0}` is read-only; split members are writable, declare it `mut {0}`",
                            text(path)
                        ),
                    ));
                }
                members.push((k, path, Some(member)));
            }
            Ok(Parent::External) => members.push((k, path, None)),
            Err(e) => errors.extend(e),
        }
    }
    let locals: Vec<(usize, &syn::Path, &Declared<'_>)> =
        members.iter().filter_map(|&(k, p, m)| m.map(|m| (k, p, m))).collect();
    if let Some((_, first_path, first)) = locals.first() {
        let elem = elem_text(first.elem);
        for (_, path, member) in &locals[1..] {
            if elem_text(member.elem) != elem {
                errors.push(syn::Error::new_spanned(
                    path,
                    format!(
                        "split `{name}`: member `{}` has element type `{}` but `{}` has `{elem}`; members share one buffer",
                        text(path),
                        elem_text(member.elem),
                        text(first_path)
                    ),
                ));
            }
            let same_len = match (&member.proven, &first.proven) {
                (Some(Proven::Literal(a)), Some(Proven::Literal(b))) => a.len == b.len,
                _ => member.len_tokens.to_string() == first.len_tokens.to_string(),
            };
            if !same_len {
                errors.push(syn::Error::new_spanned(
                    path,
                    format!(
                        "split `{name}`: member `{}` has buffer length `{}` but `{}` has `{}`; members share one buffer",
                        text(path),
                        member.len_tokens,
                        text(first_path),
                        first.len_tokens
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Pairwise disjointness, for members the macro could evaluate.
    let mut searched = Vec::new();
    for (i, (ka, a_path, a)) in locals.iter().enumerate() {
        for (kb, b_path, b) in &locals[i + 1..] {
            let (Some(Proven::Literal(a_lit)), Some(Proven::Literal(b_lit))) = (&a.proven, &b.proven) else {
                continue;
            };
            let verdict = match proof::disjoint_by_rules(a_lit.parts(), b_lit.parts()) {
                Some(verdict) => verdict,
                None => {
                    let words = a_lit.len.div_ceil(64).clamp(1, MACRO_SCRATCH_WORDS);
                    let mut scratch = vec![0u64; words];
                    searched.push((*ka, *kb));
                    proof::check_disjoint_bounded(a_lit.parts(), b_lit.parts(), &mut scratch, MACRO_SEARCH_WORK)
                }
            };
            if let Some(message) = proof::describe_overlap(&name, &text(a_path), &text(b_path), &verdict) {
                errors.push(syn::Error::new_spanned(b_path, message.as_str()));
            }
        }
    }
    if errors.is_empty() {
        Ok(SplitProof { searched })
    } else {
        Err(errors)
    }
}

/// The element type as written, for comparisons and messages.
pub fn elem_text(elem: &Elem) -> String {
    match elem {
        Elem::Any => "_".to_owned(),
        Elem::Type(ty) => ty.to_token_stream().to_string(),
    }
}
