//! Aggregation while reading. Each observation is resolved to a [`Target`] (an operation,
//! an ambiguous group, an unmatched endpoint, …) and added to a counter keyed by target,
//! status and hour. Memory grows with distinct targets × statuses × hours of the window,
//! never with the number of rows: hours that fall out of the window are dropped as the
//! newest timestamp advances.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::columns::{Observation, RowTime};
use super::matcher::{MatchKind, MatchScratch, Matcher};
use super::time::{Timestamp, MILLIS_PER_HOUR};

/// FxHash (rustc's hasher): the counter keys are small integers.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_i32(&mut self, i: i32) {
        self.add(i as u32 as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Where a row is: a line (CSV, W3C) or an index (JSON rows, HAR entries, OTLP points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RowRef {
    pub file: u32,
    pub position: u64,
    pub by_line: bool,
}

/// What a request was counted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    Operation(usize),
    /// Operations that cannot be told apart (same template and method, or a route policy).
    Group {
        operations: Vec<usize>,
        method: String,
        template: String,
        via_policy: bool,
    },
    Unmatched {
        method: String,
        inferred: String,
        sample: String,
    },
    UndocumentedMethod {
        method: String,
        inferred: String,
        fits: String,
        sample: String,
    },
    /// OPTIONS/HEAD not documented, or a path on the ignore list.
    Ignored {
        method: String,
        path: Option<String>,
    },
    UnknownOperationId {
        id: String,
    },
    /// An unknown operationId whose row was counted by its path as `counted_as`. Counted
    /// here for the report only; never in connector figures.
    UnknownOperationIdCountedAs {
        id: String,
        counted_as: u32,
    },
    /// `operation_id` `*`: connector-level totals.
    ConnectorTotals,
    /// Past the limit of distinct unmatched keys.
    Overflow,
}

/// Counters of rows with no timestamp (they count as in the window).
pub(crate) const NO_TIME: i32 = i32::MIN;
/// Rows waiting for their file's `window` (canonical JSON).
const PENDING: i32 = i32::MIN + 1;
/// The one bucket of an `as_of` window.
const AS_OF: i32 = i32::MIN + 2;

fn is_real_bucket(bucket: i32) -> bool {
    bucket > AS_OF
}

#[derive(Debug)]
enum WindowState {
    AsOf {
        start: i64,
        end: i64,
    },
    Newest {
        length: i64,
        newest: Option<i64>,
        /// Hours below this are out of the window for good.
        floor_hour: Option<i64>,
        pruned_at: i64,
    },
}

/// The window after reading: what was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ResolvedWindow {
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub as_of: bool,
    /// The first hour counted (newest-timestamp mode).
    pub first_hour: Option<i64>,
}

/// The running aggregation of every file of one analysis.
#[derive(Debug)]
pub(crate) struct Aggregator {
    pub(crate) matcher: Matcher,
    ignore_paths: Vec<String>,
    max_targets: usize,
    pub(crate) targets: Vec<Target>,
    target_index: HashMap<String, u32>,
    overflow: Option<u32>,
    pub(crate) counts: FxMap<(u32, u16, i32), u64>,
    pub(crate) first_seen: FxMap<(u32, u16), RowRef>,
    /// Earliest aggregate-window start per bucket.
    bucket_starts: FxMap<i32, i64>,
    as_of_aggregate_start: Option<i64>,
    window: WindowState,
    id_cache: HashMap<String, Option<usize>>,
    scratch: MatchScratch,
    key: String,
    pub(crate) excluded_requests: u64,
    pub(crate) untimed_requests: u64,
    first_row_window: Option<(Option<i64>, i64)>,
    pub(crate) mixed_row_windows: bool,
    pub(crate) overflowed_requests: u64,
}

const ID_CACHE_LIMIT: usize = 16_384;

impl Aggregator {
    pub(crate) fn new(
        matcher: Matcher,
        window_length_ms: i64,
        as_of: Option<Timestamp>,
        ignore_paths: Vec<String>,
        max_targets: usize,
    ) -> Aggregator {
        let targets = (0..matcher.operations().len())
            .map(Target::Operation)
            .collect();
        let window = match as_of {
            Some(end) => WindowState::AsOf {
                start: end.0 - window_length_ms,
                end: end.0,
            },
            None => WindowState::Newest {
                length: window_length_ms,
                newest: None,
                floor_hour: None,
                pruned_at: i64::MIN,
            },
        };
        Aggregator {
            matcher,
            ignore_paths,
            max_targets,
            targets,
            target_index: HashMap::new(),
            overflow: None,
            counts: FxMap::default(),
            first_seen: FxMap::default(),
            bucket_starts: FxMap::default(),
            as_of_aggregate_start: None,
            window,
            id_cache: HashMap::new(),
            scratch: MatchScratch::default(),
            key: String::new(),
            excluded_requests: 0,
            untimed_requests: 0,
            first_row_window: None,
            mixed_row_windows: false,
            overflowed_requests: 0,
        }
    }

