//! `copydesk explain`, `copydesk rules` and `copydesk init`.

use super::exit;
use crate::analysis::config::DEFAULT_TOML;
use crate::analysis::rules;
use std::path::Path;
use std::process::ExitCode;

pub fn explain(id: &str) -> ExitCode {
    match rules::find(id) {
        Some(rule) => {
            print!("{}", rules::explain_markdown(rule.meta()));
            ExitCode::SUCCESS
        }
        None => {
            let ids: Vec<&str> = rules::all().iter().map(|r| r.meta().id).collect();
            eprintln!("error: unknown rule `{id}`; rules are: {}", ids.join(", "));
            ExitCode::from(exit::ERROR)
        }
    }
}

pub fn list(json: bool) -> ExitCode {
    if json {
        let list: Vec<_> = rules::all()
            .iter()
            .map(|r| {
                let m = r.meta();
                serde_json::json!({
                    "id": m.id,
                    "default_severity": m.default_severity.as_str(),
                    "enabled_by_default": m.enabled_by_default,
                    "summary": m.summary,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(list));
        return ExitCode::SUCCESS;
    }
    let width = rules::all()
        .iter()
        .map(|r| r.meta().id.len())
        .max()
        .unwrap_or(0);
    for r in rules::all() {
        let m = r.meta();
        let default = if m.enabled_by_default {
            m.default_severity.as_str()
        } else {
            "off"
        };
        println!("{:width$}  {:11}  {}", m.id, default, m.summary);
    }
    ExitCode::SUCCESS
}

pub fn init(path: &Path, force: bool) -> ExitCode {
    if path.exists() && !force {
        eprintln!(
            "error: {} already exists; pass --force to overwrite it",
            path.display()
        );
        return ExitCode::from(exit::ERROR);
    }
    match std::fs::write(path, DEFAULT_TOML) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            ExitCode::from(exit::ERROR)
        }
    }
}
