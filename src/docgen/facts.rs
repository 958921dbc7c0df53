//! What the Known-issues generator knows about a connector before it writes a word: what
//! makers see of each operation (its name, whether it is an action, a trigger or hidden,
//! which visible action an internal operation serves), the fields they fill and what the
//! definition says about each, the connection they create, and the limits stated
//! anywhere (definition, apiProperties.json policies, the readme).
//!
//! Everything here is read from the connector itself; telemetry is joined later, in
//! [`super::topics`].

use super::knowledge::{self, AuthKind, QueryLanguage};
use super::markdown;
use crate::model::{Definition, Operation};
use crate::syntax::{pointer, Node, NodeKind};

/// The facts of one connector.
pub struct ConnectorFacts<'a> {
    /// How the text names the service: the title without "(Independent Publisher)" and
    /// version suffixes.
    pub service: String,
    /// The definition's operations, which `ops` follows one for one.
    pub operations: &'a [Operation],
    pub ops: Vec<OpFacts<'a>>,
    pub connection: Connection,
    /// Sentences that state a rate limit, as written (definition, policies, readme).
    pub rate_limits: Vec<String>,
    /// Other limits the connector's own texts state (sizes, counts, timeouts), as written.
    pub stated_limits: Vec<String>,
    /// How the connector's texts speak of paying: a balance or a plan.
    pub billing: Billing,
    /// The service's host and base path, for example addresses.
    pub host: Option<String>,
    pub base_path: Option<String>,
}

/// How the connector's own texts (readme, descriptions, 402 responses) speak of paying.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Billing {
    /// Prepaid: a balance, credit or funds that run out.
    pub credit: bool,
    /// A subscription plan with limits.
    pub plan: bool,
}

impl Billing {
    fn of(texts: &[&str]) -> Billing {
        let mut b = Billing::default();
        for t in texts {
            let l = t.to_lowercase();
            b.credit |= [
                "balance",
                "credit",
                "insufficient funds",
                "top up",
                "top-up",
                "prepaid",
            ]
            .iter()
            .any(|w| l.contains(w));
            b.plan |= [
                "your plan",
                "of your plan",
                "plan limit",
                "subscription plan",
                "upgrade your plan",
                "pricing plan",
            ]
            .iter()
            .any(|w| l.contains(w));
        }
        b
    }
}

/// What makers see of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Action,
    /// A trigger that asks the service for new items on a schedule.
    PollingTrigger,
    /// A trigger that registers a webhook when the flow is saved.
    WebhookTrigger,
    /// A hidden operation that removes a webhook when the flow is turned off or deleted.
    WebhookDeletion,
    /// `x-ms-visibility: internal`, not shown to makers.
    Internal,
}

/// Where the results of an operation show up for makers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feed {
    /// The values offered by a field's picker (`x-ms-dynamic-values`, `-list`, `-tree`).
    Picker { user: usize, field: String },
    /// The input fields of an action (`x-ms-dynamic-schema`/`-properties` on a body).
    Fields {
        user: usize,
        /// The fields the schema depends on, as makers see them.
        depends_on: Vec<String>,
    },
    /// The output fields of an action (a dynamic schema on a response).
    Outputs { user: usize },
}

impl Feed {
    pub fn user(&self) -> usize {
        match self {
            Feed::Picker { user, .. } | Feed::Fields { user, .. } | Feed::Outputs { user } => *user,
        }
    }
}

pub struct OpFacts<'a> {
    pub op: &'a Operation,
    /// The name makers see (the summary), with the operationId added when two
    /// operations share it.
    pub name: String,
    /// A deprecated operation named like the one that replaces it: the text calls it
    /// "the older" one.
    pub older: bool,
    pub role: Role,
    pub internal: bool,
    pub deprecated: bool,
    /// Where its results show up, for internal operations called by pickers.
    pub feeds: Vec<Feed>,
    /// The fields makers fill, most likely to be at fault first.
    pub fields: Vec<Field>,
    pub pageable: bool,
    /// The `x-ms-capabilities.testConnection` operation: creating a connection calls it.
    pub test_connection: bool,
    /// Response descriptions that say more than the status, by status.
    pub says: Vec<(u16, String)>,
    /// Statuses whose description speaks only of what the designer prevents ("Returned
    /// if the Account ID is missing"): nothing to tell makers, and no general cause to
    /// put in its place.
    pub moot: Vec<u16>,
    /// Sentences of its description that state a limit, as written.
    pub stated_limits: Vec<String>,
    /// Sentences of its description that state a condition makers must meet ("Usable
    /// only in the support window", "Requires a registered template"), as written.
    pub conditions: Vec<String>,
    /// The names of the fields of its output (the success response's schema, two levels
    /// deep), normalised by [`field_key`].
    pub outputs: Vec<String>,
}

impl OpFacts<'_> {
    /// The name in plain text: "the older Get projects" for an older namesake.
    pub fn plain_name(&self) -> String {
        if self.older {
            format!("the older {}", self.name)
        } else {
            self.name.clone()
        }
    }
    /// Whether makers can pick this operation in the designer.
    pub fn visible(&self) -> bool {
        matches!(
            self.role,
            Role::Action | Role::PollingTrigger | Role::WebhookTrigger
        ) && !self.internal
    }
    pub fn is_trigger(&self) -> bool {
        matches!(self.role, Role::PollingTrigger | Role::WebhookTrigger)
    }
    /// What the definition says about `status` for this operation, if anything.
    pub fn said(&self, status: u16) -> Option<&str> {
        self.says
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, d)| d.as_str())
    }
}

