//! Matching observed requests to operations: rules C0–C10 of the telemetry research
//! report (`shared/reference/telemetry/REPORT.md`, section (c)).
//!
//! The [`Matcher`] is built once per definition. Matching a row allocates nothing in the
//! common case: segments go into a reused [`MatchScratch`], templates are grouped by
//! segment count, and mixed segments such as `exports({exportId})` are compiled to literal
//! pieces matched without a regex engine.

use std::collections::HashMap;

use crate::model::Definition;
use crate::syntax::Node;

/// What kind of path a row carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// A request path, a full URL, or a KQL-collapsed shape with `{id}` placeholders.
    RawPath,
    /// A framework route template (OpenTelemetry `http.route`): `v2/invoices/{id:int}`,
    /// `/users/:id`. Catch-alls (`{*rest}`) never match (C6).
    RouteTemplate,
}

/// Per-segment specificity class (C5): literal < mixed < parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SegmentClass {
    Literal,
    Mixed,
    Parameter,
}

#[derive(Debug)]
enum TemplateSegment {
    Literal {
        text: String,
        folded: String,
        /// ASCII digits in the literal: 3 or more means the KQL would have collapsed it (C7).
        digits: usize,
    },
    Parameter,
    /// Literal pieces around parameters: `exports({id})` → `["exports(", ")"]`.
    Mixed {
        pieces: Vec<String>,
        folded: Vec<String>,
    },
}

impl TemplateSegment {
    fn compile(segment: &str) -> (TemplateSegment, SegmentClass) {
        let pieces = split_parameters(segment);
        match pieces {
            None => (
                TemplateSegment::Literal {
                    text: segment.to_string(),
                    folded: segment.to_lowercase(),
                    digits: segment.bytes().filter(u8::is_ascii_digit).count(),
                },
                SegmentClass::Literal,
            ),
            Some(p) if p.len() == 2 && p.iter().all(String::is_empty) => {
                (TemplateSegment::Parameter, SegmentClass::Parameter)
            }
            Some(p) => {
                let folded = p.iter().map(|s| s.to_lowercase()).collect();
                (
                    TemplateSegment::Mixed { pieces: p, folded },
                    SegmentClass::Mixed,
                )
            }
        }
    }

    fn matches(&self, observed: &str, placeholder: bool, fold: bool) -> bool {
        if placeholder {
            return match self {
                TemplateSegment::Parameter | TemplateSegment::Mixed { .. } => true,
                TemplateSegment::Literal { digits, .. } => *digits >= 3,
            };
        }
        match self {
            TemplateSegment::Literal { text, folded, .. } => {
                if fold {
                    eq_folded(folded, observed)
                } else {
                    text == observed
                }
            }
            TemplateSegment::Parameter => !observed.is_empty(),
            TemplateSegment::Mixed { pieces, folded } => {
                if fold {
                    glob_match(folded, &observed.to_lowercase())
                } else {
                    glob_match(pieces, observed)
                }
            }
        }
    }
}

/// Splits `a{x}b{y}c` into `["a", "b", "c"]`; `None` when there is no `{…}`.
fn split_parameters(segment: &str) -> Option<Vec<String>> {
    let mut pieces = Vec::new();
    let mut rest = segment;
    let mut current = String::new();
    let mut found = false;
    while let Some(open) = rest.find('{') {
        let Some(close_rel) = rest[open + 1..].find('}') else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + close_rel];
        if inner.contains('{') {
            current.push_str(&rest[..open + 1]);
            rest = &rest[open + 1..];
            continue;
        }
        current.push_str(&rest[..open]);
        pieces.push(std::mem::take(&mut current));
        rest = &rest[open + close_rel + 2..];
        found = true;
    }
    current.push_str(rest);
    pieces.push(current);
    found.then_some(pieces)
}

/// Anchored match of `p0 .+? p1 .+? … pn` (every parameter matches at least one character).
fn glob_match(pieces: &[String], s: &str) -> bool {
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return false;
    };
    if pieces.len() < 2 || !s.starts_with(first.as_str()) {
        return false;
    }
    let mut pos = first.len();
    for middle in &pieces[1..pieces.len() - 1] {
        let Some(c) = s[pos..].chars().next() else {
            return false;
        };
        let from = pos + c.len_utf8();
        match s[from..].find(middle.as_str()) {
            Some(i) => pos = from + i + middle.len(),
            None => return false,
        }
    }
    let Some(c) = s[pos..].chars().next() else {
        return false;
    };
    let min_end = pos + c.len_utf8();
    s.len() >= min_end + last.len() && s.ends_with(last.as_str())
}

