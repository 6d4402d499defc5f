//! Parse: the DSL's tokens into a typed AST that keeps every span.
//!
//! The input is first cut into items (a layout ends with its `{ .. }` body, a
//! split with `;`), so that a syntax error in one item does not hide the
//! errors of the others.

use proc_macro2::{Delimiter, Spacing, Span, TokenStream, TokenTree};
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

/// The deepest nesting [`too_deep`] lets through to syn, in units of an
/// operator of an expression: far above any layout (the evaluator refuses
/// expressions nesting more than 256 operations anyway), and below the depth
/// at which syn's recursive descent overflows the stack rustc gives a proc
/// macro (8 MiB; in a debug build of the macro, about 2500 nested `-` or 300
/// nested `&` of a type).
const MAX_NESTING: usize = 512;

/// The weight of a level that nests a type, a group or a keyword's
/// expression (`&T`, `Vec<T>`, `[T; 1]`, `(x)`, `dyn T`, `return x`): syn's
/// frames there are several times those of a prefix operator.
const HEAVY: usize = 8;

/// Keywords that open a nested expression or type (`return x`, `move || x`,
/// `if c {}`, `match x {}`, `fn() -> T`, `dyn T`, `impl T`, `for<'a> T`),
/// counted as [`HEAVY`] levels by [`too_deep`].
const NESTING_KEYWORDS: &[&str] = &[
    "async", "box", "break", "dyn", "else", "fn", "for", "if", "impl", "let", "loop", "match", "move", "return",
    "while", "yield",
];

/// The most postfix steps (`.field`, `.method()`, `as T`, `?`, a call or
/// an index after an operand) [`too_deep`] lets through in one item. syn
/// parses them in loops, but drops, clones and prints the tree they make by
/// recursion, one level per step.
const MAX_POSTFIX: usize = 4096;

