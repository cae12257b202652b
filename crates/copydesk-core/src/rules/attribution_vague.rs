//! `attribution.vague`: weasel attribution — a claim put in the mouths of nobody in
//! particular: “critics say”, “experts believe”, “many people think”, “some have argued”,
//! “it is widely believed”, “according to analysts”.
//!
//! Flagged, in the draft's own sentences only (never in quoted speech):
//! - an unnamed group as the subject of a reporting or opinion verb: “critics say”, “some
//!   experts believe”, “analysts expect”, “according to experts”. The group: critics,
//!   experts, observers, analysts, commentators, pundits, sceptics, scientists, researchers,
//!   economists, historians, scholars, academics, opponents, detractors, campaigners;
//!   “people” only with “some”, “many” or “most”; a lowercase post-modifier may sit between
//!   (“critics from across the political spectrum say”). Verbs of saying and opinion
//!   (say, believe, warn, attribute, blame, point to, …);
//! - “some” or “many” alone opening a clause with a verb in the present or present perfect:
//!   “Some argue”, “many believe”, “some have suggested”;
//! - reports nobody wrote: “some reports suggest”, “Reports indicate”, “according to
//!   (media) reports”, unless an outlet follows (“according to reports in The Times”);
//! - the agentless passive: “it is (widely) believed / thought / said / rumoured / alleged
//!   …”, “is widely believed to”, “is widely suspected of”, “is widely seen as / expected
//!   to”, “it is estimated / hoped that”, “there are fears / concerns that”.
//!
//! Not flagged: a group that is named or pointed to — “the experts” (already introduced),
//! “critics, including Senator Smith,”, “analysts at Goldman Sachs”, “critics such as …”,
//! a capitalised modifier inside a sentence (“but Republican critics say”: opening a
//! sentence, the capital says nothing, and it is flagged); “some said” in the past (usually some of
//! a group the story has named: “Thirty were hurt; some said …”); a passive with its agent
//! (“it was reported by the BBC”); a named source later in the sentence or in the next
//! (“Critics say … Jane Ortiz, a tenant organiser, said …”); and summary attribution in the
//! lede backed in the body by a named member of the group (“analysts say” up top, “Steve
//! Peers of the University of Essex said” below).

use super::{quoted_in_block, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::word_regex::WordRegex;
use crate::Context;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct AttributionVague;

static META: RuleMeta = RuleMeta {
    id: "attribution.vague",
    default_severity: Severity::Information,
    enabled_by_default: true,
    summary: "Vague attribution with no source (“critics say”, “experts believe”, “many people think”, “it is widely believed”).",
    explanation: "Who says so? “Critics say” and “it is widely believed” put a claim in the mouth of nobody in particular, and readers cannot judge a source they are not given. AP and the SPJ code ask reporters to identify sources clearly: name the critics or experts (“said Jane Smith, an economist at …”), say how many and who they are, or state the fact on the story's own authority if it is one. Not flagged when a named source follows in the same or the next sentence, or when the lede's summary (“analysts say”) is backed in the body by a named analyst.",
    wrong: "Critics say the plan will raise rents.\n",
    right: "Tenant groups, including the Renters' Union, say the plan will raise rents.\n",
};

const VERBS: &str = r"say|says|said|saying|argue|argues|argued|believe|believes|believed|think|thinks|thought|contend|contends|contended|claim|claims|claimed|suggest|suggests|suggested|warn|warns|warned|fear|fears|feared|worry|worries|worried|note|notes|noted|predict|predicts|predicted|agree|agrees|agreed|feel|feels|felt|insist|insists|insisted|maintain|maintains|maintained|question|questions|questioned|speculate|speculates|speculated|expect|expects|expected|estimate|estimates|estimated|charge|charges|charged|allege|alleges|alleged|point\s+out|points\s+out|pointed\s+out|describe|describes|described|call|calls|called|consider|considers|considered|see|sees|saw|doubt|doubts|doubted|attribute|attributes|attributed|blame|blames|blamed|caution|cautions|cautioned|accuse|accuses|accused|criticise|criticises|criticised|criticize|criticizes|criticized|recommend|recommends|recommended|point\s+to|points\s+to|pointed\s+to";

/// A group as the subject of a verb: “(some) critics (have long) said”.
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(some|many|most|several|other|numerous|few|certain)\s+)?(?:[a-z-]+\s+)?(critics|experts|observers|analysts|commentators|pundits|sceptics|skeptics|scientists|researchers|economists|historians|scholars|academics|opponents|detractors|campaigners|people)\s+(?:(?:from|across|outside|within)\s+(?-i:[a-z'’-]+\s+){{1,4}}?)?(?:(?:have|had|also|long|often|widely|generally|largely|now|still|already|increasingly)\s+){{0,2}}(?:{VERBS})(?-u:\b)"
    ))
    .expect("regex builds")
});

