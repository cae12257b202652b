//! What a finished run of the binary printed, and how it ended, for exact-output tests.
// Each test uses only part of this module.
#![allow(dead_code)]

use std::process::Output;

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// The exit code; -1 when a signal ended the run.
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}
