//! One shared copy of the sorting code.
//!
//! Every `slice::sort_by` call site with its own closure is a separate
//! monomorphised copy of std's stable sort, about 3.5 KB of wasm each. These
//! helpers sort a list of indices through one `dyn` comparator instead, so the
//! app carries the sort once, plus a few hundred bytes per element type to put
//! the items in order. Results are the same as `sort_by` (stable).

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`: the same order as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sort floats ascending by [`f64::total_cmp`] (NaN last). Through the one
/// shared stable sort: floats equal by `total_cmp` are the same bits, so the
/// order is the same as an unstable sort's, without linking a second sort.
pub fn sort_f64(v: &mut [f64]) {
    sort_by(v, f64::total_cmp);
}

fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Reorder `v` in place so that the new `v[k]` is the old `v[order[k]]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let k = order[j];
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn floats_sort_with_nan_last() {
        let mut v = [2.5, f64::NAN, -1.0, 0.0];
        sort_f64(&mut v);
        assert_eq!(&v[..3], &[-1.0, 0.0, 2.5]);
        assert!(v[3].is_nan());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn same_order_as_std_stable_sort(v in proptest::collection::vec((0u8..8, proptest::prelude::any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