fn eq_folded(folded: &str, observed: &str) -> bool {
    if observed.is_ascii() {
        folded.eq_ignore_ascii_case(observed)
    } else {
        folded == observed.to_lowercase()
    }
}

/// Where a template comes from (C0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateOrigin {
    Definition,
    /// A `routerequesttoendpoint` policy; `low_confidence` when its path had expressions.
    RoutePolicy {
        low_confidence: bool,
    },
}

#[derive(Debug)]
struct Template {
    text: String,
    method: String,
    operations: Vec<usize>,
    origin: TemplateOrigin,
    trailing_slash: bool,
    segments: Vec<TemplateSegment>,
    classes: Vec<SegmentClass>,
}

/// Which C9 step resolved an operationId key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationIdRule {
    Exact,
    CaseInsensitive,
    ApimNormalized,
    ApimNormalizedWithSuffix,
    Base64,
}

/// Which C4 pass matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchPass {
    Exact,
    TrailingSlashInsensitive,
    CaseFolded,
}

/// The outcome of matching one request (owned form, for callers outside the hot path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathMatch {
    Matched {
        operation: usize,
        template: String,
        pass: MatchPass,
        via_policy: bool,
    },
    /// Several operations fit equally well: report the group, never pick one (C5).
    Ambiguous {
        operations: Vec<usize>,
        template: String,
    },
    /// The path fits `fits`, but no operation there has the method.
    UndocumentedMethod { inferred: String, fits: String },
    /// OPTIONS / HEAD (or a configured method) that the definition does not document.
    Ignored,
    /// No template fits; `inferred` groups it (C8), empty for catch-all routes.
    Unmatched { inferred: String },
}

/// The outcome of [`Matcher::match_into`]; details are left in the scratch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchKind {
    Matched {
        operation: usize,
        template: usize,
    },
    /// `scratch.group` holds the operations; the template is the first of the tier.
    Ambiguous {
        template: usize,
    },
    /// `scratch.inferred` holds the inferred template.
    UndocumentedMethod {
        fits: usize,
    },
    Ignored,
    /// `scratch.inferred` holds the inferred template (empty for catch-alls).
    Unmatched,
}

/// Reused buffers for matching, one per reader.
#[derive(Debug, Default)]
pub(crate) struct MatchScratch {
    text: String,
    ranges: Vec<(usize, usize)>,
    placeholders: Vec<bool>,
    trailing_slash: bool,
    candidates: Vec<usize>,
    with_method: Vec<usize>,
    pub(crate) group: Vec<usize>,
    pub(crate) inferred: String,
    pub(crate) pass: Option<MatchPass>,
}

impl MatchScratch {
    fn segment(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.text[a..b]
    }
}

/// Facts about one operation that matching needs.
#[derive(Debug, Clone)]
pub struct OperationKey {
    pub operation_id: Option<String>,
    /// Upper case.
    pub method: String,
    pub path: String,
}

/// Options that change matching.
#[derive(Debug, Clone, Default)]
pub struct MatchOptions {
    /// More prefixes to try stripping (C2), e.g. an API Management API URL suffix.
    pub strip_prefixes: Vec<String>,
    /// Methods ignored when the definition does not document them (default OPTIONS, HEAD).
    pub ignore_methods: Vec<String>,
}

/// The reverse map from observed requests to operations, built once per definition.
#[derive(Debug)]
pub struct Matcher {
    operations: Vec<OperationKey>,
    templates: Vec<Template>,
    /// Template indexes by segment count.
    by_length: Vec<Vec<usize>>,
    /// The templates as a trie over segments, for the case-sensitive passes.
    trie: Vec<TrieNode>,
    base_path: Vec<String>,
    strip_prefixes: Vec<Vec<String>>,
    ignore_methods: Vec<String>,
    by_id: HashMap<String, usize>,
    by_folded_id: HashMap<String, usize>,
    by_apim_name: HashMap<String, usize>,
}