/// A field a maker fills in, and what the definition says a valid value is.
#[derive(Debug, Clone, Default)]
pub struct Field {
    /// As the designer shows it: `x-ms-summary`, else the schema `title`, else the name.
    pub label: String,
    /// The parameter's or property's name.
    pub name: String,
    pub required: bool,
    pub in_path: bool,
    /// The form a value must have.
    pub form: Option<Form>,
    /// "at most 160 characters", "at most 50".
    pub max: Option<String>,
    /// Allowed values, as written.
    pub choices: Vec<String>,
    pub query: Option<&'static QueryLanguage>,
    /// The value comes from a picker.
    pub picked: bool,
    /// A file or binary content.
    pub file: bool,
    /// A sentence of the field's description that states a size limit, as written.
    pub size_note: Option<String>,
    /// Sentences of its description that state a rule for its value ("must have the
    /// country prefix"), beyond its form and limit.
    pub rules: Vec<String>,
}

impl Field {
    /// How much the definition says about a valid value.
    pub fn has_facts(&self) -> bool {
        self.form.is_some()
            || self.max.is_some()
            || !self.choices.is_empty()
            || self.query.is_some()
    }
}

/// What a valid value looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// "an ISO 8601 date and time", "a date in the form YYYY-MM-DD hh:mm".
    pub text: String,
    /// An example in that form, for a code span.
    pub example: Option<String>,
}

