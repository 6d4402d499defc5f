//! The trust root: view-core believes nothing about a layout that it did
//! not check itself on the target's numbers.
//!
//! `Layout` is a safe trait, so these tests implement it by hand with
//! numbers the macro would never write: certificates copied from another
//! layout, `WRITTEN` records that a 32-bit target would read differently,
//! constants that contradict each other. Each must be refused (or, for a
//! record that speaks of other numbers, ignored), never believed.
//! Expected verdicts come from brute-force enumeration or are derived by
//! hand in the comments.

// These tests check constants, so asserting constants is the point.
#![allow(clippy::assertions_on_constants)]

use std::collections::HashSet;

use view_core::__private::{layout_failure, split_failure, writable_failure, Blame, Certificate};
use view_core::{Layout, Partition, Subview, Trailing, UniqueLayout, Verdict, View};
use view_macros::strided_view;

strided_view! {
    /// DESIGN's row 9: elements `3i + 5j + 7k` are distinct, but the layout
    /// does not nest (5 <= 3 · 1), so only a search proves it unique: the
    /// macro does it and hands view-core a certificate.
    pub mut Row9: [i64; 16] { shape: [2, 2, 2], strides: [3, 5, 7] }
    /// Row 9's variant: strides [2, 3, 5] repeat element 5 (2 + 3 = 5).
    pub Row9Variant: [i64; 11] { shape: [2, 2, 2], strides: [2, 3, 5] }
    /// Rank 4 with Row 9 as its trailing axes: unique (100 exceeds the span
    /// 15 of the others), and its trailing layout needs the certificate
    /// view-core derives from it.
    pub mut Stacked: [i64; 116] { shape: [2, 2, 2, 2], strides: [100, 3, 5, 7] }
    /// Unique, but beyond what const evaluation can decide: 12.5 million
    /// indices over a span of 83 million positions, found by a search for
    /// layouts whose const-budget verdict is "undecided" (highest element
    /// 114039·279 + 111011·167 + 124264·265 = 83285678).
    pub mut Hard: [u8; 83285679] { shape: [280, 168, 266], strides: [114039, 111011, 124264] }
}

/// Whether two indices of the layout reach one element, by enumeration.
fn brute_unique(shape: &[usize], strides: &[isize]) -> bool {
    let mut seen = HashSet::new();
    let mut index = vec![0usize; shape.len()];
    if shape.contains(&0) {
        return true;
    }
    loop {
        let position: i128 = index.iter().zip(strides).map(|(&i, &s)| i as i128 * s as i128).sum();
        if !seen.insert(position) {
            return false;
        }
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return true;
            }
            axis -= 1;
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
}

#[test]
fn the_macro_certifies_what_the_rules_cannot_settle() {
    assert!(brute_unique(&[2, 2, 2], &[3, 5, 7]));
    assert!(!brute_unique(&[2, 2, 2], &[2, 3, 5]));
    assert_eq!(Row9::UNIQUENESS, Verdict::Proven);
    assert_eq!(Row9Variant::UNIQUENESS, Verdict::Refuted);
    assert!(brute_unique(&[2, 2, 2, 2], &[100, 3, 5, 7]));
    assert_eq!(Stacked::UNIQUENESS, Verdict::Proven);
    // The trailing axes of a unique layout: proven by view-core's own record.
    assert_eq!(<Trailing<Stacked, 1> as Layout>::UNIQUENESS, Verdict::Proven);
    assert_eq!(<Trailing<Stacked, 1> as Layout>::SHAPE, [2, 2, 2]);
    assert_eq!(<Trailing<Stacked, 1> as Layout>::STRIDES, [3, 5, 7]);
    let data: [i64; 116] = core::array::from_fn(|i| i as i64);
    let mut buf = data;
    let mut stacked = Stacked::view_mut(&mut buf);
    let mut inner = stacked.subview_mut([1]).unwrap();
    inner[[1, 1, 1]] = -1; // element 100 + 3 + 5 + 7 = 115
    assert_eq!(buf[115], -1);
}

