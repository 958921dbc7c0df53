//! Rendering the templates in `templates/` with minijinja.
//!
//! Auto-escaping is on for every template, built-in or the user's: a plain string printed
//! with `{{ … }}` is escaped for Markdown, so text from a definition can never inject HTML
//! or break the page. Strings connlint built as Markdown (context fields ending in `_md`)
//! are marked safe and print as they are. Filters: `md` (escape explicitly), `code` (a
//! code span), `todo` (an HTML `<!-- TODO: … -->` comment) and `thousands` (1,234).

use std::collections::BTreeMap;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};

use super::markdown;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "known-issues.md.j2",
        include_str!("../../templates/known-issues.md.j2"),
    ),
    (
        "common-errors.md.j2",
        include_str!("../../templates/common-errors.md.j2"),
    ),
    ("intro.md.j2", include_str!("../../templates/intro.md.j2")),
    ("readme.md.j2", include_str!("../../templates/readme.md.j2")),
];

pub const KNOWN_ISSUES: &str = "known-issues.md.j2";
pub const COMMON_ERRORS: &str = "common-errors.md.j2";
pub const INTRO: &str = "intro.md.j2";
pub const README: &str = "readme.md.j2";

const MARKDOWN: &str = "markdown";

/// A template environment: the built-in templates, with `known-issues.md.j2` replaced
/// by the user's template when one is given.
pub struct Templates {
    env: Environment<'static>,
}

/// A template that failed to load or render, with minijinja's explanation (which names
/// the template and line).
#[derive(Debug)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn describe(e: &Error) -> String {
    let mut text = e.to_string();
    if let (Some(name), Some(line)) = (e.name(), e.line()) {
        if !text.contains(name) {
            text = format!("{name}:{line}: {text}");
        }
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

fn escape_filter(value: &Value) -> Value {
    if value.is_safe() {
        return value.clone();
    }
    Value::from_safe_string(markdown::escape_inline(&value.to_string()))
}

fn code_filter(value: &Value) -> Value {
    Value::from_safe_string(markdown::code(&value.to_string()))
}

fn todo_filter(value: &Value) -> Value {
    Value::from_safe_string(super::content::todo(&value.to_string()))
}

fn thousands_filter(value: &Value) -> Result<Value, Error> {
    let n = u64::try_from(value.clone()).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            "thousands: expected a whole number",
        )
    })?;
    Ok(Value::from(crate::text::thousands(n)))
}

impl Templates {
    /// The built-in templates; `known_issues` replaces the Known issues template.
    pub fn new(known_issues: Option<(String, String)>) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| TemplateError(describe(&e)))?;
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|_| AutoEscape::Custom(MARKDOWN.into()));
        env.set_formatter(
            |out: &mut minijinja::Output, state: &mut State, value: &Value| {
                if value.is_undefined() || value.is_none() {
                    return Ok(());
                }
                let markdown =
                    matches!(state.auto_escape(), AutoEscape::Custom(name) if name == MARKDOWN);
                let text = if value.is_safe() || !markdown {
                    value.to_string()
                } else {
                    markdown::escape_inline(&value.to_string())
                };
                out.write_str(&text).map_err(Error::from)
            },
        );
        env.add_filter("md", escape_filter);
        env.add_filter("code", code_filter);
        env.add_filter("todo", todo_filter);
        env.add_filter("thousands", thousands_filter);
        for (name, source) in BUILTIN {
            if *name == KNOWN_ISSUES && known_issues.is_some() {
                continue;
            }
            env.add_template(name, source)
                .map_err(|e| TemplateError(describe(&e)))?;
        }
        if let Some((name, source)) = known_issues {
            env.add_template_owned(KNOWN_ISSUES, source)
                .map_err(|e| TemplateError(format!("{name}: {}", describe(&e))))?;
        }
        Ok(Templates { env })
    }

    /// Renders a template with a context (a serialisable value, converted so that
    /// `_md` fields are safe) plus extra safe Markdown values.
    pub fn render(
        &self,
        name: &str,
        context: &serde_json::Value,
        extra_md: &[(&str, String)],
    ) -> Result<String, TemplateError> {
        let mut ctx: BTreeMap<String, Value> = match context {
            serde_json::Value::Object(o) => o
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v, Some(k))))
                .collect(),
            _ => BTreeMap::new(),
        };
        for (k, v) in extra_md {
            ctx.insert((*k).to_string(), Value::from_safe_string(v.clone()));
        }
        let template = self
            .env
            .get_template(name)
            .map_err(|e| TemplateError(describe(&e)))?;
        template
            .render(Value::from(ctx))
            .map_err(|e| TemplateError(describe(&e)))
    }
}

/// serde_json → minijinja, with strings under keys ending in `_md` marked safe.
fn to_value(v: &serde_json::Value, key: Option<&str>) -> Value {
    match v {
        serde_json::Value::Null => Value::from(()),
        serde_json::Value::Bool(b) => Value::from(*b),
        serde_json::Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::from(u)
            } else if let Some(i) = n.as_i64() {
                Value::from(i)
            } else {
                Value::from(n.as_f64().unwrap_or(0.0))
            }
        }
        serde_json::Value::String(s) => {
            if key.is_some_and(|k| k.ends_with("_md")) {
                Value::from_safe_string(s.clone())
            } else {
                Value::from(s.clone())
            }
        }
        serde_json::Value::Array(items) => {
            Value::from(items.iter().map(|i| to_value(i, key)).collect::<Vec<_>>())
        }
        serde_json::Value::Object(o) => {
            let map: BTreeMap<String, Value> = o
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v, Some(k))))
                .collect();
            Value::from(map)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_are_escaped_and_md_fields_are_not() {
        let t = Templates::new(Some((
            "mine.j2".into(),
            "{{ name }} {{ name_md }} {{ name | code }} {{ 'x' | todo }} {{ n | thousands }}"
                .into(),
        )))
        .unwrap();
        let ctx = serde_json::json!({"name": "<b>*x*</b>", "name_md": "**y**", "n": 1234567});
        assert_eq!(
            t.render(KNOWN_ISSUES, &ctx, &[]).unwrap(),
            "\\<b\\>\\*x\\*\\</b\\> **y** `<b>*x*</b>` <!-- TODO: x --> 1,234,567"
        );
    }

    #[test]
    fn template_errors_name_the_template() {
        let e = Templates::new(Some(("mine.j2".into(), "{% if %}".into())))
            .err()
            .unwrap();
        assert!(e.0.contains("mine.j2"), "{e}");
    }
}
