//! `connlint.toml`: profile, rule severities, per-path overrides, thresholds and
//! suppressions. Found upward from the checked path, or given with `--config`. Unknown keys
//! and unknown rule ids are errors with a did-you-mean. The JSON schema in
//! `connlint.schema.json` is generated from these types (`connlint config-schema`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::{self, Profile};

/// The file name looked for.
pub const FILE_NAME: &str = "connlint.toml";

/// connlint configuration (`connlint.toml`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The certification profile: `certified`, `independent-publisher` or `custom`.
    /// Detected from the folder (`certified-connectors/`, `independent-publisher-connectors/`)
    /// when absent.
    pub profile: Option<ProfileSetting>,
    /// Severity per rule id: `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Thresholds of the statistics findings.
    #[serde(default)]
    pub thresholds: ThresholdSettings,
    /// Settings for connectors whose folder matches a glob (relative to this file).
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Findings to hide, each with the reason.
    #[serde(default)]
    pub ignore: Vec<Ignore>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileSetting {
    Certified,
    IndependentPublisher,
    Custom,
}

impl From<ProfileSetting> for Profile {
    fn from(p: ProfileSetting) -> Profile {
        match p {
            ProfileSetting::Certified => Profile::Certified,
            ProfileSetting::IndependentPublisher => Profile::IndependentPublisher,
            ProfileSetting::Custom => Profile::Custom,
        }
    }
}

/// A rule's severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// Thresholds of `undocumented-error-status` and `high-error-rate` (with `--stats`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThresholdSettings {
    /// Report an undocumented status seen at least this often (default 10)…
    pub min_count: Option<u64>,
    /// …and in at least this share of the operation's calls (default 0.005 = 0.5%)…
    pub min_share: Option<f64>,
    /// …or seen at least this often, whatever its share (default 100).
    pub always_count: Option<u64>,
    /// `high-error-rate`: the operation's error share is at least this many times the connector's (default 2)…
    pub error_rate_factor: Option<f64>,
    /// …and at least this many percentage points above it (default 2)…
    pub error_rate_margin_points: Option<f64>,
    /// …over at least this many counted calls (default 100).
    pub error_rate_min_calls: Option<u64>,
}

impl ThresholdSettings {
    pub fn to_thresholds(&self) -> crate::stats::Thresholds {
        let d = crate::stats::Thresholds::default();
        crate::stats::Thresholds {
            min_count: self.min_count.unwrap_or(d.min_count),
            min_share: self.min_share.unwrap_or(d.min_share),
            always_count: self.always_count.unwrap_or(d.always_count),
            error_rate_factor: self.error_rate_factor.unwrap_or(d.error_rate_factor),
            error_rate_margin_points: self
                .error_rate_margin_points
                .unwrap_or(d.error_rate_margin_points),
            error_rate_min_calls: self.error_rate_min_calls.unwrap_or(d.error_rate_min_calls),
        }
    }
}

/// Settings for some connectors only.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs of connector folders, relative to the configuration file (e.g. `legacy/**`).
    pub paths: Vec<String>,
    pub profile: Option<ProfileSetting>,
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// A suppression: findings of `rule` (at `pointer`, in connectors matching `paths`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Ignore {
    pub rule: String,
    /// A JSON pointer into the definition; the finding's pointer must equal it or lie below it.
    pub pointer: Option<String>,
    /// Globs of connector folders, relative to the configuration file. Default: all.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Why this finding is accepted. Required.
    pub reason: String,
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file, when one was found.
    pub path: Option<PathBuf>,
    overrides: Vec<(globset::GlobSet, usize)>,
    ignores: Vec<Option<globset::GlobSet>>,
}

/// The settings that apply to one connector.
#[derive(Debug, Clone)]
pub struct Effective<'a> {
    pub profile: Option<Profile>,
    pub rules: BTreeMap<&'a str, Level>,
}

