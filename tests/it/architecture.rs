//! The layers of `../shared/reference/architecture.md`, asserted over the imports of `src/`.
//!
//! Every `crate::`, `$crate::`, `self::` and `super::` path of the library (outside
//! `#[cfg(test)]` items, comments and strings) is resolved to the top-level module it
//! names. A module may import from layers below its own, and from its own layer only
//! without a cycle. The CLI is the binary's: no library module may name it.
//!
//! Today's violations are listed in [`KNOWN_VIOLATIONS`]. The test fails on a violation
//! that is not listed, and on a listed one that no longer occurs, so the list only
//! shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The violations that remain, as `file -> module` (or `file: what`). Remove an entry
/// when its import is gone; never add one.
const KNOWN_VIOLATIONS: &[&str] = &[];

/// The layer of each top-level module, from the table of architecture.md: a row's first
/// cell names the layer (`L0`…, `bin` last), its second cell the modules in backticks.
fn layer_table() -> BTreeMap<String, usize> {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/architecture.md");
    let text = std::fs::read_to_string(&doc)
        .unwrap_or_else(|e| panic!("{}: {e} (the layer table lives there)", doc.display()));
    let mut layers = BTreeMap::new();
    let mut rank = 0;
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let name = cells[1];
        let is_layer = name == "bin"
            || (name.len() >= 2
                && name.starts_with('L')
                && name[1..].chars().all(|c| c.is_ascii_digit()));
        if !is_layer {
            continue;
        }
        for module in cells[2].split('`').skip(1).step_by(2) {
            let module = module.trim_start_matches("src/");
            let top: String = module
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !top.is_empty() {
                layers.insert(top, rank);
            }
        }
        rank += 1;
    }
    assert!(
        layers.len() >= 10 && layers.contains_key("cli"),
        "{}: the layer table was not found ({layers:?})",
        doc.display()
    );
    layers
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// Rust source as identifiers, `::` and punctuation: comments, strings, characters and
/// numbers are dropped.
fn tokens(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == b'"' {
            i = skip_string(b, i + 1);
        } else if (c == b'r' || c == b'b')
            && raw_string_start(b, i).is_some()
            && !prev_is_ident(b, i)
        {
            let (hashes, body) = raw_string_start(b, i).unwrap();
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            i = body;
            while i < b.len() && !b[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
        } else if c == b'b' && b.get(i + 1) == Some(&b'"') && !prev_is_ident(b, i) {
            i = skip_string(b, i + 2);
        } else if c == b'\'' {
            // A character literal ('a', '\n', '\u{1F}'), or a lifetime ('a).
            if b.get(i + 1) == Some(&b'\\') {
                i += 3;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
                i += 1;
            } else if let Some(len) = src[i + 1..].chars().next().map(char::len_utf8) {
                if b.get(i + 1 + len) == Some(&b'\'') {
                    i += 2 + len;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        } else if c == b':' && b.get(i + 1) == Some(&b':') {
            out.push(Tok::PathSep);
            i += 2;
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            let start = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(src[start..i].to_string()));
        } else if c.is_ascii_whitespace() || !c.is_ascii() {
            i += 1;
        } else {
            out.push(Tok::Punct(c as char));
            i += 1;
        }
    }
    out
}

fn prev_is_ident(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// At `r"`, `r#"`, `br"`…: the number of `#` and where the body starts.
fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if b[j] == b'b' {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|c| **c == b'#').count();
    (b.get(j + hashes) == Some(&b'"')).then_some((hashes, j + hashes + 1))
}

fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The absolute paths (module segments) a file names, outside `#[cfg(test)]` items.
/// `module` is the file's own module path.
fn named_paths(src: &str, module: &[String]) -> Vec<Vec<String>> {
    let toks = tokens(src);
    let mut out = Vec::new();
    // Inline `mod name {` blocks: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        if is_cfg_test(&toks[i..]) {
            i = skip_item(&toks, i + 7);
            continue;
        }
        match &toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(m) if m == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Punct('{'))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth + 1));
                }
            }
            Tok::Ident(head)
                if matches!(head.as_str(), "crate" | "$crate" | "self" | "super")
                    && toks.get(i + 1) == Some(&Tok::PathSep)
                    && (i == 0 || toks[i - 1] != Tok::PathSep) =>
            {
                let mut here: Vec<String> = module.to_vec();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let mut base = Vec::new();
                let mut j = i;
                // The leading crate/self/super segments.
                loop {
                    match &toks[j] {
                        Tok::Ident(s) if s == "crate" || s == "$crate" => base.clear(),
                        Tok::Ident(s) if s == "self" && j == i => base = here.clone(),
                        Tok::Ident(s) if s == "super" => {
                            if j == i {
                                base = here.clone();
                            }
                            base.pop();
                        }
                        _ => break,
                    }
                    if toks.get(j + 1) != Some(&Tok::PathSep) {
                        break;
                    }
                    j += 2;
                    if !matches!(&toks[j], Tok::Ident(s) if s == "super") {
                        break;
                    }
                }
                let end = use_tree(&toks, j, base, &mut out);
                i = end.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Reads a path or use tree starting at `j` (after the leading segments), appending each
/// full path to `out`. Returns the index after it.
fn use_tree(
    toks: &[Tok],
    mut j: usize,
    mut base: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match toks.get(j) {
            Some(Tok::Ident(s)) => {
                if s != "self" {
                    base.push(s.clone());
                }
                j += 1;
                if toks.get(j) == Some(&Tok::PathSep) {
                    j += 1;
                    continue;
                }
                out.push(base);
                return j;
            }
            Some(Tok::Punct('{')) => {
                j += 1;
                loop {
                    match toks.get(j) {
                        Some(Tok::Punct('}')) | None => return j + 1,
                        Some(Tok::Punct(',')) => j += 1,
                        _ => {
                            let next = use_tree(toks, j, base.clone(), out);
                            j = next.max(j + 1);
                            // Skip `as name`.
                            while !matches!(
                                toks.get(j),
                                Some(Tok::Punct(',')) | Some(Tok::Punct('}')) | None
                            ) {
                                j += 1;
                            }
                        }
                    }
                }
            }
            _ => {
                // `*`, or the path ended in `::` before something else.
                out.push(base);
                return j;
            }
        }
    }
}

