//! Parse: the DSL's tokens into a typed AST that keeps every span.
//!
//! The input is first cut into items (a layout ends with its `{ .. }` body, a
//! split with `;`), so that a syntax error in one item does not hide the
//! errors of the others.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{bracketed, parenthesized, Attribute, Expr, GenericParam, Generics, Ident, Path, Token, Type, Visibility};

/// One item of the DSL.
pub enum Item {
    Layout(Box<LayoutItem>),
    Derived(DerivedItem),
    Split(SplitItem),
}

impl Item {
    /// The item's attributes, visibility, name and const parameters.
    pub fn parts(&self) -> (&[Attribute], &Visibility, &Ident, &Generics) {
        match self {
            Item::Layout(l) => (&l.attrs, &l.vis, &l.name, &l.generics),
            Item::Derived(d) => (&d.attrs, &d.vis, &d.name, &d.generics),
            Item::Split(s) => (&s.attrs, &s.vis, &s.name, &s.generics),
        }
    }
}

/// `attrs vis mut? NAME<const ..>? = PARENT.op(..).op(..);`, where PARENT
/// is a path with optional generic arguments (`Gray<W, H>`,
/// `crate::layouts::Img`).
pub struct DerivedItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub mutable: Option<Token![mut]>,
    pub name: Ident,
    pub generics: Generics,
    pub parent: Path,
    pub ops: Vec<Op>,
}

/// One operation of the layout algebra, `.method(args)`.
pub struct Op {
    pub method: Ident,
    pub args: Vec<Expr>,
}

impl Op {
    /// The operation as written, for messages: `slice(0, 1..-1)`.
    pub fn text(&self) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|a| tidy(&a.to_token_stream().to_string()))
            .collect();
        format!("{}({})", self.method, args.join(", "))
    }

    /// The tokens of the operation, for spanning errors at it: the method
    /// name through its last argument (the parentheses' own span is lost
    /// when tokens are re-quoted, so they are left out).
    pub fn tokens(&self) -> TokenStream {
        let method = &self.method;
        let args = &self.args;
        quote::quote!(#method #(#args)*)
    }
}

/// Undoes the token printer's spacing in small expressions: `1 .. - 1` to `1..-1`.
fn tidy(text: &str) -> String {
    let mut out = text.replace(" .. ", "..").replace(".. ", "..").replace(" ..", "..");
    for (from, to) in [("[ ", "["), (" ]", "]"), (" ,", ","), ("( ", "("), (" )", ")")] {
        out = out.replace(from, to);
    }
    // A unary minus (after an opening bracket, a comma or `..`) sticks to its operand.
    for prefix in ["[", "(", ", ", ".."] {
        out = out.replace(&format!("{prefix}- "), &format!("{prefix}-"));
    }
    if let Some(rest) = out.strip_prefix("- ") {
        out = format!("-{rest}");
    }
    out
}

/// The element type: a concrete type, or `_` for any element type.
pub enum Elem {
    Any,
    Type(Box<Type>),
}

/// `attrs vis mut? NAME<const ..>?: [ELEM; LEN] { fields }`
pub struct LayoutItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub mutable: Option<Token![mut]>,
    pub name: Ident,
    pub generics: Generics,
    pub elem: Elem,
    pub len: Expr,
    pub body_span: Span,
    pub shape: Option<ListField>,
    pub strides: Option<ListField>,
    pub byte_strides: Option<ListField>,
    pub offset: Option<ScalarField>,
    pub byte_offset: Option<ScalarField>,
}

impl LayoutItem {
    /// Whether both members of a field family were given (`strides` and
    /// `byte_strides`, or `offset` and `byte_offset`): the parser reported
    /// it, and nothing more is said about the layout.
    pub fn conflict(&self) -> bool {
        (self.strides.is_some() && self.byte_strides.is_some()) || (self.offset.is_some() && self.byte_offset.is_some())
    }
}

/// `key: [e0, e1, ..]`
pub struct ListField {
    pub key: Ident,
    pub bracket_span: Span,
    pub values: Vec<Expr>,
}

