//! Word lists for attribution: reporting verbs in all their inflected forms, phrases that
//! name a source ("according to", "in a statement"), verbs that frame a partial quote
//! ("called it “…”"), pronouns, and the words that mark words-as-words ("the word “…”").
//!
//! The verbs come from `data/lexicons/` (see `SOURCE-quote-verbs.md` there): the MIT-licensed
//! Gender Gap Tracker list and copydesk's own list of base forms, inflected here.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const GGT_VERBS: &str = include_str!("../../data/lexicons/quote_verb_list_en.txt");
const EXTRA_VERBS: &str = include_str!("../../data/lexicons/reporting_verbs_extra.txt");

/// What a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb: said, told, added, wrote, tweeted.
    Verb,
    /// A verb that frames a partial quote: called it “…”, described it as “…”.
    Naming,
    /// "according to" + the source after it.
    According,
    /// A phrase that is itself the source: "in a statement", "in an interview".
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub kind: CueKind,
    /// Reports speech only right beside a quotation ("“…,” she recalled").
    pub weak: bool,
}

/// Forms in the Gender Gap Tracker list that are more often nouns or other verbs than
/// reporting verbs ("the United States", "a report", "points", "present"): weak.
const GGT_WEAK: &[&str] = &[
    "point",
    "points",
    "pointed",
    "pointing",
    "finding",
    "finds",
    "present",
    "presents",
    "presenting",
    "release",
    "released",
    "releases",
    "releasing",
    "continue",
    "continued",
    "continues",
    "continuing",
    "think",
    "thinks",
    "thinking",
    "thought",
    "state",
    "states",
    "report",
    "reports",
    "reporting",
    "reported",
    "note",
    "notes",
    "warning",
    "claims",
    "comment",
    "comments",
    "estimated",
    "estimates",
    "convince",
    "convinced",
    "convinces",
    "convincing",
    "ensure",
    "ensured",
    "ensures",
    "ensuring",
    "demonstrate",
    "demonstrated",
    "demonstrates",
    "demonstrating",
    "illustrate",
    "illustrated",
    "illustrates",
    "illustrating",
    "persist",
    "persisted",
    "persisting",
    "persists",
    "highlight",
    "highlights",
    "highlighted",
    "highlighting",
    "remind",
    "reminded",
    "reminding",
    "reminds",
    "inform",
    "informed",
    "informing",
    "informs",
    "advise",
    "advised",
    "advises",
    "advising",
    "indicate",
    "indicated",
    "indicates",
    "indicating",
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "rave",
    "raves",
    "raving",
    "raved",
    "preach",
    "preached",
    "preaches",
    "preaching",
    "accept",
    "accepted",
    "describe",
    "described",
    "describes",
    "describing",
    "reply",
    "present",
    "notify",
    "notified",
    "notifies",
    "notifying",
    "criticize",
    "criticized",
    "criticizes",
    "criticizing",
    "telling",
    "writing",
    "claim",
    "claiming",
    "read",
    "reading",
    "post",
    "posts",
    "posting",
    "quote",
    "quotes",
    "quoting",
    "answer",
    "answers",
    "answering",
    "state",
    "counter",
    "question",
    "promise",
    "promises",
    "charge",
    "charges",
    "charged",
    "charging",
    "object",
    "objects",
    "demand",
    "demands",
    "repeat",
    "stress",
    "urge",
    "warn",
    "post",
    "text",
    "email",
];

