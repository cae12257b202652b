//! Paragraph caches (`analysis::memo`, on in the language server) never change results:
//! every corpus article analyses the same with caches off, cold and warm, and after an
//! edit to one paragraph.

use copydesk::analysis::{analyze, memo, Config, Diagnostic, Document};
#[path = "common/corpus.rs"]
mod corpus;

fn corpus() -> Vec<String> {
    corpus::texts()
}

fn run(text: &str, cached: bool) -> Vec<Diagnostic> {
    memo::enable(cached);
    analyze(&Document::parse(text), &Config::default())
}

#[test]
fn cached_analysis_equals_uncached() {
    let articles = corpus();
    assert!(articles.len() > 100);
    for (i, a) in articles.iter().enumerate() {
        let plain = run(a, false);
        assert_eq!(run(a, true), plain, "article {i}, cold");
        assert_eq!(run(a, true), plain, "article {i}, warm");
        // Edit one paragraph in the middle: the others come from the cache.
        let mut mid = a.len() / 2;
        while !a.is_char_boundary(mid) {
            mid -= 1;
        }
        let at = a[mid..].find(". ").map_or(mid, |p| mid + p + 2);
        let edited = format!("{}yesterday, Київ “said ", &a[..at]) + &a[at..];
        assert_eq!(
            run(&edited, true),
            run(&edited, false),
            "article {i}, edited"
        );
    }
}