/// “some reports suggest”: reports nobody wrote.
static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:some|other|unconfirmed|unverified|several|many|media|press|local|news)\s+reports|(?-i:Reports))\s+(?:have\s+)?(?:suggest|suggested|say|said|claim|claimed|indicate|indicated|allege|alleged)(?-u:\b)|(?-u:\b)according\s+to\s+(?:(?:some|other|unconfirmed|unverified|several|many|media|press|local|news|early|initial)\s+)?reports(?-u:\b)")
        .expect("regex builds")
});

/// “according to (some) experts”.
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)according\s+to\s+(?:(?:some|many|most|several|other)\s+)?(?:[a-z-]+\s+)?(critics|experts|observers|analysts|commentators|pundits|sceptics|skeptics|scientists|researchers|economists|historians|scholars|academics|opponents|detractors|campaigners)(?-u:\b)")
        .expect("regex builds")
});

/// “Some argue”, “many believe”, “some have suggested”: present or present perfect.
static SOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(some|many)\s+(?:have\s+(?:long\s+)?(?:argued|said|suggested|claimed|speculated|noted|questioned|alleged|warned|called)|(?:argue|believe|think|say|feel|fear|contend|suggest|claim|worry|maintain|insist|allege|question|speculate))(?-u:\b)")
        .expect("regex builds")
});

/// The agentless passive: “it is widely believed”, “is widely thought to”.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:widely|generally|commonly|often|also|now|long)\s+)?(?:believed|thought|said|rumou?red|alleged|claimed|suggested|argued|felt|reported|understood|speculated|feared|assumed)|(?:is|are|was|were)\s+widely\s+(?:believed|thought|considered|regarded|seen|held|rumou?red|said|reported|suspected|expected|viewed|tipped|blamed|credited|assumed)|it\s+(?:is|was|has\s+been)\s+(?:widely\s+)?(?:hoped|expected|estimated|understood)\s+that|there\s+(?:are|were|is|was|have\s+been|has\s+been)\s+(?:growing\s+|widespread\s+|also\s+)?(?:fears|concerns|suggestions|claims|rumou?rs|speculation|suspicions)\s+that)(?-u:\b)")
        .expect("regex builds")
});

/// Words the regex may take for a modifier that are not one: “that experts say”.
const FUNCTION: &[&str] = &[
    "that", "and", "but", "or", "which", "as", "when", "while", "because", "if", "so", "than",
    "where", "whom", "why", "how", "what", "though", "although", "whereas", "yet", "since",
    "after", "before", "until", "unless", "once", "said", "say", "says", "told", "many", "some",
    "most", "several",
];

/// Words before a group that point to a group already named: “the experts”, “such
/// critics”.
const POINTING: &[&str] = &[
    "the", "these", "those", "their", "his", "her", "its", "our", "such", "both", "all", "two",
    "three", "four", "five", "of", "whose", "other",
];

