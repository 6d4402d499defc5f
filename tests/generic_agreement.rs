//! Generic instantiations agree with literal layouts of the same numbers:
//! constants, verdicts and elements, for a layout, its transpose, a flip and
//! a reversed step slice. The macro computes the literal side at expansion;
//! view-core computes the generic side in const evaluation, per
//! instantiation. The 120 cases were drawn once at random (shapes up to
//! 4 x 4 with empty ones, strides in -6..=6 with non-nested pairs such as
//! (3, 2) often, offsets and buffers from the tightest fit to a few elements
//! of slack; seed 20261201) and are written out so that each is a type.

mod common;

use view_core::Layout;
use view_macros::strided_view;

strided_view! {
    pub G<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize>:
        [_; N] { shape: [A, B], strides: [S0, S1], offset: O }
    pub GT<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize> =
        G<N, A, B, S0, S1, O>.t();
    pub GF<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize> =
        G<N, A, B, S0, S1, O>.flip(1);
    pub GR<const N: usize, const A: usize, const B: usize, const S0: isize, const S1: isize, const O: usize> =
        G<N, A, B, S0, S1, O>.slice(0, .., -1);
}

/// Two layouts are the same numbers, with the same verdict and elements.
fn same<A: Layout, B: Layout>(case: &str) {
    assert_eq!(A::SHAPE_SLICE, B::SHAPE_SLICE, "{case}: shape");
    assert_eq!(A::STRIDES_SLICE, B::STRIDES_SLICE, "{case}: strides");
    assert_eq!(
        (A::OFFSET, A::BUFFER_LEN),
        (B::OFFSET, B::BUFFER_LEN),
        "{case}: offset, buffer"
    );
    assert_eq!(
        (A::SIZE, A::REQUIRED_LEN, A::REQUIRED_SPAN, A::IS_EXHAUSTIVE),
        (B::SIZE, B::REQUIRED_LEN, B::REQUIRED_SPAN, B::IS_EXHAUSTIVE),
        "{case}: sizes"
    );
    assert_eq!(A::UNIQUENESS, B::UNIQUENESS, "{case}: uniqueness");
    assert_eq!(
        common::elements_of::<A>(),
        common::elements_of::<B>(),
        "{case}: elements"
    );
    let mut elements = common::elements_of::<A>();
    let size = elements.len();
    elements.sort_unstable();
    elements.dedup();
    let unique = elements.len() == size;
    assert_eq!(A::IS_UNIQUE, unique, "{case}: uniqueness against brute force");
}

macro_rules! cases {
    ($($case:ident: $n:literal [$a:literal, $b:literal] [$s0:literal, $s1:literal] $o:literal;)*) => {
        $(
            // Each case uses only some of the generated constructors.
            #[allow(dead_code)]
            mod $case {
                use super::*;
                strided_view! {
                    pub L: [u8; $n] { shape: [$a, $b], strides: [$s0, $s1], offset: $o }
                    pub LT = L.t();
                    pub LF = L.flip(1);
                    pub LR = L.slice(0, .., -1);
                }
                pub fn check() {
                    let case = stringify!($case: $n [$a, $b] [$s0, $s1] $o);
                    same::<L, G<$n, $a, $b, { $s0 }, { $s1 }, $o>>(case);
                    same::<LT, GT<$n, $a, $b, { $s0 }, { $s1 }, $o>>(case);
                    same::<LF, GF<$n, $a, $b, { $s0 }, { $s1 }, $o>>(case);
                    same::<LR, GR<$n, $a, $b, { $s0 }, { $s1 }, $o>>(case);
                    let buffer: [u8; $n] = core::array::from_fn(|i| i as u8);
                    let literal = L::view(&buffer);
                    let generic = G::<$n, $a, $b, { $s0 }, { $s1 }, $o>::view(&buffer);
                    assert!(literal.iter().eq(generic.iter()), "{case}: values");
                }
            }
        )*
        #[test]
        fn generic_instantiations_agree_with_literal_layouts() {
            $($case::check();)*
        }
    };
}