impl Matcher {
    /// Builds the templates (C0) from the definition and, when given, the
    /// `routerequesttoendpoint` policies of apiProperties.json (its parsed root).
    pub fn new(def: &Definition, properties: Option<&Node>, options: &MatchOptions) -> Matcher {
        let operations: Vec<OperationKey> = def
            .operations
            .iter()
            .map(|op| OperationKey {
                operation_id: op.operation_id.clone(),
                method: op.method.to_ascii_uppercase(),
                path: op.path.clone(),
            })
            .collect();
        let base = def.base_path.as_deref().unwrap_or("").trim_end_matches('/');
        let base_path = split_plain(base);
        let mut m = Matcher {
            templates: Vec::new(),
            by_length: Vec::new(),
            trie: vec![TrieNode::default()],
            strip_prefixes: options
                .strip_prefixes
                .iter()
                .map(|p| split_plain(p))
                .filter(|p| !p.is_empty())
                .collect(),
            ignore_methods: if options.ignore_methods.is_empty() {
                vec!["OPTIONS".into(), "HEAD".into()]
            } else {
                options
                    .ignore_methods
                    .iter()
                    .map(|m| m.to_ascii_uppercase())
                    .collect()
            },
            by_id: HashMap::new(),
            by_folded_id: HashMap::new(),
            by_apim_name: HashMap::new(),
            base_path,
            operations,
        };
        for (i, op) in m.operations.iter().enumerate() {
            if let Some(id) = &op.operation_id {
                m.by_id.entry(id.clone()).or_insert(i);
                m.by_folded_id.entry(id.to_lowercase()).or_insert(i);
                m.by_apim_name.entry(apim_normalize(id)).or_insert(i);
            }
        }
        for i in 0..m.operations.len() {
            let (text, method) = (m.operations[i].path.clone(), m.operations[i].method.clone());
            m.add_template(&text, method, vec![i], TemplateOrigin::Definition);
        }
        if let Some(props) = properties {
            m.add_route_policies(props, base);
        }
        m
    }

    fn add_template(
        &mut self,
        text: &str,
        method: String,
        operations: Vec<usize>,
        origin: TemplateOrigin,
    ) {
        let trailing_slash = text.ends_with('/') && text != "/";
        let (segments, classes): (Vec<_>, Vec<_>) = text
            .split('/')
            .filter(|s| !s.is_empty())
            .map(TemplateSegment::compile)
            .unzip();
        let n = segments.len();
        if self.by_length.len() <= n {
            self.by_length.resize_with(n + 1, Vec::new);
        }
        let index = self.templates.len();
        self.by_length[n].push(index);
        let mut node = 0;
        for segment in &segments {
            node = self.trie_child(node, segment);
        }
        self.trie[node].templates.push(index);
        self.templates.push(Template {
            text: text.to_string(),
            method,
            operations,
            origin,
            trailing_slash,
            segments,
            classes,
        });
    }

    /// The child of `node` for `segment`, created when missing. Parameters share one
    /// child whatever their names; mixed segments share one per literal pieces.
    fn trie_child(&mut self, node: usize, segment: &TemplateSegment) -> usize {
        let existing = match segment {
            TemplateSegment::Literal { text, .. } => self.trie[node].literal.get(text).copied(),
            TemplateSegment::Parameter => self.trie[node]
                .open
                .iter()
                .find(|(k, _)| *k == OpenSegment::Parameter)
                .map(|(_, c)| *c),
            TemplateSegment::Mixed { pieces, .. } => self.trie[node]
                .open
                .iter()
                .find(|(k, _)| matches!(k, OpenSegment::Mixed(p) if p == pieces))
                .map(|(_, c)| *c),
        };
        if let Some(child) = existing {
            return child;
        }
        let child = self.trie.len();
        self.trie.push(TrieNode::default());
        match segment {
            TemplateSegment::Literal { text, digits, .. } => {
                self.trie[node].literal.insert(text.clone(), child);
                if *digits >= 3 {
                    self.trie[node].collapsible.push(child);
                }
            }
            TemplateSegment::Parameter => {
                self.trie[node].open.push((OpenSegment::Parameter, child))
            }
            TemplateSegment::Mixed { pieces, .. } => self.trie[node]
                .open
                .push((OpenSegment::Mixed(pieces.clone()), child)),
        }
        child
    }

