//! `quote.unattributed` measured against the hand-labelled gold sets
//! (`tests/gold/quotes.tune.tsv` and `tests/gold/quotes.heldout.tsv`: every quotation of 36
//! tune and 53 held-out Wikinews articles, with its speaker and a copy editor's label),
//! separately for the tune and the held-out part; and the same on the MEANTIME halves
//! (`tests/gold/quotes.meantime.{tune,heldout}.tsv`, figures printed only).
//!
//! Run: `cargo test --release --test quote_gold -- --nocapture`
//!
//! It prints every flag with its gold label, speaker and sentence, every unattributed quote
//! missed, the flags that match no gold quote ("unmatched flags", counted as false
//! positives), speaker accuracy (information only) and a Markdown table for QUALITY.md.
//!
//! How a gold row meets the analysis: its quote (the first characters of the quoted text)
//! is looked up in the article directly after an opening mark (`"`, `“`, `'`, `‘`, or the MEANTIME rebuild's `` ` ``; one space between allowed). When
//! several occurrences follow a mark, a longer gold quote of the same article keeps the
//! occurrence it starts (`"furry fandom."` vs `"furry"`), then occurrences in the draft's
//! prose (headline included) come before the front matter's `title:`, then the first one
//! wins. A `quote.unattributed` diagnostic matches the gold rows whose opening mark or
//! quoted start it contains or overlaps; when it overlaps several (a quote inside a quote),
//! the one whose mark is nearest the diagnostic's start. A gold quote is flagged when a
//! diagnostic matches it.
//!
//! Only the tune part is asserted, with regression floors a little below today's figures;
//! held-out figures are printed, never asserted, so tuning cannot chase them. Targets are
//! printed, not asserted. A malformed row, an unknown label, a quote not found in its
//! article, or a missing file fails the test, naming file and line.

use copydesk::analysis::quotes::Quotation;
use copydesk::analysis::{analyze, Config, Context, Document};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/figures.rs"]
mod figures;
use corpus::Part;
use figures::{pct, ratio};

const RULE: &str = "quote.unattributed";
const HEADER: &str = "article\tquote\tspeaker\tlabel\tcue";

/// Regression floors on the tune part, a little below today's figures (measured on 33 tune
/// articles with rows after issue 14's second round: 3 flags, all on unattributed quotes;
/// recall 3/3; 0 of 111 attributed or transcript quotes flagged; 0 of 19 not_speech; no
/// unmatched flag). The figures move in whole quotes, so each floor allows one more wrong
/// flag than today, and no lost true one.
const FLOOR_TUNE_PRECISION: f64 = 75.0;
const FLOOR_TUNE_RECALL: f64 = 100.0;
const CEILING_TUNE_FALSE_ALARMS_PER_100: f64 = 1.0;
const CEILING_TUNE_NOT_SPEECH_FLAGGED: usize = 1;
const CEILING_TUNE_UNMATCHED_FLAGS: usize = 1;

/// Targets, printed and not asserted. The issue's own figures for quotes were not available
/// when this test was written; until they replace these, the lines print the project's
/// published gates (README: recall >= 90% of stripped quotes in `quote_recall.rs`; at most 3
/// flags per 100 published quotations in `quote_corpus.rs`) and one true flag in two.
const TARGET_PRECISION: f64 = 50.0;
const TARGET_RECALL: f64 = 90.0;
const TARGET_FALSE_ALARMS_PER_100: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Label {
    Attributed,
    Transcript,
    Unattributed,
    NotSpeech,
}

impl Label {
    const ALL: [Label; 4] = [
        Label::Attributed,
        Label::Transcript,
        Label::Unattributed,
        Label::NotSpeech,
    ];

    fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "attributed" => Label::Attributed,
            "transcript" => Label::Transcript,
            "unattributed" => Label::Unattributed,
            "not_speech" => Label::NotSpeech,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Label::Attributed => "attributed",
            Label::Transcript => "transcript",
            Label::Unattributed => "unattributed",
            Label::NotSpeech => "not_speech",
        }
    }

    /// The quote has a speaker a reader can see.
    fn has_speaker(self) -> bool {
        matches!(self, Label::Attributed | Label::Transcript)
    }
}

