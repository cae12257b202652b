//! Classes of names, stress-tested with invented people: how `name.misspelled` and
//! `name.inconsistent` do on the ways news writes names (issue 13, round seven), apart from
//! any corpus. Each class is a handful of invented names of one kind — short and long
//! surnames, Slavic, Arabic, East Asian (family name first), Spanish double surnames,
//! particles, hyphenated and inner-capital surnames, initials and middle names — written
//! in a short story the way AP style writes a person: the full name at the first
//! reference, the family name alone after it (in a quotation's tag, opening a sentence,
//! as a possessive, in the headline). One mention is misspelled by one edit (swap of two
//! inner letters, dropped letter, doubled letter, changed vowel), at each of those
//! positions, with the right spelling kept elsewhere; a misspelling is caught when a
//! `name.*` spelling diagnostic covers it, and fixed when its first fix writes the right
//! spelling back. Clean stories must draw no flag.
//!
//! Run with figures: `cargo test --release --test name_classes -- --nocapture`.

use copydesk::analysis::names::{kb::Kb, lexicon, matcher::fold};
use copydesk::analysis::{analyze, fix::apply_edits, Config, Document};
use std::collections::BTreeMap;
#[path = "common/misspell.rs"]
mod misspell;
use misspell::{Kind, KINDS};

/// An invented person: given name(s) as written, family name as written after the first
/// reference, and the full name as written at the first reference.
struct Person {
    class: &'static str,
    full: &'static str,
    /// The family name as later references write it ("López Obrador", "von der Leyen",
    /// "Zhou").
    family: &'static str,
}

const fn p(class: &'static str, full: &'static str, family: &'static str) -> Person {
    Person {
        class,
        full,
        family,
    }
}

const PEOPLE: &[Person] = &[
    p("plain", "Margaret Holloway", "Holloway"),
    p("plain", "Gregory Tennant", "Tennant"),
    p("plain", "Linda Carrigan", "Carrigan"),
    p("short surname", "Tomas Kral", "Kral"),
    p("short surname", "Ruth Pyne", "Pyne"),
    p("short surname", "Omar Ziad", "Ziad"),
    p("long surname", "Krzysztof Wojciechowski", "Wojciechowski"),
    p("long surname", "Hermann Schimmelpfennig", "Schimmelpfennig"),
    p("slavic", "Oleksandr Hrytsenko", "Hrytsenko"),
    p("slavic", "Dmitry Kuznetsov", "Kuznetsov"),
    p("slavic", "Milena Petrović", "Petrović"),
    p("slavic", "Zbigniew Brzeczak", "Brzeczak"),
    p("arabic", "Khalid al-Mansouri", "al-Mansouri"),
    p("arabic", "Abdullah bin Tarrak", "bin Tarrak"),
    p("arabic", "Ahmed Abdel Rahim", "Abdel Rahim"),
    p("arabic", "Youssef Haddadin", "Haddadin"),
    p("east asian", "Qiao Xiaolin", "Qiao"),
    p("east asian", "Wang Jiangtao", "Wang"),
    p("east asian", "Haruhiko Tanabe", "Tanabe"),
    p("east asian", "Nguyen Van Thanh", "Thanh"),
    p("east asian", "Park Ji-hoon", "Park"),
    p(
        "spanish double",
        "Andrés Gutiérrez Olmedo",
        "Gutiérrez Olmedo",
    ),
    p("spanish double", "María Fernanda Castañeda", "Castañeda"),
    p("particle", "Hanna von der Brelitz", "von der Brelitz"),
    p("particle", "Pieter van den Wijngaart", "van den Wijngaart"),
    p("particle", "Jean de Villemont", "de Villemont"),
    p("hyphenated", "Jean-Luc Moreaux", "Moreaux"),
    p("hyphenated", "Anna Smith-Kowalczyk", "Smith-Kowalczyk"),
    p("inner capital", "Dennis DesRosiers", "DesRosiers"),
    p("inner capital", "Ian McAllister", "McAllister"),
    p("inner capital", "Sean O'Donnell", "O'Donnell"),
    p("inner capital", "Fiona MacKinnon", "MacKinnon"),
    p("initials", "J. R. Tolliver", "Tolliver"),
    p("initials", "George W. Hanlon", "Hanlon"),
    p("middle name", "Mary Ellen Prouty", "Prouty"),
];

