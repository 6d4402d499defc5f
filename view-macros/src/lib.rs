//! The `strided_view!` macro: parse, prove, expand.
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

/// Declares strided layouts, proves them at compile time, and expands to
/// zero-sized layout types with view constructors.
///
/// ```
/// use view_macros::strided_view;
///
/// strided_view! {
///     /// Main diagonal of a row-major 4x4 matrix.
///     pub Diagonal: [_; 16] { shape: [4], strides: [5] }
///     /// The 12 elements backwards.
///     pub Reversed: [i64; 12] { shape: [12], strides: [-1], offset: 11 }
///     /// A 3x4 matrix, and its transpose derived from it.
///     pub Matrix: [i64; 12] { shape: [3, 4] }
///     pub Transposed = Matrix.t();
///     pub mut Left: [i16; 8] { shape: [4], strides: [2] }
///     pub mut Right: [i16; 8] { shape: [4], strides: [2], offset: 1 }
///     pub split Stereo = (Left, Right);
/// }
///
/// let x: [i64; 12] = core::array::from_fn(|i| i as i64);
/// assert_eq!(Reversed::view(&x)[[0]], 11);
/// assert_eq!(Transposed::of(Matrix::view(&x))[[3, 2]], 11);
///
/// let mut samples = [0i16; 8];
/// let (mut left, mut right) = Stereo::split(&mut samples);
/// left.fill(1);
/// right.fill(-1);
/// assert_eq!(samples, [1, -1, 1, -1, 1, -1, 1, -1]);
/// ```
///
/// A layout that reaches outside its buffer does not compile:
///
/// ```compile_fail
/// use view_macros::strided_view;
/// strided_view! {
///     Bad: [i64; 12] { shape: [4, 3], strides: [3, 2] }
/// }
/// ```
///
/// # Which crate to depend on
///
/// Depend on `strided-view` alone (under any name) and invoke
/// `strided_view::strided_view!`: it forwards to this macro and tells it
/// where the core is. This crate can also be used directly, but its
/// expansion names the core crate `::view_core`, so a crate that invokes
/// `view_macros::strided_view!` needs `view-core` among its own
/// dependencies as well; without it, rustc reports that it cannot find
/// `view_core`. Alternatively, name the core's path in the header.
///
/// # The header `crate = PATH;`
///
/// An optional first item sets the path through which the expansion names
/// the core crate (default `::view_core`): a crate that re-exports
/// view-core, or the core under another name, writes for example
///
/// ```
/// mod reexport {
///     pub use view_core as views;
/// }
///
/// view_macros::strided_view! {
///     crate = crate::reexport::views;
///     Diagonal: [_; 16] { shape: [4], strides: [5] }
/// }
///
/// fn main() {
///     let m: [u8; 16] = core::array::from_fn(|i| i as u8);
///     assert_eq!(Diagonal::view(&m)[[3]], 15);
/// }
/// ```
///
/// `strided_view::strided_view!` passes `crate = $crate;`, which names
/// the `strided-view` crate whatever its user calls it. The path is not
/// trusted for anything: view-core checks every layout itself when a view
/// is made (`ARCHITECTURE.md`, "The safety argument").
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
            // The parent with these operations, then each of its ancestors
            // with its operations followed by these.
            let mut ancestors = vec![(derived.parent.clone(), operations.clone())];
            for (ancestor, ops) in local.map(|p| p.ancestors.as_slice()).unwrap_or_default() {
                let chain = ops.iter().chain(&operations).cloned().collect();
                ancestors.push((ancestor.clone(), chain));
            }
            output.extend(expand::expand_derived(
                paths,
                &header,
                &literal,
                &derived.parent,
                &ancestors,
            ));
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
                ancestors: vec![(derived.parent.clone(), derived_const.operations.clone())],
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
