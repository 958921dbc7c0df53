//! The one `$ref` follower: local references (`#/definitions/Name`) followed hop by hop,
//! at most [`MAX_HOPS`] of them, so that a cycle ends. Connectors must be self-contained:
//! a remote reference is never read or fetched.

use crate::syntax::{pointer, Node};

/// More hops than this is a cycle.
pub const MAX_HOPS: usize = 32;

/// Why a chain of references stopped before an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// `$ref` is not a string.
    NotString,
    /// `http://…`, `file:…`, `other.json#/…`: outside this file.
    Remote(String),
    /// `#/definitions/Missing`.
    Broken(String),
    /// More than [`MAX_HOPS`] hops: a cycle.
    Cycle,
}

/// Where a chain of references stopped: the reason, the pointer of the `$ref` member
/// that failed, and the last node reached (with its pointer).
#[derive(Debug)]
pub struct Stopped<'a> {
    pub stop: Stop,
    pub ref_at: String,
    pub last: &'a Node,
    pub last_at: String,
}

/// Follows local `$ref`s from `node` (written at `at`) to the object they name, with its
/// pointer.
pub fn follow<'a>(
    root: &'a Node,
    node: &'a Node,
    at: &str,
) -> Result<(&'a Node, String), Stopped<'a>> {
    let mut node = node;
    let mut at = at.to_string();
    for _ in 0..MAX_HOPS {
        let Some(r) = node.get("$ref") else {
            return Ok((node, at));
        };
        let ref_at = pointer::join(&at, "$ref");
        let stop = match r.as_str() {
            None => Stop::NotString,
            Some(target) => match target.strip_prefix('#') {
                None => Stop::Remote(target.to_string()),
                Some(local) => match pointer::resolve(root, local) {
                    Some(t) => {
                        node = t.node;
                        at = local.to_string();
                        continue;
                    }
                    None => Stop::Broken(target.to_string()),
                },
            },
        };
        return Err(Stopped {
            stop,
            ref_at,
            last: node,
            last_at: at,
        });
    }
    Err(Stopped {
        stop: Stop::Cycle,
        ref_at: pointer::join(&at, "$ref"),
        last: node,
        last_at: at,
    })
}

/// [`follow`], or `None` for a broken, remote or cyclic reference (`invalid-reference`
/// reports those).
pub fn resolve<'a>(root: &'a Node, node: &'a Node, at: &str) -> Option<(&'a Node, String)> {
    follow(root, node, at).ok()
}

/// [`follow`] as far as it goes: the object named, or the last node reached when a
/// reference is broken. For text that describes what it can.
pub fn as_far_as<'a>(root: &'a Node, node: &'a Node, at: &str) -> (&'a Node, String) {
    match follow(root, node, at) {
        Ok(found) => found,
        Err(s) => (s.last, s.last_at),
    }
}

/// [`as_far_as`], the node only.
pub fn target<'a>(root: &'a Node, node: &'a Node) -> &'a Node {
    as_far_as(root, node, "").0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Node {
        let file = crate::source::SourceFile::from_bytes("x.json".into(), text.as_bytes().to_vec());
        crate::syntax::parse(&file).root.unwrap()
    }

    #[test]
    fn follows_and_stops() {
        let root = parse(
            r##"{"a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": {"type": "string"},
               "loop": {"$ref": "#/loop"}, "gone": {"$ref": "#/nope"}, "far": {"$ref": "http://x/y.json"}}"##,
        );
        let get = |k: &str| root.get(k).unwrap();
        let (n, at) = follow(&root, get("a"), "/a").unwrap();
        assert_eq!((n.get_str("type"), at.as_str()), (Some("string"), "/c"));
        assert_eq!(
            follow(&root, get("loop"), "/loop").unwrap_err().stop,
            Stop::Cycle
        );
        let gone = follow(&root, get("gone"), "/gone").unwrap_err();
        assert_eq!(gone.stop, Stop::Broken("#/nope".into()));
        assert_eq!(gone.ref_at, "/gone/$ref");
        assert_eq!(
            follow(&root, get("far"), "/far").unwrap_err().stop,
            Stop::Remote("http://x/y.json".into())
        );
        assert!(resolve(&root, get("gone"), "/gone").is_none());
        assert_eq!(as_far_as(&root, get("gone"), "/gone").1, "/gone");
    }
}
