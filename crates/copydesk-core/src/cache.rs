//! Paragraph-level caching, owned by the caller: remember a per-paragraph result by the
//! paragraph's text, so that after a one-word edit only the edited paragraph is analysed
//! again.
//!
//! The core keeps no cache of its own. A caller that sees the same paragraphs again and
//! again (the language server, on every keystroke) makes a [`ParagraphCache`] and hands it
//! to [`Document::parse_cached`](crate::Document::parse_cached); the analyses of that
//! document then read and fill it. `copydesk check` sees each text once and passes none.
//! Bounded: two generations, the older dropped when the newer fills.
//!
//! What a slot holds may depend only on the paragraph's text and the slot's `variant` (a
//! flag, or the knowledge base's fingerprint): otherwise the editor and CI could disagree.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Entries per generation, over all slots: a 100,000-word draft has about 4,000
/// paragraphs, and each paragraph fills up to five slots.
const CAPACITY: usize = 100_000;

/// Which per-paragraph analysis a cached value belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// `text::sentences`.
    Sentences,
    /// Depth-0 quotation marks (`quotes::finder`).
    QuotePairs,
    /// Words and reporting cues (`quotes::attribution`).
    WordsAndCues,
    /// Time expressions (`time::recognizer`); variant: heading or not.
    TimeExpressions,
    /// Names scan (`names::BlockScan`); variant: the knowledge base's fingerprint.
    NameScan,
}

type Value = Arc<dyn Any + Send + Sync>;
/// Entries by text, then by slot and variant: one copy of a paragraph's text for all the
/// slots it fills (it was one per slot, up to five copies of every paragraph of every open
/// draft), and looking up a `&str` needs no allocation.
type Table = HashMap<Box<str>, Vec<((Slot, u64), Value)>>;

#[derive(Default)]
struct Generations {
    current: Table,
    previous: Table,
    /// Entries (slot values) in `current`.
    current_len: usize,
}

impl Generations {
    fn len(&self) -> usize {
        self.current_len + self.previous.values().map(Vec::len).sum::<usize>()
    }

    fn get(&self, key: (Slot, u64), text: &str) -> Option<&Value> {
        let slots = self.current.get(text)?;
        slots.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Takes the value of `key` for `text` out of the previous generation.
    fn take_previous(&mut self, key: (Slot, u64), text: &str) -> Option<Value> {
        let slots = self.previous.get_mut(text)?;
        let i = slots.iter().position(|(k, _)| *k == key)?;
        let (_, v) = slots.swap_remove(i);
        if slots.is_empty() {
            self.previous.remove(text);
        }
        Some(v)
    }

    fn insert(&mut self, key: (Slot, u64), text: &str, v: Value) {
        if self.current_len >= CAPACITY {
            self.previous = std::mem::take(&mut self.current);
            self.current_len = 0;
        }
        let slots = match self.current.get_mut(text) {
            Some(slots) => slots,
            None => self.current.entry(text.into()).or_default(),
        };
        match slots.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => *old = v,
            None => {
                slots.push((key, v));
                self.current_len += 1;
            }
        }
    }
}

/// Per-paragraph results of the analyses, shared by every document parsed with it.
#[derive(Default)]
pub struct ParagraphCache {
    inner: Mutex<Generations>,
}

impl std::fmt::Debug for ParagraphCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ParagraphCache({} entries)", self.len())
    }
}

impl ParagraphCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Cached entries, over all slots.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generations> {
        // A panic while the lock was held leaves whole entries only: go on with them.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get_or_compute<V>(&self, slot: Slot, variant: u64, text: &str, f: impl FnOnce() -> V) -> V
    where
        V: Clone + Send + Sync + 'static,
    {
        let key = (slot, variant);
        {
            let mut g = self.lock();
            let hit = g.get(key, text).cloned();
            if let Some(v) = hit.as_deref().and_then(|v| v.downcast_ref::<V>()) {
                return v.clone();
            }
            if let Some(v) = g.take_previous(key, text) {
                g.insert(key, text, v.clone());
                if let Some(v) = v.downcast_ref::<V>() {
                    return v.clone();
                }
            }
        }
        // Computed without the lock held: other documents go on meanwhile.
        let v = f();
        self.lock().insert(key, text, Arc::new(v.clone()));
        v
    }
}

/// The value of `slot` for a paragraph's `text`: from `cache` when it has it, else computed
/// by `f` (and kept, when there is a cache).
pub(crate) fn cached<V>(
    cache: Option<&ParagraphCache>,
    slot: Slot,
    variant: u64,
    text: &str,
    f: impl FnOnce() -> V,
) -> V
where
    V: Clone + Send + Sync + 'static,
{
    match cache {
        Some(c) => c.get_or_compute(slot, variant, text, f),
        None => f(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn caches_by_slot_variant_and_text() {
        let cache = ParagraphCache::new();
        let calls = Cell::new(0);
        let compute = |t: &str| {
            calls.set(calls.get() + 1);
            t.len()
        };
        let c = Some(&cache);
        assert_eq!(cached(c, Slot::Sentences, 0, "Київ", || compute("Київ")), 8);
        assert_eq!(cached(c, Slot::Sentences, 0, "Київ", || compute("Київ")), 8);
        assert_eq!(calls.get(), 1);
        cached(c, Slot::Sentences, 1, "Київ", || compute("Київ"));
        cached(c, Slot::QuotePairs, 0, "Київ", || compute("Київ"));
        assert_eq!(calls.get(), 3);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_paragraph_is_kept_once_for_all_its_slots() {
        let cache = ParagraphCache::new();
        let c = Some(&cache);
        let text = "The minister said on Tuesday that talks would resume.";
        cached(c, Slot::Sentences, 0, text, || 1usize);
        cached(c, Slot::QuotePairs, 0, text, || 2usize);
        cached(c, Slot::NameScan, 7, text, || 3usize);
        assert_eq!(cache.len(), 3);
        let g = cache.lock();
        assert_eq!(g.current.len(), 1, "one key for the paragraph's text");
        drop(g);
        // Each slot still answers with its own value.
        assert_eq!(cached(c, Slot::QuotePairs, 0, text, || 0usize), 2);
        assert_eq!(cached(c, Slot::NameScan, 7, text, || 0usize), 3);
        assert_eq!(cached(c, Slot::NameScan, 8, text, || 4usize), 4);
        assert_eq!(cache.len(), 4);
    }

    #[test]
    fn without_a_cache_every_call_computes() {
        let calls = Cell::new(0);
        for _ in 0..2 {
            cached(None, Slot::Sentences, 0, "x", || calls.set(calls.get() + 1));
        }
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn stays_bounded() {
        let cache = ParagraphCache::new();
        for i in 0..CAPACITY * 3 {
            cached(Some(&cache), Slot::Sentences, 0, &i.to_string(), || i);
        }
        assert!(cache.len() <= CAPACITY * 2);
        // A recent entry survives a generation change.
        let last = (CAPACITY * 3 - 1).to_string();
        assert_eq!(
            cached(Some(&cache), Slot::Sentences, 0, &last, || 0),
            CAPACITY * 3 - 1
        );
    }
}
