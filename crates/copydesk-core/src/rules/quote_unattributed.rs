//! `quote.unattributed`: a quotation whose speaker the draft never names.
//!
//! The quotations and their attribution come from `cx.quotes()` (see
//! `analysis/quotes/`). A quote counts as attributed when its sentence names a speaker
//! with a reporting cue ("said", "told reporters", "according to", "in a statement"), when a
//! sentence or paragraph ending in a colon introduces it, when the sentence right before or
//! after it says who is speaking (or, before it, tells what a person recalled, described or
//! told of), when it continues a quote whose speaker was just named,
//! or when it sits in a transcript paragraph with a speaker label. Scare quotes and
//! words-as-words are left to `quote.scare`.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::quotes::{Quotation, QuoteKind};
use crate::Context;
use std::ops::Range;

pub struct QuoteUnattributed;

static META: RuleMeta = RuleMeta {
    id: "quote.unattributed",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A quotation with no speaker named for it.",
    explanation: "Readers need to know whose words they are reading, and a quote without a speaker is the first thing a standards editor strikes. Name the speaker in the quote's sentence (“…,” Kirby said.), introduce it with a colon (Kirby said: “…”), or keep it in a run of quotes whose speaker was just named. A few words in quotation marks with no speaker (scare quotes, titles, the word “crisis”) are not reported here; see quote.scare.",
    wrong: "The council met on Tuesday.\n\n“We will rebuild every school.”\n",
    right: "The council met on Tuesday.\n\n“We will rebuild every school,” the mayor said.\n",
};

/// Paragraphs before an unattributed quote in which a speaker may be suggested. None
/// after it: a speaker the story turns to later (a company's statement, the next
/// interviewee) is not who spoke the quote before them, and a wrong name is worse than
/// none.
const BLOCKS_BEFORE: usize = 3;

/// Pronouns make poor fix suggestions: "Attribute to he".
fn is_pronoun(s: &str) -> bool {
    crate::quotes::lexicon::PRONOUNS.contains(&s.to_lowercase().as_str())
}

/// Whether a found speaker reads as one to suggest: a name (“Delgado”, “Sen. Smith”), or
/// a phrase opening with an article, a possessive or a number (“the ministry”, “a
/// spokeswoman”), not a pronoun or a stray word.
fn plausible(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    !is_pronoun(name)
        && (first.starts_with(char::is_uppercase)
            || matches!(
                lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "two" | "three"
            )
            || name.split_whitespace().count() == 1 && lower.ends_with('s'))
}

/// The last word of a speaker, lowercased: the surname of “Jane Smith”, the noun of “the
/// mayor”.
fn surname(s: &str) -> String {
    s.split_whitespace()
        .last()
        .unwrap_or("")
        .trim_end_matches(['\'', '’', 's'])
        .to_lowercase()
}

/// The draft's named speakers, by where the speaker is named: built once per draft, so
/// suggesting a speaker for each unattributed quote looks only at the nearest ones.
struct Speakers {
    /// (speaker position, speaker's block, quote index, name as written mid-sentence),
    /// sorted by position.
    by_position: Vec<(usize, usize, usize, String)>,
    /// Their surnames (see [`surname`]).
    surnames: std::collections::HashSet<String>,
}

impl Speakers {
    fn new(cx: &Context, quotes: &[Quotation]) -> Speakers {
        let mut by_position: Vec<(usize, usize, usize, String)> = quotes
            .iter()
            .enumerate()
            .filter(|(_, o)| o.attributed() && o.closed && o.kind != QuoteKind::Scare)
            .filter_map(|(j, o)| {
                let s = o.speaker.as_ref()?;
                let mut name = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !plausible(&name) {
                    return None;
                }
                // "The ministry" goes mid-sentence: “…,” the ministry said.
                for det in ["The ", "A ", "An "] {
                    if let Some(rest) = name.strip_prefix(det) {
                        name = format!("{}{rest}", det.to_lowercase());
                    }
                }
                // Blocks are disjoint and in order.
                let block = cx
                    .doc
                    .blocks
                    .partition_point(|b| b.source.end < s.range.start);
                Some((s.range.start, block, j, name))
            })
            .collect();
        by_position.sort();
        let surnames = by_position.iter().map(|(.., n)| surname(n)).collect();
        Speakers {
            by_position,
            surnames,
        }
    }

