#!/usr/bin/env python3
"""NumPy oracle for tests/algebra_numpy.rs: the layout algebra against NumPy.

Every case names a parent layout (shape, element strides, element offset,
buffer length), the derived layout as written in `strided_view!`, and the
same operation in NumPy. The parent is built with
`np.lib.stride_tricks.as_strided` over `np.arange(LEN)` (so every value is its
own element index), the NumPy operation is applied, and the script prints the
result's shape, element strides (bytes // itemsize), element offset ((data
pointer - buffer pointer) // itemsize) and its values in C order, as Rust
source ready to paste into tests/algebra_numpy.rs.

Before printing, each result is checked to be a VIEW of the buffer (not a
copy) and its (shape, strides, offset) is checked to reproduce its values
from the buffer, so a pasted row can only describe what NumPy really does.

The REFUSED table lists reshapes NumPy can only do by copying
(`np.shares_memory(a, a.reshape(..))` is False); strided_view! must reject
each at compile time (ui-tests/tests/ui/derived_reshape_needs_copy.rs).

Run from the workspace root:

    python3 tests/numpy_oracle/algebra_cases.py > /tmp/algebra_cases.rs
"""

import sys

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

ITEM = np.dtype(np.int64).itemsize

# name: (LEN, shape, element strides, element offset, `mut`?)
PARENTS = {
    "V12": (12, (12,), (1,), 0, False),
    "Rev12": (12, (12,), (-1,), 11, False),
    "M34": (12, (3, 4), (4, 1), 0, False),
    "M35": (15, (3, 5), (5, 1), 0, False),
    "M53": (15, (5, 3), (3, 1), 0, False),
    "T234": (24, (2, 3, 4), (12, 4, 1), 0, False),
    # 3x5 interior of a 4x6 image: padded rows (stride 6), offset 1.
    "Padded": (18, (3, 5), (6, 1), 1, False),
    "Row4": (4, (4,), (1,), 0, False),
    "Col3": (3, (3, 1), (1, 1), 0, False),
}

PARENT_DOCS = {
    "V12": "`np.arange(12)`",
    "Rev12": "`np.arange(12)[::-1]`",
    "M34": "`np.arange(12).reshape(3, 4)`",
    "M35": "`np.arange(15).reshape(3, 5)`: wide, for diagonals",
    "M53": "`np.arange(15).reshape(5, 3)`: tall, for diagonals",
    "T234": "`np.arange(24).reshape(2, 3, 4)`",
    "Padded": "`as_strided(np.arange(18)[1:], (3, 5), (48, 8))`: rows padded to 6",
    "Row4": "`np.arange(4)`",
    "Col3": "`np.arange(3).reshape(3, 1)`",
}

