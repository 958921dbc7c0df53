//! `connlint rules` and `connlint explain`.

use connlint::diagnostic::Applicability;
use connlint::rules::{self, Profile};

use super::{ListFormat, Outcome};

/// `connlint rules`: every rule, as a table or as JSON.
pub fn list(format: ListFormat) -> Outcome {
    let all = rules::all();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "severity": r.default_severity,
                        "severities": {
                            "certified": r.severity_for(Profile::Certified),
                            "independent-publisher": r.severity_for(Profile::IndependentPublisher),
                            "custom": r.severity_for(Profile::Custom),
                        },
                        "scope": r.scope,
                        "fix": r.fix,
                        "source": r.source,
                        "summary": r.summary,
                        "doc": r.doc_text(),
                    })
                })
                .collect();
            let mut text = connlint::text::to_json_pretty(&list);
            text.push('\n');
            super::print(&text)
        }
        ListFormat::Pretty => {
            let width = all.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut text = format!(
                "{:width$}  {:8}  {:8}  {:10}  {:6}  summary\n",
                "rule", "severity", "custom", "scope", "fix"
            );
            for r in all {
                text.push_str(&format!(
                    "{:width$}  {:8}  {:8}  {:10}  {:6}  {}\n",
                    r.id,
                    r.default_severity.as_str(),
                    r.severity_for(Profile::Custom).as_str(),
                    r.scope.as_str(),
                    r.fix.map_or("-", |f| f.as_str()),
                    r.summary
                ));
                if let Some(source) = r.source {
                    text.push_str(&format!("{:width$}  source: {source}\n", ""));
                }
            }
            text.push_str("\n`severity` applies to certified and independent-publisher connectors, `custom` to\ncustom connectors. `fix`: safe fixes are applied by `connlint check --fix`, unsafe\nones only with `--unsafe-fixes`. connlint explain RULE prints a rule's documentation.\n");
            super::print(&text)
        }
    }
}

/// `connlint explain RULE`: the rule's facts and documentation.
pub fn explain(id: &str) -> Outcome {
    let Some(rule) = rules::find(id) else {
        let suggestion =
            connlint::text::did_you_mean(id, rules::all().into_iter().map(|r| r.id), |_| 4);
        return Err(format!("unknown rule `{id}`{suggestion} (connlint rules lists them)").into());
    };
    let custom = rule.severity_for(Profile::Custom);
    let custom = if custom == rule.default_severity {
        String::new()
    } else {
        format!(" ({custom} for custom connectors)")
    };
    let mut facts = format!(
        "Default severity: {}{custom}. {}.",
        rule.default_severity,
        connlint::text::capitalize(rule.summary)
    );
    match rule.fix {
        Some(Applicability::Safe) => facts.push_str(" Fix: safe (`connlint check --fix`)."),
        Some(Applicability::Unsafe) => {
            facts.push_str(" Fix: unsafe (`connlint check --fix --unsafe-fixes`).")
        }
        None => {}
    }
    if let Some(source) = rule.source {
        facts.push_str(&format!("\nSource: <{source}>"));
    }
    super::print(&format!(
        "# {}\n\n{facts}\n\n{}\n",
        rule.id,
        rule.doc_text().trim_end()
    ))
}
