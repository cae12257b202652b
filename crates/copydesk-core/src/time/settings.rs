//! This feature's settings: the `[dates]` table of `copydesk.toml`, read by `crate::config`.

use serde::Deserialize;

/// Article date policy.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DatesConfig {
    /// The article date (YYYY-MM-DD) relative dates are resolved against; `--date` and the
    /// editor setting land here. When set it wins over front matter and dateline.
    #[serde(alias = "articleDate")]
    pub article_date: Option<String>,
    /// Accept weekdays ("on Tuesday") within the week of the article date.
    #[serde(alias = "acceptWeekdaysWithinWeek")]
    pub accept_weekdays_within_week: bool,
    /// Today's date, given by the shell (the core never reads the clock): a wire dateline
    /// without a year ("KYIV, March 20 (Reuters)") is taken to be in this year. Without
    /// it, such a dateline gives no article date.
    #[serde(skip)]
    pub today: Option<jiff::civil::Date>,
}