/// One row of a gold file.
#[derive(Clone, Debug)]
struct Row {
    /// `file:line`, for messages.
    at: String,
    article: String,
    quote: String,
    speaker: String,
    label: Label,
}

/// A quote gold set: a part of the Wikinews corpus or a half of the MEANTIME corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gold {
    Wikinews(Part),
    Meantime(Part),
}

impl Gold {
    fn as_str(self) -> &'static str {
        match self {
            Gold::Wikinews(p) => p.as_str(),
            Gold::Meantime(Part::Tune) => "MEANTIME tune",
            Gold::Meantime(Part::Heldout) => "MEANTIME held-out",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Gold::Wikinews(Part::Tune) => "tests/gold/quotes.tune.tsv",
            Gold::Wikinews(Part::Heldout) => "tests/gold/quotes.heldout.tsv",
            Gold::Meantime(Part::Tune) => "tests/gold/quotes.meantime.tune.tsv",
            Gold::Meantime(Part::Heldout) => "tests/gold/quotes.meantime.heldout.tsv",
        }
    }

    fn dir(self) -> std::path::PathBuf {
        match self {
            Gold::Wikinews(_) => corpus::dir(),
            Gold::Meantime(_) => corpus::meantime_dir(),
        }
    }

    /// Why `article` does not belong to this gold set, if it does not.
    fn misplaced(self, article: &str) -> Option<String> {
        match self {
            Gold::Wikinews(part) => (corpus::part(article) != part).then(|| {
                format!(
                    "{article} is in the {} part of tests/corpus/split.tsv, not {}",
                    corpus::part(article).as_str(),
                    part.as_str()
                )
            }),
            Gold::Meantime(part) => (corpus::meantime_part(article) != Some(part)).then(|| {
                format!(
                    "{article} is not in the MEANTIME {} half (tests/fixtures/time_expressions_meantime_*.tsv)",
                    part.as_str()
                )
            }),
        }
    }
}

