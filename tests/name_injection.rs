//! Injection test for `name.misspelled`: take the knowledge-base names the Wikinews 2019
//! corpus mentions, misspell one occurrence by one edit (swap two neighbours, drop a letter,
//! double a letter, change a vowel), and check that the rule flags it and that its first
//! fix restores the original spelling.
//!
//! Mutations that produce a real word or a real name (a dictionary word, an accepted
//! spelling of any actor, a nickname, a romanisation listed in the name tables) are not
//! counted: flagging those would flag correct text. They are reported.
//!
//! Run with figures: `cargo test --release --test name_injection -- --nocapture`.

use copydesk::analysis::names::{self, lexicon, matcher::fold, ActorRef};
use copydesk::analysis::{analyze, fix::apply_edits, Config, Document};
#[path = "common/corpus.rs"]
mod corpus;

fn corpus() -> Vec<(String, String)> {
    corpus::articles()
}

const VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];

/// One-edit misspellings of a name: (kind, misspelling). Positions avoid the first letter
/// for swaps/drops (a capital must stay a capital) and are spread by a simple hash.
fn mutations(name: &str, seed: usize) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    if n < 4 || !chars.iter().all(|c| c.is_alphabetic()) {
        return out;
    }
    let pick = |k: usize, lo: usize, hi: usize| lo + (seed * 7 + k * 13) % (hi - lo).max(1);
    // Swap two neighbours (not the capital).
    let i = pick(1, 1, n - 1);
    if i + 1 < n && chars[i] != chars[i + 1] {
        let mut c = chars.clone();
        c.swap(i, i + 1);
        out.push(("swap", c.into_iter().collect()));
    }
    // Drop a letter.
    let i = pick(2, 1, n);
    let mut c = chars.clone();
    c.remove(i);
    out.push(("drop", c.into_iter().collect()));
    // Double a letter.
    let i = pick(3, 1, n);
    let mut c = chars.clone();
    c.insert(i, chars[i]);
    out.push(("double", c.into_iter().collect()));
    // Wrong vowel.
    let vowels: Vec<usize> = (1..n)
        .filter(|&i| VOWELS.contains(&chars[i].to_ascii_lowercase()))
        .collect();
    if !vowels.is_empty() {
        let i = vowels[seed % vowels.len()];
        let cur = chars[i].to_ascii_lowercase();
        let pos = VOWELS.iter().position(|&v| v == cur).unwrap_or(0);
        let mut c = chars.clone();
        c[i] = VOWELS[(pos + 1 + seed % 4) % 5];
        out.push(("vowel", c.into_iter().collect()));
    }
    out
}

