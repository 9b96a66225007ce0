//! Disjoint sets (union–find with path halving) over `0..n`, as a parent
//! vector `(0..n).collect()`: the sessions of one company in [`super::link`],
//! the lines that share a suppressed cell in [`super::disclosure`].

/// The representative of `x`'s set: the smallest index in it.
pub(super) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Joins the sets of `a` and `b`; the smaller representative stays.
pub(super) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