    /// Counts one observation.
    pub(crate) fn add(&mut self, obs: &Observation, row: RowRef) {
        if obs.count == 0 {
            return;
        }
        let bucket = match obs.time {
            RowTime::Unknown => Some(NO_TIME),
            RowTime::FileWindow => Some(PENDING),
            RowTime::At(t) => self.place(t.0, None, t.0),
            RowTime::Window { start, end } => {
                self.note_row_window(start.map(|s| s.0), end.0);
                self.place(end.0 - 1, start.map(|s| s.0), end.0)
            }
        };
        let Some(bucket) = bucket else {
            self.excluded_requests = self.excluded_requests.saturating_add(obs.count);
            return;
        };
        if bucket == NO_TIME {
            self.untimed_requests = self.untimed_requests.saturating_add(obs.count);
        }
        let (target, shadow) = self.target_for(obs);
        if let Some(shadow) = shadow {
            self.bump(shadow, obs.status, bucket, obs.count, row);
        }
        if Some(target) == self.overflow {
            self.overflowed_requests = self.overflowed_requests.saturating_add(obs.count);
        }
        self.bump(target, obs.status, bucket, obs.count, row);
    }

    /// Gives rows that waited for their file's `window` their place.
    pub(crate) fn resolve_pending(&mut self, file_window: Option<(Option<Timestamp>, Timestamp)>) {
        let mut moved = Vec::new();
        self.counts.retain(|&(target, status, bucket), n| {
            if bucket == PENDING {
                moved.push((target, status, *n));
                false
            } else {
                true
            }
        });
        if moved.is_empty() {
            return;
        }
        let bucket = match file_window {
            None => Some(NO_TIME),
            Some((start, end)) => {
                self.note_row_window(start.map(|s| s.0), end.0);
                self.place(end.0 - 1, start.map(|s| s.0), end.0)
            }
        };
        for (target, status, n) in moved {
            match bucket {
                Some(b) => {
                    if b == NO_TIME {
                        self.untimed_requests = self.untimed_requests.saturating_add(n);
                    }
                    let c = self.counts.entry((target, status, b)).or_insert(0);
                    *c = c.saturating_add(n);
                }
                None => self.excluded_requests = self.excluded_requests.saturating_add(n),
            }
        }
    }

    fn note_row_window(&mut self, start: Option<i64>, end: i64) {
        match self.first_row_window {
            None => self.first_row_window = Some((start, end)),
            Some(w) if w != (start, end) => self.mixed_row_windows = true,
            Some(_) => {}
        }
    }

    /// The bucket for an instant `t` (and the start of an aggregate's window), or `None`
    /// when it is outside the window. `newest` is what `t` says about the data's end.
    fn place(&mut self, t: i64, aggregate_start: Option<i64>, newest: i64) -> Option<i32> {
        let (floor, prune_to) = match &mut self.window {
            WindowState::AsOf { start, end } => {
                if t < *start || t >= *end {
                    return None;
                }
                if let Some(s) = aggregate_start {
                    let m = self.as_of_aggregate_start.get_or_insert(s);
                    *m = (*m).min(s);
                }
                return Some(AS_OF);
            }
            WindowState::Newest {
                length,
                newest: current,
                floor_hour,
                pruned_at,
            } => {
                let mut prune_to = None;
                if current.is_none_or(|c| newest > c) {
                    *current = Some(newest);
                    let floor = ceil_hour(newest - *length);
                    if floor_hour.is_none_or(|f| floor > f) {
                        *floor_hour = Some(floor);
                        if *pruned_at == i64::MIN || floor - *pruned_at >= 24 {
                            *pruned_at = floor;
                            prune_to = Some(floor);
                        }
                    }
                }
                (*floor_hour, prune_to)
            }
        };
        if let Some(p) = prune_to {
            self.prune(p);
        }
        let hour = t.div_euclid(MILLIS_PER_HOUR);
        if floor.is_some_and(|f| hour < f) {
            return None;
        }
        let bucket = hour.clamp(i64::from(AS_OF) + 1, i64::from(i32::MAX)) as i32;
        if let Some(s) = aggregate_start {
            self.bucket_starts
                .entry(bucket)
                .and_modify(|m| *m = (*m).min(s))
                .or_insert(s);
        }
        Some(bucket)
    }

