//! A view logged with defmt: view-core's `defmt` feature (`defmt::Format`
//! for `View`, `ViewMut`, `DynView`, `DynViewMut` and `DynError`), on the
//! target, through a global logger that keeps the frames in RAM instead of
//! sending them to a probe.
//!
//! defmt frames are binary (an interned string's index, then the arguments,
//! here with `DEFMT_ENCODING=raw`, no compression); decoding them needs the
//! ELF's string table on a host. So the checks here are what the target can
//! see: logging a view writes frames, the same view gives the same frames,
//! the view's elements appear in its frame in C order (each a `u8`
//! argument of its own), a run-time view of the same numbers gives the
//! static view's frame, and a run-time error's frame holds its text.
#![no_std]
#![no_main]

use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, Ordering};

use cortex_m::interrupt::{self, Mutex};
use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hprintln};
use panic_semihosting as _;
use view_core::{DynLayout, DynView, DynViewMut};
use view_macros::strided_view;

strided_view! {
    /// Every other byte of two rows of six, the second row reversed.
    Picked: [u8; 12] { shape: [2, 3], strides: [6, 2] }
    mut Flipped: [u8; 12] { shape: [2, 3], strides: [-6, -2], offset: 10 }
}

/// Frames kept by the logger.
struct Captured {
    bytes: [u8; 1024],
    len: usize,
}

static CAPTURED: Mutex<RefCell<Captured>> = Mutex::new(RefCell::new(Captured {
    bytes: [0; 1024],
    len: 0,
}));
static TAKEN: AtomicBool = AtomicBool::new(false);

/// The logger: appends every frame's bytes to `CAPTURED`.
#[defmt::global_logger]
struct Keep;

// SAFETY:
// - `acquire` and `release` are paired by defmt, and `TAKEN` makes a second
//   `acquire` before `release` panic instead of interleaving frames (there
//   is no interrupt handler here that logs);
// - `write` and `flush` are called only between them, by defmt;
// - every access to `CAPTURED` is inside a critical section.
unsafe impl defmt::Logger for Keep {
    fn acquire() {
        assert!(!TAKEN.swap(true, Ordering::Acquire), "defmt logger re-entered");
    }

    unsafe fn flush() {}

    unsafe fn release() {
        TAKEN.store(false, Ordering::Release);
    }

    unsafe fn write(bytes: &[u8]) {
        interrupt::free(|cs| {
            let mut captured = CAPTURED.borrow(cs).borrow_mut();
            let start = captured.len;
            let end = (start + bytes.len()).min(captured.bytes.len());
            captured.bytes[start..end].copy_from_slice(&bytes[..end - start]);
            captured.len = end;
        });
    }
}

/// Logs `view` and returns the bytes of its frame.
fn frame_of(log: impl FnOnce()) -> ([u8; 1024], usize) {
    interrupt::free(|cs| CAPTURED.borrow(cs).borrow_mut().len = 0);
    log();
    interrupt::free(|cs| {
        let captured = CAPTURED.borrow(cs).borrow();
        (captured.bytes, captured.len)
    })
}

/// Logs `value` from one call site (each site interns its own format
/// string, so two sites give two frames that differ in their first bytes).
fn log(value: &impl defmt::Format) {
    defmt::println!("{}", value);
}

/// Whether `wanted` occurs in `bytes` in order (other bytes between them).
fn in_order(bytes: &[u8], wanted: &[u8]) -> bool {
    let mut rest = wanted.iter().peekable();
    for b in bytes {
        if rest.peek() == Some(&b) {
            rest.next();
        }
    }
    rest.peek().is_none()
}

#[entry]
fn main() -> ! {
    hprintln!("strided-view firmware, defmt bridge, on a Cortex-M3 (lm3s6965evb)");
    let buffer: [u8; 12] = core::array::from_fn(|i| 100 + i as u8);
    let picked = Picked::view(&buffer); // [[100, 102, 104], [106, 108, 110]]
    let (first, len) = frame_of(|| log(&picked));
    let (again, len_again) = frame_of(|| log(&picked));
    let mut copy = buffer;
    let flipped = Flipped::view_mut(&mut copy); // [[110, 108, 106], [104, 102, 100]]
    let (mirrored, mirrored_len) = frame_of(|| log(&flipped));
    // The same numbers at run time give the same frames.
    let layout = DynLayout::new([2, 3], [6, 2], 0, buffer.len()).expect("in bounds");
    let run_time = DynView::new(&buffer, layout).expect("fits");
    let (dynamic, dynamic_len) = frame_of(|| log(&run_time));
    let mut copy_again = buffer;
    let layout = DynLayout::new([2, 3], [-6, -2], 10, buffer.len())
        .expect("in bounds")
        .writable()
        .expect("unique");
    let run_time_mut = DynViewMut::new(&mut copy_again, layout).expect("fits");
    let (dynamic_mut, dynamic_mut_len) = frame_of(|| log(&run_time_mut));
    // A run-time error: its Display text, in the frame as a string.
    let error = DynLayout::new([2, 3], [6, 2], 2, buffer.len()).expect_err("out of bounds");
    let text = error.message();
    let text = text.as_str().as_bytes();
    let (error_frame, error_len) = frame_of(|| log(&error));
    let frame = &first[..len];
    let checks = [
        ("logging a view writes a frame", len > 6),
        ("the same view gives the same frame", frame == &again[..len_again]),
        (
            "the shape [2, 3] as two 32-bit words",
            frame.windows(8).any(|w| w == [2, 0, 0, 0, 3, 0, 0, 0]),
        ),
        (
            "the elements appear in C order",
            in_order(frame, &[100, 102, 104, 106, 108, 110]),
        ),
        (
            "a writable view too, reversed",
            in_order(&mirrored[..mirrored_len], &[110, 108, 106, 104, 102, 100]),
        ),
        (
            "a run-time view: the static view's frame",
            &dynamic[..dynamic_len] == frame,
        ),
        (
            "a writable run-time view: the static one's",
            dynamic_mut[..dynamic_mut_len] == mirrored[..mirrored_len],
        ),
        (
            "a run-time error: its text in the frame",
            text.starts_with(b"run-time layout") && error_frame[..error_len].windows(text.len()).any(|w| w == text),
        ),
    ];
    hprintln!("defmt: frame of {} bytes for a 2 x 3 view: {:?}", len, frame);
    let mut failed = 0;
    for (what, ok) in checks {
        hprintln!("  {:<44} {}", what, if ok { "ok" } else { "FAILED" });
        failed += usize::from(!ok);
    }
    hprintln!("{} passed, {} failed", checks.len() - failed, failed);
    debug::exit(if failed == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {
        cortex_m::asm::wfi();
    }
}