    fn add_route_policies(&mut self, props: &Node, base: &str) {
        let instances = props
            .get("properties")
            .unwrap_or(props)
            .get("policyTemplateInstances")
            .and_then(Node::as_array)
            .unwrap_or_default();
        for instance in instances {
            let is_route = instance
                .get_str("templateId")
                .is_some_and(|t| t.eq_ignore_ascii_case("routerequesttoendpoint"));
            let Some(params) = instance.get("parameters").filter(|_| is_route) else {
                continue;
            };
            let Some(new_path) = params.get_str("x-ms-apimTemplateParameter.newPath") else {
                continue;
            };
            let names: Vec<&str> = match params.get("x-ms-apimTemplate-operationName") {
                Some(n) if n.as_str().is_some() => n.as_str().into_iter().collect(),
                Some(n) => n
                    .as_array()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(Node::as_str)
                    .collect(),
                None => self
                    .operations
                    .iter()
                    .filter_map(|o| o.operation_id.as_deref())
                    .collect(),
            };
            let (path, low_confidence) = replace_expressions(new_path.trim_start_matches('/'));
            let path = format!("/{path}");
            let literal_method = params
                .get_str("x-ms-apimTemplateParameter.httpMethod")
                .map(str::to_ascii_uppercase)
                .filter(|m| {
                    crate::model::METHODS
                        .iter()
                        .any(|k| k.eq_ignore_ascii_case(m))
                });
            let mut by_method: Vec<(String, Vec<usize>)> = Vec::new();
            for name in names {
                let Some(&op) = self.by_id.get(name) else {
                    continue;
                };
                let method = literal_method
                    .clone()
                    .unwrap_or_else(|| self.operations[op].method.clone());
                match by_method.iter_mut().find(|(m, _)| *m == method) {
                    Some((_, ops)) => ops.push(op),
                    None => by_method.push((method, vec![op])),
                }
            }
            let mut forms = vec![path.clone()];
            if !base.is_empty() {
                if let Some(rest) = path.strip_prefix(base).filter(|r| r.starts_with('/')) {
                    forms.push(rest.to_string());
                }
            }
            for (method, mut ops) in by_method {
                ops.sort_unstable();
                ops.dedup();
                for form in &forms {
                    self.add_template(
                        form,
                        method.clone(),
                        ops.clone(),
                        TemplateOrigin::RoutePolicy { low_confidence },
                    );
                }
            }
        }
    }

    /// The operations, in definition order (indexes used by every outcome).
    pub fn operations(&self) -> &[OperationKey] {
        &self.operations
    }

    /// The text of a template, as written in the definition or the policy.
    pub(crate) fn template_text(&self, template: usize) -> &str {
        &self.templates[template].text
    }

    /// Whether a template came from a `routerequesttoendpoint` policy.
    pub(crate) fn template_via_policy(&self, template: usize) -> bool {
        matches!(
            self.templates[template].origin,
            TemplateOrigin::RoutePolicy { .. }
        )
    }

    /// C9: exact, case-insensitive, APIM-normalized (with and without a `-N` suffix),
    /// base64-decoded. `None` = unknown operationId.
    pub fn resolve_operation_id(&self, key: &str) -> Option<(usize, OperationIdRule)> {
        let v = key.trim();
        if v.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_id.get(v) {
            return Some((i, OperationIdRule::Exact));
        }
        if let Some(&i) = self.by_folded_id.get(&v.to_lowercase()) {
            return Some((i, OperationIdRule::CaseInsensitive));
        }
        if let Some(&i) = self.by_apim_name.get(v) {
            return Some((i, OperationIdRule::ApimNormalized));
        }
        if let Some(stem) = strip_dedup_suffix(v) {
            if let Some(&i) = self.by_apim_name.get(stem) {
                return Some((i, OperationIdRule::ApimNormalizedWithSuffix));
            }
        }
        let decoded = base64_decode(v)?;
        let text = String::from_utf8(decoded).ok()?;
        self.by_id
            .get(text.as_str())
            .map(|&i| (i, OperationIdRule::Base64))
    }

