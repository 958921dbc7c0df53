//! Markdown headings and the sections they open, for readme.md and intro.md: the one
//! heading scanner of connlint, used by the readme and intro rules and by `connlint intro`.
//!
//! Headings are found with pulldown-cmark's offset iterator, so a `#` inside fenced code,
//! an HTML block or an HTML comment is never mistaken for one, and only headings outside
//! lists, block quotes and other containers count. A section runs from its heading to the
//! next heading of the same or a higher level (or the end of the file).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::source::Span;

/// A top-level heading of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, inline markup removed.
    pub text: String,
    /// Offset of the heading's first byte.
    pub start: usize,
    /// The heading's first line, from the start of that line, without its line break:
    /// where a finding about the heading points.
    pub line: Span,
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
                        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                        let line_end = if text[..line_end].ends_with('\r') {
                            line_end - 1
                        } else {
                            line_end
                        };
                        out.push(Heading {
                            level,
                            text: text_acc.trim().to_string(),
                            start,
                            line: Span::new(line_start, line_end),
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

/// A link of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's text, inline markup removed.
    pub text: String,
    pub url: String,
    /// The source line the link starts on, as written.
    pub line: String,
}

/// Every inline link and autolink, in order (not images, and nothing inside code).
pub fn links(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut open: Option<Link> = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[range.start..]
                    .find('\n')
                    .map_or(text.len(), |i| range.start + i);
                open = Some(Link {
                    text: String::new(),
                    url: dest_url.to_string(),
                    line: text[start..end].trim_end_matches('\r').to_string(),
                });
            }
            Event::End(TagEnd::Link) => out.extend(open.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(l) = open.as_mut() {
                    l.text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_their_line() {
        let text = "Intro.\r\n- [tyntec API Key](http://my.tyntec.com/api-settings)\r\n\n`[not](a)` and <https://x.example/y>\n";
        let l = links(text);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].text, "tyntec API Key");
        assert_eq!(l[0].url, "http://my.tyntec.com/api-settings");
        assert_eq!(
            l[0].line,
            "- [tyntec API Key](http://my.tyntec.com/api-settings)"
        );
        assert_eq!(l[1].url, "https://x.example/y");
    }

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
    fn heading_at_end_without_newline() {
        let text = "## Known issues";
        let h = headings(text);
        assert_eq!(h[0].body_start, text.len());
    }

    #[test]
    fn a_heading_in_an_html_comment_is_no_heading() {
        let text = "# T\n\n<!--\n## Known Issues\n-->\n\n  ## Indented\n";
        let h = headings(text);
        let names: Vec<_> = h.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(names, ["T", "Indented"]);
        assert_eq!(&text[h[1].line.range()], "  ## Indented");
    }
}
