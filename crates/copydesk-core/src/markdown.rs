//! Markdown → prose blocks. Only prose is analysed: paragraphs, headings, list items,
//! block quotes, table cells and link text. Code, HTML, URLs, images and front matter are
//! skipped. Each block keeps a map from its text back to exact source byte offsets.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::sync::Arc;

/// Stands in the block text for something that is not prose (inline code, inline HTML),
/// so that words on either side are not glued together and offsets stay mappable.
pub const PLACEHOLDER: char = '\u{FFFC}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// Text directly in a tight list item.
    ListItem,
    TableCell,
}

/// A piece of block text and the source bytes it came from. A verbatim segment is a byte
/// copy of its source; any other segment (an entity, an escape, a soft break, a
/// placeholder) maps as a whole.
///
/// Offsets are `u32` (drafts are read up to 64 MiB): a block has a segment per piece of
/// inline text, and this halves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: u32,
    text_len: u32,
    src_start: u32,
    src_len: u32,
    verbatim: bool,
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Segment {
    fn text_start(&self) -> usize {
        self.text_start as usize
    }

    fn text_len(&self) -> usize {
        self.text_len as usize
    }

    fn src_start(&self) -> usize {
        self.src_start as usize
    }

    fn src_len(&self) -> usize {
        self.src_len as usize
    }
}

/// A block's prose. Where it is a byte copy of one range of the draft (most paragraphs:
/// one line of plain text), it is that range of the draft's own text, shared, not a copy:
/// a copy of the prose cost a byte per byte of draft for as long as the document lived.
/// Reads as a `str`.
#[derive(Clone)]
pub struct BlockText(TextRepr);

#[derive(Clone)]
enum TextRepr {
    Own(String),
    Shared {
        src: Arc<String>,
        start: u32,
        end: u32,
    },
}

impl BlockText {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            TextRepr::Own(s) => s,
            TextRepr::Shared { src, start, end } => &src[*start as usize..*end as usize],
        }
    }

    fn push_str(&mut self, text: &str) {
        match &mut self.0 {
            TextRepr::Own(s) => s.push_str(text),
            TextRepr::Shared { .. } => {
                let mut s = self.as_str().to_string();
                s.push_str(text);
                self.0 = TextRepr::Own(s);
            }
        }
    }
}

impl Default for BlockText {
    fn default() -> Self {
        BlockText(TextRepr::Own(String::new()))
    }
}

impl std::ops::Deref for BlockText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for BlockText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for BlockText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for BlockText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for BlockText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for BlockText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for BlockText {}

impl PartialEq<str> for BlockText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for BlockText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<BlockText> for String {
    fn from(t: BlockText) -> String {
        match t.0 {
            TextRepr::Own(s) => s,
            TextRepr::Shared { .. } => t.as_str().to_string(),
        }
    }
}

/// One block of prose.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// How many `>` block quotes enclose this block.
    pub quote_depth: u8,
    /// The prose, with soft breaks as spaces and non-prose inline content as [`PLACEHOLDER`].
    pub text: BlockText,
    /// Source range from the first to the last prose byte.
    pub source: Range<usize>,
    segments: Vec<Segment>,
}

impl Block {
    fn new(kind: BlockKind, quote_depth: u8) -> Self {
        Block {
            kind,
            quote_depth,
            text: BlockText::default(),
            source: 0..0,
            segments: Vec::new(),
        }
    }

    fn push(&mut self, text: &str, src: Range<usize>, verbatim: bool) {
        if text.is_empty() && src.is_empty() {
            return;
        }
        if self.segments.is_empty() {
            self.source = src.start..src.end;
        }
        self.source.end = self.source.end.max(src.end);
        self.segments.push(Segment {
            text_start: u32_of(self.text.len()),
            text_len: u32_of(text.len()),
            src_start: u32_of(src.start),
            src_len: u32_of(src.len()),
            verbatim,
        });
        self.text.push_str(text);
    }

    /// Source offset of a block-text offset used as the start of a range.
    pub fn source_start(&self, offset: usize) -> usize {
        self.map(offset, false)
    }

    /// Source offset of a block-text offset used as the end of a range.
    pub fn source_end(&self, offset: usize) -> usize {
        self.map(offset, true)
    }