    /// Matches one request and returns an owned outcome. Convenience for tests and tools;
    /// readers use the allocation-free path.
    pub fn match_path(&self, method: &str, observed: &str, kind: PathKind) -> PathMatch {
        let mut scratch = MatchScratch::default();
        match self.match_into(method, observed, kind, &mut scratch) {
            MatchKind::Matched {
                operation,
                template,
            } => PathMatch::Matched {
                operation,
                template: self.templates[template].text.clone(),
                pass: scratch.pass.unwrap_or(MatchPass::Exact),
                via_policy: self.template_via_policy(template),
            },
            MatchKind::Ambiguous { template } => PathMatch::Ambiguous {
                operations: scratch.group.clone(),
                template: self.templates[template].text.clone(),
            },
            MatchKind::UndocumentedMethod { fits } => PathMatch::UndocumentedMethod {
                inferred: scratch.inferred.clone(),
                fits: self.templates[fits].text.clone(),
            },
            MatchKind::Ignored => PathMatch::Ignored,
            MatchKind::Unmatched => PathMatch::Unmatched {
                inferred: scratch.inferred.clone(),
            },
        }
    }

    /// C1–C8 for one request. `method` may be any case; empty = unknown.
    pub(crate) fn match_into(
        &self,
        method: &str,
        observed: &str,
        kind: PathKind,
        s: &mut MatchScratch,
    ) -> MatchKind {
        s.pass = None;
        s.inferred.clear();
        s.group.clear();
        let ok = match kind {
            PathKind::RawPath => split_raw(observed, s),
            PathKind::RouteTemplate => split_route(observed, s),
        };
        if !ok {
            return MatchKind::Unmatched;
        }
        let method = method.trim();
        let n = s.ranges.len();
        let mut starts: [usize; 8] = [0; 8];
        let mut count = 0;
        let push = |start: usize, starts: &mut [usize; 8], count: &mut usize| {
            if *count < starts.len() && !starts[..*count].contains(&start) {
                starts[*count] = start;
                *count += 1;
            }
        };
        if self.has_prefix(s, 0, &self.base_path) && !self.base_path.is_empty() {
            push(self.base_path.len(), &mut starts, &mut count);
        }
        for prefix in &self.strip_prefixes {
            if self.has_prefix(s, 0, prefix) {
                let after = prefix.len();
                if !self.base_path.is_empty() && self.has_prefix(s, after, &self.base_path) {
                    push(after + self.base_path.len(), &mut starts, &mut count);
                }
                push(after, &mut starts, &mut count);
            }
        }
        push(0, &mut starts, &mut count);
        for &start in &starts[..count] {
            for pass in [
                MatchPass::Exact,
                MatchPass::TrailingSlashInsensitive,
                MatchPass::CaseFolded,
            ] {
                self.candidates(s, start, n - start, pass);
                if s.candidates.is_empty() {
                    continue;
                }
                s.pass = Some(pass);
                s.with_method.clear();
                for &t in &s.candidates {
                    if method.is_empty() || self.templates[t].method.eq_ignore_ascii_case(method) {
                        s.with_method.push(t);
                    }
                }
                if s.with_method.is_empty() {
                    if self.ignores(method) {
                        return MatchKind::Ignored;
                    }
                    let fits = s.candidates[0];
                    infer_template(s);
                    return MatchKind::UndocumentedMethod { fits };
                }
                let Some(best) = s
                    .with_method
                    .iter()
                    .map(|&t| &self.templates[t].classes)
                    .min()
                else {
                    continue;
                };
                let mut first_in_tier = None;
                for &t in &s.with_method {
                    let tpl = &self.templates[t];
                    if &tpl.classes == best {
                        first_in_tier.get_or_insert(t);
                        s.group.extend_from_slice(&tpl.operations);
                    }
                }
                s.group.sort_unstable();
                s.group.dedup();
                let template = first_in_tier.unwrap_or(s.with_method[0]);
                return if s.group.len() == 1 {
                    MatchKind::Matched {
                        operation: s.group[0],
                        template,
                    }
                } else {
                    MatchKind::Ambiguous { template }
                };
            }
        }
        if self.ignores(method) {
            return MatchKind::Ignored;
        }
        infer_template(s);
        MatchKind::Unmatched
    }

    fn ignores(&self, method: &str) -> bool {
        self.ignore_methods
            .iter()
            .any(|m| m.eq_ignore_ascii_case(method))
    }

    fn has_prefix(&self, s: &MatchScratch, from: usize, prefix: &[String]) -> bool {
        s.ranges.len() >= from + prefix.len()
            && prefix
                .iter()
                .enumerate()
                .all(|(i, p)| s.segment(from + i) == p)
    }

