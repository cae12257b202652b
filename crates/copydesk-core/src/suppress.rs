//! Suppression comments:
//! `<!-- copydesk-disable-next-line RULE[, RULE] -->`, `<!-- copydesk-disable RULE -->` …
//! `<!-- copydesk-enable RULE -->`, and `<!-- copydesk-disable-file -->`. No rule list
//! means every rule.

use crate::diagnostic::Diagnostic;
use crate::line_index::LineIndex;
use crate::markdown::Html;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});

/// Which rules a suppression applies to; `None` means all.
type Rules = Option<Vec<String>>;

#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// disable-file comments.
    file: Vec<Rules>,
    /// Source line (0-based) that a disable-next-line comment applies to.
    next_line: Vec<(usize, Rules)>,
    /// Byte ranges between a disable and its enable (or the end of the text).
    regions: Vec<(Range<usize>, Rules)>,
}

fn covers(rules: &Rules, rule: &str) -> bool {
    rules
        .as_ref()
        .is_none_or(|list| list.iter().any(|r| r == rule))
}

impl Suppressions {
    pub fn from_html(html: &[Html], source: &str, lines: &LineIndex) -> Self {
        let mut s = Suppressions::default();
        // Open disable regions: start offset and rules.
        let mut open: Vec<(usize, Rules)> = Vec::new();
        for h in html {
            // Most HTML in a draft is not a copydesk comment: its regex is built for those
            // that might be.
            if !h.text.contains("copydesk-") {
                continue;
            }
            for cap in COMMENT.captures_iter(&h.text) {
                let (Some(all), Some(kind)) = (cap.get(0), cap.get(1)) else {
                    continue;
                };
                let list: Vec<String> = cap
                    .get(2)
                    .map_or("", |m| m.as_str())
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect();
                let rules = (!list.is_empty()).then_some(list);
                let at = h.range.start + all.start();
                match kind.as_str() {
                    "disable-file" => s.file.push(rules),
                    "disable-next-line" => {
                        let end = h.range.start + all.end();
                        let line = lines.line_col(source, end, crate::Encoding::Utf8).line;
                        s.next_line.push((line as usize + 1, rules));
                    }
                    "disable" => open.push((at, rules)),
                    _ => {
                        // enable: close the matching open regions (all of them for a bare enable).
                        let mut keep = Vec::new();
                        for (start, r) in open.drain(..) {
                            let closes = match (&rules, &r) {
                                (None, _) => true,
                                (Some(e), Some(d)) => d.iter().all(|x| e.contains(x)),
                                (Some(_), None) => false,
                            };
                            if closes {
                                s.regions.push((start..at, r));
                            } else {
                                keep.push((start, r));
                            }
                        }
                        open = keep;
                    }
                }
            }
        }
        for (start, r) in open {
            s.regions.push((start..source.len(), r));
        }
        s
    }

    /// Whether a diagnostic is suppressed. `line` is the 0-based line where it starts.
    pub fn suppresses(&self, d: &Diagnostic, line: usize) -> bool {
        self.file.iter().any(|r| covers(r, d.rule))
            || self
                .next_line
                .iter()
                .any(|(l, r)| *l == line && covers(r, d.rule))
            || self
                .regions
                .iter()
                .any(|(range, r)| range.contains(&d.range.start) && covers(r, d.rule))
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Config, Document};

    fn rules_left(src: &str) -> Vec<(&'static str, usize)> {
        let doc = Document::parse(src);
        analyze(&doc, &Config::default())
            .iter()
            .map(|d| (d.rule, doc.line_col(d.range.start).line as usize + 1))
            .collect()
    }

    #[test]
    fn next_line_region_and_file_comments() {
        let src = "A “one.\n\n<!-- copydesk-disable-next-line quote.unbalanced -->\nA “two.\n\n<!-- copydesk-disable-next-line other.rule -->\nA “three.\n\n<!-- copydesk-disable -->\n\nA “four.\n\n<!-- copydesk-enable -->\n\nA “five.\n";
        assert_eq!(
            rules_left(src),
            [
                ("quote.unbalanced", 1),
                ("quote.unbalanced", 7),
                ("quote.unbalanced", 15)
            ]
        );
        let file = format!("<!-- copydesk-disable-file -->\n\n{src}");
        assert!(rules_left(&file).is_empty());
        let other = format!("<!-- copydesk-disable-file name.misspelled -->\n\n{src}");
        assert_eq!(rules_left(&other).len(), 3);
    }
}