/// Where a story mentions the person: the headline, the first reference, and later
/// references — a quotation's tag, a sentence opening, a possessive, a bare mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pos {
    Headline,
    First,
    Tag,
    Opening,
    Possessive,
    Quoted,
}

/// The story, with the byte range of each mention's family name (or, for `First`, of the
/// last word of the full name... the given and family words are found by the caller).
fn story(person: &Person, mentions: &[Pos]) -> (String, Vec<(Pos, std::ops::Range<usize>)>) {
    let mut s = String::new();
    let mut at = Vec::new();
    let mut put = |s: &mut String, pos: Pos, before: &str, name: &str, after: &str| {
        s.push_str(before);
        let start = s.len();
        s.push_str(name);
        at.push((pos, start..s.len()));
        s.push_str(after);
    };
    // Capitalised when it opens a sentence or the headline ("Von der Lehnen said").
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    for &pos in mentions {
        match pos {
            Pos::Headline => put(
                &mut s,
                pos,
                "# ",
                &cap(person.family),
                " warns of job cuts at the port\n\n",
            ),
            Pos::First => put(
                &mut s,
                pos,
                "The chief executive of the shipping group, ",
                person.full,
                ", said on Tuesday that the company would cut 400 jobs at the port.\n\n",
            ),
            Pos::Tag => put(
                &mut s,
                pos,
                "“We have no other choice this year,” ",
                person.family,
                " told reporters.\n\n",
            ),
            Pos::Opening => put(
                &mut s,
                pos,
                "The union called the cuts a betrayal. ",
                &cap(person.family),
                " said talks with the union would continue next week.\n\n",
            ),
            Pos::Possessive => put(
                &mut s,
                pos,
                "Analysts said ",
                person.family,
                "’s plan was bold but the shares fell 3 percent.\n\n",
            ),
            Pos::Quoted => put(
                &mut s,
                pos,
                "“I trust ",
                person.family,
                " to keep his word,” the union leader said.\n\n",
            ),
        }
    }
    (s, at)
}

/// Whether `d` is about a name's spelling (the two rules these stories test).
fn spelling(d: &copydesk::analysis::Diagnostic) -> bool {
    d.rule == "name.misspelled" || d.rule == "name.inconsistent"
}

/// Each spelling flag on stories that must draw none, as a problem to report.
fn clean_story_flags(clean: &[&str], config: &Config) -> Vec<String> {
    let mut problems = Vec::new();
    for text in clean {
        for d in analyze(&Document::parse(text.to_string()), config) {
            if spelling(&d) {
                problems.push(format!(
                    "clean story flagged `{}`: {}",
                    &text[d.range.clone()],
                    d.message
                ));
            }
        }
    }
    problems
}

/// Every one-edit misspelling of `word` of `kind`, one per position; a vowel change only
/// on an inner letter (not the last).
fn misspellings(word: &str, kind: Kind) -> Vec<String> {
    let n = word.chars().count();
    misspell::positions(word, kind)
        .into_iter()
        .filter(|&i| kind != Kind::Vowel || i + 1 < n)
        .map(|i| misspell::apply(word, kind, i))
        .collect()
}

/// The slips of `word` of one kind that are no word or name of their own (as the gold
/// injector chooses them): what a reader could not take for another person.
fn slips(word: &str, kind: Kind, kb: &Kb) -> Vec<String> {
    misspellings(word, kind)
        .into_iter()
        .filter(|b| {
            !lexicon::is_dictionary_word(b)
                && !lexicon::is_known_given_name(b)
                && !lexicon::is_name_variant_form(b)
                && kb.matcher.lookup(&fold(b)).is_none()
        })
        .collect()
}

/// The family name's main word: the last word (after particles), the whole of a
/// hyphenated compound's last part ("Kowalczyk"), or the first word of a Spanish double
/// surname's first surname ("Gutiérrez").
fn target_word(family: &str) -> (usize, &str) {
    let mut off = 0;
    let mut best = (0, family);
    for w in family.split([' ', '-']) {
        if w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase) {
            best = (off, w);
            // The first capitalised word of four letters or more: the surname of a
            // double surname, the word after a particle.
            break;
        }
        off += w.len() + 1;
    }
    best
}

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    caught: usize,
    fixed: usize,
}

