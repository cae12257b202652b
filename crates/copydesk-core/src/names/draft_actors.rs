//! Actors learned from the draft itself: a person introduced with a title ("Kremlin
//! spokesman Dmitry Peskov"), an appositive ("John Kirby, a White House spokesman"), or a
//! reporting verb ("said Jane Doe", "Jane Doe said") is an actor of this draft even when the
//! knowledge base does not know them; later surname-only mentions resolve to them.

use super::lexicon;
use super::Tok;

/// Words that, before a name, make it a person's name (compared lowercase, without a
/// trailing full stop), in four groups. Together they are the titles ([`is_title`]); apart
/// they say how the draft describes the person ([`Described`]), which tells a knowledge-base
/// politician from a namesake ("Dr. Andrew Smith", a laboratory head, is not the minister).
///
/// Public office, and what only holders of and candidates for it are called: what the
/// knowledge base's roles are (a title of the kind no role has is not evidence enough
/// against it: "Justice", "Attorney" are offices too).
pub const OFFICES: &[&str] = &[
    "ambassador",
    "attorney",
    "candidate",
    "chancellor",
    "chancellor-elect",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "crown",
    "deputy",
    "dictator",
    "diplomat",
    "director-general",
    "emir",
    "envoy",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "leader",
    "legislator",
    "mayor",
    "mep",
    "minister",
    "monarch",
    "mp",
    "official",
    "opposition",
    "politician",
    "pope",
    "premier",
    "president",
    "president-elect",
    "presidential",
    "prime",
    "prince",
    "princess",
    "prosecutor",
    "queen",
    "rep",
    "representative",
    "ruler",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sheikh",
    "speaker",
    "spokesman",
    "spokespeople",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "vice",
    "vice-president",
];

/// Earned titles: a doctorate or a chair (also worn by heads of state and government:
/// "Dr. Mahathir", "Prof. Osinbajo").
pub const EARNED: &[&str] = &["dr", "doctor", "prof", "professor"];

/// Occupations outside public office: sports, the arts, science, medicine, the press.
pub const OCCUPATIONS: &[&str] = &[
    "actor",
    "actress",
    "artist",
    "astronaut",
    "astronomer",
    "athlete",
    "batsman",
    "biologist",
    "bowler",
    "boxer",
    "chemist",
    "coach",
    "comedian",
    "cyclist",
    "defender",
    "designer",
    "drummer",
    "editor",
    "engineer",
    "goalkeeper",
    "guitarist",
    "historian",
    "journalist",
    "midfielder",
    "musician",
    "novelist",
    "nurse",
    "photographer",
    "photojournalist",
    "physicist",
    "pilot",
    "player",
    "poet",
    "producer",
    "reporter",
    "researcher",
    "rider",
    "runner",
    "scientist",
    "singer",
    "skier",
    "striker",
    "surgeon",
    "swimmer",
    "teacher",
    "teammate",
    "wrestler",
    "writer",
];

/// Courtesy titles, ranks, family words, posts of any organisation and the like: neither
/// office nor another occupation.
pub const OTHER_TITLES: &[&str] = &[
    "acting",
    "activist",
    "admiral",
    "agent",
    "analyst",
    "archbishop",
    "author",
    "bishop",
    "boss",
    "brother",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "champion",
    "chief",
    "col",
    "colonel",
    "commander",
    "dame",
    "daughter",
    "detective",
    "director",
    "driver",
    "economist",
    "executive",
    "expert",
    "father",
    "first",
    "former",
    "forward",
    "founder",
    "gen",
    "general",
    "head",
    "hon",
    "honorable",
    "honourable",
    "husband",
    "inspector",
    "interim",
    "investigator",
    "lady",
    "lawyer",
    "lieutenant",
    "lord",
    "lt",
    "manager",
    "miss",
    "mother",
    "mr",
    "mrs",
    "ms",
    "negotiator",
    "officer",
    "owner",
    "resident",
    "rev",
    "reverend",
    "sergeant",
    "sgt",
    "sheriff",
    "sir",
    "sister",
    "son",
    "student",
    "superintendent",
    "survivor",
    "suspect",
    "victim",
    "widow",
    "wife",
    "winner",
    "witness",
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

/// Looked up for nearly every capitalised word: foldhash, not SipHash (only looked up).
static TITLE_SET: std::sync::LazyLock<
    std::collections::HashSet<&'static str, foldhash::fast::FixedState>,
> = std::sync::LazyLock::new(|| {
    [OFFICES, EARNED, OCCUPATIONS, OTHER_TITLES]
        .into_iter()
        .flatten()
        .copied()
        .collect()
});

pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.len() > 20 {
        return false;
    }
    crate::text::with_lowercase(w, |w| TITLE_SET.contains(w))
}

