//! Parse: the DSL's tokens into a typed AST that keeps every span.
//!
//! The input is first cut into items (a layout ends with its `{ .. }` body, a
//! split with `;`), so that a syntax error in one item does not hide the
//! errors of the others.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{bracketed, parenthesized, Attribute, Expr, Ident, Token, Type, Visibility};

/// One item of the DSL.
pub enum Item {
    Layout(Box<LayoutItem>),
    Split(SplitItem),
}

/// The element type: a concrete type, or `_` for any element type.
pub enum Elem {
    Any,
    Type(Box<Type>),
}

/// `attrs vis mut? NAME: [ELEM; LEN] { fields }`
pub struct LayoutItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub mutable: Option<Token![mut]>,
    pub name: Ident,
    pub elem: Elem,
    pub len: Expr,
    pub body_span: Span,
    pub shape: Option<ListField>,
    pub strides: Option<ListField>,
    pub byte_strides: Option<ListField>,
    pub offset: Option<ScalarField>,
    pub byte_offset: Option<ScalarField>,
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

/// `attrs vis split NAME = (A, B, ..);`
pub struct SplitItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub name: Ident,
    pub members: Vec<Ident>,
    pub members_span: Span,
}

/// Cuts the input into item token streams: a chunk ends after a brace group
/// (a layout body) or a `;` (a split).
pub fn chunks(input: TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for tree in input {
        let ends = match &tree {
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            TokenTree::Punct(p) => p.as_char() == ';',
            _ => false,
        };
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

/// Parses one chunk; field-level mistakes are collected in `errors` so that
/// all of them are reported, not just the first.
pub fn parse_item(chunk: TokenStream, errors: &mut Vec<syn::Error>) -> Option<Item> {
    let parser = |input: ParseStream<'_>| parse_item_inner(input, errors);
    match parser.parse2(chunk) {
        Ok(item) => Some(item),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn parse_item_inner(input: ParseStream<'_>, errors: &mut Vec<syn::Error>) -> syn::Result<Item> {
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
    input.parse::<Token![:]>()?;
    let buffer;
    bracketed!(buffer in input);
    let elem = if buffer.peek(Token![_]) {
        buffer.parse::<Token![_]>()?;
        Elem::Any
    } else {
        Elem::Type(buffer.parse()?)
    };
    buffer.parse::<Token![;]>()?;
    let len: Expr = buffer.parse()?;
    if !buffer.is_empty() {
        return Err(buffer.error("expected `]` after the buffer length: the buffer is written `[ELEM; LEN]`"));
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
        elem,
        len,
        body_span: brace.span.join(),
        shape: None,
        strides: None,
        byte_strides: None,
        offset: None,
        byte_offset: None,
    };
    parse_fields(&body, &mut item, errors)?;
    if item.shape.is_none() {
        errors.push(syn::Error::new(
            item.body_span,
            format!("layout `{}` has no `shape`: write `shape: [extents..]`", item.name),
        ));
    }
    Ok(Item::Layout(Box::new(item)))
}

fn parse_split(input: ParseStream<'_>, attrs: Vec<Attribute>, vis: Visibility) -> syn::Result<SplitItem> {
    let name: Ident = input.parse()?;
    input.parse::<Token![=]>()?;
    let content;
    let paren = parenthesized!(content in input);
    let members = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
    input.parse::<Token![;]>()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after `;`"));
    }
    Ok(SplitItem {
        attrs,
        vis,
        name,
        members: members.into_iter().collect(),
        members_span: paren.span.join(),
    })
}

/// The value of a field as written: a bracketed list or one expression.
enum RawValue {
    List(Span, Vec<Expr>),
    Scalar(Expr),
}

impl Parse for RawValue {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::token::Bracket) {
            let content;
            let bracket = bracketed!(content in input);
            let values = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
            Ok(RawValue::List(bracket.span.join(), values.into_iter().collect()))
        } else {
            Ok(RawValue::Scalar(input.parse()?))
        }
    }
}

const FIELDS: &str = "`shape`, `strides`, `byte_strides`, `offset`, `byte_offset`";

fn parse_fields(body: ParseStream<'_>, item: &mut LayoutItem, errors: &mut Vec<syn::Error>) -> syn::Result<()> {
    while !body.is_empty() {
        let key: Ident = body.parse()?;
        body.parse::<Token![:]>()?;
        let value: RawValue = body.parse()?;
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
        let name = key.to_string();
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
                        errors.push(syn::Error::new(key.span(), format!("duplicate field `{name}`")));
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
                    format!("`{name}` takes a bracketed list, one entry per axis: `{name}: [..]`"),
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
                    errors.push(syn::Error::new(key.span(), format!("duplicate field `{name}`")));
                } else {
                    *slot = Some(ScalarField { key, value });
                }
            }
            (Some(_), RawValue::List(span, _)) => errors.push(syn::Error::new(
                span,
                format!("`{name}` takes one integer (an element index), not a list"),
            )),
            (None, _) => errors.push(syn::Error::new(
                key.span(),
                format!("unknown field `{name}`; the fields of a layout are {FIELDS}"),
            )),
        }
    }
    if let (Some(_), Some(bytes)) = (&item.strides, &item.byte_strides) {
        errors.push(syn::Error::new(
            bytes.key.span(),
            "give either `strides` (in elements) or `byte_strides` (in bytes), not both",
        ));
    }
    if let (Some(_), Some(bytes)) = (&item.offset, &item.byte_offset) {
        errors.push(syn::Error::new(
            bytes.key.span(),
            "give either `offset` (in elements) or `byte_offset` (in bytes), not both",
        ));
    }
    Ok(())
}
