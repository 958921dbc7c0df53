//! The "Known issues and limitations" (and "Common errors and remedies") sections:
//! rendering them, and putting them into a readme.md or intro.md.
//!
//! A generated section ends with [`MARKER`]. Whatever follows the marker inside the
//! section is the publisher's own text and is kept by every update; the first update of a
//! section written by hand keeps its text there too, unless it only said "none" or "N/A".

use super::content::{DocKind, IntroContext};
use super::markdown::{line_ending, normalize, to_eol, wrap, WIDTH};
use super::render::{self, TemplateError, Templates};
use super::section::{self, SectionKind};
use crate::source::Span;
use crate::syntax::edit::{self, TextEdit};

/// The last line of every generated section.
pub const MARKER: &str =
    "<!-- connlint: text above is generated; notes below this line are kept -->";

/// One rendered section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub kind: SectionKind,
    /// The heading text the template gave.
    pub heading: String,
    /// LF line endings, wrapped, ending with a newline (or empty).
    pub body: String,
}

impl Generated {
    /// The section as printed or inserted at `level`, LF line endings.
    pub fn text(&self, level: u8) -> String {
        let mut t = format!("{} {}\n\n", "#".repeat(level as usize), self.heading);
        if !self.body.is_empty() {
            t.push_str(&self.body);
            t.push('\n');
        }
        t.push_str(MARKER);
        t.push('\n');
        t
    }
}

/// Renders the sections: Known issues, then Common errors when asked for.
pub fn render_sections(
    templates: &Templates,
    ctx: &IntroContext,
    common_errors: bool,
) -> Result<Vec<Generated>, TemplateError> {
    let mut ctx = ctx.clone();
    ctx.with_common_errors = common_errors;
    let json = serde_json::to_value(&ctx).map_err(|e| TemplateError(e.to_string()))?;
    let mut out = vec![split(
        &templates.render(render::KNOWN_ISSUES, &json, &[])?,
        SectionKind::KnownIssues,
        &ctx.known_issues_heading,
    )];
    if common_errors {
        out.push(split(
            &templates.render(render::COMMON_ERRORS, &json, &[])?,
            SectionKind::CommonErrors,
            &ctx.common_errors_heading,
        ));
    }
    Ok(out)
}

/// Splits a rendered section into its heading and its body.
fn split(rendered: &str, kind: SectionKind, default_heading: &str) -> Generated {
    let text = normalize(rendered);
    let (heading, body) = match text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with('#') => (
            first.trim().trim_start_matches('#').trim().to_string(),
            rest.to_string(),
        ),
        _ => (default_heading.to_string(), text.clone()),
    };
    let body = normalize(&wrap(&body, WIDTH));
    let body = if body.trim().is_empty() {
        String::new()
    } else {
        body
    };
    // A body line that equals the marker would split the section on the next update.
    let body = body
        .lines()
        .filter(|l| l.trim() != MARKER)
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    Generated {
        kind,
        heading: if heading.is_empty() {
            default_heading.to_string()
        } else {
            heading
        },
        body,
    }
}

/// A new file from the intro.md or readme.md template, with the sections in it.
pub fn create(
    templates: &Templates,
    ctx: &IntroContext,
    sections: &[Generated],
) -> Result<String, TemplateError> {
    let mut ctx = ctx.clone();
    ctx.with_common_errors = sections.iter().any(|s| s.kind == SectionKind::CommonErrors);
    let json = serde_json::to_value(&ctx).map_err(|e| TemplateError(e.to_string()))?;
    let find = |k| sections.iter().find(|s| s.kind == k).map(|s| s.text(2));
    let mut extra = vec![(
        "known_issues_section",
        find(SectionKind::KnownIssues).unwrap_or_default(),
    )];
    if let Some(c) = find(SectionKind::CommonErrors) {
        extra.push(("common_errors_section", c));
    }
    let name = match ctx.doc {
        DocKind::Intro => render::INTRO,
        DocKind::Readme => render::README,
    };
    let text = templates.render(name, &json, &extra)?;
    Ok(normalize(&wrap(&normalize(&text), WIDTH)))
}