/// Verbs that frame a partial quote or a description: "called it “a stalling tactic”",
/// "described the plan as “…”", "branded the move “…”".
const NAMING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "dub",
    "dubs",
    "dubbed",
    "dubbing",
    "brand",
    "brands",
    "branded",
    "branding",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "labeling",
    "term",
    "terms",
    "termed",
    "terming",
    "characterise",
    "characterised",
    "characterize",
    "characterized",
    "characterizes",
    "characterises",
    "deem",
    "deemed",
    "deems",
    "slam",
    "slammed",
    "slams",
    "hail",
    "hailed",
    "hails",
    "praise",
    "praised",
    "praises",
    "condemn",
    "condemned",
    "condemns",
    "denounce",
    "denounced",
    "denounces",
    "decry",
    "decried",
    "decries",
    "lambast",
    "lambasted",
    "criticise",
    "criticised",
    "criticises",
    "criticize",
    "criticized",
    "criticizes",
    "accuse",
    "accused",
    "accuses",
    "blame",
    "blamed",
    "blames",
    "reject",
    "rejected",
    "rejects",
    "dismiss",
    "dismissed",
    "dismisses",
    "welcome",
    "welcomed",
    "welcomes",
    "refer",
    "refers",
    "referred",
    "referring",
    "regard",
    "regards",
    "regarded",
    "tout",
    "touts",
    "touted",
    "portray",
    "portrays",
    "portrayed",
    "depict",
    "depicts",
    "depicted",
    "mock",
    "mocks",
    "mocked",
    "ridicule",
    "ridiculed",
    "deride",
    "derides",
    "derided",
    "nickname",
    "nicknames",
    "nicknamed",
];

/// Verbs of naming that, before “as”, make the quote after it a name or a label: “known
/// as “…””, “referred to her as “…””, “billed as “…””, “seen as “…””.
pub const NAMING_AS: &[&str] = &[
    "known",
    "refer",
    "refers",
    "referred",
    "referring",
    "regard",
    "regards",
    "regarded",
    "regarding",
    "see",
    "sees",
    "seen",
    "saw",
    "seeing",
    "view",
    "views",
    "viewed",
    "viewing",
    "bill",
    "bills",
    "billed",
    "billing",
    "tout",
    "touts",
    "touted",
    "touting",
    "describe",
    "describes",
    "described",
    "describing",
    "characterised",
    "characterized",
    "brand",
    "branded",
    "label",
    "labelled",
    "labeled",
    "dismiss",
    "dismissed",
    "dismisses",
    "hail",
    "hailed",
    "hails",
    "cast",
    "casts",
    "portray",
    "portrayed",
    "portrays",
    "depict",
    "depicted",
    "depicts",
    "identify",
    "identified",
    "identifies",
    "listed",
    "classified",
    "classed",
    "marketed",
    "advertised",
    "promoted",
    "presented",
    "introduced",
    "looked",
    "look",
    "looks",
    "remembered",
    "celebrated",
    "credited",
    "credits",
    "credit",
];

/// Phrases that name the source of a quote by themselves.
const SOURCE_PHRASES: &[&str] = &[
    "in a statement",
    "in the statement",
    "in its statement",
    "in his statement",
    "in her statement",
    "in their statement",
    "in a joint statement",
    "in a written statement",
    "in a press release",
    "in a news release",
    "in a release",
    "in an interview",
    "in the interview",
    "in an email",
    "in a letter",
    "in the letter",
    "in an open letter",
    "in a tweet",
    "in a post",
    "in a blog post",
    "in a video",
    "in a speech",
    "in his speech",
    "in her speech",
    "in a message",
    "in a report",
    "in the report",
    "in its report",
    "in a ruling",
    "in the ruling",
    "in its ruling",
    "in a filing",
    "in court documents",
    "in the complaint",
    "in a column",
    "in an op-ed",
    "in an editorial",
    "in a press conference",
    "at a press conference",
    "at a news conference",
    "in remarks",
    "quoted as saying",
    "was quoted",
    "were quoted",
    "as saying",
    "in the words of",
    "put it",
    "on twitter",
    "on x",
    "on facebook",
    "on instagram",
    "on social media",
];

/// Words that make a short quotation words-as-words or a title, not speech:
/// "the word “crisis”", "the so-called “deal”", "a film titled “Argo”".
pub const WORDS_AS_WORDS: &[&str] = &[
    "word",
    "words",
    "term",
    "terms",
    "phrase",
    "phrases",
    "slogan",
    "slogans",
    "so-called",
    "titled",
    "entitled",
    "nicknamed",
    "named",
    "known",
    "motto",
    "hashtag",
    "label",
    "headline",
    "headlined",
    "banner",
    "sign",
    "signs",
    "song",
    "album",
    "film",
    "movie",
    "book",
    "novel",
    "play",
    "show",
    "series",
    "programme",
    "program",
    "operation",
    "campaign",
    "dubbed",
    "codenamed",
    "code-named",
    "called",
];

/// Subject pronouns (and object ones used after "according to" or "told").
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me", "who",
];