impl Rule for AttributionVague {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (bi, block) in cx.doc.blocks.iter().enumerate() {
            let text = &block.text;
            if !might_match(text) {
                continue;
            }
            let quoted = quoted_in_block(cx, bi);
            let inside =
                |r: &Range<usize>| quoted.iter().any(|q| q.start <= r.start && r.start < q.end);
            let sentences = cx.doc.sentences.get(bi).map_or(&[][..], |s| &s[..]);
            let sentence_start = |at: usize| {
                let i = sentences.partition_point(|s| s.end <= at);
                sentences.get(i).map_or(0, |s| s.start)
            };
            let mut found: Vec<(Range<usize>, &'static str)> = Vec::new();
            for c in GROUP.captures_iter(text) {
                let (Some(m), Some(group)) = (c.get(0), c.get(2)) else {
                    continue;
                };
                let quantifier = c.get(1);
                let group_lower = group.as_str().to_lowercase();
                // The optional word between the quantifier and the group.
                let modifier_start = quantifier.map_or(m.start(), |q| {
                    text[q.end()..].len() - text[q.end()..].trim_start().len() + q.end()
                });
                let mut modifier = text[modifier_start..group.start()].trim();
                let mut start_at = m.start();
                if FUNCTION.contains(&modifier.to_lowercase().as_str()) {
                    // “that experts say”: the word before is not part of the group.
                    modifier = "";
                    start_at = group.start();
                    if quantifier.is_some() {
                        continue;
                    }
                }
                let start = sentence_start(start_at);
                let modifier_initial = text[start..modifier_start].trim().is_empty();
                if !group_ok(
                    text,
                    start,
                    start_at,
                    quantifier.is_some(),
                    modifier,
                    modifier_initial,
                    &group_lower,
                ) {
                    continue;
                }
                if named_after(&text[group.end()..]) {
                    continue;
                }
                found.push((start_at..m.end(), "group"));
            }
            for m in ACCORDING.find_iter(text) {
                let group_start = text[..m.end()]
                    .rfind(char::is_whitespace)
                    .map_or(m.start(), |i| i + 1);
                let words: Vec<&str> = text[m.start()..group_start].split_whitespace().collect();
                // “according to the experts” is not matched; “according to Goldman analysts”
                // has a capitalised modifier.
                if words.len() > 2 && words[2..].iter().any(|w| w.starts_with(char::is_uppercase)) {
                    continue;
                }
                // “according to the researchers”: a group the story has named.
                if words
                    .get(2)
                    .is_some_and(|w| POINTING.contains(&w.to_lowercase().as_str()))
                {
                    continue;
                }
                if named_after(&text[m.end()..]) {
                    continue;
                }
                found.push((m.start()..m.end(), "according"));
            }
            for c in SOME.captures_iter(text) {
                let Some(m) = c.get(0) else { continue };
                let before = text[sentence_start(m.start())..m.start()].trim_end();
                let prev = before
                    .rsplit(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let clause_start = before.is_empty()
                    || before.ends_with([',', ';', '—', ':'])
                    || matches!(
                        prev.as_str(),
                        "while" | "but" | "although" | "though" | "and" | "whereas" | "yet"
                    );
                if clause_start {
                    found.push((m.start()..m.end(), "some"));
                }
            }
            for m in REPORTS.find_iter(text) {
                if !named_after(&text[m.end()..]) {
                    found.push((m.start()..m.end(), "reports"));
                }
            }
            for m in PASSIVE.find_iter(text) {
                let rest = text[m.end()..].trim_start();
                if rest.starts_with("by ") {
                    continue;
                }
                found.push((m.start()..m.end(), "passive"));
            }
            found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
            let mut last_end = 0;
            for (r, kind) in found {
                if r.start < last_end || inside(&r) {
                    continue;
                }
                if named_source_near(cx, bi, &r) {
                    continue;
                }
                // Summary attribution: “analysts say” in the lede, the analysts named in
                // the body.
                if matches!(kind, "group" | "according")
                    && super::lede(cx) == Some(bi)
                    && !text[r.clone()].to_lowercase().contains("people")
                    && cx
                        .doc
                        .blocks
                        .iter()
                        .skip(bi + 1)
                        .any(|b| MEMBER.on(&b.text).is_match(&b.text))
                {
                    continue;
                }
                last_end = r.end;
                let words = text[r.clone()].to_string();
                out.push(
                    Diagnostic::new(
                        META.id,
                        block.source_range(r),
                        format!(
                            "“{words}”: who? Name the source, or say who they are and how many."
                        ),
                    )
                    .with_data("phrase", words)
                    .with_data("kind", kind),
                );
            }
        }
    }
}

/// A cheap test before the regexes: most paragraphs have none of the words.
fn might_match(text: &str) -> bool {
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([
                "critic",
                "expert",
                "observer",
                "analyst",
                "commentator",
                "pundit",
                "sceptic",
                "skeptic",
                "people",
                "some ",
                "many ",
                "widely",
                " it ",
                "it ",
                "reports",
                "scientist",
                "researcher",
                "economist",
                "historian",
                "scholar",
                "academic",
                "opponent",
                "detractor",
                "campaigner",
                "there ",
            ])
            .expect("word list builds")
    });
    WORDS.is_match(text)
}

