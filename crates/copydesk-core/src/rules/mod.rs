//! The rule registry. Each rule lives in its own file with its documentation and tests.

use super::diagnostic::{Diagnostic, Severity};
use super::Context;

mod attribution_loaded;
mod attribution_vague;
mod claim_undated;
mod date_format;
mod date_relative;
mod date_vague;
mod name_first_reference;
mod name_inconsistent;
pub mod name_inconsistent_desk;
pub mod name_misspelled;
mod name_title_mismatch;
mod quote_scare;
mod quote_speaker_unidentified;
mod quote_style;
mod quote_unattributed;
mod quote_unbalanced;
mod source_anonymous;

/// What a rule is, for `copydesk rules`, `copydesk explain`, SARIF and hover.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, dotted, lowercase id. Never rename one.
    pub id: &'static str,
    pub default_severity: Severity,
    /// Opt-in rules are off until configured.
    pub enabled_by_default: bool,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters, in plain words.
    pub explanation: &'static str,
    /// A draft that triggers the rule, and the same draft fixed.
    pub wrong: &'static str,
    pub right: &'static str,
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Report findings at the rule's default severity; the engine applies configuration
    /// and suppressions.
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

static RULES: &[&dyn Rule] = &[
    &quote_unattributed::QuoteUnattributed,
    &quote_unbalanced::QuoteUnbalanced,
    &quote_scare::QuoteScare,
    &quote_style::QuoteStyle,
    &name_misspelled::NameMisspelled,
    &name_inconsistent::NameInconsistent,
    &name_first_reference::NameFirstReference,
    &name_title_mismatch::NameTitleMismatch,
    &date_relative::DateRelative,
    &date_vague::DateVague,
    &claim_undated::ClaimUndated,
    &date_format::DateFormat,
    &source_anonymous::SourceAnonymous,
    &attribution_loaded::AttributionLoaded,
    &attribution_vague::AttributionVague,
    &quote_speaker_unidentified::QuoteSpeakerUnidentified,
    // Added after the first release: last, so that positions (SARIF's ruleIndex) stay.
    &name_inconsistent_desk::NameInconsistentDesk,
];

pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.meta().id == id)
}

/// Default severity of a rule id (warning for an id not in the registry).
pub fn default_severity(id: &str) -> Severity {
    find(id).map_or(Severity::Warning, |r| r.meta().default_severity)
}

/// Block-text ranges of block `bi` that are inside quotations (the shared quote analysis,
/// `cx.quotes()`), or the whole block for an interview answer: quoted speech is the
/// speaker's, not the draft's, and a copy editor does not rewrite it. Scare quotes (a word
/// or two in quotation marks) do not count.
/// The story's first paragraph of prose: the first paragraph (outside block quotes) of at
/// least eight words, so a dateline or a date line is not taken for it.
pub(crate) fn lede(cx: &Context) -> Option<usize> {
    cx.doc.blocks.iter().position(|b| {
        b.kind == crate::markdown::BlockKind::Paragraph
            && b.quote_depth == 0
            && b.text.split_whitespace().count() >= 8
    })
}

pub(crate) fn quoted_in_block(cx: &Context, bi: usize) -> Vec<std::ops::Range<usize>> {
    let Some(block) = cx.doc.blocks.get(bi) else {
        return Vec::new();
    };
    if crate::time::is_interview_answer(&block.text) {
        return std::iter::once(0..block.text.len()).collect();
    }
    cx.quoted_by_block().get(bi).cloned().unwrap_or_default()
}

/// A kind of news outlet the words identify, as the source of a report (round nine, a copy
/// editor's reading): “according to local news media”, “state media reported”, “Russian news
/// agencies said”, “Iranian state television said”, “according to local reports”. AP asks
/// that a report be credited to whoever made it; an outlet unnamed but identified by its
/// place or owner (local, state, a country's) says whose report it is, as wire copy writes
/// every day. Bare “reports”, “media reports”, “the media” identify nobody: not matched.
static OUTLET_KIND: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    const KIND: &str = r"((?:(?:local|regional|provincial|national|state|state-run|state-owned|state-controlled|state-backed|state-affiliated|government-run|government-controlled|government-owned|pro-government|opposition|official|independent|foreign|(?-i:[A-Z][a-z]+(?:-[a-z]+)?))\s+){1,3})(?:news\s+)?(?:media|news\s+agenc(?:y|ies)|agenc(?:y|ies)|television|TV|radio|broadcasters?|newspapers?|press|outlets?|reports|channels?|tabloids?|dailies|news\s+sites|websites)";
    regex::Regex::new(&format!(
        r"(?i)(?-u:\b)(?:according\s+to|reported\s+by|cited\s+by|quoted\s+by|carried\s+by|told|citing|quoting)\s+(?:the\s+)?{KIND}(?-u:\b)|(?-u:\b){KIND}\s+(?:(?:has|have|had|also|later|earlier|further)\s+){{0,2}}(?:reported|said|says|say|reports|report|cited|quoted|stated|carried|showed|broadcast)(?-u:\b)"
    ))
    .expect("regex builds")
});

