//! Paragraph caches (`analysis::cache`, used by the language server) never change results:
//! every corpus article analyses the same with caches off, cold and warm, and after an
//! edit to one paragraph.

use copydesk::analysis::cache::ParagraphCache;
use copydesk::analysis::{analyze, Config, Diagnostic, Document};
use std::sync::Arc;
#[path = "common/corpus.rs"]
mod corpus;

fn corpus() -> Vec<String> {
    corpus::texts()
}

fn run(text: &str, cache: Option<&Arc<ParagraphCache>>) -> Vec<Diagnostic> {
    let doc = match cache {
        Some(c) => Document::parse_cached(text, c),
        None => Document::parse(text),
    };
    analyze(&doc, &Config::default())
}

#[test]
fn cached_analysis_equals_uncached() {
    let articles = corpus();
    assert!(articles.len() > 100);
    let cache = Arc::new(ParagraphCache::new());
    let cached = Some(&cache);
    for (i, a) in articles.iter().enumerate() {
        let plain = run(a, None);
        assert_eq!(run(a, cached), plain, "article {i}, cold");
        assert_eq!(run(a, cached), plain, "article {i}, warm");
        // Edit one paragraph in the middle: the others come from the cache.
        let mut mid = a.len() / 2;
        while !a.is_char_boundary(mid) {
            mid -= 1;
        }
        let at = a[mid..].find(". ").map_or(mid, |p| mid + p + 2);
        let edited = format!("{}yesterday, Київ “said ", &a[..at]) + &a[at..];
        assert_eq!(
            run(&edited, cached),
            run(&edited, None),
            "article {i}, edited"
        );
    }
}
