//! RFC 6901 JSON pointers: building them and resolving them against a [`Node`] tree.

use std::borrow::Cow;

use super::{Node, NodeKind};
use crate::source::Span;

/// Appends `/token` to a pointer, escaping `~` and `/`.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `base` + `/token`.
pub fn join(base: &str, token: &str) -> String {
    let mut p = String::with_capacity(base.len() + token.len() + 1);
    p.push_str(base);
    push_token(&mut p, token);
    p
}

/// Splits a pointer into unescaped tokens. `""` is the root. A token is borrowed from
/// the pointer unless it has an escape (rare): resolving allocates nothing.
pub fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    pointer.split('/').skip(1).map(unescape)
}

fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// Where a pointer lands: the value, and the key span when the value is an object member.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub node: &'a Node,
    pub key_span: Option<Span>,
}

/// Resolves a pointer. For duplicate keys, the last occurrence is taken (as JSON readers do).
pub fn resolve<'a>(root: &'a Node, pointer: &str) -> Option<Target<'a>> {
    let mut target = Target {
        node: root,
        key_span: None,
    };
    for token in tokens(pointer) {
        target = match &target.node.kind {
            NodeKind::Object(_) => {
                let m = target.node.member(&token)?;
                Target {
                    node: &m.value,
                    key_span: Some(m.key_span),
                }
            }
            NodeKind::Array(items) => Target {
                node: items.get(token.parse::<usize>().ok()?)?,
                key_span: None,
            },
            _ => return None,
        };
    }
    Some(target)
}

/// Resolves as much of the pointer as exists, returning the deepest node reached.
pub fn resolve_nearest<'a>(root: &'a Node, pointer: &str) -> Target<'a> {
    let mut target = Target {
        node: root,
        key_span: None,
    };
    for token in tokens(pointer) {
        let next =
            match &target.node.kind {
                NodeKind::Object(_) => target.node.member(&token).map(|m| Target {
                    node: &m.value,
                    key_span: Some(m.key_span),
                }),
                NodeKind::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|node| Target {
                        node,
                        key_span: None,
                    }),
                _ => None,
            };
        match next {
            Some(t) => target = t,
            None => break,
        }
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let p = join("/paths", "/items/{id}~x");
        assert_eq!(p, "/paths/~1items~1{id}~0x");
        let t: Vec<_> = tokens(&p).collect();
        assert_eq!(t, vec!["paths", "/items/{id}~x"]);
        assert_eq!(tokens("").count(), 0);
    }
}