/// Capitalised words that open a phrase of `OUTLET_KIND` without naming a place or owner.
const NOT_A_KIND: &[&str] = &[
    "the",
    "some",
    "many",
    "most",
    "other",
    "several",
    "media",
    "news",
    "press",
    "according",
    "unconfirmed",
    "unverified",
    "these",
    "those",
    "earlier",
    "early",
    "initial",
    "reports",
    "recent",
    "further",
    "more",
    "all",
    "and",
    "but",
    "as",
    "in",
    "on",
    "by",
];

/// Whether `text` credits a report to a kind of outlet (`OUTLET_KIND`), outside `except`
/// (offsets in `text`).
pub(crate) fn outlet_kind_credits(text: &str, except: &std::ops::Range<usize>) -> bool {
    OUTLET_KIND.captures_iter(text).any(|c| {
        let (Some(m), Some(mods)) = (c.get(0), c.get(1).or_else(|| c.get(2))) else {
            return false;
        };
        if m.start() < except.end && except.start < m.end() {
            return false;
        }
        mods.as_str()
            .split_whitespace()
            .next()
            .is_some_and(|w| !NOT_A_KIND.contains(&w.to_lowercase().as_str()))
    })
}

/// Whether the sentence `sentence` of block `bi` credits what it says to a source, by a
/// reporting cue outside `except` (the words being judged): “…, police said”, “Police said
/// the suspect is believed to …”, “…, according to the agency”, or “as stated on the
/// company's website”. What an agentless passive (“is believed to”, “is claimed to”) leaves
/// open — by whom? — such a sentence answers.
pub(crate) fn credited_in_sentence(
    cx: &Context,
    bi: usize,
    sentence: &std::ops::Range<usize>,
    except: &std::ops::Range<usize>,
) -> bool {
    use crate::quotes::lexicon::CueKind;
    static AS_STATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?-u:\b)as\s+(?:stated|reported|said|announced|noted|published|posted|claimed|advertised|listed|quoted)\s+(?:by|on|in)\s+\S")
            .expect("regex builds")
    });
    // A document as the source (AP: documents are sources, cited by what they are):
    // “according to court records”, “according to documents seen by The Daily Courier”,
    // “according to a draft of the budget”, “records show”, “emails obtained by the paper”.
    static DOCUMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?-u:\b)according\s+to\s+(?:[\w'’-]+\s+){0,3}?(?:documents?|records|filings?|files|memos?|memorandum|emails|e-mails|letters|invoices|receipts|contracts|logs|minutes|transcripts?|drafts?|papers|cables|data|figures|statistics|accounts|court\s+(?:filings?|papers|records))(?-u:\b)|(?-u:\b)(?:documents|records|filings|files|memos|emails|e-mails|letters|invoices|receipts|contracts|logs|minutes|transcripts?|papers|cables|data|figures|statistics)\s+(?:(?:seen|obtained|reviewed|viewed|released|published|filed|made\s+public)\s+by|(?:show|shows|showed|indicate|indicates|indicated)(?-u:\b))")
            .expect("regex builds")
    });
    let Some(text) = cx.doc.blocks.get(bi).map(|b| b.text.as_str()) else {
        return false;
    };
    if text
        .get(sentence.clone())
        .is_some_and(|s| AS_STATED.is_match(s) || DOCUMENT.is_match(s))
    {
        return true;
    }
    if let Some(s) = text.get(sentence.clone()) {
        let local =
            except.start.saturating_sub(sentence.start)..except.end.saturating_sub(sentence.start);
        if outlet_kind_credits(s, &local) {
            return true;
        }
    }
    // “according to The Daily Courier”: a capitalised name after “according to” is a source
    // even where no noun phrase was read for it.
    let names_after = |at: usize| {
        text.get(at..).is_some_and(|rest| {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            rest.starts_with(char::is_uppercase)
        })
    };
    cx.attributions_in(bi).iter().any(|a| {
        if a.block != bi
            || a.cue.start < sentence.start
            || a.cue.start >= sentence.end
            || (a.cue.start < except.end && except.start < a.cue.end)
            || (a.source.is_none() && !(a.kind == CueKind::According && names_after(a.cue.end)))
            || !matches!(a.kind, CueKind::Verb | CueKind::According)
        {
            return false;
        }
        // Another passive (“… although some studios are reported to want …”) credits
        // nobody either.
        let prev = text[..a.cue.start.min(text.len())]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(
            prev.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        ) {
            return false;
        }
        let cue = text.get(a.cue.clone()).unwrap_or("").to_lowercase();
        matches!(
            cue.as_str(),
            "said"
                | "says"
                | "say"
                | "saying"
                | "told"
                | "tells"
                | "according to"
                | "stated"
                | "states"
                | "reported"
                | "reports"
                | "announced"
                | "announces"
                | "added"
                | "adds"
                | "explained"
                | "explains"
                | "wrote"
                | "writes"
                | "confirmed"
                | "confirms"
                | "claimed"
                | "claims"
                | "insisted"
                | "insists"
                | "noted"
                | "notes"
        )
    })
}

