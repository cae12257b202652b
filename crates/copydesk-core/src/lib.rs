//! The analysis core: a pure function from a draft's text and configuration to
//! diagnostics, hovers and outline. No LSP, CLI, threads, clock or I/O live here; the
//! compiler keeps it so (this crate depends on none of them).
//!
//! Layers, each using only those before it:
//! 1. base — [`document`], [`markdown`], [`text`], [`line_index`], [`diagnostic`],
//!    [`front_matter`], [`suppress`], [`fix`], [`calendar`], [`cache`];
//! 2. features — [`quotes`], [`names`], [`time`], each with its own settings;
//! 3. [`rules`] (one file per rule) and [`ide`] (hover, outline, inlay hints, navigation),
//!    reading the features through [`Context`];
//! 4. [`config`] and the registry, and [`analyze`].

pub mod cache;
pub mod calendar;
pub mod config;
mod context;
#[cfg(test)]
mod cpu_time;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod front_matter;
pub mod ide;
pub mod line_index;
pub mod markdown;
pub mod names;
pub mod presets;
pub mod quotes;
pub mod roles;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod time;
mod word_regex;

#[cfg(test)]
mod test_corpus;

pub use config::Config;
pub use context::{Computed, Context};
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use document::Document;
pub use line_index::{Encoding, LineCol, LineIndex};

/// What builds the tables every analysis uses (the knowledge base and its automaton, the
/// dictionary, the rules' patterns) on first use. A shell that wants the first draft
/// checked as fast as the next (the language server) runs these ahead of time, on threads
/// of its own; they are independent of each other, and the last one — each rule's own
/// examples and made-up news paragraphs analysed — touches every table a news draft usually
/// calls for, on the thread that runs it (a regex's search caches are per thread). The one
/// before it builds, on a thread of its own, the patterns only some sentences reach (a
/// credit after hearsay or a passive, an outlet), which a first draft otherwise paid for:
/// most of its first analysis in round thirteen's profile.
pub const WARM_UP: [fn(); 5] = [
    || {
        let kb = names::kb::Kb::default_kb();
        // The near-miss index, which the first capitalised unknown word asks for.
        std::hint::black_box(kb.near());
    },
    || {
        names::lexicon::is_dictionary_word("Warm");
        names::lexicon::is_known_given_name("Warm");
        names::lexicon::is_name_variant_form("Warm");
        // The trigrams of every known name (asked for by a one-letter slip of a given name).
        std::hint::black_box(names::lexicon::slipped_common_given_name("Warm"));
    },
    || {
        let doc = Document::parse("Last week, on Monday, March 2, 2020, it rained.");
        time::find_all(&doc, None);
        // Every time pattern, not only those a first paragraph calls for.
        for (_, re) in time::recognizer::pattern_regexes() {
            std::hint::black_box(re);
        }
    },
    || {
        // Compiled here, searched once on a short sentence: a search caches per thread, and
        // a whole analysis here would leave this thread's caches of every pattern behind.
        rules::outlet_kind_credits("", &(0..0));
        let doc = Document::parse("Records show it.");
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let end = doc.blocks.first().map_or(0, |b| b.text.len());
        rules::credited_in_sentence(&cx, 0, &(0..end), &(0..0));
    },
    || {
        let config = Config::default();
        for rule in rules::all() {
            analyze(&Document::parse(rule.meta().wrong), &config);
            analyze(&Document::parse(rule.meta().right), &config);
        }
        analyze(&Document::parse(WARM_UP_NEWS), &config);
        analyze(&Document::parse(WARM_UP_SOURCING), &config);
    },
];

/// Made-up sentences for [`WARM_UP`] that reach the sourcing checks' exceptions (hearsay
/// and passives credited in the sentence, documents and outlets as sources, a source's
/// reason for anonymity), a given name one letter off, a quarter and "nowadays".
const WARM_UP_SOURCING: &str = "---\ntitle: Mill to close\ndate: 2021-03-09\n---\n\n\
The owner reportedly plans to sell the mill, according to local media. The manager is \
believed to have left the region, police said. According to court records seen by the \
Gazette, the firm was fined twice. Profits fell, as reported by the regional paper.\n\n\
Many workers fear the mill will close, two officials said on condition of anonymity \
because they were not allowed to speak publicly. Records show the mill was sold in the \
third quarter of 2020. Nowadays the town has one school.\n\n\
“We were never told,” said Andrw Kowalski, who is alleged to have led the union, \
adding that it was claimed in a letter that the deal was done.\n";

/// A made-up news story for [`WARM_UP`]: names (one misspelled), quotations, sources,
/// seasons, fiscal years and dates relative to its own date, so that the patterns behind
/// them are compiled.
const WARM_UP_NEWS: &str =
    "---\ntitle: Harvest falls short\ndate: 2019-05-06\n---\n\n# Harvest falls short\n\n\
WASHINGTON — Senator Jane Doe told reporters on Tuesday that the winter harvest had been \
poor, according to officials who spoke on condition of anonymity because they were not \
authorized to discuss it.\n\n\
“We will see what happens next season,” said Jon Smiht, a spokesman for the ministry, \
citing sources familiar with the matter. Mr. Smith added that the company reported fiscal \
2019 results last week, and critics say the figures were released in the summer.\n\n\
Some experts say the plan, announced on March 3, will cost $4 million next year. Earlier \
this week on Wednesday, President Joe Biden said it was “a good start”.\n";

/// Run every enabled rule over a document. Diagnostics come back at their configured
/// severity, without suppressed ones, sorted by position.
pub fn analyze(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let cx = Context::new(doc, config);
    analyze_with(&cx)
}

/// A guess (`data.confidence` "low": "did you mean"), reported one level below its rule's
/// severity: a warning's guess is information.
fn low_confidence(d: &Diagnostic) -> bool {
    d.data.get("confidence").and_then(|v| v.as_str()) == Some("low")
}

fn one_below(s: Severity) -> Severity {
    match s {
        Severity::Error => Severity::Warning,
        Severity::Warning => Severity::Information,
        Severity::Information | Severity::Hint => Severity::Hint,
    }
}

pub fn analyze_with(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::all() {
        let Some(severity) = cx.config.severity(*rule) else {
            continue;
        };
        let start = out.len();
        rule.check(cx, &mut out);
        for d in &mut out[start..] {
            d.severity = if low_confidence(d) {
                one_below(severity)
            } else {
                severity
            };
            d.drop_growth_room();
        }
    }
    out.retain(|d| {
        let line = cx.doc.line_col(d.range.start).line as usize;
        !cx.doc.suppressions.suppresses(d, line)
    });
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_reuses_what_another_computed() {
        let doc = Document::parse("Volodymyr Zelenskyy said “we will win” on Monday.\n");
        let config = Config::default();
        let first = Context::new(&doc, &config);
        let diagnostics = analyze_with(&first);
        let again = Context::with_computed(&doc, &config, first.computed());
        assert!(std::ptr::eq(again.names(), first.names()));
        assert!(std::ptr::eq(again.quotes(), first.quotes()));
        assert!(std::ptr::eq(
            again.time_expressions(),
            first.time_expressions()
        ));
        assert_eq!(analyze_with(&again), diagnostics);
        // Nothing computed: a fresh context computes its own.
        let fresh = Context::with_computed(&doc, &config, Computed::default());
        assert!(!std::ptr::eq(fresh.names(), first.names()));
    }
}
