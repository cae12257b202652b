//! Fields of a draft's YAML or TOML front matter that the checks use. Only top-level
//! scalar fields are read; anything else is left alone, and nothing here fails on input.

use crate::markdown::FrontMatterKind;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub value: String,
    /// Source range of the value (without quotes), for hover and diagnostics.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: Vec<Field>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key.eq_ignore_ascii_case(key))
    }

    /// The first present field among `keys`, in order.
    pub fn first_of(&self, keys: &[&str]) -> Option<&Field> {
        keys.iter().find_map(|k| self.get(k))
    }

    pub fn title(&self) -> Option<&str> {
        self.get("title").map(|f| f.value.as_str())
    }

    pub fn byline(&self) -> Option<&str> {
        self.first_of(&["byline", "author"])
            .map(|f| f.value.as_str())
    }

    /// The raw date field (`date`, `published` or `pubDate`); parsing is the date checks' job.
    pub fn date(&self) -> Option<&Field> {
        self.first_of(&["date", "published", "pubDate"])
    }
}

/// Read `key: value` (YAML) or `key = value` (TOML) lines of the front matter whose
/// content is `source[range]`.
pub fn parse(source: &str, kind: FrontMatterKind, range: Range<usize>) -> FrontMatter {
    let sep = match kind {
        FrontMatterKind::Yaml => ':',
        FrontMatterKind::Toml => '=',
    };
    let mut fields = Vec::new();
    let mut line_start = range.start;
    for line in source[range.clone()].split_inclusive('\n') {
        let this_start = line_start;
        line_start += line.len();
        // Top-level only: nested YAML is indented, TOML tables start a section.
        if line.starts_with(char::is_whitespace) || line.starts_with('#') {
            continue;
        }
        if kind == FrontMatterKind::Toml && line.starts_with('[') {
            break;
        }
        let Some(at) = line.find(sep) else { continue };
        let key = line[..at].trim().trim_matches('"');
        if key.is_empty() || key.contains(char::is_whitespace) {
            continue;
        }
        let raw = &line[at + 1..];
        let value_lead = raw.len() - raw.trim_start().len();
        let mut value = raw.trim();
        // Strip a trailing comment from an unquoted value.
        if !value.starts_with(['"', '\'']) {
            if let Some(hash) = value.find(" #") {
                value = value[..hash].trim_end();
            }
        }
        let mut value_start = this_start + at + 1 + value_lead;
        if value.len() >= 2
            && ((value.starts_with('"') && value.ends_with('"'))
                || (value.starts_with('\'') && value.ends_with('\'')))
        {
            value = &value[1..value.len() - 1];
            value_start += 1;
        }
        if value.is_empty() || value.starts_with(['[', '{', '|', '>']) {
            continue;
        }
        fields.push(Field {
            key: key.to_string(),
            value: value.to_string(),
            range: value_start..value_start + value.len(),
        });
    }
    FrontMatter { fields }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_scalars_with_ranges() {
        let src = "---\ntitle: \"Pelosi elected\"\ndate: 2019-01-04 # published\ntags:\n  - a\nauthor: Jo Reporter\n---\n";
        let range = 4..src.len() - 4;
        let fm = parse(src, FrontMatterKind::Yaml, range);
        assert_eq!(fm.title(), Some("Pelosi elected"));
        assert_eq!(fm.byline(), Some("Jo Reporter"));
        let date = fm.date().unwrap();
        assert_eq!(date.value, "2019-01-04");
        assert_eq!(&src[date.range.clone()], "2019-01-04");
        assert!(fm.get("tags").is_none());
    }

    #[test]
    fn reads_toml_scalars() {
        let src = "+++\ntitle = 'Kyiv'\npubDate = 2023-03-20\n[extra]\ndate = 1\n+++\n";
        let fm = parse(src, FrontMatterKind::Toml, 4..src.len() - 4);
        assert_eq!(fm.title(), Some("Kyiv"));
        assert_eq!(fm.date().unwrap().value, "2023-03-20");
        assert_eq!(fm.fields.len(), 2);
    }
}