/// The rows of a gold file, or every problem found in it (each naming `file:line`). A quote
/// that an article repeats word for word is listed once per occurrence; `place` then gives
/// each row its own opening mark.
fn parse_gold(file: &str, text: &str) -> Result<Vec<Row>, Vec<String>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", i + 1);
        if line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line == HEADER {
                header_seen = true;
            } else {
                errors.push(format!(
                    "{at}: expected the header `{}`, found `{line}`",
                    HEADER.replace('\t', "\\t")
                ));
                break;
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 {
            errors.push(format!(
                "{at}: {} tab-separated fields, expected 5 (article, quote, speaker, label, cue)",
                fields.len()
            ));
            continue;
        }
        if let Some(f) = fields
            .iter()
            .find(|f| f.is_empty() || f.trim() != **f || f.contains('\r'))
        {
            errors.push(format!(
                "{at}: empty field or field with surrounding spaces: `{f}`"
            ));
            continue;
        }
        let [article, quote, speaker, label, cue] = [0, 1, 2, 3, 4].map(|k| fields[k]);
        let Some(label) = Label::parse(label) else {
            errors.push(format!(
                "{at}: unknown label `{label}` (attributed, transcript, unattributed, not_speech)"
            ));
            continue;
        };
        if !article.ends_with(".md") || article.contains('/') {
            errors.push(format!(
                "{at}: article `{article}` is not a corpus file name"
            ));
            continue;
        }
        if label.has_speaker() == (speaker == "-") {
            errors.push(format!(
                "{at}: label {} with speaker `{speaker}` (attributed and transcript quotes name a speaker, the others have `-`)",
                label.as_str()
            ));
            continue;
        }
        if label.has_speaker() == (cue == "-") {
            errors.push(format!(
                "{at}: label {} with cue `{cue}` (attributed and transcript quotes have a cue, the others `-`)",
                label.as_str()
            ));
            continue;
        }
        rows.push(Row {
            at,
            article: article.to_string(),
            quote: quote.to_string(),
            speaker: speaker.to_string(),
            label,
        });
    }
    if !header_seen && errors.is_empty() {
        errors.push(format!("{file}: no header line `article\\tquote\\t…`"));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(format!("{file}: no gold rows"));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// A gold row placed in its article.
struct Placed {
    row: Row,
    /// Source offset of the opening quotation mark.
    mark: usize,
    /// Source range from the opening mark to the end of the gold quote string.
    span: Range<usize>,
    /// More than one occurrence was possible.
    ambiguous: usize,
}

/// Places each row of one article (all rows have this `article`); `Err` names the rows
/// whose quote cannot be placed.
fn place(rows: Vec<Row>, text: &str, doc: &Document) -> Result<Vec<Placed>, Vec<String>> {
    let mut errors = Vec::new();
    // Longer quote strings first, so that "furry fandom." keeps its mark from "furry".
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i].quote.len()));
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut placed: Vec<Option<Placed>> = (0..rows.len()).map(|_| None).collect();
    for i in order {
        let row = &rows[i];
        let all: Vec<usize> = text.match_indices(&row.quote).map(|(k, _)| k).collect();
        let after_mark: Vec<(usize, usize)> = all
            .iter()
            .filter_map(|&k| {
                // The MEANTIME rebuild keeps the corpus tokens' spaces and its backquotes:
                // "` pingers'", "' High School Musical".
                let before = text[..k].strip_suffix(' ').unwrap_or(&text[..k]);
                let c = before.chars().next_back()?;
                matches!(c, '"' | '“' | '\'' | '‘' | '`').then(|| (before.len() - c.len_utf8(), k))
            })
            .collect();
        if all.is_empty() {
            errors.push(format!(
                "{}: quote `{}` not found in {}",
                row.at, row.quote, row.article
            ));
            continue;
        }
        if after_mark.is_empty() {
            errors.push(format!(
                "{}: quote `{}` occurs {} time(s) in {} but never directly after an opening quotation mark",
                row.at,
                row.quote,
                all.len(),
                row.article
            ));
            continue;
        }
        let free: Vec<(usize, usize)> = after_mark
            .iter()
            .copied()
            .filter(|(m, _)| !claimed.contains(m))
            .collect();
        let Some(&(mark, start)) = free
            .iter()
            .find(|(m, _)| doc.block_at(*m + 1).is_some())
            .or(free.first())
        else {
            errors.push(format!(
                "{}: quote `{}` in {}: every occurrence after an opening mark belongs to another gold row (a longer quote, or the same quote listed more often than the article has it)",
                row.at, row.quote, row.article
            ));
            continue;
        };
        claimed.insert(mark);
        placed[i] = Some(Placed {
            row: row.clone(),
            mark,
            span: mark..start + row.quote.len(),
            ambiguous: free.len(),
        });
    }
    if errors.is_empty() {
        let mut out: Vec<Placed> = placed.into_iter().flatten().collect();
        out.sort_by_key(|p| p.mark);
        Ok(out)
    } else {
        Err(errors)
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() {
        return b.start <= a.start && a.start < b.end;
    }
    a.start < b.end && b.start < a.end
}

/// The sentences of the draft around `range`, for a reader; the source line when the
/// range is outside prose.
fn passage(doc: &Document, range: &Range<usize>) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((bi, t)) = doc.block_at(range.start) {
        let block = &doc.blocks[bi];
        let sentences = &doc.sentences[bi];
        let end_t = doc
            .block_at(range.end)
            .filter(|(b, _)| *b == bi)
            .map_or(t, |(_, e)| e.max(t));
        let first = sentences.iter().find(|s| s.start <= t && t < s.end);
        let last = sentences
            .iter()
            .find(|s| s.start < end_t && end_t <= s.end)
            .or(first);
        if let (Some(f), Some(l)) = (first, last) {
            return one_line(&block.text[f.start..l.end.max(f.end)]);
        }
    }
    let text = doc.text();
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.start..]
        .find('\n')
        .map_or(text.len(), |i| range.start + i);
    one_line(&text[start..end])
}

/// The figures of one part.
#[derive(Default)]
struct Figures {
    articles: usize,
    by_label: BTreeMap<Label, usize>,
    flagged_by_label: BTreeMap<Label, usize>,
    flags: usize,
    true_flags: usize,
    unmatched_flags: usize,
    /// Gold quotes (not not_speech) that overlap a quotation of `Context::quotes()`.
    found_by_finder: usize,
    speech_quotes: usize,
    /// Attributed gold quotes; with a speaker found; whose speaker matches the gold surname.
    attributed: usize,
    with_speaker: usize,
    speaker_match: usize,
}