    fn prune(&mut self, floor: i64) {
        let mut dropped = 0;
        self.counts.retain(|&(_, _, bucket), n| {
            if is_real_bucket(bucket) && i64::from(bucket) < floor {
                dropped = u64::saturating_add(dropped, *n);
                false
            } else {
                true
            }
        });
        self.bucket_starts
            .retain(|&bucket, _| !(is_real_bucket(bucket) && i64::from(bucket) < floor));
        self.excluded_requests = self.excluded_requests.saturating_add(dropped);
    }

    fn bump(&mut self, target: u32, status: u16, bucket: i32, count: u64, row: RowRef) {
        match self.counts.entry((target, status, bucket)) {
            Entry::Occupied(mut e) => {
                let n = e.get_mut();
                *n = n.saturating_add(count);
            }
            Entry::Vacant(e) => {
                e.insert(count);
                self.first_seen.entry((target, status)).or_insert(row);
            }
        }
    }

    fn target_for(&mut self, obs: &Observation) -> (u32, Option<u32>) {
        let id = obs.operation_id.trim();
        if id.is_empty() {
            return (self.path_target(obs), None);
        }
        if id == "*" {
            self.key.clear();
            self.key.push('*');
            return (self.intern(|| Target::ConnectorTotals), None);
        }
        let resolved = match self.id_cache.get(id) {
            Some(r) => *r,
            None => {
                let r = self.matcher.resolve_operation_id(id).map(|(i, _)| i);
                if self.id_cache.len() < ID_CACHE_LIMIT {
                    self.id_cache.insert(id.to_string(), r);
                }
                r
            }
        };
        if let Some(op) = resolved {
            return (op as u32, None);
        }
        if obs.path.trim().is_empty() {
            self.key.clear();
            self.key.push('K');
            self.key.push_str(id);
            return (
                self.intern(|| Target::UnknownOperationId { id: id.to_string() }),
                None,
            );
        }
        let counted_as = self.path_target(obs);
        self.key.clear();
        self.key.push('S');
        self.key.push_str(&counted_as.to_string());
        self.key.push('\u{1f}');
        self.key.push_str(id);
        let shadow = self.intern(|| Target::UnknownOperationIdCountedAs {
            id: id.to_string(),
            counted_as,
        });
        (counted_as, Some(shadow))
    }

    fn path_target(&mut self, obs: &Observation) -> u32 {
        let outcome =
            self.matcher
                .match_into(obs.method, obs.path, obs.path_kind, &mut self.scratch);
        let method = obs.method.trim();
        self.key.clear();
        match outcome {
            MatchKind::Matched { operation, .. } => operation as u32,
            MatchKind::Ambiguous { template } => {
                self.key.push('G');
                push_upper(&mut self.key, method);
                for op in &self.scratch.group {
                    self.key.push(':');
                    self.key.push_str(&op.to_string());
                }
                let operations = self.scratch.group.clone();
                let template_text = self.matcher.template_text(template).to_string();
                let via_policy = self.matcher.template_via_policy(template);
                self.intern(|| Target::Group {
                    operations,
                    method: method.to_ascii_uppercase(),
                    template: template_text,
                    via_policy,
                })
            }
            MatchKind::Ignored => {
                self.key.push('I');
                push_upper(&mut self.key, method);
                self.intern(|| Target::Ignored {
                    method: method.to_ascii_uppercase(),
                    path: None,
                })
            }
            MatchKind::UndocumentedMethod { fits } => {
                if let Some(t) = self.ignored_path(method) {
                    return t;
                }
                self.key.push('M');
                push_upper(&mut self.key, method);
                self.key.push(' ');
                self.key.push_str(&self.scratch.inferred);
                let inferred = self.scratch.inferred.clone();
                let fits = self.matcher.template_text(fits).to_string();
                let sample = sample_path(obs.path);
                self.intern(|| Target::UndocumentedMethod {
                    method: method.to_ascii_uppercase(),
                    inferred,
                    fits,
                    sample,
                })
            }
            MatchKind::Unmatched => {
                if self.scratch.inferred.is_empty() {
                    // a catch-all route template: keep it as written
                    self.scratch.inferred.push_str(obs.path.trim());
                }
                if let Some(t) = self.ignored_path(method) {
                    return t;
                }
                self.key.push('U');
                push_upper(&mut self.key, method);
                self.key.push(' ');
                self.key.push_str(&self.scratch.inferred);
                let inferred = self.scratch.inferred.clone();
                let sample = sample_path(obs.path);
                self.intern(|| Target::Unmatched {
                    method: method.to_ascii_uppercase(),
                    inferred,
                    sample,
                })
            }
        }
    }