/// A hand-written layout: shape [2, 2, 2] with the given strides, claiming
/// the certificate of `C`.
macro_rules! hand_layout {
    ($name:ident, strides: $strides:expr, len: $len:expr, certificate: $cert:expr) => {
        #[derive(Clone, Copy, Debug)]
        struct $name;
        impl Layout for $name {
            type Index = [usize; 3];
            type Shape = view_core::shape::AnyShape;
            const SHAPE: [usize; 3] = [2, 2, 2];
            const STRIDES: [isize; 3] = $strides;
            const SHAPE_SLICE: &'static [usize] = &[2, 2, 2];
            const STRIDES_SLICE: &'static [isize] = &$strides;
            const OFFSET: usize = 0;
            const BUFFER_LEN: usize = $len;
            const NAME: &'static str = stringify!($name);
            const CERTIFICATE: Certificate = $cert;
        }
        impl UniqueLayout for $name {}
    };
}

// Row 9's certificate on Row 9's own numbers: a true statement, believed.
hand_layout!(SameNumbers, strides: [3, 5, 7], len: 16, certificate: <Row9 as Layout>::CERTIFICATE);
// Row 9's certificate on the variant's numbers: it speaks of other numbers,
// so it is ignored, and const evaluation finds the collision itself.
hand_layout!(OtherNumbers, strides: [2, 3, 5], len: 11, certificate: <Row9 as Layout>::CERTIFICATE);
// No certificate: const evaluation decides on its own (the span, 16
// positions, fits its bitset).
hand_layout!(NoCertificate, strides: [3, 5, 7], len: 16, certificate: Certificate::NONE);

/// `Hard`'s numbers, by hand, with or without its certificate.
macro_rules! hard_by_hand {
    ($name:ident, certificate: $cert:expr) => {
        #[derive(Clone, Copy, Debug)]
        struct $name;
        impl Layout for $name {
            type Index = [usize; 3];
            type Shape = view_core::shape::AnyShape;
            const SHAPE: [usize; 3] = [280, 168, 266];
            const STRIDES: [isize; 3] = [114039, 111011, 124264];
            const SHAPE_SLICE: &'static [usize] = &[280, 168, 266];
            const STRIDES_SLICE: &'static [isize] = &[114039, 111011, 124264];
            const OFFSET: usize = 0;
            const BUFFER_LEN: usize = 83285679;
            const CERTIFICATE: Certificate = $cert;
        }
    };
}
hard_by_hand!(HardUncertified, certificate: Certificate::NONE);
hard_by_hand!(HardCertified, certificate: <Hard as Layout>::CERTIFICATE);

#[test]
fn only_the_certificate_proves_what_const_evaluation_cannot() {
    assert_eq!(Hard::UNIQUENESS, Verdict::Proven);
    assert_eq!(HardCertified::UNIQUENESS, Verdict::Proven);
    // The same numbers without the macro's verdict: const evaluation's
    // budget runs out, and the answer says so instead of guessing.
    assert_eq!(HardUncertified::UNIQUENESS, Verdict::Undecided);
    assert!(!HardUncertified::IS_UNIQUE);
}

#[test]
fn a_certificate_speaks_only_of_its_own_numbers() {
    assert_eq!(SameNumbers::UNIQUENESS, Verdict::Proven);
    assert_eq!(OtherNumbers::UNIQUENESS, Verdict::Refuted);
    assert_eq!(NoCertificate::UNIQUENESS, Verdict::Proven);
    assert!(writable_failure::<SameNumbers>().is_none());
    let message = writable_failure::<OtherNumbers>().unwrap();
    // Indices [0, 0, 1] and [1, 1, 0] both reach 5 (= 5 = 2 + 3).
    assert_eq!(
        message.as_str(),
        "layout `OtherNumbers` is declared `mut` but is not unique: indices [0, 0, 1] and [1, 1, 0] both reach element 5; \
         a writable view needs every index to reach its own element (drop `mut` for a read-only view)"
    );
}

