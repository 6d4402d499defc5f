//! The `strided_view!` macro: parse, prove, expand.
//!
//! - `ast`: tokens to a typed AST that keeps spans, item by item;
//! - `eval`: the integer expressions the macro can compute;
//! - `prove`: view-core's `const fn` proof and layout algebra, run at
//!   expansion, errors spanned at the token to blame;
//! - `expand`: zero-sized layout types, `unsafe impl`s, backstops.
//!
//! Every error of every item is collected and reported in one pass; the
//! macro never panics.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod ast;
mod eval;
mod expand;
mod operation;
mod prove;

#[cfg(test)]
mod fuzz;

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::ast::{Item, SplitItem};
use crate::expand::{Header, Paths};
use crate::prove::{Declared, Proven};

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

/// The whole pipeline on `proc_macro2` tokens (also what the fuzz harness calls).
fn expand_all(input: TokenStream) -> TokenStream {
    let mut errors = Vec::new();
    let mut chunks = ast::chunks(input).into_iter().peekable();
    // The header `crate = PATH;`, if the invocation starts with one. If it
    // is malformed, the items are still parsed and proven (their errors are
    // reported too) but expand to placeholders: code naming a core crate
    // the user did not mean would only add errors.
    let mut header_failed = false;
    let core = match chunks.next_if(ast::is_header).map(ast::parse_header) {
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            errors.push(e);
            header_failed = true;
            None
        }
        None => None,
    };
    let items: Vec<Item> = chunks.filter_map(|chunk| ast::parse_item(chunk, &mut errors)).collect();

    let paths = Paths::new(core.as_ref());
    let mut output = TokenStream::new();
    let mut declared: HashMap<String, Declared<'_>> = HashMap::new();
    let mut splits: Vec<&SplitItem> = Vec::new();
    for item in &items {
        let (name, entry) = match item {
            Item::Layout(layout) => {
                let proven = match prove::prove_layout(layout) {
                    Ok(p) => {
                        output.extend(expand::expand_layout(&paths, layout, &p));
                        Some(p)
                    }
                    Err(e) => {
                        errors.extend(e);
                        output.extend(expand::placeholder(&layout.attrs, &layout.vis, &layout.name));
                        None
                    }
                };
                let entry = Declared {
                    elem: &layout.elem,
                    writable: layout.mutable.is_some(),
                    len_tokens: layout.len.to_token_stream(),
                    proven,
                    ancestors: Vec::new(),
                };
                (&layout.name, entry)
            }
            Item::Derived(derived) => {
                let parent = declared.get(&derived.parent.to_string());
                let elem = parent.map(|p| p.elem);
                let len_tokens = parent.map(|p| p.len_tokens.clone()).unwrap_or_default();
                let mut ancestors = Vec::new();
                let (proven, writable) = match (prove::prove_derived(derived, &declared), elem) {
                    (Ok(layout), Some(elem)) => {
                        // The parent with these operations, then each of its
                        // ancestors with its operations followed by these.
                        ancestors.push((derived.parent.clone(), layout.operations.clone()));
                        for (ancestor, ops) in parent.map(|p| p.ancestors.as_slice()).unwrap_or_default() {
                            let chain = ops.iter().chain(&layout.operations).cloned().collect();
                            ancestors.push((ancestor.clone(), chain));
                        }
                        let header = Header {
                            attrs: &derived.attrs,
                            vis: &derived.vis,
                            name: &derived.name,
                            elem,
                            writable: layout.writable,
                        };
                        output.extend(expand::expand_derived(
                            &paths,
                            &header,
                            &layout.literal,
                            &derived.parent,
                            &ancestors,
                        ));
                        (Some(Proven::Literal(Box::new(layout.literal))), layout.writable)
                    }
                    (result, _) => {
                        errors.extend(result.err().unwrap_or_default());
                        output.extend(expand::placeholder(&derived.attrs, &derived.vis, &derived.name));
                        (None, false)
                    }
                };
                let Some(elem) = elem else { continue };
                (
                    &derived.name,
                    Declared {
                        elem,
                        writable,
                        len_tokens,
                        proven,
                        ancestors,
                    },
                )
            }
            Item::Split(split) => {
                splits.push(split);
                continue;
            }
        };
        declared.entry(name.to_string()).or_insert(entry);
    }

    for split in splits {
        let failed_member = split.members.iter().any(|m| {
            declared
                .get(&m.to_string())
                .is_some_and(|member| member.proven.is_none())
        });
        if failed_member {
            // The member's own error says what is wrong; a split error on top would be noise.
            output.extend(expand::placeholder(&split.attrs, &split.vis, &split.name));
            continue;
        }
        match prove::prove_split(split, &declared) {
            Ok(searched) => {
                let first = &declared[&split.members[0].to_string()];
                let len = match &first.proven {
                    Some(Proven::Literal(lit)) => lit.len.to_token_stream(),
                    _ => first.len_tokens.clone(),
                };
                let members: Vec<Option<&prove::Literal>> = split
                    .members
                    .iter()
                    .map(|m| match &declared[&m.to_string()].proven {
                        Some(Proven::Literal(lit)) => Some(&**lit),
                        _ => None,
                    })
                    .collect();
                output.extend(expand::expand_split(
                    &paths, split, first.elem, &len, &members, &searched,
                ));
            }
            Err(e) => {
                errors.extend(e);
                output.extend(expand::placeholder(&split.attrs, &split.vis, &split.name));
            }
        }
    }
    if header_failed {
        output = items
            .iter()
            .map(|item| {
                let (attrs, vis, name) = item.parts();
                expand::placeholder(attrs, vis, name)
            })
            .collect();
    }
    for error in errors {
        output.extend(error.to_compile_error());
    }
    output
}
