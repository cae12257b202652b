//! Paragraph-level caching: remember a per-block result by the block's text, so that
//! after a one-word edit only the edited paragraph is analysed again.
//!
//! For analyses whose result depends only on one block's text (and a few flags), such as
//! the time-expression recogniser. Off unless [`enable`]d: the language server turns it on
//! (it sees the same paragraphs on every keystroke); `copydesk check` sees each text once
//! and leaves it off. Bounded: two generations, the older dropped when the newer fills.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turn paragraph caches on or off for the whole process.
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Entries per generation: a 100,000-word draft has about 4,000 paragraphs.
const CAPACITY: usize = 20_000;

/// Entries by flags, then by text: looking up a `&str` needs no allocation.
type Table<V> = HashMap<u8, HashMap<String, V>>;

struct Generations<V> {
    current: Table<V>,
    previous: Table<V>,
    /// Entries in `current`.
    current_len: usize,
}

/// A cache from (block text, flags) to a value.
pub struct BlockMemo<V> {
    inner: Mutex<Generations<V>>,
}

impl<V> std::fmt::Debug for BlockMemo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        write!(f, "BlockMemo({} entries)", g.len())
    }
}

impl<V: Clone> Default for BlockMemo<V> {
    fn default() -> Self {
        BlockMemo {
            inner: Mutex::new(Generations {
                current: HashMap::new(),
                previous: HashMap::new(),
                current_len: 0,
            }),
        }
    }
}

impl<V> Generations<V> {
    fn len(&self) -> usize {
        self.current_len + self.previous.values().map(HashMap::len).sum::<usize>()
    }

    fn insert(&mut self, text: &str, flags: u8, v: V) {
        if self.current_len >= CAPACITY {
            self.previous = std::mem::take(&mut self.current);
            self.current_len = 0;
        }
        if self
            .current
            .entry(flags)
            .or_default()
            .insert(text.to_string(), v)
            .is_none()
        {
            self.current_len += 1;
        }
    }
}

impl<V: Clone> BlockMemo<V> {
    /// The value for `text` and `flags`, computed by `f` when not cached (or when caching
    /// is off). `f` runs without the lock held.
    pub fn get_or_compute(&self, text: &str, flags: u8, f: impl FnOnce() -> V) -> V {
        if !enabled() {
            return f();
        }
        {
            let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(v) = g.current.get(&flags).and_then(|t| t.get(text)) {
                return v.clone();
            }
            if let Some(v) = g.previous.get_mut(&flags).and_then(|t| t.remove(text)) {
                g.insert(text, flags, v.clone());
                return v;
            }
        }
        let v = f();
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        g.insert(text, flags, v.clone());
        v
    }

    pub fn len(&self) -> usize {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn caches_by_text_and_flags_only_when_enabled() {
        let memo: BlockMemo<usize> = BlockMemo::default();
        let calls = Cell::new(0);
        let compute = |t: &str| {
            calls.set(calls.get() + 1);
            t.len()
        };
        enable(true);
        assert_eq!(memo.get_or_compute("Київ", 0, || compute("Київ")), 8);
        assert_eq!(memo.get_or_compute("Київ", 0, || compute("Київ")), 8);
        assert_eq!(calls.get(), 1);
        memo.get_or_compute("Київ", 1, || compute("Київ"));
        assert_eq!(calls.get(), 2);
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn stays_bounded() {
        let memo: BlockMemo<usize> = BlockMemo::default();
        enable(true);
        for i in 0..CAPACITY * 3 {
            memo.get_or_compute(&i.to_string(), 0, || i);
        }
        assert!(memo.len() <= CAPACITY * 2);
        // A recent entry survives a generation change.
        let last = (CAPACITY * 3 - 1).to_string();
        assert_eq!(memo.get_or_compute(&last, 0, || 0), CAPACITY * 3 - 1);
    }
}