impl Figures {
    fn gold(&self, l: Label) -> usize {
        self.by_label.get(&l).copied().unwrap_or(0)
    }

    fn flagged(&self, l: Label) -> usize {
        self.flagged_by_label.get(&l).copied().unwrap_or(0)
    }

    fn total(&self) -> usize {
        self.by_label.values().sum()
    }

    fn precision(&self) -> f64 {
        pct(self.true_flags, self.flags)
    }

    fn recall(&self) -> f64 {
        pct(
            self.flagged(Label::Unattributed),
            self.gold(Label::Unattributed),
        )
    }

    fn with_speaker_gold(&self) -> usize {
        self.gold(Label::Attributed) + self.gold(Label::Transcript)
    }

    fn with_speaker_flagged(&self) -> usize {
        self.flagged(Label::Attributed) + self.flagged(Label::Transcript)
    }

    fn false_alarms_per_100(&self) -> f64 {
        pct(self.with_speaker_flagged(), self.with_speaker_gold())
    }
}

/// The quotation of the analysis that a gold quote belongs to: the one starting at its
/// mark, else the one around it.
fn quotation_for<'q>(quotes: &'q [Quotation], p: &Placed) -> Option<&'q Quotation> {
    quotes
        .iter()
        .find(|q| q.range.start == p.mark)
        .or_else(|| quotes.iter().find(|q| overlaps(&p.span, &q.range)))
}

/// Whether the analysis's speaker names the gold speaker: the gold speaker's last word,
/// case-insensitive, in the found speaker's text.
fn speaker_matches(gold: &str, found: &str) -> bool {
    let last = gold
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    !last.is_empty() && found.to_lowercase().contains(&last.to_lowercase())
}

