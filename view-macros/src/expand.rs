//! Expand: the proven AST into zero-sized layout types, their `unsafe impl`s,
//! constructors, and the const-evaluated backstops.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::Expr;

use crate::ast::{Elem, LayoutItem, SplitItem};
use crate::prove::{Literal, Proven};

/// The element type parameter of generated functions, and the type they use.
struct ElemTokens {
    generics: TokenStream,
    ty: TokenStream,
}

fn elem_tokens(elem: &Elem) -> ElemTokens {
    match elem {
        Elem::Any => ElemTokens {
            generics: quote!(<E>),
            ty: quote!(E),
        },
        Elem::Type(ty) => ElemTokens {
            generics: quote!(),
            ty: ty.to_token_stream(),
        },
    }
}

/// A short description appended to the layout's docs.
fn summary(item: &LayoutItem, proven: &Proven) -> String {
    let elem = crate::prove::elem_text(&item.elem);
    match proven {
        Proven::Literal(lit) => format!(
            "Layout over `[{elem}; {}]`: shape `{:?}`, strides `{:?}`, offset `{}`{}.",
            lit.len,
            lit.shape,
            lit.strides,
            lit.offset,
            if item.mutable.is_some() {
                ", writable (proven unique)"
            } else {
                ""
            }
        ),
        Proven::Deferred => format!(
            "Layout over `[{elem}; {}]`, written with named constants and proven in const evaluation.",
            item.len.to_token_stream()
        ),
    }
}

/// The struct alone, emitted for a layout that failed, so that later uses of
/// its name do not add "cannot find type" errors to the real one.
pub fn placeholder(attrs: &[syn::Attribute], vis: &syn::Visibility, name: &syn::Ident) -> TokenStream {
    quote! {
        #(#attrs)*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis struct #name;
    }
}