/// A hand-written rank-1 layout whose `WRITTEN` record says what the macro
/// proved, and whose constants say what a target read.
macro_rules! narrowed {
    ($name:ident, shape: $n:expr, stride: $s:expr, offset: $o:expr, len: $len:expr, written: $w:expr) => {
        #[derive(Clone, Copy, Debug)]
        struct $name;
        impl Layout for $name {
            type Index = [usize; 1];
            type Shape = view_core::shape::AnyShape;
            const SHAPE: [usize; 1] = [$n];
            const STRIDES: [isize; 1] = [$s];
            const SHAPE_SLICE: &'static [usize] = &[$n];
            const STRIDES_SLICE: &'static [isize] = &[$s];
            const OFFSET: usize = $o;
            const BUFFER_LEN: usize = $len;
            const NAME: &'static str = stringify!($name);
            const WRITTEN: &'static [i128] = &$w;
        }
    };
}

// What a 32-bit target makes of `[u8; 4294967298] { shape: [2], strides:
// [4294967296] }`: the stride wraps to 0 and the length to 2, a layout that
// is in bounds but another one. The record says what was proven.
narrowed!(WrappedStride, shape: 2, stride: 0, offset: 0, len: 2,
    written: [1, 2, 4294967296, 0, 4294967298, 4294967298, 0, 4294967296]);
// Numbers that fit, but an intermediate result that did not (`4294967296 *
// 2 / 4`): the target would have rejected the expression.
narrowed!(WideIntermediate, shape: 2, stride: 1, offset: 0, len: 2,
    written: [1, 2, 1, 0, 2, i128::MAX, 0, 1]);
// The record as the macro writes it, read back faithfully.
narrowed!(Faithful, shape: 2, stride: 1, offset: 0, len: 2, written: [1, 2, 1, 0, 2, 2, 0, 1]);
// A record of the wrong length.
narrowed!(Malformed, shape: 2, stride: 1, offset: 0, len: 2, written: [1, 2, 1, 0]);

#[test]
fn numbers_that_read_differently_are_refused() {
    assert!(layout_failure::<Faithful>(Blame::Any).is_none());
    let message = layout_failure::<WrappedStride>(Blame::Any).unwrap();
    assert!(
        message
            .as_str()
            .starts_with("layout `WrappedStride`: the stride of axis 0, 4294967296, does not fit this target's isize"),
        "{message}"
    );
    // Blamed at the stride's token, not at the extent's.
    assert!(layout_failure::<WrappedStride>(Blame::Stride(0)).is_some());
    assert!(layout_failure::<WrappedStride>(Blame::Extent(0)).is_none());
    let message = layout_failure::<WideIntermediate>(Blame::Any).unwrap();
    assert!(
        message.as_str().contains("a value computed for its numbers"),
        "{message}"
    );
    let message = layout_failure::<Malformed>(Blame::Any).unwrap();
    assert!(
        message.as_str().contains("WRITTEN record is not in the format"),
        "{message}"
    );
    // The provided constants of a refused layout say so.
    assert_eq!(WrappedStride::REQUIRED_LEN, usize::MAX);
}

/// Constants that contradict each other: the index reads `SHAPE`, the
/// bounds rule `SHAPE_SLICE`.
#[derive(Clone, Copy, Debug)]
struct Contradictory;
impl Layout for Contradictory {
    type Index = [usize; 1];
    type Shape = view_core::shape::AnyShape;
    const SHAPE: [usize; 1] = [100];
    const STRIDES: [isize; 1] = [1];
    const SHAPE_SLICE: &'static [usize] = &[2];
    const STRIDES_SLICE: &'static [isize] = &[1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 2;
}

/// A `Subview` that names an index type of the wrong rank.
#[derive(Clone, Copy, Debug)]
struct WrongRest;
impl Layout for WrongRest {
    type Index = [usize; 2];
    type Shape = view_core::shape::AnyShape;
    const SHAPE: [usize; 2] = [2, 3];
    const STRIDES: [isize; 2] = [3, 1];
    const SHAPE_SLICE: &'static [usize] = &[2, 3];
    const STRIDES_SLICE: &'static [isize] = &[3, 1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 6;
}
impl Subview<1> for WrongRest {
    type Rest = [usize; 2];
}

