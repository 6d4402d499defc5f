//! Prove: run view-core's proof on each layout the macro can evaluate, and
//! turn every rejection into an error spanned at the token to blame.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::Expr;
use view_core::proof::{self, BoundsError, Culprit, Footprint, LayoutParts, MAX_RANK};

use crate::ast::{Elem, LayoutItem, ListField, SplitItem};
use crate::eval::{eval, Value};

/// Scratch words the macro may use for one exact search: 2^27 positions
/// (16 MiB), enough for every layout over a buffer of up to 2^27 elements.
const MACRO_SCRATCH_WORDS: usize = 1 << 21;

/// What the proof established about a layout.
pub enum Proven {
    /// Every number is known, and the proof accepted the layout.
    Literal(Literal),
    /// Some number names a constant: the const-evaluated backstop decides.
    Deferred,
}

/// A fully evaluated, accepted layout.
#[derive(Clone)]
pub struct Literal {
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset: usize,
    pub len: usize,
    pub unique: bool,
    /// The element size the macro assumed to convert byte strides or a byte
    /// offset (checked again by a backstop).
    pub assumed_elem_size: Option<usize>,
}

impl Literal {
    fn parts(&self) -> LayoutParts<'_> {
        LayoutParts {
            shape: &self.shape,
            strides: &self.strides,
            offset: self.offset as isize,
        }
    }
}

