//! Newsroom presets: `preset = "ap" | "reuters" | "guardian" | "bbc"` in `copydesk.toml`
//! sets, in one line, the house spellings of names the outlets spell differently, the date
//! style, the quotation marks and which rules are on. The data is
//! `data/presets/presets.toml`, embedded and parsed on first use; what a preset sets is a
//! layer of configuration under the project's own file (see `crate::config`), so anything
//! the file sets wins.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The embedded preset data.
pub const DATA: &str = include_str!("../data/presets/presets.toml");

/// The preset names, in the order the docs list them.
pub const NAMES: [&str; 4] = ["ap", "reuters", "guardian", "bbc"];

/// One preset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// "AP", "Reuters": how messages name it.
    pub name: String,
    /// The style guide it follows.
    pub guide: String,
    /// A `copydesk.toml` fragment (without `[rules]` and the house spellings).
    #[serde(default)]
    pub settings: toml::Table,
    /// Rule levels, one rule id a line.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// The style point each rule's findings come from under this preset.
    #[serde(default)]
    pub cite: BTreeMap<String, String>,
}

/// One outlet's spelling of a variant group, and where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spelling {
    #[serde(rename = "use")]
    pub spelling: String,
    pub source: String,
    pub certain: bool,
}

/// A group of spellings of one name where the outlets differ.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellingGroup {
    pub group: Vec<String>,
    pub ap: Spelling,
    pub reuters: Spelling,
    pub guardian: Spelling,
    pub bbc: Spelling,
}

impl SpellingGroup {
    /// The spelling preset `name` uses.
    pub fn of(&self, name: &str) -> Option<&Spelling> {
        match name {
            "ap" => Some(&self.ap),
            "reuters" => Some(&self.reuters),
            "guardian" => Some(&self.guardian),
            "bbc" => Some(&self.bbc),
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    ap: Preset,
    reuters: Preset,
    guardian: Preset,
    bbc: Preset,
    spellings: Vec<SpellingGroup>,
}

/// The parsed data, or why it does not parse (a unit test keeps it parsing; a broken build
/// would report every preset as unknown with this message rather than panic).
static PARSED: LazyLock<Result<Data, String>> =
    LazyLock::new(|| toml::from_str(DATA).map_err(|e| e.to_string()));

/// The preset called `name`.
pub fn get(name: &str) -> Option<&'static Preset> {
    let data = PARSED.as_ref().ok()?;
    match name {
        "ap" => Some(&data.ap),
        "reuters" => Some(&data.reuters),
        "guardian" => Some(&data.guardian),
        "bbc" => Some(&data.bbc),
        _ => None,
    }
}

/// Every spelling group.
pub fn spellings() -> &'static [SpellingGroup] {
    PARSED.as_ref().map_or(&[], |d| d.spellings.as_slice())
}

/// What preset `name` sets, as a `copydesk.toml` table: its settings, its rule levels and
/// its house spellings as `[names] prefer`.
pub fn layer(name: &str) -> Option<toml::Table> {
    let preset = get(name)?;
    let mut table = preset.settings.clone();
    if !preset.rules.is_empty() {
        let rules: toml::Table = preset
            .rules
            .iter()
            .map(|(k, v)| (k.clone(), toml::Value::String(v.clone())))
            .collect();
        table.insert("rules".into(), toml::Value::Table(rules));
    }
    let prefer: Vec<toml::Value> = spellings()
        .iter()
        .filter_map(|g| g.of(name))
        .map(|s| toml::Value::String(s.spelling.clone()))
        .collect();
    if !prefer.is_empty() {
        let names = table
            .entry("names")
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(names) = names {
            names.insert("prefer".into(), toml::Value::Array(prefer));
        }
    }
    Some(table)
}

/// The style point a finding of `rule` comes from under preset `name`: "AP Stylebook,
/// “months” and “dates”".
pub fn cite(name: &str, rule: &str) -> Option<&'static str> {
    get(name)?.cite.get(rule).map(String::as_str)
}