    /// The speaker to suggest for quote `i`: the nearest one named before it within
    /// [`BLOCKS_BEFORE`] paragraphs (a reader hears the last speaker go on); never one
    /// named only after it. None when the quote's own sentence names
    /// one of the draft's speakers: that person is the quote's subject, target or object,
    /// or another candidate, and a wrong name is worse than none.
    fn suggestion(&self, cx: &Context, quotes: &[Quotation], i: usize) -> Option<String> {
        let q = &quotes[i];
        let at = q.range.start;
        let mentioned = sentence_words(cx, q);
        if mentioned.iter().any(|w| self.surnames.contains(w)) {
            return None;
        }
        let list = &self.by_position;
        let split = list.partition_point(|(pos, ..)| *pos < at);
        // Sorted by position, so by block: stop at the first one too far away.
        let before = list[..split]
            .iter()
            .rev()
            .take_while(|(_, b, ..)| *b + BLOCKS_BEFORE >= q.first_block)
            .find(|(_, _, j, _)| *j != i);
        let (pos, _, j, name) = before?;
        // The nearest person is the candidate: another name between the two (a source,
        // the quote's subject, someone the story turns to) makes the guess a wrong one.
        let (lo, hi) = (
            quotes[*j].speaker.as_ref().map_or(*pos, |s| s.range.end),
            at,
        );
        // Too far to tell (and a bound on the work per quote).
        if hi.saturating_sub(lo) > MAX_GAP {
            return None;
        }
        let own = surname(name);
        if other_name_between(cx.doc.text(), lo..hi, &own, quotes) {
            return None;
        }
        let names = cx.names();
        let from = names.mentions.partition_point(|m| m.range.start < lo);
        let other = names.mentions[from..]
            .iter()
            .take_while(|m| m.range.end <= hi)
            .filter(|m| !m.heading && !inside_quote(quotes, m.range.start))
            .any(|m| surname(&cx.doc.text()[m.range.clone()]) != own);
        (!other).then(|| name.clone())
    }
}

/// The most text between a suggested speaker and the quote, in bytes.
const MAX_GAP: usize = 2_000;

/// Whether `range` of the draft names someone or something other than `own` (a surname):
/// a capitalised word that does not open a sentence, a line or a quotation, outside quotes.
fn other_name_between(text: &str, range: Range<usize>, own: &str, quotes: &[Quotation]) -> bool {
    let Some(gap) = text.get(range.clone()) else {
        return false;
    };
    let mut prev = '\n';
    let mut at_start = true;
    for (k, w) in crate::text::words(gap).into_iter().enumerate() {
        let before = gap[..w.start].trim_end_matches([' ', '*', '_']);
        prev = before
            .chars()
            .last()
            .unwrap_or(if k == 0 { prev } else { ' ' });
        let opens = (k == 0 && at_start && before.is_empty())
            || matches!(
                prev,
                '.' | '!' | '?' | '“' | '"' | ':' | '\n' | '(' | '‘' | '—' | '#'
            );
        at_start = false;
        let word = &gap[w.clone()];
        // "Mr.", "Sen.": a title before the name.
        let title = gap[w.end..].starts_with('.') && word.len() <= 4;
        if opens || title || !word.starts_with(char::is_uppercase) || word == "I" {
            continue;
        }
        if inside_quote(quotes, range.start + w.start) {
            continue;
        }
        if surname(word) != own {
            return true;
        }
    }
    false
}

/// Whether source offset `at` is inside one of `quotes` (sorted by start, disjoint).
fn inside_quote(quotes: &[Quotation], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.range.start <= at);
    i > 0 && at < quotes[i - 1].range.end
}

