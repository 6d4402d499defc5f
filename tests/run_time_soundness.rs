//! Safe-code probes of the run-time views, streams and run-time patches
//! (from an adversarial review): every `&mut` a path hands out is held at
//! once and written through, so Miri (stacked and tree borrows, 64- and
//! 32-bit, in `.ci/run`) reports any alias; the verdicts and values are
//! compared with enumeration.
#![allow(clippy::result_large_err)]

use strided_view::{contract, strided_view, zip, Chunk, DynLayout, DynSplit, DynView, DynViewMut, View, ViewMut};

strided_view! {
    mut A: [i64; 12] { shape: [3, 2], strides: [-4, 1], offset: 8 }
    mut B: [i64; 12] { shape: [2, 2], strides: [1, 4], offset: 2 }
    split AB = (A, B);
    mut Rev3: [i64; 3] { shape: [3], strides: [-1], offset: 2 }
    mut Grid: [i64; 30] { shape: [5, 6] }
}

fn collect_all_mut<const R: usize>(v: DynViewMut<'_, i64, R>) -> usize {
    // Hold every &mut at once, then write through each: Miri flags aliasing.
    let all: Vec<&mut i64> = v.into_iter().collect();
    let n = all.len();
    for r in all {
        *r += 1;
    }
    n
}

#[test]
fn rank_zero() {
    assert!(DynLayout::<0>::new([], [], 5, 5).is_err());
    let l = DynLayout::<0>::new([], [], 4, 5).unwrap();
    assert_eq!((l.size(), l.required_len()), (1, 5));
    let data = [0i64, 1, 2, 3, 4];
    let v = DynView::new(&data[..], l).unwrap();
    assert_eq!(v.get([]), Some(&4));
    assert_eq!(v.iter().rev().copied().collect::<Vec<_>>(), [4]);
    assert_eq!(v.sum(), 4);
    let same = DynSplit::new([l.writable().unwrap(), l.writable().unwrap()]);
    assert!(same.is_err(), "two rank-0 members at one element accepted");
    let mut buf = [0i64; 5];
    let other = DynLayout::<0>::new([], [], 3, 5).unwrap().writable().unwrap();
    let split = DynSplit::new([l.writable().unwrap(), other]).unwrap();
    let [mut x, mut y] = split.split(&mut buf).unwrap();
    *x.get_mut([]).unwrap() = 7;
    *y.get_mut([]).unwrap() = 8;
    assert_eq!(buf, [0, 0, 0, 8, 7]);
    // rank 0 algebra
    let mut buf = [1i64; 5];
    let w = DynViewMut::new(&mut buf, l.writable().unwrap()).unwrap();
    let w1: DynViewMut<'_, i64, 1> = w.new_axis(0).unwrap();
    let w2: DynViewMut<'_, i64, 3> = w1.broadcast_to([1, 1, 1]).unwrap();
    assert_eq!(collect_all_mut(w2), 1);
    let w = DynViewMut::new(&mut buf, l.writable().unwrap()).unwrap();
    assert!(w.broadcast_to::<1>([2]).is_err());
    let w = DynViewMut::new(&mut buf, l.writable().unwrap()).unwrap();
    let r: DynViewMut<'_, i64, 2> = w.reshape([1, -1]).unwrap();
    assert_eq!(r.shape(), [1, 1]);
}

#[test]
fn all_mut_of_algebra_chains() {
    let mut data: Vec<i64> = (0..120).collect();
    let l = DynLayout::new([2, 3, 4, 5], [60, 20, 5, 1], 0, 120)
        .unwrap()
        .writable()
        .unwrap();
    let v = DynViewMut::new(&mut data, l).unwrap();
    let v = v
        .flip(1)
        .unwrap()
        .permute([3, 1, 0, 2])
        .unwrap()
        .slice_step(0, (Some(-1), None), -2)
        .unwrap();
    assert_eq!(v.shape(), [3, 3, 2, 4]);
    let d: DynViewMut<'_, i64, 3> = v.diagonal(-1, 1, 3).unwrap();
    let r: DynViewMut<'_, i64, 4> = d.new_axis(2).unwrap();
    let shape = r.shape();
    let n = collect_all_mut(r);
    assert_eq!(n, shape.iter().product::<usize>());

    let mut data: Vec<i64> = (0..120).collect();
    let v = DynViewMut::new(&mut data, l).unwrap();
    let r: DynViewMut<'_, i64, 2> = v.reshape([-1, 10]).unwrap();
    let r: DynViewMut<'_, i64, 3> = r.t().reshape([5, 2, 12]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(collect_all_mut(r), 120);
}