/// The publisher's own text in the Known issues section of `md`: what follows the end
/// marker, or the whole section when it was written by hand (unless it only says
/// "none"). This is the text every update keeps.
pub fn publisher_notes(md: &str) -> String {
    let md = md.strip_prefix('\u{feff}').unwrap_or(md);
    let heads = section::headings(md);
    let Some(i) = section::find(&heads, SectionKind::KnownIssues) else {
        return String::new();
    };
    let body = &md[heads[i].body_start..section::section_end(md, &heads, i)];
    match marker_end(body) {
        Some(after) => body[after..].to_string(),
        None if says_none(body) => String::new(),
        None => body.to_string(),
    }
}

/// `md` without its Known issues and Common errors sections: the rest of what the
/// publisher wrote.
pub fn outside_sections(md: &str) -> String {
    let md = md.strip_prefix('\u{feff}').unwrap_or(md);
    let heads = section::headings(md);
    let mut out = String::new();
    let mut from = 0;
    for kind in [SectionKind::KnownIssues, SectionKind::CommonErrors] {
        if let Some(i) = section::find(&heads, kind) {
            let (start, end) = (heads[i].start, section::section_end(md, &heads, i));
            if start >= from {
                out.push_str(&md[from..start]);
                from = end;
            }
        }
    }
    out.push_str(&md[from.min(md.len())..]);
    out
}

/// Whether a hand-written section says nothing: empty, "None", "N/A", "There are no known
/// issues at this time." and the like.
pub fn says_none(body: &str) -> bool {
    let mut text = String::new();
    let mut rest = body;
    while let Some(i) = rest.find("<!--") {
        text.push_str(&rest[..i]);
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    text.push_str(rest);
    let t = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    if t.is_empty() {
        return true;
    }
    if t.len() > 100 || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    [
        "none",
        "n/a",
        "na",
        "no known",
        "there are no",
        "there is no",
        "no issues",
        "no limitations",
        "not applicable",
        "nothing",
        "currently there are no",
        "currently, there are no",
        "at this time there are no",
        "at this time, there are no",
        "no issues and limitations",
        "we are not aware",
    ]
    .iter()
    .any(|p| t == *p || t.starts_with(&format!("{p} ")))
}

/// Where a missing section goes: before the first of these headings.
fn goes_before(doc: DocKind, kind: SectionKind) -> &'static [SectionKind] {
    match (doc, kind) {
        (DocKind::Intro, SectionKind::KnownIssues) => {
            &[SectionKind::CommonErrors, SectionKind::Faq]
        }
        (DocKind::Readme, SectionKind::KnownIssues) => &[
            SectionKind::Faq,
            SectionKind::Deployment,
            SectionKind::CommonErrors,
        ],
        _ => &[SectionKind::Faq, SectionKind::Deployment],
    }
}

/// The file with each section replaced in place, or inserted where the template puts it.
/// Every byte outside the replaced sections stays as it was; inserted text uses the
/// file's line endings.
///
/// Fails when the section would not be found again in the result (an unclosed code
/// fence, say, turns everything after it into code), so that no update is made that a
/// second run could not recognise.
pub fn update(existing: &str, doc: DocKind, sections: &[Generated]) -> Result<String, String> {
    let mut text = existing.to_string();
    let eol = line_ending(existing);
    for g in sections {
        text = edit::apply(&text, [&update_one(&text, doc, g, eol)]);
        let md = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if section::find(&section::headings(md), g.kind).is_none() {
            let why = match unclosed_fence(md) {
                Some(line) => format!(
                    "the code fence opened at line {line} is never closed, so everything after it is code; close it first"
                ),
                None => "the file's structure hides it".into(),
            };
            return Err(format!(
                "the \"{}\" section cannot be placed: {why}",
                g.heading
            ));
        }
    }
    // A second run must change nothing; refuse an update that would not be stable.
    let mut again = text.clone();
    for g in sections {
        again = edit::apply(&again, [&update_one(&again, doc, g, eol)]);
    }
    if again != text {
        return Err("the update would not be stable (a second run would change the file again); please report this file".into());
    }
    Ok(text)
}

