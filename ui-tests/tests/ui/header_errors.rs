// The header `crate = PATH;` names the core crate's path; a malformed one is
// an error spanned at the token to blame, and the items after it expand to
// placeholders (no errors about a core crate on top, their own errors still
// reported: `Past` below).

mod missing {
    view_macros::strided_view! {
        crate = ;
        pub Fine: [u8; 4] { shape: [4] }
    }
}

mod number {
    view_macros::strided_view! {
        crate = 3;
        pub Fine: [u8; 4] { shape: [4] }
        pub Past: [u8; 4] { shape: [5] }
    }
}

mod generic {
    view_macros::strided_view! {
        crate = ::view_core<u8>;
        pub Fine: [u8; 4] { shape: [4] }
    }
}

mod not_first {
    view_macros::strided_view! {
        pub Fine: [u8; 4] { shape: [4] }
        crate = ::view_core;
    }
}

mod twice {
    view_macros::strided_view! {
        crate = ::view_core;
        crate = ::view_core;
        pub Fine: [u8; 4] { shape: [4] }
    }
}

fn main() {
    // The placeholders are types, and nothing more.
    let _: (missing::Fine, number::Fine, generic::Fine, not_first::Fine, twice::Fine) = Default::default();
}
