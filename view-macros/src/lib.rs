//! The [`strided_view!`] macro of strided-view: declarative strided layouts
//! (NumPy's `np.ndarray(buffer=…, shape=…, strides=…, offset=…)`), proven in
//! bounds, unique or disjoint at compile time, expanded to zero-sized layout
//! types whose views are one pointer.
//!
//! Depend on `strided-view` and invoke `strided_view::strided_view!`; this
//! crate is what it forwards to. [`strided_view!`]'s documentation is the
//! reference of the DSL: grammar, fields, operations, generated items, rules.
//!
//! - `ast`: tokens to a typed AST that keeps spans, item by item;
//! - `eval`: the integer expressions the macro can compute;
//! - `prove`: view-core's `const fn` proof and layout algebra, run at
//!   expansion, errors spanned at the token to blame;
//! - `expand`: zero-sized layout types, `unsafe impl`s, backstops;
//! - `suggest`: "did you mean" for misspelled field and operation names.
//!
//! Every error of every item is collected and reported in one pass; the
//! macro never panics.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod ast;
mod ctxt;
mod eval;
mod expand;
mod located;
mod operation;
mod prove;
mod suggest;

#[cfg(test)]
mod fuzz;

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::ast::{DerivedItem, Elem, Item, LayoutItem, SplitItem};
use crate::ctxt::Ctxt;
use crate::expand::{Header, Paths};
use crate::prove::{Declared, DerivedProof, Proven};

// The reference of the DSL (grammar, fields, operations, generated items,
// rules and their cost), in a file of its own; its examples are doc tests.
#[doc = include_str!("strided_view.md")]
#[proc_macro]
pub fn strided_view(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand_all(input.into()).into()
}

/// The whole pipeline on `proc_macro2` tokens (also what the fuzz harness
/// calls): parse every item, then prove and expand them in order (a derived
/// item or a split sees the items declared before it), all errors into one
/// [`Ctxt`].
fn expand_all(input: TokenStream) -> TokenStream {
    let ctxt = Ctxt::new();
    let mut chunks = ast::chunks(input).into_iter().peekable();
    // The header `crate = PATH;`, if the invocation starts with one. If it
    // is malformed, the items are still parsed and proven (their errors are
    // reported too) but expand to placeholders: code naming a core crate
    // the user did not mean would only add errors.
    let mut header_failed = false;
    let core = match chunks.next_if(ast::is_header).map(ast::parse_header) {
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            ctxt.error(e);
            header_failed = true;
            None
        }
        None => None,
    };
    let items: Vec<Item> = chunks
        .filter_map(|chunk| {
            let mut errors = Vec::new();
            let item = ast::parse_item(chunk, &mut errors);
            ctxt.errors(errors);
            item
        })
        .collect();

    let paths = Paths::new(core.as_ref());
    let mut output = TokenStream::new();
    let mut declared: HashMap<String, Declared<'_>> = HashMap::new();
    for item in &items {
        let entry = match item {
            Item::Layout(layout) => layout_item(&ctxt, &paths, layout, &mut output),
            Item::Derived(derived) => derived_item(&ctxt, &paths, derived, &declared, &mut output),
            Item::Split(split) => {
                split_item(&ctxt, &paths, split, &declared, &mut output);
                None
            }
        };
        if let Some((name, entry)) = entry {
            declared.entry(name.to_string()).or_insert(entry);
        }
    }
    if header_failed {
        output = items
            .iter()
            .map(|item| {
                let (attrs, vis, name, generics) = item.parts();
                expand::placeholder(attrs, vis, name, generics)
            })
            .collect();
    }
    ctxt.finish(output)
}

/// A layout item: proven (or left to const evaluation) and expanded.
fn layout_item<'a>(
    ctxt: &Ctxt,
    paths: &Paths,
    layout: &'a LayoutItem,
    output: &mut TokenStream,
) -> Option<(&'a syn::Ident, Declared<'a>)> {
    let proven = ctxt.take(prove::prove_layout(layout));
    match &proven {
        Some(p) => output.extend(expand::expand_layout(paths, layout, p)),
        None => output.extend(expand::placeholder(
            &layout.attrs,
            &layout.vis,
            &layout.name,
            &layout.generics,
        )),
    }
    let rank = layout.shape.as_ref().map_or(0, |f| f.values.len());
    let extents = match &proven {
        Some(Proven::Literal(lit)) => lit
            .shape
            .iter()
            .map(|&n| Some(proc_macro2::Literal::usize_unsuffixed(n).into_token_stream()))
            .collect(),
        _ => expand::declared_extents(layout),
    };
    let entry = Declared {
        elem: &layout.elem,
        writable: layout.mutable.is_some(),
        len_tokens: layout.len.to_token_stream(),
        generics: &layout.generics,
        rank,
        extents,
        proven,
        ancestors: Vec::new(),
    };
    Some((&layout.name, entry))
}

