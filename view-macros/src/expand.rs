//! Expand: proven items into zero-sized layout types, their trait impls,
//! constructors, and the item-level checks.
//!
//! What the expansion may and may not be trusted for: every path it writes
//! (`::view_core` or the header's `crate = PATH;`, and `::core`) is resolved
//! in the user's crate, where it can be redirected (`extern crate self as
//! core;`), or chosen by the user outright (the header). So nothing the soundness of a
//! view rests on is computed through a path here. The expansion supplies
//! numbers as literals (the constants, `WRITTEN`, certificate records);
//! view-core checks them in const evaluation whenever a view is made. The
//! item-level checks (`const _: () = ..;`) exist so that `cargo check`
//! reports too, spanned at the token to blame; they are diagnostics only.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Attribute, Expr, Ident, Visibility};
use view_core::proof::Uniqueness;

use crate::ast::{Elem, LayoutItem, SplitItem};
use crate::operation::Operation;
use crate::prove::{elem_text, Literal, Proven};

/// Kinds of certificate records (view-core's `certificate` module).
const UNIQUE_RECORD: i128 = 1;
const DISJOINT_RECORD: i128 = 2;
const COLLISION_RECORD: i128 = 3;

/// The paths the expansion writes besides `::core`.
pub struct Paths {
    /// The core crate: `::view_core`, or the path of the header
    /// `crate = PATH;` (`$crate` when the `strided-view` crate's
    /// `strided_view!` forwards to this macro).
    core: TokenStream,
}

impl Paths {
    pub fn new(core: Option<&syn::Path>) -> Paths {
        Paths {
            core: core.map_or_else(|| quote!(::view_core), ToTokens::to_token_stream),
        }
    }
}

/// A primitive type by its absolute path, so that a `type usize = u32;` in
/// the user's scope changes nothing.
fn prim(name: &str) -> TokenStream {
    let ident = Ident::new(name, Span::call_site());
    quote!(::core::primitive::#ident)
}

/// What every generated layout type needs besides its numbers.
pub struct Header<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub name: &'a Ident,
    pub elem: &'a Elem,
    pub writable: bool,
}

/// The `#[cfg(..)]` and `#[cfg_attr(..)]` attributes of an item, which must
/// apply to every item it expands to (the struct alone would leave the
/// impls attached to whatever the name resolves to without it).
fn cfgs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"))
        .collect()
}

/// The numbers of a layout, as tokens (literals, or the user's expressions).
struct Constants {
    rank: usize,
    /// The shape as a type (`Shape2<4, 3>`, or `AnyShape`).
    shape_type: TokenStream,
    shape: TokenStream,
    strides: TokenStream,
    shape_slice: TokenStream,
    strides_slice: TokenStream,
    offset: TokenStream,
    len: TokenStream,
    written: TokenStream,
    certificate: Option<TokenStream>,
}

/// The element type parameter of generated functions, and the type they use.
fn elem_generics(elem: &Elem) -> (TokenStream, TokenStream) {
    match elem {
        Elem::Any => (quote!(<E>), quote!(E)),
        Elem::Type(ty) => (quote!(), ty.to_token_stream()),
    }
}

/// `if let Some(m) = check { panic!(m) }`, spanned at `span`.
fn check_at(span: Span, check: TokenStream) -> TokenStream {
    quote_spanned! {span=>
        if let ::core::option::Option::Some(message) = #check {
            ::core::panic!("{}", message.as_str());
        }
    }
}

