//! Rules: pure functions over the connector model that produce diagnostics.
//!
//! Each rule lives in its own file and is declared with [`declare_rule!`], which turns the
//! rule's doc comment into the text `connlint explain` prints. The doc's ```` ```json ````
//! blocks under `## Example` must trigger the rule and those under `## Use instead` must
//! not; a test runs them.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::model::{Definition, Operation};
use crate::syntax::{edit, Node};

pub use crate::diagnostic::rule::{Profile, RuleMeta, Scope};

/// A Markdown document of the connector (readme.md or intro.md).
pub struct ConnectorDoc<'a> {
    pub kind: crate::diagnostic::FileKind,
    pub text: &'a str,
}

/// What every connector rule sees: the files that could be read.
pub struct ConnectorContext<'a> {
    pub dir: &'a std::path::Path,
    pub profile: Profile,
    /// For a certification package (a `.zip`): the names at its root.
    pub package: Option<&'a [String]>,
    /// apiProperties.json, when present and readable.
    pub properties: Option<&'a Node>,
    pub docs: Vec<ConnectorDoc<'a>>,
}

/// What a definition rule sees.
pub struct DefinitionContext<'a> {
    pub root: &'a Node,
    pub definition: &'a Definition,
    pub connector: &'a ConnectorContext<'a>,
    /// The definition's text and format, for rules that offer a fix as a text edit.
    pub text: &'a str,
    pub format: crate::syntax::Format,
    /// Every object of the document, walked once for all the rules that need it.
    pub walk: std::cell::OnceCell<swagger::Walk<'a>>,
    /// Every `parameters` list, computed once for the rules that need it.
    pub parameters: std::cell::OnceCell<Vec<Vec<swagger::ParamEntry<'a>>>>,
    /// Every parameter object, computed once for the rules that need it.
    pub parameter_objects: std::cell::OnceCell<Vec<swagger::ParamObject<'a>>>,
}

