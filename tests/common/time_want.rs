//! What a probe's marked expression must resolve to, and the judgement of the time
//! expressions that overlap it: shared by the authors' class probe (`date_classes`) and the
//! blind probe (`blind_probes`), so that both judge a value the same way.
// Each test uses only part of this module.
#![allow(dead_code)]

use copydesk::analysis::time::{TimeExpr, TimeKind};

/// What the marked expression must be.
#[derive(Clone, Copy, Debug)]
pub enum Want<'a> {
    /// A day, ISO ("2024-03-12"): the expression's day, or its value's first ten characters.
    Day(&'a str),
    /// A TimeML value exactly ("P13Y", "2024-02", "2020").
    Value(&'a str),
    /// Not a date: no expression that anchors a time (absolute, relative, anaphoric, clock)
    /// overlaps it.
    NotDate,
}

/// An expression as a miss line shows it.
pub fn describe(e: &TimeExpr) -> String {
    format!(
        "`{}` {:?} value {:?} day {:?} ambiguous {:?}",
        e.text, e.kind, e.value, e.day, e.ambiguous
    )
}

/// Whether the expressions overlapping the marked words (`exprs`) give what `want` asks;
/// the first that is not vague is the one judged.
pub fn judge(want: Want, exprs: &[&TimeExpr]) -> Result<(), String> {
    let found = exprs.iter().find(|e| e.kind != TimeKind::Vague);
    match want {
        Want::Day(d) => {
            let e = found.ok_or("not found")?;
            let day = e.day.map(|x| x.to_string());
            let v = e.value.clone().unwrap_or_default();
            if day.as_deref() != Some(d) && !v.starts_with(d) {
                return Err(format!("want {d}, got {}", describe(e)));
            }
        }
        Want::Value(want) => {
            let e = found.ok_or("not found")?;
            if e.value.as_deref() != Some(want) {
                return Err(format!("want {want}, got {}", describe(e)));
            }
        }
        Want::NotDate => {
            if let Some(e) = exprs.iter().find(|e| e.kind.anchors()) {
                return Err(format!("taken for a date: {}", describe(e)));
            }
        }
    }
    Ok(())
}
