//! `quote.unattributed` on drafts in styles the Wikinews corpus does not use: British
//! single quotes, guillemets, German marks, transcripts, wire runs over paragraphs, block
//! quotes. Written for copydesk (not tuned on the corpus). Each draft marks the quotes that
//! must be flagged with ⟦…⟧ in `expect`.

use copydesk::analysis::{analyze, Config, Document};

fn flagged(src: &str) -> Vec<String> {
    let doc = Document::parse(src);
    analyze(&doc, &Config::default())
        .into_iter()
        .filter(|d| d.rule == "quote.unattributed")
        .map(|d| src[d.range.clone()].to_string())
        .collect()
}

#[test]
fn british_single_quotes() {
    let src = "\
The Prime Minister said the talks had reached 'a critical moment in the negotiations'.

'We will not walk away from the table,' Mr Sunak told MPs on Tuesday. 'Nor should anyone else.'

Labour's shadow chancellor, Rachel Reeves, described the plan as 'a recipe for chaos'.

'It's the taxpayers' money, and they deserve better,' said a Treasury spokeswoman.

The Smiths' shop on the high street, open since the '90s, closed last week.

'We have been clear from the start about what we want.'
";
    assert_eq!(
        flagged(src),
        ["'We have been clear from the start about what we want.'"]
    );
}

#[test]
fn guillemets_and_german_marks() {
    let src = "\
«We will rebuild the bridge by spring», the mayor of Basel said on Monday.

According to the canton's engineer, «the foundations are sound».

„Wir schaffen das“ became the slogan of a generation, and Merkel repeated it often.

«Nobody asked us what we wanted.»
";
    assert_eq!(flagged(src), ["«Nobody asked us what we wanted.»"]);
}

#[test]
fn transcripts_and_interviews() {
    let src = "\
## The interview

**Wikinews:** What surprised you most?

**Stamenković:** The numbers. I told my team, “Check everything again.”

Q: And did they?

A: “Five times,” as I keep saying.
";
    assert_eq!(flagged(src), Vec::<String>::new());
}

#[test]
fn wire_runs_colons_and_block_quotes() {
    let src = "\
“We will rebuild every school in the district,” said Mayor Ana Ruiz at a news conference. “Every one.

“And every road that the storm took,” she added.

Ruiz had a warning for the state:

“Do not make us wait for the money.”

“We have waited long enough.”

The governor posted on Facebook late Monday:

> The state stands with Riverton. Help is on the way.

> No one will be left behind.
>
> — Gov. Dana Whitfield

The council met again on Tuesday.

> The money has not arrived.
";
    assert_eq!(flagged(src), ["The money has not arrived."]);
}

#[test]
fn reporting_verbs_in_their_forms() {
    for ok in [
        "“The vote is tomorrow,” she tweeted.",
        "“The vote is tomorrow,” the spokesman for the ministry quipped.",
        "“The vote is tomorrow,” a senior official, who asked not to be named, told Reuters.",
        "“The vote is tomorrow,” insisted Sen. Mark Kelly, D-Ariz.",
        "Officials, speaking on condition of anonymity, have repeatedly warned that “the vote is tomorrow.”",
        "“Is the vote tomorrow?” asked one reporter.",
        "In a statement, the company said, “The vote is tomorrow.”",
        "“The vote is tomorrow,” the ministry wrote on X.",
        "The union’s leader described the offer as “an insult to every nurse in this country.”",
    ] {
        assert_eq!(flagged(ok), Vec::<String>::new(), "{ok}");
    }
    for bad in [
        "“The vote is tomorrow.” The hall was full.",
        "The plan was, in short, “a way to stall the talks for another year”.",
    ] {
        assert_eq!(flagged(bad).len(), 1, "{bad}");
    }
}

#[test]
fn a_wire_story_in_ap_style() {
    let src = "\
WASHINGTON (AP) — The Senate on Tuesday passed a bill to expand child care subsidies.

\"This is a good day for working families,\" Senate Majority Leader Chuck Schumer told reporters after the vote.

Republicans were split. Sen. Mitt Romney, R-Utah, called the measure \"fiscally reckless,\" while Sen. Susan Collins of Maine said she backed it \"with reservations.\"

\"I don't love everything in it,\" Collins said. \"But it's a start.\"

The White House praised the vote. \"The president looks forward to signing it,\" press secretary Karine Jean-Pierre said in a statement.

Asked whether the House would act quickly, Speaker Mike Johnson was noncommittal. \"We'll look at it,\" he said.

According to the Congressional Budget Office, the bill would \"reduce deficits by $90 billion over a decade.\"

Advocates, who have pushed for the bill since 2021, hailed it as \"long overdue.\" One of them, Maria Lopez of the Child Care Alliance, put it bluntly: \"Parents can't wait.\"

\"It's not perfect. Nothing is,\" said Lopez, 44, a mother of three. \"We'll keep fighting for more.\"

The bill now goes to the House.
";
    assert_eq!(flagged(src), Vec::<String>::new());
}
