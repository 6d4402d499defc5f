//! Expand: proven items into zero-sized layout types, their `unsafe impl`s,
//! constructors, and the const-evaluated backstops.
//!
//! Backstops are `const _: () = { if let Some(m) = check(..) { panic!(..) } };`
//! items whose tokens carry the span of the token to blame, so that a
//! rejection in const evaluation points where the macro's own error would.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Attribute, Expr, Ident, Visibility};

use crate::ast::{Elem, LayoutItem, SplitItem};
use crate::prove::{elem_text, Literal, Proven};

/// What every generated layout type needs besides its numbers.
pub struct Header<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub name: &'a Ident,
    pub elem: &'a Elem,
    pub writable: bool,
    /// A hidden helper type (a `subview` layout): fewer derives, less to compile.
    pub hidden: bool,
}

/// The numbers of a layout, as tokens (literals, or the user's expressions).
struct Constants {
    rank: usize,
    shape: TokenStream,
    strides: TokenStream,
    offset: TokenStream,
    len: TokenStream,
    is_unique: TokenStream,
}

/// The element type parameter of generated functions, and the type they use.
fn elem_generics(elem: &Elem) -> (TokenStream, TokenStream) {
    match elem {
        Elem::Any => (quote!(<E>), quote!(E)),
        Elem::Type(ty) => (quote!(), ty.to_token_stream()),
    }
}

/// `if let Some(m) = check { panic!(m) }`, spanned at `span`.
fn backstop(span: Span, check: TokenStream) -> TokenStream {
    quote_spanned! {span=>
        if let ::core::option::Option::Some(message) = #check {
            ::core::panic!("{}", message.as_str());
        }
    }
}

/// The bounds backstop blaming `blame`, spanned at `span`.
fn bounds_backstop(name: &Ident, span: Span, blame: TokenStream) -> TokenStream {
    let name_str = name.to_string();
    backstop(
        span,
        quote_spanned! {span=>
            ::view_core::proof::bounds_failure(
                #name_str,
                <#name as ::view_core::Layout>::SHAPE_SLICE,
                <#name as ::view_core::Layout>::STRIDES_SLICE,
                <#name as ::view_core::Layout>::OFFSET,
                <#name as ::view_core::Layout>::BUFFER_LEN,
                #blame,
            )
        },
    )
}

/// The struct alone, emitted for an item that failed, so that later uses of
/// its name do not add "cannot find type" errors to the real one.
pub fn placeholder(attrs: &[Attribute], vis: &Visibility, name: &Ident) -> TokenStream {
    quote_spanned! {name.span()=>
        #(#attrs)*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis struct #name;
    }
}

/// The type, its `unsafe impl Layout` (and `UniqueLayout`), the backstops
/// `checks`, and the constructors.
fn layout_type(header: &Header<'_>, doc: &str, c: Constants, checks: TokenStream) -> TokenStream {
    let Header {
        attrs,
        vis,
        name,
        elem,
        writable,
        hidden,
    } = header;
    let (generics, elem_ty) = elem_generics(elem);
    let Constants {
        rank,
        shape,
        strides,
        offset,
        len,
        is_unique,
    } = c;
    let core = quote!(::view_core);
    let buffer = quote!([#elem_ty; #len]);
    let struct_def = if *hidden {
        quote_spanned! {name.span()=>
            #[derive(Clone, Copy, Debug)]
            #vis struct #name;
        }
    } else {
        quote_spanned! {name.span()=>
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #vis struct #name;
        }
    };
    let (write, unique_impl) = if *writable {
        (
            quote! {
                /// A writable view of `buffer`; no run-time check: the layout is proven in bounds and unique.
                #[inline]
                #vis const fn view_mut #generics (buffer: &mut #buffer) -> #core::ViewMut<'_, #elem_ty, Self> {
                    #core::ViewMut::from_array(buffer)
                }
                /// A writable view of a slice, after one length check against `REQUIRED_LEN`.
                #[inline]
                #vis fn try_view_mut #generics (
                    buffer: &mut [#elem_ty],
                ) -> ::core::result::Result<#core::ViewMut<'_, #elem_ty, Self>, #core::LengthError> {
                    #core::ViewMut::try_from_slice(buffer)
                }
            },
            quote! {
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
        #struct_def

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
        };

        impl #name {
            /// A read-only view of `buffer`; no run-time check: the layout is proven in bounds.
            #[inline]
            #vis const fn view #generics (buffer: &#buffer) -> #core::View<'_, #elem_ty, Self> {
                #core::View::from_array(buffer)
            }
            /// A read-only view of a slice, after one length check against `REQUIRED_LEN`.
            #[inline]
            #vis fn try_view #generics (
                buffer: &[#elem_ty],
            ) -> ::core::result::Result<#core::View<'_, #elem_ty, Self>, #core::LengthError> {
                #core::View::try_from_slice(buffer)
            }
            #write
        }
    }
}