# (Rust layout name, Rust declaration right-hand side, NumPy expression on `a`,
# the parent). Groups follow the brief's list of operations.
CASES = [
    # ---- t() / .T
    ("T1", "V12.t()", "a.T"),
    ("T2", "M34.t()", "a.T"),
    ("T3", "T234.t()", "a.T"),
    ("TPadded", "Padded.t()", "a.T"),
    # ---- permute / np.transpose(a, axes)
    ("P120", "T234.permute([1, 2, 0])", "np.transpose(a, (1, 2, 0))"),
    ("P201", "T234.permute([2, 0, 1])", "np.transpose(a, (2, 0, 1))"),
    ("P021", "T234.permute([0, 2, 1])", "np.transpose(a, (0, 2, 1))"),
    ("PPadded", "Padded.permute([1, 0])", "np.transpose(a, (1, 0))"),
    # ---- swap_axes / np.swapaxes
    ("S02", "T234.swap_axes(0, 2)", "np.swapaxes(a, 0, 2)"),
    ("S21", "T234.swap_axes(2, 1)", "np.swapaxes(a, 2, 1)"),
    ("S11", "T234.swap_axes(1, 1)", "np.swapaxes(a, 1, 1)"),
    ("SPadded", "Padded.swap_axes(0, 1)", "np.swapaxes(a, 0, 1)"),
    # ---- flip / np.flip
    ("F0", "M34.flip(0)", "np.flip(a, 0)"),
    ("F1", "M34.flip(1)", "np.flip(a, 1)"),
    ("F01", "M34.flip(0).flip(1)", "np.flip(a)"),
    ("FRev", "Rev12.flip(0)", "np.flip(a, 0)"),
    ("FPadded0", "Padded.flip(0)", "np.flip(a, 0)"),
    ("FPadded1", "Padded.flip(1)", "np.flip(a, 1)"),
    ("F3d1", "T234.flip(1)", "np.flip(a, 1)"),
    # ---- slice / basic slicing a[start:stop:step]
    ("SlStep2", "V12.slice(0, 1..10, 2)", "a[1:10:2]"),
    ("SlStep3", "V12.slice(0, .., 3)", "a[::3]"),
    ("SlStep3Tail", "V12.slice(0, 2..12, 3)", "a[2:12:3]"),
    ("SlStepM1", "V12.slice(0, .., -1)", "a[::-1]"),
    ("SlStepM2", "V12.slice(0, .., -2)", "a[::-2]"),
    ("SlStepM2Bounds", "V12.slice(0, 10..2, -2)", "a[10:2:-2]"),
    ("SlNeg", "V12.slice(0, -5..-1)", "a[-5:-1]"),
    ("SlNegStepM3", "V12.slice(0, -2..-9, -3)", "a[-2:-9:-3]"),
    ("SlNegStart", "V12.slice(0, -4..)", "a[-4:]"),
    ("SlNegStop2", "V12.slice(0, ..-3, 2)", "a[:-3:2]"),
    ("SlStartBack", "V12.slice(0, 4.., -1)", "a[4::-1]"),
    ("SlStopMinusN", "V12.slice(0, 5..-12, -1)", "a[5:-12:-1]"),
    # A negative step's bound -(n + 1) normalises to -1, "before the start":
    # NumPy does not clamp it (PySlice_AdjustIndices sets -1, the same value).
    ("SlStopBeforeStart", "Row4.slice(0, 2..-5, -1)", "a[2:-5:-1]"),
    ("SlAllToBeforeStart", "Row4.slice(0, ..-5, -1)", "a[:-5:-1]"),
    ("SlStopMinusNMinus1", "V12.slice(0, 5..-13, -1)", "a[5:-13:-1]"),
    ("SlStepM2BeforeStart", "V12.slice(0, ..-13, -2)", "a[:-13:-2]"),
    ("SlColsBeforeStart", "M34.slice(1, 3..-5, -2)", "a[:, 3:-5:-2]"),
    ("SlWholeEnd", "V12.slice(0, 3..12)", "a[3:12]"),
    ("SlRev", "Rev12.slice(0, 1..-1, 3)", "a[1:-1:3]"),
    ("SlCols", "M34.slice(1, 1..-1)", "a[:, 1:-1]"),
    ("SlRowsBack", "M34.slice(0, .., -1)", "a[::-1]"),
    ("SlCols2", "M34.slice(1, .., 2)", "a[:, ::2]"),
    ("Sl3dBack", "T234.slice(2, 3..0, -2)", "a[:, :, 3:0:-2]"),
    ("SlPadded", "Padded.slice(0, 1..).slice(1, -1..0, -1)", "a[1:, -1:0:-1]"),
    # ---- index / a[i], a[:, i]
    ("I0", "M34.index(0, 1)", "a[1]"),
    ("I0Neg", "M34.index(0, -1)", "a[-1]"),
    ("I1Neg", "M34.index(1, -2)", "a[:, -2]"),
    ("I3dNeg", "T234.index(1, -3)", "a[:, -3]"),
    ("I3dLast", "T234.index(2, -1)", "a[:, :, -1]"),
    ("IRank0", "V12.index(0, -12)", "a[-12, ...]"),
    ("IRev", "Rev12.index(0, 3)", "a[3, ...]"),
    ("IPadded", "Padded.index(1, -1)", "a[:, -1]"),
    # ---- diagonal / np.diagonal(a, offset=k, axis1, axis2)
    ("D35", "M35.diagonal()", "np.diagonal(a)"),
    ("D35K1", "M35.diagonal(1)", "np.diagonal(a, 1)"),
    ("D35Km1", "M35.diagonal(-1)", "np.diagonal(a, -1)"),
    ("D35K2", "M35.diagonal(2)", "np.diagonal(a, 2)"),
    ("D35K4", "M35.diagonal(4)", "np.diagonal(a, 4)"),
    ("D35Km2", "M35.diagonal(-2)", "np.diagonal(a, -2)"),
    ("D53", "M53.diagonal()", "np.diagonal(a)"),
    ("D53K1", "M53.diagonal(1)", "np.diagonal(a, 1)"),
    ("D53Km1", "M53.diagonal(-1)", "np.diagonal(a, -1)"),
    ("D53K2", "M53.diagonal(2)", "np.diagonal(a, 2)"),
    ("D53Km2", "M53.diagonal(-2)", "np.diagonal(a, -2)"),
    ("D53Km4", "M53.diagonal(-4)", "np.diagonal(a, -4)"),
    ("D35Axes10", "M35.diagonal(1, 1, 0)", "np.diagonal(a, 1, 1, 0)"),
    ("D35Axes10Km1", "M35.diagonal(-1, 1, 0)", "np.diagonal(a, -1, 1, 0)"),
    ("D3d12", "T234.diagonal(0, 1, 2)", "np.diagonal(a, 0, 1, 2)"),
    ("D3d12K1", "T234.diagonal(1, 1, 2)", "np.diagonal(a, 1, 1, 2)"),
    ("D3d12Km1", "T234.diagonal(-1, 1, 2)", "np.diagonal(a, -1, 1, 2)"),
    ("D3d02K1", "T234.diagonal(1, 0, 2)", "np.diagonal(a, 1, 0, 2)"),
    ("D3d21", "T234.diagonal(0, 2, 1)", "np.diagonal(a, 0, 2, 1)"),
    ("D3d01", "T234.diagonal()", "np.diagonal(a)"),
    ("DPadded", "Padded.diagonal(1)", "np.diagonal(a, 1)"),
    # ---- windows / sliding_window_view(a, window) over all axes
    ("W1", "V12.windows([3])", "sliding_window_view(a, 3)"),
    ("W1Whole", "V12.windows([12])", "sliding_window_view(a, 12)"),
    ("W1Rev", "Rev12.windows([4])", "sliding_window_view(a, 4)"),
    ("W2", "M34.windows([2, 3])", "sliding_window_view(a, (2, 3))"),
    ("W2Rows", "M34.windows([3, 1])", "sliding_window_view(a, (3, 1))"),
    ("WFlip1", "M34.flip(1).windows([2, 2])", "sliding_window_view(np.flip(a, 1), (2, 2))"),
    ("WFlip0", "M34.flip(0).windows([2, 3])", "sliding_window_view(np.flip(a, 0), (2, 3))"),
    ("WRevStep", "V12.slice(0, .., -2).windows([2])", "sliding_window_view(a[::-2], 2)"),
    ("WPadded", "Padded.windows([2, 2])", "sliding_window_view(a, (2, 2))"),
    ("W3d", "T234.windows([1, 2, 3])", "sliding_window_view(a, (1, 2, 3))"),
    # ---- broadcast_to / np.broadcast_to
    ("BRevRow", "Row4.flip(0).new_axis(0).broadcast_to([3, 4])", "np.broadcast_to(np.flip(a)[np.newaxis], (3, 4))"),
    ("BLead", "Row4.broadcast_to([2, 3, 4])", "np.broadcast_to(a, (2, 3, 4))"),
    ("BStretch", "Col3.broadcast_to([3, 4])", "np.broadcast_to(a, (3, 4))"),
    ("BStretchLead", "Col3.broadcast_to([2, 3, 5])", "np.broadcast_to(a, (2, 3, 5))"),
    ("BSame", "M34.broadcast_to([3, 4])", "np.broadcast_to(a, (3, 4))"),
    ("BColumn", "M34.index(1, 2).new_axis(1).broadcast_to([3, 5])", "np.broadcast_to(a[:, 2, np.newaxis], (3, 5))"),
    ("BToOne", "M34.slice(0, 1..2).broadcast_to([2, 1, 4])", "np.broadcast_to(a[1:2], (2, 1, 4))"),
    ("BKeepOne", "Col3.broadcast_to([3, 1])", "np.broadcast_to(a, (3, 1))"),
    # ---- reshape where NumPy returns a view
    ("R1to2", "V12.reshape([3, 4])", "a.reshape(3, 4)"),
    ("RSplit", "M34.reshape([3, 2, 2])", "a.reshape(3, 2, 2)"),
    ("RMerge", "T234.reshape([6, 4])", "a.reshape(6, 4)"),
    ("RMergeAll", "T234.reshape([24])", "a.reshape(24)"),
    ("RInfer", "T234.reshape([-1, 6])", "a.reshape(-1, 6)"),
    ("RInfer2", "M34.reshape([2, -1])", "a.reshape(2, -1)"),
    ("ROnes", "M34.reshape([1, 3, 1, 4, 1])", "a.reshape(1, 3, 1, 4, 1)"),
    ("RDropOnes", "Col3.reshape([3])", "a.reshape(3)"),
    ("RCols2", "M34.slice(1, .., 2).reshape([6])", "a[:, ::2].reshape(6)"),
    ("RRows2Split", "M34.slice(0, .., 2).reshape([2, 2, 2])", "a[::2].reshape(2, 2, 2)"),
    ("RInner", "T234.slice(2, 1..3).reshape([6, 2])", "a[:, :, 1:3].reshape(6, 2)"),
    ("RRev", "Rev12.reshape([3, 4])", "a.reshape(3, 4)"),
    ("RFlipBoth", "M34.flip(0).flip(1).reshape([12])", "np.flip(a).reshape(12)"),
    ("RTransposeSplit", "M34.t().reshape([2, 2, 3])", "a.T.reshape(2, 2, 3)"),
    ("RBroadcast", "Row4.broadcast_to([3, 4]).reshape([3, 2, 2])", "np.broadcast_to(a, (3, 4)).reshape(3, 2, 2)"),
    ("RStepTrailingOne", "V12.slice(0, .., 3).reshape([4, 1])", "a[::3].reshape(4, 1)"),
    ("RStepLeadingOne", "V12.slice(0, .., 2).reshape([1, 6])", "a[::2].reshape(1, 6)"),
    ("RPaddedRows", "Padded.reshape([3, 1, 5])", "a.reshape(3, 1, 5)"),
    ("RSingle", "V12.slice(0, 7..8).reshape([1, 1])", "a[7:8].reshape(1, 1)"),
    # ---- new_axis / np.newaxis
    ("N0", "M34.new_axis(0)", "a[np.newaxis]"),
    ("N1", "M34.new_axis(1)", "a[:, np.newaxis]"),
    ("N2", "M34.new_axis(2)", "a[:, :, np.newaxis]"),
    ("N1d", "V12.new_axis(1)", "a[:, np.newaxis]"),
    ("NRank0", "V12.index(0, 5).new_axis(0)", "a[5, np.newaxis]"),
    # ---- chains of several operations
    ("CInterior", "Padded.slice(0, 1..-1).slice(1, 1..-1)", "a[1:-1, 1:-1]"),
    ("CRotate", "M34.t().flip(0)", "np.flip(a.T, 0)"),
    ("CRot180Diag", "M44Chain.flip(0).flip(1).diagonal(1)", "np.diagonal(np.flip(a), 1)"),
    ("CLastT", "T234.index(0, -1).t().slice(0, .., -2).diagonal()", "np.diagonal(a[-1].T[::-2])"),
    ("CWindowAt", "M34.windows([2, 2]).index(0, 1).index(0, 2)", "sliding_window_view(a, (2, 2))[1, 2]"),
    ("CReshapeDiag", "V12.reshape([3, 4]).diagonal(1)", "np.diagonal(a.reshape(3, 4), 1)"),
    (
        "CLong",
        "T234.permute([2, 0, 1]).slice(0, 1.., 2).flip(0).reshape([2, 6]).new_axis(1)",
        "np.flip(np.transpose(a, (2, 0, 1))[1::2], 0).reshape(2, 6)[:, np.newaxis]",
    ),
    ("CWindowsDiag", "V12.windows([4]).diagonal(1)", "np.diagonal(sliding_window_view(a, 4), 1)"),
    ("CBroadcastT", "Row4.new_axis(1).broadcast_to([4, 3]).t()", "np.broadcast_to(a[:, np.newaxis], (4, 3)).T"),
]

