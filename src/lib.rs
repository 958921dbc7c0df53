//! connlint: a linter for Microsoft Power Platform connectors.
//!
//! Data flows one way: bytes ([`source`]) → positioned document ([`syntax`]) → connector
//! model ([`model`]) → rules ([`rules`]) → diagnostics ([`diagnostic`]) → reporters
//! ([`report`]). The command line lives in the binary (`src/cli/`), over these modules.

pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod docgen;
pub mod fix;
pub mod fsutil;
pub mod lint;
pub mod model;
pub mod policy;
pub mod report;
pub mod results;
pub mod rules;
pub mod source;
pub mod stats;
pub mod suggest;
pub mod syntax;
pub mod text;