/// `key: expr`
pub struct ScalarField {
    pub key: Ident,
    pub value: Expr,
}

/// `attrs vis split NAME<const ..>? = (A, B, ..);`, each member a path with
/// optional generic arguments.
pub struct SplitItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub name: Ident,
    pub generics: Generics,
    pub members: Vec<Path>,
    pub members_span: Span,
}

/// The name of a path that is a single identifier (with or without generic
/// arguments): how a parent or member declared in the same invocation is named.
pub fn single_name(path: &Path) -> Option<&Ident> {
    match (path.leading_colon, path.segments.len()) {
        (None, 1) => path.segments.first().map(|s| &s.ident),
        _ => None,
    }
}

/// The generic arguments written on a path's last segment (`W, H` of `Gray<W, H>`).
pub fn path_arguments(path: &Path) -> Vec<&syn::GenericArgument> {
    match path.segments.last().map(|s| &s.arguments) {
        Some(syn::PathArguments::AngleBracketed(args)) => args.args.iter().collect(),
        _ => Vec::new(),
    }
}

/// `<const W: usize, const H: usize>` after an item's name, if any: const
/// parameters of integer types only.
fn parse_generics(input: ParseStream<'_>, name: &Ident) -> syn::Result<Generics> {
    if !input.peek(Token![<]) {
        return Ok(Generics::default());
    }
    let generics: Generics = input.parse()?;
    for param in &generics.params {
        let GenericParam::Const(c) = param else {
            return Err(syn::Error::new_spanned(
                param,
                format!("layout `{name}`: a layout takes const parameters of integer types only, such as `<const W: usize>`"),
            ));
        };
        if !is_integer_type(&c.ty) {
            return Err(syn::Error::new_spanned(
                &c.ty,
                format!(
                    "layout `{name}`: const parameter `{}` must have an integer type (usize, isize, u32, ..)",
                    c.ident
                ),
            ));
        }
    }
    Ok(generics)
}

/// Whether `ty` is a primitive integer type (by name or `::core::primitive::` path).
fn is_integer_type(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    matches!(
        last.ident.to_string().as_str(),
        "usize" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "i8" | "i16" | "i32" | "i64" | "i128"
    )
}

/// Cuts the input into item token streams: a chunk ends after a brace group
/// (a layout body), or after a `;` once an `=` was seen (a split or derived
/// item) or when the chunk began with `crate` (the header `crate = PATH;`,
/// so that a header without its `=` does not swallow the next item). A `;`
/// without either belongs to a malformed layout (`NAME: i64; 12`), which then
/// stays one item with one error.
pub fn chunks(input: TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut seen_equals = false;
    for tree in input {
        if current.is_empty() && matches!(&tree, TokenTree::Ident(i) if i == "crate") {
            seen_equals = true;
        }
        let ends = match &tree {
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            TokenTree::Punct(p) if p.as_char() == '=' => {
                seen_equals = true;
                false
            }
            TokenTree::Punct(p) => p.as_char() == ';' && seen_equals,
            _ => false,
        };
        if ends {
            seen_equals = false;
        }
        current.push(tree);
        if ends {
            out.push(current.drain(..).collect());
        }
    }
    if !current.is_empty() {
        out.push(current.into_iter().collect());
    }
    out
}

/// Runs `parse` on the tokens of one chunk.
///
/// They are parsed inside a group spanned at the chunk's last token, so that
/// "end of input" errors of an item cut short point at its end, not at the
/// whole macro call.
fn parse_chunk<T>(chunk: TokenStream, parse: impl FnOnce(ParseStream<'_>) -> syn::Result<T>) -> syn::Result<T> {
    let end = chunk
        .clone()
        .into_iter()
        .last()
        .map_or_else(Span::call_site, |t| t.span());
    let mut group = proc_macro2::Group::new(Delimiter::Brace, chunk);
    group.set_span(end);
    let parser = |input: ParseStream<'_>| {
        let content;
        syn::braced!(content in input);
        parse(&content)
    };
    parser.parse2(TokenStream::from(TokenTree::Group(group)))
}

