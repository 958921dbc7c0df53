//! connlint: a linter for Microsoft Power Platform connectors.
//!
//! Data flows one way: bytes ([`source`]) → positioned document ([`syntax`]) → connector
//! model ([`model`]) → rules ([`rules`]) → diagnostics ([`diagnostic`]) → reporters
//! ([`report`]).

pub mod source;
pub mod syntax;
pub mod model;
pub mod diagnostic;
pub mod rules;
pub mod discover;
pub mod lint;
pub mod report;
pub mod cli;