/// What `copydesk init --preset NAME` writes: `preset = "NAME"`, a comment listing what it
/// sets, then the commented default file with the settings the preset makes left commented
/// out (a value written there would win over the preset).
pub fn init_toml(name: &str) -> Option<String> {
    let preset = get(name)?;
    let layer = layer(name)?;
    let mut out = format!(
        "# copydesk configuration using the {} preset ({}).\n\
         # The preset sets what is listed under it; a setting written in this file wins over it.\n\
         # What each preset sets, and where its spellings come from: docs/configuration.md, \"Presets\".\n\
         preset = \"{name}\"\n",
        preset.name, preset.guide
    );
    let mut set: Vec<(String, String)> = Vec::new();
    for (table, value) in &layer {
        let toml::Value::Table(t) = value else {
            continue;
        };
        for (key, v) in t {
            let key_text = if key.contains('.') {
                format!("\"{key}\"")
            } else {
                key.clone()
            };
            out.push_str(&format!("#   [{table}] {key_text} = {v}\n"));
            set.push((table.clone(), key.clone()));
        }
    }
    out.push('\n');
    let mut table = String::new();
    for line in crate::config::DEFAULT_TOML.lines() {
        let trimmed = line.trim_start();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = name.to_string();
        }
        let key = trimmed
            .split_once('=')
            .map(|(k, _)| k.trim().trim_matches('"'))
            .filter(|_| !trimmed.starts_with('#') && !trimmed.starts_with('['));
        match key {
            Some(k) if set.iter().any(|(t, sk)| *t == table && sk == k) => {
                out.push_str(&format!("# {line}   (set by the preset)\n"));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;
    use crate::Config;

    #[test]
    fn the_data_parses_and_every_preset_is_there() {
        if let Err(e) = PARSED.as_ref() {
            panic!("data/presets/presets.toml: {e}");
        }
        for name in NAMES {
            assert!(get(name).is_some(), "{name}");
        }
        assert!(get("nyt").is_none());
    }

    /// A preset naming a rule the build does not have would otherwise do nothing.
    #[test]
    fn every_rule_id_a_preset_names_exists() {
        for name in NAMES {
            let p = get(name).unwrap();
            for id in p.rules.keys().chain(p.cite.keys()) {
                assert!(
                    rules::find(id).is_some(),
                    "preset `{name}` names rule `{id}`, which this build does not have"
                );
            }
        }
    }

    #[test]
    fn what_each_preset_sets_is_a_valid_configuration() {
        for name in NAMES {
            let table = layer(name).unwrap();
            let text = toml::to_string(&table).unwrap();
            if let Err(e) = Config::from_toml_str(&text, name) {
                panic!("preset `{name}` sets an invalid configuration: {e}\n{text}");
            }
        }
    }

    #[test]
    fn every_spelling_is_one_of_its_group_and_known_to_the_knowledge_base() {
        let kb = crate::names::kb::DEFAULT_JSON;
        for g in spellings() {
            for name in NAMES {
                let s = g.of(name).unwrap();
                assert!(g.group.contains(&s.spelling), "{name}: {}", s.spelling);
                assert!(!s.source.trim().is_empty(), "{name}: {}", s.spelling);
            }
            for s in &g.group {
                assert!(
                    kb.contains(&format!("\"{s}\"")),
                    "{s} is not in the knowledge base"
                );
            }
        }
    }

    /// The file `init --preset` writes gives exactly the preset's configuration.
    #[test]
    fn the_init_file_is_the_preset() {
        for name in NAMES {
            let text = init_toml(name).unwrap();
            let written = Config::from_toml_str(&text, "copydesk.toml").unwrap();
            let mut plain =
                Config::from_toml_str(&format!("preset = \"{name}\"\n"), "c.toml").unwrap();
            // The default file's own values that no preset sets.
            plain.quotes.scare_max_words = written.quotes.scare_max_words;
            plain.dates.style = plain.dates.style.or(written.dates.style);
            assert_eq!(written, plain, "{name}:\n{text}");
        }
        assert!(init_toml("nyt").is_none());
    }

    #[test]
    fn a_preset_layer_holds_the_house_spellings() {
        let t = layer("ap").unwrap();
        let prefer = t["names"]["prefer"].as_array().unwrap();
        assert!(prefer.contains(&toml::Value::String("Zelenskyy".into())));
        assert!(prefer.contains(&toml::Value::String("Kyiv".into())));
        assert_eq!(t["rules"]["date.format"].as_str(), Some("information"));
        assert_eq!(
            cite("ap", "date.format"),
            Some("AP Stylebook, “months” and “dates”")
        );
        assert_eq!(cite("bbc", "date.format"), None);
    }
}