impl Loaded {
    /// The settings for a connector folder: the top-level ones, then each matching override.
    pub fn for_connector(&self, dir: &Path) -> Effective<'_> {
        let mut e = Effective {
            profile: self.config.profile.map(Profile::from),
            rules: self
                .config
                .rules
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect(),
        };
        let rel = self.relative(dir);
        for (set, i) in &self.overrides {
            if set.is_match(&rel) {
                let o = &self.config.overrides[*i];
                if let Some(p) = o.profile {
                    e.profile = Some(p.into());
                }
                e.rules
                    .extend(o.rules.iter().map(|(k, v)| (k.as_str(), *v)));
            }
        }
        e
    }

    /// Whether config suppression `index` applies to a connector folder.
    pub fn ignore_applies(&self, index: usize, dir: &Path) -> bool {
        match &self.ignores[index] {
            None => true,
            Some(set) => set.is_match(self.relative(dir)),
        }
    }

    fn relative(&self, dir: &Path) -> PathBuf {
        let base = self.path.as_ref().and_then(|p| p.parent()).map(absolute);
        let dir = absolute(dir);
        match base {
            Some(b) => dir.strip_prefix(&b).map(Path::to_path_buf).unwrap_or(dir),
            None => dir,
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Finds `connlint.toml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = absolute(start);
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a configuration file. Errors name the file, line and column.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let source = crate::source::SourceFile::from_text(
        path.to_path_buf(),
        text,
        crate::source::Decoding::Utf8,
    );
    let at = |offset: usize| {
        let lc = source.line_col(offset);
        format!("{}:{}:{}", path.display(), lc.line, lc.column)
    };
    let config: Config = toml::from_str(&source.text).map_err(|e| {
        let place = e
            .span()
            .map(|s| at(s.start))
            .unwrap_or_else(|| path.display().to_string());
        format!("{place}: {}", with_suggestion(e.message()))
    })?;
    // Rule ids must exist.
    let known: Vec<&str> = rules::all().iter().map(|r| r.id).collect();
    let check_id = |id: &str, table: &str| -> Result<(), String> {
        if known.contains(&id) {
            return Ok(());
        }
        let offset = source.text.find(id).unwrap_or(0);
        Err(format!(
            "{}: unknown rule `{id}` in {table}{} (connlint rules lists them)",
            at(offset),
            did_you_mean(id, &known)
        ))
    };
    for id in config.rules.keys() {
        check_id(id, "[rules]")?;
    }
    for o in &config.overrides {
        for id in o.rules.keys() {
            check_id(id, "[[overrides]]")?;
        }
    }
    let mut ignores = Vec::new();
    for ig in &config.ignore {
        check_id(&ig.rule, "[[ignore]]")?;
        if ig.reason.trim().is_empty() {
            let offset = source.text.find(&ig.rule).unwrap_or(0);
            return Err(format!(
                "{}: [[ignore]] for `{}` needs a non-empty `reason`",
                at(offset),
                ig.rule
            ));
        }
        ignores.push(if ig.paths.is_empty() {
            None
        } else {
            Some(globs(&ig.paths, path)?)
        });
    }
    let mut overrides = Vec::new();
    for (i, o) in config.overrides.iter().enumerate() {
        overrides.push((globs(&o.paths, path)?, i));
    }
    Ok(Loaded {
        config,
        path: Some(path.to_path_buf()),
        overrides,
        ignores,
    })
}

fn globs(patterns: &[String], file: &Path) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        let g = globset::GlobBuilder::new(p.trim_end_matches('/'))
            .literal_separator(false)
            .build()
            .map_err(|e| format!("{}: glob `{p}`: {e}", file.display()))?;
        b.add(g);
        // `legacy/**` should also match the folder `legacy/X` itself and `legacy`.
        if let Some(prefix) = p.strip_suffix("/**") {
            if let Ok(g) = globset::Glob::new(prefix) {
                b.add(g);
            }
        }
    }
    b.build().map_err(|e| format!("{}: {e}", file.display()))
}

fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    crate::text::did_you_mean(word, candidates.iter().copied(), |c| 3.max(c.len() / 4))
}

/// Adds a did-you-mean to serde's "unknown field `x`, expected one of `a`, `b`".
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let hint = did_you_mean(field, &candidates);
    format!("{}{hint}", message.trim_end())
}

/// The JSON schema of `connlint.toml`, generated from the types above.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Config);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Loaded, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        load(&path).map_err(|e| e.replace(&dir.path().display().to_string(), "DIR"))
    }

    #[test]
    fn reads_a_full_configuration() {
        let l = load_text(
            "profile = \"custom\"\n[rules]\nmissing-error-responses = \"error\"\nsuperseded-path = \"off\"\n\
             [thresholds]\nmin-count = 5\n[[overrides]]\npaths = [\"legacy/**\"]\nrules = { operation-summary-required = \"info\" }\n\
             [[ignore]]\nrule = \"deprecated-operation\"\npointer = \"/paths/~1items/get\"\nreason = \"kept for old flows\"\n",
        )
        .unwrap();
        assert_eq!(l.config.profile, Some(ProfileSetting::Custom));
        assert_eq!(l.config.rules["superseded-path"], Level::Off);
        assert_eq!(l.config.thresholds.to_thresholds().min_count, 5);
        assert_eq!(l.config.ignore[0].reason, "kept for old flows");
    }

    #[test]
    fn unknown_keys_and_rules_are_errors_with_suggestions() {
        let e = load_text("profil = \"custom\"\n").unwrap_err();
        assert!(
            e.starts_with("DIR/connlint.toml:1:1: unknown field `profil`"),
            "{e}"
        );
        assert!(e.contains("did you mean `profile`?"), "{e}");
        let e = load_text("[rules]\nmissing-error-response = \"error\"\n").unwrap_err();
        assert!(
            e.contains("connlint.toml:2:1: unknown rule `missing-error-response`"),
            "{e}"
        );
        assert!(e.contains("did you mean `missing-error-responses`?"), "{e}");
        let e = load_text("[rules]\nsuperseded-path = \"loud\"\n").unwrap_err();
        assert!(e.contains(":2:19:"), "{e}");
        let e = load_text("[[ignore]]\nrule = \"superseded-path\"\nreason = \" \"\n").unwrap_err();
        assert!(e.contains("needs a non-empty `reason`"), "{e}");
        let e = load_text("[[ignore]]\nrule = \"superseded-path\"\n").unwrap_err();
        assert!(e.contains("missing field `reason`"), "{e}");
    }

    #[test]
    fn overrides_apply_by_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("legacy/Old")).unwrap();
        std::fs::create_dir_all(dir.path().join("new/Fresh")).unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "[[overrides]]\npaths = [\"legacy/**\"]\nprofile = \"custom\"\nrules = { superseded-path = \"off\" }\n").unwrap();
        let l = load(&path).unwrap();
        let old = l.for_connector(&dir.path().join("legacy/Old"));
        assert_eq!(old.profile, Some(Profile::Custom));
        assert_eq!(old.rules.get("superseded-path"), Some(&Level::Off));
        let fresh = l.for_connector(&dir.path().join("new/Fresh"));
        assert!(fresh.rules.is_empty() && fresh.profile.is_none());
        assert_eq!(find(&dir.path().join("legacy/Old")), Some(absolute(&path)));
    }
}