/// Size in bytes of the primitive types whose size does not depend on the target.
fn primitive_size(elem: &Elem) -> Option<usize> {
    let Elem::Type(ty) = elem else { return None };
    let syn::Type::Path(path) = &**ty else {
        return None;
    };
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

/// Evaluates one expression into the range `min..=max`.
fn eval_in(expr: &Expr, what: &str, min: i128, max: i128, errors: &mut Vec<syn::Error>) -> Option<Value> {
    match eval(expr) {
        Ok(Value::Known(v)) if v < min => {
            errors.push(syn::Error::new(
                expr.span(),
                format!("{what} must not be negative, found {v}"),
            ));
            None
        }
        Ok(Value::Known(v)) if v > max => {
            errors.push(syn::Error::new(
                expr.span(),
                format!(
                    "{what} {v} does not fit in {}",
                    if max == i64::MAX as i128 { "isize" } else { "usize" }
                ),
            ));
            None
        }
        Ok(value) => Some(value),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

const USIZE: (i128, i128) = (0, u64::MAX as i128);
const ISIZE: (i128, i128) = (i64::MIN as i128, i64::MAX as i128);

/// Proves one layout item. Errors are spanned at the token to blame.
pub fn prove_layout(item: &LayoutItem) -> Result<Proven, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let name = item.name.to_string();
    let Some(shape_field) = &item.shape else {
        // The parser already reported the missing shape.
        return Err(errors);
    };
    let rank = shape_field.values.len();
    if rank > MAX_RANK {
        let message = proof::describe_bounds(&name, &BoundsError::RankTooLarge { rank });
        errors.push(syn::Error::new(shape_field.bracket_span, message.as_str()));
    }
    for field in [&item.strides, &item.byte_strides].into_iter().flatten() {
        if field.values.len() != rank {
            let message = proof::describe_bounds(
                &name,
                &BoundsError::RankMismatch {
                    shape_rank: rank,
                    strides_rank: field.values.len(),
                },
            );
            errors.push(syn::Error::new(field.bracket_span, message.as_str()));
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

    let shape: Vec<Option<Value>> = shape_field
        .values
        .iter()
        .map(|e| eval_in(e, "an extent", USIZE.0, USIZE.1, &mut errors))
        .collect();
    let len = eval_in(&item.len, "the buffer length", USIZE.0, USIZE.1, &mut errors);
    let explicit_strides: Option<Vec<Option<Value>>> = item.strides.as_ref().or(item.byte_strides.as_ref()).map(|f| {
        f.values
            .iter()
            .map(|e| eval_in(e, "a stride", ISIZE.0, ISIZE.1, &mut errors))
            .collect()
    });
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) | (None, Some(f)) => eval_in(&f.value, "the offset", ISIZE.0, USIZE.1, &mut errors),
        (None, None) => Some(Value::Known(0)),
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    // Everything evaluated without error; is every number known?
    let known = |v: &Option<Value>| match v {
        Some(Value::Known(k)) => Some(*k),
        _ => None,
    };
    let shape: Option<Vec<i128>> = shape.iter().map(known).collect();
    let strides: Option<Option<Vec<i128>>> = match &explicit_strides {
        Some(list) => list.iter().map(known).collect::<Option<Vec<_>>>().map(Some),
        None => Some(None),
    };
    let (Some(shape), Some(strides), Some(mut offset), Some(len)) = (shape, strides, known(&offset), known(&len))
    else {
        return Ok(Proven::Deferred);
    };
    let shape: Vec<usize> = shape.into_iter().map(|n| n as usize).collect();
    let len = len as usize;

    // Bytes to elements, for primitive element types; other types defer.
    let uses_bytes = item.byte_strides.is_some() || item.byte_offset.is_some();
    let elem_size = primitive_size(&item.elem);
    if uses_bytes && elem_size.is_none() {
        return Ok(Proven::Deferred);
    }
    let strides: Vec<i128> = match (strides, &item.byte_strides) {
        (Some(list), Some(bytes_field)) => {
            let size = elem_size.unwrap_or(1);
            let mut converted = Vec::with_capacity(list.len());
            for (bytes, expr) in list.iter().zip(&bytes_field.values) {
                match proof::elements_from_bytes(*bytes, size) {
                    Some(s) => converted.push(s),
                    None => errors.push(syn::Error::new(
                        expr.span(),
                        proof::describe_bytes(&name, "byte stride", *bytes, size).as_str(),
                    )),
                }
            }
            converted
        }
        (Some(list), None) => list,
        (None, _) => (0..rank).map(|k| proof::c_order_stride(&shape, k) as i128).collect(),
    };
    if let Some(field) = &item.byte_offset {
        let size = elem_size.unwrap_or(1);
        match proof::elements_from_bytes(offset, size) {
            Some(o) => offset = o,
            None => errors.push(syn::Error::new(
                field.value.span(),
                proof::describe_bytes(&name, "byte offset", offset, size).as_str(),
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
            let span = blame_span(item, &error);
            return Err(vec![syn::Error::new(
                span,
                proof::describe_bounds(&name, &error).as_str(),
            )]);
        }
    };
    let offset = offset as usize;

    let verdict = decide_unique(&shape, &strides, offset, footprint);
    let unique = matches!(verdict, proof::Uniqueness::Unique);
    if item.mutable.is_some() {
        if let Some(message) = proof::describe_uniqueness(&name, &verdict) {
            return Err(vec![syn::Error::new(item.name.span(), message.as_str())]);
        }
    }
    Ok(Proven::Literal(Literal {
        shape,
        strides,
        offset,
        len,
        unique,
        assumed_elem_size: if uses_bytes { elem_size } else { None },
    }))
}

/// The exact uniqueness decision, with scratch sized to the layout's span.
fn decide_unique(shape: &[usize], strides: &[isize], offset: usize, footprint: Footprint) -> proof::Uniqueness {
    let words = footprint.required_span().div_ceil(64).clamp(1, MACRO_SCRATCH_WORDS);
    let mut scratch = vec![0u64; words];
    proof::check_unique(shape, strides, offset as isize, &mut scratch)
}

/// The token a bounds error is spanned at: the stride, offset or length to blame.
fn blame_span(item: &LayoutItem, error: &BoundsError) -> Span {
    let shape_span = item.shape.as_ref().map_or(item.body_span, |f| f.bracket_span);
    let len_span = item.len.span();
    let offset_span = item
        .offset
        .as_ref()
        .map(|f| f.value.span())
        .or(item.byte_offset.as_ref().map(|f| f.value.span()));
    let stride_field: Option<&ListField> = item.strides.as_ref().or(item.byte_strides.as_ref());
    let culprit_span = |culprit: &Culprit| match culprit {
        Culprit::Stride(axis) => match stride_field {
            Some(field) => field.values.get(*axis).map_or(field.bracket_span, |e| e.span()),
            // Default C-order strides cannot be wrong: the length is.
            None => len_span,
        },
        Culprit::Offset => offset_span.unwrap_or(len_span),
    };
    match error {
        BoundsError::RankMismatch { .. } => stride_field.map_or(shape_span, |f| f.bracket_span),
        BoundsError::RankTooLarge { .. } | BoundsError::SizeOverflow => shape_span,
        BoundsError::BufferTooLarge { .. } => len_span,
        BoundsError::EmptyOffsetOutside { .. } => offset_span.unwrap_or(len_span),
        BoundsError::PastEnd { culprit, .. } => culprit_span(culprit),
        BoundsError::BeforeStart { culprit, .. } | BoundsError::Overflow { culprit, .. } => culprit_span(culprit),
    }
}

/// A split member as the split's proof sees it.
pub struct Member<'a> {
    pub item: &'a LayoutItem,
    pub proven: Option<&'a Proven>,
}

/// Proves one split: 2 to 8 distinct members, each `mut`, declared in this
/// invocation with one element type and buffer length, pairwise disjoint.
pub fn prove_split(split: &SplitItem, layouts: &HashMap<String, Member<'_>>) -> Result<(), Vec<syn::Error>> {
    let mut errors = Vec::new();
    let name = split.name.to_string();
    if !(2..=8).contains(&split.members.len()) {
        errors.push(syn::Error::new(
            split.members_span,
            format!(
                "split `{name}` has {} member(s); a split takes 2 to 8 members",
                split.members.len()
            ),
        ));
    }
    let mut members = Vec::new();
    for (k, ident) in split.members.iter().enumerate() {
        if split.members[..k].contains(ident) {
            errors.push(syn::Error::new(
                ident.span(),
                format!("split `{name}` names `{ident}` twice; a member always overlaps itself"),
            ));
            continue;
        }
        let Some(member) = layouts.get(&ident.to_string()) else {
            errors.push(syn::Error::new(
                ident.span(),
                format!("split `{name}`: `{ident}` is not a layout declared in this `strided_view!` invocation; declare its members alongside the split"),
            ));
            continue;
        };
        if member.item.mutable.is_none() {
            errors.push(syn::Error::new(
                ident.span(),
                format!("split `{name}`: member `{ident}` is read-only; split members are writable, declare it `mut {ident}`"),
            ));
        }
        members.push((ident, member));
    }
    if let Some((first_ident, first)) = members.first() {
        let elem = elem_text(&first.item.elem);
        let len = first.item.len.to_token_stream().to_string();
        for (ident, member) in &members[1..] {
            if elem_text(&member.item.elem) != elem {
                errors.push(syn::Error::new(
                    ident.span(),
                    format!(
                        "split `{name}`: member `{ident}` has element type `{}` but `{first_ident}` has `{elem}`; members share one buffer",
                        elem_text(&member.item.elem)
                    ),
                ));
            }
            let same_len = match (member.proven, first.proven) {
                (Some(Proven::Literal(a)), Some(Proven::Literal(b))) => a.len == b.len,
                _ => member.item.len.to_token_stream().to_string() == len,
            };
            if !same_len {
                errors.push(syn::Error::new(
                    ident.span(),
                    format!(
                        "split `{name}`: member `{ident}` has buffer length `{}` but `{first_ident}` has `{len}`; members share one buffer",
                        member.item.len.to_token_stream()
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Pairwise disjointness, for members the macro could evaluate.
    for (i, (a_ident, a)) in members.iter().enumerate() {
        for (b_ident, b) in &members[i + 1..] {
            let (Some(Proven::Literal(a_lit)), Some(Proven::Literal(b_lit))) = (a.proven, b.proven) else {
                continue;
            };
            let words = a_lit.len.div_ceil(64).clamp(1, MACRO_SCRATCH_WORDS);
            let mut scratch = vec![0u64; words];
            let verdict = proof::check_disjoint(a_lit.parts(), b_lit.parts(), &mut scratch);
            if let Some(message) = proof::describe_overlap(&name, &a_ident.to_string(), &b_ident.to_string(), &verdict)
            {
                errors.push(syn::Error::new(b_ident.span(), message.as_str()));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
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