#[test]
fn classes_of_names_misspelled_once_are_caught() {
    let config = Config::default();
    let kb = Kb::default_kb();
    // Stories: the full name and three later references of the person, the misspelling in
    // one of them; and the same with the headline.
    let shapes: &[&[Pos]] = &[
        &[Pos::First, Pos::Tag, Pos::Opening, Pos::Possessive],
        &[Pos::Headline, Pos::First, Pos::Tag, Pos::Quoted],
        &[Pos::First, Pos::Opening],
    ];
    let mut by_class: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_pos: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut clean_flags: Vec<String> = Vec::new();
    for person in PEOPLE {
        for shape in shapes {
            let (text, at) = story(person, shape);
            let doc = Document::parse(text.clone());
            for d in analyze(&doc, &config) {
                if d.rule.starts_with("name.") {
                    clean_flags.push(format!(
                        "{}: {} `{}` — {}",
                        person.full,
                        d.rule,
                        &text[d.range.clone()],
                        d.message
                    ));
                }
            }
            for (pos, range) in &at {
                // The word to misspell: in the first reference, the family name's word
                // inside the full name; elsewhere the family name's word.
                let written = &text[range.clone()];
                let (off, word) = if *pos == Pos::First {
                    let fam_at = written.rfind(person.family).unwrap_or(0);
                    let (o, w) = target_word(person.family);
                    (fam_at + o, w)
                } else {
                    // Capitalised at a sentence opening.
                    let (o, w) = target_word(person.family);
                    (o, &written[o..o + w.len()])
                };
                let wr = range.start + off..range.start + off + word.len();
                for kind in KINDS {
                    let options = slips(word, kind, &kb);
                    // The middle position: a slip inside the name.
                    let Some(bad) = options.get(options.len() / 2) else {
                        continue;
                    };
                    let mut injected = text.clone();
                    injected.replace_range(wr.clone(), bad);
                    let span = wr.start..wr.start + bad.len();
                    let doc = Document::parse(injected.clone());
                    let diags = analyze(&doc, &config);
                    // A tie (`data.tie`: two spellings as frequent) is one flag about two
                    // places, its own and its related one, offering both spellings.
                    let inside =
                        |r: &std::ops::Range<usize>| r.start <= span.start && span.end <= r.end;
                    let tie = |d: &&copydesk::analysis::Diagnostic| {
                        d.data.get("tie").and_then(|v| v.as_bool()) == Some(true)
                    };
                    let hit = diags
                        .iter()
                        .filter(|d| d.rule == "name.misspelled" || d.rule == "name.inconsistent")
                        .find(|d| {
                            inside(&d.range)
                                || (tie(d) && d.related.iter().any(|r| inside(&r.range)))
                        });
                    let caught = hit.is_some();
                    let restores =
                        |f: &copydesk::analysis::Fix| apply_edits(&injected, &f.edits).0 == text;
                    let fixed = hit.is_some_and(|d| {
                        if tie(&d) {
                            d.fixes.iter().any(restores)
                        } else {
                            d.fixes.first().is_some_and(restores)
                        }
                    });
                    for t in [
                        by_class.entry(person.class.to_string()).or_default(),
                        by_pos.entry(format!("{pos:?}")).or_default(),
                        by_kind.entry(format!("{kind:?}")).or_default(),
                    ] {
                        t.n += 1;
                        t.caught += usize::from(caught);
                        t.fixed += usize::from(fixed);
                    }
                    if !caught {
                        misses.push(format!(
                            "{} [{}] {pos:?} {kind:?}: {word} → {bad} (shape {:?})",
                            person.full, person.class, shape
                        ));
                    }
                }
            }
        }
    }
    let show = |title: &str, m: &BTreeMap<String, Tally>| {
        println!("\n| {title} | n | caught | first fix right |\n|---|---:|---:|---:|");
        for (k, t) in m {
            println!(
                "| {k} | {} | {:.0}% | {:.0}% |",
                t.n,
                100.0 * t.caught as f64 / t.n.max(1) as f64,
                100.0 * t.fixed as f64 / t.caught.max(1) as f64
            );
        }
    };
    show("class", &by_class);
    show("position", &by_pos);
    show("edit", &by_kind);
    println!("\nclean-story flags: {}", clean_flags.len());
    for f in &clean_flags {
        println!("  - {f}");
    }
    println!("misses: {}", misses.len());
    for m in &misses {
        println!("  - {m}");
    }
    // Clean stories: no spelling flag (name.first-reference is another rule).
    let spelling: Vec<&String> = clean_flags
        .iter()
        .filter(|f| f.contains("name.misspelled") || f.contains("name.inconsistent"))
        .collect();
    assert!(
        spelling.is_empty(),
        "spelling flags on clean stories: {spelling:?}"
    );
    // Floors a little below today's figures (round seven; hyphenated and Spanish double
    // surnames round nine); the class left weak is listed in QUALITY.md (short family names
    // one edit from another listed romanisation are two names, but for a guess).
    for (class, floor) in [
        ("plain", 95.0),
        ("initials", 95.0),
        ("inner capital", 95.0),
        ("slavic", 95.0),
        ("arabic", 90.0),
        ("spanish double", 95.0),
        ("long surname", 95.0),
        ("middle name", 95.0),
        ("short surname", 90.0),
        ("east asian", 60.0),
        ("particle", 95.0),
        ("hyphenated", 95.0),
    ] {
        let t = by_class[class];
        let recall = 100.0 * t.caught as f64 / t.n.max(1) as f64;
        assert!(recall >= floor, "{class}: {recall:.1}% < floor {floor}");
        assert_eq!(t.fixed, t.caught, "{class}: a wrong first fix");
    }
}