/// The first token of `chunk` at which it nests deeper than [`MAX_NESTING`]
/// (or chains more than [`MAX_POSTFIX`] postfix steps), counted without
/// recursion before syn (which parses expressions and types by recursive
/// descent) sees it: the macro refuses such an item with a spanned error
/// instead of crashing the compiler with a stack overflow.
///
/// A token's level is the weight of the groups around it ([`HEAVY`] each)
/// plus the weight of the tokens before it in its own group that are still
/// open where it stands. An opener (a generic `<`, a closure's `|`, a
/// keyword of [`NESTING_KEYWORDS`]) may stay open across a `,` (`A<B, C<..`,
/// `|a, b| ..`), so it counts to the end of the group, together with every
/// operator before it; an operator after the last opener counts to the next
/// `,` or `;`: 1 for punctuation, 2 for `=`, [`HEAVY`] for `&`, `*` and a
/// range `..`. A `<` is an operator (a shift or a comparison) only after a
/// literal or a group and joined to the next token, or as the second `<` of
/// such a `<<`. `:` and `#` (paths and attributes, parsed in loops) weigh
/// nothing. `deep_inputs_are_refused_before_they_reach_syn` measures the
/// forms this covers.
fn too_deep(chunk: &TokenStream) -> Option<Span> {
    /// What the last token of a group was, as far as the weights care.
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        /// An identifier, `>` or `?`: an operand or the end of a type.
        Operand,
        /// A literal (`1` in `1 << 4`, `0.0` in `x.0.0`).
        Literal,
        /// A group.
        Group,
        /// A `.` or `<` joined to the next token (`..`, `<<`, `<=`).
        JoinedDot,
        JoinedLt,
        /// A lone `.`: a field or a method follows.
        Dot,
        /// Anything else, or nothing yet.
        Other,
    }
    /// An open group: its remaining tokens, the level where it starts, what
    /// stays open across separators, the operators since the last separator
    /// or opener, and its last token.
    struct Open {
        tokens: proc_macro2::token_stream::IntoIter,
        base: usize,
        sticky: usize,
        run: usize,
        last: Last,
    }
    impl Open {
        fn new(tokens: TokenStream, base: usize) -> Open {
            Open {
                tokens: tokens.into_iter(),
                base,
                sticky: 0,
                run: 0,
                last: Last::Other,
            }
        }
        /// The level of the next token.
        fn level(&self) -> usize {
            self.base + self.sticky + self.run
        }
        /// An opener of weight `weight`: what is open before it stays open.
        fn open(&mut self, weight: usize) {
            self.sticky += self.run + weight;
            self.run = 0;
        }
    }
    let mut postfix = 0usize;
    let mut open = vec![Open::new(chunk.clone(), 0)];
    while let Some(group) = open.last_mut() {
        let Some(token) = group.tokens.next() else {
            open.pop();
            continue;
        };
        let last = core::mem::replace(&mut group.last, Last::Other);
        let ends_operand = matches!(last, Last::Operand | Last::Literal | Last::Group);
        match &token {
            // A group nests its own tokens deeper; groups side by side
            // (`.t().t()`, `f(a)(b)`) are postfix steps, parsed in a loop.
            TokenTree::Group(g) => {
                postfix += usize::from(ends_operand);
                let base = group.level() + HEAVY;
                if base > MAX_NESTING || postfix > MAX_POSTFIX {
                    return Some(g.span_open());
                }
                group.last = Last::Group;
                open.push(Open::new(g.stream(), base));
                continue;
            }
            TokenTree::Punct(p) => {
                let joined = p.spacing() == Spacing::Joint;
                match p.as_char() {
                    ',' | ';' => group.run = 0,
                    ':' | '#' => {}
                    // The second (or third) `.` of `..` (`...`).
                    '.' if last == Last::JoinedDot => group.last = if joined { Last::JoinedDot } else { Last::Other },
                    // A range.
                    '.' if joined => {
                        group.run += HEAVY;
                        group.last = Last::JoinedDot;
                    }
                    '.' => {
                        postfix += 1;
                        group.last = Last::Dot;
                    }
                    '?' => {
                        postfix += 1;
                        group.last = Last::Operand;
                    }
                    '>' => {
                        group.run += 1;
                        group.last = Last::Operand;
                    }
                    // The second `<` of a shift `1 << 4`.
                    '<' if last == Last::JoinedLt => group.run += 1,
                    // A shift or a comparison after a literal or a group.
                    '<' if joined && matches!(last, Last::Literal | Last::Group) => {
                        group.run += 1;
                        group.last = Last::JoinedLt;
                    }
                    '<' => group.open(HEAVY),
                    '|' => group.open(2),
                    '&' | '*' => group.run += HEAVY,
                    '=' => group.run += 2,
                    _ => group.run += 1,
                }
            }
            TokenTree::Ident(i) if i == "as" => postfix += 1,
            TokenTree::Ident(i) if NESTING_KEYWORDS.iter().any(|k| i == k) => group.open(HEAVY),
            TokenTree::Ident(_) => group.last = Last::Operand,
            // `x.0.0` is one literal for two fields.
            TokenTree::Literal(_) => {
                postfix += usize::from(last == Last::Dot);
                group.last = Last::Literal;
            }
        }
        if group.level() > MAX_NESTING || postfix > MAX_POSTFIX {
            return Some(token.span());
        }
    }
    None
}