    /// Source range of a block-text range.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_start(range.start);
        let end = self.source_end(range.end).max(start);
        start..end
    }

    /// Block-text offset of a source offset, if the source offset lies in this block's prose.
    pub fn text_offset(&self, src: usize) -> Option<usize> {
        let seg = self
            .segments
            .iter()
            .find(|s| src >= s.src_start() && src <= s.src_start() + s.src_len())?;
        if seg.verbatim {
            Some(seg.text_start() + (src - seg.src_start()))
        } else {
            Some(seg.text_start())
        }
    }

    fn map(&self, offset: usize, is_end: bool) -> usize {
        let segs = &self.segments;
        if segs.is_empty() {
            return self.source.start;
        }
        // For a range end, an offset on a boundary belongs to the segment before it.
        let idx = if is_end {
            segs.partition_point(|s| s.text_start() < offset)
                .saturating_sub(1)
        } else {
            segs.partition_point(|s| s.text_start() <= offset)
                .saturating_sub(1)
        };
        let seg = segs[idx];
        let within = offset.saturating_sub(seg.text_start()).min(seg.text_len());
        if seg.verbatim {
            seg.src_start() + within
        } else if within == 0 && !(is_end && seg.text_len() == 0) {
            seg.src_start()
        } else {
            seg.src_start() + seg.src_len()
        }
    }
}

/// HTML found outside code, with its source range (suppression comments live here).
#[derive(Debug, Clone)]
pub struct Html {
    pub text: String,
    pub range: Range<usize>,
}

/// A heading for the outline.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    /// Index into [`Markdown::blocks`].
    pub block: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub blocks: Vec<Block>,
    pub html: Vec<Html>,
    pub headings: Vec<Heading>,
    /// The content of a YAML (`---`) or TOML (`+++`) front matter block.
    pub front_matter: Option<(FrontMatterKind, Range<usize>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterKind {
    Yaml,
    Toml,
}

/// A YAML (`---`) or TOML (`+++`) front matter block at the start of `source` (after an
/// optional byte order mark; `\n` or `\r\n` line ends): its kind, the range of its content,
/// and where the body starts. As in pulldown-cmark, the first content line is not blank and
/// a YAML block may also close with `...`.
fn leading_front_matter(source: &str) -> Option<(FrontMatterKind, Range<usize>, usize)> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = source[start..]
        .split_inclusive('\n')
        .scan(start, |at, line| {
            let from = *at;
            *at += line.len();
            Some((from, line))
        });
    fn bare(line: &str) -> &str {
        line.trim_end_matches(['\n', '\r'])
            .trim_end_matches([' ', '\t'])
    }
    let (_, first) = lines.next()?;
    let kind = match bare(first) {
        "---" => FrontMatterKind::Yaml,
        "+++" => FrontMatterKind::Toml,
        _ => return None,
    };
    if !first.ends_with('\n') {
        return None;
    }
    let content_start = start + first.len();
    let mut first_content = true;
    for (at, line) in lines {
        let b = bare(line);
        if first_content && b.trim().is_empty() {
            return None;
        }
        first_content = false;
        let closes = match kind {
            FrontMatterKind::Yaml => b == "---" || b == "...",
            FrontMatterKind::Toml => b == "+++",
        };
        if closes {
            return Some((kind, content_start..at, at + line.len()));
        }
    }
    None
}

pub fn parse(source: &str) -> Markdown {
    parse_with(source, None)
}

/// [`parse`], with each block whose prose is a byte copy of one range of `source` sharing
/// that range of `source` instead of holding a copy.
pub fn parse_shared(source: &Arc<String>) -> Markdown {
    parse_with(source, Some(source))
}

/// A block read in full: its prose shared from the draft where it is one verbatim run of it
/// (its segments then collapse into one), else its own string without the slack of its
/// growth.
fn settle(block: &mut Block, shared: Option<&Arc<String>>) {
    let segs = &block.segments;
    let one_run = !segs.is_empty()
        && segs.iter().all(|s| s.verbatim)
        && segs.windows(2).all(|w| {
            w[0].text_start() + w[0].text_len() == w[1].text_start()
                && w[0].src_start() + w[0].src_len() == w[1].src_start()
        });
    if one_run {
        let (first, last) = (segs[0], segs[segs.len() - 1]);
        let (start, end) = (first.src_start(), last.src_start() + last.src_len());
        block.segments = vec![Segment {
            text_start: 0,
            text_len: u32_of(end - start),
            src_start: first.src_start,
            src_len: u32_of(end - start),
            verbatim: true,
        }];
        if let (Some(src), Ok(start32), Ok(end32)) =
            (shared, u32::try_from(start), u32::try_from(end))
        {
            if src.get(start..end) == Some(block.text.as_str()) {
                block.text = BlockText(TextRepr::Shared {
                    src: Arc::clone(src),
                    start: start32,
                    end: end32,
                });
                return;
            }
        }
    }
    if let TextRepr::Own(s) = &mut block.text.0 {
        s.shrink_to_fit();
    }
    block.segments.shrink_to_fit();
}