cases! {
    c000: 1 [1, 1] [3, 2] 0;
    c001: 5 [1, 2] [-6, 3] 0;
    c002: 15 [1, 4] [2, 4] 1;
    c003: 12 [3, 2] [3, -3] 5;
    c004: 10 [2, 2] [5, 3] 1;
    c005: 11 [2, 2] [-5, -2] 9;
    c006: 16 [3, 4] [-4, -1] 12;
    c007: 23 [3, 4] [-3, 4] 7;
    c008: 3 [0, 1] [-1, -3] 2;
    c009: 10 [2, 2] [-5, 1] 5;
    c010: 4 [2, 2] [0, 1] 2;
    c011: 1 [2, 0] [3, 2] 0;
    c012: 7 [1, 4] [-1, 1] 2;
    c013: 4 [1, 3] [-4, -1] 2;
    c014: 6 [1, 3] [1, 0] 2;
    c015: 3 [0, 2] [1, 0] 2;
    c016: 11 [2, 3] [6, 1] 1;
    c017: 3 [1, 1] [5, 3] 1;
    c018: 13 [3, 2] [-4, 0] 9;
    c019: 1 [0, 4] [-5, -1] 1;
    c020: 18 [2, 4] [1, 4] 1;
    c021: 27 [4, 4] [3, 4] 2;
    c022: 1 [1, 0] [-6, -3] 1;
    c023: 12 [1, 3] [-4, 4] 2;
    c024: 3 [3, 1] [-1, -2] 2;
    c025: 8 [1, 3] [3, 1] 2;
    c026: 10 [4, 3] [2, -1] 3;
    c027: 5 [3, 3] [-1, 1] 2;
    c028: 13 [3, 4] [3, -2] 6;
    c029: 14 [3, 4] [-3, 2] 7;
    c030: 16 [3, 3] [-5, -2] 15;
    c031: 13 [4, 2] [3, 2] 0;
    c032: 3 [1, 1] [-1, -1] 2;
    c033: 8 [2, 2] [-4, -2] 7;
    c034: 7 [2, 3] [-2, -2] 6;
    c035: 8 [1, 3] [4, 2] 0;
    c036: 20 [3, 4] [-1, 4] 4;
    c037: 23 [4, 3] [3, 4] 2;
    c038: 12 [3, 2] [4, 0] 0;
    c039: 6 [1, 3] [-1, -2] 5;
    c040: 9 [3, 3] [0, -3] 8;
    c041: 3 [1, 1] [5, -4] 1;
    c042: 12 [1, 4] [2, 2] 2;
    c043: 10 [2, 3] [5, -2] 4;
    c044: 1 [1, 2] [4, 0] 0;
    c045: 5 [1, 2] [-5, -1] 1;
    c046: 11 [1, 4] [-6, -2] 7;
    c047: 2 [2, 2] [1, 0] 0;
    c048: 23 [4, 3] [-6, 1] 20;
    c049: 5 [1, 2] [4, -3] 3;
    c050: 10 [1, 4] [0, 3] 0;
    c051: 12 [2, 3] [2, 3] 0;
    c052: 13 [3, 3] [3, -3] 6;
    c053: 19 [3, 3] [5, 3] 1;
    c054: 9 [2, 3] [3, 2] 1;
    c055: 4 [1, 2] [0, 2] 1;
    c056: 9 [3, 1] [-4, -4] 8;
    c057: 2 [1, 1] [-5, 2] 1;
    c058: 1 [0, 4] [1, -1] 1;
    c059: 5 [1, 3] [6, -2] 4;
    c060: 7 [2, 2] [1, -3] 4;
    c061: 10 [1, 3] [-3, 3] 0;
    c062: 12 [3, 1] [4, 3] 0;
    c063: 5 [1, 4] [-5, -1] 4;
    c064: 8 [1, 3] [-6, -2] 6;
    c065: 8 [1, 2] [5, 2] 2;
    c066: 15 [1, 4] [4, 3] 2;
    c067: 13 [4, 4] [-3, 0] 11;
    c068: 1 [0, 2] [3, 2] 0;
    c069: 9 [1, 3] [6, 4] 0;
    c070: 10 [1, 3] [-1, 3] 0;
    c071: 21 [4, 3] [3, 4] 2;
    c072: 4 [3, 4] [0, 1] 0;
    c073: 11 [1, 4] [4, -3] 9;
    c074: 14 [3, 3] [3, -3] 7;
    c075: 3 [0, 3] [3, 2] 2;
    c076: 5 [1, 2] [5, 3] 1;
    c077: 21 [4, 4] [3, 2] 2;
    c078: 0 [0, 4] [-4, 0] 0;
    c079: 2 [1, 1] [0, 0] 0;
    c080: 3 [0, 3] [5, 3] 3;
    c081: 7 [3, 4] [1, 1] 0;
    c082: 3 [1, 2] [-1, -2] 2;
    c083: 3 [3, 4] [1, 0] 0;
    c084: 11 [2, 2] [4, -3] 3;
    c085: 13 [3, 3] [-2, -4] 12;
    c086: 7 [1, 3] [4, -3] 6;
    c087: 1 [0, 0] [0, -4] 0;
    c088: 7 [1, 4] [-6, 2] 0;
    c089: 3 [2, 0] [6, 2] 3;
    c090: 0 [1, 0] [-6, -4] 0;
    c091: 8 [4, 2] [1, 0] 1;
    c092: 12 [3, 3] [-3, -1] 8;
    c093: 10 [4, 3] [0, 4] 0;
    c094: 11 [2, 3] [-4, -2] 9;
    c095: 3 [1, 3] [-5, -1] 2;
    c096: 2 [1, 1] [-2, 0] 1;
    c097: 4 [4, 4] [0, 1] 0;
    c098: 13 [1, 4] [4, 3] 2;
    c099: 2 [1, 1] [0, 1] 0;
    c100: 11 [2, 3] [-6, 1] 8;
    c101: 10 [2, 3] [3, -3] 6;
    c102: 6 [4, 2] [1, 0] 1;
    c103: 15 [3, 2] [-5, -4] 14;
    c104: 1 [2, 0] [-5, -3] 0;
    c105: 23 [4, 3] [5, 3] 1;
    c106: 5 [1, 2] [-4, -4] 4;
    c107: 17 [3, 3] [-6, -2] 16;
    c108: 0 [2, 0] [6, 0] 0;
    c109: 3 [4, 0] [-6, 0] 3;
    c110: 10 [2, 4] [-3, 1] 3;
    c111: 6 [2, 2] [-5, 0] 5;
    c112: 14 [2, 3] [5, -3] 8;
    c113: 11 [1, 3] [2, -4] 10;
    c114: 16 [3, 2] [6, 2] 0;
    c115: 9 [4, 1] [1, -1] 2;
    c116: 11 [2, 2] [4, -3] 5;
    c117: 4 [1, 3] [-4, 0] 0;
    c118: 3 [3, 0] [6, -1] 2;
    c119: 11 [2, 3] [-3, 2] 5;
}
