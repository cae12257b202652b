//! This feature's settings: the `[dates]` table of `copydesk.toml`, read by `crate::config`.

use serde::Deserialize;

/// How relative dates are written: the `[dates] style` setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// AP: the day of the week for dates within six days before or after the article date
    /// ("Tuesday"), month and day beyond ("March 13"); "yesterday", "tomorrow", "last week",
    /// "this year" and the like are written out that way.
    #[default]
    Ap,
    /// Every relative expression, weekday names included, gets its calendar date, so the
    /// copy stays right whenever it runs.
    Evergreen,
}

impl DateStyle {
    pub fn as_str(self) -> &'static str {
        match self {
            DateStyle::Ap => "ap",
            DateStyle::Evergreen => "evergreen",
        }
    }
}

/// Article date policy.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DatesConfig {
    /// The article date (YYYY-MM-DD) relative dates are resolved against; `--date` and the
    /// editor setting land here. When set it wins over front matter and dateline.
    #[serde(alias = "articleDate")]
    pub article_date: Option<String>,
    /// How relative dates are written: `ap` (the default) or `evergreen`.
    pub style: Option<DateStyle>,
    /// Deprecated, kept so that existing files and editor settings still load: `true` is
    /// what `style = "ap"` (the default) does; `false`, which `copydesk init` used to write
    /// and editors send by default, asks for nothing (set `style = "evergreen"` to have
    /// weekdays flagged).
    #[serde(alias = "acceptWeekdaysWithinWeek")]
    pub accept_weekdays_within_week: Option<bool>,
    /// `date.format`: drop the year from dates in the article's own year ("Oct. 5", not
    /// "Oct. 5, 2019", in a 2019 article). Off by default.
    #[serde(alias = "omitCurrentYear")]
    pub omit_current_year: bool,
    /// Today's date, given by the shell (the core never reads the clock): a wire dateline
    /// without a year ("KYIV, March 20 (Reuters)") is taken to be in this year. Without
    /// it, such a dateline gives no article date.
    #[serde(skip)]
    pub today: Option<jiff::civil::Date>,
}

impl DatesConfig {
    /// The style in force: `style`, else AP.
    pub fn style(&self) -> DateStyle {
        self.style.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::Config;

    use super::DateStyle;

    #[test]
    fn style_defaults_to_ap_and_the_old_key_still_loads() {
        let c = Config::from_toml_str("", "c.toml").unwrap();
        assert_eq!(c.dates.style(), DateStyle::Ap);
        let c = Config::from_toml_str("[dates]\nstyle = \"evergreen\"\n", "c.toml").unwrap();
        assert_eq!(c.dates.style(), DateStyle::Evergreen);
        for old in ["true", "false"] {
            let text = format!("[dates]\naccept-weekdays-within-week = {old}\n");
            let c = Config::from_toml_str(&text, "c.toml").unwrap();
            assert_eq!(c.dates.style(), DateStyle::Ap, "{text}");
        }
        // The new key wins over the old one.
        let text = "[dates]\naccept-weekdays-within-week = true\nstyle = \"evergreen\"\n";
        let c = Config::from_toml_str(text, "c.toml").unwrap();
        assert_eq!(c.dates.style(), DateStyle::Evergreen);
        let e = Config::from_toml_str("[dates]\nstyle = \"chicago\"\n", "c.toml").unwrap_err();
        assert!(
            e.message.contains("ap") && e.message.contains("evergreen"),
            "{e}"
        );
        let editor =
            Config::json_layer(&serde_json::json!({"dates": {"acceptWeekdaysWithinWeek": false}}))
                .unwrap();
        let c = Config::from_layers(vec![editor], "editor settings").unwrap();
        assert_eq!(c.dates.style(), DateStyle::Ap);
    }
}
