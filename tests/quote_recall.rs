//! Recall of `quote.unattributed`: take the attributed quotes of published news (the
//! Wikinews 2019 corpus in `tests/corpus/wikinews-2019`), strip the speaker and the
//! reporting cue (`“We will win,” Smith said.` → `“We will win.”`, `Smith said: “We will
//! win.”` → `“We will win.”`), analyse the article again and count how many of the
//! stripped quotes are flagged. At least 90% must be.
//!
//! A stripped quote whose speaker the sentence just before it, in the same paragraph,
//! still names is not counted: cutting `Smith said` out of `Smith said the talks had
//! failed. “We tried everything,” Smith said.` leaves a quote a reader still gives to
//! Smith (AP: the speaker must be clear; a run of one speaker's quotes needs one
//! attribution), so it is not an unattributed quote the rule must flag. “Names” means the
//! last word of the removed speaker (“Smith” of “Jane Smith”, “ministry” of “the
//! ministry”), or the removed pronoun itself (“she said” after “She left the series.”),
//! is a word of that sentence. Those quotes are counted and printed on their own
//! (`NAMED BEFORE`, with whether they were flagged anyway). Nor is a stripped quote the
//! analysis still gives, unflagged, to the very speaker whose tag was cut (same last word):
//! a run of one speaker's quotes or the paragraph's one source names them for the reader
//! (`SAME SPEAKER`). Nor, when the removed speaker was “he”, “she” or “they”, is a quote
//! whose sentence before names one of the article's named speakers, or that follows with
//! nothing between a named speaker's quote (“Lam also spoke on the economy. “…,” she
//! said.”): the reader resolves the pronoun to that person, so cutting it leaves the quote
//! theirs (`PRONOUN, NAMED BEFORE`, counted with whether flagged anyway, like `NAMED
//! BEFORE`). A quote is not stripped when cutting its tag would cut another quotation with
//! it (“Overall,” he said, “…”; Smith said, “A,” adding, “B.”). Every other stripped quote
//! is in the figure.
//!
//! The same stripping runs on the MEANTIME business news (`tests/corpus/meantime-en`), on
//! the quotes its blind gold (`tests/gold/quotes.meantime.{tune,heldout}.tsv`) labels
//! attributed, tune and held-out printed apart; its held-out misses are only counted.
//!
//! Run: `cargo test --test quote_recall -- --nocapture` (prints the figure, whole corpus and
//! per part of `tests/corpus/split.tsv`, and the misses: the text of tune misses only, so
//! that held-out sentences are not read while changing the rule).

use copydesk::analysis::quotes::{How, QuoteKind};
use copydesk::analysis::{analyze, Config, Context, Document};
#[path = "common/corpus.rs"]
mod corpus;

/// The draft with quote `qi`'s attribution removed, and the source offset of the quote's
/// opening mark in it; `None` when the quote's attribution cannot be cut out cleanly.
fn strip(doc: &Document, qi: usize, config: &Config) -> Option<(String, usize)> {
    let cx = Context::new(doc, config);
    let q = &cx.quotes()[qi];
    if q.how != Some(How::SameSentence) || q.kind != QuoteKind::Full {
        return None;
    }
    if q.first_block != q.last_block {
        return None;
    }
    let (cue, speaker) = (q.cue.as_ref()?, q.speaker.as_ref()?);
    let text = doc.text();
    let block = &doc.blocks[q.first_block];
    let open_t = block.text_offset(q.range.start)?;
    let close_t = block.text_offset(q.range.end)?;
    let sentences = &doc.sentences[q.first_block];
    let first = sentences
        .iter()
        .find(|s| s.start <= open_t && open_t < s.end)?;
    let last = sentences
        .iter()
        .find(|s| s.start < close_t && close_t <= s.end)?;
    let sent_start = block.source_start(first.start);
    let sent_end = block.source_end(last.end);
    let inner = text[q.inner.clone()].trim_end();
    if cue.range.start >= q.range.end && speaker.range.start >= q.range.end {
        // “…,” Smith said. → “…”
        if !text[sent_start..q.range.start].trim().is_empty() {
            return None;
        }
        // “Overall,” he said, “the data are clear.”: cutting the tag would cut the rest
        // of the quotation too.
        if has_mark(&text[q.range.end..sent_end]) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..q.range.start]);
        let mark_open = &text[q.range.start..q.inner.start];
        let mark_close = &text[q.inner.end..q.range.end];
        let body = inner.trim_end_matches(',');
        out.push_str(mark_open);
        out.push_str(body);
        if !body.ends_with(['.', '!', '?', '…']) {
            out.push('.');
        }
        out.push_str(mark_close);
        out.push_str(&text[sent_end..]);
        Some((out, q.range.start))
    } else if cue.range.end <= q.range.start && speaker.range.end <= q.range.start {
        // Smith said: “…” → “…”
        if !text[q.range.end..sent_end]
            .trim()
            .trim_matches('.')
            .is_empty()
        {
            return None;
        }
        if !inner.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        // Smith said, “A,” adding, “B.”: cutting B's tag would cut quote A too.
        if has_mark(&text[sent_start..q.range.start]) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..sent_start]);
        out.push_str(&text[q.range.start..]);
        Some((out, sent_start))
    } else {
        None
    }
}

