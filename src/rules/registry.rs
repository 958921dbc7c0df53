//! The rule registry: one table of every rule with where it runs. A new rule is one line
//! here (`entry!(Definition, my_rule)`), in the group it belongs to; within a group the
//! rules run in the table's order. Tests check that every declared rule is here once (a
//! rule raised by statistics too has a second, `Statistics`, line), that the kind of check
//! agrees with the rule's `scope`, and that every fixture folder names a rule.

use super::*;
use crate::diagnostic::rule::Spec;

pub type DefinitionCheck = fn(&DefinitionContext, &mut Vec<Diagnostic>);
pub type ConnectorCheck = fn(&ConnectorContext, &mut Vec<Diagnostic>);
pub type ChangeCheck = fn(&ChangeContext, &mut Vec<Diagnostic>);
pub type StatisticsCheck = fn(&StatisticsContext, &mut Vec<Diagnostic>);

/// Where a rule runs, with its check function.
#[derive(Clone, Copy)]
pub enum Check {
    /// Raised by the driver while it reads a file; no check function.
    File,
    /// Over a definition's model ([`Scope::Definition`]).
    Definition(DefinitionCheck),
    /// A connector rule ([`Scope::Connector`]) that compares a file with the definition,
    /// so it runs with the definition rules.
    Compared(DefinitionCheck),
    /// Over the connector's other files ([`Scope::Connector`]).
    Connector(ConnectorCheck),
    /// Over a certification package ([`Scope::Connector`]).
    Package(ConnectorCheck),
    /// Over a previous version and the current one ([`Scope::Change`]).
    Change(ChangeCheck),
    /// Over the statistics joined to a definition ([`Scope::Statistics`]).
    Statistics(StatisticsCheck),
}

impl Check {
    /// The scope a rule that runs here declares.
    pub fn scope(self) -> Scope {
        match self {
            Check::File => Scope::File,
            Check::Definition(_) => Scope::Definition,
            Check::Compared(_) | Check::Connector(_) | Check::Package(_) => Scope::Connector,
            Check::Change(_) => Scope::Change,
            Check::Statistics(_) => Scope::Statistics,
        }
    }
}

/// A rule and where it runs.
pub struct Entry {
    pub rule: &'static RuleMeta,
    pub check: Check,
}

macro_rules! entry {
    (File, $rule:ident) => {
        Entry {
            rule: &$rule::RULE,
            check: Check::File,
        }
    };
    ($kind:ident, $rule:ident) => {
        entry!($kind, $rule, check)
    };
    ($kind:ident, $rule:ident, $check:ident) => {
        Entry {
            rule: &$rule::RULE,
            check: Check::$kind($rule::$check),
        }
    };
}