#[test]
fn double_ended_meet() {
    let mut data: Vec<i64> = (0..24).collect();
    let l = DynLayout::new([2, 3, 4], [-12, 1, -3], 21, 24)
        .unwrap()
        .writable()
        .unwrap();
    let mut v = DynViewMut::new(&mut data, l).unwrap();
    for take_front in 0..=24 {
        let mut it = v.iter_mut();
        let mut held: Vec<&mut i64> = Vec::new();
        for _ in 0..take_front {
            held.push(it.next().unwrap());
        }
        while let Some(x) = it.next_back() {
            held.push(x);
        }
        assert!(it.next().is_none() && it.next_back().is_none());
        assert_eq!(held.len(), 24);
        for h in held {
            *h += 1;
        }
    }
    let mut it = v.indexed_iter_mut();
    let a = it.nth(10).unwrap();
    let b = it.nth_back(12).unwrap();
    assert!(it.next().is_none());
    *a.1 += 1;
    *b.1 += 1;
    assert_eq!(v.iter().nth(usize::MAX), None);
    assert_eq!(v.iter().size_hint(), (24, Some(24)));
    // fold of a partly consumed iterator
    let mut it = v.iter_mut();
    let first = it.next_back().unwrap();
    let n = it.fold(0, |n, x| {
        *x += 1;
        n + 1
    });
    *first += 1;
    assert_eq!(n, 23);
}

#[test]
fn stream_tails_different_strides() {
    for len in 0..40 {
        let mut samples: Vec<i64> = vec![0; len];
        let mut tails = 0;
        for chunk in AB::chunks_mut(&mut samples) {
            match chunk {
                Chunk::Block((a, b)) => {
                    let mut all: Vec<&mut i64> = a.into_iter().collect();
                    all.extend(b);
                    for x in all {
                        *x += 1;
                    }
                }
                Chunk::Tail((a, b)) => {
                    tails += 1;
                    let mut all: Vec<&mut i64> = a.into_iter().collect();
                    all.extend(b);
                    for x in all {
                        *x += 1;
                    }
                }
            }
        }
        assert!(samples.iter().all(|&s| s <= 1), "{len}: {samples:?}");
        // A tail exactly when the length is not a whole number of blocks.
        assert_eq!(tails, usize::from(len % 12 != 0), "{len}");
    }
}

#[test]
fn contract_run_time_negative_strides() {
    // Windows of a flipped 2-D signal, kernel with negative and zero strides.
    let x: Vec<i64> = (0..80).map(|i| i * i % 17).collect();
    // Rows of 1 to 8 taps each have their own loop in `contract`; 9 is
    // past them (Miri stops there).
    let most_taps = if cfg!(miri) { 9 } else { 10 };
    for taps in 1..=most_taps {
        let sig = DynView::new(&x, DynLayout::new([4, 20], [-20, 1], 60, 80).unwrap()).unwrap();
        let sig = sig.flip(1).unwrap();
        let w: DynView<'_, i64, 4> = sig.windows([2, taps]).unwrap();
        let kd: Vec<i64> = (0..2 * taps as i64).collect();
        let k = DynView::new(&kd, DynLayout::new([2, taps], [1, -2], 2 * taps - 2, 2 * taps).unwrap()).unwrap();
        let [o0, o1] = [3, 21 - taps];
        let mut out = vec![0i64; o0 * o1 * 2];
        let ol = DynLayout::new([o0, o1], [-2, 2 * o0 as isize], 2 * (o0 - 1), out.len())
            .unwrap()
            .writable()
            .unwrap();
        let mut o = DynViewMut::new(&mut out, ol).unwrap();
        contract(w, k, &mut o);
        for i in 0..o0 {
            for j in 0..o1 {
                let mut acc = 0;
                for a in 0..2 {
                    for b in 0..taps {
                        acc += w[[i, j, a, b]] * k[[a, b]];
                    }
                }
                assert_eq!(o[[i, j]], acc, "taps {taps} [{i},{j}]");
            }
        }
    }
}