/// Whether `s` holds a double quotation mark (another quotation, or the rest of this one).
fn has_mark(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»'])
}

/// A personal pronoun a tag may name as the speaker (“she said”).
fn pronoun(key: &str) -> bool {
    matches!(key, "he" | "she" | "they")
}

/// The last word of a speaker, lowercased, without a possessive: “smith” of “Jane
/// Smith's”, “she” of “She”.
fn speaker_key(speaker: &str) -> String {
    let last = speaker
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let last = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("’s"))
        .unwrap_or(last);
    last.trim_matches(['\'', '’']).to_lowercase()
}

/// Whether the sentence just before source offset `at` of `doc`, in the same paragraph,
/// has `key` as one of its words.
fn named_before(doc: &Document, at: usize, key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    for (b, sentences) in doc.blocks.iter().zip(&doc.sentences) {
        if !(b.source.start <= at && at < b.source.end) {
            continue;
        }
        let Some(t) = b.text_offset(at) else {
            return false;
        };
        let k = sentences.partition_point(|s| s.end <= t);
        let Some(prev) = k.checked_sub(1).map(|k| &sentences[k]) else {
            return false;
        };
        return b.text[prev.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
            .any(|w| speaker_key(w) == key);
    }
    false
}

/// Whether the sentence just before source offset `at` of `doc`, in the same paragraph,
/// has a word that is one of `names`.
fn names_before(doc: &Document, at: usize, names: &std::collections::BTreeSet<String>) -> bool {
    names.iter().any(|k| named_before(doc, at, k))
}

/// A stripped quote whose removed speaker was a pronoun (“she said”) that a reader still
/// takes for someone: the sentence just before names one of the article's named speakers
/// (“Lam also spoke on the economy. “…,” she said.”), or the quote follows, with nothing
/// between once the tag is cut, a quote of a named speaker (“…,” said Kipchoge. He posted,
/// “…”). Decided
/// on the original draft and the stripped text, not on what the rule makes of it.
fn pronoun_named_before(
    doc: &Document,
    qi: usize,
    config: &Config,
    sdoc: &Document,
    at: usize,
) -> bool {
    let cx = Context::new(doc, config);
    let quotes = cx.quotes();
    let names: std::collections::BTreeSet<String> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| {
            s.text
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        })
        .map(|s| speaker_key(&s.text))
        .filter(|k| !k.is_empty() && !pronoun(k))
        .collect();
    if names_before(sdoc, at, &names) {
        return true;
    }
    let (q, Some(p)) = (&quotes[qi], qi.checked_sub(1).map(|p| &quotes[p])) else {
        return false;
    };
    // Offsets before the cut are the same in both texts.
    p.first_block == q.first_block
        && p.range.end <= at
        && sdoc.text()[p.range.end..at].trim().is_empty()
        && p.speaker
            .as_ref()
            .is_some_and(|s| names.contains(&speaker_key(&s.text)))
}