/// Whether the group at `at` (with its quantifier and the word before it) is unnamed.
fn group_ok(
    text: &str,
    sentence_start: usize,
    at: usize,
    quantified: bool,
    modifier: &str,
    modifier_initial: bool,
    group: &str,
) -> bool {
    // “people” only with a quantifier: “many people think”, not “people said they fled”.
    if group == "people" && !quantified {
        return false;
    }
    if !modifier.is_empty() {
        let lm = modifier.to_lowercase();
        if POINTING.contains(&lm.as_str()) || lm.ends_with("'s") || lm.ends_with("’s") {
            return false;
        }
        // “Republican critics”, “Goldman analysts”: a named group. Opening a sentence, a
        // capital says nothing.
        if modifier.starts_with(char::is_uppercase) && !modifier_initial {
            return false;
        }
    }
    // The word before the whole match: “the”, “of”, a possessive point to a named group.
    let before = text[sentence_start..at].trim_end();
    let prev = before
        .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .next()
        .unwrap_or("")
        .to_lowercase();
    !(POINTING.contains(&prev.as_str()) || prev.ends_with("'s") || prev.ends_with("’s"))
}

/// A named person of the kind a group stands for: “Steve Peers of the University of
/// Essex”, “Jane Smith, an economist at …”, “analyst Jane Smith”.
static MEMBER: WordRegex = WordRegex::new(
    r"(?-u:\b)(?:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+(?:,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?i:analyst|expert|critic|observer|commentator|scientist|researcher|economist|historian|scholar|academic|professor|lecturer|specialist|fellow)|\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,3}(?:University|College|Institute|School|Centre|Center|Foundation|Institution|Observatory|Laboratory))|(?i:analyst|expert|professor|economist|researcher|scientist|historian|critic)\s+[A-Z][\w'’-]+\s+[A-Z])",
);

/// Whether a named source follows the phrase `r` of block `bi`, later in its sentence or in
/// the next: “Critics say the plan will fail. Jane Ortiz, a tenant organiser, said …”.
fn named_source_near(cx: &Context, bi: usize, r: &Range<usize>) -> bool {
    let (Some(block), Some(sentences)) = (cx.doc.blocks.get(bi), cx.doc.sentences.get(bi)) else {
        return false;
    };
    let i = sentences.partition_point(|s| s.end <= r.start);
    let end = sentences
        .get(i + 1)
        .or_else(|| sentences.get(i))
        .map_or(r.end, |s| s.end);
    cx.attributions().iter().any(|a| {
        if a.block != bi || a.cue.start < r.end || a.cue.start >= end || a.weak {
            return false;
        }
        let Some(src) = a.source.as_ref().and_then(|s| block.text.get(s.clone())) else {
            return false;
        };
        let first = src.split_whitespace().next().unwrap_or("");
        let first = first.trim_matches(|c: char| !c.is_alphanumeric());
        first.starts_with(char::is_uppercase)
            && !crate::names::lexicon::is_common_word(first)
            && !matches!(
                first.to_lowercase().as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "some" | "many"
            )
    })
}