/// Measures one part, printing every flag, miss and speaker mismatch (held-out parts: counts only).
fn measure(gold: Gold, rows: Vec<Row>, config: &Config, problems: &mut Vec<String>) -> Figures {
    let mut by_article: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for row in rows {
        by_article.entry(row.article.clone()).or_default().push(row);
    }
    let dir = gold.dir();
    let mut f = Figures::default();
    let mut flag_lines = Vec::new();
    let mut miss_lines = Vec::new();
    let mut speaker_lines = Vec::new();
    let mut notes = Vec::new();
    for (article, rows) in by_article {
        let first_at = rows[0].at.clone();
        let path = dir.join(&article);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!(
                    "{first_at}: cannot read article {}: {e}",
                    path.display()
                ));
                continue;
            }
        };
        if let Some(why) = gold.misplaced(&article) {
            problems.push(format!("{first_at}: {why}"));
            continue;
        }
        let doc = Document::parse(text.as_str());
        let placed = match place(rows, &text, &doc) {
            Ok(p) => p,
            Err(e) => {
                problems.extend(e);
                continue;
            }
        };
        f.articles += 1;
        for p in placed.iter().filter(|p| p.ambiguous > 1) {
            notes.push(format!(
                "note {}: `{}` follows an opening mark {} times in {article}; took line {}",
                p.row.at,
                p.row.quote,
                p.ambiguous,
                doc.line_col(p.mark).line + 1
            ));
        }
        let cx = Context::new(&doc, config);
        let quotes = cx.quotes();
        let diags: Vec<_> = analyze(&doc, config)
            .into_iter()
            .filter(|d| d.rule == RULE)
            .collect();
        let mut flagged = vec![false; placed.len()];
        for d in &diags {
            f.flags += 1;
            let line = doc.line_col(d.range.start).line + 1;
            let hit = (0..placed.len())
                .filter(|&i| overlaps(&d.range, &placed[i].span))
                .min_by_key(|&i| placed[i].mark.abs_diff(d.range.start));
            let Some(i) = hit else {
                f.unmatched_flags += 1;
                flag_lines.push(format!(
                    "FLAG [UNMATCHED: no gold quote] {article}:{line}\n    {}",
                    passage(&doc, &d.range)
                ));
                continue;
            };
            flagged[i] = true;
            let p = &placed[i];
            if p.row.label == Label::Unattributed {
                f.true_flags += 1;
            }
            flag_lines.push(format!(
                "FLAG [{}] {article}:{line} speaker: {} (gold {})\n    {}",
                p.row.label.as_str(),
                p.row.speaker,
                p.row.at,
                passage(&doc, &d.range)
            ));
        }
        for (p, &hit) in placed.iter().zip(&flagged) {
            *f.by_label.entry(p.row.label).or_default() += 1;
            if hit {
                *f.flagged_by_label.entry(p.row.label).or_default() += 1;
            }
            let q = quotation_for(quotes, p);
            if p.row.label != Label::NotSpeech {
                f.speech_quotes += 1;
                f.found_by_finder += usize::from(q.is_some());
            }
            if p.row.label == Label::Unattributed && !hit {
                miss_lines.push(format!(
                    "MISS [unattributed] {article}:{} (gold {})\n    {}",
                    doc.line_col(p.mark).line + 1,
                    p.row.at,
                    passage(&doc, &p.span)
                ));
            }
            if p.row.label == Label::Attributed {
                f.attributed += 1;
                let found = q.and_then(|q| q.speaker.as_ref()).map(|s| s.text.as_str());
                if let Some(found) = found {
                    f.with_speaker += 1;
                    if speaker_matches(&p.row.speaker, found) {
                        f.speaker_match += 1;
                        continue;
                    }
                }
                speaker_lines.push(format!(
                    "SPEAKER {}: `{}` gold {} / found {}",
                    p.row.at,
                    p.row.quote,
                    p.row.speaker,
                    found.unwrap_or("(none)")
                ));
            }
        }
    }
    let name = gold.as_str();
    // Held-out rows are measured, never read while tuning: only their counts are printed,
    // unless whoever integrates asks for them.
    let heldout = matches!(
        gold,
        Gold::Wikinews(Part::Heldout) | Gold::Meantime(Part::Heldout)
    );
    if heldout && !std::env::var("QUOTE_GOLD_HELDOUT").is_ok_and(|v| v == "show") {
        println!(
            "=== {name}: {} flags, {} misses, {} speaker mismatches (QUOTE_GOLD_HELDOUT=show lists them) ===",
            flag_lines.len(),
            miss_lines.len(),
            speaker_lines.len()
        );
        println!();
        return f;
    }
    println!("=== {name}: flags of {RULE} ({}) ===", flag_lines.len());
    for l in &flag_lines {
        println!("{l}");
    }
    println!(
        "=== {name}: unattributed gold quotes not flagged ({}) ===",
        miss_lines.len()
    );
    for l in &miss_lines {
        println!("{l}");
    }
    println!(
        "=== {name}: attributed quotes whose speaker was not found or does not match (information, {}) ===",
        speaker_lines.len()
    );
    for l in &speaker_lines {
        println!("{l}");
    }
    for l in &notes {
        println!("{l}");
    }
    println!();
    f
}

/// The Markdown table for QUALITY.md.
fn table(parts: &[(Gold, &Figures)]) -> String {
    let mut out = String::new();
    let head: Vec<&str> = parts.iter().map(|(p, _)| p.as_str()).collect();
    let _ = writeln!(
        out,
        "| `quote.unattributed` vs gold (default config) | {} |",
        head.join(" | ")
    );
    let _ = writeln!(out, "|---|{}", "---:|".repeat(parts.len()));
    let mut row = |name: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = parts.iter().map(|(_, f)| cell(f)).collect();
        let _ = writeln!(out, "| {name} | {} |", cells.join(" | "));
    };
    row("articles with gold quotations", &|f| f.articles.to_string());
    row("gold quotations", &|f| f.total().to_string());
    for l in Label::ALL {
        row(&format!("— {}", l.as_str()), &|f| f.gold(l).to_string());
    }
    row("flags", &|f| f.flags.to_string());
    row("flags matching no gold quote", &|f| {
        f.unmatched_flags.to_string()
    });
    row("precision (flags on unattributed / flags)", &|f| {
        ratio(f.true_flags, f.flags)
    });
    row("recall (unattributed flagged / unattributed)", &|f| {
        ratio(f.flagged(Label::Unattributed), f.gold(Label::Unattributed))
    });
    row("false alarms per 100 attributed + transcript", &|f| {
        format!(
            "{:.1} ({}/{})",
            f.false_alarms_per_100(),
            f.with_speaker_flagged(),
            f.with_speaker_gold()
        )
    });
    row("not_speech flagged", &|f| {
        format!(
            "{}/{}",
            f.flagged(Label::NotSpeech),
            f.gold(Label::NotSpeech)
        )
    });
    row(
        "quotations found by the quote finder (not not_speech)",
        &|f| ratio(f.found_by_finder, f.speech_quotes),
    );
    row("speaker found, attributed (info)", &|f| {
        ratio(f.with_speaker, f.attributed)
    });
    row("speaker matches gold surname, attributed (info)", &|f| {
        ratio(f.speaker_match, f.attributed)
    });
    out
}