# Cases where strided_view! disagrees with NumPy (reported; the pasted row keeps
# NumPy's answer and the Rust test is `#[ignore]`d with this reason). None left:
# the last ones (BToOne, BKeepOne: broadcast_to's extent-1 strides) were fixed.
DISAGREE = {}

PARENTS["M44Chain"] = (16, (4, 4), (4, 1), 0, False)
PARENT_DOCS["M44Chain"] = "`np.arange(16).reshape(4, 4)`"

# Writable derived layouts of the writable 4x5 `Image`: (Rust layout name,
# `mut` written?, Rust declaration, NumPy expression on the image `a`). The
# test writes 1, 2, 3, .. through the derived view in C order; NumPy's values
# (element indices) say which buffer element each write lands in.
WRITE_PARENT = ("Image", 20, (4, 5), (5, 1), 0)
WRITES = [
    ("Interior", True, "Image.slice(0, 1..-1).slice(1, 1..-1)", "a[1:-1, 1:-1]"),
    ("InteriorT", True, "Interior.t()", "a[1:-1, 1:-1].T"),
    ("RowBack", False, "Image.index(0, 2).flip(0)", "a[2, ::-1]"),
    ("ColUp", True, "Image.index(1, -1).slice(0, .., -1)", "a[::-1, -1]"),
    ("Diag1", True, "Image.diagonal(1)", "np.diagonal(a, 1)"),
    ("DiagM1", False, "Image.diagonal(-1)", "np.diagonal(a, -1)"),
    ("Halves", True, "Image.reshape([2, 10])", "a.reshape(2, 10)"),
    ("EvenColsT", True, "Image.t().slice(0, .., 2)", "a.T[::2]"),
    ("Corner", True, "Image.slice(0, -2..).slice(1, ..2).new_axis(0)", "a[-2:, :2][np.newaxis]"),
    ("Rotated", True, "Image.t().flip(1)", "np.flip(a.T, 1)"),
    ("ColUpBeforeStart", True, "Image.index(1, 0).slice(0, ..-5, -1)", "a[:-5:-1, 0]"),
]

