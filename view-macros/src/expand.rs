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

use crate::located::located_at;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Attribute, Expr, Generics, Ident, Visibility};
use view_core::proof::Uniqueness;

use crate::ast::{self, Elem, LayoutItem, SplitItem};
use crate::operation::Operation;
use crate::prove::{elem_text, ConstDerived, Literal, Proven, RankStep};

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
    pub generics: &'a Generics,
    pub elem: &'a Elem,
    pub writable: bool,
}

impl Header<'_> {
    /// Whether the item has const parameters: then nothing about it can be
    /// evaluated at the item (no item-level checks), and its constructors
    /// take arrays of any length (checked in const evaluation).
    fn is_generic(&self) -> bool {
        !self.generics.params.is_empty()
    }
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

/// A layout's rank: the number where the macro knows it (then its
/// `Subview` impls are written), and the tokens of the index type's length.
pub struct Rank {
    pub known: Option<usize>,
    pub tokens: TokenStream,
}

impl Rank {
    fn of(rank: usize) -> Rank {
        Rank {
            known: Some(rank),
            tokens: proc_macro2::Literal::usize_unsuffixed(rank).into_token_stream(),
        }
    }
}

/// The numbers of a layout, as tokens (literals, or the user's expressions).
struct Constants {
    rank: Rank,
    /// The index type, when it is not `[usize; rank]`.
    index: Option<TokenStream>,
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

/// The element type parameter of generated functions (none, or `E`), and
/// the type they use.
fn elem_parts(elem: &Elem) -> (Vec<TokenStream>, TokenStream) {
    match elem {
        // Names no user item is likely to have: a layout named `E` or `__STRIDED_VIEW_LEN`
        // from another invocation must not be captured by these parameters.
        Elem::Any => (vec![quote!(__StridedViewE)], quote!(__StridedViewE)),
        Elem::Type(ty) => (Vec::new(), ty.to_token_stream()),
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

/// [`layout_check`] whose bounds fix speaks in `units` (a
/// `__private::Units` expression).
fn layout_check_in(paths: &Paths, name: &Ident, span: Span, blame: TokenStream, units: &TokenStream) -> TokenStream {
    let core = &paths.core;
    check_at(
        span,
        quote_spanned! {span=> #core::__private::layout_failure_in::<#name>(#core::__private::Blame::#blame, #units) },
    )
}

/// The zero-sized struct an item is, spanned at its name (so that the
/// compiler's "defined here" notes point there).
fn unit_struct(attrs: &[Attribute], doc: &str, vis: &Visibility, name: &Ident, generics: &Generics) -> TokenStream {
    let doc = (!doc.is_empty()).then(|| quote!(#[doc = ""] #[doc = #doc]));
    quote_spanned! {name.span()=>
        #(#attrs)*
        #doc
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord
        )]
        #vis struct #name #generics;
    }
}

/// The `NAME` of an item's trait impl, and what it needs: the name as
/// written for an item that is not generic; for a generic one the name of
/// each instantiation (`Gray<4, 3>`), built by view-core in a hidden
/// associated constant, so that a failing instantiation's message names its
/// parameters.
fn name_constant(paths: &Paths, name: &Ident, generics: &Generics, cfgs: &[&Attribute]) -> (TokenStream, TokenStream) {
    let name_str = syn::ext::IdentExt::unraw(name).to_string();
    let params: Vec<&Ident> = generics.const_params().map(|c| &c.ident).collect();
    if params.is_empty() {
        return (quote!(#name_str), TokenStream::new());
    }
    let core = &paths.core;
    let i128_ = prim("i128");
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let items = quote! {
        #(#cfgs)*
        impl #impl_g #name #ty_g #where_c {
            const __STRIDED_VIEW_NAME: #core::__private::Message =
                #core::__private::instance_name(#name_str, &[#(#params as #i128_),*]);
        }
    };
    (
        quote!(#core::__private::Message::as_str(&Self::__STRIDED_VIEW_NAME)),
        items,
    )
}

/// The struct alone, emitted for an item that failed, so that later uses of
/// its name do not add "cannot find type" errors to the real one.
pub fn placeholder(attrs: &[Attribute], vis: &Visibility, name: &Ident, generics: &Generics) -> TokenStream {
    unit_struct(attrs, "", vis, name, generics)
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

/// The shape type of extents that are const arguments where expressible:
/// `AnyShape` as soon as one is not.
pub fn shape_type_of(paths: &Paths, extents: &[Option<TokenStream>]) -> TokenStream {
    match extents.iter().cloned().collect::<Option<Vec<_>>>() {
        Some(extents) => shape_type(paths, &extents),
        None => {
            let core = &paths.core;
            quote!(#core::shape::AnyShape)
        }
    }
}

/// The extents of a layout as written, as const arguments of its shape
/// type: in a layout that is not generic every extent is a constant
/// expression (in braces); in a generic one only literals and bare const
/// parameters are (stable Rust does not take `{ W - 2 }` as an argument).
pub fn declared_extents(item: &LayoutItem) -> Vec<Option<TokenStream>> {
    let values = item.shape.as_ref().map_or(&[][..], |f| &f.values[..]);
    let params: Vec<String> = item.generics.const_params().map(|c| c.ident.to_string()).collect();
    values
        .iter()
        .map(|e| {
            if params.is_empty() {
                return Some(quote!({ #e }));
            }
            match e {
                Expr::Lit(lit) => Some(lit.to_token_stream()),
                Expr::Path(p) if p.path.get_ident().is_some_and(|i| params.contains(&i.to_string())) => {
                    Some(p.to_token_stream())
                }
                _ => None,
            }
        })
        .collect()
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
/// `checks` (for items that are not generic), and the constructors.
fn layout_type(paths: &Paths, header: &Header<'_>, doc: &str, c: Constants, checks: TokenStream) -> TokenStream {
    let Header {
        attrs,
        vis,
        name,
        generics,
        writable,
        ..
    } = header;
    let core = &paths.core;
    let (usize_, isize_, i128_, str_) = (prim("usize"), prim("isize"), prim("i128"), prim("str"));
    let cfgs = cfgs(attrs);
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let Constants {
        rank,
        index,
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
    let (name_const, name_items) = name_constant(paths, name, generics, &cfgs);
    let unique_impl = writable.then(|| {
        quote! {
            #(#cfgs)*
            impl #impl_g #core::UniqueLayout for #name #ty_g #where_c {}
        }
    });
    let subviews: Vec<TokenStream> = (1..=rank.known.unwrap_or(0))
        .map(|k| {
            let rest = rank.known.unwrap_or(0) - k;
            quote! {
                #(#cfgs)*
                impl #impl_g #core::Subview<#k> for #name #ty_g #where_c {
                    type Rest = [#usize_; #rest];
                }
            }
        })
        .collect();
    let constructors = constructors(paths, header, (!header.is_generic()).then_some(&len));
    let struct_def = unit_struct(attrs, doc, vis, name, generics);
    let item_checks = (!header.is_generic()).then(|| {
        let trait_check = trait_check(paths, name, *writable);
        let checks = spanned_checks(name, checks);
        quote! {
            #(#cfgs)*
            const _: () = {
                #checks
                #trait_check
            };
        }
    });
    let rank = rank.tokens;
    let index = index.unwrap_or_else(|| quote!([#usize_; #rank]));
    quote! {
        #struct_def

        #(#cfgs)*
        impl #impl_g #core::Layout for #name #ty_g #where_c {
            type Index = #index;
            type Shape = #shape_type;
            const SHAPE: Self::Index = #shape;
            const STRIDES: <Self::Index as #core::Dim>::Strides = #strides;
            const SHAPE_SLICE: &'static [#usize_] = #shape_slice;
            const STRIDES_SLICE: &'static [#isize_] = #strides_slice;
            const OFFSET: #usize_ = #offset;
            const BUFFER_LEN: #usize_ = #len;
            const NAME: &'static #str_ = #name_const;
            const WRITTEN: &'static [#i128_] = #written;
            #certificate
        }
        #name_items
        #unique_impl
        #(#subviews)*
        #item_checks

        #(#cfgs)*
        impl #impl_g #name #ty_g #where_c {
            #constructors
        }
    }
}

/// `view` / `try_view` (and `view_mut` / `try_view_mut` for writable
/// layouts). With `len` (items that are not generic) the array type names
/// the buffer length, so that a wrong array is a type error; otherwise
/// (`[E; W * H]` is not a type stable Rust can write) any length is taken
/// and compared with `BUFFER_LEN` in const evaluation.
fn constructors(paths: &Paths, header: &Header<'_>, len: Option<&TokenStream>) -> TokenStream {
    let core = &paths.core;
    let vis = header.vis;
    let (elem_params, elem_ty) = elem_parts(header.elem);
    let (params, buffer) = match len {
        Some(len) => (quote!(#(#elem_params),*), quote!([#elem_ty; #len])),
        None => (
            quote!(#(#elem_params,)* const __STRIDED_VIEW_LEN: ::core::primitive::usize),
            quote!([#elem_ty; __STRIDED_VIEW_LEN]),
        ),
    };
    let generics = if params.is_empty() { quote!() } else { quote!(<#params>) };
    let (hidden, bound) = read_only_bound(header.writable, &quote!(Self), core);
    let write = quote! {
        /// A writable view of `buffer`; no run-time check: the layout is proven in bounds and unique.
        #hidden
        #[inline]
        #vis const fn view_mut #generics (buffer: &mut #buffer) -> #core::ViewMut<'_, #elem_ty, Self> #bound {
            #core::ViewMut::from_array(buffer)
        }
        /// A writable view of a slice, after one length check against `REQUIRED_LEN`.
        #hidden
        #[inline]
        #vis fn try_view_mut <#(#elem_params),*> (
            buffer: &mut [#elem_ty],
        ) -> ::core::result::Result<#core::ViewMut<'_, #elem_ty, Self>, #core::LengthError> #bound {
            #core::ViewMut::try_from_slice(buffer)
        }
    };
    quote! {
        /// A read-only view of `buffer`; no run-time check: the layout is proven in bounds.
        #[inline]
        #vis const fn view #generics (buffer: &#buffer) -> #core::View<'_, #elem_ty, Self> {
            #core::View::from_array(buffer)
        }
        /// A read-only view of a slice, after one length check against `REQUIRED_LEN`.
        #[inline]
        #vis fn try_view <#(#elem_params),*> (
            buffer: &[#elem_ty],
        ) -> ::core::result::Result<#core::View<'_, #elem_ty, Self>, #core::LengthError> {
            #core::View::try_from_slice(buffer)
        }
        #write
    }
}

/// For the writing constructors of a read-only layout: hidden from the
/// docs, and bound by `for<'x> TY: UniqueLayout` (a bound on a type with
/// no parameter must be higher-ranked for rustc to accept it where it does
/// not hold), so that calling one is an error carrying `UniqueLayout`'s
/// "declare it `mut`" message rather than "no function named `view_mut`".
fn read_only_bound(writable: bool, ty: &TokenStream, core: &TokenStream) -> (TokenStream, TokenStream) {
    if writable {
        (quote!(), quote!())
    } else {
        (quote!(#[doc(hidden)]), quote!(where for<'__x> #ty: #core::UniqueLayout))
    }
}

/// The doc of a layout the macro evaluated: its numbers, its NumPy
/// equivalent, and a picture of the buffer elements it reaches.
fn literal_doc(header: &Header<'_>, lit: &Literal) -> String {
    format!(
        "Layout over `[{}; {}]`: shape `{:?}`, strides `{:?}`, offset `{}`{}.\n\n{}\n\n{}",
        elem_text(header.elem),
        lit.len,
        lit.shape,
        lit.strides,
        lit.offset,
        if header.writable {
            ", writable (proven unique)"
        } else {
            ""
        },
        layout_doc::numpy(header.elem, lit),
        layout_doc::picture(lit),
    )
}

/// The parts of a generated layout's doc that explain it: what NumPy calls
/// it, and which buffer elements it reaches how often (bounded in size).
mod layout_doc {
    use super::{Elem, Literal};

    /// NumPy's dtype and size of a primitive element type whose size does
    /// not depend on the target (`usize`/`isize` do); the size alone for
    /// those NumPy has no dtype for.
    fn dtype(elem: &Elem) -> Option<(Option<&'static str>, usize)> {
        let Elem::Type(ty) = elem else { return None };
        let syn::Type::Path(path) = &**ty else { return None };
        let ident = path.path.get_ident()?;
        Some(match ident.to_string().as_str() {
            "i8" => (Some("np.int8"), 1),
            "u8" => (Some("np.uint8"), 1),
            "bool" => (Some("np.bool_"), 1),
            "i16" => (Some("np.int16"), 2),
            "u16" => (Some("np.uint16"), 2),
            "i32" => (Some("np.int32"), 4),
            "u32" => (Some("np.uint32"), 4),
            "f32" => (Some("np.float32"), 4),
            "char" => (None, 4),
            "i64" => (Some("np.int64"), 8),
            "u64" => (Some("np.uint64"), 8),
            "f64" => (Some("np.float64"), 8),
            "i128" | "u128" => (None, 16),
            _ => return None,
        })
    }

    /// A Python tuple: `()`, `(12,)`, `(4, 3)`.
    fn tuple<T: ToString>(values: &[T]) -> String {
        match values {
            [one] => format!("({},)", one.to_string()),
            _ => format!("({})", values.iter().map(T::to_string).collect::<Vec<_>>().join(", ")),
        }
    }

    /// `np.ndarray(..)` of the layout: byte strides and offset where the
    /// element size is known here, element units (with a note) otherwise.
    pub fn numpy(elem: &Elem, lit: &Literal) -> String {
        let shape = tuple(&lit.shape);
        match dtype(elem) {
            Some((dtype, size)) => {
                let strides: Vec<i128> = lit.strides.iter().map(|&s| s as i128 * size as i128).collect();
                let offset = lit.offset as i128 * size as i128;
                let (dtype, note) = match dtype {
                    Some(name) => (format!(", dtype={name}"), String::new()),
                    None => (String::new(), format!(" (no NumPy dtype: {size}-byte elements)")),
                };
                format!(
                    "NumPy: `np.ndarray(shape={shape}, strides={}, offset={offset}{dtype}, buffer=buf)`{note}, \
                     strides and offset in bytes.",
                    tuple(&strides),
                )
            }
            None => format!(
                "NumPy: `np.ndarray(shape={shape}, strides={}, offset={}, buffer=buf)` with strides and \
                 offset in elements: NumPy's are these times the element's size in bytes (not known to the macro).",
                tuple(&lit.strides),
                lit.offset,
            ),
        }
    }

    /// The most indices enumerated to draw the picture.
    const MAX_INDICES: u128 = 1 << 16;
    /// The most characters in the picture; longer buffers are drawn in
    /// buckets of elements.
    const WIDTH: usize = 64;

    /// How often each element of the buffer is reached, drawn one character
    /// per element (`.` not reached, `1`-`9`, `+` for more) for buffers of
    /// up to 64 elements, else one character per bucket of elements (`#`
    /// some element reached, `.` none).
    pub fn picture(lit: &Literal) -> String {
        let size: u128 = lit.shape.iter().fold(1u128, |acc, &n| acc.saturating_mul(n as u128));
        let summary = format!(
            "{size} {} reach{} {} of the buffer's {} elements",
            if size == 1 { "index" } else { "indices" },
            if size == 1 { "es" } else { "" },
            match footprint(lit) {
                Some((low, high)) => format!("elements {low} to {high}"),
                None => "no element".to_owned(),
            },
            lit.len,
        );
        if size == 0 || lit.len == 0 {
            return format!("{summary}.");
        }
        if size > MAX_INDICES {
            return format!("{summary} (too many indices to draw).");
        }
        // Counts per element for short buffers, per bucket for long ones:
        // never an allocation in proportion to the buffer.
        let bucket = lit.len.div_ceil(WIDTH).max(1);
        let mut counts = vec![0u32; lit.len.div_ceil(bucket)];
        each_element(lit, |e| {
            let slot = usize::try_from(e).ok().filter(|&e| e < lit.len).map(|e| e / bucket);
            if let Some(count) = slot.and_then(|slot| counts.get_mut(slot)) {
                *count = count.saturating_add(1);
            }
        });
        let (chars, legend): (String, String) = if bucket == 1 {
            let chars = counts
                .iter()
                .map(|&c| match c {
                    0 => '.',
                    1..=9 => char::from(b'0' + c as u8),
                    _ => '+',
                })
                .collect();
            (
                chars,
                "one character per element: `.` not reached, a digit the number of indices reaching it, `+` ten or more"
                    .to_owned(),
            )
        } else {
            let chars = counts.iter().map(|&c| if c > 0 { '#' } else { '.' }).collect();
            (
                chars,
                format!("one character per {bucket} elements: `#` some element reached, `.` none"),
            )
        };
        format!("{summary}; {legend}:\n\n```text\n[{chars}]\n```")
    }

    /// The lowest and highest element reached (`None` when empty).
    fn footprint(lit: &Literal) -> Option<(i128, i128)> {
        if lit.shape.contains(&0) {
            return None;
        }
        let (mut low, mut high) = (lit.offset as i128, lit.offset as i128);
        for (&n, &s) in lit.shape.iter().zip(&lit.strides) {
            let term = (s as i128).saturating_mul(n as i128 - 1);
            if term < 0 {
                low = low.saturating_add(term);
            } else {
                high = high.saturating_add(term);
            }
        }
        Some((low, high))
    }

    /// Calls `f` with the element of every index, in C order (an odometer).
    fn each_element(lit: &Literal, mut f: impl FnMut(i128)) {
        if lit.shape.contains(&0) {
            return;
        }
        let mut index = vec![0usize; lit.shape.len()];
        loop {
            let element = index
                .iter()
                .zip(&lit.strides)
                .fold(lit.offset as i128, |acc, (&i, &s)| {
                    acc.saturating_add((i as i128).saturating_mul(s as i128))
                });
            f(element);
            let mut axis = lit.shape.len();
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                index[axis] += 1;
                if index[axis] < lit.shape[axis] {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::prove::Peaks;
        use view_core::proof::Uniqueness;

        fn lit(shape: &[usize], strides: &[isize], offset: usize, len: usize) -> Literal {
            Literal {
                shape: shape.to_vec(),
                strides: strides.to_vec(),
                offset,
                len,
                uniqueness: Uniqueness::Unique,
                settled_by_rules: true,
                peaks: Peaks::default(),
                assumed_elem_size: None,
            }
        }

        fn elem(ty: &str) -> Elem {
            Elem::Type(Box::new(syn::parse_str(ty).unwrap()))
        }

        #[test]
        fn numpy_equivalents_in_bytes_when_the_size_is_known() {
            let matrix = lit(&[4, 3], &[3, 1], 0, 12);
            assert!(numpy(&elem("i64"), &matrix).starts_with(
                "NumPy: `np.ndarray(shape=(4, 3), strides=(24, 8), offset=0, dtype=np.int64, buffer=buf)`"
            ));
            let reversed = lit(&[12], &[-1], 11, 12);
            assert!(numpy(&elem("f32"), &reversed)
                .starts_with("NumPy: `np.ndarray(shape=(12,), strides=(-4,), offset=44, dtype=np.float32"));
            assert!(numpy(&Elem::Any, &reversed)
                .contains("strides=(-1,), offset=11, buffer=buf)` with strides and offset in elements"));
            assert!(numpy(&elem("usize"), &reversed).contains("in elements"));
            assert!(numpy(&elem("u128"), &lit(&[], &[], 2, 4))
                .contains("shape=(), strides=(), offset=32, buffer=buf)` (no NumPy dtype: 16-byte"));
        }

        #[test]
        fn pictures_count_each_element_or_bucket() {
            let diagonal = picture(&lit(&[4], &[5], 0, 16));
            assert!(diagonal.starts_with("4 indices reach elements 0 to 15 of the buffer's 16 elements;"));
            assert!(diagonal.ends_with("```text\n[1....1....1....1]\n```"));
            let broadcast = picture(&lit(&[3, 4], &[0, 1], 0, 4));
            assert!(broadcast.ends_with("[3333]\n```"));
            let many = picture(&lit(&[12], &[0], 1, 3));
            assert!(many.ends_with("[.+.]\n```"));
            let big = picture(&lit(&[8], &[16], 0, 128));
            assert!(big.contains("one character per 2 elements"));
            assert!(big.ends_with(&format!("[{}]\n```", "#.......".repeat(8))));
            assert_eq!(
                picture(&lit(&[0, 5], &[1000, -1000], 10, 10)),
                "0 indices reach no element of the buffer's 10 elements."
            );
            assert!(picture(&lit(&[1 << 20], &[1], 0, 1 << 20)).ends_with("(too many indices to draw)."));
            assert!(picture(&lit(&[], &[], 2, 3)).starts_with("1 index reaches elements 2 to 2"));
            // Extreme numbers (derived layouts reach them): no allocation in
            // proportion to the buffer, no overflow.
            let huge = picture(&lit(&[2], &[isize::MIN + 1], usize::MAX / 2, usize::MAX / 2 + 1));
            assert!(huge.contains("one character per"));
            let wide = picture(&lit(&[1 << 40, 1 << 40, 0], &[1, 1, 1], 0, 0));
            assert!(wide.starts_with("0 indices"));
        }
    }
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
        let (_, elem_ty) = elem_parts(header.elem);
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
        rank: Rank::of(shape.len()),
        index: None,
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
    let (_, elem_ty) = elem_parts(header.elem);
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
    // A number whose type its constants decide (`W`, `W * 2`) may have any
    // integer type: converted exactly, an overflow is an error at its token.
    let convert = |expr: &Expr, what: String, to: &str| {
        if !crate::eval::typed_by_constants(expr) {
            return expr.to_token_stream();
        }
        // Written at the call site (generated code, which lints such as
        // clippy's `unnecessary_cast` of a `u128` constant leave alone),
        // then located at the number, so that a compile error points at it;
        // `$crate` keeps its own resolution.
        let span = syn::spanned::Spanned::span(expr);
        let to = Ident::new(to, Span::call_site());
        let binding = located_at(&quote!(let __value =), span);
        let call = located_at(
            &quote! {
                ;
                #core::__private::#to(
                    #name_str,
                    #what,
                    #core::__private::is_signed(&__value),
                    __value as ::core::primitive::i128,
                    __value as ::core::primitive::u128,
                )
            },
            span,
        );
        let mut block = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(#binding #expr #call));
        block.set_span(Span::call_site().located_at(span));
        block.into_token_stream()
    };
    let converted_list = |f: &ast::ListField, what: &str| {
        let values = f
            .values
            .iter()
            .enumerate()
            .map(|(k, e)| convert(e, format!("the {what} of axis {k}"), "to_isize"));
        quote!([#(#values),*])
    };
    let strides = match (&item.strides, &item.byte_strides) {
        (Some(f), _) => converted_list(f, "stride"),
        (None, Some(f)) => {
            let bytes = converted_list(f, "byte stride");
            unwrap(
                f.bracket_span,
                quote!(#core::__private::strides_from_bytes::<#rank>(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(#core::__private::c_order_strides::<#rank>(<Self as #core::Layout>::SHAPE)),
    };
    let offset = match (&item.offset, &item.byte_offset) {
        (Some(f), _) => convert(&f.value, "the offset".to_owned(), "to_usize"),
        (None, Some(f)) => {
            let bytes = convert(&f.value, "the byte offset".to_owned(), "to_usize");
            unwrap(
                syn::spanned::Spanned::span(&f.value),
                quote!(#core::__private::offset_from_bytes(#name_str, #bytes, #size_of_elem)),
            )
        }
        (None, None) => quote!(0),
    };
    let units = match crate::prove::offset_units(item, Some(0)) {
        view_core::proof::Units::Bytes(_) => quote!(#core::__private::Units::Bytes(#size_of_elem)),
        view_core::proof::Units::Elements => quote!(#core::__private::Units::Elements),
    };
    let mut checks = TokenStream::new();
    if let Some(field) = item.strides.as_ref().or(item.byte_strides.as_ref()) {
        for (k, expr) in field.values.iter().enumerate() {
            let span = syn::spanned::Spanned::span(expr);
            checks.extend(layout_check_in(paths, name, span, quote!(Stride(#k)), &units));
        }
    }
    if let Some(value) = item.offset.as_ref().or(item.byte_offset.as_ref()).map(|f| &f.value) {
        let span = syn::spanned::Spanned::span(value);
        checks.extend(layout_check_in(paths, name, span, quote!(Offset), &units));
    }
    checks.extend(layout_check_in(paths, name, name.span(), quote!(Any), &units));
    if header.writable {
        checks.extend(check_at(
            name.span(),
            quote!(#core::__private::writable_failure::<#name>()),
        ));
    }
    let doc = format!(
        "Layout over `[{}; {}]`, written with {} and proven in const evaluation{}.",
        elem_text(header.elem),
        item.len.to_token_stream(),
        if header.is_generic() {
            "const parameters"
        } else {
            "named constants"
        },
        if header.is_generic() {
            " for each instantiation"
        } else {
            ""
        },
    );
    let constants = Constants {
        rank: Rank::of(rank),
        index: None,
        shape_type: shape_type_of(paths, &declared_extents(item)),
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
        generics: &item.generics,
        elem: &item.elem,
        writable: item.mutable.is_some(),
    };
    match proven {
        Proven::Literal(lit) => literal_layout(paths, &header, lit, Some(item)),
        Proven::Deferred(deferred) => deferred_layout(paths, &header, item, &deferred.written),
    }
}

/// The `DerivedFrom` impls of a derived layout and its `of` / `of_mut`
/// conversions from its parent's views.
///
/// The impl for the parent lists `operations`; the impl for each farther
/// ancestor (with the number of operations from it) chains the parent's
/// list from that ancestor and this one, by name (`chain_ops`), so that a
/// chain of derived items does not repeat its operations in every impl.
fn derivation(
    paths: &Paths,
    header: &Header<'_>,
    parent: &syn::Path,
    operations: &[Operation],
    farther: &[(syn::Path, usize)],
) -> TokenStream {
    let Header {
        attrs,
        vis,
        name,
        generics,
        writable,
        ..
    } = header;
    let cfgs = cfgs(attrs);
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let core = &paths.core;
    let op_ty = quote!(#core::__private::Op<'static>);
    let ops = operations
        .iter()
        .map(|op| op.to_expr(core, &syn::ext::IdentExt::unraw(*name).to_string()));
    let mut out = quote! {
        #(#cfgs)*
        impl #impl_g #core::DerivedFrom<#parent> for #name #ty_g #where_c {
            const OPS: &'static [#op_ty] = &[#(#ops),*];
        }
    };
    for (ancestor, count) in farther {
        let count = proc_macro2::Literal::usize_unsuffixed(*count);
        out.extend(quote! {
            #(#cfgs)*
            impl #impl_g #core::DerivedFrom<#ancestor> for #name #ty_g #where_c {
                const OPS: &'static [#op_ty] = &#core::__private::chain_ops::<#count>(
                    <#parent as #core::DerivedFrom<#ancestor>>::OPS,
                    <Self as #core::DerivedFrom<#parent>>::OPS,
                );
            }
        });
    }
    // The parent's element type is the derived layout's; a parent declared
    // elsewhere serves any element type.
    let (elem_param, elem_ty) = elem_parts(header.elem);
    let params = quote!(<'a #(, #elem_param)*>);
    // A read-only derived layout may have a read-only parent too, whose
    // writable view the argument names.
    let (hidden, mut bound) = read_only_bound(*writable, &quote!(Self), core);
    if !writable {
        bound.extend(quote!(, for<'__x> #parent: #core::UniqueLayout));
    }
    let of_mut = quote! {
        /// The same elements of a writable view of the parent layout, through this one.
        #hidden
        #[inline]
        #vis fn of_mut #params (view: #core::ViewMut<'a, #elem_ty, #parent>) -> #core::ViewMut<'a, #elem_ty, Self> #bound {
            view.derive_mut()
        }
    };
    out.extend(quote! {
        #(#cfgs)*
        impl #impl_g #name #ty_g #where_c {
            /// The same elements of a view of the parent layout, through this one; no run-time work.
            #[inline]
            #vis fn of #params (view: #core::View<'a, #elem_ty, #parent>) -> #core::View<'a, #elem_ty, Self> {
                view.derive()
            }
            #of_mut
        }
    });
    out
}

/// Expands a derived item the macro computed: a literal layout, plus its
/// derivation.
pub fn expand_derived(
    paths: &Paths,
    header: &Header<'_>,
    lit: &Literal,
    parent: &syn::Path,
    operations: &[Operation],
    farther: &[(syn::Path, usize)],
) -> TokenStream {
    let mut out = literal_layout(paths, header, lit, None);
    out.extend(derivation(paths, header, parent, operations, farther));
    out
}

/// Expands a derived item computed in const evaluation: its constants are
/// view-core's algebra applied to the parent's (`DerivedParts`), its
/// certificate the one view-core derives from the parent's uniqueness; each
/// operation of an item that is not generic gets an item-level check
/// spanned at it.
pub fn expand_const_derived(
    paths: &Paths,
    header: &Header<'_>,
    derived: &ConstDerived,
    parent: &syn::Path,
    ops: &[ast::Op],
) -> TokenStream {
    let core = &paths.core;
    let name = header.name;
    let name_str = syn::ext::IdentExt::unraw(name).to_string();
    let parts = quote!(<#core::__private::DerivedParts<#parent, Self>>);
    let usize_ = prim("usize");
    // The index type: `[usize; R]` where the macro knows the rank; else
    // computed from the parent's rank (an item that is not generic), or the
    // parent's own index type, or that of its trailing axes.
    let index = match derived.rank {
        Some(r) => quote!([#usize_; #r]),
        None if !header.is_generic() => {
            let mut rank = quote!(<<#parent as #core::Layout>::Index as #core::Dim>::RANK);
            for step in &derived.rank_steps {
                rank = match step {
                    RankStep::Less => quote!((#rank - 1)),
                    RankStep::More => quote!((#rank + 1)),
                    RankStep::Double => quote!((#rank * 2)),
                };
            }
            quote!([#usize_; #rank])
        }
        None => match derived.rank_steps.len() {
            0 => quote!(<#parent as #core::Layout>::Index),
            lost => quote!(<#parent as #core::Subview<#lost>>::Rest),
        },
    };
    // The extents: exact constant expressions for an item that is not
    // generic (they name no parameter), the tracked ones otherwise.
    let extents: Vec<Option<TokenStream>> = match (header.is_generic(), derived.rank) {
        (false, Some(r)) => (0..r)
            .map(|k| Some(quote!({ <#core::__private::DerivedParts<#parent, #name>>::EXTENTS[#k] })))
            .collect(),
        (_, None) => vec![None],
        (true, Some(_)) => derived.extents.clone(),
    };
    let mut checks = TokenStream::new();
    for (k, op) in ops.iter().enumerate() {
        let span = op.method.span();
        let ops_of = quote!(<#name as #core::DerivedFrom<#parent>>::OPS);
        checks.extend(check_at(
            span,
            quote_spanned!(span=> #core::__private::derivation_failure::<#parent>(#name_str, #ops_of, #k)),
        ));
    }
    checks.extend(layout_check(paths, name, name.span(), quote!(Any)));
    if header.writable {
        // Not unique: blamed on the first operation that can repeat
        // elements, if any (else on the name: the parent is not unique).
        let span = ops
            .iter()
            .zip(&derived.operations)
            .find(|(_, o)| !o.is_injective())
            .map_or(name.span(), |(op, _)| op.method.span());
        checks.extend(check_at(span, quote!(#core::__private::writable_failure::<#name>())));
    }
    let doc = format!(
        "Layout derived from `{}` by `{}`, computed in const evaluation{}.",
        parent.to_token_stream().to_string().replace(' ', ""),
        ops.iter().map(ast::Op::text).collect::<Vec<_>>().join("."),
        if header.is_generic() {
            " for each instantiation"
        } else {
            ""
        },
    );
    let constants = Constants {
        rank: Rank {
            known: derived.rank,
            tokens: TokenStream::new(),
        },
        index: Some(index),
        shape_type: shape_type_of(paths, &extents),
        shape: quote!(#parts::SHAPE),
        strides: quote!(#parts::STRIDES),
        shape_slice: quote!(#parts::SHAPE_SLICE),
        strides_slice: quote!(#parts::STRIDES_SLICE),
        offset: quote!(#parts::OFFSET),
        len: quote!(<#parent as #core::Layout>::BUFFER_LEN),
        written: quote!(&[]),
        certificate: Some(quote! {
            const CERTIFICATE: #core::__private::Certificate = <#core::__private::DerivedCertificate<#parent, Self>>::CERTIFICATE;
        }),
    };
    let mut out = layout_type(paths, header, &doc, constants, checks);
    out.extend(derivation(paths, header, parent, &derived.operations, &[]));
    out
}

/// How a split's constructors take their buffer and which element type
/// they use.
pub struct SplitBuffer<'a> {
    /// The element type (of the members declared in this invocation, or any).
    pub elem: &'a Elem,
    /// The buffer length, when the split's array type can name it (no
    /// generic member, none declared elsewhere).
    pub len: Option<TokenStream>,
}

/// Expands one proven split item. `members` holds each member's literal
/// layout when the macro evaluated it (`None`: left to const evaluation);
/// `searched` the pairs whose disjointness the macro decided by a search,
/// which get certificate records. A member left to const evaluation gets an
/// item-level check, so that `cargo check` reports (for a split that is not
/// generic).
pub fn expand_split(
    paths: &Paths,
    split: &SplitItem,
    buffer: &SplitBuffer<'_>,
    members: &[Option<&Literal>],
    searched: &[(usize, usize)],
) -> TokenStream {
    let SplitItem {
        attrs,
        vis,
        name,
        generics,
        members: member_paths,
        ..
    } = split;
    let core = &paths.core;
    let cfgs = cfgs(attrs);
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let (name_const, name_items) = name_constant(paths, name, generics, &cfgs);
    let (elem_param, elem_ty) = elem_parts(buffer.elem);
    let views: Vec<TokenStream> = member_paths
        .iter()
        .map(|m| quote!(#core::ViewMut<'_, #elem_ty, #m>))
        .collect();
    let first = &member_paths[0];
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
    let item_checks = generics.params.is_empty().then(|| {
        let checks = if members.iter().any(Option::is_none) {
            check_at(name.span(), quote!(#core::__private::split_failure::<#name>()))
        } else {
            quote!()
        };
        let trait_check = quote_spanned! {name.span()=>
            let () = <#name as #core::Partition>::CHECK_SPLITTABLE;
        };
        let checks = spanned_checks(name, checks);
        quote! {
            #(#cfgs)*
            const _: () = {
                #checks
                #trait_check
            };
        }
    });
    let doc = format!(
        "Split of one buffer into writable views {}, proven pairwise disjoint.",
        member_paths
            .iter()
            .map(|m| format!("`{}`", m.to_token_stream().to_string().replace(' ', "")))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let usize_ = prim("usize");
    let str_ = prim("str");
    let struct_def = unit_struct(attrs, &doc, vis, name, generics);
    let (params, array, length) = match &buffer.len {
        Some(len) => (quote!(#(#elem_param),*), quote!([#elem_ty; #len]), quote!({ #len })),
        None => (
            quote!(#(#elem_param,)* const __STRIDED_VIEW_LEN: #usize_),
            quote!([#elem_ty; __STRIDED_VIEW_LEN]),
            quote!(__STRIDED_VIEW_LEN),
        ),
    };
    let split_generics = if params.is_empty() { quote!() } else { quote!(<#params>) };
    quote! {
        #struct_def

        #(#cfgs)*
        impl #impl_g #core::Partition for #name #ty_g #where_c {
            type Members = (#(#member_paths,)*);
            const BUFFER_LEN: #usize_ = <#first as #core::Layout>::BUFFER_LEN;
            const NAME: &'static #str_ = #name_const;
            #certificate
        }
        #name_items
        #item_checks

        #(#cfgs)*
        impl #impl_g #name #ty_g #where_c {
            /// One writable view per member; no run-time check: the members are proven disjoint.
            #[inline]
            #vis fn split #split_generics (buffer: &mut #array) -> (#(#views,)*) {
                #core::split_array::<Self, #elem_ty, #length>(buffer)
            }
            /// One writable view per member of a slice, after one length check.
            #[inline]
            #vis fn try_split <#(#elem_param),*> (
                buffer: &mut [#elem_ty],
            ) -> ::core::result::Result<(#(#views,)*), #core::LengthError> {
                #core::try_split_slice::<Self, #elem_ty>(buffer)
            }
            /// A slice of any length as a stream: one writable view per member of each
            /// whole block, then the tail as run-time views (see `chunks_mut`;
            /// `.for_each_chunk(block, tail)` takes a closure for each).
            #[inline]
            #vis fn chunks_mut <#(#elem_param),*> (
                buffer: &mut [#elem_ty],
            ) -> #core::ChunksMut<'_, #elem_ty, Self> {
                #core::chunks_mut::<Self, #elem_ty>(buffer)
            }
        }
    }
}
