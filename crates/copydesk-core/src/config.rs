//! `copydesk.toml`: parsed and validated here from text (finding and reading the file is
//! the caller's job, see `crate::project`). Errors name the file, line and column.
//!
//! Settings arrive in layers — editor settings first, then the project's file over them —
//! merged as TOML tables before they are read, so every layer is validated the same way.

use crate::diagnostic::Severity;
use crate::rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

// Each feature owns its settings; the configuration gathers them.
pub use crate::names::NamesConfig;
pub use crate::quotes::{QuoteMarks, QuotesConfig};
pub use crate::time::DatesConfig;

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// What fails a `copydesk check` run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

impl FailOn {
    /// The least severe severity that fails, or `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Information => Some(Severity::Information),
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    #[serde(alias = "failOn")]
    pub fail_on: Option<FailOn>,
}

/// Settings for the language server only; `copydesk check` ignores them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct EditorConfig {
    #[serde(alias = "inlayHints")]
    pub inlay_hints: InlayHints,
    /// Extra delay before analysing after a change, for slow machines.
    #[serde(alias = "delayMs")]
    pub delay_ms: u64,
    #[serde(alias = "logLevel")]
    pub log_level: Option<String>,
    /// What rename on a person's name respells.
    #[serde(alias = "renameScope")]
    pub rename_scope: RenameScope,
}

/// What rename on a person's name respells: every draft of the workspace that names the
/// person (the default), or only the draft it is asked in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RenameScope {
    #[default]
    Workspace,
    Draft,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InlayHints {
    pub dates: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The newsroom preset in effect (`preset = "ap"`), if any.
    pub preset: Option<String>,
    levels: BTreeMap<String, Level>,
    pub check: CheckConfig,
    pub names: NamesConfig,
    pub dates: DatesConfig,
    pub quotes: QuotesConfig,
    pub editor: EditorConfig,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// A newsroom preset (`crate::presets`): applied by `with_preset` before this is read.
    #[serde(default)]
    preset: Option<toml::Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    check: CheckConfig,
    #[serde(default)]
    names: NamesConfig,
    #[serde(default)]
    dates: DatesConfig,
    #[serde(default)]
    quotes: QuotesConfig,
    // The editor's own settings are flattened here, so that the editor can send one object.
    #[serde(default, alias = "inlayHints", rename = "inlay-hints")]
    inlay_hints: InlayHints,
    #[serde(default, alias = "delayMs", rename = "delay-ms")]
    delay_ms: u64,
    #[serde(default, alias = "logLevel", rename = "log-level")]
    log_level: Option<String>,
    #[serde(default, alias = "renameScope", rename = "rename-scope")]
    rename_scope: RenameScope,
}

/// A configuration error: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file (or "editor settings").
    pub origin: String,
    /// 1-based line and column, when the error has a place in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.origin, self.message),
            _ => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn at(origin: &str, text: &str, span: Option<std::ops::Range<usize>>, message: String) -> Self {
        let (line, column) = match span {
            Some(span) => {
                let index = crate::line_index::LineIndex::new(text);
                let lc = index.line_col(text, span.start, crate::Encoding::Utf32);
                (Some(lc.line as usize + 1), Some(lc.col as usize + 1))
            }
            None => (None, None),
        };
        ConfigError {
            origin: origin.to_string(),
            line,
            column,
            message,
        }
    }
}

