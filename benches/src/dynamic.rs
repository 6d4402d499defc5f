//! Kernels 1, 3, 4, 5 and 6 of the suite with run-time layouts: the shapes,
//! strides and offsets are values ([`Dims`](crate::Dims), passed through `black_box` by
//! the bench), as they are when they come from a file header or from NumPy.
//!
//! - [`dyn_views`]: `DynLayout::new` + `DynView::new` / `DynViewMut::new`
//!   (the run-time check, inside the timed function), then the same compute
//!   API as the `views` kernels (`sum`, `copy_from`, `zip(..).map_into`,
//!   `contract` of `windows`);
//! - [`ndarray_dyn`] (feature `ndarray`): ndarray views of the same run-time
//!   shapes and strides (`from_shape(shape.strides(..))`, `invert_axis` for
//!   negative strides, `broadcast` and `windows` where ndarray needs them),
//!   as in [`ndarray`](crate::ndarray) but with the numbers from `Dims`.
//!
//! - [`raw_dyn`]: hand-written `unsafe` pointer loops over the same run-time
//!   numbers (after the same check, so that they are sound): what a raw loop
//!   costs when its trip counts and strides are values.
//!
//! - [`raw_extents`]: the raw loops of kernels 4 and 6 with only the extents
//!   as values and the unit strides of C order written as constants: what a
//!   hand-written loop over contiguous data of run-time size costs.
//!
//! The raw loops of the targets are [`raw`](crate::raw)'s, whose shapes are
//! constants: the limit. Every variant does the same additions in the same
//! order; `expect`s never fire for the bench's inputs.

/// The run-time numbers of each kernel's operands, as the bench passes them.
pub mod inputs {
    use crate::Dims;

    /// Kernel 1: channel 0 of three interleaved channels.
    pub const EVERY_THIRD: Dims<1> = Dims {
        shape: [4096],
        strides: [3],
        offset: 0,
    };
    /// Kernel 3: 4096 elements backwards, into 4096 in order.
    pub const REVERSED: Dims<1> = Dims {
        shape: [4096],
        strides: [-1],
        offset: 4095,
    };
    /// Kernel 3's output.
    pub const FORWARD: Dims<1> = Dims {
        shape: [4096],
        strides: [1],
        offset: 0,
    };
    /// Kernel 4: the row repeated down every row.
    pub const ROW: Dims<2> = Dims {
        shape: [256, 256],
        strides: [0, 1],
        offset: 0,
    };
    /// Kernel 4: the column repeated across every column.
    pub const COLUMN: Dims<2> = Dims {
        shape: [256, 256],
        strides: [1, 0],
        offset: 0,
    };
    /// Kernel 4's output, row-major.
    pub const PLANE: Dims<2> = Dims {
        shape: [256, 256],
        strides: [256, 1],
        offset: 0,
    };
    /// Kernel 5: the image, row-major.
    pub const IMAGE: Dims<2> = Dims {
        shape: [128, 128],
        strides: [128, 1],
        offset: 0,
    };
    /// Kernel 5: the filter.
    pub const FILTER: Dims<2> = Dims {
        shape: [3, 3],
        strides: [3, 1],
        offset: 0,
    };
    /// Kernel 5's output.
    pub const FILTERED: Dims<2> = Dims {
        shape: [126, 126],
        strides: [126, 1],
        offset: 0,
    };
    /// Kernel 6: a row-major matrix (transposed by the kernel).
    pub const MATRIX: Dims<2> = Dims {
        shape: [64, 64],
        strides: [64, 1],
        offset: 0,
    };
}

/// The kernels through run-time views.
pub mod dyn_views {
    use view_core::{contract, zip, DynLayout, DynView, DynViewMut};

    use crate::Dims;