/// Every rule, with where it runs.
#[rustfmt::skip]
pub static RULES: &[Entry] = &[
    // Raised while a file is read (syntax, encoding, suppressions).
    entry!(File, byte_order_mark),
    entry!(File, duplicate_key),
    entry!(File, file_unreadable),
    entry!(File, invalid_utf8),
    entry!(File, suppression_invalid),
    entry!(File, suppression_unused),
    entry!(File, syntax_error),
    // Over a definition, in the order they run; `Compared` rules are connector rules
    // that compare a connector file with the definition, and run among them.
    entry!(Definition, invalid_reference),
    entry!(Definition, unknown_spec_version),
    entry!(Definition, operation_id_required),
    entry!(Definition, operation_id_unique),
    entry!(Definition, operation_summary_required),
    entry!(Definition, param_x_ms_summary_required),
    entry!(Definition, param_description_required),
    entry!(Definition, missing_error_responses),
    entry!(Definition, deprecated_operation),
    entry!(Definition, deprecated_marker_without_flag),
    entry!(Definition, superseded_path),
    entry!(Definition, swagger_version),
    entry!(Definition, info_title_required),
    entry!(Definition, info_title_max_length),
    entry!(Definition, info_title_restricted_words),
    entry!(Definition, info_title_trailing_char),
    entry!(Definition, info_description_length),
    entry!(Definition, info_no_product_names),
    entry!(Definition, info_english),
    entry!(Definition, info_contact_required),
    entry!(Definition, info_contact_email_valid),
    entry!(Definition, connector_metadata_required),
    entry!(Definition, connector_metadata_keys),
    entry!(Definition, connector_metadata_categories_allowed),
    entry!(Definition, connector_metadata_categories_max),
    entry!(Definition, connector_metadata_url_valid),
    entry!(Definition, host_valid),
    entry!(Definition, host_production),
    entry!(Definition, basepath_valid),
    entry!(Definition, schemes_valid),
    entry!(Definition, no_unknown_properties),
    entry!(Definition, tags_unique),
    entry!(Definition, mime_type_supported),
    entry!(Definition, consumes_present),
    entry!(Definition, api_status_valid),
    entry!(Definition, status_not_ahead_of_connector),
    entry!(Definition, operation_id_chars),
    entry!(Definition, operation_id_max_length),
    entry!(Definition, operation_description_required),
    entry!(Definition, operation_summary_max_length),
    entry!(Definition, operation_summary_restricted_chars),
    entry!(Definition, operation_summary_trailing_char),
    entry!(Definition, summary_no_product_names),
    entry!(Definition, operation_description_sentence),
    entry!(Definition, summary_description_differ),
    entry!(Definition, visibility_value),
    entry!(Definition, operation_has_response),
    entry!(Definition, response_schema_present),
    entry!(Definition, response_schema_not_empty),
    entry!(Definition, response_default_no_schema),
    entry!(Definition, response_code_valid),
    entry!(Definition, response_single_schema),
    entry!(Definition, get_no_body),
    entry!(Definition, path_syntax),
    entry!(Definition, path_unique),
    entry!(Definition, path_partial_duplicate),
    entry!(Definition, limits),
    entry!(Definition, param_x_ms_summary_max_length),
    entry!(Definition, param_internal_required_default),
    entry!(Definition, param_internal_optional_default),
    entry!(Definition, path_param_required),
    entry!(Definition, path_param_in_template),
    entry!(Definition, path_param_url_encoding),
    entry!(Definition, query_param_no_url_encoding),
    entry!(Definition, param_reserved_name),
    entry!(Definition, param_unique),
    entry!(Definition, param_single_body),
    entry!(Definition, param_body_schema),
    entry!(Definition, param_file_formdata),
    entry!(Definition, param_allow_empty_value),
    entry!(Definition, param_name_ambiguous),
    entry!(Definition, ref_valid),
    entry!(Definition, schema_required_defined),
    entry!(Definition, schema_array_items),
    entry!(Definition, schema_file_type),
    entry!(Definition, schema_enum),
    entry!(Definition, schema_constraints),
    entry!(Definition, schema_discriminator),
    entry!(Definition, schema_type_format),
    entry!(Definition, schema_format_description),
    entry!(Definition, collection_format),
    entry!(Definition, extension_placement),
    entry!(Definition, extension_name_known),
    entry!(Definition, x_ms_trigger_value),
    entry!(Definition, dynamic_values_target),
    entry!(Definition, dynamic_list_companion),
    entry!(Definition, dynamic_source_not_internal),
    entry!(Definition, dynamic_tree_file_picker),
    entry!(Definition, enum_values_extension),
    entry!(Definition, pageable_next_link),
    entry!(Definition, capabilities_test_connection),
    entry!(Definition, filter_functions),
    entry!(Definition, x_ms_editor_dictionary),
    entry!(Definition, webhook_notification_url),
    entry!(Definition, webhook_notification_content),
    entry!(Definition, x_ms_notification_usage),
    entry!(Definition, annotation_replacement_only_deprecated),
    entry!(Definition, annotation_replacement_complete),
    entry!(Definition, annotation_family_active_max),
    entry!(Definition, annotation_revision_unique),
    entry!(Definition, annotation_revision_suffix),
    entry!(Definition, annotation_shape),
    entry!(Definition, security_requirement_defined),
    entry!(Definition, auth_type_supported),
    entry!(Compared, apiprops_policy_template),
    entry!(Compared, readme_operations_match_swagger),
    entry!(Definition, summary_sentence_case),
    entry!(Definition, x_ms_summary_title_case),
    entry!(Definition, trigger_summary_when),
    entry!(Definition, operation_id_pascal_case),
    entry!(Definition, summary_charset),
    entry!(Definition, response_properties_documented),
    entry!(Definition, operation_visibility_set),
    entry!(Definition, reuse_parameters),
    entry!(Definition, reuse_definitions),
    entry!(Definition, https_only),
    entry!(Definition, deprecated_marker_canonical),
    entry!(Definition, internal_not_deprecation),
    entry!(Definition, extension_value_case),
    entry!(Definition, fetch_subscribe_param_consistency),
    // Over the connector's other files (apiProperties.json, readme/intro.md); they run
    // even when the definition cannot be read.
    entry!(Connector, pkg_swagger_present),
    entry!(Connector, pkg_apiproperties_present),
    entry!(Connector, pkg_readme_present),
    entry!(Connector, pkg_ip_no_icon),
    entry!(Connector, pkg_swagger_size),
    entry!(Connector, pkg_script_size),
    entry!(Connector, apiprops_schema),
    entry!(Connector, apiprops_brand_color_format),
    entry!(Connector, apiprops_brand_color_forbidden),
    entry!(Connector, apiprops_ip_brand_color),
    entry!(Connector, apiprops_publisher),
    entry!(Connector, apiprops_stack_owner),
    entry!(Connector, apiprops_no_secrets),
    entry!(Connector, readme_title_h1),
    entry!(Connector, readme_section_publisher),
    entry!(Connector, readme_section_prerequisites),
    entry!(Connector, readme_section_supported_operations),
    entry!(Connector, readme_section_obtaining_credentials),
    entry!(Connector, readme_section_known_issues),
    entry!(Connector, readme_section_deployment),
    entry!(Connector, readme_ip_oauth_app_steps),
    entry!(Connector, readme_no_template_leftovers),
    entry!(Connector, intro_structure),
    entry!(Connector, intro_no_operations),
    entry!(Connector, readme_file_name),
    entry!(Connector, readme_heading_canonical),
    entry!(Connector, known_issues_substantive),
    entry!(Connector, readme_no_secrets),
    // Over a certification package (a `.zip` checked on its own).
    entry!(Package, pkg_intro_md_present),
    // Over the change from a previous version (`check --previous`).
    entry!(Change, bc_operation_deleted),
    entry!(Change, bc_path_changed),
    entry!(Change, bc_param_location_changed),
    entry!(Change, bc_required_param_added),
    entry!(Change, bc_output_type_changed),
    entry!(Change, bc_auth_type_changed),
    entry!(Change, bc_needs_versioning),
    // Over the statistics joined to a definition (`check --stats`). missing-error-responses,
    // a definition rule, is raised to an error here for operations that really return
    // the errors it misses.
    entry!(Statistics, undocumented_error_status),
    entry!(Statistics, missing_error_responses, check_statistics),
    entry!(Statistics, deprecated_in_use),
    entry!(Statistics, high_error_rate),
    entry!(Statistics, unused_operation),
    entry!(Statistics, unknown_operation),
];

