//! Actors learned from the draft itself: a person introduced with a title ("Kremlin
//! spokesman Dmitry Peskov"), an appositive ("John Kirby, a White House spokesman"), or a
//! reporting verb ("said Jane Doe", "Jane Doe said") is an actor of this draft even when the
//! knowledge base does not know them; later surname-only mentions resolve to them.

use super::lexicon;
use super::Tok;

/// Words that, before a name, make it a person's name (compared lowercase, without a
/// trailing full stop).
pub const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "speaker",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "leader",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "ambassador",
    "envoy",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "captain",
    "capt",
    "commander",
    "admiral",
    "officer",
    "inspector",
    "detective",
    "professor",
    "prof",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "bishop",
    "cardinal",
    "archbishop",
    "sheikh",
    "emir",
    "deputy",
    "attorney",
    "lawyer",
    "coach",
    "manager",
    "striker",
    "goalkeeper",
    "candidate",
    "activist",
    "journalist",
    "reporter",
    "author",
    "actor",
    "actress",
    "singer",
    "musician",
    "drummer",
    "guitarist",
    "designer",
    "scientist",
    "researcher",
    "economist",
    "analyst",
    "official",
    "commissioner",
    "superintendent",
    "sheriff",
    "premier",
    "president-elect",
    "secretary-general",
    "director-general",
    "vice-president",
    "presidential",
    "sultan",
    "astronaut",
    "pilot",
    "biologist",
    "physicist",
    "chemist",
    "historian",
    "astronomer",
    "prosecutor",
    "spokespeople",
    "ruler",
    "dictator",
    "monarch",
    "politician",
    "lawmaker",
    "legislator",
    "mp",
    "mep",
    "councillor",
    "councilman",
    "councilwoman",
    "head",
    "boss",
    "executive",
    "chancellor-elect",
    "crown",
    "father",
    "brother",
    "sister",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "player",
    "champion",
    "winner",
    "defender",
    "midfielder",
    "forward",
    "batsman",
    "bowler",
    "driver",
    "rider",
    "cyclist",
    "runner",
    "skier",
    "swimmer",
    "boxer",
    "wrestler",
    "athlete",
    "teammate",
    "founder",
    "owner",
    "editor",
    "writer",
    "novelist",
    "poet",
    "director",
    "producer",
    "comedian",
    "artist",
    "photographer",
    "photojournalist",
    "professor",
    "doctor",
    "surgeon",
    "nurse",
    "student",
    "teacher",
    "victim",
    "suspect",
    "witness",
    "resident",
    "survivor",
    "engineer",
    "expert",
    "agent",
    "investigator",
    "negotiator",
    "diplomat",
    "opposition",
    "former",
    "acting",
    "interim",
    "mp",
    "first",
    "lady",
    // Honorifics of other languages, common in news copy.
    "mme",
    "mlle",
    "madame",
    "monsieur",
    "herr",
    "frau",
    "señor",
    "señora",
    "senor",
    "senora",
    "hon",
    "honourable",
    "honorable",
];

/// Reporting verbs that, right after or right before a name, make it a person's.
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "explained",
    "announced",
    "wrote",
    "writes",
    "noted",
    "argued",
    "asked",
    "replied",
    "claimed",
    "insisted",
    "warned",
    "confirmed",
    "denied",
    "tweeted",
    "commented",
    "responded",
];

/// Words that end a capitalised run as a name of a thing, not a person.
pub const NOT_PERSON: &[&str] = &[
    "department",
    "ministry",
    "university",
    "college",
    "school",
    "party",
    "council",
    "committee",
    "street",
    "road",
    "avenue",
    "house",
    "senate",
    "congress",
    "court",
    "company",
    "inc",
    "corp",
    "ltd",
    "news",
    "times",
    "post",
    "airport",
    "station",
    "hospital",
    "church",
    "cathedral",
    "bridge",
    "river",
    "lake",
    "mountain",
    "island",
    "islands",
    "city",
    "county",
    "state",
    "states",
    "republic",
    "kingdom",
    "union",
    "nations",
    "bank",
    "group",
    "agency",
    "institute",
    "foundation",
    "association",
    "office",
    "service",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "day",
    "week",
    "year",
    "award",
    "awards",
    "cup",
    "league",
    "championship",
    "games",
    "olympics",
    "festival",
    "park",
    "square",
    "hall",
    "centre",
    "center",
    "museum",
    "tower",
    "air",
    "airlines",
    "airways",
    "world",
    "international",
    "national",
    "federal",
    "general",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "act",
    "bill",
    "treaty",
    "agreement",
    "project",
    "program",
    "programme",
    "mission",
    "network",
    "media",
    "tv",
    "radio",
    "club",
    "fc",
    "team",
    "stadium",
    "arena",
];

pub const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "bint",
    "ibn", "al", "el", "ben", "dos", "das", "y", "ter", "ten", "zu",
];

static TITLE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| TITLES.iter().copied().collect());

pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.len() > 20 {
        return false;
    }
    TITLE_SET.contains(w.to_lowercase().as_str())
}

pub fn is_reporting(word: &str) -> bool {
    REPORTING.contains(&word.to_lowercase().as_str())
}

/// A person found in the draft, with how the draft introduced them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learned {
    /// Index of the block and token range of the name (block tokens).
    pub block: usize,
    pub toks: std::ops::Range<usize>,
    /// The title or appositive that introduced the person, as written.
    pub title: Option<String>,
}

