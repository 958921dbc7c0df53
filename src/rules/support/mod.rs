//! Helpers shared by several rules. A rule's own helpers stay in its file.

pub mod statistics;
