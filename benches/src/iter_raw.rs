//! The iteration benchmarks as hand-written `unsafe` pointer loops: the
//! limit the views' iterators are measured against (see `iter_views`).
//!
//! The same additions in the same order: C order of the view, from 0, one
//! `f32` accumulator. Every `SAFETY` comment bounds the offset by the array
//! length in the signature.

/// i1: every third element of 3 x 4096.
#[inline(never)]
pub fn rank1_stride3(x: &[f32; 12288]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..4096 {
        // SAFETY: i < 4096, so 3 * i <= 12285 < 12288 = x.len().
        let q = unsafe { p.add(3 * i) };
        // SAFETY: `q` points inside `x`, borrowed for reading.
        acc += unsafe { *q };
    }
    acc
}

/// i1 writable: sum, and negate in place.
#[inline(never)]
pub fn rank1_stride3_mut(x: &mut [f32; 12288]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..4096 {
        // SAFETY: i < 4096, so 3 * i <= 12285 < 12288 = x.len().
        let q = unsafe { p.add(3 * i) };
        // SAFETY: `q` points inside `x`, borrowed exclusively.
        let v = unsafe { *q };
        acc += v;
        // SAFETY: as above.
        unsafe { *q = -v };
    }
    acc
}

/// i2 (and i9, i11): the 254 x 254 interior of 256 x 256.
#[inline(never)]
pub fn rank2_interior(x: &[f32; 65536]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..254 {
        for j in 0..254 {
            // SAFETY: i, j < 254, so 257 + 256 i + j <= 65278 < 65536 = x.len().
            let q = unsafe { p.add(257 + 256 * i + j) };
            // SAFETY: `q` points inside `x`, borrowed for reading.
            acc += unsafe { *q };
        }
    }
    acc
}

/// i2 writable.
#[inline(never)]
pub fn rank2_interior_mut(x: &mut [f32; 65536]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..254 {
        for j in 0..254 {
            // SAFETY: i, j < 254, so 257 + 256 i + j <= 65278 < 65536 = x.len().
            let q = unsafe { p.add(257 + 256 * i + j) };
            // SAFETY: `q` points inside `x`, borrowed exclusively.
            let v = unsafe { *q };
            acc += v;
            // SAFETY: as above.
            unsafe { *q = -v };
        }
    }
    acc
}

/// i3: 256 x 256 in column order, `x[i + 256 j]` at index `[i, j]`.
#[inline(never)]
pub fn column_order(x: &[f32; 65536]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..256 {
        for j in 0..256 {
            // SAFETY: i, j < 256, so i + 256 j <= 65535 < 65536 = x.len().
            let q = unsafe { p.add(i + 256 * j) };
            // SAFETY: `q` points inside `x`, borrowed for reading.
            acc += unsafe { *q };
        }
    }
    acc
}

/// i3 writable.
#[inline(never)]
pub fn column_order_mut(x: &mut [f32; 65536]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..256 {
        for j in 0..256 {
            // SAFETY: i, j < 256, so i + 256 j <= 65535 < 65536 = x.len().
            let q = unsafe { p.add(i + 256 * j) };
            // SAFETY: `q` points inside `x`, borrowed exclusively.
            let v = unsafe { *q };
            acc += v;
            // SAFETY: as above.
            unsafe { *q = -v };
        }
    }
    acc
}

/// i3 writable, paced: [`column_order_mut`] plus three stores to a local per
/// element. A control, not a candidate loop: it tests why `ndarray_dyn_mut`'s
/// slower loop beats the raw one on this layout (benches/ANALYSIS.md, "Column
/// order, writable"). The stores slow the loop's issue, as ndarray's longer
/// loop does, so fewer loads apparently run ahead of the oldest store that
/// has not reached L1.
#[inline(never)]
pub fn column_order_mut_paced(x: &mut [f32; 65536]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    let mut pace = 0usize;
    for i in 0..256 {
        for j in 0..256 {
            // SAFETY: i, j < 256, so i + 256 j <= 65535 < 65536 = x.len().
            let q = unsafe { p.add(i + 256 * j) };
            // SAFETY: `q` points inside `x`, borrowed exclusively.
            let v = unsafe { *q };
            acc += v;
            // SAFETY: as above.
            unsafe { *q = -v };
            for _ in 0..3 {
                // SAFETY: `pace` is a live, aligned local of this function.
                unsafe { core::ptr::write_volatile(&mut pace, j) };
            }
        }
    }
    acc
}

/// i4: the 30^3 interior of 32^3.
#[inline(never)]
pub fn rank3(x: &[f32; 32768]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..30 {
        for j in 0..30 {
            for k in 0..30 {
                // SAFETY: i, j, k < 30, so 1057 + 1024 i + 32 j + k <= 31710 < 32768.
                let q = unsafe { p.add(1057 + 1024 * i + 32 * j + k) };
                // SAFETY: `q` points inside `x`, borrowed for reading.
                acc += unsafe { *q };
            }
        }
    }
    acc
}

