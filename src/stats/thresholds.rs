//! When a statistics finding is worth raising: the thresholds of `[thresholds]` in
//! connlint.toml.

/// When a finding is worth raising.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// An undocumented error status is reported when seen at least this often…
    pub min_count: u64,
    /// …and in at least this share of the operation's calls (0.005 = 0.5%)…
    pub min_share: f64,
    /// …or, whatever its share, at least this often.
    pub always_count: u64,
    /// `high-error-rate`: the operation's error share is at least this many times the
    /// connector's…
    pub error_rate_factor: f64,
    /// …and at least this many percentage points above it…
    pub error_rate_margin_points: f64,
    /// …over at least this many counted calls.
    pub error_rate_min_calls: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_count: 10,
            min_share: 0.005,
            always_count: 100,
            error_rate_factor: 2.0,
            error_rate_margin_points: 2.0,
            error_rate_min_calls: 100,
        }
    }
}

impl Thresholds {
    /// Whether an error seen `count` times in `share` of the calls is reported.
    pub fn reports(&self, count: u64, share: f64) -> bool {
        (count >= self.min_count && share >= self.min_share) || count >= self.always_count
    }
}