#[test]
fn one_edit_misspellings_of_known_names_are_caught_and_fixed() {
    let docs = corpus();
    let config = Config::default();
    let kb = names::kb::Kb::default_kb();
    let (mut total, mut caught, mut fixed, mut excluded) = (0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    let mut wrong_fixes: Vec<String> = Vec::new();
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (file, text) in &docs {
        let doc = Document::parse(text.clone());
        let n = names::analyse(&doc, &config.names);
        // One occurrence per distinct knowledge-base name part in the article.
        let mut seen = std::collections::HashSet::new();
        for m in &n.mentions {
            let ActorRef::Kb(a) = m.actor else { continue };
            for p in &m.parts {
                if p.misspelling || p.spelling.contains([' ', '-', '\'', '’']) {
                    continue;
                }
                if !seen.insert((a, p.part, p.spelling.clone())) {
                    continue;
                }
                let seed = file.len() + p.range.start;
                for (kind, bad) in mutations(&p.spelling, seed) {
                    let known = lexicon::is_dictionary_word(&bad)
                        || lexicon::is_known_given_name(&bad)
                        || lexicon::is_name_variant_form(&bad)
                        || kb.matcher.lookup(&fold(&bad)).is_some()
                        || fold(&bad) == fold(&p.spelling);
                    if known {
                        excluded += 1;
                        continue;
                    }
                    total += 1;
                    let entry = by_kind.entry(kind).or_default();
                    entry.0 += 1;
                    let mut injected = text.clone();
                    injected.replace_range(p.range.clone(), &bad);
                    let at = p.range.start..p.range.start + bad.len();
                    let doc2 = Document::parse(injected.clone());
                    let diags = analyze(&doc2, &config);
                    let hit = diags
                        .iter()
                        .find(|d| d.rule == "name.misspelled" && d.range == at);
                    let Some(d) = hit else {
                        let s = p.range.start.saturating_sub(40);
                        let e = (p.range.end + 30).min(text.len());
                        let ctx = text.get(s..e).unwrap_or("").replace('\n', " ");
                        misses.push(format!("{file}: {} → {bad} ({kind}) …{ctx}…", p.spelling));
                        continue;
                    };
                    caught += 1;
                    entry.1 += 1;
                    // Restored: the original spelling, or the same spelling with other
                    // diacritics (Erdogan for Erdoğan) — the check is diacritic-insensitive.
                    let restored = d.fixes.first().is_some_and(|f| {
                        let (out, _) = apply_edits(&injected, &f.edits);
                        out == *text
                            || f.edits.len() == 1 && fold(&f.edits[0].new_text) == fold(&p.spelling)
                    });
                    if restored {
                        fixed += 1;
                    } else {
                        let got = d
                            .data
                            .get("expected")
                            .and_then(|v| v.as_str())
                            .unwrap_or("");
                        wrong_fixes.push(format!("{file}: {} → {bad}: fix says {got}", p.spelling));
                    }
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("name injection: {total} one-edit misspellings of knowledge-base names in {} articles ({excluded} mutations skipped: they spell a real word or name)", docs.len());
    for (kind, (t, c)) in &by_kind {
        println!("  {kind:<6} {c}/{t} caught ({:.1}%)", pct(*c, *t));
    }
    println!("caught: {caught}/{total} = {:.1}%", pct(caught, total));
    println!(
        "first fix restores the original: {fixed}/{caught} = {:.1}%",
        pct(fixed, caught)
    );
    for m in misses.iter().take(400) {
        println!("  missed: {m}");
    }
    for m in wrong_fixes.iter().take(40) {
        println!("  wrong fix: {m}");
    }
    assert!(total >= 200, "too few injections ({total}) to measure");
    assert!(pct(caught, total) >= 95.0, "caught only {caught}/{total}");
    assert!(
        pct(fixed, caught) >= 95.0,
        "first fix right only {fixed}/{caught}"
    );
}

/// The MEANTIME articles of one half, as (file name, text): the article lists of
/// `tests/fixtures/time_expressions_meantime_{tune,heldout}.tsv` (the split every rule uses).
fn meantime_half(file: &str) -> Vec<(String, String)> {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let list = std::fs::read_to_string(&fixture)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", fixture.display()));
    let mut names: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("article\t"))
        .filter_map(|l| l.split('\t').next())
        .filter(|a| a.ends_with(".md"))
        .collect();
    names.sort_unstable();
    names.dedup();
    let dir = corpus::meantime_dir();
    names
        .into_iter()
        .map(|a| {
            let text = std::fs::read_to_string(dir.join(a))
                .unwrap_or_else(|e| panic!("cannot read {a} of {}: {e}", dir.display()));
            (a.to_string(), text)
        })
        .collect()
}

/// Capitalised words of letters (an apostrophe inside allowed), with their byte ranges.
fn capitalised_words(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphabetic() || (start.is_some() && (c == '\'' || c == '’'));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = text[s..i].trim_end_matches(['\'', '’']);
                // Inner capitals allowed (DesRosiers, McCain); not an acronym.
                if w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                {
                    out.push((s..s + w.len(), w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The people of an article found without the name checks: a listed given name followed by
/// a capitalised surname of four letters or more that no dictionary knows, the surname
/// written again elsewhere (in full or alone). Returns each surname's occurrences.
fn meantime_people(text: &str) -> Vec<(String, Vec<std::ops::Range<usize>>)> {
    let words = capitalised_words(text);
    let mut people: Vec<(String, Vec<std::ops::Range<usize>>)> = Vec::new();
    for pair in words.windows(2) {
        let ((g, given), (s, surname)) = (&pair[0], &pair[1]);
        if text.get(g.end..s.start) != Some(" ")
            || !lexicon::is_known_given_name(given)
            || lexicon::is_dictionary_word(surname)
            || lexicon::is_known_given_name(surname)
            || surname.chars().count() < 4
            || people.iter().any(|(p, _)| p == surname)
        {
            continue;
        }
        // Mentions of the person: not the first word of a longer name ("Dreman Value
        // Management", a company named after them).
        let at: Vec<std::ops::Range<usize>> = words
            .iter()
            .filter(|(r, w)| {
                w == surname
                    && !text[r.end..]
                        .strip_prefix(' ')
                        .is_some_and(|t| t.starts_with(char::is_uppercase))
            })
            .map(|(r, _)| r.clone())
            .collect();
        if at.len() >= 2 {
            people.push((surname.to_string(), at));
        }
    }
    people
}

/// One MEANTIME half: every person found, their surname misspelled at its last mention (the
/// right spelling stays earlier), each kind of edit in turn. (caught, fixed, total).
fn meantime_injection(file: &str) -> (usize, usize, usize, Vec<String>) {
    let config = Config::default();
    let kb = names::kb::Kb::default_kb();
    let (mut caught, mut fixed, mut total) = (0, 0, 0);
    let mut misses = Vec::new();
    for (article, text) in meantime_half(file) {
        for (surname, at) in meantime_people(&text) {
            let Some(last) = at.last().cloned() else {
                continue;
            };
            for (kind, bad) in mutations(&surname, article.len() + last.start) {
                let known = lexicon::is_dictionary_word(&bad)
                    || lexicon::is_known_given_name(&bad)
                    || lexicon::is_name_variant_form(&bad)
                    || kb.matcher.lookup(&fold(&bad)).is_some()
                    || text.contains(bad.as_str());
                if known {
                    continue;
                }
                total += 1;
                let mut injected = text.clone();
                injected.replace_range(last.clone(), &bad);
                let span = last.start..last.start + bad.len();
                let diags = analyze(&Document::parse(injected.clone()), &config);
                let hit = diags
                    .iter()
                    .filter(|d| d.rule == "name.misspelled" || d.rule == "name.inconsistent")
                    .find(|d| d.range.start <= span.start && span.end <= d.range.end);
                let Some(d) = hit else {
                    misses.push(format!("{article}: {surname} → {bad} ({kind})"));
                    continue;
                };
                caught += 1;
                let restored = d.fixes.first().is_some_and(|f| {
                    let (out, _) = apply_edits(&injected, &f.edits);
                    out == text
                });
                fixed += usize::from(restored);
            }
        }
    }
    (caught, fixed, total, misses)
}

/// The same injector on another desk's names (MEANTIME business news, 2004–2011): surnames
/// of the people each article names, found from the text alone, misspelled at their last
/// mention. Each half reported on its own; only the tune half's misses are listed, and
/// only a collapse fails (the figures are in QUALITY.md).
#[test]
fn one_edit_misspellings_on_other_news() {
    for (half, file) in [
        ("tune", "time_expressions_meantime_tune.tsv"),
        ("held-out", "time_expressions_meantime_heldout.tsv"),
    ] {
        let (caught, fixed, total, misses) = meantime_injection(file);
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "MEANTIME {half}: {total} surname misspellings, right spelling elsewhere: caught {caught} ({:.1}%), first fix right {fixed} ({:.1}%)",
            pct(caught, total),
            pct(fixed, caught)
        );
        if half == "tune" {
            for m in &misses {
                println!("  missed: {m}");
            }
        }
        assert!(total >= 10, "MEANTIME {half}: too few injections ({total})");
        assert!(
            pct(caught, total) >= 60.0,
            "MEANTIME {half}: caught only {caught}/{total}"
        );
    }
}