/// What the stripping of one corpus (or half) gives.
#[derive(Default)]
struct Recall {
    /// (stripped, flagged) per part.
    by_part: std::collections::BTreeMap<corpus::Part, (usize, usize)>,
    named: usize,
    named_flagged: usize,
    same: usize,
    pronouns: usize,
    pronouns_flagged: usize,
    missed_by: std::collections::BTreeMap<String, usize>,
}

impl Recall {
    fn total(&self) -> (usize, usize) {
        self.by_part
            .values()
            .fold((0, 0), |(n, h), (a, b)| (n + a, h + b))
    }

    fn print(&self, corpus: &str) {
        let (total, flagged) = self.total();
        println!(
            "{corpus} recall: {flagged} of {total} stripped quotes flagged = {:.1}%",
            pct(flagged, total)
        );
        for (part, (n, hit)) in &self.by_part {
            println!("  {}: {hit} of {n} = {:.1}%", part.as_str(), pct(*hit, *n));
        }
        println!(
            "not counted, the speaker still named in the sentence before: {} ({} flagged anyway)",
            self.named, self.named_flagged
        );
        println!(
            "not counted, still given to the same speaker (a run, the paragraph's source): {}",
            self.same
        );
        println!(
            "not counted, a removed pronoun whose person is named just before: {} ({} flagged anyway)",
            self.pronouns, self.pronouns_flagged
        );
        println!(
            "tune misses by how they were still attributed: {:?}",
            self.missed_by
        );
    }
}

fn pct(n: usize, of: usize) -> f64 {
    n as f64 / of.max(1) as f64 * 100.0
}

/// How held-out misses are shown: a line each without the text (Wikinews, as before), or
/// only in the count (MEANTIME held-out: its misses are not to be read at all).
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeldoutMisses {
    Line,
    CountOnly,
}

/// Strips every quote of `articles` (file name, text, part) that `keep` accepts (file
/// name, the quote's inner text) and counts the flagged ones, printing as it goes.
fn measure(
    articles: &[(String, String, corpus::Part)],
    keep: &dyn Fn(&str, &str) -> bool,
    heldout: HeldoutMisses,
) -> Recall {
    let config = Config::default();
    let mut r = Recall::default();
    for (name, text, part) in articles {
        let part = *part;
        let doc = Document::parse(text.as_str());
        let n = Context::new(&doc, &config).quotes().len();
        for qi in 0..n {
            let inner = {
                let cx = Context::new(&doc, &config);
                text[cx.quotes()[qi].inner.clone()].to_string()
            };
            if !keep(name, &inner) {
                continue;
            }
            let Some((stripped, at)) = strip(&doc, qi, &config) else {
                continue;
            };
            let speaker = Context::new(&doc, &config).quotes()[qi]
                .speaker
                .as_ref()
                .map(|s| speaker_key(&s.text))
                .unwrap_or_default();
            let sdoc = Document::parse(stripped.as_str());
            let hit = analyze(&sdoc, &config)
                .iter()
                .any(|d| d.rule == "quote.unattributed" && d.range.start == at);
            let shown = part == corpus::Part::Tune || heldout == HeldoutMisses::Line;
            if named_before(&sdoc, at, &speaker) {
                r.named += 1;
                r.named_flagged += usize::from(hit);
                if shown {
                    println!(
                        "NAMED BEFORE ({}) {name}: {speaker}",
                        if hit { "flagged" } else { "not flagged" },
                    );
                }
                continue;
            }
            if pronoun(&speaker) && pronoun_named_before(&doc, qi, &config, &sdoc, at) {
                r.pronouns += 1;
                r.pronouns_flagged += usize::from(hit);
                if shown {
                    println!(
                        "PRONOUN, NAMED BEFORE ({}) {name}: {speaker}",
                        if hit { "flagged" } else { "not flagged" },
                    );
                }
                continue;
            }
            // Still given, by the draft's own conventions (a run of the speaker's quotes,
            // the paragraph's one source), to the very speaker whose tag was cut: a reader
            // knows whose words they are, so it is no unattributed quote either.
            let still = if hit {
                None
            } else {
                let cx = Context::new(&sdoc, &config);
                cx.quotes()
                    .iter()
                    .find(|q| q.range.start == at)
                    .and_then(|q| q.speaker.as_ref())
                    .map(|s| speaker_key(&s.text))
                    .filter(|k| !k.is_empty() && *k == speaker)
            };
            if let Some(k) = still {
                r.same += 1;
                if shown {
                    println!("SAME SPEAKER {name}: {k}");
                }
                continue;
            }
            let counts = r.by_part.entry(part).or_default();
            counts.0 += 1;
            if hit {
                counts.1 += 1;
            } else if part == corpus::Part::Heldout {
                if heldout == HeldoutMisses::Line {
                    println!("MISS held-out (text not shown)");
                }
            } else {
                let cx = Context::new(&sdoc, &config);
                let q = cx.quotes().iter().find(|q| q.range.start == at);
                let how = q.map_or("not found".to_string(), |q| {
                    format!("{:?}/{:?}", q.how, q.kind)
                });
                *r.missed_by.entry(how.clone()).or_default() += 1;
                let end = q.map_or(at, |q| q.range.end);
                let ctx = stripped[..at]
                    .char_indices()
                    .rev()
                    .nth(100)
                    .map_or(0, |(i, _)| i);
                let tail = stripped[end..]
                    .char_indices()
                    .nth(100)
                    .map_or(stripped.len(), |(i, _)| end + i);
                let given = q
                    .and_then(|q| q.speaker.as_ref())
                    .map_or(String::new(), |s| format!(" given to: {}", s.text));
                println!(
                    "MISS [{how}] (removed speaker: {speaker}{given}) {name}: …{}⟦{}⟧{}…",
                    stripped[ctx..at].replace('\n', " ⏎ "),
                    &stripped[at..end],
                    stripped[end..tail].replace('\n', " ⏎ ")
                );
            }
        }
    }
    r
}

