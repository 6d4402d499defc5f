//! The `defmt` feature: `defmt::Format` for views, for logging from
//! firmware: the shape, then the elements in nested brackets, on one line
//! (`[2, 3] [[0, 1, 2], [3, 4, 5]]`).

use ::defmt::{Format, Formatter};

use crate::layout::{Layout, UniqueLayout};
use crate::view::View;
use crate::view_mut::ViewMut;

/// Writes `elements` (in C order) as nested brackets for `shape`; `[]` for
/// an empty view (whose outer extents may be huge), as `Debug` does.
fn write_nested<'e, E: Format + 'e>(f: Formatter<'_>, elements: &mut impl Iterator<Item = &'e E>, shape: &[usize]) {
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
        ::defmt::write!(f, "{} ", L::SHAPE_SLICE);
        write_nested(f, &mut self.iter(), L::SHAPE_SLICE);
    }
}

/// As for [`View`].
#[cfg_attr(docsrs, doc(cfg(feature = "defmt")))]
impl<E: Format, L: UniqueLayout> Format for ViewMut<'_, E, L> {
    fn format(&self, f: Formatter<'_>) {
        self.as_view().format(f)
    }
}