    fn view<'a, const R: usize>(x: &'a [f32], d: &Dims<R>) -> DynView<'a, f32, R> {
        let layout = DynLayout::new(d.shape, d.strides, d.offset, x.len()).expect("fits");
        DynView::new(x, layout).expect("fits")
    }

    fn view_mut<'a, const R: usize>(x: &'a mut [f32], d: &Dims<R>) -> DynViewMut<'a, f32, R> {
        let layout = DynLayout::new(d.shape, d.strides, d.offset, x.len())
            .expect("fits")
            .writable()
            .expect("unique");
        DynViewMut::new(x, layout).expect("fits")
    }

    /// Kernel 1: the sum of every third element, in order.
    #[inline(never)]
    pub fn sum_every_third(x: &[f32; 12288], d: &Dims<1>) -> f32 {
        view(x, d).sum()
    }

    /// Kernel 3: `out[i] = x[4095 - i]`, with `copy_from`.
    #[inline(never)]
    pub fn reversed_copy(x: &[f32; 4096], dx: &Dims<1>, out: &mut [f32; 4096], dout: &Dims<1>) {
        view_mut(out, dout).copy_from(view(x, dx));
    }

    /// Kernel 4: `out[i, j] = row[j] + column[i]`, zipping two broadcasts.
    #[inline(never)]
    pub fn broadcast_add(
        (row, drow): (&[f32; 256], &Dims<2>),
        (column, dcolumn): (&[f32; 256], &Dims<2>),
        (out, dout): (&mut [f32; 65536], &Dims<2>),
    ) {
        zip((view(row, drow), view(column, dcolumn))).map_into(&mut view_mut(out, dout), |&r, &c| r + c);
    }

    /// Kernel 5: the contraction of the image's windows (of the filter's
    /// shape) with the filter.
    #[inline(never)]
    pub fn filter3x3(
        (image, dimage): (&[f32; 16384], &Dims<2>),
        (filter, dfilter): (&[f32; 9], &Dims<2>),
        (out, dout): (&mut [f32; 15876], &Dims<2>),
    ) {
        let windows = view(image, dimage).windows::<4>(dfilter.shape).expect("fits");
        contract(windows, view(filter, dfilter), &mut view_mut(out, dout));
    }

    /// Kernel 6: `out[i, j] = m[j, i]`, with `copy_from` of the transpose.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], dm: &Dims<2>, out: &mut [f32; 4096], dout: &Dims<2>) {
        view_mut(out, dout).copy_from(view(m, dm).t());
    }
}

/// The kernels through ndarray views built from the same run-time numbers.
#[cfg(feature = "ndarray")]
pub mod ndarray_dyn {
    use ndarray::{ArrayView, Axis, Zip};

    use crate::ndarray_dims::{view, view_mut};
    use crate::Dims;

    /// Kernel 1.
    #[inline(never)]
    pub fn sum_every_third(x: &[f32; 12288], d: &Dims<1>) -> f32 {
        view(x, d).fold(0.0, |acc, &e| acc + e)
    }

    /// Kernel 3, with `invert_axis` and `assign`.
    #[inline(never)]
    pub fn reversed_copy(x: &[f32; 4096], dx: &Dims<1>, out: &mut [f32; 4096], dout: &Dims<1>) {
        view_mut(out, dout).assign(&view(x, dx));
    }

    /// Kernel 4: ndarray refuses zero strides in `from_shape`, so the row
    /// and the column (of the extents the `Dims` give) are `broadcast`.
    #[inline(never)]
    pub fn broadcast_add(
        (row, drow): (&[f32; 256], &Dims<2>),
        (column, dcolumn): (&[f32; 256], &Dims<2>),
        (out, dout): (&mut [f32; 65536], &Dims<2>),
    ) {
        let shape = (drow.shape[0], drow.shape[1]);
        let row = ArrayView::from_shape(drow.shape[1], row).expect("fits");
        let row = row.broadcast(shape).expect("broadcasts");
        let column = ArrayView::from_shape(dcolumn.shape[0], column)
            .expect("fits")
            .insert_axis(Axis(1));
        let column = column.broadcast(shape).expect("broadcasts");
        Zip::from(&mut view_mut(out, dout))
            .and(&row)
            .and(&column)
            .for_each(|o, &r, &c| *o = r + c);
    }

    /// Kernel 5, with `windows` of the filter's shape and `Zip`.
    #[inline(never)]
    pub fn filter3x3(
        (image, dimage): (&[f32; 16384], &Dims<2>),
        (filter, dfilter): (&[f32; 9], &Dims<2>),
        (out, dout): (&mut [f32; 15876], &Dims<2>),
    ) {
        let image = view(image, dimage);
        let filter = view(filter, dfilter);
        let window = (dfilter.shape[0], dfilter.shape[1]);
        Zip::from(&mut view_mut(out, dout))
            .and(image.windows(window))
            .for_each(|o, window| {
                *o = Zip::from(&window).and(&filter).fold(0.0, |acc, &x, &k| acc + x * k);
            });
    }

    /// Kernel 6: the transpose by `reversed_axes`, then `assign`.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], dm: &Dims<2>, out: &mut [f32; 4096], dout: &Dims<2>) {
        view_mut(out, dout).assign(&view(m, dm).reversed_axes());
    }
}