impl Config {
    /// Parse and validate one `copydesk.toml`. `origin` names it in errors.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(text)
            .map_err(|e| ConfigError::at(origin, text, e.span(), e.message().to_string()))?;
        let Some(preset) = &raw.preset else {
            return Self::from_raw(raw, origin, text);
        };
        // The file alone is valid (with its places for errors); now under its preset.
        if crate::presets::get(preset.get_ref()).is_none() {
            return Err(ConfigError::at(
                origin,
                text,
                Some(preset.span()),
                unknown_preset(preset.get_ref()),
            ));
        }
        Self::from_raw(raw, origin, text)?;
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| ConfigError::at(origin, text, e.span(), e.message().to_string()))?;
        Self::from_layers(vec![table], origin)
    }

    /// Validate a file (errors with line and column) and return it as a table, for layering.
    pub fn parse_table(text: &str, origin: &str) -> Result<toml::Table, ConfigError> {
        Self::from_toml_str(text, origin)?;
        toml::from_str(text)
            .map_err(|e| ConfigError::at(origin, text, e.span(), e.message().to_string()))
    }

    /// Build from layered tables (later layers win), e.g. editor settings then the file.
    ///
    /// A `preset` (in any layer; the last one set wins) is applied as a layer just under the
    /// last one, the project's file: what the file sets wins over the preset, and the preset
    /// wins over editor settings. `[names] prefer` is the one list that adds up: the file's
    /// spellings come first, so for a name both spell, the file's is the house spelling.
    pub fn from_layers(mut layers: Vec<toml::Table>, origin: &str) -> Result<Config, ConfigError> {
        let unplaced = |message: String| ConfigError {
            origin: origin.to_string(),
            line: None,
            column: None,
            message,
        };
        let preset = layers
            .iter()
            .rev()
            .find_map(|l| l.get("preset"))
            .map(|v| match v {
                toml::Value::String(s) => Ok(s.clone()),
                other => Err(unplaced(format!(
                    "invalid type for `preset`: {}, expected a string",
                    other.type_str()
                ))),
            })
            .transpose()?;
        if let Some(name) = &preset {
            let Some(preset_layer) = crate::presets::layer(name) else {
                return Err(unplaced(unknown_preset(name)));
            };
            let top = layers.pop().unwrap_or_default();
            let mut under = preset_layer;
            let preset_prefer = prefer_of(&under);
            let top_prefer = prefer_of(&top);
            merge_into(&mut under, top);
            if let (Some(mut file), Some(preset)) = (top_prefer, preset_prefer) {
                for p in preset {
                    if !file.contains(&p) {
                        file.push(p);
                    }
                }
                if let Some(toml::Value::Table(names)) = under.get_mut("names") {
                    names.insert("prefer".into(), toml::Value::Array(file));
                }
            }
            layers.push(under);
        }
        let mut merged = toml::Table::new();
        for layer in layers {
            merge_into(&mut merged, layer);
        }
        // Round-trip through text: the spanned types only deserialize from a document.
        let text = toml::to_string(&merged).map_err(|e| unplaced(e.to_string()))?;
        let raw: Raw = toml::from_str(&text).map_err(|e| unplaced(e.message().to_string()))?;
        Self::from_raw(raw, origin, "")
    }

    /// Editor settings (JSON, key `copydesk`) as a layer.
    pub fn json_layer(value: &serde_json::Value) -> Result<toml::Table, ConfigError> {
        let cleaned = strip_nulls(value.clone());
        toml::Table::try_from(cleaned).map_err(|e| ConfigError {
            origin: "editor settings".into(),
            line: None,
            column: None,
            message: e.to_string(),
        })
    }

    fn from_raw(raw: Raw, origin: &str, text: &str) -> Result<Config, ConfigError> {
        let mut levels = BTreeMap::new();
        let spanned = !text.is_empty();
        for (key, value) in raw.rules {
            let id = key.get_ref();
            if rules::find(id).is_none() {
                let known: Vec<&str> = rules::all().iter().map(|r| r.meta().id).collect();
                return Err(ConfigError::at(
                    origin,
                    text,
                    spanned.then(|| key.span()),
                    format!("unknown rule `{id}` (known rules: {})", known.join(", ")),
                ));
            }
            let level = match value.get_ref().as_str() {
                "off" => Level::Off,
                other => match Severity::parse(other) {
                    Some(s) => Level::On(s),
                    None => {
                        return Err(ConfigError::at(
                            origin,
                            text,
                            spanned.then(|| value.span()),
                            format!(
                                "invalid level `{other}` for `{id}`: expected one of error, warning, information, hint, off"
                            ),
                        ))
                    }
                },
            };
            levels.insert(id.clone(), level);
        }
        Ok(Config {
            preset: raw.preset.map(toml::Spanned::into_inner),
            levels,
            check: raw.check,
            names: raw.names,
            dates: raw.dates,
            quotes: raw.quotes,
            editor: EditorConfig {
                inlay_hints: raw.inlay_hints,
                delay_ms: raw.delay_ms,
                log_level: raw.log_level,
                rename_scope: raw.rename_scope,
            },
        })
    }

    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: &dyn rules::Rule) -> Option<Severity> {
        let meta = rule.meta();
        match self.levels.get(meta.id) {
            Some(Level::Off) => None,
            Some(Level::On(s)) => Some(*s),
            None => meta.enabled_by_default.then_some(meta.default_severity),
        }
    }

    /// The style point a finding of `rule` comes from under the preset in effect ("AP
    /// Stylebook, “months” and “dates”"), for `copydesk explain` and hover.
    pub fn style_point(&self, rule: &str) -> Option<&'static str> {
        crate::presets::cite(self.preset.as_deref()?, rule)
    }

    pub fn set_level(&mut self, rule: &str, level: Level) {
        self.levels.insert(rule.to_string(), level);
    }
}