/// Person names in one block's tokens, with their cue. `hit_tok[i]` says whether token `i`
/// is part of a knowledge-base hit (those are still returned: a KB person's introduction).
pub fn learn(block: usize, text: &str, toks: &[Tok]) -> Vec<Learned> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        // A capitalised run joined by single spaces (particles and initials allowed inside).
        let mut j = i + 1;
        while j < toks.len() && joined(text, &toks[j - 1], &toks[j]) {
            let w = &text[toks[j].range.clone()];
            let ok = toks[j].cap || PARTICLES.contains(&w.to_lowercase().as_str());
            if !ok {
                break;
            }
            j += 1;
        }
        // Drop leading titles and sentence-initial common words: the name is what follows
        // the last title in the run.
        let mut start = i;
        let mut title_in_run: Option<usize> = None;
        for k in i..j {
            let w = &text[toks[k].range.clone()];
            if is_title(w)
                || (k == start && lexicon::is_common_word(w) && !lexicon::is_known_given_name(w))
            {
                start = k + 1;
                if is_title(w) {
                    title_in_run = Some(k);
                }
            }
        }
        // Trailing particles are not part of a name.
        let mut end = j;
        while end > start
            && PARTICLES.contains(&text[toks[end - 1].range.clone()].to_lowercase().as_str())
        {
            end -= 1;
        }
        let n = end.saturating_sub(start);
        if (2..=4).contains(&n) && plausible(text, &toks[start..end]) {
            let title = cue(text, toks, start, end, i, title_in_run);
            if let Some(title) = title {
                out.push(Learned {
                    block,
                    toks: start..end,
                    title: (!title.is_empty()).then_some(title),
                });
            }
        }
        i = j.max(i + 1);
    }
    out
}

fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    let between = &text[a.full_end()..b.range.start];
    if between == " " {
        return true;
    }
    // An initial: "George W. Bush" — the token "W" then ". ".
    between == ". " && a.range.len() == 1
}

fn plausible(text: &str, toks: &[Tok]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    let last_word = &text[last.range.clone()];
    if last_word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let first = &text[toks[0].range.clone()];
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 || PARTICLES.contains(&first) {
        return false;
    }
    toks.iter().all(|t| {
        let w = &text[t.range.clone()];
        let lower = w.to_lowercase();
        if lexicon::is_calendar_word(w) {
            return false;
        }
        !NOT_PERSON.contains(&lower.as_str())
            && !w.chars().any(|c| c.is_ascii_digit())
            // All-capital words are acronyms, not names (except initials).
            && (w.chars().count() <= 1 || w.chars().any(|c| !c.is_uppercase()))
    })
}

/// The introduction of a name at `start..end` if the text marks it as a person: a title
/// before it, an appositive after it, or a reporting verb next to it. `Some("")` for a
/// reporting-verb cue (no title to show).
fn cue(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    run_start: usize,
    title_in_run: Option<usize>,
) -> Option<String> {
    // A capitalised title inside the run: "Ukrainian President Volodymyr Zelenskiy".
    if title_in_run.is_some() {
        let s = toks[run_start].range.start;
        let e = toks[start - 1].range.end;
        return Some(text[s..e].to_string());
    }
    // A lowercase title before: "Kremlin spokesman Dmitry Peskov", "former president X".
    if start > 0 && text[toks[start - 1].full_end()..toks[start].range.start] == *" " {
        let w = &text[toks[start - 1].range.clone()];
        if is_title(w) {
            let mut k = start - 1;
            // Take modifiers before it on the same phrase (up to three words).
            while k > 0
                && start - k < 4
                && text[toks[k - 1].full_end()..toks[k].range.start] == *" "
                && (toks[k - 1].cap || is_title(&text[toks[k - 1].range.clone()]))
                && !(toks[k - 1].sent_start
                    && lexicon::is_common_word(&text[toks[k - 1].range.clone()]))
            {
                k -= 1;
            }
            return Some(text[toks[k].range.start..toks[start - 1].range.end].to_string());
        }
        if is_reporting(w) {
            return Some(String::new());
        }
    }
    // An appositive after that names a role: "John Kirby, a White House spokesman,".
    let after = &text[toks[end - 1].full_end()..];
    for det in [", a ", ", an ", ", the ", ", who ", ", whose "] {
        if let Some(rest) = after.strip_prefix(det) {
            if det == ", who " || det == ", whose " {
                return Some(String::new());
            }
            let stop = rest.find([',', '.', ';', '(', ')']).unwrap_or(rest.len());
            let phrase = rest[..stop].trim();
            let words = phrase.split_whitespace().count();
            let role = phrase
                .split_whitespace()
                .any(|w| is_title(w) || w.ends_with("-year-old"));
            if role && words <= 10 {
                return Some(format!("{}{}", &det[2..], phrase));
            }
        }
    }
    // An age: "Jane Doe, 42,".
    if after.starts_with(", ")
        && after[2..].starts_with(|c: char| c.is_ascii_digit())
        && after[2..]
            .split([',', ' '])
            .next()
            .is_some_and(|n| n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
    {
        return Some(String::new());
    }
    // A reporting verb right after: "Jane Doe said".
    if end < toks.len()
        && text[toks[end - 1].full_end()..toks[end].range.start] == *" "
        && is_reporting(&text[toks[end].range.clone()])
    {
        return Some(String::new());
    }
    // A known given name and a surname no dictionary lists: "Nancy Pelosi".
    let first = &text[toks[start].range.clone()];
    let last = &text[toks[end - 1].range.clone()];
    if lexicon::is_known_given_name(first) && !lexicon::is_dictionary_word(last) {
        return Some(String::new());
    }
    None
}