/// Whether the source range `r` is someone's verbatim words: inside a quotation (not scare
/// quotes) and outside any insertion the writer bracketed in it ("[Bashar al-]Assad" is the
/// writer's). The name checks leave a source's own spelling of a name there alone.
pub(crate) fn in_verbatim_quote(cx: &Context, r: &std::ops::Range<usize>) -> bool {
    let src = cx.doc.text();
    cx.verbatim_spans().containing(r).any(|inner| {
        src.get(inner.start..r.start).is_some_and(|before| {
            // An opened bracket not closed before the word: the writer's insertion.
            match (before.rfind('['), before.rfind(']')) {
                (Some(o), Some(c)) => c > o,
                (Some(_), None) => false,
                _ => true,
            }
        })
    })
}

/// "Style point (preset `ap`): AP Stylebook, “months” and “dates”.": where a finding of
/// `rule` comes from under the preset in effect, for `copydesk explain` and hover.
pub fn style_point_line(config: &crate::Config, rule: &str) -> Option<String> {
    let preset = config.preset.as_deref()?;
    let cite = config.style_point(rule)?;
    Some(format!("Style point (preset `{preset}`): {cite}."))
}

/// The rule's documentation in Markdown, for `copydesk explain` and hover.
pub fn explain_markdown(meta: &RuleMeta) -> String {
    let default = if meta.enabled_by_default {
        meta.default_severity.as_str()
    } else {
        "off (opt-in)"
    };
    format!(
        "## {id}\n\n{summary}\n\n{explanation}\n\nDefault: {default}.\n\n### Flagged\n\n```markdown\n{wrong}\n```\n\n### Better\n\n```markdown\n{right}\n```\n",
        id = meta.id,
        summary = meta.summary,
        explanation = meta.explanation,
        wrong = meta.wrong.trim_end(),
        right = meta.right.trim_end(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Config, Document};

    #[test]
    fn ids_are_unique_dotted_and_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            let id = r.meta().id;
            assert!(seen.insert(id), "duplicate {id}");
            assert!(id.contains('.') && id == id.to_lowercase(), "{id}");
        }
    }

    /// Each rule's "wrong" example triggers it and its "right" example does not.
    /// (`name.inconsistent-desk` needs other drafts: its own tests check its examples.)
    #[test]
    fn every_rule_documents_examples_that_hold() {
        for r in all() {
            let meta = r.meta();
            if meta.id == name_inconsistent_desk::META.id {
                continue;
            }
            let mut config = Config::default();
            config.set_level(meta.id, crate::config::Level::On(meta.default_severity));
            let fires = |text: &str| {
                analyze(&Document::parse(text), &config)
                    .iter()
                    .any(|d| d.rule == meta.id)
            };
            assert!(fires(meta.wrong), "{}: wrong example not flagged", meta.id);
            assert!(!fires(meta.right), "{}: right example flagged", meta.id);
        }
    }
}

/// What the rules' own tests share: run the engine on a draft and see what one rule flags.
#[cfg(test)]
pub(crate) mod testing {
    use crate::{analyze, Config, Document};

    /// The text each `rule` diagnostic covers in `src`.
    pub fn flagged_text(rule: &str, src: &str, config: &Config) -> Vec<String> {
        analyze(&Document::parse(src), config)
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| src[d.range].to_string())
            .collect()
    }

    /// The text each `rule` diagnostic covers, with the string in its `data[key]`.
    pub fn flagged_data(
        rule: &str,
        src: &str,
        config: &Config,
        key: &str,
    ) -> Vec<(String, String)> {
        analyze(&Document::parse(src), config)
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| {
                let value = d
                    .data
                    .get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                (src[d.range].to_string(), value)
            })
            .collect()
    }

    /// Owned pairs, to compare with [`flagged_data`].
    pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }
}