pub fn is_reporting(word: &str) -> bool {
    crate::text::with_lowercase(word, |w| REPORTING.contains(&w))
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

/// How a draft describes a person where it names them: the kinds of title and occupation
/// words in the title before the name ("Dr.", "striker"), in the appositive after it ("a
/// biologist at …"), and a laboratory just before ("in the laboratory of Dr. …"). Two
/// descriptions of one person merge with [`Described::merge`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Described {
    /// A word of public office anywhere ("the health minister", "a former senator").
    pub office: bool,
    /// An occupation outside public office, not a former one ("a biologist", "striker";
    /// not "a former pilot"), or a laboratory the person works in.
    pub occupation: bool,
    /// An earned title ("Dr.", "Professor") in the title before the name.
    pub earned_before: bool,
    /// An earned title in the appositive ("a professor of law").
    pub earned_after: bool,
    /// An appositive describes the person.
    pub appositive: bool,
}

/// Words after which an occupation is the person's past, not what they are now.
const PAST_MARKERS: &[&str] = &[
    "former",
    "ex",
    "retired",
    "onetime",
    "one-time",
    "erstwhile",
    "then",
];

/// Where a scientist works: a laboratory named before a name or in its appositive is the
/// person's.
const LABORATORY: &[&str] = &["laboratory", "laboratories", "lab", "labs"];

impl Described {
    pub fn merge(self, o: Described) -> Described {
        Described {
            office: self.office || o.office,
            occupation: self.occupation || o.occupation,
            earned_before: self.earned_before || o.earned_before,
            earned_after: self.earned_after || o.earned_after,
            appositive: self.appositive || o.appositive,
        }
    }

    /// Whether the description says the person works outside public office: an occupation,
    /// or an earned title that no appositive outweighs (`earned` false where an earned title
    /// does not tell, as for a person who headed a state or government). Any word of office
    /// ("Dr. X, the health minister") says they may hold one.
    pub fn outside_office(self, earned: bool) -> bool {
        !self.office
            && (self.occupation
                || (earned && (self.earned_after || (self.earned_before && !self.appositive))))
    }

    /// Read a phrase: its words by kind; `after` for an appositive.
    fn read(phrase: &str, after: bool) -> Described {
        let mut d = Described {
            appositive: after,
            ..Described::default()
        };
        let mut past = false;
        for raw in phrase.split_whitespace() {
            let w = crate::text::bare_lowercase(raw);
            let w = w.as_str();
            if LABORATORY.contains(&w) && after {
                d.occupation = true;
            }
            let (w, ex) = match w.strip_prefix("ex-").or_else(|| w.strip_prefix("then-")) {
                Some(rest) => (rest, true),
                None => (w, false),
            };
            if PAST_MARKERS.contains(&w) {
                past = true;
                continue;
            }
            if OFFICES.contains(&w) {
                d.office = true;
            } else if OCCUPATIONS.contains(&w) && !past && !ex {
                d.occupation = true;
            } else if EARNED.contains(&w) && !past && !ex {
                if after {
                    d.earned_after = true;
                } else {
                    d.earned_before = true;
                }
            }
        }
        d
    }
}