/// The kernels as hand-written pointer loops over run-time numbers.
///
/// Each function first checks its numbers with `DynLayout::new` against the
/// slices (the same O(rank) rule the views run), so every element a loop
/// reaches lies in its slice: that is the proof behind each `SAFETY`.
pub mod raw_dyn {
    use view_core::DynLayout;

    use crate::Dims;

    /// Checks `d` against `len` elements: afterwards `offset + Σ i_k s_k`
    /// lies in `0..len` for every index inside the shape.
    fn check<const R: usize>(d: &Dims<R>, len: usize) {
        DynLayout::new(d.shape, d.strides, d.offset, len).expect("fits");
    }

    /// The element of index `(i, j)` of a rank-2 `d`, as an `isize`.
    #[inline(always)]
    fn at2(d: &Dims<2>, i: usize, j: usize) -> isize {
        d.offset as isize + i as isize * d.strides[0] + j as isize * d.strides[1]
    }

    /// Kernel 1.
    #[inline(never)]
    pub fn sum_every_third(x: &[f32; 12288], d: &Dims<1>) -> f32 {
        check(d, x.len());
        let p = x.as_ptr();
        let mut acc = 0.0f32;
        for i in 0..d.shape[0] {
            // SAFETY: `i` is inside the shape, so the element lies in `x` (checked above).
            let q = unsafe { p.offset(d.offset as isize + i as isize * d.strides[0]) };
            // SAFETY: `q` points inside `x`, borrowed for reading.
            acc += unsafe { *q };
        }
        acc
    }

    /// Kernel 3.
    #[inline(never)]
    pub fn reversed_copy(x: &[f32; 4096], dx: &Dims<1>, out: &mut [f32; 4096], dout: &Dims<1>) {
        check(dx, x.len());
        check(dout, out.len());
        assert_eq!(dx.shape, dout.shape);
        let (src, dst) = (x.as_ptr(), out.as_mut_ptr());
        for i in 0..dout.shape[0] {
            // SAFETY: `i` is inside `dx`'s shape: the element lies in `x`.
            let from = unsafe { src.offset(dx.offset as isize + i as isize * dx.strides[0]) };
            // SAFETY: `i` is inside `dout`'s shape: the element lies in `out`.
            let to = unsafe { dst.offset(dout.offset as isize + i as isize * dout.strides[0]) };
            // SAFETY: `from` points inside `x`, borrowed for reading.
            let value = unsafe { *from };
            // SAFETY: `to` points inside `out`, borrowed exclusively.
            unsafe { *to = value };
        }
    }

    /// Kernel 4.
    #[inline(never)]
    pub fn broadcast_add(
        (row, drow): (&[f32; 256], &Dims<2>),
        (column, dcolumn): (&[f32; 256], &Dims<2>),
        (out, dout): (&mut [f32; 65536], &Dims<2>),
    ) {
        check(drow, row.len());
        check(dcolumn, column.len());
        check(dout, out.len());
        assert!(drow.shape == dout.shape && dcolumn.shape == dout.shape);
        let (r, c, o) = (row.as_ptr(), column.as_ptr(), out.as_mut_ptr());
        for i in 0..dout.shape[0] {
            for j in 0..dout.shape[1] {
                // SAFETY: `(i, j)` is inside `drow`'s shape: the element lies in `row`.
                let rij = unsafe { r.offset(at2(drow, i, j)) };
                // SAFETY: likewise for `column`.
                let cij = unsafe { c.offset(at2(dcolumn, i, j)) };
                // SAFETY: likewise for `out`.
                let oij = unsafe { o.offset(at2(dout, i, j)) };
                // SAFETY: `rij` points inside `row`, borrowed for reading.
                let rv = unsafe { *rij };
                // SAFETY: `cij` points inside `column`, borrowed for reading.
                let cv = unsafe { *cij };
                // SAFETY: `oij` points inside `out`, borrowed exclusively.
                unsafe { *oij = rv + cv };
            }
        }
    }