# Derived layouts NumPy gives an empty result: (Rust layout name, Rust
# declaration, NumPy expression on `a`). Only the shape is compared: an empty
# view reaches nothing, and its strides and offset follow other rules here
# than in NumPy (NumPy gives an empty slice step 1 and start 0; a derived
# empty layout keeps its parent's offset and the stride times the step). The
# test checks that the derived layout keeps its parent's offset.
EMPTY = [
    ("SlStartBeforeStart", "Row4.slice(0, -5.., -1)", "a[-5::-1]"),
    ("SlBothBeforeStart", "Row4.slice(0, -5..-5, -1)", "a[-5:-5:-1]"),
    ("SlColsStartBeforeStart", "M34.slice(1, -5..2, -1)", "a[:, -5:2:-1]"),
]

# Reshapes NumPy does only by copying: (label, Rust declaration, operand
# expression on `a`, target shape, the parent).
REFUSED = [
    ("TransposeTo1d", "M34.t().reshape([12])", "a.T", (12,)),
    ("TransposeTo2x6", "M34.t().reshape([2, 6])", "a.T", (2, 6)),
    ("FlipRowsTo1d", "M34.flip(0).reshape([12])", "np.flip(a, 0)", (12,)),
    ("FlipColsTo1d", "M34.flip(1).reshape([12])", "np.flip(a, 1)", (12,)),
    ("FlipColsTo6x2", "M34.flip(1).reshape([6, 2])", "np.flip(a, 1)", (6, 2)),
    ("EveryOtherRowTo1d", "M34.slice(0, .., 2).reshape([8])", "a[::2]", (8,)),
    ("InnerColsTo1d", "M34.slice(1, 1..3).reshape([6])", "a[:, 1:3]", (6,)),
    ("InnerTo1d", "T234.slice(2, 1..3).reshape([12])", "a[:, :, 1:3]", (12,)),
    ("PermutedMerge", "T234.permute([1, 0, 2]).reshape([6, 4])", "np.transpose(a, (1, 0, 2))", (6, 4)),
    ("PaddedTo1d", "Padded.reshape([15])", "a", (15,)),
    ("BroadcastTo1d", "Row4.broadcast_to([3, 4]).reshape([12])", "np.broadcast_to(a, (3, 4))", (12,)),
    ("WindowsTo1d", "V12.windows([3]).reshape([30])", "sliding_window_view(a, 3)", (30,)),
    ("WindowsTo6x4", "M34.windows([2, 2]).reshape([6, 4])", "sliding_window_view(a, (2, 2))", (6, 4)),
]