fn list(values: &[Expr]) -> TokenStream {
    quote!([#(#values),*])
}

/// Expands one proven layout item.
pub fn expand_layout(item: &LayoutItem, proven: &Proven) -> TokenStream {
    let LayoutItem { attrs, vis, name, .. } = item;
    let name_str = name.to_string();
    let doc = summary(item, proven);
    let rank = item.shape.as_ref().map_or(0, |f| f.values.len());
    let core = quote!(::view_core);
    let elem = elem_tokens(&item.elem);
    let elem_ty = &elem.ty;
    let size_of_elem = quote!(::core::mem::size_of::<#elem_ty>());

    let (shape, strides, offset, len, is_unique, checks) = match proven {
        Proven::Literal(lit) => literal_constants(lit, &name_str, &size_of_elem, &core),
        Proven::Deferred => deferred_constants(item, rank, &name_str, &size_of_elem, &core),
    };
    // Spanned at the layout's name, so a const-evaluation failure points there.
    let bounds_check = quote_spanned! {name.span()=>
        ::view_core::proof::assert_in_bounds(
            #name_str,
            <#name as ::view_core::Layout>::SHAPE_SLICE,
            <#name as ::view_core::Layout>::STRIDES_SLICE,
            <#name as ::view_core::Layout>::OFFSET,
            <#name as ::view_core::Layout>::BUFFER_LEN,
        );
    };
    let generics = &elem.generics;
    let len_tokens = match proven {
        Proven::Literal(lit) => {
            let len = lit.len;
            quote!(#len)
        }
        Proven::Deferred => item.len.to_token_stream(),
    };
    let buffer = quote!([#elem_ty; #len_tokens]);
    let read = quote! {
        /// A read-only view of `buffer`; no run-time check, the layout is proven in bounds.
        #[inline]
        #vis const fn view #generics (buffer: &#buffer) -> #core::View<'_, #elem_ty, Self> {
            #core::View::from_array(buffer)
        }
        /// A read-only view of a slice, after one length check (`REQUIRED_LEN`).
        #[inline]
        #vis fn try_view #generics (buffer: &[#elem_ty]) -> ::core::result::Result<#core::View<'_, #elem_ty, Self>, #core::LengthError> {
            #core::View::try_from_slice(buffer)
        }
    };
    let (write, unique_impl) = if item.mutable.is_some() {
        (
            quote! {
                /// A writable view of `buffer`; no run-time check, the layout is proven in bounds and unique.
                #[inline]
                #vis const fn view_mut #generics (buffer: &mut #buffer) -> #core::ViewMut<'_, #elem_ty, Self> {
                    #core::ViewMut::from_array(buffer)
                }
                /// A writable view of a slice, after one length check (`REQUIRED_LEN`).
                #[inline]
                #vis fn try_view_mut #generics (buffer: &mut [#elem_ty]) -> ::core::result::Result<#core::ViewMut<'_, #elem_ty, Self>, #core::LengthError> {
                    #core::ViewMut::try_from_slice(buffer)
                }
            },
            quote! {
                // The macro proved the layout unique (or the backstop above does).
                #[allow(unsafe_code)]
                unsafe impl #core::UniqueLayout for #name {}
            },
        )
    } else {
        (quote!(), quote!())
    };
    quote! {
        #(#attrs)*
        #[doc = ""]
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis struct #name;

        #[allow(unsafe_code)]
        unsafe impl #core::Layout for #name {
            type Index = [usize; #rank];
            const SHAPE: [usize; #rank] = #shape;
            const STRIDES: [isize; #rank] = #strides;
            const SHAPE_SLICE: &'static [usize] = &<#name as #core::Layout>::SHAPE;
            const STRIDES_SLICE: &'static [isize] = &<#name as #core::Layout>::STRIDES;
            const OFFSET: usize = #offset;
            const BUFFER_LEN: usize = #len;
            const IS_UNIQUE: bool = #is_unique;
        }
        #unique_impl

        const _: () = {
            #checks
            #bounds_check
        };

        impl #name {
            #read
            #write
        }
    }
}

type Constants = (
    TokenStream,
    TokenStream,
    TokenStream,
    TokenStream,
    TokenStream,
    TokenStream,
);

/// Constants of a layout the macro evaluated and proved: plain literals.
fn literal_constants(lit: &Literal, name: &str, size_of_elem: &TokenStream, core: &TokenStream) -> Constants {
    let Literal {
        shape,
        strides,
        offset,
        len,
        unique,
        assumed_elem_size,
    } = lit;
    let checks = match assumed_elem_size {
        Some(size) => quote!(#core::proof::assert_element_size(#name, #size, #size_of_elem);),
        None => quote!(),
    };
    (
        quote!([#(#shape),*]),
        quote!([#(#strides),*]),
        quote!(#offset),
        quote!(#len),
        quote!(#unique),
        checks,
    )
}

/// Constants of a layout written with named constants: the user's
/// expressions, converted and checked in const evaluation.
fn deferred_constants(
    item: &LayoutItem,
    rank: usize,
    name: &str,
    size_of_elem: &TokenStream,
    core: &TokenStream,
) -> Constants {
    let layout = &item.name;
    let shape = item.shape.as_ref().map_or_else(|| quote!([]), |f| list(&f.values));
    let strides = match (&item.strides, &item.byte_strides) {
        (Some(f), _) => list(&f.values),
        (None, Some(f)) => {
            let bytes = list(&f.values);
            quote!(#core::proof::assert_strides_from_bytes::<#rank>(#name, #bytes, #size_of_elem))
        }
        (None, None) => {
            quote!(#core::proof::c_order_strides::<#rank>(<#layout as #core::Layout>::SHAPE))
        }
    };
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) => f.value.to_token_stream(),
        (None, Some(f)) => {
            let bytes = &f.value;
            quote!(#core::proof::assert_offset_from_bytes(#name, #bytes, #size_of_elem))
        }
        (None, None) => quote!(0),
    };
    let len = item.len.to_token_stream();
    let parts = quote! {
        #name,
        <#layout as #core::Layout>::SHAPE_SLICE,
        <#layout as #core::Layout>::STRIDES_SLICE,
        <#layout as #core::Layout>::OFFSET
    };
    let (is_unique, checks) = if item.mutable.is_some() {
        let span = item.name.span();
        (
            quote!(true),
            quote_spanned!(span=> ::view_core::proof::assert_unique(#parts);),
        )
    } else {
        (
            quote!(#core::proof::is_proven_unique(
                <#layout as #core::Layout>::SHAPE_SLICE,
                <#layout as #core::Layout>::STRIDES_SLICE,
                <#layout as #core::Layout>::OFFSET
            )),
            quote!(),
        )
    };
    (shape, strides, offset, len, is_unique, checks)
}

/// Expands one proven split item. `deferred` tells, per member, whether its
/// layout was left to const evaluation; only pairs involving such a member
/// get a const-evaluated disjointness backstop (the macro proved the others).
pub fn expand_split(split: &SplitItem, elem: &Elem, len: &TokenStream, deferred: &[bool]) -> TokenStream {
    let SplitItem {
        attrs,
        vis,
        name,
        members,
        ..
    } = split;
    let core = quote!(::view_core);
    let name_str = name.to_string();
    let elem = elem_tokens(elem);
    let generics = &elem.generics;
    let elem_ty = &elem.ty;
    let views = members.iter().map(|m| quote!(#core::ViewMut<'_, #elem_ty, #m>));
    let views_try = views.clone();
    let mut pair_checks = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for (j, b) in members.iter().enumerate().skip(i + 1) {
            if !deferred[i] && !deferred[j] {
                continue;
            }
            let (a_str, b_str) = (a.to_string(), b.to_string());
            let parts = |m: &syn::Ident| {
                quote!(#core::proof::LayoutParts {
                    shape: <#m as #core::Layout>::SHAPE_SLICE,
                    strides: <#m as #core::Layout>::STRIDES_SLICE,
                    offset: <#m as #core::Layout>::OFFSET as isize,
                })
            };
            let (pa, pb) = (parts(a), parts(b));
            pair_checks
                .push(quote_spanned!(b.span()=> #core::proof::assert_disjoint(#name_str, #a_str, #pa, #b_str, #pb);));
        }
    }
    let first = &members[0];
    let doc = format!(
        "Split of one buffer into writable views {}, proven pairwise disjoint.",
        members.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
    );
    let member_list = quote!((#(#members,)*));
    let same_len = members[1..].iter().map(|m| {
        quote!(::core::assert!(
            <#m as #core::Layout>::BUFFER_LEN == <#first as #core::Layout>::BUFFER_LEN,
            "split members must be declared for the same buffer length"
        );)
    });
    quote! {
        #(#attrs)*
        #[doc = ""]
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis struct #name;

        #[allow(unsafe_code)]
        unsafe impl #core::Partition for #name {
            type Members = #member_list;
            const BUFFER_LEN: usize = <#first as #core::Layout>::BUFFER_LEN;
        }

        const _: () = {
            #(#same_len)*
            #(#pair_checks)*
        };

        impl #name {
            /// One writable view per member; no run-time check, the members are proven disjoint.
            #[inline]
            #vis fn split #generics (buffer: &mut [#elem_ty; #len]) -> (#(#views,)*) {
                #core::split_array::<Self, #elem_ty, { #len }>(buffer)
            }
            /// One writable view per member of a slice, after one length check.
            #[inline]
            #vis fn try_split #generics (buffer: &mut [#elem_ty]) -> ::core::result::Result<(#(#views_try,)*), #core::LengthError> {
                #core::try_split_slice::<Self, #elem_ty>(buffer)
            }
        }
    }
}
