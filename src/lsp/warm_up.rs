//! The analysis tables (knowledge base, dictionary, patterns) built when the server starts,
//! before `initialize` is answered, so that the first draft opened after `initialized` is
//! analysed as fast as the next one.
//!
//! [`start`] runs [`crate::analysis::WARM_UP`]'s tasks on threads of their own as soon as the
//! process starts; `initialize` waits for them ([`wait`]), at most [`WAIT_AT_MOST`]: on a
//! machine so busy that they take longer, it answers anyway and the first analysis waits for
//! the rest, as it would without the warm-up.

use std::sync::{Condvar, Mutex, Once};
use std::time::Duration;

/// The longest `initialize` waits for the tables.
pub const WAIT_AT_MOST: Duration = Duration::from_secs(2);

static STARTED: Once = Once::new();
/// How many warm-up tasks are still running.
static LEFT: Mutex<usize> = Mutex::new(0);
static DONE: Condvar = Condvar::new();

fn left() -> std::sync::MutexGuard<'static, usize> {
    LEFT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Start building the tables (once per process; later calls do nothing). The last task
/// (analysing examples) is left to the drafts' analysis thread ([`on_analysis_thread`]):
/// the regexes' lazy DFAs and caches are per thread, and a first analysis on a thread that
/// has not searched with them builds its own (~10 ms for a 1,000-word draft).
pub fn start() {
    STARTED.call_once(|| {
        let tasks = crate::analysis::WARM_UP;
        *left() = tasks.len();
        let (on_threads, _) = tasks.split_at(tasks.len() - 1);
        for &task in on_threads {
            let spawned = std::thread::Builder::new()
                .name("copydesk-warm-up".into())
                .spawn(move || {
                    task();
                    finished();
                });
            if spawned.is_err() {
                // That table is built on first use instead.
                finished();
            }
        }
    });
}

/// Run the warm-up's last task on this thread (the drafts' analysis thread, before it
/// takes its first draft); [`wait`] counts it.
pub fn on_analysis_thread() {
    start();
    if let Some(task) = crate::analysis::WARM_UP.last() {
        task();
    }
    finished();
}

fn finished() {
    let mut left = left();
    *left = left.saturating_sub(1);
    if *left == 0 {
        DONE.notify_all();
    }
}

/// Block until every table is built (starting them if [`start`] was not called), or until
/// `limit` has passed. True when they are all built.
pub fn wait(limit: Duration) -> bool {
    start();
    let (left, _) = DONE
        .wait_timeout_while(left(), limit, |left| *left > 0)
        .unwrap_or_else(|e| e.into_inner());
    *left == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_ends_once_the_tables_are_built() {
        start();
        // The server's analysis thread runs the last task; here a thread of the test's.
        std::thread::spawn(on_analysis_thread);
        assert!(wait(Duration::from_secs(60)));
        // Built: a second wait returns at once.
        assert!(wait(Duration::ZERO));
    }
}
