//! Reporters: turn a run's findings into output. A reporter knows nothing of rules.

pub mod json;
pub mod pretty;

use std::time::Duration;

use crate::lint::{CheckedConnector, Counts};

/// Everything a reporter needs about a run.
pub struct Run<'a> {
    pub connectors: &'a [CheckedConnector],
    pub counts: Counts,
    pub elapsed: Duration,
}

impl<'a> Run<'a> {
    pub fn new(connectors: &'a [CheckedConnector], elapsed: Duration) -> Self {
        Run {
            counts: Counts::of(connectors),
            connectors,
            elapsed,
        }
    }
}