/// The 1-based line of a code fence that is never closed.
fn unclosed_fence(md: &str) -> Option<usize> {
    let mut open: Option<(usize, char, usize)> = None;
    for (i, line) in md.lines().enumerate() {
        let t = line.trim_start();
        if line.len() - t.len() > 3 {
            continue;
        }
        let c = match t.chars().next() {
            Some(c @ ('`' | '~')) => c,
            _ => continue,
        };
        let n = t.chars().take_while(|x| *x == c).count();
        if n < 3 {
            continue;
        }
        match open {
            None => open = Some((i + 1, c, n)),
            Some((_, oc, on)) if oc == c && n >= on && t[n..].trim().is_empty() => open = None,
            _ => {}
        }
    }
    open.map(|(line, _, _)| line)
}

/// The edit that puts one generated section into `text`: its body replaced up to the
/// end marker (text below it is kept), or the whole section inserted where the template
/// puts it.
fn update_one(text: &str, doc: DocKind, g: &Generated, eol: &str) -> TextEdit {
    // pulldown-cmark sees the text without a byte-order mark; offsets shift by it.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let md = &text[bom..];
    let heads = section::headings(md);
    let g = &with_bullets(g, section::bullet(md));
    let body = to_eol(&g.body, eol);
    if let Some(i) = section::find(&heads, g.kind) {
        let start = bom + heads[i].body_start;
        let end = bom + section::section_end(md, &heads, i);
        let old = &text[start..end];
        let mut kept = match marker_end(old) {
            Some(after) => old[after..].to_string(),
            None if says_none(old) => String::new(),
            None => format!("{eol}{}", old.trim_start_matches(['\r', '\n'])),
        };
        if kept.is_empty() && end < text.len() {
            kept = eol.to_string();
        }
        let mut region = String::new();
        if start == text.len() && !text.ends_with('\n') {
            region.push_str(eol);
        }
        region.push_str(eol);
        if !body.is_empty() {
            region.push_str(&body);
            region.push_str(eol);
        }
        region.push_str(MARKER);
        region.push_str(eol);
        region.push_str(&kept);
        return TextEdit {
            span: Span::new(start, end),
            insert: region,
        };
    }
    // Missing: insert it.
    let before = goes_before(doc, g.kind);
    let anchor = if g.kind == SectionKind::CommonErrors {
        section::find(&heads, SectionKind::KnownIssues)
            .map(|i| (section::section_end(md, &heads, i), heads[i].level))
    } else {
        None
    };
    let anchor = anchor.or_else(|| {
        heads
            .iter()
            .find(|h| before.contains(&section::classify(&h.text)))
            .map(|h| (h.start, h.level))
    });
    let (at, level) = match anchor {
        Some((at, level)) => (bom + at, level.max(2)),
        None => (text.len(), 2),
    };
    let mut insert = String::new();
    let prefix = &text[..at];
    if !prefix[bom..].is_empty() {
        if !prefix.ends_with('\n') {
            insert.push_str(eol);
            insert.push_str(eol);
        } else {
            let without = &prefix[..prefix.len() - 1];
            let without = without.strip_suffix('\r').unwrap_or(without);
            if !(without.ends_with('\n') || without.is_empty()) {
                insert.push_str(eol);
            }
        }
    }
    insert.push_str(&to_eol(&g.text(level), eol));
    if at < text.len() {
        insert.push_str(eol);
    }
    TextEdit {
        span: Span::new(at, at),
        insert,
    }
}