impl DefinitionContext<'_> {
    /// A fix that adds `key: value` to the object at `pointer`, written in the style of
    /// its siblings (the same edit `connlint tooltips --write` makes).
    pub fn add_key_fix(
        &self,
        pointer: &str,
        key: &str,
        value: impl Into<serde_json::Value>,
        applicability: Applicability,
    ) -> Option<Fix> {
        let value = value.into();
        let description = format!(
            "add {}: {}",
            serde_json::to_string(key).ok()?,
            serde_json::to_string(&value).ok()?
        );
        let edit = edit::KeyEdit {
            pointer: pointer.to_string(),
            key: key.to_string(),
            value,
            replace: false,
        };
        let edits = edit::plan(self.text, self.root, self.format, &[edit]).ok()?;
        Some(Fix {
            description,
            applicability,
            edits,
        })
    }

    /// A fix that replaces the string at `pointer` with `value`, quoted the way the old
    /// one was. `None` when there is no string there or it is a multi-line YAML scalar.
    pub fn replace_string_fix(
        &self,
        pointer: &str,
        value: &str,
        applicability: Applicability,
    ) -> Option<Fix> {
        let node = crate::syntax::pointer::resolve(self.root, pointer)?.node;
        node.as_str()?;
        let edit = edit::replace_scalar(self.text, self.format, node.span, value)?;
        Some(Fix {
            description: format!("write {}", serde_json::to_string(value).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix that renames the key of the member at `pointer` to `key`. `None` when the
    /// object already has that key.
    pub fn rename_key_fix(
        &self,
        pointer: &str,
        key: &str,
        applicability: Applicability,
    ) -> Option<Fix> {
        let (parent, _) = pointer.rsplit_once('/')?;
        let parent = crate::syntax::pointer::resolve(self.root, parent)?.node;
        if parent.member(key).is_some() {
            return None;
        }
        let key_span = crate::syntax::pointer::resolve(self.root, pointer)?.key_span?;
        let edit = edit::replace_scalar(self.text, self.format, key_span, key)?;
        Some(Fix {
            description: format!("rename the key to {}", serde_json::to_string(key).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix that removes the member at `pointer` (its key, value and separator), leaving
    /// its siblings as they were written. `None` where the layout is unusual (see
    /// [`edit::remove_member`]).
    pub fn remove_member_fix(&self, pointer: &str, applicability: Applicability) -> Option<Fix> {
        let (key, edit) = edit::remove_member(self.text, self.root, pointer)?;
        Some(Fix {
            description: format!("remove {}", serde_json::to_string(&key).ok()?),
            applicability,
            edits: vec![edit],
        })
    }

    /// A fix for a text that must end with a letter, a digit or `)`: removing trailing
    /// white space is safe (nobody means it); removing punctuation (`Contoso Inc.`) may
    /// change what the text says, so that fix is unsafe.
    pub fn trailing_char_fix(&self, pointer: &str, text: &str) -> Option<Fix> {
        let ends_well = |t: &str| t.ends_with(|c: char| c.is_alphanumeric() || c == ')');
        let trimmed = text.trim_end();
        if ends_well(trimmed) {
            return self.replace_string_fix(pointer, trimmed, Applicability::Safe);
        }
        let bare = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
        if bare.is_empty() {
            return None;
        }
        self.replace_string_fix(pointer, bare, Applicability::Unsafe)
    }
}

impl<'a> DefinitionContext<'a> {
    /// Every object of the document in file order (see [`swagger::objects`]), computed on
    /// first use and shared by the rules.
    pub fn objects(&self) -> &swagger::Walk<'a> {
        self.walk.get_or_init(|| swagger::objects(self.root))
    }

    /// The entries of every `parameters` list (see [`swagger::parameter_lists`]),
    /// computed on first use and shared by the rules.
    pub fn parameter_lists(&self) -> &[Vec<swagger::ParamEntry<'a>>] {
        self.parameters
            .get_or_init(|| swagger::parameter_lists(self.root))
    }

    /// Every parameter object (see [`swagger::parameter_objects`]), computed on first use
    /// and shared by the rules.
    pub fn parameter_objects(&self) -> &[swagger::ParamObject<'a>] {
        self.parameter_objects
            .get_or_init(|| swagger::parameter_objects_in(self.root, self.parameter_lists()))
    }

    pub fn operations(&self) -> &[Operation] {
        &self.definition.operations
    }
}

/// What a breaking-change rule sees: the previous version and the current one.
pub struct ChangeContext<'c, 'a> {
    pub previous_root: &'c Node,
    pub previous: &'c Definition,
    /// The previous apiProperties.json, when it was given and readable.
    pub previous_properties: Option<&'c Node>,
    /// Where the previous version comes from, for messages.
    pub source: &'c str,
    pub current: &'c DefinitionContext<'a>,
}

impl<'c, 'a: 'c> ChangeContext<'c, 'a> {
    /// Each operation of the previous version with its counterpart in the current one:
    /// the same operationId, or for operations without one the same method and path.
    pub fn matched(&self) -> Vec<(&'c Operation, Option<&'c Operation>)> {
        let now = &self.current.definition.operations;
        self.previous
            .operations
            .iter()
            .map(|old| {
                let new = match &old.operation_id {
                    Some(id) => now.iter().find(|o| o.operation_id.as_ref() == Some(id)),
                    None => now.iter().find(|o| {
                        o.operation_id.is_none() && o.method == old.method && o.path == old.path
                    }),
                };
                (old, new)
            })
            .collect()
    }
}

/// What a statistics rule sees: the definition and the statistics joined to it
/// (`check --stats`).
pub struct StatisticsContext<'a> {
    pub definition: &'a Definition,
    pub report: &'a crate::stats::StatsReport,
    pub thresholds: &'a crate::stats::Thresholds,
    /// Each operation of the report with its operation in the definition, in the
    /// report's order.
    operations: Vec<(&'a Operation, &'a crate::stats::OperationStats)>,
}

impl<'a> StatisticsContext<'a> {
    pub fn new(
        definition: &'a Definition,
        report: &'a crate::stats::StatsReport,
        thresholds: &'a crate::stats::Thresholds,
    ) -> StatisticsContext<'a> {
        let by_pointer: std::collections::HashMap<&str, &Operation> = definition
            .operations
            .iter()
            .map(|o| (o.pointer.as_str(), o))
            .collect();
        let operations = report
            .operations
            .iter()
            .filter_map(|s| Some((*by_pointer.get(s.pointer.as_str())?, s)))
            .collect();
        StatisticsContext {
            definition,
            report,
            thresholds,
            operations,
        }
    }

    /// The operations the statistics counted, with their numbers.
    pub fn operations(
        &self,
    ) -> impl Iterator<Item = (&'a Operation, &'a crate::stats::OperationStats)> + '_ {
        self.operations.iter().copied()
    }
}

pub type DefinitionCheck = fn(&DefinitionContext, &mut Vec<Diagnostic>);
pub type StatisticsCheck = fn(&StatisticsContext, &mut Vec<Diagnostic>);
pub type ChangeCheck = fn(&ChangeContext, &mut Vec<Diagnostic>);
pub type ConnectorCheck = fn(&ConnectorContext, &mut Vec<Diagnostic>);

pub mod byte_order_mark;
pub mod deprecated_in_use;
pub mod deprecated_marker_without_flag;
pub mod deprecated_operation;
pub mod duplicate_key;
pub mod file_unreadable;
pub mod high_error_rate;
pub mod invalid_reference;
pub mod invalid_utf8;
pub mod missing_error_responses;
pub mod operation_id_required;
pub mod operation_id_unique;
pub mod operation_summary_required;
pub mod param_description_required;
pub mod param_x_ms_summary_required;
pub mod superseded_path;
pub mod support;
pub mod suppression_invalid;
pub mod suppression_unused;
pub mod syntax_error;
pub mod undocumented_error_status;
pub mod unknown_operation;
pub mod unknown_spec_version;
pub mod unused_operation;

pub mod deprecation;

pub mod annotation_family_active_max;
pub mod annotation_replacement_complete;
pub mod annotation_replacement_only_deprecated;
pub mod annotation_revision_suffix;
pub mod annotation_revision_unique;
pub mod annotation_shape;
pub mod api_status_valid;
pub mod apiprops_brand_color_forbidden;
pub mod apiprops_brand_color_format;
pub mod apiprops_ip_brand_color;
pub mod apiprops_no_secrets;
pub mod apiprops_policy_template;
pub mod apiprops_publisher;
pub mod apiprops_schema;
pub mod apiprops_stack_owner;
pub mod auth_type_supported;
pub mod basepath_valid;
pub mod bc_auth_type_changed;
pub mod bc_needs_versioning;
pub mod bc_operation_deleted;
pub mod bc_output_type_changed;
pub mod bc_param_location_changed;
pub mod bc_path_changed;
pub mod bc_required_param_added;
pub mod capabilities_test_connection;
pub mod collection_format;
pub mod connector_metadata_categories_allowed;
pub mod connector_metadata_categories_max;
pub mod connector_metadata_keys;
pub mod connector_metadata_required;
pub mod connector_metadata_url_valid;
pub mod consumes_present;
pub mod deprecated_marker_canonical;
pub mod dynamic_list_companion;
pub mod dynamic_source_not_internal;
pub mod dynamic_tree_file_picker;
pub mod dynamic_values_target;
pub mod enum_values_extension;
pub mod extension_name_known;
pub mod extension_placement;
pub mod extension_value_case;
pub mod extensions;
pub mod fetch_subscribe_param_consistency;
pub mod filter_functions;
pub mod get_no_body;
pub mod host_production;
pub mod host_valid;
pub mod https_only;
pub mod info_contact_email_valid;
pub mod info_contact_required;
pub mod info_description_length;
pub mod info_english;
pub mod info_no_product_names;
pub mod info_title_max_length;
pub mod info_title_required;
pub mod info_title_restricted_words;
pub mod info_title_trailing_char;
pub mod internal_not_deprecation;
pub mod intro_no_operations;
pub mod intro_structure;
pub mod known_issues_substantive;
pub mod limits;
pub mod markdown;
pub mod mime_type_supported;
pub mod no_unknown_properties;
pub mod operation_description_required;
pub mod operation_description_sentence;
pub mod operation_has_response;
pub mod operation_id_chars;
pub mod operation_id_max_length;
pub mod operation_id_pascal_case;
pub mod operation_summary_max_length;
pub mod operation_summary_restricted_chars;
pub mod operation_summary_trailing_char;
pub mod operation_visibility_set;
pub mod package;
pub mod pageable_next_link;
pub mod param_allow_empty_value;
pub mod param_body_schema;
pub mod param_file_formdata;
pub mod param_internal_optional_default;
pub mod param_internal_required_default;
pub mod param_name_ambiguous;
pub mod param_reserved_name;
pub mod param_single_body;
pub mod param_unique;
pub mod param_x_ms_summary_max_length;
pub mod path_param_in_template;
pub mod path_param_required;
pub mod path_param_url_encoding;
pub mod path_partial_duplicate;
pub mod path_syntax;
pub mod path_unique;
pub mod pkg_apiproperties_present;
pub mod pkg_intro_md_present;
pub mod pkg_ip_no_icon;
pub mod pkg_readme_present;
pub mod pkg_script_size;
pub mod pkg_swagger_present;
pub mod pkg_swagger_size;
pub mod query_param_no_url_encoding;
pub mod readme_file_name;
pub mod readme_heading_canonical;
pub mod readme_ip_oauth_app_steps;
pub mod readme_no_secrets;
pub mod readme_no_template_leftovers;
pub mod readme_operations_match_swagger;
pub mod readme_section_deployment;
pub mod readme_section_known_issues;
pub mod readme_section_obtaining_credentials;
pub mod readme_section_prerequisites;
pub mod readme_section_publisher;
pub mod readme_section_supported_operations;
pub mod readme_sections;
pub mod readme_title_h1;
pub mod ref_valid;
pub mod response_code_valid;
pub mod response_default_no_schema;
pub mod response_properties_documented;
pub mod response_schema_not_empty;
pub mod response_schema_present;
pub mod response_single_schema;
pub mod reuse_definitions;
pub mod reuse_parameters;
pub mod schema_array_items;
pub mod schema_constraints;
pub mod schema_discriminator;
pub mod schema_enum;
pub mod schema_file_type;
pub mod schema_format_description;
pub mod schema_required_defined;
pub mod schema_type_format;
pub mod schemes_valid;
pub mod security_requirement_defined;
pub mod status_not_ahead_of_connector;
pub mod summary_charset;
pub mod summary_description_differ;
pub mod summary_no_product_names;
pub mod summary_sentence_case;
pub mod swagger;
pub mod swagger_version;
pub mod tags_unique;
pub mod text;
pub mod trigger_summary_when;
pub mod visibility_value;
pub mod webhook_notification_content;
pub mod webhook_notification_url;
pub mod x_ms_editor_dictionary;
pub mod x_ms_notification_usage;
pub mod x_ms_summary_title_case;
pub mod x_ms_trigger_value;

/// Rules over a definition, in the order they run.
pub static DEFINITION_RULES: &[(&RuleMeta, DefinitionCheck)] = &[
    (&invalid_reference::RULE, invalid_reference::check),
    (&unknown_spec_version::RULE, unknown_spec_version::check),
    (&operation_id_required::RULE, operation_id_required::check),
    (&operation_id_unique::RULE, operation_id_unique::check),
    (
        &operation_summary_required::RULE,
        operation_summary_required::check,
    ),
    (
        &param_x_ms_summary_required::RULE,
        param_x_ms_summary_required::check,
    ),
    (
        &param_description_required::RULE,
        param_description_required::check,
    ),
    (
        &missing_error_responses::RULE,
        missing_error_responses::check,
    ),
    (&deprecated_operation::RULE, deprecated_operation::check),
    (
        &deprecated_marker_without_flag::RULE,
        deprecated_marker_without_flag::check,
    ),
    (&superseded_path::RULE, superseded_path::check),
    (&swagger_version::RULE, swagger_version::check),
    (&info_title_required::RULE, info_title_required::check),
    (&info_title_max_length::RULE, info_title_max_length::check),
    (
        &info_title_restricted_words::RULE,
        info_title_restricted_words::check,
    ),
    (
        &info_title_trailing_char::RULE,
        info_title_trailing_char::check,
    ),
    (
        &info_description_length::RULE,
        info_description_length::check,
    ),
    (&info_no_product_names::RULE, info_no_product_names::check),
    (&info_english::RULE, info_english::check),
    (&info_contact_required::RULE, info_contact_required::check),
    (
        &info_contact_email_valid::RULE,
        info_contact_email_valid::check,
    ),
    (
        &connector_metadata_required::RULE,
        connector_metadata_required::check,
    ),
    (
        &connector_metadata_keys::RULE,
        connector_metadata_keys::check,
    ),
    (
        &connector_metadata_categories_allowed::RULE,
        connector_metadata_categories_allowed::check,
    ),
    (
        &connector_metadata_categories_max::RULE,
        connector_metadata_categories_max::check,
    ),
    (
        &connector_metadata_url_valid::RULE,
        connector_metadata_url_valid::check,
    ),
    (&host_valid::RULE, host_valid::check),
    (&host_production::RULE, host_production::check),
    (&basepath_valid::RULE, basepath_valid::check),
    (&schemes_valid::RULE, schemes_valid::check),
    (&no_unknown_properties::RULE, no_unknown_properties::check),
    (&tags_unique::RULE, tags_unique::check),
    (&mime_type_supported::RULE, mime_type_supported::check),
    (&consumes_present::RULE, consumes_present::check),
    (&api_status_valid::RULE, api_status_valid::check),
    (
        &status_not_ahead_of_connector::RULE,
        status_not_ahead_of_connector::check,
    ),
    (&operation_id_chars::RULE, operation_id_chars::check),
    (
        &operation_id_max_length::RULE,
        operation_id_max_length::check,
    ),
    (
        &operation_description_required::RULE,
        operation_description_required::check,
    ),
    (
        &operation_summary_max_length::RULE,
        operation_summary_max_length::check,
    ),
    (
        &operation_summary_restricted_chars::RULE,
        operation_summary_restricted_chars::check,
    ),
    (
        &operation_summary_trailing_char::RULE,
        operation_summary_trailing_char::check,
    ),
    (
        &summary_no_product_names::RULE,
        summary_no_product_names::check,
    ),
    (
        &operation_description_sentence::RULE,
        operation_description_sentence::check,
    ),
    (
        &summary_description_differ::RULE,
        summary_description_differ::check,
    ),
    (&visibility_value::RULE, visibility_value::check),
    (&operation_has_response::RULE, operation_has_response::check),
    (
        &response_schema_present::RULE,
        response_schema_present::check,
    ),
    (
        &response_schema_not_empty::RULE,
        response_schema_not_empty::check,
    ),
    (
        &response_default_no_schema::RULE,
        response_default_no_schema::check,
    ),
    (&response_code_valid::RULE, response_code_valid::check),
    (&response_single_schema::RULE, response_single_schema::check),
    (&get_no_body::RULE, get_no_body::check),
    (&path_syntax::RULE, path_syntax::check),
    (&path_unique::RULE, path_unique::check),
    (&path_partial_duplicate::RULE, path_partial_duplicate::check),
    (&limits::RULE, limits::check),
    (
        &param_x_ms_summary_max_length::RULE,
        param_x_ms_summary_max_length::check,
    ),
    (
        &param_internal_required_default::RULE,
        param_internal_required_default::check,
    ),
    (
        &param_internal_optional_default::RULE,
        param_internal_optional_default::check,
    ),
    (&path_param_required::RULE, path_param_required::check),
    (&path_param_in_template::RULE, path_param_in_template::check),
    (
        &path_param_url_encoding::RULE,
        path_param_url_encoding::check,
    ),
    (
        &query_param_no_url_encoding::RULE,
        query_param_no_url_encoding::check,
    ),
    (&param_reserved_name::RULE, param_reserved_name::check),
    (&param_unique::RULE, param_unique::check),
    (&param_single_body::RULE, param_single_body::check),
    (&param_body_schema::RULE, param_body_schema::check),
    (&param_file_formdata::RULE, param_file_formdata::check),
    (
        &param_allow_empty_value::RULE,
        param_allow_empty_value::check,
    ),
    (&param_name_ambiguous::RULE, param_name_ambiguous::check),
    (&ref_valid::RULE, ref_valid::check),
    (
        &schema_required_defined::RULE,
        schema_required_defined::check,
    ),
    (&schema_array_items::RULE, schema_array_items::check),
    (&schema_file_type::RULE, schema_file_type::check),
    (&schema_enum::RULE, schema_enum::check),
    (&schema_constraints::RULE, schema_constraints::check),
    (&schema_discriminator::RULE, schema_discriminator::check),
    (&schema_type_format::RULE, schema_type_format::check),
    (
        &schema_format_description::RULE,
        schema_format_description::check,
    ),
    (&collection_format::RULE, collection_format::check),
    (&extension_placement::RULE, extension_placement::check),
    (&extension_name_known::RULE, extension_name_known::check),
    (&x_ms_trigger_value::RULE, x_ms_trigger_value::check),
    (&dynamic_values_target::RULE, dynamic_values_target::check),
    (&dynamic_list_companion::RULE, dynamic_list_companion::check),
    (
        &dynamic_source_not_internal::RULE,
        dynamic_source_not_internal::check,
    ),
    (
        &dynamic_tree_file_picker::RULE,
        dynamic_tree_file_picker::check,
    ),
    (&enum_values_extension::RULE, enum_values_extension::check),
    (&pageable_next_link::RULE, pageable_next_link::check),
    (
        &capabilities_test_connection::RULE,
        capabilities_test_connection::check,
    ),
    (&filter_functions::RULE, filter_functions::check),
    (&x_ms_editor_dictionary::RULE, x_ms_editor_dictionary::check),
    (
        &webhook_notification_url::RULE,
        webhook_notification_url::check,
    ),
    (
        &webhook_notification_content::RULE,
        webhook_notification_content::check,
    ),
    (
        &x_ms_notification_usage::RULE,
        x_ms_notification_usage::check,
    ),
    (
        &annotation_replacement_only_deprecated::RULE,
        annotation_replacement_only_deprecated::check,
    ),
    (
        &annotation_replacement_complete::RULE,
        annotation_replacement_complete::check,
    ),
    (
        &annotation_family_active_max::RULE,
        annotation_family_active_max::check,
    ),
    (
        &annotation_revision_unique::RULE,
        annotation_revision_unique::check,
    ),
    (
        &annotation_revision_suffix::RULE,
        annotation_revision_suffix::check,
    ),
    (&annotation_shape::RULE, annotation_shape::check),
    (
        &security_requirement_defined::RULE,
        security_requirement_defined::check,
    ),
    (&auth_type_supported::RULE, auth_type_supported::check),
    (
        &apiprops_policy_template::RULE,
        apiprops_policy_template::check,
    ),
    (
        &readme_operations_match_swagger::RULE,
        readme_operations_match_swagger::check,
    ),
    (&summary_sentence_case::RULE, summary_sentence_case::check),
    (
        &x_ms_summary_title_case::RULE,
        x_ms_summary_title_case::check,
    ),
    (&trigger_summary_when::RULE, trigger_summary_when::check),
    (
        &operation_id_pascal_case::RULE,
        operation_id_pascal_case::check,
    ),
    (&summary_charset::RULE, summary_charset::check),
    (
        &response_properties_documented::RULE,
        response_properties_documented::check,
    ),
    (
        &operation_visibility_set::RULE,
        operation_visibility_set::check,
    ),
    (&reuse_parameters::RULE, reuse_parameters::check),
    (&reuse_definitions::RULE, reuse_definitions::check),
    (&https_only::RULE, https_only::check),
    (
        &deprecated_marker_canonical::RULE,
        deprecated_marker_canonical::check,
    ),
    (
        &internal_not_deprecation::RULE,
        internal_not_deprecation::check,
    ),
    (&extension_value_case::RULE, extension_value_case::check),
    (
        &fetch_subscribe_param_consistency::RULE,
        fetch_subscribe_param_consistency::check,
    ),
];

/// Rules over the connector's other files (apiProperties.json, readme/intro.md); they
/// run even when the definition cannot be read.
pub static CONNECTOR_RULES: &[(&RuleMeta, ConnectorCheck)] = &[
    (&pkg_swagger_present::RULE, pkg_swagger_present::check),
    (
        &pkg_apiproperties_present::RULE,
        pkg_apiproperties_present::check,
    ),
    (&pkg_readme_present::RULE, pkg_readme_present::check),
    (&pkg_ip_no_icon::RULE, pkg_ip_no_icon::check),
    (&pkg_swagger_size::RULE, pkg_swagger_size::check),
    (&pkg_script_size::RULE, pkg_script_size::check),
    (&apiprops_schema::RULE, apiprops_schema::check),
    (
        &apiprops_brand_color_format::RULE,
        apiprops_brand_color_format::check,
    ),
    (
        &apiprops_brand_color_forbidden::RULE,
        apiprops_brand_color_forbidden::check,
    ),
    (
        &apiprops_ip_brand_color::RULE,
        apiprops_ip_brand_color::check,
    ),
    (&apiprops_publisher::RULE, apiprops_publisher::check),
    (&apiprops_stack_owner::RULE, apiprops_stack_owner::check),
    (&apiprops_no_secrets::RULE, apiprops_no_secrets::check),
    (&readme_title_h1::RULE, readme_title_h1::check),
    (
        &readme_section_publisher::RULE,
        readme_section_publisher::check,
    ),
    (
        &readme_section_prerequisites::RULE,
        readme_section_prerequisites::check,
    ),
    (
        &readme_section_supported_operations::RULE,
        readme_section_supported_operations::check,
    ),
    (
        &readme_section_obtaining_credentials::RULE,
        readme_section_obtaining_credentials::check,
    ),
    (
        &readme_section_known_issues::RULE,
        readme_section_known_issues::check,
    ),
    (
        &readme_section_deployment::RULE,
        readme_section_deployment::check,
    ),
    (
        &readme_ip_oauth_app_steps::RULE,
        readme_ip_oauth_app_steps::check,
    ),
    (
        &readme_no_template_leftovers::RULE,
        readme_no_template_leftovers::check,
    ),
    (&intro_structure::RULE, intro_structure::check),
    (&intro_no_operations::RULE, intro_no_operations::check),
    (&readme_file_name::RULE, readme_file_name::check),
    (
        &readme_heading_canonical::RULE,
        readme_heading_canonical::check,
    ),
    (
        &known_issues_substantive::RULE,
        known_issues_substantive::check,
    ),
    (&readme_no_secrets::RULE, readme_no_secrets::check),
];

/// Rules over the change from a previous version to the current one.
pub static CHANGE_RULES: &[(&RuleMeta, ChangeCheck)] = &[
    (&bc_operation_deleted::RULE, bc_operation_deleted::check),
    (&bc_path_changed::RULE, bc_path_changed::check),
    (
        &bc_param_location_changed::RULE,
        bc_param_location_changed::check,
    ),
    (
        &bc_required_param_added::RULE,
        bc_required_param_added::check,
    ),
    (&bc_output_type_changed::RULE, bc_output_type_changed::check),
    (&bc_auth_type_changed::RULE, bc_auth_type_changed::check),
    (&bc_needs_versioning::RULE, bc_needs_versioning::check),
];

/// Runs every breaking-change rule.
pub fn check_change(ctx: &ChangeContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in CHANGE_RULES {
        check(ctx, &mut out);
    }
    out
}

/// Every rule, sorted by id.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut rules: Vec<&'static RuleMeta> = vec![
        &byte_order_mark::RULE,
        &duplicate_key::RULE,
        &file_unreadable::RULE,
        &invalid_utf8::RULE,
        &suppression_invalid::RULE,
        &suppression_unused::RULE,
        &syntax_error::RULE,
    ];
    rules.extend(DEFINITION_RULES.iter().map(|(m, _)| *m));
    rules.extend(CONNECTOR_RULES.iter().map(|(m, _)| *m));
    rules.extend(CHANGE_RULES.iter().map(|(m, _)| *m));
    rules.extend(PACKAGE_RULES.iter().map(|(m, _)| *m));
    // missing-error-responses also runs over the definition.
    rules.extend(
        STATISTICS_RULES
            .iter()
            .map(|(m, _)| *m)
            .filter(|m| m.scope == Scope::Statistics),
    );
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

/// Runs every definition rule.
pub fn check_definition(ctx: &DefinitionContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in DEFINITION_RULES {
        check(ctx, &mut out);
    }
    out
}

/// Rules over the statistics joined to a definition (`check --stats`), in the order they
/// run. `missing-error-responses`, a definition rule, is raised to an error here for
/// operations that really return the errors it misses.
pub static STATISTICS_RULES: &[(&RuleMeta, StatisticsCheck)] = &[
    (
        &undocumented_error_status::RULE,
        undocumented_error_status::check,
    ),
    (
        &missing_error_responses::RULE,
        missing_error_responses::check_statistics,
    ),
    (&deprecated_in_use::RULE, deprecated_in_use::check),
    (&high_error_rate::RULE, high_error_rate::check),
    (&unused_operation::RULE, unused_operation::check),
    (&unknown_operation::RULE, unknown_operation::check),
];

/// Runs every statistics rule.
pub fn check_statistics(ctx: &StatisticsContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in STATISTICS_RULES {
        check(ctx, &mut out);
    }
    out
}

/// Rules over a certification package (a `.zip` checked on its own).
pub static PACKAGE_RULES: &[(&RuleMeta, ConnectorCheck)] =
    &[(&pkg_intro_md_present::RULE, pkg_intro_md_present::check)];

/// Runs the package rules.
pub fn check_package(ctx: &ConnectorContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in PACKAGE_RULES {
        check(ctx, &mut out);
    }
    out
}

/// Runs every connector rule.
pub fn check_connector(ctx: &ConnectorContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in CONNECTOR_RULES {
        check(ctx, &mut out);
    }
    out
}