fn parse_with(source: &str, shared: Option<&Arc<String>>) -> Markdown {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out = Markdown::default();
    let mut current: Option<Block> = None;
    let mut quote_depth: u8 = 0;
    // Inside these, text is not prose.
    let mut skip_depth: u32 = 0;
    let mut metadata: Option<FrontMatterKind> = None;
    // Items whose text is direct (tight lists): a stack of "is an item open with no block".
    let mut item_depth: u32 = 0;
    // Open links, innermost last: whether each is an autolink.
    let mut links: Vec<bool> = Vec::new();

    let finish = |out: &mut Markdown, current: &mut Option<Block>| {
        if let Some(block) = current.take() {
            if !block.text.trim().is_empty() {
                if let BlockKind::Heading(level) = block.kind {
                    out.headings.push(Heading {
                        level,
                        block: out.blocks.len(),
                    });
                }
                let mut block = block;
                // Grown by doubling while the block was read: shared from the draft or
                // without the slack, kept for as long as the document lives.
                settle(&mut block, shared);
                out.blocks.push(block);
            }
        }
    };

    // Front matter is found here rather than by pulldown-cmark, which misses it after a byte
    // order mark or with CRLF line ends; the rest is parsed after it, offsets shifted back.
    let body_start = match leading_front_matter(source) {
        Some((kind, content, end)) => {
            out.front_matter = Some((kind, content));
            end
        }
        None => 0,
    };
    let events = Parser::new_ext(&source[body_start..], options)
        .into_offset_iter()
        .map(|(e, r)| (e, r.start + body_start..r.end + body_start));
    for (event, range) in events {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    finish(&mut out, &mut current);
                    current = Some(Block::new(BlockKind::Paragraph, quote_depth));
                }
                Tag::Heading { level, .. } => {
                    finish(&mut out, &mut current);
                    current = Some(Block::new(BlockKind::Heading(level as u8), quote_depth));
                }
                Tag::TableCell => {
                    finish(&mut out, &mut current);
                    current = Some(Block::new(BlockKind::TableCell, quote_depth));
                }
                Tag::BlockQuote(_) => {
                    finish(&mut out, &mut current);
                    quote_depth = quote_depth.saturating_add(1);
                }
                Tag::Item => {
                    finish(&mut out, &mut current);
                    item_depth += 1;
                }
                Tag::List(_) | Tag::FootnoteDefinition(_) => finish(&mut out, &mut current),
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } => {
                    if !matches!(tag, Tag::Image { .. }) {
                        finish(&mut out, &mut current);
                    }
                    skip_depth += 1;
                }
                Tag::Link { link_type, .. } => {
                    let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    links.push(auto);
                    if auto {
                        skip_depth += 1;
                    }
                }
                Tag::MetadataBlock(kind) => {
                    metadata = Some(match kind {
                        pulldown_cmark::MetadataBlockKind::YamlStyle => FrontMatterKind::Yaml,
                        pulldown_cmark::MetadataBlockKind::PlusesStyle => FrontMatterKind::Toml,
                    });
                    skip_depth += 1;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                    finish(&mut out, &mut current)
                }
                TagEnd::BlockQuote(_) => {
                    finish(&mut out, &mut current);
                    quote_depth = quote_depth.saturating_sub(1);
                }
                TagEnd::Item => {
                    finish(&mut out, &mut current);
                    item_depth = item_depth.saturating_sub(1);
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                // The URL of an autolink is its text: it was skipped.
                TagEnd::Link if links.pop() == Some(true) => {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                TagEnd::MetadataBlock(_) => {
                    skip_depth = skip_depth.saturating_sub(1);
                    metadata = None;
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(kind) = metadata {
                    out.front_matter = Some((kind, range));
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                let block = current.get_or_insert_with(|| {
                    let kind = if item_depth > 0 {
                        BlockKind::ListItem
                    } else {
                        BlockKind::Paragraph
                    };
                    Block::new(kind, quote_depth)
                });
                let verbatim = source.get(range.clone()) == Some(text.as_ref());
                block.push(&text, range, verbatim);
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                if skip_depth == 0 {
                    if let Some(block) = current.as_mut() {
                        block.push(PLACEHOLDER_STR, range, false);
                    }
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                out.html.push(Html {
                    text: html.to_string(),
                    range: range.clone(),
                });
                if skip_depth == 0 {
                    if let Some(block) = current.as_mut() {
                        block.push(PLACEHOLDER_STR, range, false);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if skip_depth == 0 {
                    if let Some(block) = current.as_mut() {
                        block.push(" ", range, false);
                    }
                }
            }
            Event::FootnoteReference(_) => {
                if let Some(block) = current.as_mut() {
                    block.push(PLACEHOLDER_STR, range, false);
                }
            }
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }
    finish(&mut out, &mut current);
    // Kept for as long as the document: without the slack of its growth.
    out.blocks.shrink_to_fit();
    out
}

const PLACEHOLDER_STR: &str = "\u{FFFC}";

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &Markdown) -> Vec<&str> {
        md.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn keeps_prose_and_skips_code_html_urls_and_front_matter() {
        let src = "---\ntitle: \"T\"\ndate: 2019-01-04\n---\n\n# Head *line*\n\nSee [the report](https://x.example/a \"t\") and <https://auto.example>.\n\n```\n\"code\"\n```\n\n    indented \"code\"\n\n<div>\n\"html\"\n</div>\n\n- one `x` two\n- three\n\n> quoted\n> text\n\n| a | b |\n|---|---|\n| c &amp; d | e |\n\n![alt \"text\"](img.png)\n";
        let md = parse(src);
        assert_eq!(
            texts(&md),
            vec![
                "Head line",
                "See the report and .",
                "one \u{FFFC} two",
                "three",
                "quoted text",
                "a",
                "b",
                "c & d",
                "e",
            ]
        );
        let (kind, fm) = md.front_matter.clone().unwrap();
        assert_eq!(kind, FrontMatterKind::Yaml);
        assert_eq!(&src[fm], "title: \"T\"\ndate: 2019-01-04\n");
        assert_eq!(md.blocks[4].quote_depth, 1);
        assert_eq!(md.blocks[2].kind, BlockKind::ListItem);
        assert_eq!(md.headings.len(), 1);
    }

    #[test]
    fn verbatim_offsets_map_back_to_the_exact_source_bytes() {
        let src = "Café “quote” with *emph* and\nsoft break, `code` and &amp; end.\n";
        let md = parse(src);
        let b = &md.blocks[0];
        for word in ["Café", "“quote”", "emph", "soft", "end."] {
            let at = b.text.find(word).unwrap();
            let r = b.source_range(at..at + word.len());
            assert_eq!(&src[r], word);
        }
        // A range over the entity maps to the whole entity.
        let amp = b.text.find('&').unwrap();
        assert_eq!(&src[b.source_range(amp..amp + 1)], "&amp;");
        // Over the placeholder: the whole inline code span.
        let ph = b.text.find(PLACEHOLDER).unwrap();
        assert_eq!(&src[b.source_range(ph..ph + 3)], "`code`");
        assert_eq!(
            b.text_offset(src.find("quote").unwrap()),
            b.text.find("quote")
        );
    }

    /// Every word of every prose block in the real corpus maps back to the identical
    /// source bytes, and every block's source range lies on char boundaries.
    #[test]
    fn corpus_words_map_back_exactly() {
        let mut words = 0;
        for src in crate::test_corpus::texts() {
            let md = parse(&src);
            for b in &md.blocks {
                assert!(src.is_char_boundary(b.source.start) && src.is_char_boundary(b.source.end));
                for r in crate::text::words(&b.text) {
                    words += 1;
                    assert_eq!(
                        &src[b.source_range(r.clone())],
                        &b.text[r],
                        "in an article starting {:?}",
                        &src[..src.len().min(80)]
                    );
                }
            }
        }
        assert!(words > 60_000, "only {words} words");
    }

    #[test]
    fn front_matter_with_crlf_or_a_byte_order_mark() {
        for src in [
            "---\r\ndate: 2023-03-20\r\n---\r\n\r\nText.\r\n",
            "\u{feff}---\ndate: 2023-03-20\n---\n\nText.\n",
            "\u{feff}---\r\ndate: 2023-03-20\r\n---\r\n\r\nText.\r\n",
            "\u{feff}+++\r\ndate = 2023-03-20\r\n+++\r\n\r\nText.\r\n",
        ] {
            let md = parse(src);
            let (_, range) = md.front_matter.clone().unwrap_or_else(|| panic!("{src:?}"));
            assert!(src[range].contains("date"), "{src:?}");
            let texts: Vec<&str> = md.blocks.iter().map(|b| b.text.trim()).collect();
            assert_eq!(texts, ["Text."], "{src:?}");
        }
    }
}
