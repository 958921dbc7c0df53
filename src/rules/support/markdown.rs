//! Just enough Markdown for the readme and intro rules: headings (from the one scanner,
//! [`crate::syntax::markdown`]), the sections they open, and tolerant matching of
//! section names.

use crate::diagnostic::FileKind;
use crate::rules::{ConnectorContext, ConnectorDoc};
use crate::source::Span;

/// A heading and the section it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: usize,
    /// The heading text, trimmed, without `#`s or emphasis markers.
    pub text: String,
    /// The heading line (without its line break).
    pub span: Span,
    /// From the line after the heading to the next heading of the same or a higher level.
    pub body: Span,
}

fn clean_heading(s: &str) -> String {
    let s = s.trim().trim_end_matches('#').trim();
    let s = s.trim_matches(|c| c == '*' || c == '_' || c == '`').trim();
    s.trim_end_matches(':').trim().to_string()
}

/// Every heading of a Markdown text, in order: those of
/// [`crate::syntax::markdown::headings`] (pulldown-cmark, the scanner `connlint intro`
/// uses), with the text as written on the heading's line.
pub fn headings(text: &str) -> Vec<Heading> {
    let found = crate::syntax::markdown::headings(text);
    found
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let line = text[h.line.range()].trim_start();
            let written = if line.starts_with('#') {
                line.trim_start_matches('#')
            } else {
                line
            };
            // The section ends where the next heading's line starts.
            let end = found[i + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map_or(text.len(), |n| n.line.start as usize);
            Heading {
                level: h.level as usize,
                text: clean_heading(written),
                span: h.line,
                body: Span::new(h.body_start.min(end), end),
            }
        })
        .collect()
}

/// Lower case, letters and digits only, single spaces; `&` reads as "and".
pub fn normalize(s: &str) -> String {
    let s = s.to_lowercase().replace('&', " and ");
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A section of the readme template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Publisher,
    Prerequisites,
    SupportedOperations,
    ObtainingCredentials,
    GettingStarted,
    KnownIssues,
    Faq,
    Deployment,
    CommonErrors,
}

impl Section {
    /// The heading the template uses.
    pub fn canonical(self, kind: FileKind) -> &'static str {
        match (self, kind) {
            (Section::Publisher, _) => "Publisher: <name>",
            (Section::Prerequisites, _) => "Prerequisites",
            (Section::SupportedOperations, _) => "Supported Operations",
            (Section::ObtainingCredentials, FileKind::Intro) => "How to get credentials",
            (Section::ObtainingCredentials, _) => "Obtaining Credentials",
            (Section::GettingStarted, FileKind::Intro) => "Get started with your connector",
            (Section::GettingStarted, _) => "Getting Started",
            (Section::KnownIssues, FileKind::Intro) => "Known issues and limitations",
            (Section::KnownIssues, _) => "Known Issues and Limitations",
            (Section::Faq, FileKind::Intro) => "FAQ",
            (Section::Faq, _) => "Frequently Asked Questions",
            (Section::Deployment, _) => "Deployment Instructions",
            (Section::CommonErrors, _) => "Common errors and remedies",
        }
    }

    /// Whether a (normalised) heading names this section.
    pub fn matches(self, h: &str) -> bool {
        let has = |w: &str| h.split(' ').any(|x| x == w);
        match self {
            Section::Publisher => {
                h == "publisher"
                    || h.starts_with("publisher ")
                    || h == "publishers"
                    || h.starts_with("publishers ")
            }
            Section::Prerequisites => {
                h.starts_with("prerequisite")
                    || h.starts_with("pre requisite")
                    || h.starts_with("requirements")
                    || h == "before you begin"
            }
            Section::SupportedOperations => {
                (h.contains("supported") || h.contains("available"))
                    && (has("operations") || has("actions") || has("triggers") || has("operation"))
                    || h == "operations"
                    || h == "actions"
                    || h == "actions and triggers"
                    || h == "supported operations and triggers"
            }
            Section::ObtainingCredentials => {
                (h.contains("credential") || h.contains("api key") || h.contains("authentication"))
                    && (h.contains("obtain")
                        || h.contains("get")
                        || h.contains("how")
                        || h.contains("credential"))
            }
            Section::GettingStarted => {
                h.starts_with("getting started") || h.starts_with("get started")
            }
            Section::KnownIssues => {
                (h.contains("known issue") || h.contains("limitation")) && h.len() < 80
            }
            Section::Faq => h.contains("faq") || h.contains("frequently asked"),
            Section::Deployment => h.contains("deployment") || h.starts_with("deploy"),
            Section::CommonErrors => {
                h.contains("common error") || (h.contains("error") && h.contains("remed"))
            }
        }
    }

    /// The canonical heading, normalised, for the canonical-heading check.
    pub fn is_canonical(self, kind: FileKind, heading: &str) -> bool {
        match self {
            Section::Publisher => heading.starts_with("Publisher:") || heading == "Publisher",
            _ => heading == self.canonical(kind),
        }
    }
}

