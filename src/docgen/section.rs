//! Finding a section of a Markdown file and replacing it in place.
//!
//! Headings are found by [`crate::syntax::markdown::headings`] (pulldown-cmark), the
//! scanner the readme rules use too, so a `#` inside fenced code or an HTML block is
//! never mistaken for one. A section runs from its heading to the next
//! heading of the same or a higher level (or the end of the file). Edits splice text into
//! the original string: every byte outside the section stays as it was.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub use crate::syntax::markdown::{headings, section_end, Heading};

/// The marker of the file's first bullet list item (`-`, `*` or `+`), outside
/// generated sections.
pub fn bullet(text: &str) -> Option<char> {
    let mut in_list = Vec::new();
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::List(first)) => in_list.push(first.is_none()),
            Event::End(TagEnd::List(_)) => {
                in_list.pop();
            }
            Event::Start(Tag::Item) if in_list.last() == Some(&true) => {
                let c = text[range.start..].trim_start().chars().next()?;
                if matches!(c, '-' | '*' | '+') {
                    return Some(c);
                }
            }
            _ => {}
        }
    }
    None
}

/// Lower case, `&` as "and", punctuation dropped, words separated by single spaces.
pub fn normalize_heading(text: &str) -> Vec<String> {
    text.replace('&', " and ")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Which managed section a heading names, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    KnownIssues,
    CommonErrors,
    Faq,
    Deployment,
    Other,
}

/// Classifies a heading by the variants real readme and intro files use: "Known Issues
/// and Limitations", "Known issues and limitations", "Known Limitations", "Limitations",
/// "Known Issues", "Known Issues & Limitation", "Issues and Limitations", "Limitations of
/// the API itself", …; "Common errors and remedies"; "FAQ", "Frequently Asked Questions";
/// "Deployment Instructions".
pub fn classify(text: &str) -> SectionKind {
    let words = normalize_heading(text);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let is = |set: &[&str]| w.iter().all(|x| set.contains(x));
    let has = |set: &[&str]| w.iter().any(|x| set.contains(x));
    if w.is_empty() {
        return SectionKind::Other;
    }
    let issue_words = ["issue", "issues", "limitation", "limitations"];
    if (is(&[
        "known",
        "issue",
        "issues",
        "limitation",
        "limitations",
        "and",
    ]) && has(&issue_words))
        || (matches!(w[0], "limitation" | "limitations") && w.get(1) == Some(&"of"))
    {
        return SectionKind::KnownIssues;
    }
    if is(&[
        "common",
        "error",
        "errors",
        "and",
        "remedies",
        "remedy",
        "solutions",
        "fixes",
    ]) && has(&["error", "errors"])
        && w.len() >= 2
    {
        return SectionKind::CommonErrors;
    }
    if w == ["faq"] || w == ["faqs"] || w == ["frequently", "asked", "questions"] {
        return SectionKind::Faq;
    }
    if w[0] == "deployment" {
        return SectionKind::Deployment;
    }
    SectionKind::Other
}

/// The first heading of `kind` with the highest level (fewest `#`).
pub fn find(all: &[Heading], kind: SectionKind) -> Option<usize> {
    all.iter()
        .enumerate()
        .filter(|(_, h)| classify(&h.text) == kind)
        .min_by_key(|(i, h)| (h.level, *i))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bullet_style() {
        assert_eq!(bullet("# T\n\n1. one\n\n* a\n- b\n"), Some('*'));
        assert_eq!(bullet("text"), None);
    }

    #[test]
    fn classifies_real_variants() {
        for k in [
            "Known Issues and Limitations",
            "Known issues and limitations",
            "Known Limitations",
            "Limitations",
            "Known Issues",
            "Known Issues & Limitation",
            "Known issues",
            "Issues and Limitations",
            "Known Issues & Limitations",
            "Known Issues And Limitations",
            "Limitations of the API itself",
            "Limitation",
            "Known issues and limitations:",
        ] {
            assert_eq!(classify(k), SectionKind::KnownIssues, "{k}");
        }
        for k in [
            "Get Caveats",
            "Supported Operations",
            "Issue a refund",
            "Known hosts",
        ] {
            assert_ne!(classify(k), SectionKind::KnownIssues, "{k}");
        }
        assert_eq!(
            classify("Common errors and remedies"),
            SectionKind::CommonErrors
        );
        assert_eq!(classify("Common Errors"), SectionKind::CommonErrors);
        assert_eq!(classify("Frequently Asked Questions"), SectionKind::Faq);
        assert_eq!(classify("FAQ"), SectionKind::Faq);
        assert_eq!(classify("Deployment Instructions"), SectionKind::Deployment);
    }
}