/// Given names (round eight): a person named twice in full, the given name misspelled in
/// one of the two and nothing else to count ("Darleen Druyun … Darlen Druyun"); and a
/// person named once, the given name a common one with two inner letters swapped ("Jhon
/// Pettigrew"), which only the name lists can tell. Real given names no list knows, one
/// letter from a common one, must draw nothing.
#[test]
fn given_names_misspelled_in_a_full_name_are_caught() {
    let config = Config::default();
    let kb = Kb::default_kb();
    // Invented people; given names common, rare and foreign.
    const TWICE: &[&str] = &[
        "Darleen Pruvost",
        "Margaret Holloway",
        "Gregory Tennant",
        "Marisol Quintanar",
        "Oleksandr Hrytsenko",
        "Thandiwe Mokoena",
        "Krzysztof Wojciechowski",
        "Youssef Haddadin",
    ];
    let mut n = 0;
    let mut caught = 0;
    let mut misses = Vec::new();
    for full in TWICE {
        let (given, surname) = full.split_once(' ').unwrap_or((full, ""));
        let text = format!(
            "The chief executive, {full}, said on Tuesday that the company would cut 400 jobs.\n\n\
             The union called the cuts a betrayal and asked for talks.\n\n\
             “We have no other choice,” {full} told reporters on Wednesday.\n"
        );
        let second = text.rfind(full).unwrap_or(0);
        for kind in KINDS {
            let options = slips(given, kind, &kb);
            let Some(bad) = options.get(options.len() / 2) else {
                continue;
            };
            let mut injected = text.clone();
            injected.replace_range(second..second + given.len(), bad);
            let span = second..second + bad.len();
            let diags = analyze(&Document::parse(injected.clone()), &config);
            let hit = diags
                .iter()
                .filter(|d| spelling(d))
                .find(|d| d.range.start <= span.start && span.end <= d.range.end);
            n += 1;
            match hit {
                Some(d) => {
                    caught += 1;
                    let fixed = d
                        .fixes
                        .first()
                        .is_some_and(|f| apply_edits(&injected, &f.edits).0 == text);
                    assert!(fixed, "{full}: {bad} fixed wrong: {:?}", d.fixes.first());
                }
                None => misses.push(format!("{full}: {given} → {bad} {surname}")),
            }
        }
    }
    println!("\ngiven name misspelled beside the full name: {caught} of {n}");
    for m in &misses {
        println!("  - {m}");
    }
    assert!(
        caught * 100 >= n * 95,
        "given name beside the full name: {caught} of {n}: {misses:?}"
    );

    // Named once: a swap inside a common given name is a guess, reported a level lower.
    const ONCE: &[(&str, &str)] = &[
        ("Jhon Pettigrew", "John"),
        ("Micahel Ashworth", "Michael"),
        ("Mragaret Dunleavy", "Margaret"),
        ("Elziabeth Corrigan", "Elizabeth"),
        ("Wliliam Fenwick", "William"),
        ("Rcihard Tolliver", "Richard"),
        ("Jmaes Harrowgate", "James"),
        ("Chirstopher Vane", "Christopher"),
    ];
    let story = |full: &str| {
        format!(
            "The chief executive of the shipping group, {full}, said on Tuesday that the company would cut 400 jobs at the port.\n\n\
             The union called the cuts a betrayal.\n"
        )
    };
    let mut once_caught = 0;
    for (full, right) in ONCE {
        let text = story(full);
        let diags = analyze(&Document::parse(text.clone()), &config);
        let given = full.split(' ').next().unwrap_or("");
        let at = text.find(given).unwrap_or(0);
        let hit = diags
            .iter()
            .filter(|d| spelling(d))
            .find(|d| d.range == (at..at + given.len()));
        match hit {
            Some(d) => {
                once_caught += 1;
                assert_eq!(
                    d.severity,
                    copydesk::analysis::Severity::Information,
                    "{full}: a guess is information"
                );
                let fixed = apply_edits(&text, &d.fixes[0].edits).0;
                assert_eq!(fixed, text.replacen(given, right, 1), "{full}");
            }
            None => println!("  - named once, missed: {full}"),
        }
    }
    println!(
        "common given name swapped, named once: {once_caught} of {}",
        ONCE.len()
    );
    assert_eq!(once_caught, ONCE.len(), "named once");

    // Real given names that no list knows, each a letter or a swapped ending away from a
    // common one (another language's form, a rarer name): never a guess. And a swap in
    // a name written twice the same way is the person's spelling.
    const REAL: &[&str] = &[
        "Fatih Demirtas",
        "Krishan Pillai",
        "Michela Bortolan",
        "Sylvestre Kabongo",
        "Viktor Halasz",
        "Riccardo Fumagalli",
        "Agnelo Fernandes",
        "Ehsan Karimi",
        "Darlen Ostrowe",
        "Jenniffer Alcott",
        "Stepan Horak",
        "Gian Ferretti",
    ];
    let mut wrong = Vec::new();
    for full in REAL {
        let text = story(full);
        for d in analyze(&Document::parse(text.clone()), &config) {
            if spelling(&d) {
                wrong.push(format!("{full}: {}", d.message));
            }
        }
    }
    let twice = "Jhon Pettigrew, the chief executive, spoke on Tuesday. Jhon Pettigrew said the port would close.\n";
    for d in analyze(&Document::parse(twice.to_string()), &config) {
        if spelling(&d) {
            wrong.push(format!("twice: {}", d.message));
        }
    }
    assert!(wrong.is_empty(), "real given names flagged: {wrong:?}");
}

