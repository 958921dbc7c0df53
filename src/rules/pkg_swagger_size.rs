use super::support::package::file_names;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileKind;
use crate::rules::ConnectorContext;
use crate::source::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a definition whose minified size (the JSON without insignificant
    /// whitespace) is 1 MB or more.
    ///
    /// ## Why is this bad?
    /// Microsoft: "the OpenAPI definition must be less than 1 MB". The limit applies to the
    /// serialized definition, so indentation does not count: two deployed definitions are
    /// over 1 MB on disk but well under it minified.
    ///
    /// ## Example
    /// A definition of 1.2 MB after removing indentation and line breaks.
    ///
    /// ## Use instead
    /// Share schemas through `#/definitions` and parameters through `#/parameters`, drop
    /// unused definitions and long examples, or split the connector.
    pub static RULE = {
        id: "pkg-swagger-size",
        severity: Warning,
        scope: Connector,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/define-openapi-definition",
        summary: "the definition is 1 MB or more when minified",
    };
}

const LIMIT: usize = 1024 * 1024;

/// The size of JSON text without whitespace outside strings.
pub fn minified_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            n += 1;
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            n += 1;
            if b == b'"' {
                in_string = true;
            }
        }
    }
    n
}

pub fn check(ctx: &ConnectorContext, out: &mut Vec<Diagnostic>) {
    let names = file_names(ctx);
    let Some(name) = names.iter().find(|n| {
        crate::discover::kind_of(n) == Some(FileKind::Definition)
            && n.to_ascii_lowercase().ends_with(".json")
    }) else {
        return;
    };
    // The text the lint read (the fixed one with --fix), when it is this file.
    let Some(definition) = ctx.definition.filter(|d| {
        d.path
            .file_name()
            .is_some_and(|f| f.to_string_lossy() == **name)
    }) else {
        return;
    };
    if definition.text.len() < LIMIT {
        return;
    }
    let size = minified_len(definition.text.as_bytes());
    if size >= LIMIT {
        out.push(
            RULE.diagnostic(format!(
                "the definition is {:.2} MB minified; the limit is 1 MB",
                size as f64 / LIMIT as f64
            ))
            .in_file(FileKind::Definition)
            .with_span(Span::new(0, 0))
            .help("reuse schemas and parameters through $ref, remove unused definitions and long examples, or split the connector"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn minified() {
        assert_eq!(super::minified_len(b"{ \"a b\" : [ 1 , 2 ] }\n"), 13);
    }
}