/// i4 writable.
#[inline(never)]
pub fn rank3_mut(x: &mut [f32; 32768]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..30 {
        for j in 0..30 {
            for k in 0..30 {
                // SAFETY: i, j, k < 30, so 1057 + 1024 i + 32 j + k <= 31710 < 32768.
                let q = unsafe { p.add(1057 + 1024 * i + 32 * j + k) };
                // SAFETY: `q` points inside `x`, borrowed exclusively.
                let v = unsafe { *q };
                acc += v;
                // SAFETY: as above.
                unsafe { *q = -v };
            }
        }
    }
    acc
}

/// i5: the 14^4 interior of 16^4.
#[inline(never)]
pub fn rank4(x: &[f32; 65536]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..14 {
        for j in 0..14 {
            for k in 0..14 {
                for l in 0..14 {
                    // SAFETY: i, j, k, l < 14, so 4369 + 4096 i + 256 j + 16 k + l
                    // <= 61166 < 65536 = x.len().
                    let q = unsafe { p.add(4369 + 4096 * i + 256 * j + 16 * k + l) };
                    // SAFETY: `q` points inside `x`, borrowed for reading.
                    acc += unsafe { *q };
                }
            }
        }
    }
    acc
}

/// i5 writable.
#[inline(never)]
pub fn rank4_mut(x: &mut [f32; 65536]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..14 {
        for j in 0..14 {
            for k in 0..14 {
                for l in 0..14 {
                    // SAFETY: i, j, k, l < 14, so 4369 + 4096 i + 256 j + 16 k + l
                    // <= 61166 < 65536 = x.len().
                    let q = unsafe { p.add(4369 + 4096 * i + 256 * j + 16 * k + l) };
                    // SAFETY: `q` points inside `x`, borrowed exclusively.
                    let v = unsafe { *q };
                    acc += v;
                    // SAFETY: as above.
                    unsafe { *q = -v };
                }
            }
        }
    }
    acc
}

/// i6: the interior of 256 x 256 with both axes reversed, `x[65278 - 256 i - j]`.
#[inline(never)]
pub fn negative(x: &[f32; 65536]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..254 {
        for j in 0..254 {
            // SAFETY: i, j < 254, so 65278 - 256 i - j lies in 257..=65278, inside x.
            let q = unsafe { p.add(65278 - 256 * i - j) };
            // SAFETY: `q` points inside `x`, borrowed for reading.
            acc += unsafe { *q };
        }
    }
    acc
}

/// i6 writable.
#[inline(never)]
pub fn negative_mut(x: &mut [f32; 65536]) -> f32 {
    let p = x.as_mut_ptr();
    let mut acc = 0.0f32;
    for i in 0..254 {
        for j in 0..254 {
            // SAFETY: i, j < 254, so 65278 - 256 i - j lies in 257..=65278, inside x.
            let q = unsafe { p.add(65278 - 256 * i - j) };
            // SAFETY: `q` points inside `x`, borrowed exclusively.
            let v = unsafe { *q };
            acc += v;
            // SAFETY: as above.
            unsafe { *q = -v };
        }
    }
    acc
}

/// i7, i8: `Σ a[3 i] · b[4095 - i]`.
#[inline(never)]
pub fn zip_dot(a: &[f32; 12288], b: &[f32; 4096]) -> f32 {
    let (p, q) = (a.as_ptr(), b.as_ptr());
    let mut acc = 0.0f32;
    for i in 0..4096 {
        // SAFETY: i < 4096, so 3 * i <= 12285 < 12288 = a.len().
        let x = unsafe { p.add(3 * i) };
        // SAFETY: i < 4096, so 4095 - i lies in 0..4096 = b.len().
        let y = unsafe { q.add(4095 - i) };
        // SAFETY: `x` and `y` point inside `a` and `b`, borrowed for reading.
        let (x, y) = (unsafe { *x }, unsafe { *y });
        acc += x * y;
    }
    acc
}

/// i10: `Σ (i + j) · x[i, j]` over the interior of i2.
#[inline(never)]
pub fn indexed(x: &[f32; 65536]) -> f32 {
    let p = x.as_ptr();
    let mut acc = 0.0f32;
    for i in 0..254usize {
        for j in 0..254usize {
            // SAFETY: i, j < 254, so 257 + 256 i + j <= 65278 < 65536 = x.len().
            let q = unsafe { p.add(257 + 256 * i + j) };
            // SAFETY: `q` points inside `x`, borrowed for reading.
            acc += (i + j) as f32 * unsafe { *q };
        }
    }
    acc
}