/// The layout check blaming `blame`, spanned at `span`.
fn layout_check(paths: &Paths, name: &Ident, span: Span, blame: TokenStream) -> TokenStream {
    let core = &paths.core;
    check_at(
        span,
        quote_spanned! {span=> #core::__private::layout_failure::<#name>(#core::__private::Blame::#blame) },
    )
}

/// The zero-sized struct an item is, spanned at its name (so that the
/// compiler's "defined here" notes point there).
fn unit_struct(attrs: &[Attribute], doc: &str, vis: &Visibility, name: &Ident) -> TokenStream {
    let doc = (!doc.is_empty()).then(|| quote!(#[doc = ""] #[doc = #doc]));
    quote_spanned! {name.span()=>
        #(#attrs)*
        #doc
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord
        )]
        #vis struct #name;
    }
}

/// The struct alone, emitted for an item that failed, so that later uses of
/// its name do not add "cannot find type" errors to the real one.
pub fn placeholder(attrs: &[Attribute], vis: &Visibility, name: &Ident) -> TokenStream {
    unit_struct(attrs, "", vis, name)
}

/// The highest rank whose shape has a type (`view_core::shape::Shape8`).
const MAX_SHAPE_TYPE_RANK: usize = 8;

/// The shape as a type, from one const argument per extent (a literal, a
/// const parameter, or a braced constant expression); `AnyShape` above rank 8.
pub fn shape_type(paths: &Paths, extents: &[TokenStream]) -> TokenStream {
    let core = &paths.core;
    if extents.len() > MAX_SHAPE_TYPE_RANK {
        return quote!(#core::shape::AnyShape);
    }
    let name = Ident::new(&format!("Shape{}", extents.len()), Span::call_site());
    quote!(#core::shape::#name<#(#extents),*>)
}

/// `&'static [i128]` literal of `values`.
fn i128_slice(values: &[i128]) -> TokenStream {
    let values = values.iter().map(|&v| proc_macro2::Literal::i128_unsuffixed(v));
    quote!(&[#(#values),*])
}

/// The `WRITTEN` record of a literal layout (format in view-core's `Layout`).
fn written_record(lit: &Literal) -> Vec<i128> {
    let mut w = vec![lit.shape.len() as i128];
    w.extend(lit.shape.iter().map(|&n| n as i128));
    w.extend(lit.strides.iter().map(|&s| s as i128));
    w.extend([
        lit.offset as i128,
        lit.len as i128,
        lit.peaks.usize_high,
        lit.peaks.isize_low,
        lit.peaks.isize_high,
    ]);
    w
}

/// The layout fields of a certificate record: rank, extents, strides.
fn record_layout(shape: &[usize], strides: &[isize]) -> Vec<i128> {
    let mut r = vec![shape.len() as i128];
    r.extend(shape.iter().map(|&n| n as i128));
    r.extend(strides.iter().map(|&s| s as i128));
    r
}

/// The certificate records of a literal layout's uniqueness verdict, when
/// the cheap rules (which const evaluation repeats) do not settle it.
fn uniqueness_records(lit: &Literal) -> Vec<i128> {
    if lit.settled_by_rules {
        return Vec::new();
    }
    match &lit.uniqueness {
        Uniqueness::Unique => {
            let mut r = vec![UNIQUE_RECORD];
            r.extend(record_layout(&lit.shape, &lit.strides));
            r
        }
        Uniqueness::Collision(c) => {
            let mut r = vec![COLLISION_RECORD];
            r.extend(record_layout(&lit.shape, &lit.strides));
            r.extend(c.first.as_slice().iter().map(|&i| i as i128));
            r.extend(c.second.as_slice().iter().map(|&i| i as i128));
            r
        }
        _ => Vec::new(),
    }
}

/// `CERTIFICATE` from records, `None` when there are none.
fn certificate(paths: &Paths, records: &[i128]) -> Option<TokenStream> {
    if records.is_empty() {
        return None;
    }
    let core = &paths.core;
    let records = i128_slice(records);
    // SAFETY (of the generated block): the records state verdicts this macro
    // decided for exactly the numbers they carry (view-core's `Certificate::new`).
    Some(quote! {
        const CERTIFICATE: #core::__private::Certificate = unsafe { #core::__private::Certificate::new(#records) };
    })
}

/// The type, its `impl Layout` (and `UniqueLayout`, `Subview`), the checks
/// `checks`, and the constructors.
fn layout_type(paths: &Paths, header: &Header<'_>, doc: &str, c: Constants, checks: TokenStream) -> TokenStream {
    let Header {
        attrs,
        vis,
        name,
        elem,
        writable,
    } = header;
    let core = &paths.core;
    let (usize_, isize_, i128_, str_) = (prim("usize"), prim("isize"), prim("i128"), prim("str"));
    let cfgs = cfgs(attrs);
    let (generics, elem_ty) = elem_generics(elem);
    let Constants {
        rank,
        shape_type,
        shape,
        strides,
        shape_slice,
        strides_slice,
        offset,
        len,
        written,
        certificate,
    } = c;
    let name_str = syn::ext::IdentExt::unraw(*name).to_string();
    let buffer = quote!([#elem_ty; #len]);
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
                #(#cfgs)*
                impl #core::UniqueLayout for #name {}
            },
        )
    } else {
        (quote!(), quote!())
    };
    let subviews = (1..=rank).map(|k| {
        let rest = rank - k;
        quote! {
            #(#cfgs)*
            impl #core::Subview<#k> for #name {
                type Rest = [#usize_; #rest];
            }
        }
    });
    let struct_def = unit_struct(attrs, doc, vis, name);
    let trait_check = trait_check(paths, name, *writable);
    let checks = spanned_checks(name, checks);
    quote! {
        #struct_def

        #(#cfgs)*
        impl #core::Layout for #name {
            type Index = [#usize_; #rank];
            type Shape = #shape_type;
            const SHAPE: [#usize_; #rank] = #shape;
            const STRIDES: [#isize_; #rank] = #strides;
            const SHAPE_SLICE: &'static [#usize_] = #shape_slice;
            const STRIDES_SLICE: &'static [#isize_] = #strides_slice;
            const OFFSET: #usize_ = #offset;
            const BUFFER_LEN: #usize_ = #len;
            const NAME: &'static #str_ = #name_str;
            const WRITTEN: &'static [#i128_] = #written;
            #certificate
        }
        #unique_impl
        #(#subviews)*

        #(#cfgs)*
        const _: () = {
            #checks
            #trait_check
        };

        #(#cfgs)*
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

/// A layout whose numbers the macro evaluated and proved: plain literals,
/// `WRITTEN` for the target to compare, the uniqueness certificate where the
/// cheap rules do not settle it, and one item-level check (whose failure
/// means a target that reads the numbers differently, such as a 32-bit one).
///
/// With `item` (the layout as written; derived layouts have none), a number
/// that a narrower target may read differently gets its own check spanned
/// at its token.
pub fn literal_layout(paths: &Paths, header: &Header<'_>, lit: &Literal, item: Option<&LayoutItem>) -> TokenStream {
    let Literal {
        shape,
        strides,
        offset,
        len,
        assumed_elem_size,
        ..
    } = lit;
    let name = header.name;
    let mut checks = item.map(|item| narrowing_checks(paths, item, lit)).unwrap_or_default();
    checks.extend(layout_check(paths, name, name.span(), quote!(Any)));
    if let Some(size) = assumed_elem_size {
        let (_, elem_ty) = elem_generics(header.elem);
        let name_str = name.to_string();
        let core = &paths.core;
        checks.extend(check_at(
            name.span(),
            quote!(#core::__private::element_size_failure(#name_str, #size, ::core::mem::size_of::<#elem_ty>())),
        ));
    }
    let shape_list = quote!([#(#shape),*]);
    let strides_list = quote!([#(#strides),*]);
    let extents: Vec<TokenStream> = shape
        .iter()
        .map(|&n| proc_macro2::Literal::usize_unsuffixed(n).into_token_stream())
        .collect();
    let constants = Constants {
        rank: shape.len(),
        shape_type: shape_type(paths, &extents),
        shape: shape_list.clone(),
        strides: strides_list.clone(),
        shape_slice: quote!(&#shape_list),
        strides_slice: quote!(&#strides_list),
        offset: quote!(#offset),
        len: quote!(#len),
        written: i128_slice(&written_record(lit)),
        certificate: certificate(paths, &uniqueness_records(lit)),
    };
    layout_type(paths, header, &literal_doc(header, lit), constants, checks)
}

/// Whether `value` may read differently on a target with 16-bit pointers.
fn may_narrow(value: i128) -> bool {
    !(i128::from(i16::MIN)..=i128::from(i16::MAX)).contains(&value)
}

/// Checks spanned at each written number that a narrow target may not hold.
fn narrowing_checks(paths: &Paths, item: &LayoutItem, lit: &Literal) -> TokenStream {
    let name = &item.name;
    let span_of = |e: &Expr| syn::spanned::Spanned::span(e);
    let mut checks = TokenStream::new();
    if let Some(field) = &item.shape {
        for (k, (expr, &n)) in field.values.iter().zip(&lit.shape).enumerate() {
            if may_narrow(n as i128) {
                checks.extend(layout_check(paths, name, span_of(expr), quote!(Extent(#k))));
            }
        }
    }
    if let Some(field) = item.strides.as_ref().or(item.byte_strides.as_ref()) {
        for (k, (expr, &s)) in field.values.iter().zip(&lit.strides).enumerate() {
            if may_narrow(s as i128) {
                checks.extend(layout_check(paths, name, span_of(expr), quote!(Stride(#k))));
            }
        }
    }
    if let Some(field) = item.offset.as_ref().or(item.byte_offset.as_ref()) {
        if may_narrow(lit.offset as i128) {
            checks.extend(layout_check(paths, name, span_of(&field.value), quote!(Offset)));
        }
    }
    if may_narrow(lit.len as i128) {
        checks.extend(layout_check(paths, name, span_of(&item.len), quote!(Len)));
    }
    checks
}

/// The spanned checks of an item, in a `const {}` block of its own (spanned
/// at the item's name, where rustc's "erroneous constant" note then points),
/// so that they are evaluated before the trait check (see [`trait_check`]).
fn spanned_checks(name: &Ident, checks: TokenStream) -> TokenStream {
    if checks.is_empty() {
        return checks;
    }
    quote_spanned! {name.span()=> const { #checks }; }
}

/// The check that does not depend on any path the user's crate could
/// redirect: view-core's own verdict, reached through the trait the impl
/// implements (if that path were redirected, the impl would not be of
/// view-core's trait and no view of the layout could exist). Rustc
/// evaluates the constants a `const` item mentions in order and stops at
/// the first that fails, so the spanned checks go first, in a `const {}`
/// block: this one fires only when they were bypassed.
fn trait_check(paths: &Paths, name: &Ident, writable: bool) -> TokenStream {
    let core = &paths.core;
    let check = if writable {
        quote!(CHECK_WRITABLE)
    } else {
        quote!(CHECK_READABLE)
    };
    quote_spanned! {name.span()=>
        let () = <#name as #core::Layout>::#check;
    }
}

/// A layout written with named constants: the user's expressions, converted
/// and checked in const evaluation, each check spanned at its token;
/// `written` holds the numbers the macro could evaluate (for a narrower
/// target to compare).
pub fn deferred_layout(paths: &Paths, header: &Header<'_>, item: &LayoutItem, written: &[i128]) -> TokenStream {
    let core = &paths.core;
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
                quote!(#core::__private::strides_from_bytes::<#rank>(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(#core::__private::c_order_strides::<#rank>(<Self as #core::Layout>::SHAPE)),
    };
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) => f.value.to_token_stream(),
        (None, Some(f)) => {
            let bytes = &f.value;
            unwrap(
                syn::spanned::Spanned::span(bytes),
                quote!(#core::__private::offset_from_bytes(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(0),
    };
    let mut checks = TokenStream::new();
    if let Some(field) = item.strides.as_ref().or(item.byte_strides.as_ref()) {
        for (k, expr) in field.values.iter().enumerate() {
            let span = syn::spanned::Spanned::span(expr);
            checks.extend(layout_check(paths, name, span, quote!(Stride(#k))));
        }
    }
    if let Some(value) = item.offset.as_ref().or(item.byte_offset.as_ref()).map(|f| &f.value) {
        let span = syn::spanned::Spanned::span(value);
        checks.extend(layout_check(paths, name, span, quote!(Offset)));
    }
    checks.extend(layout_check(paths, name, name.span(), quote!(Any)));
    if header.writable {
        checks.extend(check_at(
            name.span(),
            quote!(#core::__private::writable_failure::<#name>()),
        ));
    }
    let doc = format!(
        "Layout over `[{}; {}]`, written with named constants and proven in const evaluation.",
        elem_text(header.elem),
        item.len.to_token_stream()
    );
    // Every extent of a non-generic layout is a constant expression, which a
    // const argument can hold in braces.
    let extents: Vec<TokenStream> = shape_values.iter().map(|e| quote!({ #e })).collect();
    let constants = Constants {
        rank,
        shape_type: shape_type(paths, &extents),
        shape: list(shape_values),
        strides,
        shape_slice: quote!(&<Self as #core::Layout>::SHAPE),
        strides_slice: quote!(&<Self as #core::Layout>::STRIDES),
        offset,
        len: item.len.to_token_stream(),
        written: i128_slice(written),
        certificate: None,
    };
    layout_type(paths, header, &doc, constants, checks)
}

/// Expands a layout item.
pub fn expand_layout(paths: &Paths, item: &LayoutItem, proven: &Proven) -> TokenStream {
    let header = Header {
        attrs: &item.attrs,
        vis: &item.vis,
        name: &item.name,
        elem: &item.elem,
        writable: item.mutable.is_some(),
    };
    match proven {
        Proven::Literal(lit) => literal_layout(paths, &header, lit, Some(item)),
        Proven::Deferred(deferred) => deferred_layout(paths, &header, item, &deferred.written),
    }
}

/// Expands a derived item: a literal layout, plus `DerivedFrom` for each
/// ancestor and the `of` / `of_mut` conversions from its parent's views.
pub fn expand_derived(
    paths: &Paths,
    header: &Header<'_>,
    lit: &Literal,
    parent: &Ident,
    ancestors: &[(Ident, Vec<Operation>)],
) -> TokenStream {
    let mut out = literal_layout(paths, header, lit, None);
    let Header {
        attrs,
        vis,
        name,
        elem,
        writable,
    } = header;
    let cfgs = cfgs(attrs);
    let (_, elem_ty) = elem_generics(elem);
    let core = &paths.core;
    let op_ty = quote!(#core::__private::Op<'static>);
    for (ancestor, ops) in ancestors {
        let ops = ops.iter().map(|op| op.to_expr(core));
        out.extend(quote! {
            #(#cfgs)*
            impl #core::DerivedFrom<#ancestor> for #name {
                const OPS: &'static [#op_ty] = &[#(#ops),*];
            }
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
        #(#cfgs)*
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

/// Expands one proven split item. `members` holds each member's literal
/// layout when the macro evaluated it (`None`: left to const evaluation);
/// `searched` the pairs whose disjointness the macro decided by a search,
/// which get certificate records. A member left to const evaluation gets an
/// item-level check, so that `cargo check` reports.
pub fn expand_split(
    paths: &Paths,
    split: &SplitItem,
    elem: &Elem,
    len: &TokenStream,
    members: &[Option<&Literal>],
    searched: &[(usize, usize)],
) -> TokenStream {
    let SplitItem {
        attrs,
        vis,
        name,
        members: member_names,
        ..
    } = split;
    let core = &paths.core;
    let cfgs = cfgs(attrs);
    let name_str = syn::ext::IdentExt::unraw(name).to_string();
    let (generics, elem_ty) = elem_generics(elem);
    let views: Vec<TokenStream> = member_names
        .iter()
        .map(|m| quote!(#core::ViewMut<'_, #elem_ty, #m>))
        .collect();
    let first = &member_names[0];
    let mut records = Vec::new();
    for &(i, j) in searched {
        if let (Some(a), Some(b)) = (members[i], members[j]) {
            records.push(DISJOINT_RECORD);
            records.extend(record_layout(&a.shape, &a.strides));
            records.push(a.offset as i128);
            records.extend(record_layout(&b.shape, &b.strides));
            records.push(b.offset as i128);
        }
    }
    let certificate = certificate(paths, &records);
    let checks = if members.iter().any(Option::is_none) {
        check_at(name.span(), quote!(#core::__private::split_failure::<#name>()))
    } else {
        quote!()
    };
    let trait_check = quote_spanned! {name.span()=>
        let () = <#name as #core::Partition>::CHECK_SPLITTABLE;
    };
    let checks = spanned_checks(name, checks);
    let doc = format!(
        "Split of one buffer into writable views {}, proven pairwise disjoint.",
        member_names
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let usize_ = prim("usize");
    let str_ = prim("str");
    let struct_def = unit_struct(attrs, &doc, vis, name);
    quote! {
        #struct_def

        #(#cfgs)*
        impl #core::Partition for #name {
            type Members = (#(#member_names,)*);
            const BUFFER_LEN: #usize_ = <#first as #core::Layout>::BUFFER_LEN;
            const NAME: &'static #str_ = #name_str;
            #certificate
        }

        #(#cfgs)*
        const _: () = {
            #checks
            #trait_check
        };

        #(#cfgs)*
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
