//! Figures the gold-set harnesses print: a share as a percentage, and "n/d = p%".
// Each test uses only part of this module.
#![allow(dead_code)]

/// `n` of `d` as a percentage; NaN (printed "NaN") when there is nothing to count.
pub fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        f64::NAN
    } else {
        n as f64 * 100.0 / d as f64
    }
}

/// "n/d = p%"; "n/0 (none to count)" when there is nothing to count.
pub fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        return format!("{n}/0 (none to count)");
    }
    format!("{n}/{d} = {:.1}%", pct(n, d))
}
