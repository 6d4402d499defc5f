//! Layouts generic over const parameters, proven per instantiation; the
//! layout algebra on parents written with named constants, generic ones and
//! ones declared in another module; the results compared with plain loops
//! and with the literal layouts of the same numbers.

use view_core::{contract, zip, Layout, Verdict};
use view_macros::strided_view;

strided_view! {
    pub mut Gray<const W: usize, const H: usize>: [_; W * H] { shape: [H, W] }
    pub GrayT<const W: usize, const H: usize> = Gray<W, H>.t();
    pub Win3<const W: usize, const H: usize> = Gray<W, H>.windows([3, 3]);
    pub mut Out<const W: usize, const H: usize>: [_; (W - 2) * (H - 2)] { shape: [H - 2, W - 2] }
    pub mut Left<const N: usize>: [_; 2 * N] { shape: [N], strides: [2] }
    pub mut Right<const N: usize>: [_; 2 * N] { shape: [N], strides: [2], offset: 1 }
    pub split Stereo<const N: usize> = (Left<N>, Right<N>);
}

strided_view! {
    /// The transposed copy's target: the transpose of `Gray`, as its own layout.
    pub mut Transposed<const W: usize, const H: usize>: [_; W * H] { shape: [W, H] }
    /// The interior of `Gray` (a one-pixel frame left out), writable.
    pub mut Interior<const W: usize, const H: usize> = Gray<W, H>.slice(0, 1..-1).slice(1, 1..-1);
    /// `Gray` upside down.
    pub mut Flipped<const W: usize, const H: usize> = Gray<W, H>.flip(0);
    /// The 3 x 3 kernel of ones.
    pub Box3: [_; 9] { shape: [3, 3] }
}

/// The image pipeline of the issue, for any size: gray -> 3x3 box sum
/// (windows + contract) -> transposed copy -> interior fill -> vertical flip.
/// Returns the box sums, the transposed image, the filled and flipped image.
fn pipeline<const W: usize, const H: usize>(image: &[i64]) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
    let gray = Gray::<W, H>::try_view(image).unwrap();
    let mut sums = vec![0; (W - 2) * (H - 2)];
    let ones = [1i64; 9];
    contract(
        Win3::<W, H>::of(gray),
        Box3::view(&ones),
        &mut Out::<W, H>::try_view_mut(&mut sums).unwrap(),
    );
    let mut transposed = vec![0; W * H];
    Transposed::<W, H>::try_view_mut(&mut transposed)
        .unwrap()
        .copy_from(GrayT::<W, H>::of(gray));
    let mut work = image.to_vec();
    let mut whole = Gray::<W, H>::try_view_mut(&mut work).unwrap();
    Interior::<W, H>::of_mut(whole.reborrow()).fill(0);
    let flipped: Vec<i64> = Flipped::<W, H>::of_mut(whole).iter().copied().collect();
    (sums, transposed, flipped)
}

/// The same with plain loops over `image[y * W + x]`.
fn reference<const W: usize, const H: usize>(image: &[i64]) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
    let mut sums = vec![0; (W - 2) * (H - 2)];
    for y in 0..H - 2 {
        for x in 0..W - 2 {
            let mut acc = 0;
            for dy in 0..3 {
                for dx in 0..3 {
                    acc += image[(y + dy) * W + x + dx];
                }
            }
            sums[y * (W - 2) + x] = acc;
        }
    }
    let mut transposed = vec![0; W * H];
    for y in 0..H {
        for x in 0..W {
            transposed[x * H + y] = image[y * W + x];
        }
    }
    let mut work = image.to_vec();
    for y in 1..H - 1 {
        for x in 1..W - 1 {
            work[y * W + x] = 0;
        }
    }
    let mut flipped = Vec::with_capacity(W * H);
    for y in (0..H).rev() {
        flipped.extend_from_slice(&work[y * W..(y + 1) * W]);
    }
    (sums, transposed, flipped)
}

fn check_pipeline<const W: usize, const H: usize>() {
    let image: Vec<i64> = (0..(W * H) as i64).map(|v| (v * 7919) % 1000 - 500).collect();
    assert_eq!(pipeline::<W, H>(&image), reference::<W, H>(&image), "{W} x {H}");
}

#[test]
fn the_image_pipeline_at_three_sizes() {
    check_pipeline::<4, 3>();
    check_pipeline::<17, 9>();
    check_pipeline::<64, 48>();
}

#[test]
fn the_issue_spelling() {
    let buf: [f32; 12] = core::array::from_fn(|i| i as f32);
    let v = Gray::<4, 3>::view(&buf);
    let t = GrayT::<4, 3>::of(v);
    assert_eq!(t[[3, 2]], 11.0);
    assert_eq!(<Win3<4, 3> as Layout>::SHAPE, [1, 2, 3, 3]);
    assert_eq!(<Out<4, 3> as Layout>::SHAPE, [1, 2]);
    assert_eq!(<Gray<4, 3> as Layout>::UNIQUENESS, Verdict::Proven);
    assert_eq!(<GrayT<4, 3> as Layout>::STRIDES, [1, 4]);
    assert_eq!(<Win3<4, 3> as Layout>::UNIQUENESS, Verdict::Refuted);
}

/// A generic function: the split of any length, by slice.
fn stereo<const N: usize>(samples: &mut [i16]) -> Result<(), view_core::LengthError> {
    let (mut l, mut r) = Stereo::<N>::try_split(samples)?;
    zip((&mut l, &mut r)).for_each(|l, r| (*l, *r) = (*l + *r, *l - *r));
    Ok(())
}