/// Every rule, sorted by id.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut rules: Vec<&'static RuleMeta> = Vec::with_capacity(RULES.len());
    for e in RULES {
        if !rules.iter().any(|r| std::ptr::eq(*r, e.rule)) {
            rules.push(e.rule);
        }
    }
    rules.sort_by_key(|r| r.id);
    rules
}

/// The rule with this id (a lookup table built once).
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    static BY_ID: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static RuleMeta>> =
        std::sync::OnceLock::new();
    BY_ID
        .get_or_init(|| all().into_iter().map(|r| (r.id, r)).collect())
        .get(id)
        .copied()
}

/// Runs every definition rule (and the connector rules compared with the definition)
/// that applies to the definition's specification.
pub fn check_definition(ctx: &DefinitionContext) -> Vec<Diagnostic> {
    let swagger2 = support::swagger::is_swagger2(ctx);
    let mut out = Vec::new();
    for e in RULES {
        if let Check::Definition(check) | Check::Compared(check) = e.check {
            if e.rule.applies_to == Spec::Swagger2 && !swagger2 {
                continue;
            }
            check(ctx, &mut out);
        }
    }
    out
}

/// Runs every connector rule.
pub fn check_connector(ctx: &ConnectorContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in RULES {
        if let Check::Connector(check) = e.check {
            check(ctx, &mut out);
        }
    }
    out
}

/// Runs the package rules.
pub fn check_package(ctx: &ConnectorContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in RULES {
        if let Check::Package(check) = e.check {
            check(ctx, &mut out);
        }
    }
    out
}

/// Runs every breaking-change rule.
pub fn check_change(ctx: &ChangeContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in RULES {
        if let Check::Change(check) = e.check {
            check(ctx, &mut out);
        }
    }
    out
}

/// Runs every statistics rule.
pub fn check_statistics(ctx: &StatisticsContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in RULES {
        if let Check::Statistics(check) = e.check {
            check(ctx, &mut out);
        }
    }
    out
}