#[test]
fn at_least_ninety_percent_of_stripped_quotes_are_flagged() {
    let articles: Vec<(String, String, corpus::Part)> = corpus::articles()
        .into_iter()
        .map(|(name, text)| {
            let part = corpus::part(&name);
            (name, text, part)
        })
        .collect();
    let r = measure(&articles, &|_, _| true, HeldoutMisses::Line);
    r.print("Wikinews");
    let (total, flagged) = r.total();
    let recall = pct(flagged, total);
    assert!(total > 200, "only {total} quotes could be stripped");
    assert!(recall >= 90.0, "recall {recall:.1}% < 90%");
}

/// The quotes the blind MEANTIME gold (`tests/gold/quotes.meantime.{tune,heldout}.tsv`)
/// labels `attributed`, per article: the first characters of each quote.
fn meantime_attributed() -> std::collections::HashMap<String, Vec<String>> {
    let mut out: std::collections::HashMap<String, Vec<String>> = Default::default();
    for file in [
        "tests/gold/quotes.meantime.tune.tsv",
        "tests/gold/quotes.meantime.heldout.tsv",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut rows = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [article, quote, _, "attributed", _] = fields[..] {
                out.entry(article.to_string())
                    .or_default()
                    .push(quote.to_string());
                rows += 1;
            }
        }
        assert!(rows > 50, "{file}: only {rows} attributed rows");
    }
    out
}

/// The same stripping on the MEANTIME business news (`tests/corpus/meantime-en`), on the
/// quotes its blind gold labels attributed (the gold's quote string opens the quote).
/// Tune and held-out printed apart; the held-out misses are only counted, never shown.
/// No floor: the figure is reported in QUALITY.md.
#[test]
fn stripped_quotes_of_the_meantime_news() {
    let gold = meantime_attributed();
    let articles: Vec<(String, String, corpus::Part)> = corpus::meantime_articles()
        .into_iter()
        .filter_map(|(name, text)| {
            let part = corpus::meantime_part(&name)?;
            Some((name, text, part))
        })
        .collect();
    let keep = |name: &str, inner: &str| {
        let inner = inner.trim_start();
        gold.get(name)
            .is_some_and(|qs| qs.iter().any(|g| inner.starts_with(g.as_str())))
    };
    let r = measure(&articles, &keep, HeldoutMisses::CountOnly);
    r.print("MEANTIME");
    let (total, _) = r.total();
    assert!(total > 50, "only {total} MEANTIME quotes could be stripped");
}
