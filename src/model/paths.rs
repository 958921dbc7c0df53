//! Which path templates can match the same request: `/items/{id}` and `/items/recent`.
//!
//! Comparing every operation with every earlier one took 87 s for 30,000 operations.
//! Here the earlier paths sit in a trie of segments (a template variable is a wildcard
//! edge), so a path is compared only with the paths it can overlap.

use std::collections::HashMap;

/// A path with its variables replaced by `{}` and in lower case: two paths with the same
/// shape differ only in case and variable names.
pub fn shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_var = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_var = true;
                out.push('{');
            }
            '}' => {
                in_var = false;
                out.push('}');
            }
            _ if in_var => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a segment is one template variable (`{id}`), which matches any value.
fn is_variable(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}') && segment.matches('{').count() == 1
}

/// The segments of a path, trailing slashes ignored (`/a/` is `/a`).
fn segments(path: &str) -> std::str::Split<'_, char> {
    path.trim_end_matches('/').split('/')
}

/// Whether two paths can match one request: the same number of segments, and at each
/// segment a variable on either side, or the same text ignoring ASCII case.
pub fn overlaps(a: &str, b: &str) -> bool {
    let (mut sa, mut sb) = (segments(a), segments(b));
    loop {
        match (sa.next(), sb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !(is_variable(x) || is_variable(y) || x.eq_ignore_ascii_case(y)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[derive(Default)]
struct TrieNode {
    /// Children by lower-case literal segment, in insertion order (so by smallest index).
    literal: HashMap<Box<str>, usize>,
    /// The literal children, in insertion order.
    order: Vec<usize>,
    wildcard: Option<usize>,
    /// The smallest index of a path through this node.
    first: usize,
    /// At the end of a path: the first two paths that end here with different `key`s.
    ends: Vec<(usize, Box<str>)>,
}

/// For each entry of `paths` (a group key, such as the method, and the path), the first
/// earlier entry of the same group that overlaps it ([`overlaps`]) and whose `shape`
/// differs from its own (`shape` tells apart two spellings of one path, which another
/// rule reports). Entries are visited in order.
pub fn first_overlaps<'a, G: std::hash::Hash + Eq>(
    paths: impl IntoIterator<Item = (G, &'a str, &'a str)>,
) -> Vec<Option<usize>> {
    let mut roots: HashMap<G, usize> = HashMap::new();
    let mut nodes: Vec<TrieNode> = Vec::new();
    let mut out = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for (index, (group, path, shape)) in paths.into_iter().enumerate() {
        let segs: Vec<&str> = segments(path).collect();
        let root = *roots.entry(group).or_insert_with(|| {
            nodes.push(TrieNode {
                first: index,
                ..TrieNode::default()
            });
            nodes.len() - 1
        });
        // Search: depth-first, children in order of their first path, pruned when a
        // subtree cannot hold an earlier match than the best found.
        let mut best: Option<usize> = None;
        stack.clear();
        stack.push((root, 0));
        while let Some((node, depth)) = stack.pop() {
            let n = &nodes[node];
            if best.is_some_and(|b| n.first >= b) {
                continue;
            }
            if depth == segs.len() {
                if let Some((j, _)) = n.ends.iter().find(|(_, s)| **s != *shape) {
                    if best.is_none_or(|b| *j < b) {
                        best = Some(*j);
                    }
                }
                continue;
            }
            let seg = segs[depth];
            let before = stack.len();
            if is_variable(seg) {
                stack.extend(n.order.iter().map(|&c| (c, depth + 1)));
            } else if let Some(&c) = n.literal.get(seg.to_ascii_lowercase().as_str()) {
                stack.push((c, depth + 1));
            }
            if let Some(c) = n.wildcard {
                stack.push((c, depth + 1));
            }
            // Popped last-in first: put the earliest child on top.
            stack[before..].sort_unstable_by_key(|&(c, _)| std::cmp::Reverse(nodes[c].first));
        }
        out.push(best);
        // Insert.
        let mut node = root;
        for seg in &segs {
            let next = if is_variable(seg) {
                nodes[node].wildcard
            } else {
                nodes[node]
                    .literal
                    .get(seg.to_ascii_lowercase().as_str())
                    .copied()
            };
            node = match next {
                Some(c) => c,
                None => {
                    nodes.push(TrieNode {
                        first: index,
                        ..TrieNode::default()
                    });
                    let c = nodes.len() - 1;
                    if is_variable(seg) {
                        nodes[node].wildcard = Some(c);
                    } else {
                        nodes[node]
                            .literal
                            .insert(seg.to_ascii_lowercase().into(), c);
                        nodes[node].order.push(c);
                    }
                    c
                }
            };
        }
        let ends = &mut nodes[node].ends;
        if ends.len() < 2 && ends.iter().all(|(_, s)| **s != *shape) {
            ends.push((index, shape.into()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairwise definition the trie replaces.
    fn naive(paths: &[(&str, &str, &str)]) -> Vec<Option<usize>> {
        (0..paths.len())
            .map(|i| {
                (0..i).find(|&j| {
                    paths[j].0 == paths[i].0
                        && paths[j].2 != paths[i].2
                        && overlaps(paths[j].1, paths[i].1)
                })
            })
            .collect()
    }

    #[test]
    fn agrees_with_comparing_every_pair() {
        let words = ["a", "A", "{x}", "{y}", "b", "{x}.json", ""];
        let mut paths = Vec::new();
        for i in 0..400usize {
            let mut p = String::new();
            let mut k = i;
            for _ in 0..(i % 4 + 1) {
                p.push('/');
                p.push_str(words[k % words.len()]);
                k /= words.len();
            }
            if i % 5 == 0 {
                p.push('/');
            }
            paths.push((if i % 3 == 0 { "get" } else { "post" }, p));
        }
        let shaped: Vec<(&str, &str, String)> = paths
            .iter()
            .map(|(m, p)| (*m, p.as_str(), shape(p)))
            .collect();
        let triples: Vec<(&str, &str, &str)> = shaped
            .iter()
            .map(|(m, p, s)| (*m, *p, s.as_str()))
            .collect();
        let fast = first_overlaps(triples.iter().copied());
        assert_eq!(fast, naive(&triples));
        assert!(fast.iter().filter(|f| f.is_some()).count() > 50);
    }
}