    fn candidates(&self, s: &mut MatchScratch, start: usize, len: usize, pass: MatchPass) {
        s.candidates.clear();
        let Some(all) = self.by_length.get(len) else {
            return;
        };
        if pass == MatchPass::CaseFolded {
            for &t in all {
                let tpl = &self.templates[t];
                let fits = tpl.segments.iter().enumerate().all(|(i, seg)| {
                    let (a, b) = s.ranges[start + i];
                    seg.matches(&s.text[a..b], s.placeholders[start + i], true)
                });
                if fits {
                    s.candidates.push(t);
                }
            }
            return;
        }
        let mut found = std::mem::take(&mut s.candidates);
        self.walk(0, start, start + len, s, &mut found);
        if pass == MatchPass::Exact {
            found.retain(|&t| self.templates[t].trailing_slash == s.trailing_slash);
        }
        // the order a scan of the templates would give
        found.sort_unstable();
        s.candidates = found;
    }

    /// Collects the templates under `node` that match segments `at..end`.
    fn walk(&self, node: usize, at: usize, end: usize, s: &MatchScratch, out: &mut Vec<usize>) {
        let n = &self.trie[node];
        if at == end {
            out.extend_from_slice(&n.templates);
            return;
        }
        let (a, b) = s.ranges[at];
        let segment = &s.text[a..b];
        let placeholder = s.placeholders[at];
        if placeholder {
            for &child in &n.collapsible {
                self.walk(child, at + 1, end, s, out);
            }
        } else if let Some(&child) = n.literal.get(segment) {
            self.walk(child, at + 1, end, s, out);
        }
        for (open, child) in &n.open {
            let fits = match open {
                OpenSegment::Parameter => placeholder || !segment.is_empty(),
                OpenSegment::Mixed(pieces) => placeholder || glob_match(pieces, segment),
            };
            if fits {
                self.walk(*child, at + 1, end, s, out);
            }
        }
    }
}

/// A node of the template trie.
#[derive(Debug, Default)]
struct TrieNode {
    literal: super::aggregate::FxMap<String, usize>,
    /// Literal children with 3 or more digits (a KQL `{id}` placeholder matches them, C7).
    collapsible: Vec<usize>,
    open: Vec<(OpenSegment, usize)>,
    /// Templates that end here.
    templates: Vec<usize>,
}

#[derive(Debug, PartialEq, Eq)]
enum OpenSegment {
    Parameter,
    Mixed(Vec<String>),
}

/// Splits a plain path (no decoding) into its non-empty segments.
fn split_plain(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// C1: URL or path → segments. Query and fragment dropped, scheme and host dropped,
/// empty segments dropped, each segment percent-decoded after splitting.
fn split_raw(raw: &str, s: &mut MatchScratch) -> bool {
    s.text.clear();
    s.ranges.clear();
    s.placeholders.clear();
    let mut p = raw.trim();
    if let Some(i) = p.find(['?', '#']) {
        p = &p[..i];
    }
    if let Some(i) = p.find("://") {
        let after = &p[i + 3..];
        p = after.find('/').map_or("", |j| &after[j..]);
    }
    s.trailing_slash = p.ends_with('/') && !p.trim_matches('/').is_empty();
    for segment in p.split('/').filter(|x| !x.is_empty()) {
        let start = s.text.len();
        if segment.contains('%') {
            percent_decode_into(segment, &mut s.text);
        } else {
            s.text.push_str(segment);
        }
        let end = s.text.len();
        s.ranges.push((start, end));
        s.placeholders.push(is_placeholder(&s.text[start..end]));
    }
    true
}

/// C6: route template → segments with `{name}` parameters. `false` for catch-alls.
fn split_route(route: &str, s: &mut MatchScratch) -> bool {
    s.text.clear();
    s.ranges.clear();
    s.placeholders.clear();
    s.trailing_slash = false;
    for segment in route.trim().split('/').filter(|x| !x.is_empty()) {
        if is_catch_all(segment) {
            s.ranges.clear();
            return false;
        }
        let start = s.text.len();
        let express = segment
            .strip_prefix(':')
            .map(|r| r.strip_suffix('?').unwrap_or(r))
            .filter(|name| is_identifier(name));
        if let Some(name) = express {
            s.text.push('{');
            s.text.push_str(name);
            s.text.push('}');
        } else {
            strip_constraints_into(segment, &mut s.text);
        }
        let end = s.text.len();
        s.ranges.push((start, end));
        s.placeholders.push(is_placeholder(&s.text[start..end]));
    }
    true
}

/// `{id:int}`, `{id?}`, `{id=5}`, `{id:regex(^CUS-)}` → `{id}`.
fn strip_constraints_into(segment: &str, out: &mut String) {
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // the parameter ends at the `}` that balances the `{` (constraints may hold braces)
        let mut depth = 1usize;
        let mut close = None;
        for (i, c) in after.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            out.push_str(&rest[open..]);
            return;
        };
        let inner = &after[..close];
        let name_end = inner.find([':', '?', '=']).unwrap_or(inner.len());
        out.push('{');
        out.push_str(&inner[..name_end]);
        out.push('}');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `{id}` or `:id` (a placeholder in a shape or route).
fn is_placeholder(segment: &str) -> bool {
    if let Some(inner) = segment.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        return !inner.contains(['{', '}', '/']);
    }
    segment
        .strip_prefix(':')
        .map(|r| r.strip_suffix('?').unwrap_or(r))
        .is_some_and(is_identifier)
}