/// Words that may stand between a speaker and the verb ("Smith also said", "she has
/// repeatedly said", "officials would later say").
pub const AUXILIARIES: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "previously",
    "reportedly",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "recently",
    "once",
    "publicly",
    "repeatedly",
    "again",
    "earlier",
    "simply",
    "only",
    "just",
    "first",
    "privately",
    "initially",
    "allegedly",
    "not",
    "never",
    "since",
    "subsequently",
    "quickly",
    "immediately",
    "separately",
    "similarly",
    "told",
    "been",
    "being",
    "often",
    "already",
    "however",
    "yesterday",
    "today",
    "tonight",
    "still",
    "may",
    "might",
    "should",
    "must",
    "can",
    "shall",
    "finally",
    "eventually",
    "openly",
    "angrily",
    "calmly",
    "jokingly",
    "famously",
    "bluntly",
    "candidly",
    "flatly",
    "proudly",
    "softly",
];

/// Inflect a regular base form: (third person, past, -ing).
fn inflect(base: &str) -> [String; 3] {
    let b = base;
    let last = b.chars().last().unwrap_or(' ');
    let before_last = b.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    let third = if b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with('o')
    {
        format!("{b}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    let past = if last == 'e' {
        format!("{b}d")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ied", &b[..b.len() - 1])
    } else {
        format!("{b}ed")
    };
    let ing = if let Some(stem) = b.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == 'e' && before_last != 'e' {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    };
    [third, past, ing]
}

/// Every reporting-verb form with whether it is weak.
pub fn verb_forms() -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for w in GGT_VERBS.lines().map(str::trim).filter(|w| !w.is_empty()) {
        out.push((w.to_lowercase(), GGT_WEAK.contains(&w)));
    }
    for line in EXTRA_VERBS.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (weak, line) = match line.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let forms: Vec<String> = if words.len() > 1 {
            words.iter().map(|w| w.to_string()).collect()
        } else {
            let [a, b, c] = inflect(words[0]);
            vec![words[0].to_string(), a, b, c]
        };
        for f in forms {
            let f_weak = weak || GGT_WEAK.contains(&f.as_str());
            out.push((f, f_weak));
        }
    }
    out.sort();
    out.dedup_by(|a, b| {
        if a.0 == b.0 {
            // Strong wins.
            b.1 = a.1 && b.1;
            true
        } else {
            false
        }
    });
    out
}

pub struct Lexicon {
    pub ac: AhoCorasick,
    pub cues: Vec<CueWord>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut cues = Vec::new();
    for (form, weak) in verb_forms() {
        if NAMING.contains(&form.as_str()) {
            continue;
        }
        patterns.push(form);
        cues.push(CueWord {
            kind: CueKind::Verb,
            weak,
        });
    }
    for &n in NAMING {
        patterns.push(n.to_string());
        cues.push(CueWord {
            kind: CueKind::Naming,
            weak: true,
        });
    }
    patterns.push("according to".into());
    cues.push(CueWord {
        kind: CueKind::According,
        weak: false,
    });
    for &p in SOURCE_PHRASES {
        patterns.push(p.to_string());
        cues.push(CueWord {
            kind: CueKind::Source,
            weak: false,
        });
    }
    let ac = AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("reporting-verb lexicon builds");
    Lexicon { ac, cues }
});

/// A cue found in a block: its block-text range and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    pub start: usize,
    pub end: usize,
    pub cue: CueWord,
}

/// Articles and possessives: a word of saying right after one is a noun (“the talks”,
/// “his claims”), and so is a word in “-ly” (“the family”, “an ally”).
pub(crate) const ARTICLES_AND_POSSESSIVES: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
];

/// Whether the text before a cue ends with an article or a possessive, alone or before an
/// ordinal: the cue is then a noun (“his claims”, “a brand”, “a second term”), not a verb of
/// saying. (“that” and “this” stay out: “the report that claims …”.)
fn after_a_determiner(before: &str) -> bool {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "final", "last", "new",
    ];
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    // The words right before, as written ("“the claims”" too); a full stop between ends it.
    let mut words = before
        .trim_end()
        .rsplit(|c: char| !crate::text::is_word_char(c));
    let is = |w: Option<&str>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|d| d.eq_ignore_ascii_case(w)))
    };
    let w1 = words.next();
    is(w1, ARTICLES_AND_POSSESSIVES)
        || (is(w1, ORDINALS) && is(words.next(), ARTICLES_AND_POSSESSIVES))
}