#[test]
fn contradictory_constants_are_refused() {
    let message = layout_failure::<Contradictory>(Blame::Any).unwrap();
    assert!(
        message.as_str().contains("constants contradict each other"),
        "{message}"
    );
    // The trailing layout of `WrongRest` has one extent but an index of
    // rank 2: inconsistent, so no sub-view can be made.
    let message = layout_failure::<Trailing<WrongRest, 1>>(Blame::Any).unwrap();
    assert!(
        message.as_str().contains("constants contradict each other"),
        "{message}"
    );
    // A well-formed hand-written layout is an ordinary layout.
    let data = [1, 2, 3, 4, 5, 6];
    let view = View::<_, WrongRest>::from_array(&data);
    assert_eq!(view[[1, 2]], 6);
}

strided_view! {
    mut Evens: [u8; 8] { shape: [4], strides: [2] }
    mut Odds: [u8; 8] { shape: [4], strides: [2], offset: 1 }
    mut FirstHalf: [u8; 8] { shape: [4] }
}

/// A hand-written split whose members share elements 0 and 2.
struct Overlapping;
impl Partition for Overlapping {
    type Members = (Evens, FirstHalf);
    const BUFFER_LEN: usize = 8;
    const NAME: &'static str = "Overlapping";
}

/// A hand-written split of disjoint members: an ordinary split.
struct Channels;
impl Partition for Channels {
    type Members = (Evens, Odds);
    const BUFFER_LEN: usize = 8;
}

#[test]
fn a_hand_written_split_is_proven_too() {
    let message = split_failure::<Overlapping>().unwrap();
    assert_eq!(
        message.as_str(),
        "split `Overlapping`: members `Evens` and `FirstHalf` overlap: `Evens` index [0] and `FirstHalf` index [0] \
         both reach element 0; split members must be pairwise disjoint"
    );
    assert!(split_failure::<Channels>().is_none());
    let mut buf = [0u8; 8];
    let (mut evens, mut odds) = view_core::split_array::<Channels, _, 8>(&mut buf);
    evens.fill(1);
    odds.fill(2);
    assert_eq!(buf, [1, 2, 1, 2, 1, 2, 1, 2]);
}

/// A hand layout whose provided `RANK` lies (0 for a rank-1 layout). Its
/// other numbers are honest, so view-core accepts it; and view-core never
/// reads the lie: it takes the rank from the index type (an adversarial
/// review found `contract` splitting the windows' strides at `O::RANK`,
/// which read past the windows' buffer).
#[derive(Clone, Copy)]
pub struct LyingRank;

impl Layout for LyingRank {
    type Index = [usize; 1];
    type Shape = view_core::shape::Shape1<2>;
    const SHAPE: [usize; 1] = [2];
    const STRIDES: [isize; 1] = [1];
    const SHAPE_SLICE: &'static [usize] = &[2];
    const STRIDES_SLICE: &'static [isize] = &[1];
    const OFFSET: usize = 0;
    const BUFFER_LEN: usize = 2;
    const RANK: usize = 0;
}

impl UniqueLayout for LyingRank {}

strided_view! {
    pub Windows2x3: [u8; 6] { shape: [2, 3] }
    pub Kernel3: [u8; 3] { shape: [3] }
}

#[test]
fn an_overridden_rank_is_never_read() {
    let windows = [1u8, 2, 3, 4, 5, 6];
    let kernel = [1u8, 2, 3];
    let mut out = [0u8; 2];
    let mut view = view_core::ViewMut::<u8, LyingRank>::from_array(&mut out);
    view_core::contract(Windows2x3::view(&windows), Kernel3::view(&kernel), &mut view);
    // out[i] = Σ_k windows[i, k] * kernel[k].
    let expect = |i: usize| (0..3).map(|k| windows[3 * i + k] * kernel[k]).sum::<u8>();
    assert_eq!(out, [expect(0), expect(1)]);
}