    /// A target for an unmatched path on the ignore list.
    fn ignored_path(&mut self, method: &str) -> Option<u32> {
        let pattern = self
            .ignore_paths
            .iter()
            .find(|p| glob(p.as_bytes(), self.scratch.inferred.as_bytes()))?
            .clone();
        self.key.clear();
        self.key.push('P');
        push_upper(&mut self.key, method);
        self.key.push(' ');
        self.key.push_str(&pattern);
        Some(self.intern(|| Target::Ignored {
            method: method.to_ascii_uppercase(),
            path: Some(pattern),
        }))
    }

    /// The id of the target named by `self.key`, creating it with `make`.
    fn intern(&mut self, make: impl FnOnce() -> Target) -> u32 {
        if let Some(&id) = self.target_index.get(self.key.as_str()) {
            return id;
        }
        let extra = self.targets.len() - self.matcher.operations().len();
        if extra >= self.max_targets {
            if let Some(o) = self.overflow {
                return o;
            }
            let id = self.targets.len() as u32;
            self.targets.push(Target::Overflow);
            self.overflow = Some(id);
            return id;
        }
        let id = self.targets.len() as u32;
        self.targets.push(make());
        self.target_index.insert(self.key.clone(), id);
        id
    }

    /// Which buckets are in the window, now that every row is read.
    pub(crate) fn resolved_window(&self) -> ResolvedWindow {
        match self.window {
            WindowState::AsOf { start, end } => ResolvedWindow {
                start: Some(self.as_of_aggregate_start.map_or(start, |a| a.min(start))),
                end: Some(end),
                as_of: true,
                first_hour: None,
            },
            WindowState::Newest { length, newest, .. } => match newest {
                None => ResolvedWindow {
                    start: None,
                    end: None,
                    as_of: false,
                    first_hour: None,
                },
                Some(end) => {
                    let first_hour = ceil_hour(end - length);
                    let window_start = first_hour * MILLIS_PER_HOUR;
                    let aggregate_start = self
                        .bucket_starts
                        .iter()
                        .filter(|(b, _)| i64::from(**b) >= first_hour)
                        .map(|(_, s)| *s)
                        .min();
                    ResolvedWindow {
                        start: Some(aggregate_start.map_or(window_start, |a| a.min(window_start))),
                        end: Some(end),
                        as_of: false,
                        first_hour: Some(first_hour),
                    }
                }
            },
        }
    }

    /// Whether a bucket is counted, given the resolved window.
    pub(crate) fn in_window(bucket: i32, window: &ResolvedWindow) -> bool {
        if !is_real_bucket(bucket) {
            return bucket != PENDING;
        }
        window
            .first_hour
            .is_none_or(|first| i64::from(bucket) >= first)
    }
}

fn ceil_hour(ms: i64) -> i64 {
    (ms + MILLIS_PER_HOUR - 1).div_euclid(MILLIS_PER_HOUR)
}

fn push_upper(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| c.to_ascii_uppercase()));
}

/// The path of a URL, without query or fragment (which can hold secrets).
fn sample_path(observed: &str) -> String {
    let mut p = observed.trim();
    if let Some(i) = p.find(['?', '#']) {
        p = &p[..i];
    }
    if let Some(i) = p.find("://") {
        let after = &p[i + 3..];
        p = after.find('/').map_or("/", |j| &after[j..]);
    }
    p.to_string()
}

/// `*` (any run of characters, `/` included) and `?` (one character).
pub(crate) fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == b'?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == b'*' {
        p += 1;
    }
    p == pattern.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob(b"/v2/health", b"/v2/health"));
        assert!(glob(b"*/health", b"/v2/health"));
        assert!(glob(b"/v2/internal/*", b"/v2/internal/{param1}/x"));
        assert!(!glob(b"/v2/health", b"/v2/healthz"));
        assert!(glob(b"/v?/health*", b"/v2/healthz"));
    }

    #[test]
    fn hours() {
        assert_eq!(ceil_hour(0), 0);
        assert_eq!(ceil_hour(1), 1);
        assert_eq!(ceil_hour(MILLIS_PER_HOUR), 1);
        assert_eq!(ceil_hour(-1), 0);
        assert_eq!(sample_path("https://h.example/v2/x?key=secret"), "/v2/x");
    }
}