/// The lowercased capitalised words of the sentence(s) holding quote `q`, the quote's own
/// words included, and of the sentence before it in its paragraph (“Police charged Jones.
/// “He lied.”” is about Jones).
fn sentence_words(cx: &Context, q: &Quotation) -> Vec<String> {
    let Some(block) = cx.doc.blocks.get(q.first_block) else {
        return Vec::new();
    };
    let Some(sentences) = cx.doc.sentences.get(q.first_block) else {
        return Vec::new();
    };
    let start = block.text_offset(q.range.start).unwrap_or(0);
    let end = if q.last_block == q.first_block {
        block.text_offset(q.range.end).unwrap_or(block.text.len())
    } else {
        block.text.len()
    };
    // Sentences are in order: binary searches keep a paragraph of many quotes linear.
    let first = sentences.partition_point(|s| s.end <= start);
    let from = first
        .checked_sub(1)
        .or((first < sentences.len()).then_some(first))
        .map_or(start, |k| sentences[k].start.min(start));
    let last = sentences.partition_point(|s| s.start < end);
    let to = last
        .checked_sub(1)
        .map_or(end, |k| sentences[k].end.max(end));
    let text = &block.text[from.min(to)..to];
    crate::text::words(text)
        .into_iter()
        .map(|w| &text[w])
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.trim_end_matches(['\'', '’', 's']).to_lowercase())
        .collect()
}

