//! `unknown-operation`: traffic for operations or paths the definition does not have.

use super::support::statistics::seen;
use super::StatisticsContext;
use crate::diagnostic::{Diagnostic, Severity};
use crate::stats::UnmatchedKind;
use crate::syntax::pointer::join;
use crate::text::thousands;

crate::declare_rule! {
    /// ## What it does
    /// With statistics (`--stats`), reports traffic the definition cannot account for:
    /// operationIds it does not have (typically operations of an older connector version
    /// that flows still call), methods a documented path does not offer, and paths that
    /// match no operation (reported as info, since backend logs also hold health probes
    /// and other non-connector calls; ignore those with an ignore list).
    ///
    /// ## Why is this bad?
    /// Calls to an operation that no longer exists fail, usually with 404, and count
    /// against the connector's success rate. Microsoft's telemetry guidance attributes 404s
    /// to exactly this: makers calling an operation that was removed or deprecated.
    /// Unmatched paths can also mean the definition is incomplete.
    ///
    /// ## How to fix
    /// Bring a removed operation back as `deprecated: true` with a pointer to its
    /// replacement, or tell makers in `intro.md` which action replaces it. Add operations
    /// for endpoints makers really use; ignore paths that are not connector traffic.
    pub static RULE = {
        id: "unknown-operation",
        severity: Warning,
        scope: Statistics,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/telemetry",
        summary: "traffic for an operationId, method or path the definition does not have",
    };
}

pub fn check(ctx: &StatisticsContext, out: &mut Vec<Diagnostic>) {
    let (def, report) = (ctx.definition, ctx.report);
    let op_pointer = |name: &str| {
        def.operations
            .iter()
            .find(|o| o.operation_id.as_deref() == Some(name))
            .map(|o| o.pointer.clone())
    };
    for u in &report.unknown_operation_ids {
        let calls = thousands(u.responses.requests);
        match &u.counted_as {
            None => out.push(
                RULE
                    .diagnostic(format!(
                        "{calls} calls for operationId `{}`, which the definition does not have (an operation of an older version that flows still call?)",
                        u.operation_id
                    ))
                    .at("/paths")
                    .help(format!(
                        "those calls fail for makers: bring the operation back as deprecated with a pointer to its replacement, or say in intro.md which action replaces it{}",
                        seen(u.first_seen.as_ref())
                    )),
            ),
            // counted as unmatched traffic: the unmatched finding below covers it
            Some(counted) if op_pointer(counted).is_none() && !counted.contains('|') => {}
            Some(counted) => {
                let mut d = RULE
                    .diagnostic(format!(
                        "{calls} calls for operationId `{}`, which the definition does not have, were counted by their path as {counted}",
                        u.operation_id
                    ))
                    .at(op_pointer(counted).unwrap_or_else(|| "/paths".into()))
                    .help(format!(
                        "if that is a removed operation whose path now falls into another template, its errors show up under the wrong operation; statistics keyed by the connector's operationId avoid this{}",
                        seen(u.first_seen.as_ref())
                    ));
                d.severity = Severity::Info;
                if op_pointer(counted).is_some() {
                    d = d.operation(Some(counted));
                }
                out.push(d);
            }
        }
    }
    for u in &report.unmatched {
        let calls = thousands(u.responses.requests);
        let method = if u.method.is_empty() {
            "(any method)"
        } else {
            &u.method
        };
        let d = match (u.kind, &u.fits) {
            (UnmatchedKind::UndocumentedMethod, Some(fits)) => {
                let path_item = if def.operations.iter().any(|o| &o.path == fits) {
                    join("/paths", fits)
                } else {
                    "/paths".into()
                };
                RULE
                    .diagnostic(format!(
                        "{calls} calls to `{method} {}`: the path fits `{fits}`, which has no {method} operation",
                        u.path
                    ))
                    .at(path_item)
                    .help(format!(
                        "document the operation if makers need it, or find out who calls it (e.g. {}){}",
                        u.sample_path,
                        seen(u.first_seen.as_ref())
                    ))
            }
            _ => {
                let mut d = RULE
                    .diagnostic(format!(
                        "{calls} calls to `{method} {}`, which matches no operation",
                        u.path
                    ))
                    .at("/paths")
                    .help(format!(
                        "add an operation if this is connector traffic (e.g. {}); ignore the path if it is not (health probes, other clients){}",
                        u.sample_path,
                        seen(u.first_seen.as_ref())
                    ));
                d.severity = Severity::Info;
                d
            }
        };
        out.push(d);
    }
}