fn read_gold(gold: Gold) -> (String, Result<Vec<Row>, Vec<String>>) {
    let name = gold.file();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let parsed = match std::fs::read_to_string(&path) {
        Ok(text) => parse_gold(name, &text),
        Err(e) => Err(vec![format!(
            "{name}: cannot read the gold file {}: {e}",
            path.display()
        )]),
    };
    (name.to_string(), parsed)
}

/// Measures each gold set and prints its table and targets; panics naming every row or
/// file that cannot be measured.
fn measure_all(golds: [Gold; 2]) -> Vec<(Gold, Figures)> {
    let config = Config::default();
    let mut problems = Vec::new();
    let mut figures = Vec::new();
    for gold in golds {
        let (name, parsed) = read_gold(gold);
        match parsed {
            Ok(rows) => {
                let f = measure(gold, rows, &config, &mut problems);
                if f.total() == 0 {
                    problems.push(format!("{name}: no gold quotation could be measured"));
                }
                figures.push((gold, f));
            }
            Err(e) => problems.extend(e),
        }
    }
    assert!(
        problems.is_empty(),
        "the gold sets cannot be measured:\n{}",
        problems.join("\n")
    );
    let parts: Vec<(Gold, &Figures)> = figures.iter().map(|(p, f)| (*p, f)).collect();
    println!("{}", table(&parts));
    let met = |b: bool| if b { "met" } else { "NOT met" };
    for (part, f) in &parts {
        println!(
            "target ({}): precision >= {TARGET_PRECISION:.0}%: {:.1}% {}; recall >= {TARGET_RECALL:.0}%: {:.1}% {}; false alarms <= {TARGET_FALSE_ALARMS_PER_100:.1} per 100 attributed quotes: {:.1} {}",
            part.as_str(),
            f.precision(),
            met(f.precision() >= TARGET_PRECISION),
            f.recall(),
            met(f.recall() >= TARGET_RECALL),
            f.false_alarms_per_100(),
            met(f.false_alarms_per_100() <= TARGET_FALSE_ALARMS_PER_100),
        );
    }
    figures
}

#[test]
fn quote_unattributed_against_the_gold_sets() {
    let figures = measure_all([Gold::Wikinews(Part::Tune), Gold::Wikinews(Part::Heldout)]);
    let tune = &figures[0].1;

    // Never pass having checked nothing.
    assert!(tune.articles >= 30, "only {} tune articles", tune.articles);
    assert!(
        figures[1].1.articles >= 45,
        "only {} held-out articles",
        figures[1].1.articles
    );
    assert!(
        tune.gold(Label::Unattributed) > 0 && tune.gold(Label::Attributed) > 50,
        "the tune gold set lacks unattributed or attributed quotes"
    );

    // Regression floors, tune part only.
    assert!(tune.flags > 0, "no {RULE} flag at all on the tune part");
    assert!(
        tune.precision() >= FLOOR_TUNE_PRECISION,
        "tune precision {:.1}% < floor {FLOOR_TUNE_PRECISION}%",
        tune.precision()
    );
    assert!(
        tune.recall() >= FLOOR_TUNE_RECALL,
        "tune recall {:.1}% < floor {FLOOR_TUNE_RECALL}%",
        tune.recall()
    );
    assert!(
        tune.false_alarms_per_100() <= CEILING_TUNE_FALSE_ALARMS_PER_100,
        "tune false alarms {:.1} per 100 attributed > ceiling {CEILING_TUNE_FALSE_ALARMS_PER_100}",
        tune.false_alarms_per_100()
    );
    assert!(
        tune.flagged(Label::NotSpeech) <= CEILING_TUNE_NOT_SPEECH_FLAGGED,
        "tune: {} not_speech quotes flagged > ceiling {CEILING_TUNE_NOT_SPEECH_FLAGGED}",
        tune.flagged(Label::NotSpeech)
    );
    assert!(
        tune.unmatched_flags <= CEILING_TUNE_UNMATCHED_FLAGS,
        "tune: {} flags match no gold quote > ceiling {CEILING_TUNE_UNMATCHED_FLAGS}",
        tune.unmatched_flags
    );
}

