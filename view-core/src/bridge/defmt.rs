//! The `defmt` feature: `defmt::Format` for views, static and run-time, for
//! logging from firmware: the shape, then the elements in nested brackets,
//! on one line (`[2, 3] [[0, 1, 2], [3, 4, 5]]`); and for [`DynError`], its
//! `Display` text.

use ::defmt::{Format, Formatter};

use crate::dynamic::{DynError, DynView, DynViewMut};
use crate::layout::{Layout, UniqueLayout};
use crate::view::View;
use crate::view_mut::ViewMut;

/// Writes `shape`, then `elements` (in C order) as nested brackets for it;
/// `[]` for an empty view (whose outer extents may be huge), as `Debug` does.
/// One function for every view type: each `write!` interns its own format
/// string, so the same numbers give the same frame only through one site.
fn write_view<'e, E: Format + 'e>(f: Formatter<'_>, elements: &mut impl Iterator<Item = &'e E>, shape: &[usize]) {
    ::defmt::write!(f, "{} ", shape);
    if shape.contains(&0) {
        ::defmt::write!(f, "[]");
        return;
    }
    write_inner(f, elements, shape);
}

fn write_inner<'e, E: Format + 'e>(f: Formatter<'_>, elements: &mut impl Iterator<Item = &'e E>, shape: &[usize]) {
    let Some((&extent, inner)) = shape.split_first() else {
        if let Some(element) = elements.next() {
            ::defmt::write!(f, "{}", element);
        }
        return;
    };
    ::defmt::write!(f, "[");
    for i in 0..extent {
        if i > 0 {
            ::defmt::write!(f, ", ");
        }
        write_inner(f, elements, inner);
    }
    ::defmt::write!(f, "]");
}

/// The shape, then the elements: `[2, 3] [[0, 1, 2], [3, 4, 5]]`.
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl<E: Format, L: Layout> Format for View<'_, E, L> {
    fn format(&self, f: Formatter<'_>) {
        write_view(f, &mut self.iter(), L::SHAPE_SLICE);
    }
}

/// As for [`View`].
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl<E: Format, L: UniqueLayout> Format for ViewMut<'_, E, L> {
    fn format(&self, f: Formatter<'_>) {
        self.as_view().format(f)
    }
}

/// As for [`View`], with the run-time shape.
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl<E: Format, const R: usize> Format for DynView<'_, E, R> {
    fn format(&self, f: Formatter<'_>) {
        write_view(f, &mut self.iter(), &self.shape());
    }
}

/// As for [`View`], with the run-time shape.
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl<E: Format, const R: usize> Format for DynViewMut<'_, E, R> {
    fn format(&self, f: Formatter<'_>) {
        self.as_view().format(f)
    }
}

/// The error's `Display` text (the words and witness of the compile-time
/// errors), formatted on the device: defmt's interned strings cannot hold a
/// text built at run time.
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl Format for DynError {
    fn format(&self, f: Formatter<'_>) {
        ::defmt::write!(f, "{=str}", self.message().as_str());
    }
}
