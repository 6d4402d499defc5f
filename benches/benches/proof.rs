//! The cost of one exact proof decision on the largest layouts the
//! writable-views issue supports (buffers of up to 2^24 elements), measured
//! as the macro runs it: compiled code with a `Vec<u64>` scratch bitset.
//!
//! `cargo bench -p strided-view-benches --bench proof`. The budget is
//! 50 ms of expansion per decision. Each layout is chosen to get past the
//! cheap rules (stride 0, nesting, gcd) so the bitset search runs, except
//! `nested_4096x4096` and `stereo_2x2_23_gcd_rule`, which show what the cheap
//! rules cost. Every verdict is checked once before it is timed.
// `criterion_group!` defines an undocumented `pub fn`; a bench binary has no API.
#![allow(missing_docs)]

use core::hint::black_box;
use core::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use view_core::proof::{check_disjoint, check_unique, LayoutParts, Overlap, Uniqueness};

/// 2^24 elements: the largest buffer the issue asks exact answers for.
const BUFFER: usize = 1 << 24;

/// A uniqueness case: name, shape, strides, offset, expected to be unique.
type UniqueCase = (&'static str, &'static [usize], &'static [isize], isize, bool);

const UNIQUE_CASES: [UniqueCase; 4] = [
    // Not nested (4097 <= 2 * 4095) but unique (gcd 1 and 4097 > 4095):
    // the search marks all 4094 * 4096 = 16.8 M indices over a span of
    // 16 777 212 positions, just under 2^24. The worst case.
    ("unique_4094x4096_s4097_2", &[4094, 4096], &[4097, 2], 0, true),
    // Collides only between [0, 4095] and [2047, 0] (4095 * 2047 = 2047 *
    // 4095): the search runs through half of the 8.4 M indices first.
    (
        "late_collision_2048x4096_s4095_2047",
        &[2048, 4096],
        &[4095, 2047],
        0,
        false,
    ),
    // Rank 3: the unique 2-D skew of the first case (1023 x 4096, strides
    // 4097 and 2) repeated 3 times at a stride past its span: 12.6 M
    // indices over 12.6 M positions, searched because the inner pair does
    // not nest.
    (
        "unique_rank3_3x1023x4096_s4195325_4097_2",
        &[3, 1023, 4096],
        &[4_195_325, 4097, 2],
        0,
        true,
    ),
    // The cheap rule: C order nests, decided without the bitset.
    ("nested_4096x4096", &[4096, 4096], &[4096, 1], 0, true),
];

fn uniqueness(c: &mut Criterion) {
    let mut scratch = vec![0u64; BUFFER / 64];
    let mut group = c.benchmark_group("proof_unique");
    for (name, shape, strides, offset, unique) in UNIQUE_CASES {
        let span: isize = shape
            .iter()
            .zip(strides)
            .map(|(&n, &s)| (n as isize - 1) * s.abs())
            .sum();
        assert!(span < BUFFER as isize, "{name} spans {span} positions");
        let verdict = check_unique(shape, strides, offset, &mut scratch);
        match (unique, verdict) {
            (true, Uniqueness::Unique) | (false, Uniqueness::Collision(_)) => {}
            (_, other) => panic!("{name}: unexpected verdict {other:?}"),
        }
        group.bench_function(name, |b| {
            b.iter(|| check_unique(black_box(shape), black_box(strides), black_box(offset), &mut scratch))
        });
    }
    group.finish();
}

/// A disjointness case: two members of one 2^24-element buffer.
type DisjointCase = (&'static str, LayoutParts<'static>, LayoutParts<'static>);

const DISJOINT_CASES: [DisjointCase; 2] = [
    // The stereo split at full size: even and odd elements, 2^23 each.
    // Their positions differ modulo gcd(strides) = 2: the gcd rule decides.
    (
        "stereo_2x2_23_gcd_rule",
        LayoutParts {
            shape: &[1 << 23],
            strides: &[2],
            offset: 0,
        },
        LayoutParts {
            shape: &[1 << 23],
            strides: &[2],
            offset: 1,
        },
    ),
    // Even columns of the even rows against even columns of the odd rows of
    // a 4096 x 4096 image, 2^22 indices each: the offsets differ by 4096, a
    // multiple of every stride's gcd, so the bitset search runs.
    (
        "row_planes_2048x2048_bitset",
        LayoutParts {
            shape: &[2048, 2048],
            strides: &[8192, 2],
            offset: 0,
        },
        LayoutParts {
            shape: &[2048, 2048],
            strides: &[8192, 2],
            offset: 4096,
        },
    ),
];

fn disjointness(c: &mut Criterion) {
    let mut scratch = vec![0u64; BUFFER / 64];
    let mut group = c.benchmark_group("proof_disjoint");
    for (name, a, b) in DISJOINT_CASES {
        let verdict = check_disjoint(a, b, &mut scratch);
        assert!(
            matches!(verdict, Overlap::Disjoint),
            "{name}: unexpected verdict {verdict:?}"
        );
        group.bench_function(name, |bench| {
            bench.iter(|| check_disjoint(black_box(a), black_box(b), &mut scratch))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    targets = uniqueness, disjointness
}
criterion_main!(benches);