/// The first heading (at level 2 or deeper, or any level) that names `section`.
pub fn find_section(hs: &[Heading], section: Section) -> Option<&Heading> {
    hs.iter().find(|h| section.matches(&normalize(&h.text)))
}

/// The readme of a connector (the first readme.md found).
pub fn readme<'a>(ctx: &'a ConnectorContext<'a>) -> Option<&'a ConnectorDoc<'a>> {
    ctx.docs.iter().find(|d| d.kind == FileKind::Readme)
}

/// The intro.md of a connector.
pub fn intro<'a>(ctx: &'a ConnectorContext<'a>) -> Option<&'a ConnectorDoc<'a>> {
    ctx.docs.iter().find(|d| d.kind == FileKind::Intro)
}

/// The span of the first line of a text (where findings about a whole file point).
pub fn first_line(text: &str) -> Span {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let end = text[start..]
        .find(['\n', '\r'])
        .map(|i| start + i)
        .unwrap_or(text.len());
    Span::new(start, end.max(start))
}

/// Whether a section body says nothing: empty, or only "none", "N/A" and the like.
pub fn is_empty_statement(body: &str) -> bool {
    let t = normalize(body);
    if t.is_empty() {
        return true;
    }
    const NONE: &[&str] = &[
        "none",
        "n a",
        "na",
        "nil",
        "no",
        "tbd",
        "no known issues",
        "no known issues at this time",
        "there are no known issues at this time",
        "there are no known issues",
        "there are no known issues or limitations",
        "there are no known issues and limitations",
        "no known issues or limitations",
        "no known issues and limitations",
        "no issues and limitations are known at this time",
        "no known limitations",
        "none at this time",
        "none so far",
        "none known",
        "not applicable",
        "there are currently no known issues",
        "there are no known limitations",
        "no known issues currently",
        "none currently",
    ];
    NONE.contains(&t.as_str())
}

/// Byte span of the first occurrence of `needle` (exact) in `text`.
pub fn find_span(text: &str, needle: &str) -> Option<Span> {
    text.find(needle).map(|i| Span::new(i, i + needle.len()))
}

/// Whether the connector asks makers for credentials (apiProperties.json has connection
/// parameters). `None` when apiProperties.json is missing or unreadable.
pub fn has_auth(ctx: &ConnectorContext) -> Option<bool> {
    let params = ctx
        .properties?
        .get("properties")?
        .get("connectionParameters");
    Some(
        params
            .and_then(|p| p.members())
            .is_some_and(|m| !m.is_empty()),
    )
}

/// Whether the connector authenticates with OAuth (an `oauthSetting` connection parameter).
pub fn is_oauth(ctx: &ConnectorContext) -> bool {
    ctx.properties
        .and_then(|r| r.get("properties"))
        .and_then(|p| p.get("connectionParameters"))
        .and_then(|c| c.members())
        .unwrap_or_default()
        .iter()
        .any(|m| m.value.get_str("type") == Some("oauthSetting"))
}

/// The text of a span of a document.
pub fn slice(text: &str, span: Span) -> &str {
    text.get(span.start as usize..span.end as usize)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_sections() {
        let t = "# Title\nIntro.\n\n## Publisher: Contoso\n\n## Pre-requisites\nx\n```\n## not\n```\n\nSetext\n------\nbody\n";
        let hs = headings(t);
        let texts: Vec<_> = hs.iter().map(|h| (h.level, h.text.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                (1, "Title"),
                (2, "Publisher: Contoso"),
                (2, "Pre-requisites"),
                (2, "Setext")
            ]
        );
        assert!(find_section(&hs, Section::Prerequisites).is_some());
        assert!(find_section(&hs, Section::Publisher).is_some());
        assert!(find_section(&hs, Section::KnownIssues).is_none());
        assert_eq!(
            &t[hs[3].body.start as usize..hs[3].body.end as usize],
            "body\n"
        );
        assert!(is_empty_statement(
            "There are no known issues at this time.\n"
        ));
        assert!(!is_empty_statement(
            "The API returns at most 50 items per page."
        ));
    }
}