/// "layout `Name`: " or "split `Name`: " for an item not parsed yet (its
/// name is the first identifier after its attributes and keywords), or
/// nothing where none is found.
fn named(chunk: &TokenStream) -> String {
    let mut kind = "layout";
    for token in chunk.clone() {
        match token {
            TokenTree::Ident(i) if i == "split" => kind = "split",
            TokenTree::Ident(i) if i == "pub" || i == "mut" => {}
            TokenTree::Ident(i) => return format!("{kind} `{i}`: "),
            TokenTree::Punct(p) if p.as_char() == '#' => {}
            TokenTree::Group(g) if g.delimiter() != Delimiter::Brace => {}
            _ => break,
        }
    }
    String::new()
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
    // Too deep for syn's token buffer: not a header, refused as an item.
    if too_deep(chunk).is_some() {
        return false;
    }
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
    if let Some(span) = too_deep(&chunk) {
        errors.push(syn::Error::new(
            span,
            format!("{}the item nests too deeply here (groups, operators, references, generic arguments) for the macro to parse it; compute a deep expression in a named constant (`const N: usize = ..;`) and write `N`", named(&chunk)),
        ));
        return None;
    }
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

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;

    /// The messages of the `compile_error!`s that expanding `source` gives,
    /// on a thread with half the stack rustc gives a proc macro (4 of its 8
    /// MiB), so that a recursion the guard lets through too deep crashes the
    /// test with a margin.
    fn errors_of(source: String) -> Vec<String> {
        std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || {
                let input: TokenStream = source.parse().expect("tokens");
                let output = crate::expand_all(input);
                crate::fuzz::find_errors(output)
                    .into_iter()
                    .map(|e| e.message)
                    .collect()
            })
            .expect("thread")
            .join()
            .expect("the macro panicked")
    }

    /// Deep inputs of every form syn parses by recursion, or whose tree it
    /// drops and prints by recursion: the deepest one the guard lets
    /// through expands without overflowing the stack (about 2500 nested `-`
    /// or 300 nested `&` did before the guard), and a deeper one is refused
    /// by the guard's spanned error.
    #[test]
    fn deep_inputs_are_refused_before_they_reach_syn() {
        fn layout(len: &str, shape: &str) -> String {
            format!("pub A: [{len}; 4] {{ shape: [{shape}] }}")
        }
        type Form = fn(usize) -> String;
        let forms: [(&str, Form); 37] = [
            ("prefix minus", |n| layout("u8", &format!("{}4", "- ".repeat(n)))),
            ("parentheses", |n| {
                layout("u8", &format!("{}4{}", "(".repeat(n), ")".repeat(n)))
            }),
            ("minus and parentheses", |n| {
                layout("u8", &format!("{}4{}", "-(".repeat(n), ")".repeat(n)))
            }),
            ("references", |n| layout(&format!("{}u8", "& ".repeat(n)), "4")),
            ("pointers", |n| layout(&format!("{}u8", "*const ".repeat(n)), "4")),
            ("generic arguments", |n| {
                layout(&format!("{}u8{}", "Option<".repeat(n), ">".repeat(n)), "4")
            }),
            ("generic arguments after commas", |n| {
                layout(&format!("{}u8{}", "Result<u8, ".repeat(n), ">".repeat(n)), "4")
            }),
            ("references after commas", |n| {
                layout(&format!("{}u8{}", "R<u8, & & & & ".repeat(n), ">".repeat(n)), "4")
            }),
            ("qualified paths", |n| {
                layout(&format!("{}u8{}", "<".repeat(n), ">::A".repeat(n)), "4")
            }),
            ("arrays", |n| {
                layout(&format!("{}u8{}", "[".repeat(n), "; 1]".repeat(n)), "4")
            }),
            ("function pointers", |n| {
                layout(&format!("{}u8", "fn() -> ".repeat(n)), "4")
            }),
            ("closures", |n| layout("u8", &format!("{}4", "|x| ".repeat(n)))),
            ("closures of two parameters", |n| {
                layout("u8", &format!("{}4", "|a, b| ".repeat(n)))
            }),
            ("minus between closures", |n| {
                layout("u8", &format!("{}4", "- - - - - - - - |_, _| ".repeat(n)))
            }),
            ("return", |n| layout("u8", &format!("{}4", "return ".repeat(n)))),
            ("if", |n| {
                layout("u8", &format!("{}true{}", "if ".repeat(n), " {}".repeat(n)))
            }),
            ("match", |n| {
                layout("u8", &format!("{}x{}", "match ".repeat(n), " {}".repeat(n)))
            }),
            ("while", |n| {
                layout("u8", &format!("{}x{}", "while ".repeat(n), " {}".repeat(n)))
            }),
            ("binary chain", |n| layout("u8", &format!("4{}", " + 1".repeat(n)))),
            ("casts", |n| layout("u8", &format!("4{}", " as usize".repeat(n)))),
            ("fields", |n| layout("u8", &format!("N{}", ".a".repeat(n)))),
            ("method calls", |n| layout("u8", &format!("N{}", ".m()".repeat(n)))),
            ("calls", |n| layout("u8", &format!("f{}", "(0)".repeat(n)))),
            ("indexing", |n| layout("u8", &format!("x{}", "[0]".repeat(n)))),
            ("float-literal fields", |n| {
                layout("u8", &format!("x{}", ".0.0".repeat(n)))
            }),
            ("ranges", |n| layout("u8", &format!("{}4", ".. ".repeat(n)))),
            ("ranges after operators", |n| {
                layout("u8", &format!("{}4", "0 + .. ".repeat(n)))
            }),
            ("generic arguments of global paths", |n| {
                layout(&format!("{}u8{}", "A<::".repeat(n), ",>".repeat(n)), "4")
            }),
            ("qualified paths after <<", |n| {
                layout(&format!("{}u8{}", "A<<".repeat(n), " as T>::X>".repeat(n)), "4")
            }),
            ("closures without parameters", |n| {
                layout("u8", &format!("{}4", "|| ".repeat(n)))
            }),
            ("assignments", |n| layout("u8", &format!("{}4", "a = ".repeat(n)))),
            // The same nesting in the other places an item has expressions or types.
            ("const-parameter defaults", |n| {
                format!(
                    "pub A<const N: usize = {{ {}4 }}>: [u8; 4] {{ shape: [4] }}",
                    "- ".repeat(n)
                )
            }),
            ("type-parameter bounds", |n| {
                format!(
                    "pub A<T: {}u8{}>: [T; 4] {{ shape: [4] }}",
                    "Option<".repeat(n),
                    ">".repeat(n)
                )
            }),
            ("derived parents", |n| {
                format!("pub B = A<{{ {}4 }}>.flip(0);", "-(".repeat(n) + &")".repeat(n))
            }),
            ("operation arguments", |n| {
                format!("pub B = A.flip({}0);", "- ".repeat(n))
            }),
            ("split members", |n| {
                format!("pub split S = (A<{{ {}4 }}>, B);", "(".repeat(n) + &")".repeat(n))
            }),
            ("attributes", |n| {
                format!(
                    "#[doc = {}\"x\"{}] pub A: [u8; 4] {{ shape: [4] }}",
                    "(".repeat(n),
                    ")".repeat(n)
                )
            }),
        ];
        for (name, form) in forms {
            let admitted = |n: usize| super::too_deep(&form(n).parse().expect("tokens")).is_none();
            // The guard is monotone in the depth: bisect for the deepest admitted.
            let (mut deepest, mut refused) = (1, 20_000);
            assert!(admitted(deepest) && !admitted(refused), "{name}");
            while refused - deepest > 1 {
                let middle = (deepest + refused) / 2;
                if admitted(middle) {
                    deepest = middle;
                } else {
                    refused = middle;
                }
            }
            assert!(deepest >= 10, "{name}: only {deepest} levels admitted");
            let errors = errors_of(form(deepest));
            assert!(
                !errors.iter().any(|e| e.contains("nests too deeply")),
                "{name}, {deepest}: {errors:?}"
            );
            for n in [deepest + 1, 2 * deepest] {
                let errors = errors_of(form(n));
                assert!(
                    errors.iter().any(|e| e.contains("nests too deeply")),
                    "{name}, {n}: {errors:?}"
                );
            }
        }
        // What real layouts write passes: a derived item of 1500 operations
        // (a loop in syn), a long doc comment, a list of 32 extents.
        let chain = format!("pub A: [u8; 4] {{ shape: [4] }} pub B = A{};", ".flip(0)".repeat(1500));
        assert_eq!(errors_of(chain), Vec::<String>::new());
        let doc = format!("{}pub A: [u8; 4] {{ shape: [4] }}", "/// line\n".repeat(2000));
        assert_eq!(errors_of(doc), Vec::<String>::new());
        let wide = format!("pub A: [u8; 1] {{ shape: [{}] }}", ["1"; 32].join(", "));
        assert_eq!(errors_of(wide), Vec::<String>::new());
        // A rank-8 C order with every stride a product of the extents after it.
        let products = (1..=8)
            .map(|k| ["2"; 8][k..].join(" * "))
            .map(|p| if p.is_empty() { "1".into() } else { p });
        let strides = products.collect::<Vec<_>>().join(", ");
        let c_order = format!(
            "pub A: [u8; 256] {{ shape: [{}], strides: [{strides}] }}",
            ["2"; 8].join(", ")
        );
        assert_eq!(errors_of(c_order), Vec::<String>::new());
        // Rank 32, every stride a shift: 64 `<` that open nothing.
        let shifts = (0..32)
            .rev()
            .map(|k| format!("1 << {k}"))
            .collect::<Vec<_>>()
            .join(", ");
        let cube = format!(
            "pub A: [u8; 1 << 32] {{ shape: [{}], strides: [{shifts}] }}",
            ["2"; 32].join(", ")
        );
        let errors = errors_of(cube);
        assert!(!errors.iter().any(|e| e.contains("nests too deeply")), "{errors:?}");
    }
}