/// The edit that attributes quote `q` to `speaker`, in wire style.
fn attribution_edit(cx: &Context, q: &Quotation, speaker: &str) -> Option<Edit> {
    let text = cx.doc.text();
    if q.kind == QuoteKind::Block {
        let line_start = text[..q.range.start].rfind('\n').map_or(0, |p| p + 1);
        return Some(Edit::insert(
            line_start,
            format!("{} said:\n\n", capitalise(speaker)),
        ));
    }
    if !q.closed {
        return None;
    }
    // Sentence-initial speaker keeps its capital; "the ministry" stays lowercase mid-sentence.
    let inner = text.get(q.inner.clone())?;
    let trimmed = inner.trim_end();
    let last = trimmed.chars().last()?;
    let after = &text[q.range.end..];
    match last {
        // “We will win.” → “We will win,” Kirby said.
        '.' if q.kind == QuoteKind::Full => {
            let dot = q.inner.start + trimmed.len() - 1;
            Some(Edit::replace(
                dot..q.range.end,
                format!(",{} {speaker} said.", &text[q.inner.end..q.range.end]),
            ))
        }
        // “Why?” → “Why?” Kirby said.   “We will,” → “We will,” Kirby said
        '?' | '!' | ','
            if after.trim_start().is_empty() || after.starts_with(char::is_whitespace) =>
        {
            let end = if last == ',' { "" } else { "." };
            Some(Edit::insert(q.range.end, format!(" {speaker} said{end}")))
        }
        // “a stalling tactic”. → “a stalling tactic”, Kirby said.
        _ => Some(Edit::insert(q.range.end, format!(", {speaker} said"))),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Most capitalised words of a name given after a quote with no verb.
const TAG_NAME_WORDS: usize = 4;

/// The name a quote's sentence gives right after it with no reporting verb (“…,” Jane
/// Smith, an analyst at the bank.): the speaker is named, but nothing says they said it.
/// Returns the name's source range.
fn name_without_verb(cx: &Context, q: &Quotation) -> Option<Range<usize>> {
    if q.kind != QuoteKind::Full || q.first_block != q.last_block {
        return None;
    }
    let text = cx.doc.text();
    let inner = text.get(q.inner.clone())?.trim_end();
    if !inner.ends_with(',') {
        return None;
    }
    let after = text.get(q.range.end..)?;
    let lead = after.len() - after.trim_start_matches([' ', '\t']).len();
    let (mut pos, mut end, mut words) = (lead, lead, 0);
    loop {
        let rest = &after[pos..];
        let len = rest.find([' ', ',', '.', '\n']).unwrap_or(rest.len());
        let word = &rest[..len];
        let is_name_word = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        if !is_name_word {
            break;
        }
        words += 1;
        end = pos + len;
        let tail = &rest[len..];
        // A title before the name: “Dr. Jane Smith”.
        if words == 1 && len <= 3 && tail.starts_with(". ") {
            end += 1;
            pos = end + 1;
            continue;
        }
        if tail.starts_with(' ') && words < TAG_NAME_WORDS {
            pos = end + 1;
            continue;
        }
        break;
    }
    let name = after.get(lead..end)?;
    let rest = after.get(end..)?;
    // The name ends the sentence or an appositive follows: no verb anywhere in it.
    let sentence_end = rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len());
    let tag = &rest[..sentence_end];
    if words < 2
        || !rest.starts_with([',', '.'])
        || !crate::quotes::lexicon::cues_in(tag).is_empty()
    {
        return None;
    }
    let start = q.range.end + lead;
    Some(start..start + name.len())
}

impl Rule for QuoteUnattributed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let quotes = cx.quotes();
        let speakers = Speakers::new(cx, quotes);
        for (i, q) in quotes.iter().enumerate() {
            // Headlines quote without attribution by convention; the story names the
            // speaker.
            let heading = cx
                .doc
                .blocks
                .get(q.first_block)
                .is_some_and(|b| matches!(b.kind, crate::markdown::BlockKind::Heading(_)));
            if !q.needs_speaker() || heading {
                continue;
            }
            let mut d = Diagnostic::new(
                META.id,
                q.range.clone(),
                "Who said this? No speaker is named for this quote.",
            )
            .with_data("kind", q.kind.as_str())
            .with_data("words", q.words)
            .with_data("reason", q.reason.unwrap_or(""));
            if let Some(name) = name_without_verb(cx, q) {
                // The speaker is named; the verb is missing: say so, and add it.
                let who = &cx.doc.text()[name.clone()];
                d.message = format!(
                    "The quote names {who} after it, but no verb says {who} said it. Add the verb: “…,” said {who}, …"
                );
                d = d
                    .with_data("reason", "speaker named without a reporting verb")
                    .with_fix(Fix {
                        title: format!("Add “said” before {who}"),
                        safe: false,
                        edits: vec![Edit::insert(name.start, "said ".to_string())],
                    });
                out.push(d);
                continue;
            }
            if let Some(s) = speakers.suggestion(cx, quotes, i) {
                if let Some(edit) = attribution_edit(cx, q, &s) {
                    d = d.with_fix(Fix {
                        title: format!("Attribute to {s}"),
                        safe: false,
                        edits: vec![edit],
                    });
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document};

    fn flagged(src: &str) -> Vec<String> {
        flagged_text("quote.unattributed", src, &Config::default())
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        for src in [
            "The new model has a 13.3\" widescreen display, while the larger one comes with either a 15\" or a 17\" screen.\n",
            "The team signed a 6'2\" guard from Lyon on Monday, and a 6'9\" centre from Riga.\n",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
            assert_eq!(flagged_text("quote.unbalanced", src, &Config::default()), Vec::<String>::new());
        }
    }

    #[test]
    fn names_of_documents_laws_products_and_programmes_are_not_speech() {
        for src in [
            "The senator has backed the \"Fair Pay for Farm Workers Act\" since March.\n",
            "The two firms reached a settlement called \"the long goodbye of the pension funds\" in June.\n",
            "The city started a campaign dubbed \"walk to work and breathe easier\" last spring.\n",
            "The company sells the \"Cloud Nine\" line of mattresses in 40 countries.\n",
            "The market is regulated under the Fair Trading Act of 1986, which lets the office \"investigate any practice that may harm consumers\".\n",
            "The settlement included an agreement over the brands: the bakery may sell \"bread, cakes or other baked goods made on the premises,\" but no coffee.\n",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
        }
        // Speech still needs a speaker, whatever document the paragraph mentions.
        let src = "The report came out on Monday.\n\n\"We were wrong about the river and we will say so.\"\n";
        assert_eq!(flagged(src).len(), 1);
    }

    #[test]
    fn a_speaker_named_without_a_verb_is_told_so() {
        let src = "\"Buyers are waiting for prices to fall. Nobody wants to be first,\" Jane Doyle, an analyst at the bank.\n";
        let doc = Document::parse(src);
        let d: Vec<_> = analyze(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.rule == "quote.unattributed")
            .collect();
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("names Jane Doyle"),
            "{}",
            d[0].message
        );
        let (fixed, _) = crate::fix::apply_edits(src, &d[0].fixes[0].edits);
        assert!(fixed.contains(",\" said Jane Doyle, an analyst"), "{fixed}");
    }

    #[test]
    fn attributed_quotes_pass() {
        for ok in [
            "“We will win,” Smith said.",
            "“We will win,” said John Smith, the mayor.",
            "Smith said: “We will win.”",
            "The mayor told reporters on Friday, “We will win.”",
            "“We will win,” the ministry said in a statement.",
            "According to the ministry, “the works will finish in May.”",
            "In a statement, the ministry said the road would “reopen by Friday at the latest.”",
            "She wrote on Twitter: “We will win.”",
            "Schiff called it “a non-starter with everyone in the caucus.”",
            "Police described the scene as “a war zone with smoke everywhere.”",
            "“We will win,” officials said.",
            "“We will win,” he added. “We always do.”",
            "The mayor had a message for the council:\n\n“We will rebuild every school.”\n\n“And every road.”",
            "“We will rebuild every school.\n\n“And every road,” she said.",
            "Q: Will you win?\n\nA: “We will win,” as I said before.",
            "Smith: “We will win.”",
            "“We tried everything.” Smith said.",
            "“We will win,” Smith said. “We have the votes.”",
            "“We will win.” That was how Smith put it.",
            "> We will rebuild every school.\n>\n> — Jane Smith",
            "The mayor wrote:\n\n> We will rebuild every school.",
            "‘We will win,’ said Mr Smith.",
            "# “We will rebuild every school”\n\nThe mayor spoke on Monday.",
            "« Nous gagnerons », a déclaré le ministre, quoted by AFP as saying.",
            "“Is it over?” Jane Smith asked at a meeting of the council.",
            "“Go,” the senator implored.",
            "“We are ready.” Jones said at a summit in Lisbon on Tuesday.",
            "Jane Smith was blunt. “We lost the vote.”",
            "“It is over,” she said. She urged the council to “start again from scratch next week”.",
        ] {
            assert_eq!(flagged(ok), Vec::<String>::new(), "{ok}");
        }
    }

    #[test]
    fn unattributed_quotes_are_flagged() {
        assert_eq!(flagged("“We will win.”"), ["“We will win.”"]);
        assert_eq!(
            flagged("The council met. “We will rebuild every school,” it was decided."),
            ["“We will rebuild every school,”"]
        );
        assert_eq!(
            flagged("Smith spoke first.\n\n“We will rebuild every school.”"),
            ["“We will rebuild every school.”"]
        );
        // A sentence that only tells about the person does not attribute the quote after
        // it, nor does an earlier quote with narrative between them. (“Smith said the
        // talks had failed. “We tried everything.”” is Smith's: the sentence before gives
        // the paragraph's one person as a source.)
        assert_eq!(
            flagged("Smith was arrested on Monday after the talks. “We tried everything.”"),
            ["“We tried everything.”"]
        );
        assert_eq!(
            flagged("“We will win,” Smith said. The talks resumed. “We have the votes.”"),
            ["“We have the votes.”"]
        );
        // Closing and reopening the quotation with nothing between: whose is the second?
        assert_eq!(
            flagged("Smith said, “We lost the vote.” “It was a bad day for all of us.”"),
            ["“It was a bad day for all of us.”"]
        );
        assert_eq!(
            flagged("“We won.” Smith told reporters “It is over.”"),
            ["“We won.”"]
        );
        assert_eq!(
            flagged("The plan was “a way to stall the talks for another year” in effect."),
            ["“a way to stall the talks for another year”"]
        );
        assert_eq!(
            flagged("> We will rebuild every school.\n"),
            ["We will rebuild every school."]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_flagged() {
        for ok in [
            "“COVID-19” is the name of the disease the virus causes.",
            "“Ghosting” means ending contact without a word.",
            "The so-called “deal” fell apart.",
            "He used the word “crisis” twice.",
            "They watched “Bohemian Rhapsody” on Friday.",
            "The “experts” were wrong again.",
            "He played rock ’n’ roll at the Smiths’ house.",
        ] {
            assert_eq!(flagged(ok), Vec::<String>::new(), "{ok}");
        }
    }

    /// The suggested speakers of each flagged quote.
    fn suggested(src: &str) -> Vec<Vec<String>> {
        analyze(&Document::parse(src), &Config::default())
            .into_iter()
            .filter(|d| d.rule == "quote.unattributed")
            .map(|d| d.fixes.into_iter().map(|f| f.title).collect())
            .collect()
    }

    #[test]
    fn the_suggestion_is_the_nearest_plausible_speaker_or_none() {
        let talks = "\n\nThe talks went on into the night.\n\n";
        // The last speaker before the quote, rather than one after it.
        assert_eq!(
            suggested(&format!(
                "“We will win,” Kirby said.{talks}“We will rebuild.”{talks}“No,” Jones said."
            )),
            [["Attribute to Kirby"]]
        );
        // Never one named only after it (the story turns to someone else: “Attribute to
        // Hasbro” for an actor's quote).
        assert_eq!(
            suggested(&format!(
                "The council met.{talks}“We will rebuild.”\n\n“No,” Jones said."
            )),
            [Vec::<String>::new()]
        );
        assert_eq!(
            suggested("The premiere was in May. During the premiere, “I felt like a guest.”\n\n“We are proud of the show,” Hasbro said in a statement."),
            [Vec::<String>::new()]
        );
        // Too far back: none.
        let far = format!("“We will win,” Kirby said.{talks}A.{talks}B.{talks}“We will rebuild.”");
        assert_eq!(suggested(&far), [Vec::<String>::new()]);
        // The quote's sentence names the candidate (its subject or its target): none.
        assert_eq!(
            suggested(&format!(
                "“We will win,” Kirby said.{talks}“Kirby must resign.”"
            )),
            [Vec::<String>::new()]
        );
        assert_eq!(
            suggested(&format!("“We will win,” Kirby said.{talks}Police charged Jones. “He lied to us all.”\n\n“No,” Jones said.")),
            [Vec::<String>::new()]
        );
        // Someone else named between the candidate and the quote: none.
        assert_eq!(
            suggested(&format!(
                "“We will win,” Kirby said.{talks}The company hired Maria Lopez last year. The glue guns are hot. “It is like an oven.”"
            )),
            [Vec::<String>::new()]
        );
        // A pronoun is no suggestion.
        assert_eq!(
            suggested(&format!("“We will win,” he said.{talks}“We will rebuild.”")),
            [Vec::<String>::new()]
        );
    }

    #[test]
    fn fixes_attribute_to_nearby_speakers_in_wire_style() {
        let src = "“We will win,” Kirby said.\n\nThe talks went on.\n\n“We will rebuild.”\n";
        let doc = Document::parse(src);
        let diags: Vec<_> = analyze(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.rule == "quote.unattributed")
            .collect();
        assert_eq!(diags.len(), 1);
        let fix = &diags[0].fixes[0];
        assert_eq!(fix.title, "Attribute to Kirby");
        assert!(!fix.safe);
        let (fixed, _) = crate::fix::apply_edits(src, &fix.edits);
        assert_eq!(
            fixed,
            "“We will win,” Kirby said.\n\nThe talks went on.\n\n“We will rebuild,” Kirby said.\n"
        );
    }
}