/// A derived item: computed and proven by the macro, or in const evaluation.
fn derived_item<'a>(
    ctxt: &Ctxt,
    paths: &Paths,
    derived: &'a DerivedItem,
    declared: &HashMap<String, Declared<'a>>,
    output: &mut TokenStream,
) -> Option<(&'a syn::Ident, Declared<'a>)> {
    let local = ast::single_name(&derived.parent).and_then(|n| declared.get(&n.to_string()));
    // A parent declared elsewhere serves any element type.
    let elem: &'a Elem = local.map_or(&Elem::Any, |p| p.elem);
    let placeholder = || expand::placeholder(&derived.attrs, &derived.vis, &derived.name, &derived.generics);
    let Some(proof) = ctxt.take(prove::prove_derived(derived, declared)) else {
        output.extend(placeholder());
        return None;
    };
    let header = Header {
        attrs: &derived.attrs,
        vis: &derived.vis,
        name: &derived.name,
        generics: &derived.generics,
        elem,
        writable: proof.writable(),
    };
    let len_tokens = local.map(|p| p.len_tokens.clone()).unwrap_or_default();
    let entry = match proof {
        DerivedProof::Host {
            literal,
            writable,
            operations,
        } => {
            // Each of the parent's ancestors, with the number of operations
            // from it to this item: its count to the parent, plus these.
            let farther: Vec<(syn::Path, usize)> = local
                .map(|p| p.ancestors.as_slice())
                .unwrap_or_default()
                .iter()
                .map(|(ancestor, count)| (ancestor.clone(), count.saturating_add(operations.len())))
                .collect();
            output.extend(expand::expand_derived(
                paths,
                &header,
                &literal,
                &derived.parent,
                &operations,
                &farther,
            ));
            let mut ancestors = vec![(derived.parent.clone(), operations.len())];
            ancestors.extend(farther);
            Declared {
                elem,
                writable,
                len_tokens,
                generics: &derived.generics,
                rank: literal.shape.len(),
                extents: literal
                    .shape
                    .iter()
                    .map(|&n| Some(proc_macro2::Literal::usize_unsuffixed(n).into_token_stream()))
                    .collect(),
                proven: Some(Proven::Literal(literal)),
                ancestors,
            }
        }
        DerivedProof::Const(derived_const) => {
            output.extend(expand::expand_const_derived(
                paths,
                &header,
                &derived_const,
                &derived.parent,
                &derived.ops,
            ));
            Declared {
                elem,
                writable: derived_const.writable,
                len_tokens,
                generics: &derived.generics,
                rank: derived_const.rank.unwrap_or(0),
                extents: derived_const.extents.clone(),
                proven: Some(Proven::Deferred(Box::new(prove::Deferred { written: Vec::new() }))),
                ancestors: vec![(derived.parent.clone(), derived_const.operations.len())],
            }
        }
    };
    Some((&derived.name, entry))
}

/// A split item: its members checked against each other where the macro
/// can, and expanded.
fn split_item(
    ctxt: &Ctxt,
    paths: &Paths,
    split: &SplitItem,
    declared: &HashMap<String, Declared<'_>>,
    output: &mut TokenStream,
) {
    let placeholder = || expand::placeholder(&split.attrs, &split.vis, &split.name, &split.generics);
    let locals: Vec<Option<&Declared<'_>>> = split
        .members
        .iter()
        .map(|m| ast::single_name(m).and_then(|n| declared.get(&n.to_string())))
        .collect();
    if locals.iter().flatten().any(|member| member.proven.is_none()) {
        // The member's own error says what is wrong; a split error on top would be noise.
        output.extend(placeholder());
        return;
    }
    let Some(proof) = ctxt.take(prove::prove_split(split, declared)) else {
        output.extend(placeholder());
        return;
    };
    let members: Vec<Option<&prove::Literal>> = locals
        .iter()
        .map(|member| match member.map(|m| &m.proven) {
            Some(Some(Proven::Literal(lit))) => Some(&**lit),
            _ => None,
        })
        .collect();
    let first_local = locals.iter().flatten().next();
    let elem = first_local.map_or(&Elem::Any, |m| m.elem);
    // The array type names the length only when every member is declared
    // here and none (nor the split) is generic.
    let exact =
        split.generics.params.is_empty() && locals.iter().all(|m| m.is_some_and(|m| m.generics.params.is_empty()));
    let len = exact
        .then(|| {
            first_local.map(|first| match &first.proven {
                Some(Proven::Literal(lit)) => lit.len.to_token_stream(),
                _ => first.len_tokens.clone(),
            })
        })
        .flatten();
    let buffer = expand::SplitBuffer { elem, len };
    output.extend(expand::expand_split(paths, split, &buffer, &members, &proof.searched));
}