fn is_cfg_test(t: &[Tok]) -> bool {
    let ident = |k: usize, s: &str| matches!(t.get(k), Some(Tok::Ident(x)) if x == s);
    let punct = |k: usize, c: char| t.get(k) == Some(&Tok::Punct(c));
    punct(0, '#')
        && punct(1, '[')
        && ident(2, "cfg")
        && punct(3, '(')
        && ident(4, "test")
        && punct(5, ')')
        && punct(6, ']')
}

/// Skips the item that starts at `i` (its further attributes included): up to a `;` or
/// the end of its first brace block.
fn skip_item(toks: &[Tok], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < toks.len() {
        match &toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            Tok::Punct(';') if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file below `src/`: `rules/foo.rs` → `[rules, foo]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// The modules a crate root declares (`mod x;`, `pub mod x;`).
fn declared_modules(root: &str) -> BTreeSet<String> {
    let toks = tokens(root);
    toks.windows(3)
        .filter_map(|w| match w {
            [Tok::Ident(m), Tok::Ident(name), Tok::Punct(';')] if m == "mod" => Some(name.clone()),
            _ => None,
        })
        .collect()
}

struct Crate {
    /// Top-level modules of the library.
    lib: BTreeSet<String>,
    /// (file relative to the repository, top-level module it names).
    edges: BTreeSet<(String, String)>,
}

fn scan() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let lib = declared_modules(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let bin = declared_modules(&std::fs::read_to_string(src.join("main.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect();
    // Exported macros are named at the crate root: `crate::declare_rule!`.
    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    for (f, text) in &sources {
        let module = module_of(f.strip_prefix(&src).unwrap());
        let toks = tokens(text);
        for (k, w) in toks.windows(3).enumerate() {
            if let [Tok::Ident(m), Tok::Punct('!'), Tok::Ident(name)] = w {
                let exported = toks[..k].ends_with(&[
                    Tok::Punct('#'),
                    Tok::Punct('['),
                    Tok::Ident("macro_export".into()),
                    Tok::Punct(']'),
                ]);
                if m == "macro_rules" && exported {
                    macros.insert(name.clone(), module.first().cloned().unwrap_or_default());
                }
            }
        }
    }
    let mut edges = BTreeSet::new();
    for (f, text) in &sources {
        let rel = f.strip_prefix(&src).unwrap();
        let module = module_of(rel);
        // The binary's own files name the library as `connlint::`, which any layer may.
        let top = module.first().cloned().unwrap_or_default();
        if rel == Path::new("main.rs") || bin.contains(&top) {
            continue;
        }
        for path in named_paths(text, &module) {
            let Some(first) = path.first() else { continue };
            let target = if lib.contains(first) {
                first.clone()
            } else if let Some(m) = macros.get(first) {
                m.clone()
            } else {
                panic!(
                    "src/{}: `{}` names no module of the library",
                    rel.display(),
                    path.join("::")
                );
            };
            if target != top {
                edges.insert((format!("src/{}", rel.display()), target));
            }
        }
    }
    Crate { lib, edges }
}

fn top_of(file: &str) -> String {
    module_of(Path::new(file.trim_start_matches("src/")))
        .first()
        .cloned()
        .unwrap_or_default()
}

/// The strongly connected components of the module graph, as component numbers.
fn components(
    modules: &BTreeSet<String>,
    graph: &BTreeMap<String, BTreeSet<String>>,
) -> BTreeMap<String, usize> {
    // Reachability is enough for a graph of twenty nodes.
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for n in graph.get(&m).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    todo.push(n.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        modules.iter().map(|m| (m, reach(m))).collect();
    let mut comp = BTreeMap::new();
    for (k, m) in modules.iter().enumerate() {
        let id = modules
            .iter()
            .position(|o| o == m || (reaches[m].contains(o) && reaches[o].contains(m)))
            .unwrap_or(k);
        comp.insert(m.clone(), id);
    }
    comp
}

fn violations(c: &Crate, layers: &BTreeMap<String, usize>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let bin_rank = layers["cli"];
    for m in &c.lib {
        match layers.get(m) {
            None => {
                panic!("src/{m}: a library module the layer table of architecture.md does not name")
            }
            Some(r) if *r == bin_rank => {
                found.insert(format!("src/lib.rs: `{m}` belongs in the binary"));
            }
            _ => {}
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, target) in &c.edges {
        graph
            .entry(top_of(file))
            .or_default()
            .insert(target.clone());
    }
    let comp = components(&c.lib, &graph);
    for (file, target) in &c.edges {
        let from = top_of(file);
        let (lf, lt) = (layers[&from], layers[target]);
        let upward = lt > lf;
        let cyclic = lt == lf && comp[&from] == comp[target];
        if upward || cyclic {
            found.insert(format!("{file} -> {target}"));
        }
        // Reporters get rule metadata from the run, never from the rule set.
        if from == "report" && target == "rules" {
            found.insert(format!(
                "{file} -> {target} (a reporter reads the run's rules)"
            ));
        }
    }
    found
}

#[test]
fn imports_follow_the_layers() {
    let layers = layer_table();
    let c = scan();
    let found = violations(&c, &layers);
    let known: BTreeSet<String> = KNOWN_VIOLATIONS.iter().map(|s| s.to_string()).collect();
    let new: Vec<&String> = found.difference(&known).collect();
    let gone: Vec<&String> = known.difference(&found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "imports against the layers of architecture.md (a module imports only from layers \
         below it, and from its own without a cycle):\n\nnew violations (move the code, \
         don't list them):\n{}\n\nlisted violations that no longer occur (remove them from \
         KNOWN_VIOLATIONS):\n{}",
        new.iter()
            .map(|s| format!("    \"{s}\","))
            .collect::<Vec<_>>()
            .join("\n"),
        gone.iter()
            .map(|s| format!("    \"{s}\","))
            .collect::<Vec<_>>()
            .join("\n"),
    );
}

/// Rules get files, listings and sizes from the lint (which reads through
/// `fsutil::read_in_tree`), so that `--fix --dry-run` rules see the fixed texts and no
/// rule follows a link out of the tree.
#[test]
fn rules_do_not_read_the_disk() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
        &mut files,
    );
    let mut readers = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let toks = tokens(&text);
        let uses_fs = toks.windows(3).any(|w| {
            matches!(w, [Tok::Ident(a), Tok::PathSep, Tok::Ident(b)] if a == "std" && b == "fs")
        }) || toks.windows(3).any(|w| {
            matches!(w, [Tok::Ident(a), Tok::PathSep, Tok::Ident(b)]
                if a == "fsutil" && (b == "read_in_tree" || b == "open_in_tree" || b == "list_files"))
        });
        if uses_fs {
            readers.push(f.display().to_string());
        }
    }
    assert!(readers.is_empty(), "rules that read the disk: {readers:?}");
}

#[test]
fn the_scanner_resolves_paths() {
    let module = vec!["rules".to_string(), "foo".to_string()];
    let src = r##"
        use crate::{diagnostic::Severity, model::{A, B as C}};
        use super::support::x;
        use super::super::lint::Y;
        // crate::commented::out
        /// [`crate::doc::link`]
        let s = "crate::in_a_string";
        let r = r#"crate::raw"#;
        let c = ':';
        fn f<'a>(x: &'a str) -> crate::text::Cow<'a> { crate::eprintln_inert!("{}", x) }
        mod inner { use super::sibling; }
        #[cfg(test)]
        mod tests { use crate::cli::Hidden; }
        use self::local::Z;
    "##;
    let firsts: Vec<String> = named_paths(src, &module)
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        firsts,
        [
            "diagnostic::Severity",
            "model::A",
            "model::B",
            "rules::support::x",
            "lint::Y",
            "text::Cow",
            "eprintln_inert",
            "rules::foo::sibling",
            "rules::foo::local::Z",
        ]
    );
}

#[test]
fn a_cycle_within_a_layer_is_a_violation() {
    let layers: BTreeMap<String, usize> = [("a", 0), ("b", 0), ("c", 1), ("cli", 2)]
        .into_iter()
        .map(|(m, r)| (m.to_string(), r))
        .collect();
    let c = Crate {
        lib: ["a", "b", "c"].iter().map(|s| s.to_string()).collect(),
        edges: [
            ("src/a.rs", "b"),
            ("src/b/x.rs", "a"),
            ("src/c.rs", "a"),
            ("src/a.rs", "c"),
        ]
        .into_iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect(),
    };
    let found: Vec<String> = violations(&c, &layers).into_iter().collect();
    assert_eq!(found, ["src/a.rs -> b", "src/a.rs -> c", "src/b/x.rs -> a"]);
}

#[test]
fn a_reporter_does_not_read_the_rule_set() {
    let layers: BTreeMap<String, usize> = [("rules", 0), ("report", 1), ("cli", 2)]
        .into_iter()
        .map(|(m, r)| (m.to_string(), r))
        .collect();
    let c = Crate {
        lib: ["rules", "report"].iter().map(|s| s.to_string()).collect(),
        edges: [("src/report/sarif.rs".to_string(), "rules".to_string())]
            .into_iter()
            .collect(),
    };
    let found: Vec<String> = violations(&c, &layers).into_iter().collect();
    assert_eq!(
        found,
        ["src/report/sarif.rs -> rules (a reporter reads the run's rules)"]
    );
}