/// The connection makers create.
#[derive(Debug, Clone, Default)]
pub struct Connection {
    pub auth: AuthKind,
    pub fields: Vec<ConnectionField>,
    /// The ways to sign in makers choose from (`connectionParameterSets`), when several.
    pub choices: Vec<String>,
    /// Makers sign in with their account (OAuth), in at least one of the ways.
    pub signs_in: bool,
    /// The way to sign in (of `choices`) in which makers sign in with their account.
    pub sign_in_choice: Option<String>,
    /// Where the readme says to get the key or token, when no field's text does.
    pub credential_url: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ConnectionField {
    pub label: String,
    pub secret: bool,
    /// A web address in its description or tooltip (where to get a key or token).
    pub url: Option<String>,
    /// Sentences of its description or tooltip that say more than its label.
    pub notes: Vec<String>,
    /// Its label or description says the value starts with `Bearer `.
    pub bearer: bool,
    /// A `dynamichosturl` policy puts the value into the service's address between these
    /// (`https://`, `.atlassian.net`): makers enter only that part.
    pub host_part: Option<(String, String)>,
}

impl Connection {
    /// The field that holds the secret (API key, token, password): a secure field named
    /// like one first (some publishers mark the user name secure too), else any secure
    /// field that is not a user name or an email address.
    pub fn secret(&self) -> Option<&ConnectionField> {
        let named = |f: &&ConnectionField, words: &[&str]| {
            let l = f.label.to_lowercase();
            words.iter().any(|w| l.contains(w))
        };
        self.fields
            .iter()
            .filter(|f| f.secret)
            .find(|f| named(f, &["token", "key", "password", "secret", "pat"]))
            .or_else(|| {
                self.fields
                    .iter()
                    .filter(|f| f.secret)
                    .find(|f| !named(f, &["email", "user", "name", "login", "account"]))
            })
    }
}

/// Gathers the facts. `docs` are the connector's Markdown files (readme, intro) outside
/// the generated section; `notes` is the publisher's own text kept in the section.
pub fn gather<'a>(
    root: &'a Node,
    def: &'a Definition,
    properties: Option<&'a Node>,
    docs: &[String],
) -> ConnectorFacts<'a> {
    let names = crate::model::display_names(&def.operations);
    let older: Vec<bool> = (0..names.len())
        .map(|i| is_older(&def.operations, &names, i))
        .collect();
    let test_connection = root
        .get("x-ms-capabilities")
        .and_then(|c| c.get("testConnection"))
        .and_then(|t| t.get_str("operationId"));
    let nodes: Vec<Option<&Node>> = def
        .operations
        .iter()
        .map(|op| pointer::resolve(root, &op.pointer).map(|t| t.node))
        .collect();
    let webhook_paths: Vec<&str> = def
        .operations
        .iter()
        .zip(&nodes)
        .filter(|(op, node)| {
            op.trigger.is_some() && node.is_some_and(|n| registers_webhook(root, n))
        })
        .map(|(op, _)| op.path.as_str())
        .collect();
    let mut ops: Vec<OpFacts> = def
        .operations
        .iter()
        .zip(&nodes)
        .zip(names)
        .enumerate()
        .map(|(index, ((op, node), name))| {
            let internal = op.is_internal();
            let role = if op.trigger.is_some() {
                if node.is_some_and(|n| registers_webhook(root, n)) {
                    Role::WebhookTrigger
                } else {
                    Role::PollingTrigger
                }
            } else if op.method == "delete"
                && internal
                && webhook_paths
                    .iter()
                    .any(|p| op.path.starts_with(p.trim_end_matches('/')))
            {
                Role::WebhookDeletion
            } else if internal {
                Role::Internal
            } else {
                Role::Action
            };
            let moot: Vec<u16> = op
                .responses
                .iter()
                .flat_map(|r| &r.entries)
                .filter_map(|r| {
                    let status = match r.code {
                        crate::model::ResponseCode::Status(s) if s >= 400 => s,
                        _ => return None,
                    };
                    let d = knowledge::plain(r.description.as_deref()?);
                    (!knowledge::says_nothing(&d, status)
                        && knowledge::informative(&d, status).is_none())
                    .then_some(status)
                })
                .collect();
            let said = op
                .responses
                .iter()
                .flat_map(|r| &r.entries)
                .filter_map(|r| {
                    let status = match r.code {
                        crate::model::ResponseCode::Status(s) if s >= 400 => s,
                        _ => return None,
                    };
                    let d = r.description.as_deref()?;
                    knowledge::informative(&knowledge::plain(d), status).map(|d| (status, d))
                })
                .collect();
            OpFacts {
                op,
                name,
                older: older[index],
                role,
                internal,
                deprecated: op.deprecated,
                feeds: Vec::new(),
                fields: node.map(|n| fields(root, op, n)).unwrap_or_default(),
                outputs: outputs(root, op),
                pageable: node.is_some_and(|n| n.get("x-ms-pageable").is_some()),
                test_connection: test_connection.is_some()
                    && op.operation_id.as_deref() == test_connection,
                says: said,
                moot,
                stated_limits: op
                    .description
                    .as_deref()
                    .map(|d| limit_sentences(&knowledge::plain(d)))
                    .unwrap_or_default(),
                conditions: op
                    .description
                    .as_deref()
                    .map(knowledge::conditions)
                    .unwrap_or_default(),
            }
        })
        .collect();
    // Which visible action each operation serves, through the dynamic extensions.
    for (user, node) in nodes.iter().enumerate() {
        let Some(node) = node else { continue };
        let mut found = Vec::new();
        dynamic_uses(root, node, &mut found, 0);
        for (op_id, feed) in found {
            let Some(j) = def
                .operations
                .iter()
                .position(|o| o.operation_id.as_deref() == Some(op_id.as_str()))
            else {
                continue;
            };
            let feed = match feed {
                Use::Picker(field) => Feed::Picker { user, field },
                Use::Fields(params) => Feed::Fields {
                    user,
                    depends_on: params
                        .iter()
                        .filter_map(|p| ops[user].op.parameters.iter().find(|q| &q.name == p))
                        .map(|q| q.summary.clone().unwrap_or_else(|| q.name.clone()))
                        .collect(),
                },
                Use::Outputs => Feed::Outputs { user },
            };
            if j != user && !ops[j].feeds.contains(&feed) {
                ops[j].feeds.push(feed);
            }
        }
    }
    let mut rate_limits = Vec::new();
    let mut stated_limits = Vec::new();
    let mut note = |s: String| {
        let list = if knowledge::is_rate_sentence(&s) {
            &mut rate_limits
        } else {
            &mut stated_limits
        };
        if !list.contains(&s) {
            list.push(s);
        }
    };
    if let Some(policy) = throttling_policy(properties) {
        note(policy);
    }
    let info_description = root.get("info").and_then(|i| i.get_str("description"));
    for s in info_description.map(limit_sentences).unwrap_or_default() {
        note(s);
    }
    // A readme often repeats the operations' descriptions: those sentences belong to
    // their operation, not to the connector.
    let of_operations: Vec<String> = ops
        .iter()
        .flat_map(|o| o.stated_limits.iter().map(|s| s.to_lowercase()))
        .collect();
    for doc in docs {
        for block in markdown::plain_blocks(doc) {
            for s in limit_sentences(&block) {
                if !of_operations.contains(&s.to_lowercase()) {
                    note(s);
                }
            }
        }
    }
    let billing = {
        let mut texts: Vec<&str> = docs.iter().map(String::as_str).collect();
        for o in &ops {
            texts.extend(o.op.description.as_deref());
            texts.extend(o.said(402));
        }
        Billing::of(&texts)
    };
    ConnectorFacts {
        service: service_name(def.title.as_deref()),
        operations: &def.operations,
        ops,
        connection: connection(root, properties, docs),
        rate_limits,
        stated_limits,
        billing,
        host: def.host.clone(),
        base_path: def.base_path.clone(),
    }
}

/// The operations a deprecated one's description names as its replacement: "Deprecated:
/// use Get an invoice.", "replaced by **List Projects**", "Please use X instead",
/// "Instead use PUT /checks/api/{id} or PUT /checks/browser/{id}".
pub fn described_successors(ops: &[OpFacts], i: usize) -> Vec<usize> {
    let text = [
        ops[i].op.description.as_deref(),
        ops[i].op.summary.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let text = knowledge::plain(&text).replace(['*', '`', '"', '\u{201c}', '\u{201d}'], "");
    let lower = text.to_lowercase();
    let mut found: Vec<usize> = Vec::new();
    // By name or operationId, after "use", "replaced by", ….
    let mut best: Option<(usize, usize)> = None;
    for lead in [
        "use ",
        "replaced by ",
        "superseded by ",
        "in favor of ",
        "in favour of ",
    ] {
        for (at, _) in lower.match_indices(lead) {
            let rest = &lower[at + lead.len()..];
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            for (j, o) in ops.iter().enumerate() {
                if j == i || o.deprecated {
                    continue;
                }
                let mut candidates = vec![o.name.to_lowercase()];
                if let Some(id) = &o.op.operation_id {
                    candidates.push(id.to_lowercase());
                }
                for c in candidates {
                    if c.is_empty() || !rest.starts_with(&c) {
                        continue;
                    }
                    let ends_word = rest[c.len()..]
                        .chars()
                        .next()
                        .is_none_or(|ch| !ch.is_alphanumeric());
                    if ends_word && best.is_none_or(|(_, len)| c.len() > len) {
                        best = Some((j, c.len()));
                    }
                }
            }
        }
    }
    found.extend(best.map(|(j, _)| j));
    // By method and path: "PUT /checks/api/{id}".
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let method = pair[0].to_ascii_lowercase();
        if !crate::model::METHODS.contains(&method.as_str()) || !pair[1].starts_with('/') {
            continue;
        }
        let path = pair[1].trim_end_matches(['.', ',', ';', ')']);
        for (j, o) in ops.iter().enumerate() {
            if j != i
                && !o.deprecated
                && o.op.method == method
                && same_path(&o.op.path, path)
                && !found.contains(&j)
            {
                found.push(j);
            }
        }
    }
    found
}