/// Whether a chunk is the header `crate = PATH;` (it starts with the keyword
/// `crate`, which no item can start with).
pub fn is_header(chunk: &TokenStream) -> bool {
    parse_chunk(chunk.clone(), |input| {
        let header = input.peek(Token![crate]);
        input.parse::<TokenStream>()?;
        Ok(header)
    })
    .unwrap_or(false)
}

/// Parses the header `crate = PATH;`: the path through which the expansion
/// names the core crate (`$crate` when the `strided-view` crate's
/// `strided_view!` forwards to this macro).
pub fn parse_header(chunk: TokenStream) -> syn::Result<Path> {
    const USAGE: &str =
        "the header `crate = PATH;` names the path of the core crate, such as `crate = ::strided_view;`";
    parse_chunk(chunk, |input| {
        input.parse::<Token![crate]>()?;
        if !input.peek(Token![=]) {
            return Err(input.error(format!("expected `=` after `crate`: {USAGE}")));
        }
        input.parse::<Token![=]>()?;
        if input.is_empty() || input.peek(Token![;]) {
            return Err(input.error(format!("expected a path after `crate =`: {USAGE}")));
        }
        let path = Path::parse_mod_style(input)
            .map_err(|e| syn::Error::new(e.span(), format!("expected a path after `crate =`: {USAGE}")))?;
        if !input.peek(Token![;]) {
            return Err(input.error(format!(
                "expected `;` after the path of the core crate (a path without generic arguments): {USAGE}"
            )));
        }
        input.parse::<Token![;]>()?;
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after `;`"));
        }
        Ok(path)
    })
}

/// Parses one chunk; field-level mistakes are collected in `errors` so that
/// all of them are reported, not just the first.
pub fn parse_item(chunk: TokenStream, errors: &mut Vec<syn::Error>) -> Option<Item> {
    match parse_chunk(chunk, |input| parse_item_inner(input, errors)) {
        Ok(item) => Some(item),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn parse_item_inner(input: ParseStream<'_>, errors: &mut Vec<syn::Error>) -> syn::Result<Item> {
    if input.peek(Token![crate]) {
        return Err(input.error(
            "the header `crate = PATH;` must be the first item of the invocation, and given once (`strided_view::strided_view!` gives it already)",
        ));
    }
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    if input.peek(Ident) && input.peek2(Ident) {
        let fork = input.fork();
        let keyword: Ident = fork.parse()?;
        if keyword == "split" {
            input.parse::<Ident>()?;
            return parse_split(input, attrs, vis).map(Item::Split);
        }
    }
    let mutable: Option<Token![mut]> = input.parse()?;
    let name: Ident = input.parse()?;
    let generics = parse_generics(input, &name)?;
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return parse_derived(input, attrs, vis, mutable, name, generics).map(Item::Derived);
    }
    if !input.peek(Token![:]) {
        return Err(input.error(format!(
            "expected `:` and the buffer after layout `{name}`: `{name}: [ELEM; LEN] {{ shape: [..] }}`, or `=` for a derived layout"
        )));
    }
    input.parse::<Token![:]>()?;
    let buffer_syntax = |span: Span| {
        syn::Error::new(
            span,
            format!("layout `{name}`: the buffer is written `[ELEM; LEN]`, for example `[i64; 12]` or `[_; 16]`"),
        )
    };
    if !input.peek(syn::token::Bracket) {
        return Err(buffer_syntax(input.span()));
    }
    let buffer;
    bracketed!(buffer in input);
    let elem = if buffer.peek(Token![_]) {
        buffer.parse::<Token![_]>()?;
        Elem::Any
    } else {
        Elem::Type(buffer.parse().map_err(|e: syn::Error| buffer_syntax(e.span()))?)
    };
    if !buffer.peek(Token![;]) {
        return Err(buffer_syntax(buffer.span()));
    }
    buffer.parse::<Token![;]>()?;
    let len: Expr = buffer.parse()?;
    if !buffer.is_empty() {
        return Err(buffer_syntax(buffer.span()));
    }
    let body;
    let brace = syn::braced!(body in input);
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the layout's `{ .. }` body"));
    }
    let mut item = LayoutItem {
        attrs,
        vis,
        mutable,
        name,
        generics,
        elem,
        len,
        body_span: brace.span.join(),
        shape: None,
        strides: None,
        byte_strides: None,
        offset: None,
        byte_offset: None,
    };
    let shape_misspelled = parse_fields(&body, &mut item, errors)?;
    if item.shape.is_none() && !shape_misspelled {
        errors.push(syn::Error::new(
            item.body_span,
            format!("layout `{}` has no `shape`: write `shape: [extents..]`", item.name),
        ));
    }
    Ok(Item::Layout(Box::new(item)))
}

