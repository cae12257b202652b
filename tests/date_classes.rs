//! Classes of date expressions, stress-tested with invented news sentences (issue 15, round
//! eight): how the time recogniser, the resolver and `date.relative` do on the ways news
//! writes time, apart from any corpus. Every sentence is invented (none is a corpus
//! sentence), in a story dated Thursday, March 14, 2024 with an AP dateline, and says what
//! its one marked expression must resolve to and whether `date.relative` must flag it under
//! the default (`ap`) style:
//!
//! - AP weekdays: within six days of the article date the day of the week is right (no
//!   flag), in the direction its verb's tense points: past (any regular or irregular past,
//!   past perfect, passive, past progressive) or coming (will, a modal, a plan or schedule,
//!   a present of timetable); also after a capitalised word ("Earlier Tuesday,", "The
//!   ministry Saturday condemned");
//! - relative words and counts back ("yesterday", "last month", "six years ago", "10 days
//!   ago", "Forty-one years ago"): resolved against the article date, and flagged (but
//!   the rule leaves dates more than ten years back alone by design, so "41 years ago" is
//!   only resolved);
//! - anchored to another date ("a year earlier", "two years later", "the next day"):
//!   resolved against that date, not flagged;
//! - spans back from the article date ("over the past 13 years", "in the last five years",
//!   "the past 48 hours"): a duration value, not flagged;
//! - the present of a timetable told by its grammar (round nine: "The delegation flies to
//!   Tokyo on Sunday", "Voters head to the polls on Sunday"; near misses: a noun before
//!   the weekday, "cut" after a singular subject is past);
//! - generic and habitual uses ("on Tuesday nights", "today's youth", "on Sundays") and
//!   names ("Park Won-soon", "The Sunday Times", "Ruby Tuesday"): not dates, not flagged.
//!
//! An expression is right when its value (or day) is the expected one and its flag is as
//! expected. Per-class rates are printed; a floor on the whole is asserted.
//!
//! Run with figures: `cargo test --release --test date_classes -- --nocapture`.

#[path = "common/time_want.rs"]
mod time_want;

use copydesk::analysis::time::TimeExpr;
use copydesk::analysis::{analyze, Config, Context, Document};
use std::collections::BTreeMap;
use time_want::Want;

struct Probe {
    class: &'static str,
    text: &'static str,
    target: &'static str,
    want: Want<'static>,
    /// Must `date.relative` flag it (default style)? `None`: either.
    flag: Option<bool>,
}

const fn p(
    class: &'static str,
    text: &'static str,
    target: &'static str,
    want: Want<'static>,
    flag: Option<bool>,
) -> Probe {
    Probe {
        class,
        text,
        target,
        want,
        flag,
    }
}

use Want::*;
const NO: Option<bool> = Some(false);
const YES: Option<bool> = Some(true);

const PAST: &str = "weekday, past by tense";
const FUTURE: &str = "weekday, coming by tense";
const CAPS: &str = "weekday after a capitalised word";
const RELATIVE: &str = "relative word or count back (flagged)";
const ANCHORED: &str = "anchored to another date";
const SPAN: &str = "span back from the article date";
const GENERIC: &str = "generic or habitual (not a date)";
const NAME: &str = "inside a name (not a date)";
const TIMETABLE: &str = "present of a timetable, and near misses";
const ABSOLUTE: &str = "a day without its year: the year from tense or weekday";
const REPORT: &str = "weekday ahead of a report";