fn literal_doc(header: &Header<'_>, lit: &Literal) -> String {
    format!(
        "Layout over `[{}; {}]`: shape `{:?}`, strides `{:?}`, offset `{}`{}.",
        elem_text(header.elem),
        lit.len,
        lit.shape,
        lit.strides,
        lit.offset,
        if header.writable {
            ", writable (proven unique)"
        } else {
            ""
        }
    )
}

/// The trailing layouts of `lit` for `subview`: for each `K` in `1..rank`,
/// a hidden layout of the last `rank - K` axes and `impl Subview<K>`.
/// An empty layout has none: no index exists to take a sub-view at (and its
/// strides, never used, need not describe any buffer).
fn trailing_layouts(header: &Header<'_>, lit: &Literal) -> TokenStream {
    let mut out = TokenStream::new();
    if lit.shape.contains(&0) {
        return out;
    }
    let name = header.name;
    let hidden: Vec<Attribute> = vec![
        syn::parse_quote!(#[doc(hidden)]),
        syn::parse_quote!(#[allow(non_camel_case_types)]),
    ];
    for k in 1..lit.shape.len() {
        let trailing = crate::prove::trailing(lit, k);
        // `unraw`: a layout named `r#mut` gets `__mutTrailing1`, a valid identifier.
        let sub_name = Ident::new(
            &format!("__{}Trailing{k}", syn::ext::IdentExt::unraw(name)),
            name.span(),
        );
        let sub_header = Header {
            attrs: &hidden,
            vis: header.vis,
            name: &sub_name,
            elem: header.elem,
            writable: header.writable,
            hidden: true,
        };
        out.extend(literal_layout_only(&sub_header, &trailing));
        out.extend(quote! {
            #[allow(unsafe_code)]
            unsafe impl ::view_core::Subview<#k> for #name {
                type Trailing = #sub_name;
            }
        });
    }
    out
}

/// A layout whose numbers the macro evaluated and proved, with its
/// `subview` layouts.
pub fn literal_layout(header: &Header<'_>, lit: &Literal) -> TokenStream {
    let mut out = literal_layout_only(header, lit);
    out.extend(trailing_layouts(header, lit));
    out
}

/// A layout whose numbers the macro evaluated and proved: plain literals,
/// and only the cheap bounds backstop (the uniqueness proof is done).
fn literal_layout_only(header: &Header<'_>, lit: &Literal) -> TokenStream {
    let Literal {
        shape,
        strides,
        offset,
        len,
        unique,
        assumed_elem_size,
    } = lit;
    let name = header.name;
    let mut checks = bounds_backstop(name, name.span(), quote!(::view_core::proof::Blame::Any));
    if let Some(size) = assumed_elem_size {
        let (_, elem_ty) = elem_generics(header.elem);
        let name_str = name.to_string();
        checks.extend(backstop(
            name.span(),
            quote!(::view_core::proof::element_size_failure(#name_str, #size, ::core::mem::size_of::<#elem_ty>())),
        ));
    }
    let constants = Constants {
        rank: shape.len(),
        shape: quote!([#(#shape),*]),
        strides: quote!([#(#strides),*]),
        offset: quote!(#offset),
        len: quote!(#len),
        is_unique: quote!(#unique),
    };
    layout_type(header, &literal_doc(header, lit), constants, checks)
}

/// A layout written with named constants: the user's expressions, converted
/// and checked in const evaluation, each check spanned at its token.
pub fn deferred_layout(header: &Header<'_>, item: &LayoutItem) -> TokenStream {
    let name = header.name;
    let name_str = name.to_string();
    let (_, elem_ty) = elem_generics(header.elem);
    let size_of_elem = quote!(::core::mem::size_of::<#elem_ty>());
    let shape_values = item.shape.as_ref().map_or(&[][..], |f| &f.values[..]);
    let rank = shape_values.len();
    let list = |values: &[Expr]| quote!([#(#values),*]);
    let unwrap = |span: Span, result: TokenStream| {
        quote_spanned! {span=>
            match #result {
                ::core::result::Result::Ok(value) => value,
                ::core::result::Result::Err(message) => ::core::panic!("{}", message.as_str()),
            }
        }
    };
    let strides = match (&item.strides, &item.byte_strides) {
        (Some(f), _) => list(&f.values),
        (None, Some(f)) => {
            let bytes = list(&f.values);
            unwrap(
                f.bracket_span,
                quote!(::view_core::proof::strides_from_bytes::<#rank>(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(::view_core::proof::c_order_strides::<#rank>(<#name as ::view_core::Layout>::SHAPE)),
    };
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) => f.value.to_token_stream(),
        (None, Some(f)) => {
            let bytes = &f.value;
            unwrap(
                syn::spanned::Spanned::span(bytes),
                quote!(::view_core::proof::offset_from_bytes(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(0),
    };
    let mut checks = TokenStream::new();
    if let Some(field) = item.strides.as_ref().or(item.byte_strides.as_ref()) {
        for (k, expr) in field.values.iter().enumerate() {
            let span = syn::spanned::Spanned::span(expr);
            checks.extend(bounds_backstop(
                name,
                span,
                quote!(::view_core::proof::Blame::Stride(#k)),
            ));
        }
    }
    if let Some(value) = item.offset.as_ref().or(item.byte_offset.as_ref()).map(|f| &f.value) {
        let span = syn::spanned::Spanned::span(value);
        checks.extend(bounds_backstop(name, span, quote!(::view_core::proof::Blame::Offset)));
    }
    checks.extend(bounds_backstop(
        name,
        name.span(),
        quote!(::view_core::proof::Blame::Any),
    ));
    let parts = quote! {
        <#name as ::view_core::Layout>::SHAPE_SLICE,
        <#name as ::view_core::Layout>::STRIDES_SLICE,
        <#name as ::view_core::Layout>::OFFSET
    };
    let is_unique = if header.writable {
        checks.extend(backstop(
            name.span(),
            quote!(::view_core::proof::uniqueness_failure(#name_str, #parts)),
        ));
        quote!(true)
    } else {
        quote!(::view_core::proof::is_proven_unique(#parts))
    };
    let doc = format!(
        "Layout over `[{}; {}]`, written with named constants and proven in const evaluation.",
        elem_text(header.elem),
        item.len.to_token_stream()
    );
    let constants = Constants {
        rank,
        shape: list(shape_values),
        strides,
        offset,
        len: item.len.to_token_stream(),
        is_unique,
    };
    layout_type(header, &doc, constants, checks)
}

/// Expands a layout item.
pub fn expand_layout(item: &LayoutItem, proven: &Proven) -> TokenStream {
    let header = Header {
        attrs: &item.attrs,
        vis: &item.vis,
        name: &item.name,
        elem: &item.elem,
        writable: item.mutable.is_some(),
        hidden: false,
    };
    match proven {
        Proven::Literal(lit) => literal_layout(&header, lit),
        Proven::Deferred => deferred_layout(&header, item),
    }
}

/// Expands a derived item: a literal layout, plus `DerivedFrom` for each
/// ancestor and the `of` / `of_mut` conversions from its parent's views.
pub fn expand_derived(header: &Header<'_>, lit: &Literal, parent: &Ident, ancestors: &[&Ident]) -> TokenStream {
    let mut out = literal_layout(header, lit);
    let Header {
        vis,
        name,
        elem,
        writable,
        ..
    } = header;
    let (_, elem_ty) = elem_generics(elem);
    let core = quote!(::view_core);
    for ancestor in ancestors {
        out.extend(quote! {
            #[allow(unsafe_code)]
            unsafe impl #core::DerivedFrom<#ancestor> for #name {}
        });
    }
    let lifetime_generics = match elem {
        Elem::Any => quote!(<'a, E>),
        Elem::Type(_) => quote!(<'a>),
    };
    let of_mut = if *writable {
        quote! {
            /// The same elements of a writable view of the parent layout, through this one.
            #[inline]
            #vis fn of_mut #lifetime_generics (view: #core::ViewMut<'a, #elem_ty, #parent>) -> #core::ViewMut<'a, #elem_ty, Self> {
                view.derive_mut()
            }
        }
    } else {
        quote!()
    };
    out.extend(quote! {
        impl #name {
            /// The same elements of a view of the parent layout, through this one; no run-time work.
            #[inline]
            #vis fn of #lifetime_generics (view: #core::View<'a, #elem_ty, #parent>) -> #core::View<'a, #elem_ty, Self> {
                view.derive()
            }
            #of_mut
        }
    });
    out
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
    let (generics, elem_ty) = elem_generics(elem);
    let views: Vec<TokenStream> = members
        .iter()
        .map(|m| quote!(#core::ViewMut<'_, #elem_ty, #m>))
        .collect();
    let first = &members[0];
    let mut checks = TokenStream::new();
    for m in &members[1..] {
        checks.extend(quote_spanned! {m.span()=>
            ::core::assert!(
                <#m as ::view_core::Layout>::BUFFER_LEN == <#first as ::view_core::Layout>::BUFFER_LEN,
                "split members must be declared for the same buffer length"
            );
        });
    }
    for (i, a) in members.iter().enumerate() {
        for (j, b) in members.iter().enumerate().skip(i + 1) {
            if !deferred[i] && !deferred[j] {
                continue;
            }
            let (a_str, b_str) = (a.to_string(), b.to_string());
            let parts = |m: &Ident| {
                quote!(::view_core::proof::LayoutParts {
                    shape: <#m as ::view_core::Layout>::SHAPE_SLICE,
                    strides: <#m as ::view_core::Layout>::STRIDES_SLICE,
                    offset: <#m as ::view_core::Layout>::OFFSET as isize,
                })
            };
            let (pa, pb) = (parts(a), parts(b));
            checks.extend(backstop(
                b.span(),
                quote_spanned!(b.span()=> ::view_core::proof::disjointness_failure(#name_str, #a_str, #pa, #b_str, #pb)),
            ));
        }
    }
    let doc = format!(
        "Split of one buffer into writable views {}, proven pairwise disjoint.",
        members.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
    );
    let struct_def = quote_spanned! {name.span()=>
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis struct #name;
    };
    quote! {
        #(#attrs)*
        #[doc = ""]
        #[doc = #doc]
        #struct_def

        #[allow(unsafe_code)]
        unsafe impl #core::Partition for #name {
            type Members = (#(#members,)*);
            const BUFFER_LEN: usize = <#first as #core::Layout>::BUFFER_LEN;
        }

        const _: () = {
            #checks
        };

        impl #name {
            /// One writable view per member; no run-time check: the members are proven disjoint.
            #[inline]
            #vis fn split #generics (buffer: &mut [#elem_ty; #len]) -> (#(#views,)*) {
                #core::split_array::<Self, #elem_ty, { #len }>(buffer)
            }
            /// One writable view per member of a slice, after one length check.
            #[inline]
            #vis fn try_split #generics (
                buffer: &mut [#elem_ty],
            ) -> ::core::result::Result<(#(#views,)*), #core::LengthError> {
                #core::try_split_slice::<Self, #elem_ty>(buffer)
            }
        }
    }
}
