//! Documentation generated from a connector (issue 4): the "Known issues and
//! limitations" section of intro.md or readme.md (`connlint intro`), and tooltip
//! suggestions for the parameters makers fill in (`connlint tooltips`).
//!
//! ```text
//! definition + apiProperties.json + statistics ─► content::build ─► IntroContext
//!   ─► render (minijinja, templates/*.md.j2, Markdown auto-escaping) ─► markdown::wrap
//!   ─► intro::update (pulldown-cmark offsets; splice, every other byte kept) ─► write_atomic
//!
//! definition (+ statistics) ─► suggest::suggest ─► syntax::edit::plan/apply/verify ─► write_atomic
//! ```

pub mod content;
pub mod facts;
pub mod intro;
pub mod knowledge;
pub mod markdown;
pub mod render;
pub mod section;
pub mod topics;
/// The tooltip engine, now [`crate::suggest`]; kept under its old name for docgen.
pub use crate::suggest as tooltips;

pub use tooltips::{suggest, Suggestion};