/// Whether two paths are the same, path parameters matching whatever their names.
fn same_path(a: &str, b: &str) -> bool {
    let seg = |p: &str| -> Vec<String> {
        p.trim_matches('/')
            .split('/')
            .map(|s| {
                if s.starts_with('{') {
                    "{}".to_string()
                } else {
                    s.to_lowercase()
                }
            })
            .collect()
    };
    let (a, b) = (seg(a), seg(b));
    a == b || (a.len() >= b.len() && a[a.len() - b.len()..] == b[..])
}

/// "Clockify (Independent Publisher)" → "Clockify"; "Snowflake v2" → "Snowflake".
pub fn service_name(title: Option<&str>) -> String {
    let mut t = title.unwrap_or("the service").trim().to_string();
    if let Some(i) = t.find(" (") {
        t.truncate(i);
    }
    for suffix in [" connector", " Connector", " API", " Api"] {
        if let Some(s) = t.strip_suffix(suffix) {
            t = s.to_string();
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 1 {
        let last = words[words.len() - 1];
        let versioned = last
            .strip_prefix(['v', 'V'])
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
        if versioned {
            t = words[..words.len() - 1].join(" ");
        }
    }
    if t.is_empty() {
        "the service".into()
    } else {
        t
    }
}

/// Whether a deprecated operation shares its name with one that is not.
fn is_older(ops: &[Operation], names: &[String], i: usize) -> bool {
    ops[i].deprecated
        && (0..ops.len())
            .any(|j| j != i && !ops[j].deprecated && names[j].eq_ignore_ascii_case(&names[i]))
}

use crate::model::refs::target as deref;

/// A field name or label for comparing: letters and digits, lower case ("Message ID",
/// `message_id` and `messageId` are the same).
pub fn field_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The fields of an operation's output: the properties of its success response's schema,
/// and of their objects and array items, two levels deep (names and labels).
fn outputs(root: &Node, op: &Operation) -> Vec<String> {
    let mut out = Vec::new();
    let Some(r) = op.responses.as_ref() else {
        return out;
    };
    let Some(e) = r
        .entries
        .iter()
        .find(|e| e.code.class() == Some(2) && e.has_schema)
    else {
        return out;
    };
    let Some(resp) = pointer::resolve(root, &e.pointer).map(|t| t.node) else {
        return out;
    };
    let Some(schema) = deref(root, resp).get("schema") else {
        return out;
    };
    fn walk(root: &Node, schema: &Node, depth: usize, out: &mut Vec<String>) {
        if depth > 2 {
            return;
        }
        let schema = deref(root, schema);
        if let Some(items) = schema.get("items") {
            walk(root, items, depth, out);
        }
        for m in schema
            .get("properties")
            .and_then(Node::members)
            .unwrap_or_default()
        {
            let prop = deref(root, &m.value);
            out.push(field_key(&m.key));
            for k in ["x-ms-summary", "title"] {
                if let Some(l) = prop.get_str(k) {
                    out.push(field_key(l));
                }
            }
            walk(root, prop, depth + 1, out);
        }
    }
    walk(root, schema, 0, &mut out);
    out.sort();
    out.dedup();
    out
}

/// Whether an operation registers a webhook: one of its parameters, or a property of its
/// body, carries `x-ms-notification-url: true`.
fn registers_webhook(root: &Node, op: &Node) -> bool {
    fn marked(root: &Node, node: &Node, depth: usize) -> bool {
        if depth > 6 {
            return false;
        }
        let node = deref(root, node);
        if node.get("x-ms-notification-url").and_then(Node::as_bool) == Some(true)
            || node.get_str("x-ms-notification-url") == Some("true")
        {
            return true;
        }
        if let Some(schema) = node.get("schema") {
            if marked(root, schema, depth + 1) {
                return true;
            }
        }
        node.get("properties")
            .and_then(Node::members)
            .is_some_and(|ms| ms.iter().any(|m| marked(root, &m.value, depth + 1)))
    }
    op.get("parameters")
        .and_then(Node::as_array)
        .is_some_and(|ps| ps.iter().any(|p| marked(root, p, 0)))
}

enum Use {
    Picker(String),
    /// The names of the operation's parameters the schema depends on.
    Fields(Vec<String>),
    Outputs,
}

/// The dynamic extensions in an operation: which operation each calls, and for what.
fn dynamic_uses(root: &Node, op: &Node, out: &mut Vec<(String, Use)>, _depth: usize) {
    fn walk(
        root: &Node,
        node: &Node,
        label: Option<String>,
        in_response: bool,
        out: &mut Vec<(String, Use)>,
        depth: usize,
        seen: &mut Vec<*const Node>,
    ) {
        if depth > 12 {
            return;
        }
        let node = deref(root, node);
        let ptr = node as *const Node;
        if node.get("$ref").is_none() && seen.contains(&ptr) {
            return;
        }
        seen.push(ptr);
        let Some(members) = node.members() else {
            if let Some(items) = node.as_array() {
                for i in items {
                    walk(root, i, label.clone(), in_response, out, depth + 1, seen);
                }
            }
            return;
        };
        let here = node
            .get_str("x-ms-summary")
            .or_else(|| node.get_str("title"))
            .or_else(|| node.get_str("name"))
            .map(str::to_string)
            .or(label);
        for m in members {
            let id = |n: &Node| n.get_str("operationId").map(str::to_string);
            match m.key.as_str() {
                "x-ms-dynamic-values" | "x-ms-dynamic-list" => {
                    if let Some(id) = id(&m.value) {
                        out.push((id, Use::Picker(here.clone().unwrap_or_default())));
                    }
                }
                "x-ms-dynamic-tree" => {
                    for part in ["open", "browse"] {
                        if let Some(id) = m.value.get(part).and_then(id) {
                            out.push((id, Use::Picker(here.clone().unwrap_or_default())));
                        }
                    }
                }
                "x-ms-dynamic-schema" | "x-ms-dynamic-properties" => {
                    if let Some(id) = id(&m.value) {
                        let use_ = if in_response {
                            Use::Outputs
                        } else {
                            let params = m
                                .value
                                .get("parameters")
                                .and_then(Node::members)
                                .map(|ps| {
                                    ps.iter()
                                        .filter_map(|p| {
                                            p.value
                                                .get_str("parameter")
                                                .or_else(|| p.value.get_str("parameterReference"))
                                                .map(str::to_string)
                                        })
                                        .collect()
                                })
                                .unwrap_or_default();
                            Use::Fields(params)
                        };
                        out.push((id, use_));
                    }
                }
                "examples" | "example" | "x-ms-notification-content" => {}
                key => {
                    let child_label = if key == "properties" {
                        None
                    } else {
                        here.clone()
                    };
                    walk(
                        root,
                        &m.value,
                        child_label,
                        in_response || key == "responses",
                        out,
                        depth + 1,
                        seen,
                    );
                }
            }
        }
    }
    let mut seen = Vec::new();
    walk(root, op, None, false, out, 0, &mut seen);
}

/// The fields makers fill, most likely to be at fault first.
fn fields(root: &Node, op: &Operation, node: &Node) -> Vec<Field> {
    let _ = node;
    let mut out = Vec::new();
    for p in &op.parameters {
        if p.is_internal() {
            continue;
        }
        let Some(param) = pointer::resolve(root, &p.pointer).map(|t| t.node) else {
            continue;
        };
        if p.location == "body" {
            let Some(schema) = param.get("schema").map(|s| deref(root, s)) else {
                continue;
            };
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Node::as_array)
                .map(|a| a.iter().filter_map(Node::as_str).collect())
                .unwrap_or_default();
            for m in schema
                .get("properties")
                .and_then(Node::members)
                .unwrap_or_default()
            {
                let prop = deref(root, &m.value);
                if is_internal(prop) || prop.get("readOnly").and_then(Node::as_bool) == Some(true) {
                    continue;
                }
                out.push(field(
                    root,
                    &m.key,
                    prop,
                    None,
                    required.contains(&m.key.as_str()),
                    false,
                ));
            }
            continue;
        }
        let schema = param.get("schema").map(|s| deref(root, s));
        out.push(field(
            root,
            &p.name,
            param,
            schema,
            p.required,
            p.location == "path",
        ));
    }
    // Most likely at fault first: query languages, values with a form, limits, choices.
    out.sort_by_key(|f| {
        (
            f.query.is_none(),
            f.form.is_none(),
            f.max.is_none(),
            f.choices.is_empty(),
            !f.required,
        )
    });
    out
}

fn is_internal(node: &Node) -> bool {
    crate::model::is_internal_visibility(node.get_str("x-ms-visibility"))
}

/// One field: `node` is the parameter or property, `schema` its `schema` (OpenAPI 3).
fn field(
    root: &Node,
    name: &str,
    node: &Node,
    schema: Option<&Node>,
    required: bool,
    in_path: bool,
) -> Field {
    let get = |k: &str| node.get(k).or_else(|| schema.and_then(|s| s.get(k)));
    let get_str = |k: &str| get(k).and_then(Node::as_str);
    let label = node
        .get_str("x-ms-summary")
        .or_else(|| get_str("title"))
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(name)
        .trim()
        .to_string();
    let description = &knowledge::plain(node.get_str("description").unwrap_or_default());
    let type_name = get_str("type");
    let format = get_str("format");
    let items = get("items").map(|i| deref(root, i));
    let choices: Vec<String> = get("enum")
        .or_else(|| items.and_then(|i| i.get("enum")))
        .and_then(Node::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| match &v.kind {
                    NodeKind::String(s) => Some(s.clone()),
                    NodeKind::Number(n) => Some(n.to_string()),
                    NodeKind::Bool(b) => Some(b.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let number = |k: &str| match &get(k)?.kind {
        NodeKind::Number(n) => Some(n.to_string()),
        _ => None,
    };
    // A type's own bound (2,147,483,647, say) is no limit worth telling.
    let number =
        |k: &str| number(k).filter(|n| n.parse::<f64>().is_ok_and(|v| v < 1_000_000_000.0));
    // The unit a description gives a number in: "in minutes", "(milliseconds)".
    let unit = {
        let d = description.to_lowercase();
        [
            "milliseconds",
            "seconds",
            "minutes",
            "hours",
            "days",
            "bytes",
            "megabytes",
            "kilobytes",
        ]
        .into_iter()
        .find(|u| d.contains(u) || d.contains(&u[..u.len() - 1]))
    };
    let max = number("maxLength")
        .map(|n| format!("at most {} characters", thousands_text(&n)))
        .or_else(|| {
            number("maximum").map(|n| match unit {
                Some(u) => format!("at most {} {u}", thousands_text(&n)),
                None => format!("at most {}", thousands_text(&n)),
            })
        })
        .or_else(|| number("maxItems").map(|n| format!("at most {} items", thousands_text(&n))))
        .or_else(|| knowledge::stated_maximum(description));
    let picked = [
        "x-ms-dynamic-values",
        "x-ms-dynamic-list",
        "x-ms-dynamic-tree",
    ]
    .iter()
    .any(|k| get(k).is_some());
    let file = type_name == Some("file") || format == Some("binary");
    Field {
        label,
        name: name.to_string(),
        required,
        in_path,
        form: knowledge::form(description, type_name, format, get_str("pattern")),
        max,
        choices: if choices.len() <= 12 {
            choices
        } else {
            Vec::new()
        },
        query: knowledge::query_language(name, description),
        picked,
        file,
        size_note: (file || description.to_lowercase().contains("size"))
            .then(|| {
                limit_sentences(description)
                    .into_iter()
                    .find(|s| knowledge::is_size_sentence(s))
            })
            .flatten(),
        // A rule the form or the maximum above already says is not repeated.
        rules: knowledge::conditions(description)
            .into_iter()
            .chain(limit_sentences(description).into_iter().filter(|s| {
                !knowledge::is_rate_sentence(s) && knowledge::stated_maximum(s).is_none()
            }))
            .filter(|s| {
                knowledge::date_token(s).is_none()
                    && knowledge::stated_maximum(s).is_none()
                    && !s.to_lowercase().contains("iso")
                    && !s.contains(".(")
            })
            .take(2)
            .collect(),
    }
}

fn thousands_text(n: &str) -> String {
    match n.parse::<u64>() {
        Ok(v) if v >= 10_000 => {
            let s = v.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }
        _ => n.to_string(),
    }
}

/// The connection's fields and sign-in, from apiProperties.json and the definition.
fn connection(root: &Node, properties: Option<&Node>, docs: &[String]) -> Connection {
    let schemes = root.get("securityDefinitions").or_else(|| {
        root.get("components")
            .and_then(|c| c.get("securitySchemes"))
    });
    let auth = match schemes
        .and_then(Node::members)
        .and_then(|m| m.first())
        .map(|first| {
            (
                first.value.get_str("type").map(str::to_ascii_lowercase),
                first.value.get_str("scheme").map(str::to_ascii_lowercase),
            )
        }) {
        Some((Some(t), scheme)) => match (t.as_str(), scheme.as_deref()) {
            ("apikey", _) => AuthKind::ApiKey,
            ("basic", _) | ("http", Some("basic")) => AuthKind::Basic,
            ("oauth2" | "openidconnect", _) => AuthKind::OAuth2,
            ("http", _) => AuthKind::ApiKey,
            _ => AuthKind::None,
        },
        _ => AuthKind::None,
    };
    let props = properties.and_then(|p| p.get("properties"));
    let mut params: Vec<&crate::syntax::Member> = props
        .and_then(|p| p.get("connectionParameters"))
        .and_then(Node::members)
        .map(|m| m.iter().collect())
        .unwrap_or_default();
    // Several ways to sign in (`connectionParameterSets`): their names, and the fields of
    // all of them.
    let sets: Vec<&Node> = props
        .and_then(|p| p.get("connectionParameterSets"))
        .and_then(|s| s.get("values"))
        .and_then(Node::as_array)
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let mut choices = Vec::new();
    let mut signs_in = auth == AuthKind::OAuth2;
    let mut sign_in_choice = None;
    for set in &sets {
        let name = set.get("uiDefinition").and_then(|u| {
            u.get_str("displayName")
                .or_else(|| u.get_str("displayname"))
        });
        if let Some(name) = name {
            choices.push(name.trim().to_string());
            let oauth = set
                .get("parameters")
                .and_then(Node::members)
                .unwrap_or_default()
                .iter()
                .any(|m| {
                    m.value
                        .get_str("type")
                        .is_some_and(|k| k.eq_ignore_ascii_case("oauthSetting"))
                        || m.value.get("oAuthSettings").is_some()
                });
            if oauth && sign_in_choice.is_none() {
                sign_in_choice = Some(name.trim().to_string());
            }
        }
        if params.is_empty() || sets.len() > 1 {
            for m in set
                .get("parameters")
                .and_then(Node::members)
                .unwrap_or_default()
            {
                params.push(m);
            }
        }
    }
    let mut fields: Vec<ConnectionField> = Vec::new();
    for m in &params {
        let kind = m.value.get_str("type").unwrap_or_default();
        if kind.eq_ignore_ascii_case("oauthSetting") || m.value.get("oAuthSettings").is_some() {
            signs_in = true;
            continue;
        }
        let Some(ui) = m.value.get("uiDefinition") else {
            continue;
        };
        let hidden = ui
            .get("constraints")
            .and_then(|c| c.get("hidden"))
            .is_some_and(|h| h.as_bool() == Some(true) || h.as_str() == Some("true"));
        let Some(label) = ui
            .get_str("displayName")
            .or_else(|| ui.get_str("displayname"))
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
        else {
            continue;
        };
        if hidden || fields.iter().any(|f| f.label == label) {
            continue;
        }
        let texts: Vec<&str> = [ui.get_str("description"), ui.get_str("tooltip")]
            .into_iter()
            .flatten()
            .collect();
        let url = texts.iter().find_map(|t| first_url(t));
        let host_part = host_part(properties, &m.key);
        let mut notes: Vec<String> = Vec::new();
        // The description only (tooltips repeat it, or give examples a policy may
        // contradict); none when a policy says what the field is.
        let described: Vec<&str> = if host_part.is_some() {
            Vec::new()
        } else {
            ui.get_str("description").into_iter().collect()
        };
        for t in &described {
            for sentence in knowledge::sentences(t) {
                if says_more_than_label(&sentence, &label) && !notes.contains(&sentence) {
                    notes.push(sentence);
                }
            }
        }
        notes.truncate(2);
        let bearer = texts
            .iter()
            .chain(std::iter::once(&label.as_str()))
            .any(|t| t.to_lowercase().contains("bearer"));
        fields.push(ConnectionField {
            secret: kind.eq_ignore_ascii_case("securestring")
                || label.to_lowercase().contains("password"),
            label,
            url,
            notes,
            bearer,
            host_part,
        });
    }
    let sign_in_choice = sign_in_choice.filter(|_| choices.len() > 1);
    Connection {
        auth,
        fields,
        choices: if choices.len() > 1 {
            choices
        } else {
            Vec::new()
        },
        signs_in,
        sign_in_choice,
        credential_url: docs.iter().find_map(|d| credential_link(d)),
    }
}

/// The readme's link to where keys or tokens are made: one whose address or text names
/// them ("[tyntec API Key](http://my.tyntec.com/api-settings)", "[Log in to the manage
/// profile section](https://id.atlassian.com/manage-profile/security/api-tokens)"), not
/// one to API documentation or a sign-up page.
fn credential_link(doc: &str) -> Option<String> {
    const PLACES: [&str; 8] = [
        "token",
        "api-key",
        "apikey",
        "api_key",
        "api-settings",
        "credential",
        "security",
        "developer-settings",
    ];
    const NAMES: [&str; 4] = ["api key", "token", "access key", "api settings"];
    const NOT: [&str; 7] = [
        "/docs",
        "reference",
        "/rest/",
        "sign-up",
        "signup",
        "create-account",
        "register",
    ];
    let links = crate::syntax::markdown::links(doc);
    let usable = |l: &&crate::syntax::markdown::Link| {
        let url = l.url.to_lowercase();
        url.starts_with("http") && !NOT.iter().any(|n| url.contains(n))
    };
    let by_address = links.iter().filter(usable).find(|l| {
        let url = l.url.to_lowercase();
        PLACES.iter().any(|p| url.contains(p))
    });
    let by_name = || {
        links.iter().filter(usable).find(|l| {
            let text = l.text.to_lowercase();
            NAMES.iter().any(|n| text.contains(n))
        })
    };
    by_address.or_else(by_name).map(|l| l.url.clone())
}

/// Where a `dynamichosturl` policy puts connection parameter `key` in the service's
/// address: the text before and after it (`https://`, `.atlassian.net`), when something
/// follows it in the host.
fn host_part(properties: Option<&Node>, key: &str) -> Option<(String, String)> {
    let policies = properties?
        .get("properties")?
        .get("policyTemplateInstances")?
        .as_array()?;
    let marker = format!("@connectionParameters('{key}')");
    policies.iter().find_map(|p| {
        if !p
            .get_str("templateId")?
            .eq_ignore_ascii_case("dynamichosturl")
        {
            return None;
        }
        let url = p
            .get("parameters")?
            .get_str("x-ms-apimTemplateParameter.urlTemplate")?;
        let at = url.find(&marker)?;
        let before = &url[..at];
        let after = &url[at + marker.len()..];
        let host_rest: String = after.chars().take_while(|c| *c != '/').collect();
        (!host_rest.is_empty() && !host_rest.contains('@')).then(|| (before.to_string(), host_rest))
    })
}

/// Whether a sentence of a connection field's description says more than its label:
/// two words or more that are neither in the label nor filler ("Provide your API key",
/// "The API Key for this api" say nothing).
fn says_more_than_label(sentence: &str, label: &str) -> bool {
    const FILLER: [&str; 40] = [
        "your",
        "the",
        "for",
        "this",
        "api",
        "provide",
        "enter",
        "here",
        "please",
        "of",
        "to",
        "a",
        "an",
        "and",
        "or",
        "is",
        "used",
        "use",
        "value",
        "connection",
        "account",
        "key",
        "token",
        "name",
        "id",
        "field",
        "you",
        "with",
        "in",
        "be",
        "will",
        "that",
        "it",
        "from",
        "connector",
        "specify",
        "type",
        "service",
        "input",
        "required",
    ];
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .collect()
    };
    let in_label = words(label);
    // A web address says where to get the value, which the text says elsewhere.
    let without_urls: String = sentence
        .split_whitespace()
        .filter(|w| !w.contains("://"))
        .collect::<Vec<_>>()
        .join(" ");
    let new = words(&without_urls)
        .into_iter()
        .filter(|w| !in_label.contains(w) && !FILLER.contains(&w.as_str()))
        .count();
    new >= 2 && sentence.split_whitespace().count() <= 30
}

/// The first `https://` address in a text, without trailing punctuation.
fn first_url(text: &str) -> Option<String> {
    let start = text.find("https://")?;
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ')' | '"' | '\'' | '<' | '>'))
        .collect();
    let url = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    (url.len() > "https://".len() + 3).then(|| url.to_string())
}

/// A throttling policy of apiProperties.json, as a sentence.
fn throttling_policy(properties: Option<&Node>) -> Option<String> {
    let policies = properties
        .and_then(|p| p.get("properties"))
        .and_then(|p| p.get("policyTemplateInstances"))
        .and_then(Node::as_array)?;
    policies.iter().find_map(|policy| {
        let id = policy.get_str("templateId")?.to_ascii_lowercase();
        if !["ratelimit", "rate-limit", "throttl", "quota"]
            .iter()
            .any(|w| id.contains(w))
        {
            return None;
        }
        let params = policy.get("parameters")?;
        let find = |words: &[&str]| {
            params.members()?.iter().find_map(|m| {
                let k = m.key.to_ascii_lowercase();
                if !words.iter().any(|w| k.contains(w)) {
                    return None;
                }
                match &m.value.kind {
                    NodeKind::Number(n) => Some(n.to_string()),
                    NodeKind::String(s) if s.trim().parse::<f64>().is_ok() => {
                        Some(s.trim().to_string())
                    }
                    _ => None,
                }
            })
        };
        match (
            find(&["calls", "count", "limit"]),
            find(&["renewal", "period", "seconds", "interval"]),
        ) {
            (Some(calls), Some(period)) => Some(format!(
                "The connector allows at most {calls} calls every {period} seconds per connection."
            )),
            _ => None,
        }
    })
}

/// The sentences of a text that state a limit: a number together with a limit word.
pub fn limit_sentences(text: &str) -> Vec<String> {
    knowledge::sentences(text)
        .into_iter()
        .filter(|s| knowledge::states_limit(s) && !knowledge::is_code_like(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_names() {
        assert_eq!(
            service_name(Some("Clockify (Independent Publisher)")),
            "Clockify"
        );
        assert_eq!(service_name(Some("Snowflake v2")), "Snowflake");
        assert_eq!(service_name(Some("JIRA")), "JIRA");
        assert_eq!(service_name(Some("Contoso Tickets API")), "Contoso Tickets");
        assert_eq!(service_name(None), "the service");
    }

    #[test]
    fn the_secret_is_the_token_not_a_secure_user_name() {
        let field = |label: &str, secret| ConnectionField {
            label: label.into(),
            secret,
            ..ConnectionField::default()
        };
        let c = Connection {
            auth: AuthKind::Basic,
            fields: vec![field("email", true), field("API Key", true)],
            ..Connection::default()
        };
        assert_eq!(c.secret().unwrap().label, "API Key");
        let c = Connection {
            auth: AuthKind::ApiKey,
            fields: vec![
                field("Instance", false),
                field("Personal Access Token", true),
            ],
            ..Connection::default()
        };
        assert_eq!(c.secret().unwrap().label, "Personal Access Token");
        let c = Connection {
            auth: AuthKind::Basic,
            fields: vec![field("Username", true)],
            ..Connection::default()
        };
        assert!(c.secret().is_none());
    }

    #[test]
    fn where_keys_are_made() {
        let readme = "See the [API reference](https://api.example.com/reference/tokens).\n\
                      - [Example API Key](http://my.example.com/api-settings)\n";
        assert_eq!(
            credential_link(readme).as_deref(),
            Some("http://my.example.com/api-settings")
        );
        let readme = "* [Log in to your profile](https://id.example.com/manage-profile/security/api-tokens) \
                      and click 'Create API Token'.\n* [Sign up](https://www.example.com/signup)";
        assert_eq!(
            credential_link(readme).as_deref(),
            Some("https://id.example.com/manage-profile/security/api-tokens")
        );
        assert_eq!(
            credential_link("[Docs](https://example.com/docs/api-key)"),
            None
        );
    }

    #[test]
    fn informative_connection_notes() {
        assert!(!says_more_than_label(
            "Your API token (https://id.atlassian.com/manage/api-tokens).",
            "API token"
        ));
        assert!(says_more_than_label(
            "For JIRA Cloud you need to use a valid email address.",
            "Username or Email"
        ));
        assert!(!says_more_than_label(
            "Your JIRA username.",
            "Username or Email"
        ));
        assert!(!says_more_than_label(
            "The API Key (in the form 'Bearer apiKey') for this api",
            "API Key (in the form 'Bearer apiKey')"
        ));
        assert!(!says_more_than_label("Provide your API Key", "API Key"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            first_url("Your API token (https://id.atlassian.com/manage/api-tokens)."),
            Some("https://id.atlassian.com/manage/api-tokens".into())
        );
        assert_eq!(first_url("no link"), None);
    }
}