/// Another desk's news: the MEANTIME halves (`quotes.meantime.{tune,heldout}.tsv`, labelled
/// from the text alone in round eight), measured the same way. Figures are printed; no floor
/// is asserted yet, only that both halves were measured.
#[test]
fn quote_unattributed_against_the_meantime_gold_sets() {
    let figures = measure_all([Gold::Meantime(Part::Tune), Gold::Meantime(Part::Heldout)]);
    for (gold, f) in &figures {
        assert!(
            f.articles >= 40 && f.gold(Label::Attributed) >= 100,
            "{}: only {} articles and {} attributed quotes measured",
            gold.as_str(),
            f.articles,
            f.gold(Label::Attributed)
        );
    }
}

#[test]
fn malformed_gold_rows_fail_naming_file_and_line() {
    let ok = "# comment\narticle\tquote\tspeaker\tlabel\tcue\na.md\tWe will\tKirby\tattributed\tsaid\na.md\tcrisis\t-\tnot_speech\t-\n";
    assert_eq!(parse_gold("g.tsv", ok).map(|r| r.len()), Ok(2));
    let bad = [
        ("", "g.tsv: no header"),
        ("# only\n", "g.tsv: no header"),
        (
            "article\tquote\tspeaker\tlabel\tcue\n",
            "g.tsv: no gold rows",
        ),
        (
            "a.md\tx\t-\tnot_speech\t-\n",
            "g.tsv:1: expected the header",
        ),
        (
            "article\tquote\tspeaker\tlabel\tcue\na.md\tx\t-\tnot_speech\n",
            "g.tsv:2: 4 tab-separated fields",
        ),
        (
            "article\tquote\tspeaker\tlabel\tcue\na.md\tx\t-\tscare\t-\n",
            "g.tsv:2: unknown label `scare`",
        ),
        (
            "article\tquote\tspeaker\tlabel\tcue\na.md\tx\t-\tattributed\tsaid\n",
            "g.tsv:2: label attributed with speaker `-`",
        ),
        (
            "article\tquote\tspeaker\tlabel\tcue\na.md\t\t-\tnot_speech\t-\n",
            "g.tsv:2: empty field",
        ),
    ];
    for (text, want) in bad {
        let errors = parse_gold("g.tsv", text).expect_err(text);
        assert!(
            errors.iter().any(|e| e.starts_with(want)),
            "{text:?}: {errors:?} lacks {want:?}"
        );
    }
    // A quote that is not in its article, or never after an opening mark.
    let doc = Document::parse("He said “We will win.” Then: crisis.\n");
    let row = |quote: &str| Row {
        at: "g.tsv:9".into(),
        article: "a.md".into(),
        quote: quote.into(),
        speaker: "-".into(),
        label: Label::NotSpeech,
    };
    let err = |q: &str| match place(vec![row(q)], doc.text(), &doc) {
        Ok(_) => panic!("`{q}` placed"),
        Err(e) => e.join("\n"),
    };
    assert!(err("We shall").starts_with("g.tsv:9: quote `We shall` not found"));
    assert!(err("crisis").contains("never directly after an opening quotation mark"));
    let placed = place(vec![row("We will")], doc.text(), &doc).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&doc.text()[placed[0].span.clone()], "“We will");
    // A quote the article repeats is listed once per occurrence, and no more often.
    let twice = Document::parse("“New GM” is here. The “New GM” grew.\n");
    let placed = place(vec![row("New GM"), row("New GM")], twice.text(), &twice)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_ne!(placed[0].mark, placed[1].mark);
    let thrice = place(vec![row("New GM"); 3], twice.text(), &twice).map(|p| p.len());
    assert!(
        thrice
            .as_ref()
            .is_err_and(|e| e[0].contains("belongs to another gold row")),
        "{thrice:?}"
    );
}
