//! The `alloc` feature: a view's elements copied into a `Vec`.

use ::alloc::vec::Vec;

use crate::facts::Facts;
use crate::layout::{Layout, UniqueLayout};
use crate::view::View;
use crate::view_mut::ViewMut;

impl<E: Clone, L: Layout> View<'_, E, L> {
    /// The elements, cloned, in logical C order (last axis fastest): one per
    /// index, `L::SIZE` of them (a broadcast repeats its elements, as
    /// NumPy's `np.ascontiguousarray(a).ravel()` does).
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_vec(&self) -> Vec<E> {
        let mut out = Vec::with_capacity(Facts::<L>::SIZE);
        self.for_each(|element| out.push(element.clone()));
        out
    }
}

impl<E: Clone, L: UniqueLayout> ViewMut<'_, E, L> {
    /// The elements, cloned, in logical C order (see [`View::to_vec`]).
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_vec(&self) -> Vec<E> {
        self.as_view().to_vec()
    }
}