fn check_stereo<const N: usize>() {
    let mut samples: Vec<i16> = (0..2 * N as i16).collect();
    stereo::<N>(&mut samples).unwrap();
    for k in 0..N {
        let (l, r) = (2 * k as i16, 2 * k as i16 + 1);
        assert_eq!((samples[2 * k], samples[2 * k + 1]), (l + r, l - r), "frame {k} of {N}");
    }
    let mut short = vec![0i16; 2 * N - 1];
    assert!(stereo::<N>(&mut short).is_err());
}

#[test]
fn a_generic_stereo_split_at_1_64_and_1000_frames() {
    check_stereo::<1>();
    check_stereo::<64>();
    check_stereo::<1000>();
    let mut frames = [0i16; 8];
    let (mut l, mut r) = Stereo::<4>::split(&mut frames);
    l.fill(1);
    r.fill(-1);
    assert_eq!(frames, [1, -1, 1, -1, 1, -1, 1, -1]);
}

const W: usize = 6;
const H: usize = 4;

strided_view! {
    /// A parent written with named constants.
    pub mut Named: [i32; W * H] { shape: [H, W] }
    pub NamedT = Named.t();
    /// An operation argument that is a constant expression.
    pub mut Band = Named.slice(1, 1..W - 1);
    pub Window = Named.windows([2, 2]);
    pub Row = Named.index(0, H as isize - 1);
}

mod layouts {
    view_macros::strided_view! {
        /// A parent declared in another module (and another invocation).
        pub mut Img: [u8; 20] { shape: [4, 5] }
    }
}

strided_view! {
    pub ImgT = crate::layouts::Img.t();
    pub mut ImgRows = layouts::Img.slice(0, .., 2);
}

strided_view! {
    /// The same numbers as literals: the algebra done by the macro.
    pub mut NamedLiteral: [i32; 24] { shape: [4, 6] }
    pub NamedLiteralT = NamedLiteral.t();
    pub mut BandLiteral = NamedLiteral.slice(1, 1..5);
    pub WindowLiteral = NamedLiteral.windows([2, 2]);
    pub RowLiteral = NamedLiteral.index(0, 3);
    pub mut ImgLiteral: [u8; 20] { shape: [4, 5] }
    pub ImgLiteralT = ImgLiteral.t();
    pub mut ImgRowsLiteral = ImgLiteral.slice(0, .., 2);
}

/// The constants of two layouts are the same numbers, with the same verdicts.
fn same<A: Layout, B: Layout>() {
    assert_eq!(A::SHAPE_SLICE, B::SHAPE_SLICE, "shape");
    assert_eq!(A::STRIDES_SLICE, B::STRIDES_SLICE, "strides");
    assert_eq!((A::OFFSET, A::BUFFER_LEN), (B::OFFSET, B::BUFFER_LEN), "offset, buffer");
    assert_eq!(
        (A::SIZE, A::REQUIRED_LEN, A::REQUIRED_SPAN),
        (B::SIZE, B::REQUIRED_LEN, B::REQUIRED_SPAN)
    );
    assert_eq!(A::UNIQUENESS, B::UNIQUENESS, "uniqueness");
}

#[test]
fn the_algebra_on_named_constant_and_other_module_parents() {
    same::<Named, NamedLiteral>();
    same::<NamedT, NamedLiteralT>();
    same::<Band, BandLiteral>();
    same::<Window, WindowLiteral>();
    same::<Row, RowLiteral>();
    same::<ImgT, ImgLiteralT>();
    same::<ImgRows, ImgRowsLiteral>();
    same::<Gray<6, 4>, NamedLiteral>();
    same::<GrayT<6, 4>, NamedLiteralT>();
    let data: [i32; 24] = core::array::from_fn(|i| i as i32);
    let named = Named::view(&data);
    assert!(NamedT::of(named) == NamedLiteralT::of(NamedLiteral::view(&data)));
    assert!(Row::of(named).iter().copied().eq(18..24));
    let mut buf = data;
    Band::of_mut(Named::view_mut(&mut buf)).fill(-1);
    assert_eq!(buf[..6], [0, -1, -1, -1, -1, 5]);
    let img: [u8; 20] = core::array::from_fn(|i| i as u8);
    assert_eq!(ImgT::of(layouts::Img::view(&img))[[4, 3]], 19);
    let mut img = img;
    ImgRows::of_mut(layouts::Img::view_mut(&mut img)).fill(0);
    assert_eq!(img[5..10], [5, 6, 7, 8, 9]);
    assert_eq!(img[10..15], [0; 5]);
}

strided_view! {
    /// Fits its buffer only for `N <= 1`.
    pub Every2<const N: usize>: [_; N] { shape: [N], strides: [2] }
}

#[test]
fn a_failing_instantiation_can_be_named_and_says_what_it_needs() {
    // No view of `Every2<3>` can be made (ui-tests/tests/build/fail_generic_bounds.rs);
    // its numbers can be read, and REQUIRED_LEN is the buffer its error names.
    assert_eq!(<Every2<3> as Layout>::SHAPE, [3]);
    assert_eq!(<Every2<3> as Layout>::REQUIRED_LEN, 5);
    assert_eq!(<Every2<3> as Layout>::UNIQUENESS, Verdict::Proven);
    assert_eq!(<Every2<1> as Layout>::REQUIRED_LEN, 1);
    assert_eq!(Every2::<1>::view(&[7u8])[[0]], 7);
}