/// Round nine: the classes the held-out misses were reported in, each with invented people
/// — a flag where the draft's own spellings show the slip, and the near misses that must
/// stay clean (compounds, families and plurals, two people of one-letter-apart names).
#[test]
fn hyphenated_final_s_and_romanised_surnames() {
    let config = Config::default();
    // (story, the flagged word, the spelling its first fix writes, information severity)
    let flags: &[(&str, &str, &str, bool)] = &[
        // (a) A hyphenated surname is one unit after a given name, and alone when the
        // draft writes it so in full.
        (
            "Representative Marisol Quintero-Vallejo said on Tuesday the bill would pass. Quintero-Vallejo told reporters she had the votes.\n\n“We will win,” Quintero-Valleja said.\n",
            "Quintero-Valleja",
            "Quintero-Vallejo",
            false,
        ),
        (
            "Engineer Dagny Albrecht-Sundqvist led the test. Albrecht-Sundqvist said the wing held.\n\nLater Dagny Albrecht-Sundvqist said the flight was cancelled.\n",
            "Albrecht-Sundvqist",
            "Albrecht-Sundqvist",
            false,
        ),
        (
            "Representative Marisol Quintero-Vallejo said on Tuesday the bill would pass.\n\nLater Marsiol Quintero-Vallejo said she had the votes.\n",
            "Marsiol",
            "Marisol",
            false,
        ),
        // (d) A final letter added to a surname used with a given name.
        (
            "Industry Minister Tony Pembroke said the mill would close. Pembroke said talks would go on.\n\n“We have no choice,” Pembrokes told reporters.\n",
            "Pembrokes",
            "Pembroke",
            false,
        ),
        // (b) A romanised family name written once, never introduced, one letter from a
        // person introduced in full: a guess.
        (
            "Vice-mayor Zhou Xiaoming said the port would open on Monday. Zhou said the plan was approved.\n\n“We are ready,” Zhuo told reporters.\n",
            "Zhuo",
            "Zhou",
            true,
        ),
    ];
    let mut problems = Vec::new();
    for (text, word, right, low) in flags {
        let diags = analyze(&Document::parse(text.to_string()), &config);
        let at = text.find(word).unwrap_or(0);
        let span = at..at + word.len();
        let hit = diags
            .iter()
            .filter(|d| spelling(d))
            .find(|d| d.range == span);
        match hit {
            None => problems.push(format!("missed {word}: {diags:?}")),
            Some(d) => {
                let fixed = apply_edits(text, &d.fixes[0].edits).0;
                if fixed != text.replacen(word, right, 1) {
                    problems.push(format!("{word}: first fix writes {fixed:?}"));
                }
                let info = d.severity == copydesk::analysis::Severity::Information;
                if info != *low {
                    problems.push(format!("{word}: severity {:?}", d.severity));
                }
            }
        }
    }
    // A tie: a final "s" each way once, with a given name once.
    let tie = "Industry Minister Tony Pembroke said the mill would close.\n\n“We have no choice,” Pembrokes told reporters.\n";
    let diags = analyze(&Document::parse(tie.to_string()), &config);
    if !diags
        .iter()
        .any(|d| d.rule == "name.inconsistent" && &tie[d.range.clone()] == "Pembrokes")
    {
        problems.push(format!("no tie for Pembrokes: {diags:?}"));
    }
    // Near misses: nothing to flag.
    let clean: &[&str] = &[
        // (a) Compounds of names, names after a known person's name, hyphenated places.
        "Senator Joe Biden said the Biden-Trump debate would go ahead. Donald Trump said the pro-Trump crowd was larger. The Trump-branded hotel and the Biden-Harris ticket were mentioned. Franco-German talks resumed.\n",
        "President Donald Trump-Kim summit talks stalled. Donald Trump said he would meet Kim again.\n",
        "Chief Marisol Quintero-Vallejo met Ana Quintero-Vallejos, her cousin, and Ana Quintero-Vallejos said the farm was sold. Quintero-Vallejo agreed.\n",
        // (d) Families, plurals and possessives.
        "Tony Pembroke said on Tuesday the farm would be sold. The Pembrokes have owned it since 1910.\n\nPembroke's brother disagreed. The Pembrokes’ lawyer declined to comment, and both Pembrokes left.\n",
        "Councillor Tony Pembroke spoke first. Sarah Pembrokes, a neighbour, said Pembrokes Lane would flood. Pembroke said it would not.\n",
        // (b) Two people of one-letter-apart romanised names, each named again.
        "Vice-mayor Zhou Wei said the port would open. His deputy, Zhuo Wei, disagreed.\n\nZhou said the port was ready. Zhuo said it was not.\n",
        "Vice-mayor Zhou Wei said the port would open. His deputy, Zhuo Wei, disagreed.\n\nZhou said the port was ready.\n",
        "Lee Min-ho and Lei Jun spoke. Lee said the deal was done and Lei agreed; Lee left first.\n",
    ];
    problems.extend(clean_story_flags(clean, &config));
    for p in &problems {
        println!("  - {p}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Round eleven: names the checks did not read, by how news writes them: after a plural
/// title, after a title's jurisdiction ("Mayor of …"), a known place or a date; "Bill" as a
/// given name; a surname only ever written after an honorific; a surname that is an everyday
/// word opening a sentence; the first of two surnames written alone. Each misspelled in that
/// place, the right spelling elsewhere; and near misses of each that must stay clean.
#[test]
fn names_in_the_grammar_of_news_are_read() {
    let config = Config::default();
    // (class, story, the flagged word, the spelling its first fix writes)
    let flags: &[(&str, &str, &str, &str)] = &[
        (
            "plural title",
            "The bill was introduced by Senators Micahel Tarrow and Jane Roe on Tuesday.\n",
            "Micahel",
            "Michael",
        ),
        (
            "jurisdiction",
            "Mayor of Lindenfeld Micahel Tarrow declared a day of mourning.\n",
            "Micahel",
            "Michael",
        ),
        (
            "known place",
            "US Ambassador to Germany Richard Grenelll alleged interference. Grenell later apologised, and Grenell said the remark was misread.\n",
            "Grenelll",
            "Grenell",
        ),
        (
            "date",
            "On Monday Anna Kesler said the plant would close.\n\nAnna Kessler, the plant's director, said talks went on. Kessler declined to comment further.\n",
            "Kesler",
            "Kessler",
        ),
        (
            "Bill",
            "Bill Hallorann of NASA spoke of the work.\n\nBill Halloran said the launch went well. Halloran said a second launch was planned.\n",
            "Hallorann",
            "Halloran",
        ),
        (
            "honorific",
            "Mr. Tarow spoke on Monday. Later Mr. Tarrow left the hearing.\n\nMr. Tarrow said he would appeal.\n",
            "Tarow",
            "Tarrow",
        ),
        (
            "everyday-word surname",
            "Counsel Mark Chandlr explained the deal.\n\nChandler said more would follow.\n",
            "Chandlr",
            "Chandler",
        ),
        (
            "first of two surnames",
            "Ana Lucía Mendoza Ferrer, a marine biologist, has won an award. Mendoza has tagged 2,000 birds.\n\nMendosa said the birds were threatened.\n",
            "Mendosa",
            "Mendoza",
        ),
    ];
    let mut problems = Vec::new();
    for (class, text, word, right) in flags {
        let diags = analyze(&Document::parse(text.to_string()), &config);
        let at = text.find(word).unwrap_or(0);
        let span = at..at + word.len();
        match diags
            .iter()
            .filter(|d| spelling(d))
            .find(|d| d.range == span)
        {
            None => problems.push(format!("{class}: missed {word}")),
            Some(d) => {
                let fixed = apply_edits(text, &d.fixes[0].edits).0;
                if fixed != text.replacen(word, right, 1) {
                    problems.push(format!("{class}: {word}: first fix writes {fixed:?}"));
                }
            }
        }
    }
    let clean: &[&str] = &[
        "Senators Jane Roe and John Doe wrote the bill. Roe said it would pass. Doe agreed.\n",
        "Mayor of New York Bill de Blasio spoke on Monday. De Blasio said the city was ready.\n",
        "Texas Christian University won on Saturday. Coach Gary Patterson said the team played well. Patterson left.\n",
        "The Health Bill Committee met on Monday. Committee chairman Anna Kessler spoke. Kessler left.\n",
        "Mr. Tarrow spoke on Monday. Later Mr. Tarrow left. Tarrow said he would appeal.\n",
        "Hawks said the war would end. Mark Chandler left the room. Chandler said no.\n",
        "John Michael Tarrow spoke. Tarrow said no. Michael left.\n",
        "Ana Lucía Mendoza Ferrer won an award. Mendoza has tagged birds. Mendoza said so.\n",
    ];
    problems.extend(clean_story_flags(clean, &config));
    println!(
        "round eleven classes: {} of {} flags right, {} clean stories",
        flags.len() - problems.iter().filter(|p| !p.starts_with("clean")).count(),
        flags.len(),
        clean.len()
    );
    for p in &problems {
        println!("  - {p}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