    /// Kernel 5: `out[i, j] = Σ_ab image[i + a, j + b] * filter[a, b]`.
    #[inline(never)]
    pub fn filter3x3(
        (image, dimage): (&[f32; 16384], &Dims<2>),
        (filter, dfilter): (&[f32; 9], &Dims<2>),
        (out, dout): (&mut [f32; 15876], &Dims<2>),
    ) {
        check(dimage, image.len());
        check(dfilter, filter.len());
        check(dout, out.len());
        let [h, w] = dout.shape;
        let [kh, kw] = dfilter.shape;
        assert!(h + kh - 1 <= dimage.shape[0] && w + kw - 1 <= dimage.shape[1]);
        let (x, k, o) = (image.as_ptr(), filter.as_ptr(), out.as_mut_ptr());
        for i in 0..h {
            for j in 0..w {
                let mut acc = 0.0f32;
                for a in 0..kh {
                    for b in 0..kw {
                        // SAFETY: `(i + a, j + b)` is inside `dimage`'s shape (checked above).
                        let xp = unsafe { x.offset(at2(dimage, i + a, j + b)) };
                        // SAFETY: `(a, b)` is inside `dfilter`'s shape.
                        let kp = unsafe { k.offset(at2(dfilter, a, b)) };
                        // SAFETY: `xp` points inside `image`, borrowed for reading.
                        let value = unsafe { *xp };
                        // SAFETY: `kp` points inside `filter`, borrowed for reading.
                        let weight = unsafe { *kp };
                        acc += value * weight;
                    }
                }
                // SAFETY: `(i, j)` is inside `dout`'s shape.
                let op = unsafe { o.offset(at2(dout, i, j)) };
                // SAFETY: `op` points inside `out`, borrowed exclusively.
                unsafe { *op = acc };
            }
        }
    }

    /// Kernel 6: `out[i, j] = m[j, i]`.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], dm: &Dims<2>, out: &mut [f32; 4096], dout: &Dims<2>) {
        check(dm, m.len());
        check(dout, out.len());
        assert!(dm.shape == [dout.shape[1], dout.shape[0]]);
        let (src, dst) = (m.as_ptr(), out.as_mut_ptr());
        for i in 0..dout.shape[0] {
            for j in 0..dout.shape[1] {
                // SAFETY: `(j, i)` is inside `dm`'s shape.
                let from = unsafe { src.offset(at2(dm, j, i)) };
                // SAFETY: `(i, j)` is inside `dout`'s shape.
                let to = unsafe { dst.offset(at2(dout, i, j)) };
                // SAFETY: `from` points inside `m`, borrowed for reading.
                let value = unsafe { *from };
                // SAFETY: `to` points inside `out`, borrowed exclusively.
                unsafe { *to = value };
            }
        }
    }
}

/// Kernels 4 and 6 as hand-written pointer loops over run-time extents,
/// with the strides of C order (and the broadcasts' 0) written as constants:
/// the loops someone writes who knows the data is contiguous but not its
/// size. Each `SAFETY` rests on the `assert!` at the top of its function.
pub mod raw_extents {
    use crate::Dims;

    /// Kernel 4: `out[w i + j] = row[j] + column[i]` for the extents of `dout`.
    #[inline(never)]
    pub fn broadcast_add(row: &[f32; 256], column: &[f32; 256], out: &mut [f32; 65536], dout: &Dims<2>) {
        let [h, w] = dout.shape;
        assert!(w <= row.len() && h <= column.len() && h.checked_mul(w).is_some_and(|n| n <= out.len()));
        let (r, c, o) = (row.as_ptr(), column.as_ptr(), out.as_mut_ptr());
        for i in 0..h {
            // SAFETY: i < h <= column.len().
            let ci = unsafe { c.add(i) };
            // SAFETY: `ci` points inside `column`, borrowed for reading.
            let cv = unsafe { *ci };
            for j in 0..w {
                // SAFETY: j < w <= row.len().
                let rj = unsafe { r.add(j) };
                // SAFETY: w i + j < w h <= out.len().
                let oij = unsafe { o.add(w * i + j) };
                // SAFETY: `rj` points inside `row`, borrowed for reading.
                let rv = unsafe { *rj };
                // SAFETY: `oij` points inside `out`, borrowed exclusively.
                unsafe { *oij = rv + cv };
            }
        }
    }

    /// Kernel 6: `out[w i + j] = m[h j + i]` for the extents `[h, w]` of `dout`.
    #[inline(never)]
    pub fn transposed_copy(m: &[f32; 4096], out: &mut [f32; 4096], dout: &Dims<2>) {
        let [h, w] = dout.shape;
        assert!(h.checked_mul(w).is_some_and(|n| n <= m.len() && n <= out.len()));
        let (src, dst) = (m.as_ptr(), out.as_mut_ptr());
        for i in 0..h {
            for j in 0..w {
                // SAFETY: h j + i <= h (w - 1) + h - 1 < h w <= m.len().
                let from = unsafe { src.add(h * j + i) };
                // SAFETY: w i + j < w h <= out.len().
                let to = unsafe { dst.add(w * i + j) };
                // SAFETY: `from` points inside `m`, borrowed for reading.
                let value = unsafe { *from };
                // SAFETY: `to` points inside `out`, borrowed exclusively.
                unsafe { *to = value };
            }
        }
    }
}