fn is_catch_all(segment: &str) -> bool {
    segment == "*"
        || segment
            .strip_prefix('{')
            .and_then(|r| r.strip_suffix('}'))
            .is_some_and(|inner| inner.starts_with('*') && !inner.contains(['{', '}']))
}

fn percent_decode_into(segment: &str, out: &mut String) {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                decoded.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        decoded.push(bytes[i]);
        i += 1;
    }
    out.push_str(&String::from_utf8_lossy(&decoded));
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// `@Request.Path(...)`-style and `@{…}` expressions in a policy path become a parameter.
fn replace_expressions(path: &str) -> (String, bool) {
    let mut out = String::with_capacity(path.len());
    let mut replaced = false;
    let mut rest = path;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = if let Some(inner) = after.strip_prefix('{') {
            inner.find('}').map(|i| i + 2)
        } else {
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .unwrap_or(after.len());
            if after[name_len..].starts_with('(') {
                after[name_len..].find(')').map(|i| name_len + i + 1)
            } else if name_len > 0 {
                Some(name_len)
            } else {
                None
            }
        };
        match end {
            Some(end) => {
                out.push_str("{expr}");
                replaced = true;
                rest = &after[end..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, replaced)
}

/// C8: a grouping template for an unmatched path, written to `s.inferred`.
fn infer_template(s: &mut MatchScratch) {
    s.inferred.clear();
    if s.ranges.is_empty() {
        s.inferred.push('/');
        return;
    }
    let mut n = 0;
    for i in 0..s.ranges.len() {
        let (a, b) = s.ranges[i];
        let segment = &s.text[a..b];
        s.inferred.push('/');
        if looks_like_value(segment, s.placeholders[i]) {
            n += 1;
            s.inferred.push_str("{param");
            s.inferred.push_str(&n.to_string());
            s.inferred.push('}');
        } else {
            s.inferred.push_str(segment);
        }
    }
}

fn looks_like_value(segment: &str, placeholder: bool) -> bool {
    if is_reserved(segment) {
        return false;
    }
    let digits = segment.bytes().filter(u8::is_ascii_digit).count();
    (digits == segment.len() && !segment.is_empty())
        || is_uuid(segment)
        || placeholder
        || digits >= 3
}

/// Never variables: `api`, `v2`, `1.0`, `2025-06-01` (Optic's reserved words).
fn is_reserved(segment: &str) -> bool {
    let b = segment.as_bytes();
    let all_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if segment == "api" {
        return true;
    }
    if let Some(rest) = b.strip_prefix(b"v") {
        if all_digits(rest) {
            return true;
        }
    }
    if let Some(dot) = segment.find('.') {
        if all_digits(&b[..dot]) && all_digits(&b[dot + 1..]) {
            return true;
        }
    }
    b.len() == 10
        && b.starts_with(b"20")
        && all_digits(&b[2..4])
        && b[4] == b'-'
        && all_digits(&b[5..7])
        && b[7] == b'-'
        && all_digits(&b[8..10])
}

fn is_uuid(segment: &str) -> bool {
    let b = segment.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// APIM's operation name for an operationId: lower case, runs of non-alphanumerics to
/// one `-`, dashes trimmed, at most 76 characters.
pub fn apim_normalize(operation_id: &str) -> String {
    let mut out = String::with_capacity(operation_id.len());
    let mut dash = false;
    for c in operation_id.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out.chars().take(76).collect()
}

/// `name-12` → `name` (APIM's de-duplication suffix, 1–3 digits).
fn strip_dedup_suffix(v: &str) -> Option<&str> {
    let dash = v.rfind('-')?;
    let digits = &v[dash + 1..];
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(&v[..dash])
}

/// Strict standard base64 with padding (as custom code receives `Context.OperationId`).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    if b.is_empty() || !b.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (ci, chunk) in b.chunks(4).enumerate() {
        let last = ci == b.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n: u32 = 0;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// The Power Apps `/invoke` wrapper: `/apim/{apiName}/{connectionId}/rest` → `/rest`.
/// Accepts a full URL or a path; query and fragment are dropped. `None` when the path does
/// not start with `/apim/`.
pub fn unwrap_invoke_path(url_or_path: &str) -> Option<String> {
    let mut p = url_or_path.trim();
    if let Some(i) = p.find(['?', '#']) {
        p = &p[..i];
    }
    if let Some(i) = p.find("://") {
        let after = &p[i + 3..];
        p = after.find('/').map_or("", |j| &after[j..]);
    }
    let segments: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    if segments.len() >= 3 && segments[0].eq_ignore_ascii_case("apim") {
        Some(format!("/{}", segments[3..].join("/")))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_segments() {
        let p = split_parameters("exports({exportId})").unwrap_or_default();
        assert_eq!(p, vec!["exports(".to_string(), ")".to_string()]);
        assert!(glob_match(&p, "exports('EXP-2025-06')"));
        assert!(!glob_match(&p, "exports()"));
        assert!(!glob_match(&p, "exports"));
        let q = split_parameters("Data.{format}").unwrap_or_default();
        assert!(glob_match(&q, "Data.json"));
        assert!(!glob_match(&q, "Data."));
        let r = split_parameters("{a}-{b}").unwrap_or_default();
        assert!(glob_match(&r, "x-y"));
        assert!(glob_match(&r, "x-y-z"));
        assert!(!glob_match(&r, "-y"));
        assert_eq!(split_parameters("plain"), None);
    }

    #[test]
    fn route_constraints() {
        let mut out = String::new();
        strip_constraints_into("{id:regex(^CUS-)}", &mut out);
        assert_eq!(out, "{id}");
        out.clear();
        strip_constraints_into("{id?}", &mut out);
        assert_eq!(out, "{id}");
        out.clear();
        strip_constraints_into("{id:regex(^\\d{{3}}$)}", &mut out);
        assert_eq!(out, "{id}");
        assert!(is_catch_all("{*rest}"));
        assert!(is_catch_all("{**path}"));
        assert!(!is_catch_all("{rest}"));
    }

    #[test]
    fn apim_names_and_base64() {
        assert_eq!(apim_normalize("ListInvoices"), "listinvoices");
        assert_eq!(apim_normalize("Get_Item"), "get-item");
        assert_eq!(apim_normalize("__Get  Item__"), "get-item");
        assert_eq!(strip_dedup_suffix("get-item-12"), Some("get-item"));
        assert_eq!(strip_dedup_suffix("get-item-1234"), None);
        assert_eq!(
            base64_decode("R2V0SW52b2ljZVBkZg==").as_deref(),
            Some(&b"GetInvoicePdf"[..])
        );
        assert_eq!(
            base64_decode("U2VuZEludm9pY2U=").as_deref(),
            Some(&b"SendInvoice"[..])
        );
        assert_eq!(base64_decode("abc"), None);
        assert_eq!(base64_decode("ab=c"), None);
    }

    #[test]
    fn inference() {
        let mut s = MatchScratch::default();
        split_raw(
            "/v2/invoices/INV-2025-00017/attachments/3f0c8a2d-7b1e-4c6f-9a5d-2e8b7c4f1a0d",
            &mut s,
        );
        infer_template(&mut s);
        assert_eq!(s.inferred, "/v2/invoices/{param1}/attachments/{param2}");
        split_raw("/api/1.0/2025-06-01/42", &mut s);
        infer_template(&mut s);
        assert_eq!(s.inferred, "/api/1.0/2025-06-01/{param1}");
    }

    #[test]
    fn invoke_unwrapping() {
        assert_eq!(
            unwrap_invoke_path("/apim/tailspin/3f0c/invoices/INV-1?x=1").as_deref(),
            Some("/invoices/INV-1")
        );
        assert_eq!(unwrap_invoke_path("/invoices"), None);
    }
}