fn parse_derived(
    input: ParseStream<'_>,
    attrs: Vec<Attribute>,
    vis: Visibility,
    mutable: Option<Token![mut]>,
    name: Ident,
    generics: Generics,
) -> syn::Result<DerivedItem> {
    let expected = || {
        format!("derived layout `{name}`: expected `Parent.operation(..)`, where `Parent` names a layout (`Image`, `Gray<W, H>`, `crate::layouts::Img`)")
    };
    let parent: Path = input.parse().map_err(|e| syn::Error::new(e.span(), expected()))?;
    let mut ops = Vec::new();
    while input.peek(Token![.]) {
        input.parse::<Token![.]>()?;
        let method: Ident = input.parse()?;
        if input.peek(Token![::]) {
            return Err(input.error("layout operations take no type arguments"));
        }
        if !input.peek(syn::token::Paren) {
            return Err(input.error(format!("layout `{name}`: expected `(` and the arguments of `{method}`")));
        }
        let content;
        parenthesized!(content in input);
        let args = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
        ops.push(Op {
            method,
            args: args.into_iter().collect(),
        });
    }
    if input.is_empty() {
        return Err(input.error("expected `;`"));
    }
    if !input.peek(Token![;]) {
        return Err(input.error(expected()));
    }
    input.parse::<Token![;]>()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after `;`"));
    }
    if ops.is_empty() {
        let parent_text = parent.to_token_stream().to_string().replace(' ', "");
        return Err(syn::Error::new_spanned(
            &parent,
            format!("derived layout `{name}` applies no operation to `{parent_text}`; write `{parent_text}.t()`, `{parent_text}.slice(..)`, .."),
        ));
    }
    Ok(DerivedItem {
        attrs,
        vis,
        mutable,
        name,
        generics,
        parent,
        ops,
    })
}

fn parse_split(input: ParseStream<'_>, attrs: Vec<Attribute>, vis: Visibility) -> syn::Result<SplitItem> {
    let name: Ident = input.parse()?;
    let generics = parse_generics(input, &name)?;
    input.parse::<Token![=]>()?;
    let content;
    let paren = parenthesized!(content in input);
    let members = Punctuated::<Path, Token![,]>::parse_terminated(&content)?;
    input.parse::<Token![;]>()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after `;`"));
    }
    Ok(SplitItem {
        attrs,
        vis,
        name,
        generics,
        members: members.into_iter().collect(),
        members_span: paren.span.join(),
    })
}

/// The value of a field as written: a bracketed list or one expression.
enum RawValue {
    List(Span, Vec<Expr>),
    Scalar(Box<Expr>),
}

impl Parse for RawValue {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::token::Bracket) {
            let content;
            let bracket = bracketed!(content in input);
            let values = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
            Ok(RawValue::List(bracket.span.join(), values.into_iter().collect()))
        } else {
            Ok(RawValue::Scalar(Box::new(input.parse()?)))
        }
    }
}

const FIELDS: &str = "`shape`, `strides`, `byte_strides`, `offset`, `byte_offset`";

/// The fields, for "did you mean".
const FIELD_NAMES: [&str; 5] = ["shape", "strides", "byte_strides", "offset", "byte_offset"];

/// Other names for the fields (C++ `mdspan`'s, NumPy's), beyond what edit
/// distance finds.
const FIELD_ALIASES: &[(&str, &str)] = &[
    ("extents", "shape"),
    ("dims", "shape"),
    ("dimensions", "shape"),
    ("start", "offset"),
    ("nbytes", "byte_offset"),
];

