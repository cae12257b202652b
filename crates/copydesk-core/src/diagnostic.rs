//! What the analysis reports: diagnostics with fixes, in UTF-8 byte offsets of the source.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    // Ordered from least to most severe so `>=` means "at least as severe".
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Error,
        Severity::Warning,
        Severity::Information,
        Severity::Hint,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Replace `range` of the source with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub new_text: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, new_text: impl Into<String>) -> Self {
        Edit {
            range,
            new_text: new_text.into(),
        }
    }

    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Edit::replace(at..at, new_text)
    }
}

/// A way to resolve a diagnostic. `safe` fixes are applied by `check --fix` and
/// "fix all"; unsafe ones need a person's judgement and are offered one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub safe: bool,
    pub edits: Vec<Edit>,
}

/// Another place in the draft that explains a diagnostic (e.g. the other spelling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    /// Rule-specific fields, part of the public JSON output (`data`).
    pub data: serde_json::Map<String, serde_json::Value>,
    /// Best fix first.
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A diagnostic of `rule`. Its severity is a placeholder: the engine (`analyze`) gives
    /// every diagnostic its rule's configured severity.
    pub fn new(rule: &'static str, range: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: message.into(),
            range,
            data: serde_json::Map::new(),
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_data(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.data.insert(key.to_string(), value.into());
        self
    }

    /// Give back the growth room of everything this diagnostic holds (its message, fixes,
    /// related places and data), once it is complete: a draft with tens of thousands of
    /// findings keeps them all until the report is written, and a vector's first push, a
    /// `format!`ed string and a map's first insert each reserve more than one finding uses
    /// (a fix vector room for four, a data map for three). Nothing it says changes.
    pub(crate) fn drop_growth_room(&mut self) {
        self.message.shrink_to_fit();
        for fix in &mut self.fixes {
            fix.title.shrink_to_fit();
            for edit in &mut fix.edits {
                edit.new_text.shrink_to_fit();
            }
            fix.edits.shrink_to_fit();
        }
        self.fixes.shrink_to_fit();
        for related in &mut self.related {
            related.message.shrink_to_fit();
        }
        self.related.shrink_to_fit();
        if !self.data.is_empty() {
            // Collected with its exact length; insertion order (the JSON's field order) kept.
            self.data = std::mem::take(&mut self.data).into_iter().collect();
        }
    }

    pub fn with_related(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Growth room given back, nothing said changed: the data's fields keep their order
    /// (the JSON's), the fixes and related places their content.
    #[test]
    fn dropping_growth_room_keeps_what_a_diagnostic_says() {
        let mut d = Diagnostic::new("quote.style", 3..4, format!("Use {} here.", "curly"))
            .with_data("replacement", "“")
            .with_data("mark", "\"")
            .with_fix(Fix {
                title: format!("Use {}", "“"),
                safe: true,
                edits: vec![Edit::replace(3..4, "“")],
            })
            .with_related(9..12, "the other mark");
        let before = d.clone();
        d.drop_growth_room();
        assert_eq!(d, before);
        let keys: Vec<&str> = d.data.keys().map(String::as_str).collect();
        assert_eq!(keys, ["replacement", "mark"]);
        assert_eq!(d.fixes.capacity(), 1);
        assert_eq!(d.related.capacity(), 1);
        assert_eq!(d.message.capacity(), d.message.len());
        // A diagnostic without data keeps none.
        let mut plain = Diagnostic::new("date.format", 0..1, "x");
        plain.drop_growth_room();
        assert!(plain.data.is_empty());
    }
}
