#!/usr/bin/env python3
"""NumPy differential run for run-time layouts (view-core's `DynLayout`).

Random layouts given by NumPy's numbers (shape, byte strides, byte offset,
item size, buffer length in bytes) go through

- NumPy's constructor `np.ndarray(shape, dtype, buffer=bytearray(nbytes),
  offset=, strides=)`: accepted or refused, against `DynLayout::from_numpy`;
- NumPy's exact internal-overlap solver
  (`numpy._core._multiarray_tests.internal_overlap`, exact by default) on
  every array both accept, against `DynLayout::writable_in`;
- `np.shares_memory(a, b, max_work=-1)` (exact) on pairs of arrays of one
  buffer both accept, against `DynLayout::disjoint_in`.

The Rust verdicts come from the test `numpy_differential` in
`tests/dynamic_layouts.rs` (run through cargo with the case and answer files
in `STRIDED_VIEW_NUMPY_CASES` / `STRIDED_VIEW_NUMPY_ANSWERS`; it uses a budget
large enough to decide every case, as NumPy's exact solvers do).

Every difference is classified. Expected, and documented by `from_numpy`:
- NumPy bug 1: a buffer of 0 bytes is taken for one of `size * itemsize`
  bytes (`PyArray_CheckStrides`), so NumPy accepts a non-empty array over it;
- NumPy bug 2: `stride * (n - 1)` and the sums of `offset_bounds_from_strides`
  wrap around in 64 bits, so NumPy accepts strides near +-2^63;
- by design: a byte stride or offset that is not a multiple of the item size
  (NumPy makes an unaligned array; `from_numpy` refuses).
Anything else is a disagreement; the script exits with status 1 if there is
one. The script's own model of NumPy's rule (with the wrap and the 0-byte
buffer) is checked against NumPy's verdicts too, so that the classification
rests on NumPy's real behaviour.

Not covered, because `from_numpy` cannot express it: NumPy also accepts a
negative `offset` when no `strides` are given (and then reads before the
buffer); `from_numpy`'s byte offset is a `usize`.

Run from the workspace root (needs `pip install numpy`):

    python3 tests/numpy_oracle/dynamic_cases.py                  # 20000 layouts, 10000 pairs
    python3 tests/numpy_oracle/dynamic_cases.py --cases 2000 --seed 7
"""

import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

import numpy as np
try:
    from numpy._core._multiarray_tests import internal_overlap
except ImportError:  # NumPy 1.x
    from numpy.core._multiarray_tests import internal_overlap

DTYPES = [np.dtype(np.int8), np.dtype(np.int16), np.dtype("S3"), np.dtype(np.int32), np.dtype(np.int64),
          np.dtype(np.complex128)]
I64_MIN, I64_MAX = -(2**63), 2**63 - 1


def wrap(x):
    """x as NumPy's npy_intp arithmetic leaves it (two's complement, 64 bits)."""
    return (x + 2**63) % 2**64 - 2**63


def numpy_model(shape, strides, offset, itemsize, nbytes, wrapping=True):
    """NumPy's rule as its C code computes it, bugs included: ndarray.__new__'s
    PyArray_CheckStrides (offset_bounds_from_strides in wrapping arithmetic, a
    0-byte buffer replaced by size * itemsize), then PyArray_NewFromDescr_int's
    size check (itemsize * extents, 0 counted as 1, must fit in npy_intp).
    For rank 0, `strides=()` converts to a NULL pointer, so ndarray.__new__
    also runs its no-strides check `buffer.len >= offset + itemsize * size`,
    which a 0-byte buffer fails: bug 1 needs a rank of at least 1. With
    `wrapping=False`, the same computation in exact integers (bug 1 only)."""
    if not wrapping:
        wrap = int
    else:
        wrap = globals()["wrap"]
    numbytes = nbytes if nbytes != 0 else wrap(math.prod(shape) * itemsize)
    begin, end = -offset, wrap(numbytes - offset)
    lower = upper = 0
    if 0 not in shape:
        for n, s in zip(shape, strides):
            m = wrap(s * (n - 1))
            if m > 0:
                upper = wrap(upper + m)
            else:
                lower = wrap(lower + m)
        upper = wrap(upper + itemsize)
    if upper > end or lower < begin:
        return False
    if not shape and nbytes < offset + itemsize:
        return False
    size = itemsize
    for n in shape:
        if n != 0:
            size *= n
            if size > I64_MAX:
                return False
    return True


def exact_rule(shape, strides, offset, itemsize, nbytes):
    """NumPy's rule without its two bugs: exact integers, a 0-byte buffer holds nothing."""
    if 0 in shape:
        bounds = 0 <= offset <= nbytes
    else:
        lower = sum(min(0, s * (n - 1)) for n, s in zip(shape, strides))
        upper = sum(max(0, s * (n - 1)) for n, s in zip(shape, strides)) + itemsize
        bounds = offset + lower >= 0 and offset + upper <= nbytes
    size = itemsize * math.prod(n for n in shape if n != 0)
    return bounds and size <= I64_MAX


