//! Finding a section of a Markdown file and replacing it in place.
//!
//! Headings are found with pulldown-cmark's offset iterator, so a `#` inside fenced code
//! or an HTML block is never mistaken for one. A section runs from its heading to the next
//! heading of the same or a higher level (or the end of the file). Edits splice text into
//! the original string: every byte outside the section stays as it was.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A top-level heading of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, inline markup removed.
    pub text: String,
    /// Offset of the heading's first byte.
    pub start: usize,
    /// Offset just after the heading's last line ending (or the end of the file).
    pub body_start: usize,
}

/// The headings that are not inside a list, block quote or other container.
pub fn headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(u8, usize, usize, String)> = None;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if depth == 0 {
                    current = Some((level as u8, range.start, range.end, String::new()));
                }
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                depth -= 1;
                if depth == 0 {
                    if let Some((level, start, end, text_acc)) = current.take() {
                        out.push(Heading {
                            level,
                            text: text_acc.trim().to_string(),
                            start,
                            body_start: line_after(text, end),
                        });
                    }
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, _, acc)) = current.as_mut() {
                    acc.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, _, acc)) = current.as_mut() {
                    acc.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

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

/// The offset after the line ending that ends the line containing `end - 1`.
fn line_after(text: &str, end: usize) -> usize {
    let end = end.min(text.len());
    if end > 0 && text.as_bytes()[end - 1] == b'\n' {
        return end;
    }
    match text[end..].find('\n') {
        Some(i) => end + i + 1,
        None => text.len(),
    }
}

/// Where the section of heading `index` ends: the start of the next heading of the same
/// or a higher level, or the end of the text.
pub fn section_end(text: &str, all: &[Heading], index: usize) -> usize {
    let level = all[index].level;
    all[index + 1..]
        .iter()
        .find(|h| h.level <= level)
        .map_or(text.len(), |h| h.start)
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
    fn finds_top_level_headings_only() {
        let text = "# T\n\n```\n## not\n```\n\n- ## in list\n\nSetext\n------\n\n## Known Issues & Limitations\r\n\r\nNone.\r\n";
        let h = headings(text);
        let names: Vec<_> = h.iter().map(|h| (h.level, h.text.as_str())).collect();
        assert_eq!(
            names,
            vec![(1, "T"), (2, "Setext"), (2, "Known Issues & Limitations")]
        );
        assert_eq!(&text[h[1].body_start..h[1].body_start + 1], "\n");
        assert_eq!(&text[h[2].body_start..], "\r\nNone.\r\n");
        assert_eq!(section_end(text, &h, 0), text.len());
        assert_eq!(section_end(text, &h, 1), h[2].start);
    }

    #[test]
    fn finds_the_bullet_style() {
        assert_eq!(bullet("# T\n\n1. one\n\n* a\n- b\n"), Some('*'));
        assert_eq!(bullet("text"), None);
    }

    #[test]
    fn heading_at_end_without_newline() {
        let text = "## Known issues";
        let h = headings(text);
        assert_eq!(h[0].body_start, text.len());
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