fn unknown_preset(name: &str) -> String {
    format!(
        "unknown preset `{name}`: expected one of {}",
        crate::presets::NAMES
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A layer's `[names] prefer`, if it sets one.
fn prefer_of(layer: &toml::Table) -> Option<Vec<toml::Value>> {
    match layer.get("names")?.get("prefer")? {
        toml::Value::Array(a) => Some(a.clone()),
        _ => None,
    }
}

fn merge_into(base: &mut toml::Table, layer: toml::Table) {
    for (k, v) in layer {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(l)) => merge_into(b, l),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

fn strip_nulls(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

/// The commented default written by `copydesk init`.
pub const DEFAULT_TOML: &str = include_str!("default_config.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_parses() {
        Config::from_toml_str(DEFAULT_TOML, "copydesk.toml").unwrap();
    }

    #[test]
    fn rule_levels_apply() {
        let c =
            Config::from_toml_str("[rules]\n\"quote.unbalanced\" = \"off\"\n", "c.toml").unwrap();
        let rule = rules::find("quote.unbalanced").unwrap();
        assert_eq!(c.severity(rule), None);
        let c =
            Config::from_toml_str("[rules]\n\"quote.unbalanced\" = \"error\"\n", "c.toml").unwrap();
        assert_eq!(c.severity(rule), Some(Severity::Error));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = Config::from_toml_str("[rules]\n\"quote.nope\" = \"warning\"\n", "a/copydesk.toml")
            .unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(1)));
        assert!(
            e.to_string()
                .starts_with("a/copydesk.toml:2:1: unknown rule `quote.nope`"),
            "{e}"
        );

        let e = Config::from_toml_str("[rules]\n\"quote.unbalanced\" = \"loud\"\n", "c.toml")
            .unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(22)));
        assert!(e.message.contains("expected one of error, warning"), "{e}");

        let e = Config::from_toml_str("[names]\nprefer = \"Kyiv\"\n", "c.toml").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("expected a sequence"), "{e}");

        let e = Config::from_toml_str("[nmaes]\n", "c.toml").unwrap_err();
        assert!(e.message.contains("unknown field `nmaes`"), "{e}");

        let e = Config::from_toml_str("[rules\n", "c.toml").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn the_file_wins_over_editor_settings() {
        let editor = Config::json_layer(&serde_json::json!({
            "names": {"prefer": ["Zelensky"], "accept": ["Kovalenko"]},
            "dates": {"articleDate": "2023-03-20"},
            "delayMs": 5
        }))
        .unwrap();
        let file = Config::parse_table("[names]\nprefer = [\"Zelenskiy\"]\n", "c.toml").unwrap();
        let c = Config::from_layers(vec![editor, file], "c.toml").unwrap();
        assert_eq!(c.names.prefer, ["Zelenskiy"]);
        assert_eq!(c.names.accept, ["Kovalenko"]);
        assert_eq!(c.dates.article_date.as_deref(), Some("2023-03-20"));
        assert_eq!(c.editor.delay_ms, 5);
    }

    #[test]
    fn a_preset_sets_spellings_marks_style_and_rules() {
        let c = Config::from_toml_str("preset = \"ap\"\n", "c.toml").unwrap();
        assert_eq!(c.preset.as_deref(), Some("ap"));
        assert!(c.names.prefer.contains(&"Zelenskyy".to_string()));
        assert!(c.names.prefer.contains(&"Gadhafi".to_string()));
        assert_eq!(c.quotes.marks, QuoteMarks::Straight);
        assert_eq!(c.dates.style, Some(crate::time::DateStyle::Ap));
        let rule = rules::find("date.format").unwrap();
        assert_eq!(c.severity(rule), Some(Severity::Information));
        assert_eq!(
            c.style_point("date.format"),
            Some("AP Stylebook, “months” and “dates”")
        );
        let c = Config::from_toml_str("preset = \"bbc\"\n", "c.toml").unwrap();
        assert!(c.names.prefer.contains(&"Zelensky".to_string()));
        assert_eq!(c.severity(rule), None);
        assert_eq!(c.style_point("date.format"), None);
    }

    #[test]
    fn what_the_file_sets_wins_over_its_preset() {
        let text = "preset = \"ap\"\n[rules]\n\"date.format\" = \"off\"\n[names]\nprefer = [\"Zelensky\", \"Okafor\"]\n[quotes]\nmarks = \"curly\"\n";
        let c = Config::from_toml_str(text, "c.toml").unwrap();
        assert_eq!(c.severity(rules::find("date.format").unwrap()), None);
        assert_eq!(c.quotes.marks, QuoteMarks::Curly);
        // The file's spellings first: its Zelensky is the house spelling of that group,
        // the preset's Kyiv still applies.
        assert_eq!(&c.names.prefer[..2], ["Zelensky", "Okafor"]);
        assert!(c.names.prefer.contains(&"Kyiv".to_string()));
        // Still the level the preset gives a rule the file says nothing of.
        assert_eq!(
            c.severity(rules::find("source.anonymous").unwrap()),
            Some(Severity::Warning)
        );
        // No preset turns quote.style on; the house marks wait for the file to.
        assert_eq!(c.severity(rules::find("quote.style").unwrap()), None);
    }

    #[test]
    fn the_preset_wins_over_editor_settings_and_the_file_over_both() {
        let editor = Config::json_layer(&serde_json::json!({
            "quotes": {"marks": "curly"},
            "dates": {"style": "evergreen"}
        }))
        .unwrap();
        let file = Config::parse_table(
            "preset = \"ap\"\n[dates]\nstyle = \"evergreen\"\n",
            "c.toml",
        )
        .unwrap();
        let c = Config::from_layers(vec![editor.clone(), file], "c.toml").unwrap();
        assert_eq!(c.quotes.marks, QuoteMarks::Straight);
        assert_eq!(c.dates.style, Some(crate::time::DateStyle::Evergreen));
        // A preset among the editor settings applies the same way.
        let mut with_preset = editor;
        with_preset.insert("preset".into(), toml::Value::String("reuters".into()));
        let c = Config::from_layers(vec![with_preset], "editor settings").unwrap();
        assert_eq!(c.preset.as_deref(), Some("reuters"));
        assert_eq!(c.quotes.marks, QuoteMarks::Curly);
        assert!(c.names.prefer.contains(&"Zelenskiy".to_string()));
    }

    #[test]
    fn an_unknown_preset_is_an_error_with_its_place() {
        let e =
            Config::from_toml_str("# house\npreset = \"nyt\"\n", "a/copydesk.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a/copydesk.toml:2:10: unknown preset `nyt`: expected one of \"ap\", \"reuters\", \"guardian\", \"bbc\""
        );
        let editor = Config::json_layer(&serde_json::json!({"preset": "nyt"})).unwrap();
        let e = Config::from_layers(vec![editor], "editor settings").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("editor settings: unknown preset `nyt`"),
            "{e}"
        );
    }

    #[test]
    fn across_drafts_is_read_and_on_by_default() {
        assert!(Config::default().names.across_drafts());
        let c = Config::from_toml_str("[names]\nacross-drafts = false\n", "c.toml").unwrap();
        assert!(!c.names.across_drafts());
    }

    #[test]
    fn rename_scope_is_an_editor_setting() {
        assert_eq!(
            Config::default().editor.rename_scope,
            RenameScope::Workspace
        );
        let c = Config::from_toml_str("rename-scope = \"draft\"\n", "c.toml").unwrap();
        assert_eq!(c.editor.rename_scope, RenameScope::Draft);
        assert!(Config::from_toml_str("rename-scope = \"desk\"\n", "c.toml").is_err());
    }
}