/// Person names in one block's tokens, with their cue. `hit_tok[i]` says whether token `i`
/// is part of a knowledge-base hit (those are still returned: a KB person's introduction).
pub fn learn(block: usize, text: &str, toks: &[Tok]) -> Vec<Learned> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap() {
            i += 1;
            continue;
        }
        // A capitalised run joined by single spaces (particles and initials allowed inside).
        let mut j = i + 1;
        while j < toks.len() && joined(text, &toks[j - 1], &toks[j]) {
            let w = &text[toks[j].range()];
            let ok = toks[j].cap() || PARTICLES.contains(&w.to_lowercase().as_str());
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
            let w = &text[toks[k].range()];
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
            && PARTICLES.contains(&text[toks[end - 1].range()].to_lowercase().as_str())
        {
            end -= 1;
        }
        let n = end.saturating_sub(start);
        if (2..=4).contains(&n) && plausible(text, &toks[start..end]) {
            let before = title_before(text, toks, start, i, title_in_run);
            let after = appositive(text, toks, end);
            let title = before
                .as_ref()
                .map(|(t, _)| t.clone())
                .or_else(|| reporting_before(text, toks, start).then(String::new))
                .or_else(|| after.clone())
                .or_else(|| other_cue(text, toks, start, end));
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
    let between = &text[a.full_end()..b.start()];
    if between == " " {
        return true;
    }
    // An initial: "George W. Bush" — the token "W" then ". ".
    between == ". " && a.range().len() == 1
}

fn plausible(text: &str, toks: &[Tok]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    let last_word = &text[last.range()];
    if last_word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let first = &text[toks[0].range()];
    // A particle opens no name, capitalised at the start of a sentence or headline too ("Von
    // der Leyen said" is the surname alone), unless it is a given name ("Al Jorden").
    let is_particle = |w: &str| PARTICLES.contains(&w.to_lowercase().as_str());
    let second_particle = toks.get(1).is_some_and(|t| is_particle(&text[t.range()]));
    let particle = is_particle(first)
        && (first.chars().next().is_some_and(char::is_lowercase)
            || !lexicon::is_known_given_name(first)
            || second_particle);
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 || particle {
        return false;
    }
    toks.iter().all(|t| {
        let w = &text[t.range()];
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

/// A title before a name at `start..end`: a capitalised one inside the run ("Ukrainian
/// President Volodymyr Zelenskiy"), or a lowercase one before it ("Kremlin spokesman Dmitry
/// Peskov", "former president X"), with the modifiers before it; and its first token.
fn title_before(
    text: &str,
    toks: &[Tok],
    start: usize,
    run_start: usize,
    title_in_run: Option<usize>,
) -> Option<(String, usize)> {
    if title_in_run.is_some() {
        let s = toks[run_start].start();
        let e = toks[start - 1].end();
        return Some((text[s..e].to_string(), run_start));
    }
    if start > 0 && text[toks[start - 1].full_end()..toks[start].start()] == *" " {
        let w = &text[toks[start - 1].range()];
        if is_title(w) {
            let mut k = start - 1;
            // Take modifiers before it on the same phrase (up to three words).
            while k > 0
                && start - k < 4
                && text[toks[k - 1].full_end()..toks[k].start()] == *" "
                && (toks[k - 1].cap() || is_title(&text[toks[k - 1].range()]))
                && !(toks[k - 1].sent_start()
                    && lexicon::is_common_word(&text[toks[k - 1].range()]))
            {
                k -= 1;
            }
            let s = toks[k].start();
            return Some((text[s..toks[start - 1].end()].to_string(), k));
        }
    }
    None
}

/// An appositive after a name ending at token `end` that names a role: "John Kirby, a
/// White House spokesman,". `Some("")` for ", who …".
fn appositive(text: &str, toks: &[Tok], end: usize) -> Option<String> {
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
    None
}

/// How the draft describes the person it names at tokens `start..end`: the titles right
/// before the name ("Dr.", "Professor", "striker", "Health Minister", with up to three
/// words before them), the appositive after it, and a laboratory just before; with the
/// title as written (else the appositive), if any.
pub fn describe(text: &str, toks: &[Tok], start: usize, end: usize) -> (Described, Option<String>) {
    let mut d = Described::default();
    let mut written = None;
    // Titles before, joined by a space, or by ". " after an abbreviation ("Dr. ").
    let mut k = start;
    let mut first_title = None;
    while k > 0 && start - k < 4 {
        let sep = &text[toks[k - 1].full_end()..toks[k].start()];
        let w = &text[toks[k - 1].range()];
        let title = is_title(w);
        // After ". " only where the sentence goes on: "Dr. Andrew Smith", not "… the actor.
        // Andrew Smith said".
        let joined = sep == " " || (sep == ". " && title && !toks[k].sent_start());
        if !joined || !(title || (first_title.is_some() && toks[k - 1].cap())) {
            break;
        }
        if toks[k - 1].sent_start() && !title && lexicon::is_common_word(w) {
            break;
        }
        k -= 1;
        // The title, or a modifier before it ("Foreign Minister").
        first_title = Some(k);
    }
    if let Some(first) = first_title {
        let phrase = text[toks[first].start()..toks[start].start()]
            .trim_end()
            .to_string();
        d = d.merge(Described::read(&phrase, false));
        d.occupation |= laboratory_before(text, toks, first);
        written = Some(phrase);
    }
    if let Some(a) = appositive(text, toks, end).or_else(|| bare_appositive(text, toks, end)) {
        d = d.merge(Described::read(&a, true));
        if written.is_none() && !a.is_empty() {
            written = Some(a);
        }
    }
    (d, written)
}

/// An appositive without an article that opens with a title word: "Andrew Smith, head of
/// the X laboratory,".
fn bare_appositive(text: &str, toks: &[Tok], end: usize) -> Option<String> {
    let rest = text[toks[end - 1].full_end()..].strip_prefix(", ")?;
    let stop = rest.find([',', '.', ';', '(', ')']).unwrap_or(rest.len());
    let phrase = rest[..stop].trim();
    let first = phrase.split_whitespace().next()?;
    (first.starts_with(char::is_lowercase)
        && is_title(first)
        && phrase.split_whitespace().count() <= 10)
        .then(|| phrase.to_string())
}

/// "the laboratory of Dr. …", "laboratory head …": a laboratory among the three words
/// before token `first`, in its sentence.
fn laboratory_before(text: &str, toks: &[Tok], first: usize) -> bool {
    let mut k = first;
    while k > 0 && first - k < 3 && !toks[k].sent_start() {
        k -= 1;
        if LABORATORY.contains(&text[toks[k].range()].to_lowercase().as_str()) {
            return true;
        }
    }
    false
}

/// A reporting verb right before a name at `start`: "said Jane Doe".
fn reporting_before(text: &str, toks: &[Tok], start: usize) -> bool {
    start > 0
        && text[toks[start - 1].full_end()..toks[start].start()] == *" "
        && is_reporting(&text[toks[start - 1].range()])
}

/// The other marks of a person at `start..end`: a reporting verb after, an age, a known
/// given name before a surname no dictionary lists. `Some("")`: no title to show.
fn other_cue(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<String> {
    let after = &text[toks[end - 1].full_end()..];
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
        && text[toks[end - 1].full_end()..toks[end].start()] == *" "
        && is_reporting(&text[toks[end].range()])
    {
        return Some(String::new());
    }
    // A known given name and a surname no dictionary lists: "Nancy Pelosi".
    let first = &text[toks[start].range()];
    let last = &text[toks[end - 1].range()];
    if lexicon::is_known_given_name(first) && !lexicon::is_dictionary_word(last) {
        return Some(String::new());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_groups_are_disjoint() {
        let groups = [OFFICES, EARNED, OCCUPATIONS, OTHER_TITLES];
        for (i, a) in groups.iter().enumerate() {
            for b in &groups[i + 1..] {
                assert!(a.iter().all(|w| !b.contains(w)), "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn descriptions_read_office_occupation_and_past() {
        let read = |s: &str, after: bool| Described::read(s, after);
        assert!(read("Health Minister", false).office);
        assert!(read("a biologist at the university", true).occupation);
        assert!(read("head of the laboratory", true).occupation);
        // A past occupation is background, not what the person is.
        assert!(!read("a former lawyer", true).outside_office(true));
        assert!(!read("a retired pilot", true).occupation);
        assert!(!read("ex-striker", false).occupation);
        // A past office still fits a politician.
        assert!(read("a former minister", true).office);
        // Earned titles: before the name they count unless an appositive says more.
        let dr = read("Dr.", false);
        assert!(dr.outside_office(true));
        assert!(!dr.outside_office(false));
        let with_party = dr.merge(read("the head of the ruling party", true));
        assert!(!with_party.outside_office(true));
        assert!(!dr
            .merge(read("the health minister", true))
            .outside_office(true));
        // Courtesy titles say nothing.
        assert_eq!(
            read("Mr.", false),
            Described::default(),
            "courtesy titles are no description"
        );
    }

    fn toks_of(text: &str) -> Vec<Tok> {
        crate::text::words(text)
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let cap = text[r.clone()].starts_with(char::is_uppercase);
                Tok::new(r.clone(), r.end, cap, i == 0)
            })
            .collect()
    }

    #[test]
    fn describe_reads_abbreviated_titles_appositives_and_laboratories() {
        // A sentence's last word is not a title of the name opening the next.
        let text = "She met the actor. Jane Roe said no.";
        let mut toks = toks_of(text);
        toks[4].set_sent_start(true);
        assert_eq!(describe(text, &toks, 4, 6), (Described::default(), None));

        let text = "It came from the laboratory of Dr. Jane Roe.";
        let toks = toks_of(text);
        let (d, title) = describe(text, &toks, 7, 9);
        assert!(d.occupation && d.earned_before, "{d:?}");
        assert_eq!(title.as_deref(), Some("Dr."));

        let text = "Jane Roe, a physicist at the institute, spoke.";
        let toks = toks_of(text);
        let (d, title) = describe(text, &toks, 0, 2);
        assert!(d.occupation && d.appositive, "{d:?}");
        assert_eq!(title.as_deref(), Some("a physicist at the institute"));

        let text = "Then Foreign Minister Jane Roe spoke.";
        let toks = toks_of(text);
        let (d, title) = describe(text, &toks, 3, 5);
        assert!(d.office && !d.occupation, "{d:?}");
        assert_eq!(title.as_deref(), Some("Foreign Minister"));
    }
}
