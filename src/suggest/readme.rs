//! What a connector's readme says about its fields, in the forms publishers write:
//! `- **from** - Your WhatsApp Business Account number (Sender)`, `* `templateId`: ID of
//! your template`, `**contacts addresses city** - Contact's city` (a field by its path),
//! and two-column tables (`| from | Your number |`).
//!
//! A field's note is a draft tooltip in the publisher's own words: a question the readme
//! answers is not asked.

/// Notes on fields, from the connector's Markdown files.
#[derive(Debug, Clone, Default)]
pub struct FieldNotes {
    /// The words of the field's name or path, normalized, and the note.
    entries: Vec<(Vec<String>, String)>,
}

/// Bold words that open prose, not a field.
const PROSE: &[&str] = &[
    "note",
    "notes",
    "important",
    "warning",
    "tip",
    "example",
    "examples",
    "prerequisites",
    "prerequisite",
    "description",
    "summary",
    "required",
    "optional",
    "parameters",
    "parameter",
    "returns",
    "response",
    "request",
];

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `[text](url)` → `text`.
fn strip_links(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| c + open) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| e + close) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A field's name or path as the readme writes it: up to five identifiers.
fn field_words(name: &str) -> Option<Vec<String>> {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let identifier = |w: &&str| {
        !w.is_empty()
            && w.len() <= 40
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-$[]".contains(c))
    };
    if ws.is_empty() || ws.len() > 5 || !ws.iter().all(identifier) {
        return None;
    }
    if ws.len() == 1 && PROSE.contains(&ws[0].to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(
        ws.iter()
            .flat_map(|w| w.split('.'))
            .map(norm)
            .filter(|w| !w.is_empty())
            .collect(),
    )
}

/// The note as a sentence: links as their text, "- required" dropped, a capital first
/// and a full stop last.
fn sentence(text: &str) -> Option<String> {
    let mut t = strip_links(text).trim().to_string();
    for mark in ["- required", "(required)", "- optional", "(optional)"] {
        if t.to_ascii_lowercase().ends_with(mark) {
            t.truncate(t.len() - mark.len());
            t = t.trim_end().to_string();
        }
    }
    let t = t.trim_end_matches([' ', '-', ',', ';']).trim();
    if !t.starts_with(|c: char| c.is_alphanumeric())
        || t.split_whitespace().count() < 2
        || t.chars().count() > 300
        || t.contains("**")
    {
        return None;
    }
    let mut c = t.chars();
    let first = c.next()?;
    let mut out: String = first.to_uppercase().collect::<String>() + c.as_str();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    Some(out)
}

impl FieldNotes {
    /// The notes in Markdown text (one or more files, joined).
    pub fn parse(text: &str) -> FieldNotes {
        let mut entries = Vec::new();
        for line in text.lines() {
            let mut l = line.trim();
            l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .or_else(|| l.strip_prefix("+ "))
                .unwrap_or(l)
                .trim_start();
            if l.starts_with('|') {
                let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                if cells.len() == 2 && !cells[0].starts_with('-') {
                    let name = cells[0].trim_matches(['`', '*', ' ']);
                    if let (Some(ws), Some(note)) = (field_words(name), sentence(cells[1])) {
                        entries.push((ws, note));
                    }
                }
                continue;
            }
            let (name, rest) = if let Some(r) = l.strip_prefix("**") {
                match r.split_once("**") {
                    Some(x) => x,
                    None => continue,
                }
            } else if let Some(r) = l.strip_prefix('`') {
                match r.split_once('`') {
                    Some(x) => x,
                    None => continue,
                }
            } else {
                continue;
            };
            let name = name.trim().trim_matches('`');
            if name.contains(':') {
                continue;
            }
            let rest = rest.trim_start();
            let rest = ["- ", "– ", "— ", ": "]
                .iter()
                .find_map(|sep| rest.strip_prefix(sep))
                .unwrap_or(rest);
            if let (Some(ws), Some(note)) = (field_words(name), sentence(rest)) {
                entries.push((ws, note));
            }
        }
        FieldNotes { entries }
    }

    /// The note on the field named `name` at `place` (`body/contacts/addresses/city`):
    /// a note that names the field by its path wins; a note by its name alone counts only
    /// when every such note says the same.
    pub fn lookup(&self, name: &str, place: &str) -> Option<String> {
        let path: Vec<String> = place.split('/').skip(1).map(norm).collect();
        let key = norm(name);
        let same = |a: &str, b: &str| {
            a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
        };
        let mut best: Vec<(usize, &String)> = Vec::new();
        for (ws, note) in &self.entries {
            let Some((last, before)) = ws.split_last() else {
                continue;
            };
            if *last != key || before.len() >= path.len() {
                continue;
            }
            let parents = &path[..path.len() - 1];
            let mut i = parents.len();
            let fits = before.iter().rev().all(|w| {
                while i > 0 {
                    i -= 1;
                    if same(&parents[i], w) {
                        return true;
                    }
                }
                false
            });
            if fits {
                best.push((before.len(), note));
            }
        }
        let longest = best.iter().map(|(n, _)| *n).max()?;
        // The same note written for every action, against one elsewhere (a trigger's
        // output of the same name): the note most of them give, by a clear majority.
        let mut counts: Vec<(&String, usize)> = Vec::new();
        let mut total = 0;
        for (_, t) in best.iter().filter(|(n, _)| *n == longest) {
            total += 1;
            match counts.iter_mut().find(|(c, _)| norm(c) == norm(t)) {
                Some((_, n)) => *n += 1,
                None => counts.push((t, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match counts.as_slice() {
            [(one, _)] => Some((*one).clone()),
            [(top, n), ..] if *n >= 2 && *n * 3 > total * 2 => Some((*top).clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "\
## Supported requests
- **Send Free-form Text Message** Sends text message
  - **from** - Your WhatsApp Business Account number (Sender)
  - **to** - Receiver's phone number
  - **text** - Your text message
- **Send Free-form Image Message** Sends an image message.
  - **from** - Your WhatsApp Business Account number (Sender)
- **Send Free-form List Message** Sends a list message.
  - **from** - Your WhatsApp Business Account number (Sender)
  - **text** - Header's text
  - **type** - Body's type (text) - required
  - **contacts addresses city** - Contact's city
  - **templateLanguage** - language code of your [template](https://example.com)
  - **messageId** (the message ID)
- **Incoming message** trigger
  - **from** - the sender's phone number
**Note:** the number must be registered.
| Field | Meaning |
| --- | --- |
| `sendAt` | When to send the message |
";

    #[test]
    fn notes_by_name_and_by_path() {
        let n = FieldNotes::parse(README);
        // Three actions say the same, against one trigger output of that name.
        assert_eq!(
            n.lookup("from", "body/from").as_deref(),
            Some("Your WhatsApp Business Account number (Sender).")
        );
        assert_eq!(
            n.lookup("to", "body/to").as_deref(),
            Some("Receiver's phone number.")
        );
        // Two notes for `text` that disagree: none is the field's.
        assert_eq!(n.lookup("text", "body/content/text"), None);
        // A path picks the field.
        assert_eq!(
            n.lookup("city", "body/contacts/addresses/city").as_deref(),
            Some("Contact's city.")
        );
        assert_eq!(n.lookup("city", "body/city"), None);
        // Links become their text; "- required" goes.
        assert_eq!(
            n.lookup("templateLanguage", "body/content/template/templateLanguage")
                .as_deref(),
            Some("Language code of your template.")
        );
        assert_eq!(
            n.lookup("type", "body/type").as_deref(),
            Some("Body's type (text).")
        );
        // A parenthesis is no note.
        assert_eq!(n.lookup("messageId", "path/messageId"), None);
        // Prose in bold is no field; tables count.
        assert_eq!(n.lookup("note", "body/note"), None);
        assert_eq!(
            n.lookup("sendAt", "body/sendAt").as_deref(),
            Some("When to send the message.")
        );
    }
}