#[test]
fn zip_three_operands_codes() {
    let a: Vec<i64> = (0..12).collect();
    let va = DynView::new(&a, DynLayout::new([3, 4], [0, -1], 3, 12).unwrap()).unwrap();
    let vb = DynView::new(&a, DynLayout::new([3, 4], [4, 0], 0, 12).unwrap()).unwrap();
    let mut out = vec![0i64; 12];
    let mut o = DynViewMut::new(
        &mut out,
        DynLayout::new([3, 4], [-4, -1], 11, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    zip((va, vb, &mut o)).for_each(|x, y, z| *z = x * 10 + y);
    assert_eq!(o[[2, 1]], 2 * 10 + 8);
    zip((va, vb)).map_into(&mut o, |x, y| x + y);
    let mut o2 = vec![0i64; 12];
    let mut g = DynViewMut::new(
        &mut o2,
        DynLayout::new([3, 4], [1, 3], 0, 12).unwrap().writable().unwrap(),
    )
    .unwrap();
    g.copy_from(&o);
    assert_eq!(g[[1, 1]], o[[1, 1]]);
}

#[test]
fn to_static_and_back() {
    let mut d = [1i64, 2, 3];
    let l = DynLayout::new([3], [1], 0, 3).unwrap().writable().unwrap();
    let v = DynViewMut::new(&mut d, l).unwrap().flip(0).unwrap();
    let mut s: ViewMut<'_, i64, Rev3> = v.to_static().unwrap();
    s[0] = 30;
    let back = s.into_dyn().t();
    assert_eq!(collect_all_mut(back), 3);
    assert_eq!(d, [2, 3, 31]);
}

#[test]
fn run_time_patches() {
    use strided_view::shape::Shape2;
    let mut d = [0i64; 30];
    let mut g = Grid::view_mut(&mut d);
    for y in 0..6 {
        for x in 0..7 {
            if let Some(p) = g.patch_mut::<Shape2<2, 3>>([y, x]) {
                let all: Vec<&mut i64> = p.into_iter().collect();
                for r in all {
                    *r += 1;
                }
            } else {
                assert!(y > 3 || x > 3);
            }
        }
    }
    assert_eq!(d.iter().sum::<i64>(), 4 * 4 * 6);
}

#[test]
fn dyn_split_members_of_different_strides() {
    let a = DynLayout::new([3, 2], [-4, 1], 8, 12).unwrap().writable().unwrap();
    let b = DynLayout::new([2, 2], [1, 4], 2, 12).unwrap().writable().unwrap();
    let c = DynLayout::new([2], [-4], 7, 12).unwrap().writable().unwrap();
    let bad = DynLayout::new([1, 2], [0, 4], 3, 12).unwrap().writable().unwrap();
    assert!(DynSplit::new([a, b, bad]).is_err()); // 3 and 7 are B's? (B: 2,3,6,7)
    let s = DynSplit::new([a, b, c.into_layout().slice_free()]).unwrap_or_else(|e| panic!("{e}"));
    let mut buf = vec![0i64; 12];
    let [x, y, z] = s.split(&mut buf).unwrap();
    let mut all: Vec<&mut i64> = x.into_iter().collect();
    all.extend(y);
    all.extend(z);
    for r in all {
        *r += 1;
    }
    assert!(buf.iter().all(|&v| v <= 1));
}

trait SliceFree {
    fn slice_free(self) -> strided_view::UniqueDynLayout<2>;
}
impl SliceFree for DynLayout<1> {
    // Rank 2 with a leading extent 1 of a huge stride: elements 11, 10.
    fn slice_free(self) -> strided_view::UniqueDynLayout<2> {
        DynLayout::new([1, 2], [1000, -1], 11, 12).unwrap().writable().unwrap()
    }
}

#[test]
fn zst_writable_huge() {
    let big = isize::MAX as usize;
    let mut units = vec![(); big];
    let l = DynLayout::new([big / 3, 3], [3, -1], 2, big)
        .unwrap()
        .writable()
        .unwrap();
    let v = DynViewMut::new(&mut units, l).unwrap();
    let v = v.flip(0).unwrap().t();
    let mut it = v.into_iter();
    let a = it.next().unwrap();
    let b = it.next_back().unwrap();
    let c = it.nth(5).unwrap();
    *a = ();
    *b = ();
    *c = ();
    assert_eq!(it.len(), big / 3 * 3 - 8);
}

#[test]
fn writable_windows_and_broadcasts_of_one() {
    let mut d: Vec<i64> = (0..24).collect();
    let l = DynLayout::new([4, 6], [-6, 1], 18, 24).unwrap().writable().unwrap();
    let v = DynViewMut::new(&mut d, l).unwrap();
    let w: DynViewMut<'_, i64, 4> = v.windows([1, 1]).unwrap();
    let w: DynViewMut<'_, i64, 5> = w.broadcast_to([1, 4, 6, 1, 1]).unwrap();
    assert_eq!(collect_all_mut(w), 24);
    let v = DynViewMut::new(&mut d, l).unwrap();
    // Windows whose result has an extent-1 window axis but positions overlapping: must fail.
    assert!(v.windows::<4>([2, 1]).is_err());
    let v = DynViewMut::new(&mut d, l).unwrap();
    // full-extent window: one position
    let w: DynViewMut<'_, i64, 4> = v.windows([4, 6]).unwrap();
    assert_eq!(collect_all_mut(w), 24);
}

#[test]
fn contract_with_writable_operands() {
    let mut x: Vec<i64> = (0..30).collect();
    let mut kd = vec![1i64, -1, 2];
    let mut out = vec![0i64; 8];
    let xl = DynLayout::new([10], [-3], 27, 30).unwrap().writable().unwrap();
    let xv = DynViewMut::new(&mut x, xl).unwrap();
    let w: DynView<'_, i64, 2> = xv.into_view().windows([3]).unwrap();
    let mut k = DynViewMut::new(&mut kd, DynLayout::new([3], [-1], 2, 3).unwrap().writable().unwrap()).unwrap();
    let mut o = DynViewMut::new(&mut out, DynLayout::new([8], [-1], 7, 8).unwrap().writable().unwrap()).unwrap();
    contract(w, &mut k, &mut o);
    assert_eq!(o[0], w[[0, 0]] * 2 - w[[0, 1]] + w[[0, 2]]);
    contract(w, &k, &mut o);
    assert_eq!(o[7], w[[7, 0]] * 2 - w[[7, 1]] + w[[7, 2]]);
    // windows as a borrowed writable view: a rank-2 unique layout over y.
    let mut y: Vec<i64> = (0..40).collect();
    let mut wv = DynViewMut::new(
        &mut y,
        DynLayout::new([8, 3], [5, -1], 2, 40).unwrap().writable().unwrap(),
    )
    .unwrap();
    contract(&mut wv, &k, &mut o);
    assert_eq!(o[3], wv[[3, 0]] * 2 - wv[[3, 1]] + wv[[3, 2]]);
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A random layout of `shape`: strides in -3..=3, based at its lowest element.
fn random_layout<const R: usize>(rng: &mut Lcg, shape: [usize; R]) -> (DynLayout<R>, usize) {
    let strides: [isize; R] = core::array::from_fn(|_| rng.next(7) as isize - 3);
    let low: isize = shape
        .iter()
        .zip(&strides)
        .map(|(&n, &s)| if s < 0 && n > 0 { s * (n as isize - 1) } else { 0 })
        .sum();
    let high: isize = shape
        .iter()
        .zip(&strides)
        .map(|(&n, &s)| if s > 0 && n > 0 { s * (n as isize - 1) } else { 0 })
        .sum();
    let len = (high - low + 1) as usize;
    (DynLayout::new(shape, strides, (-low) as usize, len).unwrap(), len)
}

fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![vec![]];
    for &n in shape {
        out = out
            .into_iter()
            .flat_map(|p| {
                (0..n).map(move |i| {
                    let mut q = p.clone();
                    q.push(i);
                    q
                })
            })
            .collect();
    }
    out
}

macro_rules! contract_case {
    ($rng:expr, $o:literal, $k:literal, $w:literal) => {{
        let rng: &mut Lcg = $rng;
        let oshape: [usize; $o] = core::array::from_fn(|_| rng.next(7) as usize);
        let kshape: [usize; $k] = core::array::from_fn(|_| rng.next(11) as usize);
        let mut wshape = [0usize; $w];
        wshape[..$o].copy_from_slice(&oshape);
        wshape[$o..].copy_from_slice(&kshape);
        let (wl, wlen) = random_layout(rng, wshape);
        let (kl, klen) = random_layout(rng, kshape);
        let wd: Vec<i64> = (0..wlen as i64).map(|e| e * 7 % 13 - 6).collect();
        let kd: Vec<i64> = (0..klen as i64).map(|e| e * 5 % 11 - 5).collect();
        let w = DynView::new(&wd, wl).unwrap();
        let k = DynView::new(&kd, kl).unwrap();
        // out: unique, C order or reversed/transposed
        let ostr = {
            let mut s = [0isize; $o];
            let mut acc = 1isize;
            for a in (0..$o).rev() {
                s[a] = acc;
                acc *= oshape[a].max(1) as isize;
            }
            if rng.next(2) == 0 {
                s.reverse();
            }
            s
        };
        let olen: usize = oshape.iter().product::<usize>().max(1);
        let ol = match DynLayout::new(oshape, ostr, 0, olen).and_then(|l| l.writable()) {
            Ok(l) => l,
            Err(_) => continue,
        };
        let mut od = vec![i64::MIN; olen];
        let mut o = DynViewMut::new(&mut od, ol).unwrap();
        contract(w, k, &mut o);
        for oi in indices(&oshape) {
            let mut acc = 0i64;
            for ki in indices(&kshape) {
                let wi: Vec<usize> = oi.iter().chain(&ki).copied().collect();
                acc += w[<[usize; $w]>::try_from(&wi[..]).unwrap()] * k[<[usize; $k]>::try_from(&ki[..]).unwrap()];
            }
            assert_eq!(
                o[<[usize; $o]>::try_from(&oi[..]).unwrap()],
                acc,
                "{:?} {:?} {:?} {:?}",
                oshape,
                kshape,
                wl,
                kl
            );
        }
    }};
}

#[test]
fn contract_any_ranks_against_brute_force() {
    let mut rng = Lcg(7);
    let cases = if cfg!(miri) { 1 } else { 200 };
    for _ in 0..cases {
        contract_case!(&mut rng, 1, 0, 1);
        contract_case!(&mut rng, 1, 1, 2);
        contract_case!(&mut rng, 1, 2, 3);
        contract_case!(&mut rng, 2, 1, 3);
        contract_case!(&mut rng, 2, 2, 4);
        contract_case!(&mut rng, 3, 1, 4);
        contract_case!(&mut rng, 2, 3, 5);
        contract_case!(&mut rng, 0, 2, 2);
    }
}

strided_view! {
    mut Pad: [i64; 40] { shape: [4, 5], strides: [7, -1], offset: 12 }
    mut Empty0: [i64; 0] { shape: [0, 3] }
    Line4: [i64; 4] { shape: [4] }
}

#[test]
fn patch_into_dyn_and_empty_to_static() {
    use strided_view::shape::Shape2;
    let mut d: Vec<i64> = (0..40).collect();
    let d: &mut [i64; 40] = (&mut d[..]).try_into().unwrap();
    let mut pad = Pad::view_mut(d);
    let p = pad.patch_mut::<Shape2<3, 2>>([1, 3]).unwrap();
    let dp: DynViewMut<'_, i64, 2> = p.into_dyn();
    let dp = dp.flip(0).unwrap().t();
    let mut all: Vec<&mut i64> = dp.into_iter().collect();
    for r in all.iter_mut() {
        **r = -**r;
    }
    drop(all);
    assert_eq!(pad.iter().filter(|&&x| x < 0).count(), 6);
    // An empty run-time view to a static one, and back.
    let mut none: [i64; 0] = [];
    let e = DynViewMut::new(
        &mut none,
        DynLayout::new([0, 3], [-5, 9], 0, 0).unwrap().writable().unwrap(),
    )
    .unwrap();
    let s: ViewMut<'_, i64, Empty0> = e.to_static().unwrap();
    assert_eq!(s.iter().count(), 0);
    let back = s.into_dyn();
    assert_eq!(collect_all_mut(back), 0);
    // A run-time view over the middle of a buffer to a static rank-1 view.
    let data: Vec<i64> = (0..10).collect();
    let v = DynView::new(&data, DynLayout::new([4], [1], 3, 10).unwrap()).unwrap();
    let s: View<'_, i64, Line4> = v.to_static().unwrap();
    assert!(s.iter().copied().eq(3..7));
    let v = DynView::new(&data, DynLayout::new([4], [-2], 9, 10).unwrap()).unwrap();
    assert!(v.to_static::<Line4>().is_err());
}

#[test]
fn run_time_tiles() {
    let mut d: Vec<i64> = (0..48).collect();
    let l = DynLayout::new([6, 8], [8, 1], 0, 48).unwrap().writable().unwrap();
    // Overlapping windows are refused before a step could make them tiles.
    let v = DynViewMut::new(&mut d, l).unwrap();
    assert!(v.windows::<4>([2, 2]).is_err());
    // Tiles by reshape + permute: writable, each element once.
    let v = DynViewMut::new(&mut d, l).unwrap();
    let t: DynViewMut<'_, i64, 4> = v.reshape([3, 2, 4, 2]).unwrap().permute([0, 2, 1, 3]).unwrap();
    assert_eq!(t.shape(), [3, 4, 2, 2]);
    assert_eq!(collect_all_mut(t), 48);
    // Tiles with gaps (step 3 over width 2) by slicing windows of 1 is impossible;
    // by slicing the reshaped view it is possible.
    let v = DynViewMut::new(&mut d, l).unwrap();
    let g: DynViewMut<'_, i64, 4> = v
        .reshape([2, 3, 4, 2])
        .unwrap()
        .permute([0, 2, 1, 3])
        .unwrap()
        .slice(2, 0..2)
        .unwrap();
    assert_eq!(collect_all_mut(g), 32);
}
