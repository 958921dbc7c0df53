//! Helpers shared by several rules. A rule's own helpers stay in its file.

pub mod extensions;
pub mod markdown;
pub mod package;
pub mod readme_sections;
pub mod statistics;
pub mod swagger;
pub mod text;