/// The article date: Thursday, March 14, 2024. Mon 11, Tue 12, Wed 13 before it, Fri 8,
/// Sat 9, Sun 10 the week before; Fri 15, Sat 16, Sun 17, Mon 18, Tue 19, Wed 20 after.
#[rustfmt::skip]
const PROBES: &[Probe] = &[
    // Past by tense: regular and irregular pasts, passives, perfects, relative clauses.
    p(PAST, "The ministry unveiled the plan on Tuesday.", "Tuesday", Day("2024-03-12"), NO),
    p(PAST, "Senators grilled the nominee Monday in a tense hearing.", "Monday", Day("2024-03-11"), NO),
    p(PAST, "Firefighters have contained the blaze, which broke out Sunday near the ridge.", "Sunday", Day("2024-03-10"), NO),
    p(PAST, "The two leaders spoke by phone on Wednesday.", "Wednesday", Day("2024-03-13"), NO),
    p(PAST, "A jury in Ohio convicted the former mayor Friday of bribery.", "Friday", Day("2024-03-08"), NO),
    p(PAST, "Police say the suspect fled on Saturday.", "Saturday", Day("2024-03-09"), NO),
    p(PAST, "Shares of the carmaker sank 12% on Monday after the report.", "Monday", Day("2024-03-11"), NO),
    p(PAST, "The storm tore roofs off dozens of homes on Tuesday.", "Tuesday", Day("2024-03-12"), NO),
    p(PAST, "She was sworn in on Monday as the city's first female mayor.", "Monday", Day("2024-03-11"), NO),
    p(PAST, "The bill, which cleared the Senate on Wednesday, now goes to the House.", "Wednesday", Day("2024-03-13"), NO),
    p(PAST, "The regulator had warned on Monday that supplies were running low.", "Monday", Day("2024-03-11"), NO),
    p(PAST, "Officials were meeting Tuesday to discuss the outbreak.", "Tuesday", Day("2024-03-12"), NO),
    p(PAST, "Rescuers pulled three survivors from the rubble on Saturday.", "Saturday", Day("2024-03-09"), NO),
    p(PAST, "The striker scored twice on Sunday to keep his side in the title race.", "Sunday", Day("2024-03-10"), NO),
    p(PAST, "Lawmakers overrode the governor's veto Wednesday by a wide margin.", "Wednesday", Day("2024-03-13"), NO),
    // Coming by tense: will, modals, plans, schedules, the present of a timetable.
    p(FUTURE, "The committee will vote on the proposal Tuesday.", "Tuesday", Day("2024-03-19"), NO),
    p(FUTURE, "Talks are scheduled to resume on Monday in Geneva.", "Monday", Day("2024-03-18"), NO),
    p(FUTURE, "The governor is expected to sign the bill Friday.", "Friday", Day("2024-03-15"), NO),
    p(FUTURE, "The union says its members intend to strike on Wednesday.", "Wednesday", Day("2024-03-20"), NO),
    p(FUTURE, "The court is set to hear arguments on Monday.", "Monday", Day("2024-03-18"), NO),
    p(FUTURE, "Engineers hope to reopen the bridge by Sunday.", "Sunday", Day("2024-03-17"), NO),
    p(FUTURE, "The lander is due to touch down on Saturday.", "Saturday", Day("2024-03-16"), NO),
    p(FUTURE, "The prime minister heads to Brussels on Monday for the summit.", "Monday", Day("2024-03-18"), NO),
    p(FUTURE, "The exhibition opens Friday at the city museum.", "Friday", Day("2024-03-15"), NO),
    p(FUTURE, "Jurors could begin deliberating as early as Monday.", "Monday", Day("2024-03-18"), NO),
    p(FUTURE, "The agency is reviewing the data and will publish it Friday.", "Friday", Day("2024-03-15"), NO),
    p(FUTURE, "The senator has said she will announce her decision on Tuesday.", "Tuesday", Day("2024-03-19"), NO),
    p(FUTURE, "The bank reports quarterly earnings on Tuesday.", "Tuesday", Day("2024-03-19"), NO),
    p(FUTURE, "Voters head to the polls on Sunday in the second round.", "Sunday", Day("2024-03-17"), NO),
    // After a capitalised word, headline style.
    p(CAPS, "Earlier Tuesday, the army shelled the town.", "Tuesday", Day("2024-03-12"), NO),
    p(CAPS, "Also Monday, the central bank raised interest rates.", "Monday", Day("2024-03-11"), NO),
    p(CAPS, "The ministry Saturday condemned the attack on the convoy.", "Saturday", Day("2024-03-09"), NO),
    p(CAPS, "Speaking in the Oval Office Wednesday, the president defended the deal.", "Wednesday", Day("2024-03-13"), NO),
    p(CAPS, "Officials in Kyiv Tuesday said power had been restored.", "Tuesday", Day("2024-03-12"), NO),
    // Relative words and counts back: flagged, resolved against the article date.
    p(RELATIVE, "The council approved the budget yesterday.", "yesterday", Day("2024-03-13"), YES),
    p(RELATIVE, "The results will be announced tomorrow.", "tomorrow", Day("2024-03-15"), YES),
    p(RELATIVE, "Exports fell sharply last month, the agency said.", "last month", Value("2024-02"), YES),
    p(RELATIVE, "The new law takes effect next month.", "next month", Value("2024-04"), YES),
    p(RELATIVE, "Inflation has eased this year, the figures show.", "this year", Value("2024"), YES),
    p(RELATIVE, "The ministry said last week that it would appeal.", "last week", Value("2024-W10"), YES),
    p(RELATIVE, "The plant shut down 10 days ago.", "10 days ago", Day("2024-03-04"), YES),
    p(RELATIVE, "The accord was signed three days ago.", "three days ago", Day("2024-03-11"), YES),
    p(RELATIVE, "Six years ago, the city banned plastic bags.", "Six years ago", Value("2018"), YES),
    p(RELATIVE, "The company was founded 41 years ago by two engineers.", "41 years ago", Value("1983"), None),
    p(RELATIVE, "Forty-one years ago the dam burst, flooding the valley.", "Forty-one years ago", Value("1983"), None),
    p(RELATIVE, "Eighteen months ago the agency warned of shortages.", "Eighteen months ago", Value("2022-09"), YES),
    p(RELATIVE, "The refinery was sold two weeks ago.", "two weeks ago", Value("2024-W09"), YES),
    p(RELATIVE, "The strike ended a year ago this week.", "a year ago", Value("2023"), None),
    // Anchored to another date in the paragraph: that date, not the article date.
    p(ANCHORED, "Sales fell 4% in 2021. A year earlier, they had risen 9%.", "A year earlier", Value("2020"), NO),
    p(ANCHORED, "The dam was finished in 2015; two years later it cracked.", "two years later", Value("2017"), NO),
    p(ANCHORED, "The strike began on Jan. 8. Three days later, the ports were empty.", "Three days later", Day("2024-01-11"), NO),
    p(ANCHORED, "The firm listed in 2019, and the following year it posted its first profit.", "the following year", Value("2020"), NO),
    p(ANCHORED, "Obama took office on Jan. 20, 2009, and the next day he signed the order.", "the next day", Day("2009-01-21"), NO),
    p(ANCHORED, "The law passed in 2010; the year before, protests had filled the streets.", "the year before", Value("2009"), NO),
    p(ANCHORED, "Revenue reached $4 billion in 2022, up from $3 billion a year earlier.", "a year earlier", Value("2021"), NO),
    p(ANCHORED, "The mine opened in 1987. Five years later it was the region's largest employer.", "Five years later", Value("1992"), NO),
    // Spans back from the article date: durations, not flagged.
    p(SPAN, "Crime in the city has fallen over the past 13 years.", "the past 13 years", Value("P13Y"), NO),
    p(SPAN, "Prices have doubled in the last five years.", "the last five years", Value("P5Y"), NO),
    p(SPAN, "Rents have risen in each of the past eighteen months.", "the past eighteen months", Value("P18M"), NO),
    p(SPAN, "The lake has shrunk over the last twelve weeks.", "the last twelve weeks", Value("P12W"), NO),
    p(SPAN, "In the past 48 hours, rescuers have reached the village.", "the past 48 hours", Value("PT48H"), NO),
    p(SPAN, "The region has had little rain over the past three decades.", "the past three decades", Value("P3DE"), NO),
    // Generic and habitual: not dates.
    p(GENERIC, "The night market is open on Tuesday nights.", "Tuesday", NotDate, NO),
    p(GENERIC, "The council wants longer Sunday opening hours for shops.", "Sunday", NotDate, NO),
    p(GENERIC, "Today's youth spend more time online than any generation before.", "Today", NotDate, NO),
    p(GENERIC, "The problems of the world of today are different, she said.", "today", NotDate, NO),
    p(GENERIC, "The café closes on Sundays.", "Sundays", NotDate, NO),
    p(GENERIC, "Monday mornings are the busiest time at the clinic.", "Monday", NotDate, NO),
    p(GENERIC, "Every Friday, volunteers deliver hot meals to the elderly.", "Friday", NotDate, NO),
    p(GENERIC, "Teenagers today face pressures their parents never knew.", "today", NotDate, NO),
    p(GENERIC, "Farmers today grow more maize than wheat.", "today", NotDate, NO),
    // Inside names: not dates.
    p(NAME, "Seoul Mayor Park Won-soon met the envoy.", "soon", NotDate, NO),
    p(NAME, "She told NBC's Today show that she would run.", "Today", NotDate, NO),
    p(NAME, "The Sunday Times first reported the deal.", "Sunday", NotDate, NO),
    p(NAME, "The restaurant chain Ruby Tuesday closed 30 stores.", "Tuesday", NotDate, NO),
    // Round eleven: "Black Friday" was read here as a name; the blind labeller, like AP,
    // reads it as the day after Thanksgiving (a holiday's date, not counted from today).
    p(ABSOLUTE, "Shoppers crowded the malls on Black Friday in November.", "Black Friday", Day("2023-11-24"), NO),
    p(NAME, "The Black Friday Bushfires burned across Victoria in 1939.", "Black Friday", NotDate, NO),
    p(GENERIC, "Hikers often reach the summit the next morning.", "the next morning", NotDate, NO),
    p(GENERIC, "The rodeo, staged every year in the second week of July, draws ranchers from three states.", "the second week of July", NotDate, NO),
    p(ABSOLUTE, "Ballots must arrive by the third Friday in April, the clerk said.", "the third Friday in April", Day("2024-04-19"), NO),
    // Round nine: the present of a timetable told by grammar (a present verb, no past or
    // future marker, a weekday ahead), and its near misses.
    p(TIMETABLE, "The delegation flies to Tokyo on Sunday for trade talks.", "Sunday", Day("2024-03-17"), NO),
    p(TIMETABLE, "Parliament debates the budget on Tuesday.", "Tuesday", Day("2024-03-19"), NO),
    p(TIMETABLE, "Both candidates address the convention on Wednesday.", "Wednesday", Day("2024-03-20"), NO),
    p(TIMETABLE, "The festival wraps up on Sunday with a fireworks show.", "Sunday", Day("2024-03-17"), NO),
    p(TIMETABLE, "The pope celebrates Mass in Lisbon on Saturday.", "Saturday", Day("2024-03-16"), NO),
    p(TIMETABLE, "On Monday, the finance minister unveils her first budget.", "Monday", Day("2024-03-18"), NO),
    p(TIMETABLE, "Striking nurses return to work on Tuesday.", "Tuesday", Day("2024-03-19"), NO),
    p(TIMETABLE, "The board is going to vote on the merger Wednesday.", "Wednesday", Day("2024-03-20"), NO),
    p(TIMETABLE, "The president is travelling to Ohio on Friday.", "Friday", Day("2024-03-15"), NO),
    p(TIMETABLE, "The agency's reports on Tuesday showed a sharp rise.", "Tuesday", Day("2024-03-12"), NO),
    p(TIMETABLE, "Police say the gunman surrendered on Sunday.", "Sunday", Day("2024-03-10"), NO),
    p(TIMETABLE, "The company, which makes solar panels, cut 200 jobs on Monday.", "Monday", Day("2024-03-11"), NO),
    p(TIMETABLE, "The Fed cut interest rates on Wednesday.", "Wednesday", Day("2024-03-13"), NO),
    p(TIMETABLE, "The storm hit the coast Sunday, knocking out power.", "Sunday", Day("2024-03-10"), NO),
    p(RELATIVE, "The ceasefire collapsed 36 hours ago, officials said.", "36 hours ago", Value("PAST_REF"), None),
    // Round nine: counts with any number and unit, and spans ahead.
    p(RELATIVE, "A dozen years ago the river burst its banks.", "A dozen years ago", Value("2012"), None),
    p(RELATIVE, "The bridge was closed a fortnight ago.", "a fortnight ago", Value("2024-W09"), YES),
    p(RELATIVE, "Two dozen days ago the plant stopped.", "Two dozen days ago", Day("2024-02-19"), YES),
    p(RELATIVE, "The ceasefire collapsed 48 hours ago.", "48 hours ago", Day("2024-03-12"), YES),
    p(RELATIVE, "Twenty-five years ago the euro was launched.", "Twenty-five years ago", Value("1999"), None),
    p(RELATIVE, "Nearly two decades ago the town lost its mill.", "two decades ago", Value("200"), None),
    p(RELATIVE, "The treaty was signed eleven months ago.", "eleven months ago", Value("2023-04"), YES),
    p(SPAN, "Prices are expected to rise over the next two years.", "the next two years", Value("P2Y"), NO),
    p(SPAN, "The mission will last for the coming ten days.", "the coming ten days", Value("P10D"), NO),
    // Round nine: anchored to a date elsewhere in the sentence or paragraph.
    p(ANCHORED, "The fire started on Feb. 2, and the next morning the roof fell in.", "the next morning", Day("2024-02-03"), NO),
    p(ANCHORED, "Voters went to the polls in June 2019. A month earlier, the coalition had collapsed.", "A month earlier", Value("2019-05"), NO),
    p(ANCHORED, "The company was listed in 2008. A decade later it was bankrupt.", "A decade later", Value("201"), NO),
    p(ANCHORED, "The plant closed in 2016; the previous year it had cut 500 jobs.", "the previous year", Value("2015"), NO),
    p(ANCHORED, "The envoy arrived on Jan. 9. Two days later, talks began.", "Two days later", Day("2024-01-11"), NO),
    p(ANCHORED, "He was arrested on Nov. 3, 2022, and the day before he had fled.", "the day before", Day("2022-11-02"), NO),
    p(ANCHORED, "The vote was held on Oct. 1. A week later the results were annulled.", "A week later", Value("2023-W40"), NO),
    // Round ten: the classes of the blind tune probe's misses, in other wording (written
    // with their fixes, not before them).
    p(FUTURE, "The panel will hear testimony next Tuesday.", "next Tuesday", Day("2024-03-19"), YES),
    p(NAME, "The singer closed with Yesterday, her best-known ballad.", "Yesterday", NotDate, NO),
    p(NAME, "The mayor defended the plan on CBS's This Morning.", "This Morning", NotDate, NO),
    p(NAME, "Investors in Saturday Night, a nightclub chain, lost their stakes.", "Saturday Night", NotDate, NO),
    p(NAME, "The minister spoke to the program This Week in Politics.", "This Week", NotDate, NO),
    p(GENERIC, "The academy says it trains the surgeons of tomorrow.", "tomorrow", NotDate, NO),
    p(GENERIC, "The museum sets the port of 1850 beside the port of today.", "today", NotDate, NO),
    p(GENERIC, "The garden club meets on the first Thursday of every month.", "Thursday", NotDate, NO),
    p(RELATIVE, "The trial resumes a week from Monday.", "a week from Monday", Day("2024-03-25"), YES),
    p(RELATIVE, "The shop was robbed a week ago Tuesday.", "a week ago Tuesday", Day("2024-03-05"), YES),
    p(RELATIVE, "The lights have been out since the Sunday before last.", "the Sunday before last", Day("2024-03-03"), YES),
    p(ANCHORED, "The climbers set out on Feb. 20 and reached the summit the following Saturday.", "the following Saturday", Day("2024-02-24"), NO),
    p(ABSOLUTE, "Ticket sales begin Monday, Jan. 6, the league said.", "Monday, Jan. 6", Day("2025-01-06"), NO),
    p(ABSOLUTE, "The hearing that began on Thursday, Jan. 5, ended in uproar.", "Thursday, Jan. 5", Day("2023-01-05"), NO),
    p(ABSOLUTE, "The new speed limit takes effect Jan. 1 on rural roads.", "Jan. 1", Day("2025-01-01"), NO),
    // Round twelve: the widened blind tune probe's classes, in other wording. A future seen
    // from a report is the first such day after the report's day; with no day named for the
    // report, both days stay offered.
    p(REPORT, "Aides said Monday that the senator would return to Washington on Wednesday.", "Wednesday", Day("2024-03-13"), NO),
    p(REPORT, "The concert, which was to be held Tuesday, was cancelled Monday.", "Tuesday", Day("2024-03-12"), NO),
    p(ANCHORED, "The ship docked on March 5; its crew had last been paid the previous Thursday.", "the previous Thursday", Day("2024-02-29"), NO),
    p(RELATIVE, "Hearings resume Wednesday week in the capital.", "Wednesday week", Day("2024-03-27"), YES),
    p(NAME, "Her novel \"Tomorrow Belongs to Them\" sold well.", "Tomorrow", NotDate, NO),
    p(ABSOLUTE, "Polls open at 6 a.m. on Election Day.", "Election Day", Day("2024-11-05"), NO),
    p(ABSOLUTE, "The lease was signed 3/1/24 in Denver.", "3/1/24", Day("2024-03-01"), NO),
    p(RELATIVE, "The district plans to hire 40 teachers next school year.", "next school year", Value("2025"), None),
];