def multiples(strides, offset, itemsize):
    return all(s % itemsize == 0 for s in strides) and offset % itemsize == 0


def numpy_array(buffer, dtype, shape, strides, offset):
    try:
        return np.ndarray(shape=shape, dtype=dtype, buffer=buffer, offset=offset, strides=strides)
    except (ValueError, TypeError, OverflowError):
        return None


def draw_layout(rng, rank, itemsize):
    """Shape, byte strides and byte offset, mostly placed in bounds of some buffer."""
    shape = [0 if rng.random() < 0.07 else rng.randint(1, 5) for _ in range(rank)]
    strides = [rng.randint(-8, 8) * itemsize for _ in range(rank)]
    roll = rng.random()
    if roll < 0.05 and rank > 0:
        # Near +-2^63: NumPy's `stride * (n - 1)` wraps.
        axis = rng.randrange(rank)
        shape[axis] = rng.choice([2, 3, 4, 5])
        base = rng.choice([I64_MIN, I64_MAX, 2**62, -(2**62), 2**63 // (shape[axis] - 1)])
        stride = max(I64_MIN, min(I64_MAX, base + rng.randint(-3, 3) * itemsize))
        # The multiple of the item size nearest 0: still an npy_intp.
        strides[axis] = (abs(stride) // itemsize * itemsize) * (1 if stride >= 0 else -1)
    elif roll < 0.08 and rank > 0:
        # A broadcast axis of a huge extent: NumPy's "array is too big" when
        # the extents times the item size pass isize::MAX.
        axis = rng.randrange(rank)
        shape[axis] = 2 ** rng.randint(20, 63) - rng.randint(0, 1)
        strides[axis] = 0
    elif roll < 0.16 and rank > 0 and itemsize > 1:
        strides[rng.randrange(rank)] += rng.randint(1, itemsize - 1)
    lower = sum(min(0, s * (n - 1)) for n, s in zip(shape, strides)) if 0 not in shape else 0
    upper = sum(max(0, s * (n - 1)) for n, s in zip(shape, strides)) if 0 not in shape else 0
    offset = max(0, -lower) + rng.randint(-2, 3) * itemsize
    if rng.random() < 0.08 and itemsize > 1:
        offset += rng.randint(1, itemsize - 1)
    offset = max(0, min(offset, I64_MAX))
    need = offset + upper + itemsize
    return shape, strides, offset, need


def draw_nbytes(rng, need, itemsize):
    roll = rng.random()
    if roll < 0.06:
        return 0
    if roll < 0.5 and 0 <= need < 2**16:
        return max(0, need + rng.randint(-itemsize - 1, itemsize + 1))
    return rng.randint(0, 400)


def line(*numbers):
    return " ".join(str(n) for n in numbers)


def generate(rng, count, pairs):
    ctor, pair = [], []
    for case in range(count):
        dtype = rng.choice(DTYPES)
        rank = rng.randint(0, 4)
        shape, strides, offset, need = draw_layout(rng, rank, dtype.itemsize)
        nbytes = draw_nbytes(rng, need, dtype.itemsize)
        ctor.append(dict(id=f"c{case}", dtype=dtype, shape=shape, strides=strides, offset=offset, nbytes=nbytes))
    for case in range(pairs):
        dtype = rng.choice(DTYPES)
        rank = rng.randint(0, 4)
        a = draw_layout(rng, rank, dtype.itemsize)
        b = draw_layout(rng, rank, dtype.itemsize)
        nbytes = max(a[3], b[3], 0)
        if nbytes > 2**16:
            nbytes = rng.randint(0, 400)
        pair.append(dict(id=f"p{case}", dtype=dtype, a=a[:3], b=b[:3], nbytes=nbytes))
    return ctor, pair


def run_rust(ctor, pair, keep):
    directory = keep or tempfile.mkdtemp(prefix="dyncheck_numpy_")
    os.makedirs(directory, exist_ok=True)
    cases_path = os.path.join(directory, "cases.txt")
    answers_path = os.path.join(directory, "answers.txt")
    with open(cases_path, "w") as f:
        for c in ctor:
            f.write(line("ctor", c["id"], len(c["shape"]), *c["shape"], *c["strides"], c["offset"],
                         c["dtype"].itemsize, c["nbytes"]) + "\n")
        for p in pair:
            (sa, ta, oa), (sb, tb, ob) = p["a"], p["b"]
            f.write(line("pair", p["id"], len(sa), *sa, *ta, oa, *sb, *tb, ob, p["dtype"].itemsize, p["nbytes"]) + "\n")
    env = dict(os.environ, STRIDED_VIEW_NUMPY_CASES=cases_path, STRIDED_VIEW_NUMPY_ANSWERS=answers_path)
    command = ["cargo", "test", "-q", "-p", "strided-view", "--test", "dynamic_layouts", "numpy_differential",
               "--", "--exact"]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    answers = {}
    with open(answers_path) as f:
        for text in f:
            key, *verdict = text.split()
            answers[key] = verdict
    return answers, directory


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20000, help="random layouts for the constructor and overlap")
    parser.add_argument("--pairs", type=int, default=None, help="random pairs for shares_memory (default: cases / 2)")
    parser.add_argument("--seed", type=int, default=20261215)
    parser.add_argument("--keep", help="directory for the case and answer files (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ctor, pair = generate(rng, args.cases, args.cases // 2 if args.pairs is None else args.pairs)
    answers, directory = run_rust(ctor, pair, args.keep)

    tally = Counter()
    disagreements = []

    for c in ctor:
        shape, strides, offset, nbytes, dtype = c["shape"], c["strides"], c["offset"], c["nbytes"], c["dtype"]
        itemsize = dtype.itemsize
        array = numpy_array(bytearray(nbytes), dtype, tuple(shape), tuple(strides), offset)
        numpy_ok = array is not None
        if numpy_model(shape, strides, offset, itemsize, nbytes) != numpy_ok:
            disagreements.append(("the script's model of NumPy", c, numpy_ok))
        ours = answers[c["id"]]
        ours_ok = ours[0] == "accept"
        if numpy_ok and ours_ok:
            tally["constructor: both accept"] += 1
            numpy_overlap = bool(internal_overlap(array))
            if ours[1] == "undecided":
                disagreements.append(("internal overlap: ours undecided", c, numpy_overlap))
            elif (ours[1] in ("collision", "crowded")) != numpy_overlap:
                disagreements.append(("internal overlap", c, (numpy_overlap, ours[1])))
            else:
                tally["internal overlap: both " + ("overlap" if numpy_overlap else "unique")] += 1
        elif not numpy_ok and not ours_ok:
            tally[f"constructor: both refuse (ours: {ours[1]})"] += 1
        elif numpy_ok:
            if not multiples(strides, offset, itemsize):
                assert ours[1] == "bytes", (c, ours)
                tally["NumPy accepts, by design refused: not a multiple of the item size"] += 1
            elif exact_rule(shape, strides, offset, itemsize, nbytes):
                disagreements.append(("constructor: NumPy accepts, ours refuses", c, ours))
            elif nbytes == 0 and exact_rule(shape, strides, offset, itemsize, math.prod(shape) * itemsize):
                tally["NumPy accepts, NumPy bug 1: 0-byte buffer taken for a full one"] += 1
            elif not numpy_model(shape, strides, offset, itemsize, nbytes, wrapping=False):
                tally["NumPy accepts, NumPy bug 2: wrapping stride * (n - 1)"] += 1
            else:
                disagreements.append(("constructor: NumPy accepts for no known bug, ours refuses", c, ours))
        else:
            disagreements.append(("constructor: NumPy refuses, ours accepts", c, ours))

    for p in pair:
        buffer = bytearray(p["nbytes"])
        (sa, ta, oa), (sb, tb, ob) = p["a"], p["b"]
        a = numpy_array(buffer, p["dtype"], tuple(sa), tuple(ta), oa)
        b = numpy_array(buffer, p["dtype"], tuple(sb), tuple(tb), ob)
        ours = answers[p["id"]]
        if a is None or b is None or ours[0] != "accept":
            # The constructor's verdicts are compared above; a pair needs both arrays.
            tally["pairs: not both accepted by both"] += 1
            continue
        try:
            shared = bool(np.shares_memory(a, b, max_work=-1))
        except OverflowError:
            # NumPy's solver gives up on 64-bit overflow (MEM_OVERLAP_OVERFLOW).
            tally["pairs: NumPy's exact solver overflows"] += 1
            continue
        if ours[1] == "undecided":
            disagreements.append(("shares_memory: ours undecided", p, shared))
        elif (ours[1] == "shared") != shared:
            disagreements.append(("shares_memory", p, (shared, ours[1])))
        else:
            tally["shares_memory: both " + ("shared" if shared else "disjoint")] += 1

    where = f" (files in {directory})" if args.keep else ""
    if not args.keep:
        shutil.rmtree(directory)
    print(f"NumPy {np.__version__}, seed {args.seed}: {len(ctor)} layouts, {len(pair)} pairs{where}")
    for key in sorted(tally):
        print(f"  {tally[key]:7}  {key}")
    print(f"  {len(disagreements):7}  disagreements")
    for what, case, detail in disagreements[:20]:
        print(f"    {what}: {case} -> {detail}")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