/// Whether a named member follows the group: “, including Smith,”, “such as”, “at Goldman”.
fn named_after(rest: &str) -> bool {
    let r = rest.trim_start_matches([',', ' ']).to_lowercase();
    ["including ", "such as ", "like ", "among them ", "led by "]
        .iter()
        .any(|p| r.starts_with(p))
        || rest.trim_start().starts_with("at ")
        || ["from ", "with ", "of ", "by ", "in "].iter().any(|p| {
            rest.trim_start()
                .strip_prefix(p)
                .is_some_and(|x| x.trim_start_matches("the ").starts_with(char::is_uppercase))
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<String> {
        flagged_text("attribution.vague", src, &Config::default())
    }

    #[test]
    fn flags_weasel_attribution() {
        assert_eq!(
            flagged("Critics say the plan will raise rents."),
            ["Critics say"]
        );
        assert_eq!(
            flagged("The bill passed, but some experts believe it will fail."),
            ["some experts believe"]
        );
        assert_eq!(
            flagged("Many people think the vote was rigged."),
            ["Many people think"]
        );
        assert_eq!(
            flagged("Some have argued that the tax is unfair."),
            ["Some have argued"]
        );
        assert_eq!(
            flagged("It is widely believed that the mine will close."),
            ["It is widely believed"]
        );
        assert_eq!(
            flagged("Prices will rise, according to analysts."),
            ["according to analysts"]
        );
        assert_eq!(
            flagged("Some reports suggest a deliberate act."),
            ["Some reports suggest"]
        );
        assert_eq!(
            flagged("He is widely suspected of asking for it."),
            ["is widely suspected"]
        );
        assert_eq!(
            flagged("Legal experts said the ruling could be appealed."),
            ["Legal experts said"]
        );
    }

    #[test]
    fn flags_the_wider_forms_news_uses() {
        for (src, want) in [
            (
                "Some scientists believe the reef will recover.",
                "Some scientists believe",
            ),
            (
                "Experts attribute the rise to the heat.",
                "Experts attribute",
            ),
            (
                "Critics from across the political spectrum have claimed the deal is unfair.",
                "Critics from across the political spectrum have claimed",
            ),
            (
                "There are fears that the dam could burst.",
                "There are fears that",
            ),
            (
                "The mine will close, according to reports.",
                "according to reports",
            ),
            ("Reports suggest the talks have failed.", "Reports suggest"),
            (
                "It is estimated that 40,000 people fled.",
                "It is estimated that",
            ),
            (
                "Prices will rise, according to some economists.",
                "according to some economists",
            ),
            (
                "The minister is widely expected to resign.",
                "is widely expected",
            ),
            (
                "It has been suggested that the fire was set.",
                "It has been suggested",
            ),
            (
                "The new law is widely seen as a defeat for the unions.",
                "is widely seen",
            ),
        ] {
            assert_eq!(flagged(src), [want], "{src}");
        }
    }

    #[test]
    fn leaves_groups_backed_by_a_named_source_alone() {
        for src in [
            // A named source in the next sentence.
            "Critics say the plan will fail. Jane Ortiz, a tenant organiser, said rents would rise.",
            // Summary attribution in the lede, the analysts named in the body.
            "The court ruled on Thursday in a case which analysts say could change how the internet is policed.\n\nSteve Ward of the University of Leeds said the ruling went too far.",
            "Economists at the central bank expect two cuts.",
            "The study was published on Monday. According to the researchers, the birds were wild.",
            "The mine will close, according to reports in The Times.",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
        }
        // In the body, with nobody named near it: flagged.
        assert_eq!(
            flagged("The court ruled on Thursday in a case about posts on a social network.\n\nAnalysts say the ruling could change how the internet is policed."),
            ["Analysts say"]
        );
    }

    #[test]
    fn leaves_named_groups_past_some_and_quotes_alone() {
        for src in [
            "The experts said the bridge was safe.",
            "Critics, including Senator Jane Smith, say the plan will fail.",
            "Analysts at Goldman Sachs expect a cut.",
            "The bill passed, but Republican critics say it will fail.",
            "Thirty people were hurt. Some said they heard a blast.",
            "People said they fled when the shooting began.",
            "“Critics say we are slow,” Smith said.",
            "It was reported by the BBC that the mine would close.",
            "Some of the residents said they would stay.",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
        }
    }
}