/// The section with its list items marked with `bullet` (markdownlint MD004 wants one
/// style per file).
fn with_bullets(g: &Generated, bullet: Option<char>) -> Generated {
    let Some(b) = bullet.filter(|b| *b != '-') else {
        return g.clone();
    };
    let body = g
        .body
        .lines()
        .map(|l| {
            let t = l.trim_start_matches(' ');
            if t.starts_with("- ") {
                format!("{}{b}{}\n", &l[..l.len() - t.len()], &t[1..])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    Generated { body, ..g.clone() }
}

/// The offset just after the marker line, if the region has one.
fn marker_end(region: &str) -> Option<usize> {
    let mut pos = 0;
    for line in region.split_inclusive('\n') {
        pos += line.len();
        if line.trim() == MARKER {
            return Some(pos);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gen(body: &str) -> Generated {
        Generated {
            kind: SectionKind::KnownIssues,
            heading: "Known issues and limitations".into(),
            body: body.into(),
        }
    }

    #[test]
    fn replaces_in_place_and_keeps_hand_written_notes() {
        let doc = "# T\r\n\r\n## Known Issues & Limitations\r\n\r\nPaging stops at 50.\r\n\r\n## FAQ\r\n\r\nQ\r\n";
        let once = update(doc, DocKind::Readme, &[gen("- a\n")]).unwrap();
        assert_eq!(
            once,
            format!("# T\r\n\r\n## Known Issues & Limitations\r\n\r\n- a\r\n\r\n{MARKER}\r\n\r\nPaging stops at 50.\r\n\r\n## FAQ\r\n\r\nQ\r\n")
        );
        assert_eq!(
            update(&once, DocKind::Readme, &[gen("- a\n")]).unwrap(),
            once
        );
        let changed = update(&once, DocKind::Readme, &[gen("- b\n")]).unwrap();
        assert!(changed.contains("- b\r\n") && changed.contains("Paging stops at 50."));
    }

    #[test]
    fn refuses_what_it_could_not_find_again() {
        let err = update("# T\n\n```\ncode\n", DocKind::Readme, &[gen("- a\n")]).unwrap_err();
        assert!(err.contains("line 3 is never closed"), "{err}");
    }

    #[test]
    fn drops_none_statements() {
        let doc = "## Known Issues\n\nNone.\n";
        assert_eq!(
            update(doc, DocKind::Readme, &[gen("- a\n")]).unwrap(),
            format!("## Known Issues\n\n- a\n\n{MARKER}\n")
        );
        assert!(says_none("There are no known issues at this time."));
        assert!(says_none("N/A"));
        assert!(says_none("<!-- x -->\n"));
        assert!(!says_none("The API returns at most 50 items."));
    }

    #[test]
    fn inserts_where_the_template_puts_it() {
        let doc = "# T\n\n## Prerequisites\n\nx\n\n## Deployment Instructions\n\ny\n";
        let out = update(doc, DocKind::Readme, &[gen("- a\n")]).unwrap();
        assert_eq!(
            out,
            format!("# T\n\n## Prerequisites\n\nx\n\n## Known issues and limitations\n\n- a\n\n{MARKER}\n\n## Deployment Instructions\n\ny\n")
        );
        assert_eq!(update(&out, DocKind::Readme, &[gen("- a\n")]).unwrap(), out);
        let out = update("# T\n\nText", DocKind::Intro, &[gen("- a\n")]).unwrap();
        assert_eq!(
            out,
            format!("# T\n\nText\n\n## Known issues and limitations\n\n- a\n\n{MARKER}\n")
        );
    }

    #[test]
    fn common_errors_follow_known_issues() {
        let doc = format!("## Known issues and limitations\n\n- a\n\n{MARKER}\n\n## FAQ\n");
        let ce = Generated {
            kind: SectionKind::CommonErrors,
            heading: "Common errors and remedies".into(),
            body: "- e\n".into(),
        };
        let out = update(&doc, DocKind::Intro, &[gen("- a\n"), ce.clone()]).unwrap();
        assert_eq!(
            out,
            format!("## Known issues and limitations\n\n- a\n\n{MARKER}\n\n## Common errors and remedies\n\n- e\n\n{MARKER}\n\n## FAQ\n")
        );
        assert_eq!(
            update(&out, DocKind::Intro, &[gen("- a\n"), ce]).unwrap(),
            out
        );
    }
}