/// The error for `key` when the other member of its family (`strides` and
/// `byte_strides`, `offset` and `byte_offset`) was given before it: one
/// error, at the second. Both are kept in `item` (see [`LayoutItem::conflict`]).
fn family_conflict(item: &LayoutItem, key: &Ident) -> Option<syn::Error> {
    let (other, given, what, units) = match key.to_string().as_str() {
        "strides" => (
            "byte_strides",
            item.byte_strides.is_some(),
            "strides",
            "in elements or in bytes",
        ),
        "byte_strides" => ("strides", item.strides.is_some(), "strides", "in bytes or in elements"),
        "offset" => (
            "byte_offset",
            item.byte_offset.is_some(),
            "offset",
            "in elements or in bytes",
        ),
        "byte_offset" => ("offset", item.offset.is_some(), "offset", "in bytes or in elements"),
        _ => return None,
    };
    given.then(|| {
        syn::Error::new(
            key.span(),
            format!(
                "layout `{}`: `{key}` and `{other}` are one family, the {what} {units}: keep one of them",
                item.name
            ),
        )
    })
}

/// Parses the fields into `item`; whether an unknown field was reported as
/// a misspelling of `shape` (which then needs no "has no `shape`" error).
fn parse_fields(body: ParseStream<'_>, item: &mut LayoutItem, errors: &mut Vec<syn::Error>) -> syn::Result<bool> {
    let mut shape_misspelled = false;
    while !body.is_empty() {
        let key: Ident = body.parse()?;
        if !body.peek(Token![:]) {
            return Err(body.error(format!("layout `{}`: expected `:` after field `{key}`", item.name)));
        }
        body.parse::<Token![:]>()?;
        let value: RawValue = body.parse()?;
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
        let name = key.to_string();
        if let Some(error) = family_conflict(item, &key) {
            errors.push(error);
        }
        let list_slot = match name.as_str() {
            "shape" => Some(&mut item.shape),
            "strides" => Some(&mut item.strides),
            "byte_strides" => Some(&mut item.byte_strides),
            _ => None,
        };
        if let Some(slot) = list_slot {
            match value {
                RawValue::List(bracket_span, values) => {
                    if slot.is_some() {
                        errors.push(syn::Error::new(
                            key.span(),
                            format!("layout `{}`: duplicate field `{name}`; give each field once", item.name),
                        ));
                    } else {
                        *slot = Some(ListField {
                            key,
                            bracket_span,
                            values,
                        });
                    }
                }
                RawValue::Scalar(expr) => errors.push(syn::Error::new_spanned(
                    expr,
                    format!(
                        "layout `{}`: `{name}` takes a bracketed list, one entry per axis: `{name}: [..]`",
                        item.name
                    ),
                )),
            }
            continue;
        }
        let scalar_slot = match name.as_str() {
            "offset" => Some(&mut item.offset),
            "byte_offset" => Some(&mut item.byte_offset),
            _ => None,
        };
        match (scalar_slot, value) {
            (Some(slot), RawValue::Scalar(value)) => {
                if slot.is_some() {
                    errors.push(syn::Error::new(
                        key.span(),
                        format!("layout `{}`: duplicate field `{name}`; give each field once", item.name),
                    ));
                } else {
                    *slot = Some(ScalarField { key, value: *value });
                }
            }
            (Some(_), RawValue::List(span, _)) => errors.push(syn::Error::new(
                span,
                format!(
                    "layout `{}`: `{name}` takes one integer (an element index), not a list",
                    item.name
                ),
            )),
            (None, _) => {
                let meant = crate::suggest::closest(&name, &FIELD_NAMES, FIELD_ALIASES);
                shape_misspelled |= meant == Some("shape");
                errors.push(syn::Error::new(
                    key.span(),
                    format!(
                        "layout `{}`: unknown field `{name}`{}; the fields of a layout are {FIELDS}",
                        item.name,
                        meant.map_or_else(String::new, |m| format!(" (did you mean `{m}`?)")),
                    ),
                ))
            }
        }
    }
    Ok(shape_misspelled)
}
