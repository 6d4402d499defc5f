//! The one error sink of an expansion (after serde_derive's `Ctxt`): every
//! pass reports into it, nothing aborts on the first error, and the errors
//! come out together, each a spanned `compile_error!`.

use core::cell::RefCell;

use proc_macro2::TokenStream;

/// The errors of one invocation.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Ctxt {
        Ctxt::default()
    }

    /// Reports one error.
    pub fn error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// Reports several.
    pub fn errors(&self, errors: impl IntoIterator<Item = syn::Error>) {
        self.errors.borrow_mut().extend(errors);
    }

    /// The value of `result`, its errors reported.
    pub fn take<T>(&self, result: Result<T, Vec<syn::Error>>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(errors) => {
                self.errors(errors);
                None
            }
        }
    }

    /// `output` followed by one `compile_error!` per reported error.
    pub fn finish(self, mut output: TokenStream) -> TokenStream {
        for error in self.errors.into_inner() {
            output.extend(error.to_compile_error());
        }
        output
    }
}