def parent_array(name):
    length, shape, strides, offset, _ = PARENTS[name]
    base = np.arange(length, dtype=np.int64)
    a = as_strided(base[offset:], shape=shape, strides=tuple(s * ITEM for s in strides))
    return base, a


def pointer(x):
    return x.__array_interface__["data"][0]


def describe(base, r, what):
    """(shape, element strides, element offset, values) of a view `r` of `base`."""
    assert isinstance(r, np.ndarray), f"{what}: NumPy returned a scalar, not a view"
    assert r.size > 0, f"{what}: empty result (NumPy's offset of an empty view differs; avoid)"
    assert np.shares_memory(r, base), f"{what}: NumPy returned a copy, not a view"
    for s in r.strides:
        assert s % ITEM == 0, f"{what}: byte stride {s} is not a whole number of elements"
    strides = tuple(s // ITEM for s in r.strides)
    delta = pointer(r) - pointer(base)
    assert delta % ITEM == 0
    offset = delta // ITEM
    values = [int(v) for v in r.flat]
    # The layout must reproduce the values from the buffer, index by index.
    for idx, v in zip(np.ndindex(r.shape), values):
        element = offset + sum(i * s for i, s in zip(idx, strides))
        assert 0 <= element < base.size and base[element] == v, f"{what}: layout does not reproduce {idx}"
    return tuple(r.shape), strides, offset, values


def describe_empty(base, r, what):
    """(shape, element strides, element offset) of an empty view `r` of `base`."""
    assert isinstance(r, np.ndarray), f"{what}: NumPy returned a scalar, not a view"
    assert r.size == 0, f"{what}: not empty"
    # An empty array shares no memory; its base chain must still lead to `base`.
    root = r
    while root.base is not None and root is not base:
        root = root.base
    assert root is base, f"{what}: NumPy returned a copy, not a view"
    for s in r.strides:
        assert s % ITEM == 0, f"{what}: byte stride {s} is not a whole number of elements"
    delta = pointer(r) - pointer(base)
    assert delta % ITEM == 0
    return tuple(r.shape), tuple(s // ITEM for s in r.strides), delta // ITEM


def rust_list(xs):
    return "[" + ", ".join(str(x) for x in xs) + "]"


def snake(name):
    out = ""
    for i, c in enumerate(name):
        prev = name[i - 1] if i > 0 else ""
        if c.isupper() and (prev.islower() or prev.isdigit()):
            out += "_"
        out += c.lower()
    return out


def wrap(prefix, items, indent, width=116):
    """`prefix[a, b, ...]` broken into lines of at most `width` characters."""
    lines = []
    line = prefix + "["
    for k, item in enumerate(items):
        text = str(item) + (", " if k + 1 < len(items) else "]")
        if len(line) + len(text.rstrip()) > width:
            lines.append(line.rstrip())
            line = " " * indent
        line += text
    if not items:
        line += "]"
    lines.append(line)
    return lines


def main():
    env = {"np": np, "sliding_window_view": sliding_window_view}
    out = []
    out.append(f"// ---- generated by tests/numpy_oracle/algebra_cases.py, NumPy {np.__version__} ----")
    out.append("// python3 tests/numpy_oracle/algebra_cases.py > /tmp/algebra_cases.rs")
    out.append("strided_view! {")
    for name, (length, shape, strides, offset, _) in PARENTS.items():
        out.append(f"    /// {PARENT_DOCS[name]}")
        fields = f"shape: {rust_list(shape)}, strides: {rust_list(strides)}"
        if offset:
            fields += f", offset: {offset}"
        out.append(f"    {name}: [i64; {length}] {{ {fields} }}")
    for name, decl, expr in CASES + EMPTY:
        out.append(f"    /// NumPy: `{expr}`")
        out.append(f"    {name} = {decl};")
    out.append("}")
    out.append("")
    out.append("numpy_cases! {")
    for name, decl, expr in CASES:
        parent = decl.split(".")[0]
        base, a = parent_array(parent)
        r = eval(expr, env, {"a": a})
        shape, strides, offset, values = describe(base, r, name)
        out.append(f"    // {parent}: {expr}")
        if name in DISAGREE:
            out.append(f'    #[ignore = "{DISAGREE[name]}"]')
        out.append(f"    {snake(name)}: {name} => shape {rust_list(shape)}, strides {rust_list(strides)}, offset {offset},")
        out.extend(wrap("        values ", values, 15))
        out[-1] += ";"
    out.append("}")
    out.append("")
    name, length, shape, strides, offset = WRITE_PARENT
    base = np.arange(length, dtype=np.int64)
    image = as_strided(base[offset:], shape=shape, strides=tuple(s * ITEM for s in strides))
    out.append("strided_view! {")
    out.append(f"    /// `np.arange({length}).reshape{shape}`, writable")
    out.append(f"    mut {name}: [i64; {length}] {{ shape: {rust_list(shape)}, strides: {rust_list(strides)} }}")
    for layout, mutable, decl, expr in WRITES:
        out.append(f"    /// NumPy: `{expr}`")
        out.append(f"    {'mut ' if mutable else ''}{layout} = {decl};")
    out.append("}")
    out.append("")
    out.append("numpy_writes! {")
    for layout, _, decl, expr in WRITES:
        r = eval(expr, env, {"a": image})
        _, _, _, values = describe(base, r, layout)
        assert len(set(values)) == len(values), f"{layout}: not unique"
        buffer = [0] * length
        for k, element in enumerate(values):
            buffer[element] = k + 1
        out.append(f"    // {name}: `{expr}`, elements {rust_list(values)}")
        out.append(f"    {snake(layout)}_writes: {layout} of {decl.split('.')[0]} =>")
        out.extend(wrap("        buffer ", buffer, 16))
        out[-1] += ";"
    out.append("}")
    out.append("")
    out.append("numpy_empty! {")
    for name, decl, expr in EMPTY:
        parent = decl.split(".")[0]
        base, a = parent_array(parent)
        r = eval(expr, env, {"a": a})
        shape, strides, offset = describe_empty(base, r, name)
        parent_offset = PARENTS[parent][3]
        out.append(f"    // {parent}: {expr}; NumPy's strides {rust_list(strides)}, data pointer at element {offset}")
        out.append(f"    {snake(name)}: {name} => shape {rust_list(shape)}, parent offset {parent_offset};")
    out.append("}")
    out.append("")
    out.append("numpy_refuses! {")
    for label, decl, expr, target in REFUSED:
        parent = decl.split(".")[0]
        base, a = parent_array(parent)
        operand = eval(expr, env, {"a": a})
        shape, strides, offset, _ = describe(base, operand, label)
        r = operand.reshape(target)
        assert not np.shares_memory(r, base), f"{label}: NumPy reshapes this as a view"
        numpy_target = ", ".join(str(t) for t in target)
        out.append(f"    // {parent}: `{expr}.reshape({numpy_target})` copies; `{label} = {decl};`")
        out.append(
            f"    {snake(label)}: shape {rust_list(shape)}, strides {rust_list(strides)}, offset {offset}"
            f" => reshape {rust_list(target)};"
        )
    out.append("}")
    out.append("// ---- end of generated code ----")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
