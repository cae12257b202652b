//! The article date: the day the draft is written for, which "yesterday" and "on Tuesday"
//! are resolved against. Taken, in order, from the configuration (`--date` on the command
//! line, the editor setting or `[dates] article-date`), the front matter (`date`,
//! `published`, `pubDate`), or a dateline at the start of the body.

use super::recognizer::{month_number, MONTH_ALT, WEEKDAY_ALT};
use super::DatesConfig;
use crate::markdown::BlockKind;
use crate::Document;
use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Where the article date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateOrigin {
    /// `--date`, the editor setting, or `[dates] article-date`.
    Config,
    /// A front matter field (its key).
    FrontMatter(String),
    /// A dateline at the start of the body.
    Dateline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub origin: DateOrigin,
    /// Where it is written in the source (front matter value or dateline), if it is.
    pub source: Option<Range<usize>>,
    /// The year was not written and was assumed (a wire dateline "KYIV, March 20 (Reuters) —").
    pub year_assumed: bool,
}

impl ArticleDate {
    /// "from front matter `date`", for hover and messages.
    pub fn origin_text(&self) -> String {
        match &self.origin {
            DateOrigin::Config => {
                "from the configuration (`--date`, the editor setting or `[dates] article-date`)"
                    .to_string()
            }
            DateOrigin::FrontMatter(key) => format!("from front matter `{key}`"),
            DateOrigin::Dateline if self.year_assumed => {
                "from the dateline (year assumed: the current year)".to_string()
            }
            DateOrigin::Dateline => "from the dateline".to_string(),
        }
    }
}

/// Find the article date of a document.
pub fn find(doc: &Document, config: &DatesConfig) -> Option<ArticleDate> {
    if let Some(d) = config.article_date.as_deref().and_then(parse_date) {
        return Some(ArticleDate {
            date: d,
            origin: DateOrigin::Config,
            source: None,
            year_assumed: false,
        });
    }
    for key in ["date", "published", "pubDate"] {
        if let Some(f) = doc.front_matter.get(key) {
            if let Some(d) = parse_date(&f.value) {
                return Some(ArticleDate {
                    date: d,
                    origin: DateOrigin::FrontMatter(f.key.clone()),
                    source: Some(f.range.clone()),
                    year_assumed: false,
                });
            }
        }
    }
    dateline(doc, config.today)
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]|Z)").expect("iso date regex")
});

static WRITTEN_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{WEEKDAY_ALT}),?\s+)?({MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    ))
    .expect("written date regex")
});

static WRITTEN_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{WEEKDAY_ALT}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ALT}),?\s+(\d{{4}})"
    ))
    .expect("written date regex")
});

/// Parse a date in ISO 8601 ("2023-03-20", "2023-03-20T10:00:00Z") or a common written
/// form ("March 20, 2023", "Mon, 20 Mar 2023 10:00:00 +0000", "20 March 2023").
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
    if let Some(c) = ISO.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = WRITTEN_MDY.captures(s) {
        let m = month_number(&c[1])?;
        return Date::new(c[3].parse().ok()?, m, c[2].parse().ok()?).ok();
    }
    if let Some(c) = WRITTEN_DMY.captures(s) {
        let m = month_number(&c[2])?;
        return Date::new(c[3].parse().ok()?, m, c[1].parse().ok()?).ok();
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// A wire dateline: "KYIV, March 20 (Reuters) —", "WASHINGTON, Jan. 4, 2019 (AP) -".
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\p{{Lu}}][\p{{Lu}}\p{{M}} .'’-]+(?:,\s*[\p{{L}}. ]+?)?,\s+(?:(?:{WEEKDAY_ALT}),?\s+)?({MONTH_ALT})\s+(\d{{1,2}})(?:,\s+(\d{{4}}))?\s*(?:\([^)]{{1,30}}\))?\s*[—–-]"
    ))
    .expect("dateline regex")
});