/// Overall floor on the share of probes right (value and flag), set a little below the
/// figure measured when it was set (round eight: 73 of 76, 96.1%; the misses were three
/// presents of timetable). Round nine: 106 of 107 (99.1%), the presents now told by
/// grammar; the one miss is "reports quarterly earnings on Tuesday", a reporting verb's
/// present, read as a past report. The floor is kept.
const FLOOR_RIGHT: f64 = 94.0;

fn draft(text: &str) -> String {
    format!("---\ndate: 2024-03-14\n---\n\nWASHINGTON (AP) — {text}\n")
}

/// What went wrong with one probe, if anything.
fn judge(probe: &Probe, config: &Config) -> Result<(), String> {
    let src = draft(probe.text);
    let doc = Document::parse(src.as_str());
    let body = src.find("WASHINGTON").unwrap_or(0);
    let at = src[body..]
        .find(probe.target)
        .map(|k| body + k)
        .ok_or_else(|| format!("target `{}` not in the text", probe.target))?;
    let target = at..at + probe.target.len();
    let overlaps = |r: &std::ops::Range<usize>| r.start < target.end && target.start < r.end;
    let cx = Context::new(&doc, config);
    let exprs: Vec<&TimeExpr> = cx
        .time_expressions()
        .iter()
        .filter(|e| overlaps(&e.source))
        .collect();
    time_want::judge(probe.want, &exprs)?;
    if let Some(want_flag) = probe.flag {
        let flagged = analyze(&doc, config)
            .iter()
            .any(|d| d.rule == "date.relative" && overlaps(&d.range));
        if flagged != want_flag {
            return Err(format!(
                "date.relative {} (want {})",
                if flagged {
                    "flags it"
                } else {
                    "does not flag it"
                },
                if want_flag { "a flag" } else { "none" }
            ));
        }
    }
    Ok(())
}

#[test]
fn date_classes() {
    let config = Config::default();
    let mut per_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for probe in PROBES {
        let entry = per_class.entry(probe.class).or_default();
        entry.1 += 1;
        match judge(probe, &config) {
            Ok(()) => entry.0 += 1,
            Err(why) => misses.push(format!("[{}] {} — {why}", probe.class, probe.text)),
        }
    }
    let right: usize = per_class.values().map(|c| c.0).sum();
    let total = PROBES.len();
    println!("\n| class | right |\n| --- | --- |");
    for (class, (r, n)) in &per_class {
        println!(
            "| {class} | {r}/{n} = {:.1}% |",
            *r as f64 * 100.0 / *n as f64
        );
    }
    let rate = right as f64 * 100.0 / total as f64;
    println!("| **all** | {right}/{total} = {rate:.1}% |\n");
    for m in &misses {
        println!("miss: {m}");
    }
    assert!(total >= 40, "the probe needs 40 sentences or more");
    assert!(
        rate >= FLOOR_RIGHT,
        "class probe: {rate:.1}% right, floor {FLOOR_RIGHT}%"
    );
}
