//! The integration tests, in one test binary (`autotests = false` in Cargo.toml): one link
//! of the library instead of one per file. `cargo test --test it <module>::` runs one
//! file's tests, e.g. `cargo test --test it rule_fixtures::`.

mod support;

mod architecture;
mod change_cli;
mod cli;
mod corpus;
mod docgen_eval;
mod docgen_intro;
mod docgen_markdownlint;
mod docgen_precommit;
mod docgen_props;
mod docgen_tooltips;
mod fix_cli;
mod hardening;
mod integrations;
mod policy;
mod readme;
mod registry;
mod rule_docs;
mod rule_fixtures;
mod rule_sources;
mod stats_agreement;
mod stats_findings;
mod stats_malformed;
mod stats_matching;
mod stats_readers;
mod stats_robustness;