/// A dateline in the first prose paragraph of the body.
fn dateline(doc: &Document, today: Option<Date>) -> Option<ArticleDate> {
    let (bi, block) = doc
        .blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.kind == BlockKind::Paragraph)?;
    let _ = bi;
    let text = block.text.trim_end();
    // A line of its own: "Friday, January 4, 2019".
    for re in [&*WRITTEN_MDY, &*WRITTEN_DMY] {
        if let Some(m) = re.find(text) {
            if m.end() == text.len() {
                let date = parse_date(text)?;
                return Some(ArticleDate {
                    date,
                    origin: DateOrigin::Dateline,
                    source: Some(block.source_range(0..m.end())),
                    year_assumed: false,
                });
            }
        }
    }
    let c = WIRE.captures(text)?;
    let month = month_number(&c[1])?;
    let day: i8 = c[2].parse().ok()?;
    let (year, assumed) = match c.get(3) {
        Some(y) => (y.as_str().parse().ok()?, false),
        None => (today?.year(), true),
    };
    let date = Date::new(year, month, day).ok()?;
    let whole = c.get(0)?;
    Some(ArticleDate {
        date,
        origin: DateOrigin::Dateline,
        source: Some(block.source_range(0..whole.end())),
        year_assumed: assumed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use jiff::civil::date;

    #[test]
    fn parses_iso_and_written_forms() {
        assert_eq!(parse_date("2023-03-20"), Some(date(2023, 3, 20)));
        assert_eq!(parse_date("2023-03-20T10:00:00Z"), Some(date(2023, 3, 20)));
        assert_eq!(parse_date("'2023-03-20'"), Some(date(2023, 3, 20)));
        assert_eq!(parse_date("March 20, 2023"), Some(date(2023, 3, 20)));
        assert_eq!(parse_date("Mar. 20, 2023"), Some(date(2023, 3, 20)));
        assert_eq!(
            parse_date("Monday, March 20, 2023"),
            Some(date(2023, 3, 20))
        );
        assert_eq!(parse_date("20 March 2023"), Some(date(2023, 3, 20)));
        assert_eq!(
            parse_date("Mon, 20 Mar 2023 10:00:00 +0000"),
            Some(date(2023, 3, 20))
        );
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date(""), None);
    }

    fn article(src: &str, config: &Config) -> Option<ArticleDate> {
        find(&Document::parse(src), &config.dates)
    }

    #[test]
    fn precedence_config_then_front_matter_then_dateline() {
        let src = "---\ndate: 2019-01-04\n---\n\n# T\n\nSaturday, January 5, 2019\n\nText.\n";
        let mut config = Config::default();
        let a = article(src, &config).unwrap();
        assert_eq!(a.date, date(2019, 1, 4));
        assert_eq!(a.origin, DateOrigin::FrontMatter("date".into()));
        assert_eq!(&src[a.source.clone().unwrap()], "2019-01-04");

        config.dates.article_date = Some("2023-03-20".into());
        let a = article(src, &config).unwrap();
        assert_eq!((a.date, a.origin), (date(2023, 3, 20), DateOrigin::Config));

        let src = "# T\n\nSaturday, January 5, 2019\n\nText.\n";
        let a = article(src, &Config::default()).unwrap();
        assert_eq!(
            (a.date, &a.origin),
            (date(2019, 1, 5), &DateOrigin::Dateline)
        );
        assert_eq!(&src[a.source.unwrap()], "Saturday, January 5, 2019");

        let src = "---\npubDate: \"Mon, 20 Mar 2023 10:00:00 +0000\"\n---\nText.\n";
        let a = article(src, &Config::default()).unwrap();
        assert_eq!(a.date, date(2023, 3, 20));
    }

    #[test]
    fn wire_datelines() {
        let src = "KYIV, March 20, 2023 (Reuters) — Ukraine said on Monday it had…\n";
        let a = article(src, &Config::default()).unwrap();
        assert_eq!(a.date, date(2023, 3, 20));
        assert_eq!(&src[a.source.unwrap()], "KYIV, March 20, 2023 (Reuters) —");
        let src = "KYIV, March 20 (Reuters) — Ukraine said on Monday it had…\n";
        // The year is today's, given by the shell; without it there is no date to give.
        assert!(article(src, &Config::default()).is_none());
        let mut config = Config::default();
        config.dates.today = Some(date(2024, 11, 5));
        let a = article(src, &config).unwrap();
        assert!(a.year_assumed);
        assert_eq!(a.date, date(2024, 3, 20));
        assert!(article("The text starts here.\n", &Config::default()).is_none());
        assert!(article("KYIV is a city. March 20 was a day.\n", &Config::default()).is_none());
    }
}