/// All cues in a piece of text, on word boundaries.
pub fn cues_in(text: &str) -> Vec<CueMatch> {
    let lex = &*LEXICON;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in lex.ac.find_iter(text) {
        let before_ok = m.start() == 0 || {
            let c = text[..m.start()].chars().next_back().unwrap_or(' ');
            !(crate::text::is_word_char(c) || c == '-' || c == '\'' || c == '’')
        };
        let after_ok = m.end() == bytes.len() || {
            let c = text[m.end()..].chars().next().unwrap_or(' ');
            !(crate::text::is_word_char(c) || c == '-')
        };
        let cue = lex.cues[m.pattern().as_usize()];
        let verb = matches!(cue.kind, CueKind::Verb | CueKind::Naming);
        if before_ok && after_ok && !(verb && after_a_determiner(&text[..m.start()])) {
            out.push(CueMatch {
                start: m.start(),
                end: m.end(),
                cue,
            });
        }
    }
    out
}

/// Nouns for words given whole, that a clause can end on before a comma and the words
/// themselves: “Jobs left this farewell, “…””, “The ministry issued a statement, “…””.
pub const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "message",
    "farewell",
    "warning",
    "words",
    "response",
    "reply",
    "remark",
    "remarks",
    "comment",
    "comments",
    "tweet",
    "post",
    "note",
    "letter",
    "email",
    "plea",
    "appeal",
    "explanation",
    "verdict",
];

/// Documents a sentence can open by citing (“On the Saffir–Simpson scale, …”, “Under the
/// agreement, …”, “In its report, …”): what it then quotes is the document's words.
pub const DOCUMENTS: &[&str] = &[
    "scale",
    "report",
    "statement",
    "letter",
    "guidelines",
    "guidance",
    "law",
    "act",
    "constitution",
    "rules",
    "website",
    "filing",
    "ruling",
    "judgment",
    "judgement",
    "order",
    "study",
    "survey",
    "manual",
    "charter",
    "policy",
    "agreement",
    "treaty",
    "indictment",
    "complaint",
    "lawsuit",
    "memo",
    "document",
    "documents",
    "advisory",
    "bulletin",
    "forecast",
    "release",
    "post",
    "tweet",
    "decision",
    "verdict",
    "resolution",
    "bill",
    "code",
    "contract",
    "regulations",
    "definition",
    "criteria",
    "terms",
    "settlement",
    "statute",
    "legislation",
    "provision",
    "provisions",
    "clause",
    "amendment",
    "licence",
    "license",
    "patent",
    "warrant",
    "permit",
    "prospectus",
    "directive",
    "accord",
    "protocol",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(inflect("quip")[0], "quips");
        assert_eq!(inflect("deny"), ["denies", "denied", "denying"]);
        assert_eq!(inflect("argue"), ["argues", "argued", "arguing"]);
        assert_eq!(inflect("stress"), ["stresses", "stressed", "stressing"]);
        assert_eq!(inflect("agree"), ["agrees", "agreed", "agreeing"]);
    }

    #[test]
    fn a_verb_after_a_determiner_is_a_noun() {
        let t = "She was sworn in for a second term, and her claims stood. The report that claims it said so.";
        let found: Vec<&str> = cues_in(t).iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(found, ["claims", "said"]);
        assert_eq!(
            &t[cues_in(t)[0].start - 12..cues_in(t)[0].start],
            "report that "
        );
    }

    #[test]
    fn finds_cues_on_word_boundaries() {
        let t = "“No,” she SAID, according to aides; the Saidi family said nothing in a statement.";
        let found: Vec<&str> = cues_in(t).iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(found, ["SAID", "according to", "said", "in a statement"]);
        let forms = verb_forms();
        for f in [
            "said",
            "told",
            "tweeted",
            "quipped",
            "testified",
            "wrote",
            "replied",
        ] {
            assert!(forms.iter().any(|(w, weak)| w == f && !weak), "{f}");
        }
        assert!(forms.iter().any(|(w, weak)| w == "states" && *weak));
    }
}
