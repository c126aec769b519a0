//! Mixed-script word repair: homoglyphs and keyboard-layout slips, judged
//! by context.
//!
//! A word is *suspicious* when it mixes Latin, Cyrillic or Greek letters
//! (`Sergeн`, `Пpивет`), when it is written in another of those scripts than
//! the line around it (`сор` in an English line, `ghbdtn` in a Russian one),
//! or when a whole line looks typed with the wrong layout (`руддщ цщкдв`).
//! Clean lines are recognised by a cheap scan and returned untouched.
//!
//! For a suspicious word, each channel proposes candidates: the homoglyph
//! channel maps letters to their lookalikes in another script (UTS #39
//! confusables plus curated pairs), the layout channel re-types letters on
//! the same keys of another keyboard layout (XKB data). A judge scores each
//! candidate, and leaving the word as it is, by the evidence for it: how
//! often the document uses it elsewhere, its frequency in the lexicons of
//! the script's languages, a character-bigram model of those languages, and
//! the channel (a homoglyph fix does not change what a reader sees). A
//! candidate replaces the word only when its confidence reaches the
//! threshold; the change records the evidence that decided it.

mod bigram_model;
mod glance;
mod keyed;
mod keys;
mod letters;
mod tables;

#[cfg(test)]
pub(crate) use bigram_model::script_model;
pub(crate) use bigram_model::{DenseIndex, SCRIPT_UNSEEN};
mod words;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::repaired::sort_changes;
use crate::{Change, ChangeKind, Error, Repaired};
use tables::{
    best_reading, bigrams, is_case_ending, is_vowel, key_name, layout, layout_language,
    layout_serves, lexicon_lists, lookalike, lowercase, retype_text, same_ascii_retyping, sc_of,
    script_zipf, zipf, zipf_ext, zipf_ext_beyond, Sc,
};
use words::{is_layout_punct, is_quoted, is_roman_numeral, Word};

/// Which channels run and how sure a repair must be.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct MixedScriptOptions {
    /// Map letters to their lookalikes in the word's main script.
    pub homoglyphs: bool,
    /// Re-type words (or parts of words, or whole lines) typed with the wrong
    /// keyboard layout.
    pub keyboard_layouts: bool,
    /// The least confidence (0–1) at which a candidate replaces a word.
    pub min_confidence: f32,
}

impl Default for MixedScriptOptions {
    fn default() -> Self {
        MixedScriptOptions {
            homoglyphs: true,
            keyboard_layouts: true,
            min_confidence: 0.9,
        }
    }
}

/// Words a document uses, counted case-insensitively: the judge's evidence
/// that a candidate is the spelling this text uses elsewhere.
///
/// Only words written in one script are counted, so a damaged word never
/// votes for itself. Adding text only copies it; the word index is built on
/// the first question, so a document whose lines need no judging never pays
/// for it.
#[derive(Clone, Debug, Default)]
pub struct DocumentContext {
    text: String,
    index: std::sync::OnceLock<WordCounts>,
    /// The words written in capitals (`SQL`), built on the first question
    /// about them only.
    capitals: std::sync::OnceLock<WordCounts>,
}

/// Counts of words by [`word_key`]: no string is kept or allocated.
type WordCounts = HashMap<u64, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// The key of a word in a [`DocumentContext`]: a 64-bit hash (FNV-1a, then
/// mixed) of its lowercase letters, final sigma read as sigma so that case
/// never matters. Two different words share a key with a chance of about
/// one in 10^19 per pair.
fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |c: char| h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    for c in word.chars() {
        if c.is_ascii() {
            feed(c.to_ascii_lowercase());
        } else if ('а'..='я').contains(&c) {
            feed(c);
        } else if ('А'..='Я').contains(&c) {
            feed(char::from_u32(c as u32 + 0x20).unwrap_or(c));
        } else if is_caseless(c) {
            feed(c);
        } else {
            for l in c.to_lowercase() {
                feed(if l == 'ς' { 'σ' } else { l });
            }
        }
    }
    // A finishing mix, so that every bit of the key depends on every letter.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Whole blocks of scripts without letter case (Hebrew to Myanmar, kana
/// and CJK, Hangul syllables): lowercase is the letter itself, no look-up.
#[inline]
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{109F}' | '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
}

/// [`DocumentContext::indexed_words`] of `text` split into `all` (its
/// words, as [`words::Words`] gives them).
fn indexed_words<'w>(
    text: &'w str,
    all: impl Iterator<Item = Word> + 'w,
) -> impl Iterator<Item = &'w str> + 'w {
    all.filter(|w| !(w.is_mixed() || w.letters() < 2 || w.inner_punct))
        .filter_map(move |w| text.get(w.start..w.end))
}

/// Where `line` stands in `text` as a whole line: the first byte offset at
/// which `text` holds `line` at its start or after a line feed, with a line
/// feed after it.
fn whole_line_at(text: &str, line: &str) -> Option<usize> {
    let (text, line) = (text.as_bytes(), line.as_bytes());
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text).map(|k| k + 1))
        .find(|&at| {
            text.get(at..at + line.len()) == Some(line) && text.get(at + line.len()) == Some(&b'\n')
        })
}

/// Passes a [`word_key`] through: it is a hash already.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl DocumentContext {
    /// An empty context: the judge then relies on lexicons alone.
    pub fn new() -> Self {
        DocumentContext::default()
    }

    /// The context of one text.
    pub fn from_text(text: &str) -> Self {
        let mut ctx = DocumentContext::new();
        ctx.add(text);
        ctx
    }

    /// Adds the words of `text` (a line or a whole document).
    pub fn add(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.index = std::sync::OnceLock::new();
        self.capitals = std::sync::OnceLock::new();
    }

    fn index(&self) -> &WordCounts {
        self.index
            .get_or_init(|| self.counts(indexed_words(&self.text, words::Words::new(&self.text))))
    }

    /// The index of `indexed` (the words the index counts).
    fn counts<'w>(&self, indexed: impl Iterator<Item = &'w str>) -> WordCounts {
        // Room from the start for about one word per six bytes, up to
        // a thousand words: the map of a line's or a short document's
        // words is then rarely or never rehashed as it fills (a line
        // judged on its own builds one); a long document's map grows as
        // before.
        let mut counts = WordCounts::with_capacity_and_hasher(
            (self.text.len() / 6).min(1024),
            std::hash::BuildHasherDefault::default(),
        );
        for word in indexed {
            *counts.entry(word_key(word)).or_insert(0) += 1;
        }
        counts
    }

    /// When the index is not built yet and `line` stands in the context's
    /// text as a whole line (at its start or after a line feed, and before
    /// a line feed: as [`DocumentContext::add`] leaves every line added):
    /// builds it from `words`, the line's words ([`words::words`]), which
    /// the judge has split the line into already, and splits only the text
    /// before the line and after it. The same index: a line feed is no word
    /// character and joins no word ([`words::Words`] looks one character
    /// ahead, never back), so the text's words are the words before the
    /// line, the line's own and the words after it, in that order. (In a
    /// batch a record's fields make one document of several lines, and
    /// the judged line is often most of it.)
    fn index_line(&self, line: &str, words: &[Word]) {
        if self.index.get().is_some() {
            return;
        }
        let Some(at) = whole_line_at(&self.text, line) else {
            return;
        };
        let before = self.text.get(..at).unwrap_or_default();
        let after = self.text.get(at + line.len() + 1..).unwrap_or_default();
        let indexed = indexed_words(before, words::Words::new(before))
            .chain(indexed_words(line, words.iter().cloned()))
            .chain(indexed_words(after, words::Words::new(after)));
        let _ = self.index.set(self.counts(indexed));
    }

    /// The words the indexes count: words of one script, of two letters or
    /// more, without layout keys in them.
    fn indexed_words(&self) -> impl Iterator<Item = &str> {
        indexed_words(&self.text, words::Words::new(&self.text))
    }

    /// How often the document uses `word` (case-insensitive).
    pub fn count(&self, word: &str) -> u32 {
        self.index().get(&word_key(word)).copied().unwrap_or(0)
    }

    /// How often the document writes `word` in capitals (`SQL`, not `sql`
    /// or `Sql`; the case of `word` does not matter). The index of words in
    /// capitals is built on the first question.
    pub fn count_in_capitals(&self, word: &str) -> u32 {
        let capitals = self.capitals.get_or_init(|| {
            let mut counts = WordCounts::default();
            for word in self.indexed_words() {
                if !word.chars().any(char::is_lowercase) {
                    *counts.entry(word_key(word)).or_insert(0) += 1;
                }
            }
            counts
        });
        capitals.get(&word_key(word)).copied().unwrap_or(0)
    }

    /// How many distinct words the context holds.
    pub fn len(&self) -> usize {
        self.index().len()
    }

    /// Whether the context holds no word.
    pub fn is_empty(&self) -> bool {
        self.index().is_empty()
    }
}

/// The mixed-script repair stage. Build it once, share it between threads.
#[derive(Clone, Debug, Default)]
pub struct MixedScript {
    options: MixedScriptOptions,
    /// The user's words, lowercase: never changed, and good candidates.
    user_words: BTreeSet<String>,
}

/// A proposed replacement for a span of the line.
#[derive(Clone, Debug)]
struct Candidate {
    text: String,
    kind: ChangeKind,
    /// Homoglyph strength (2 exact, 1 near) or 0 for layouts.
    strength: u8,
    /// For layouts: typed on, meant.
    layouts: Option<(&'static str, &'static str)>,
    /// Span start and end in the line: a candidate may swallow punctuation
    /// keys before or after its word (`,elewm` is `будуць`).
    start: usize,
    end: usize,
    /// How many such keys at its edges it swallowed.
    swallows_punct: u8,
    score: f32,
    why: String,
    /// Whether a lexicon, the document or the user knows the spelling (set
    /// when it is scored).
    attested: bool,
}

impl Candidate {
    fn homoglyph(text: String, strength: u8, start: usize, end: usize) -> Candidate {
        Candidate {
            text,
            kind: ChangeKind::Homoglyph,
            strength,
            layouts: None,
            start,
            end,
            swallows_punct: 0,
            score: 0.0,
            why: String::new(),
            attested: false,
        }
    }

    /// Every re-typing of `word`'s `source` letters from a `source` layout
    /// to a `target` layout that gives a `target` word.
    fn retypings(
        word: &str,
        source: Sc,
        target: Sc,
        (start, end): (usize, usize),
        swallows_punct: u8,
    ) -> impl Iterator<Item = Candidate> + '_ {
        source.layouts().iter().flat_map(move |from| {
            target.layouts().iter().filter_map(move |to| {
                retype_word(word, source, target, from, to).map(|text| Candidate {
                    text,
                    kind: ChangeKind::KeyboardLayout,
                    strength: 0,
                    layouts: Some((from, to)),
                    start,
                    end,
                    swallows_punct,
                    score: 0.0,
                    why: String::new(),
                    attested: false,
                })
            })
        })
    }
}

struct Edit {
    start: usize,
    end: usize,
    after: String,
    kind: ChangeKind,
    confidence: f32,
    evidence: String,
}

/// Lines longer than this are not judged (hygiene still runs on them): the
/// judge's work grows with the words of a line, and a line of hundreds of
/// kilobytes is a data blob, not prose.
pub const MAX_REVIEW_BYTES: usize = 256 * 1024;

/// How many words of a line the whole-line judge reads per layout pair.
const WHOLE_LINE_SAMPLE: usize = 24;

/// Rounds of [`MixedScript::apply`] before it gives up on a fixed point.
const MAX_ROUNDS: usize = 4;

/// Scores below this mean "no evidence at all" for a candidate.
const UNKNOWN: f32 = 1.5;

/// Which German compounds of two listed words ([`german_compound`]) count
/// as words of German ([`Lexical::compounds`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Compounds {
    /// None: outside a slip inside a word of a German line.
    Off,
    /// Only of two listed words (maybe with the linking `s`): the word's
    /// foreign letters all look exactly like Latin ones, so its lookalike
    /// respelling is a strong rival, and a first word read as a verb's
    /// stem is a guess too weak against it (`direktore`, a stem only
    /// because `direktoren` is listed, would make `Direktoрerand`
    /// `Direktorerand`, not `Direktoperand`).
    Listed,
    /// Also with a verb's stem as the first word (`anmelde` of `anmelden`
    /// in `Anmeldebiдdschirm`).
    WithStems,
}

/// What a German compound of two listed words ([`german_compound`]) loses
/// against its rarer part: a compound is rarer than the words it joins.
const COMPOUND_OFF: f32 = 1.0;

/// The lower-case spelling `lower` (no lexicon lists it) read as a German
/// compound of two words the German lexicons list (extended lists
/// included), each of four letters or more: a first word, maybe with the
/// linking `s` (`sicherung` `s` `methoden`) or as a verb's stem
/// (`anmelde` of `anmelden`), and a last word, which inflects the whole
/// (`such` `leiste`, `sicherung` `s` `methoden`). With the rarer part's
/// zipf and where the last word starts (the split with the commonest
/// rarer part). Eight letters at least: shorter strings split into two
/// short words too easily. `stems`: whether a first word may be a verb's
/// stem ([`Compounds::WithStems`]).
fn german_compound(lower: &str, stems: bool) -> Option<(f32, usize)> {
    const PART: usize = 4;
    if lower.chars().count() < 2 * PART || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut best: Option<(f32, usize)> = None;
    for (split, _) in lower.char_indices().skip(PART) {
        let (head, tail) = lower.split_at(split);
        if tail.chars().count() < PART {
            break;
        }
        let Some(last) = zipf_ext("de", tail) else {
            continue;
        };
        let first = zipf_ext("de", head)
            .or_else(|| {
                head.strip_suffix('s')
                    .filter(|h| h.chars().count() >= PART)
                    .and_then(|h| zipf_ext("de", h))
            })
            .or_else(|| stems.then(|| zipf_ext("de", &format!("{head}n"))).flatten());
        if let Some(first) = first {
            let z = first.min(last);
            if best.is_none_or(|(b, _)| z > b) {
                best = Some((z, split));
            }
        }
    }
    best
}

/// What a Bulgarian form with its definite article
/// ([`bulgarian_article_form`]) loses against its stem: the form is rarer
/// than the word.
const ARTICLE_OFF: f32 = 1.0;

/// The lower-case spelling `lower` (no lexicon lists it) read as a
/// Bulgarian noun or adjective with its definite article, which Bulgarian
/// writes as a suffix: `-та` after a stem in `а` or `я` (`досада` `та`,
/// `горчива` `та`), `-то` after one in `о` or `е` (`мръсно` `то`,
/// `разбирателство` `то`), `-те` after one in `и` or `е` (`ясни` `те`),
/// `-ът` and `-ят` after a consonant (`козел` `ът`), and a masculine
/// adjective's `-ият` and `-ия` after one (`победен` `ият`, `разбит` `ия`).
/// The stem, of four letters or more, is a word the Bulgarian lexicons
/// list; with its zipf and where the article starts. The letters alone
/// cannot tell an article from a verb's ending (`зададете` is `зададе` and
/// the plural `-те` of the verb): such a form is a word all the same. The stem's last letter is asked, not only its
/// listing, so that a Latin word re-typed on the Bulgarian phonetic layout
/// does not read as one (`donate`, `sprite`: `дона` `те`, `спри` `те`); only
/// whole-word re-typings onto the BDS layout are read so
/// ([`Lexical::articles`], [`article_may_read`]),
/// where no Latin word of four letters or more of the English, German,
/// French, Spanish and Serbian lexicons re-typed there gives such a form
/// (session 28).
fn bulgarian_article_form(lower: &str) -> Option<(f32, usize)> {
    const STEM: usize = 4;
    const VOWELS: &str = "аеиоуъюяьй";
    [
        ("та", "ая"),
        ("то", "ое"),
        ("те", "ие"),
        ("ът", ""),
        ("ят", ""),
        ("ият", ""),
        ("ия", ""),
    ]
    .into_iter()
    .find_map(|(article, after)| {
        let stem = lower.strip_suffix(article)?;
        let last = stem.chars().last()?;
        let fits = if after.is_empty() {
            !VOWELS.contains(last)
        } else {
            after.contains(last)
        };
        if !fits
            || stem.chars().count() < STEM
            || !stem.chars().all(|c| matches!(c, 'а'..='я' | 'ѝ'))
        {
            return None;
        }
        Some((zipf_ext("bg", stem)?, stem.len()))
    })
}

/// Whether the re-typing `c` of a whole word in `text` may read as a
/// Bulgarian form with its definite article ([`bulgarian_article_form`]):
/// it re-types onto the Bulgarian BDS layout (`bg`), and no key glued
/// after it is a letter there. The article ends its word, and a form cut
/// short of a letter key is as likely a longer word whose last key was
/// read as punctuation: `,dptr,rje.` is `разширител`, its full stop the
/// `л`, not `разширите` and a full stop.
fn article_may_read(text: &str, c: &Candidate) -> bool {
    let Some((from, to)) = c.layouts.filter(|&(_, to)| to == "bg") else {
        return false;
    };
    let (Some(from), Some(to)) = (layout(from), layout(to)) else {
        return false;
    };
    text.get(c.end..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|next| {
            next.is_whitespace()
                || !tables::retype(next, from, to).is_some_and(letters::is_alphabetic)
        })
}

/// Whether a lookalike respelling `lower` (no lexicon lists it) reads as
/// a German compound or a listed German word's form, by looser parts than
/// [`german_compound`] asks of a re-typing: a first word as there, then a
/// last word of three letters or more that a German or English lexicon
/// lists (`verschlüsselung` `s` `typ`, `direkt` `operand`), or one of
/// German's inflection endings (`westlich` `es`). A respelling whose letters
/// look exactly like the typed ones is the likelier repair when it reads so
/// ([`MixedScript::mixed_word`] then gives no compound credit to a
/// re-typing); one that reads as nothing (`paketlisey` for `Paketlisеу`)
/// is no rival.
fn reads_as_german_compound(lower: &str) -> bool {
    const PART: usize = 4;
    if german_compound(lower, true).is_some() {
        return true;
    }
    if !lower.chars().all(char::is_alphabetic) {
        return false;
    }
    lower.char_indices().skip(PART).any(|(split, _)| {
        let (head, tail) = lower.split_at(split);
        let first = || {
            zipf_ext("de", head).is_some()
                || head
                    .strip_suffix('s')
                    .filter(|h| h.chars().count() >= PART)
                    .is_some_and(|h| zipf_ext("de", h).is_some())
                || zipf_ext("de", &format!("{head}n")).is_some()
        };
        let last = ["e", "es", "en", "er", "em", "s", "n"].contains(&tail)
            || (tail.chars().count() >= 3
                && (zipf_ext("de", tail).is_some() || zipf_ext("en", tail).is_some()));
        last && first()
    })
}

/// The prior of a re-typing inside a word that mixes scripts: the typed
/// word is never right as it is, and the re-typed letters were chosen by
/// the keys under the typist's fingers.
const MIXED_LAYOUT_PRIOR: f32 = 1.0;

/// How a word that mixes scripts reads as typed (mean bigram
/// log-probability): like nothing, far below any word.
const MIXED_READS: f32 = -10.0;

/// The least score of a re-typing into a word of its layout's language
/// lexicon that reads as the language, from a word that reads like
/// nothing: above the 3.5 at most of one that only reads well.
const KNOWN_RETYPE: f32 = 4.0;

/// The same for a word that mixes scripts: such a word is never right as it
/// is, and a lookalike candidate reads exactly like it.
const UNKNOWN_MIXED: f32 = 0.0;

/// What a lookalike spelling loses when only a lower-case word of the
/// lexicon backs it and the token has a capital inside a sentence: in
/// Cyrillic and Greek text that capital marks a name.
const NAME_CAPITAL: f32 = 3.0;

/// What the embedded lexicons and bigram models say of the lower-case
/// spelling `lower` in script `sc`: its zipf in each of the script's
/// languages, and its best bigram reading when none lists it (negative
/// infinity otherwise). A function of the embedded tables alone, so each
/// thread remembers it: the same candidate spellings come back line after
/// line (`пел` for `gtk` in every line that names it).
fn lexicon_reading(lower: &str, sc: Sc) -> (Vec<(&'static str, Option<f32>)>, f32) {
    let compute = || {
        // (A spelling with a letter trigram no word of a language has is
        // listed nowhere in it, [`tables::trigrams`]: most re-typings of a
        // Latin word are such, and need no look-up.)
        let zipfs: Vec<(&'static str, Option<f32>)> = sc
            .languages()
            .iter()
            .map(|l| {
                let may = tables::trigrams(l).is_none_or(|t| t.may_list_str(lower));
                (*l, may.then(|| zipf_ext(l, lower)).flatten())
            })
            .collect();
        // Out of every lexicon of its script (a name, say): how much it
        // looks like a word.
        let plaus = if zipfs.iter().all(|(_, z)| z.is_none()) {
            best_reading(lower, sc)
        } else {
            f32::NEG_INFINITY
        };
        (zipfs, plaus)
    };
    if lower.len() > MEMO_MAX_KEY_BYTES {
        return compute();
    }
    READING_MEMO.with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return compute();
        };
        let (key, readings) = &mut *memo;
        key.clear();
        key.push(char::from(b'0' + sc as u8));
        key.push_str(lower);
        if let Some(known) = readings.get(key.as_str()) {
            return known.clone();
        }
        let reading = compute();
        if readings.len() >= READING_MEMO_ENTRIES {
            readings.clear();
        }
        readings.insert(key.as_str().into(), reading.clone());
        reading
    })
}

/// How many readings of [`lexicon_reading`] a thread keeps (a few hundred
/// bytes each) before it starts over.
const READING_MEMO_ENTRIES: usize = 1 << 13;

/// The longest spelling or chunk, in bytes, the per-thread memos keep: a
/// longer one (a line of one huge token) is worked out afresh each time, so
/// the memos stay a few megabytes whatever the input.
const MEMO_MAX_KEY_BYTES: usize = 128;

/// [`lexicon_reading`]'s readings by key (the script, then the spelling).
type ReadingMap = HashMap<
    Box<str>,
    (Vec<(&'static str, Option<f32>)>, f32),
    std::hash::BuildHasherDefault<WordHasher>,
>;

thread_local! {
    /// [`lexicon_reading`]'s memory: a key buffer and the readings.
    static READING_MEMO: std::cell::RefCell<(String, ReadingMap)> =
        std::cell::RefCell::new((String::new(), ReadingMap::default()));
}

/// [`words::is_protected_chunk`] of `chunk`, remembered by this thread:
/// a word of a protected chunk (a path, an option, an address) has a moot
/// verdict, and the gate asks again whether it is protected at every look
/// at its line, where the chunk's test re-types and looks up its parts
/// (`bulgarian_slash_word`, the AZERTY digits). A chunk longer than
/// [`MEMO_MAX_KEY_BYTES`] is tested afresh.
fn remembered_protected_chunk(chunk: &str) -> bool {
    if chunk.len() > MEMO_MAX_KEY_BYTES {
        return words::is_protected_chunk(chunk);
    }
    let known = PROTECTED_CHUNKS.with(|m| m.try_borrow().ok().and_then(|m| m.get(chunk).copied()));
    if let Some(known) = known {
        return known;
    }
    let protected = words::is_protected_chunk(chunk);
    PROTECTED_CHUNKS.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= PROTECTED_CHUNK_ENTRIES {
                m.clear();
            }
            m.insert(chunk.into(), protected);
        }
    });
    protected
}

/// How many chunks [`remembered_protected_chunk`] keeps before it starts
/// over.
const PROTECTED_CHUNK_ENTRIES: usize = 1 << 13;

/// [`remembered_protected_chunk`]'s answers by chunk.
type ChunkMap = HashMap<Box<str>, bool, std::hash::BuildHasherDefault<WordHasher>>;

thread_local! {
    /// [`remembered_protected_chunk`]'s memory.
    static PROTECTED_CHUNKS: std::cell::RefCell<ChunkMap> =
        std::cell::RefCell::new(ChunkMap::default());
}

/// Empties this thread's memos of the mixed-script judge (readings of
/// spellings, shapes of candidates, verdicts of words in their chunks) and
/// of the mojibake stage (the costs of words), so that the next text is
/// judged as if none had been seen before.
///
/// Output never depends on the memos; this is for measuring: a benchmark
/// that cleans the same corpus over and over otherwise finds most of its
/// verdicts remembered, which text never seen before does not.
///
/// The memos keep their room (the tables' capacity, the slot tables
/// emptied in place), as a memo that fills up starts over in a long run
/// (`READING_MEMO_ENTRIES` and the others): a long run meets unseen text
/// with its tables grown, and pays their growth from nothing once, like
/// the lexicons' tables, not once per page. Forgetting them by dropping
/// the tables made each measured pass grow them again (rehashing, and
/// allocations large enough to consolidate the allocator's free lists),
/// a cost no pass of a long run pays.
pub fn forget_memos() {
    READING_MEMO.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.1.clear();
        }
    });
    SHAPE_MEMO.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.1.clear();
        }
    });
    VERDICT_MEMO.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.1.clear();
        }
    });
    LONE_VERDICTS.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            t.0.fill((0, 0, None));
        }
    });
    CLEARED_LONE_WORDS.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            t.0.fill(0);
        }
    });
    PROTECTED_CHUNKS.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.clear();
        }
    });
    BOUND_REJECTIONS.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.clear();
        }
    });
    // The mojibake stage's word costs too: the same measuring concern.
    crate::mojibake::forget_memos();
}

/// A line of a candidate's evidence that [`MixedScript::score_candidates`]
/// writes out only if the candidate clears the bar.
enum Note {
    /// Reads as the language (its bigram reading, and the typed word's).
    ReadsAs(&'static str, f32, f32),
    /// A word of the language that reads so.
    AWord(&'static str, f32, f32),
    /// A known word competes with this unattested one.
    KnownCompetes,
    /// So many nats less likely than the best-reading spelling.
    Nats(f32),
}

impl Note {
    fn write_to(&self, why: &mut String) {
        let _ = match *self {
            Note::ReadsAs(lang, reads, typed) => write!(
                why,
                "; reads as {lang} (bigrams {reads:.2}, as typed {typed:.2})"
            ),
            Note::AWord(lang, reads, typed) => write!(
                why,
                "; a {lang} word (bigrams {reads:.2}, as typed {typed:.2})"
            ),
            Note::KnownCompetes => {
                why.push_str("; a known word competes");
                Ok(())
            }
            Note::Nats(gap) => write!(
                why,
                "; {gap:.1} nats less likely than the best-reading spelling"
            ),
        };
    }
}

/// What the lexicons, the user's list and the document say of a lower-case
/// spelling in one script ([`MixedScript::lexical`]).
struct Lexical {
    lower: String,
    /// In the user's word list.
    user: bool,
    /// How often the document spells it so.
    count: u32,
    /// Its lexicon frequency (zipf) in each language of the script.
    zipfs: Vec<(&'static str, Option<f32>)>,
    /// Its best mean bigram log-probability among those languages when no
    /// lexicon lists it (negative infinity otherwise, or without models).
    plaus: f32,
    /// Which German compounds of two listed words ([`german_compound`])
    /// count as words of German: only for a slip inside a word of a
    /// German line ([`MixedScript::mixed_word`]), whose rivals differ from
    /// it in a letter or two. (Whole words re-typed into German found
    /// rivals among compounds too: `Datensank`, `daten` and `sank`,
    /// against `Datenbank`.)
    compounds: Compounds,
    /// Whether a Bulgarian form with its definite article
    /// ([`bulgarian_article_form`]) counts as a word of Bulgarian: only for
    /// a re-typing onto the Bulgarian (BDS) layout, whose keys put no
    /// Latin word's letters on their Bulgarian namesakes.
    articles: bool,
}

/// What [`MixedScript::score_candidates`] reads off a candidate's
/// spelling and span alone.
struct Shape {
    text: String,
    start: usize,
    end: usize,
    /// [`local_plausibility`] as a score term.
    local: f32,
    /// A capital inside the word the typed text did not have.
    new_capital: bool,
    lower: String,
    /// Bigram steps of `lower`: its characters and the word's end.
    steps: usize,
    /// The best mean bigram log-probability of `lower` among the languages
    /// of its script.
    reads: f32,
}

impl Shape {
    fn of(c: &Candidate, typed: &str, sc: Sc) -> Shape {
        let (local, new_capital, lower, steps, reads) = shape_reading(typed, &c.text, sc);
        Shape {
            text: c.text.clone(),
            start: c.start,
            end: c.end,
            local,
            new_capital,
            lower,
            steps,
            reads,
        }
    }
}

/// [`Shape`]'s readings of candidate spelling `text` for the typed text
/// `typed` in script `sc`, a function of the embedded bigram models alone:
/// each thread remembers them, as it does [`lexicon_reading`]s.
fn shape_reading(typed: &str, text: &str, sc: Sc) -> ShapeReading {
    let compute = || {
        // The changed letters against their neighbours: `Sprachausgabe`
        // (`ch`) reads better than `Spracpausgabe` (`cp`).
        let local =
            local_plausibility(typed, text, sc).map_or(0.0, |l| ((l + 3.0) * 0.8).clamp(-3.0, 2.0));
        // A capital inside a word the original did not have (`содерБит`
        // from a Shift-level key) is not how words are written.
        let new_capital = has_inner_capital(text) && !has_inner_capital(typed);
        // Under the best of the script's languages: one yardstick for
        // every candidate, whichever layout or channel proposed it.
        let lower = lowercase(text);
        let steps = lower.chars().count() + 1;
        let reads = best_reading(&lower, sc);
        (local, new_capital, lower, steps, reads)
    };
    if typed.len() + text.len() > MEMO_MAX_KEY_BYTES {
        return compute();
    }
    SHAPE_MEMO.with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return compute();
        };
        let (key, readings) = &mut *memo;
        key.clear();
        // The script, the typed text's length (below the memo's bound of
        // bytes, so one character), the typed text, the spelling.
        key.push(char::from(b'0' + sc as u8));
        key.push(
            u32::try_from(typed.len())
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\0'),
        );
        key.push_str(typed);
        key.push_str(text);
        if let Some(known) = readings.get(key.as_str()) {
            return known.clone();
        }
        let reading = compute();
        if readings.len() >= READING_MEMO_ENTRIES {
            readings.clear();
        }
        readings.insert(key.as_str().into(), reading.clone());
        reading
    })
}

/// What [`shape_reading`] reads: local plausibility as a score term, a new
/// inner capital, the lower-case form, its bigram steps, its best reading.
type ShapeReading = (f32, bool, String, usize, f32);

/// [`shape_reading`]'s readings by key.
type ShapeMap = HashMap<Box<str>, ShapeReading, std::hash::BuildHasherDefault<WordHasher>>;

thread_local! {
    /// [`shape_reading`]'s memory: a key buffer and the readings.
    static SHAPE_MEMO: std::cell::RefCell<(String, ShapeMap)> =
        std::cell::RefCell::new((String::new(), ShapeMap::default()));
}

impl MixedScript {
    /// A stage with the given options and no user words.
    pub fn new(options: MixedScriptOptions) -> Self {
        MixedScript {
            options,
            user_words: BTreeSet::new(),
        }
    }

    /// The options in force.
    pub fn options(&self) -> &MixedScriptOptions {
        &self.options
    }

    /// Adds domain words (names, brands, jargon): they are never changed,
    /// and a candidate that spells one of them wins.
    pub fn add_words<I, S>(&mut self, words: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.user_words
            .extend(words.into_iter().map(|w| w.as_ref().to_lowercase()));
    }

    /// Parses a word list: one word per line, `#` starts a comment, blank
    /// lines are skipped. A line with white space inside is an error naming
    /// the line.
    pub fn parse_word_list(text: &str) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            if line.chars().any(char::is_whitespace) {
                return Err(Error::word_list(i + 1, line));
            }
            out.push(line.to_owned());
        }
        Ok(out)
    }

    /// A cheap test: could this line hold anything to repair? False for
    /// almost all clean text, which then costs one scan.
    pub fn needs_review(&self, line: &str) -> bool {
        if !self.options.homoglyphs && !self.options.keyboard_layouts {
            return false;
        }
        if line.len() > MAX_REVIEW_BYTES {
            return false; // a data blob, not prose: judging it would take seconds
        }
        if !self.options.keyboard_layouts {
            if is_ascii(line.as_bytes()) {
                return false; // one script, no lookalikes to mix
            }
        } else if let Some(counts) = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes()) {
            // All ASCII, counted in the same pass that tells it.
            return self.review_ascii(line, counts);
        }
        if let Some(answer) = self.quick_review(line) {
            return answer;
        }
        self.review(line, &LineStats::of(line), None)
    }

    /// When `hygiene` leaves `line` as it is at a glance
    /// ([`Hygiene::leaves_at_a_glance`](crate::Hygiene::leaves_at_a_glance)),
    /// whether it [needs review](MixedScript::needs_review); `None` when
    /// hygiene does not. For printable ASCII lines (most clean text) one
    /// pass over the bytes answers both, rather than one pass for each.
    #[inline]
    pub fn review_at_a_glance(&self, line: &str, hygiene: &crate::Hygiene) -> Option<bool> {
        // Most lines that are not ASCII are so in their first sixteen
        // bytes: told by one word.
        if glance::starts_past_ascii(line.as_bytes()) {
            return None;
        }
        self.review_ascii_at_a_glance(line, hygiene)
    }

    /// [`MixedScript::review_at_a_glance`] past its first look.
    fn review_ascii_at_a_glance(&self, line: &str, hygiene: &crate::Hygiene) -> Option<bool> {
        let no_ampersand = hygiene.options().html_entities;
        if self.options.keyboard_layouts && line.len() <= MAX_REVIEW_BYTES {
            let counts = if no_ampersand {
                ascii_line_counts::<{ glance::PLAIN_NO_AMPERSAND }>(line.as_bytes())
            } else {
                ascii_line_counts::<{ glance::PLAIN }>(line.as_bytes())
            };
            if let Some(counts) = counts {
                return Some(self.review_ascii(line, counts));
            }
        }
        hygiene
            .leaves_at_a_glance(line)
            .then(|| self.needs_review(line))
    }

    /// [`MixedScript::needs_review`] for an ASCII line, with its
    /// [`ascii_line_counts`].
    fn review_ascii(&self, line: &str, counts: (u32, u32, u32, u32, bool)) -> bool {
        // (Asked only with keyboard layouts on: `review_letters` then asks
        // `looks_mistyped`.) Counts that make no line look mistyped or
        // Slavic (most prose, and lines of fewer than six letters) leave,
        // of all that [`LineStats`] and [`MixedScript::review_letters`] ask
        // of an ASCII line, only its layout keys: the same answer without
        // them.
        debug_assert!(self.options.keyboard_layouts);
        let (letters, vowels, telltale, slavic, brackets) = counts;
        if letters < 6
            || (vowels * 100 >= letters * 28
                && telltale * 100 <= letters * 10
                && slavic * 100 < letters * SLAVIC_SHARE)
        {
            let (odd_q, odd_punct) = ascii_layout_keys(line.as_bytes(), brackets);
            return odd_punct || odd_q;
        }
        let mut stats = LineStats::default();
        stats.push_ascii_counted(line.as_bytes(), counts);
        stats.seen(Sc::Latin, 0, line.len());
        // (No Cyrillic letter, so no key typed in a Cyrillic word.)
        self.review_letters(line, &stats, None)
    }

    /// [`MixedScript::quick_scan`]'s answer, or a word of the line's own
    /// script with a key typed on the Latin layout ([`keys`]), as
    /// [`MixedScript::review`] asks last.
    fn quick_review(&self, line: &str) -> Option<bool> {
        if let Some(summary) = self.cyrillic_summary(line) {
            return self.quick_review_cyrillic(line, &summary);
        }
        // (A line without a first byte `D0`–`D4` has no Cyrillic letter
        // for a key slip to follow: its search is skipped.)
        self.quick_scan(line)
            .map(|(answer, cyrillic)| answer || (cyrillic && self.key_slip_shape(line)))
    }

    /// For a line with a Cyrillic letter of U+0400–U+047F among its first
    /// 32 bytes (a Russian, Ukrainian, Bulgarian or Serbian line): its
    /// [`letters::cyrillic_summary`], which
    /// [`MixedScript::quick_review_cyrillic`] answers from; `None` for other
    /// lines, or one with a first byte of `C0` or more other than `D0`,
    /// `D1`, `C2`, `E2` (a Greek, further Cyrillic or accented Latin letter,
    /// which the one pass does not tell apart: then
    /// [`MixedScript::quick_scan`] asks).
    fn cyrillic_summary(&self, line: &str) -> Option<letters::CyrillicSummary> {
        if !self.options.homoglyphs && !self.options.keyboard_layouts {
            return None;
        }
        let bytes = line.as_bytes();
        let head = bytes.get(..32).unwrap_or(bytes);
        if !head.iter().any(|&b| (b | 1) == 0xD1) {
            return None;
        }
        Some(letters::cyrillic_summary(bytes)).filter(|s| !s.rare && s.cyrillic > 0)
    }

    /// [`MixedScript::quick_review`]'s answer for a line of
    /// [`MixedScript::cyrillic_summary`], from that one pass over its bytes
    /// rather than the three of [`MixedScript::quick_scan`] and the key
    /// slip's own: the same answer, by the same tests on the same counts
    /// (the line has no Latin letter beyond ASCII, no Greek or further
    /// Cyrillic one, and nothing else `cyrillic_line_flags` finds unusual
    /// by its first byte).
    fn quick_review_cyrillic(&self, line: &str, s: &letters::CyrillicSummary) -> Option<bool> {
        // The tests of `quick_scan`'s Cyrillic branch, in its order.
        let answer = if (s.punct && !letters::layout_keys_end_words(line)) || s.unusual {
            None
        } else {
            self.quick_cyrillic_letters(line, (s.latin, s.cyrillic), s.touch, s.serbian)
        };
        // (A line whose bytes rule out every key slip needs no search.)
        answer.map(|answer| answer || (s.key_slip && self.key_slip_shape(line)))
    }

    /// [`MixedScript::review`]'s answer (without a context) for the common
    /// shapes of lines that are not all ASCII (only those are asked), from
    /// one pass over their bytes ([`letters::summarize`]); `None` when the
    /// line needs the full scan of [`LineStats::of`]. The shapes: Latin
    /// letters and no Cyrillic or Greek (Chinese, Georgian, Hindi, Thai
    /// lines, Polish or French, English with typographic quotes), and
    /// Cyrillic of U+0400–U+047F with ASCII (Russian, Ukrainian,
    /// Bulgarian, Serbian) or Greek of U+0386–U+03CE with ASCII
    /// ([`MixedScript::quick_scan_greek`]), where no letter of another
    /// script sits between; layout keys only before a space or the like.
    /// Keys typed in a word of the line's own script are left out:
    /// [`MixedScript::quick_review`] asks them.
    ///
    /// With the answer, whether the line may hold a first byte `D0`–`D4`
    /// (a Cyrillic letter): false only when the pass read every byte and
    /// found none, so that [`keys::key_slip_shape`], which needs one, is
    /// false too.
    fn quick_scan(&self, line: &str) -> Option<(bool, bool)> {
        if !self.options.homoglyphs && !self.options.keyboard_layouts {
            return Some((false, false));
        }
        let bytes = letters::summarize(line.as_bytes());
        if bytes.greek_or_more_cyrillic {
            // Greek prose has its own pass; other letters only decoding
            // tells apart. (Its answer is given only for lines whose bytes
            // of `C0` or more all start Greek letters, `CE` or `CF`.)
            return self.quick_scan_greek(line).map(|answer| (answer, false));
        }
        // A layout key after which no letter follows (`; ` in prose) is no
        // key typed inside a word.
        if bytes.punct && !letters::layout_keys_end_words(line) {
            return None;
        }
        if bytes.cyrillic == 0 {
            // One script, Latin: no word mixes two, and the line is
            // mistyped only if its Latin letters look so. Other Latin
            // letters (`é`, `ł`) add at most one letter each and never a
            // telltale one; ASCII vowels are vowels.
            let least = bytes.latin;
            let most = bytes.latin + bytes.latin_other;
            if !self.options.keyboard_layouts || most < 6 {
                return Some((false, false));
            }
            // ASCII vowels (`y` too) and `j`, `f`, by one more pass.
            let (_, vowels, telltale, _) =
                ascii_letter_counts(line.as_bytes(), false).unwrap_or_default();
            // Accented vowels count too where ASCII ones fall short
            // (Vietnamese): a lower bound by their bytes, against `most`,
            // which bounds the Latin letters from above.
            let few_vowels = vowels * 100 < most * 28
                && (bytes.latin_other == 0
                    || (vowels + letters::latin_vowels_beyond_ascii(line.as_bytes())) * 100
                        < most * 28);
            // Enough vowels: it comes to `j` and `f` (ASCII only).
            if !few_vowels && telltale * 100 <= least * 10 {
                return Some((false, false));
            }
            // Latin letters that make less than four fifths of the line's
            // letters (acronyms in a Japanese or Korean line) are no
            // mistyped line whatever their vowels: fewer than four for each
            // letter of CJK or Hangul, which the full scan counts as letters
            // of other scripts.
            return (most < 4 * letters::cjk_hangul_letters(line.as_bytes()))
                .then_some((false, false));
        }
        if bytes.latin_other > 0 {
            return None; // Latin letters beyond ASCII next to Cyrillic ones
        }
        // (A Serbian letter makes the line Serbian, as the full scan has
        // it, for the verdicts of its foreign words.)
        let (unusual, touch, serbian) = letters::cyrillic_line_flags(line.as_bytes());
        if unusual {
            return None;
        }
        self.quick_cyrillic_letters(line, (bytes.latin, bytes.cyrillic), touch, serbian)
            .map(|answer| (answer, true))
    }

    /// The quick answer for a line of ASCII and Cyrillic letters of
    /// U+0400–U+047F (`latin` and `cyrillic` of them) with nothing unusual
    /// in it, whether [`MixedScript::quick_scan`] or
    /// [`MixedScript::quick_review_cyrillic`] counted them.
    fn quick_cyrillic_letters(
        &self,
        line: &str,
        (latin, cyrillic): (u32, u32),
        touch: bool,
        serbian: bool,
    ) -> Option<bool> {
        // Letters of two scripts touch (no other letters can stand
        // between): a word mixes them.
        if touch {
            return Some(true);
        }
        if latin == 0 {
            // Cyrillic alone: mistyped only with few vowels or many `ш щ ф`.
            if !self.options.keyboard_layouts || cyrillic < 6 {
                return Some(false);
            }
            let (vowels, telltale) = letters::cyrillic_vowel_bounds(line.as_bytes());
            return (vowels * 100 >= cyrillic * 28 && telltale * 100 <= cyrillic * 8)
                .then_some(false);
        }
        Some(self.quick_two_scripts(line, (Sc::Cyrillic, cyrillic), latin, serbian))
    }

    /// The quick answers' question for a line with Latin letters and
    /// `other`'s (`letters` of them): the gate's for the words of the
    /// fewer (`other` when they tie, the later script of the two, as
    /// `max_by_key` picks).
    fn quick_two_scripts(
        &self,
        line: &str,
        (other, letters): (Sc, u32),
        latin: u32,
        serbian: bool,
    ) -> bool {
        let dominant = if letters >= latin { other } else { Sc::Latin };
        // Its words are looked for by script, so the whole line is as good
        // a place to look as the stretch between its first and last letter.
        let mut spans = [(0, 0); 3];
        for sc in [Sc::Latin, other] {
            if let Some(span) = spans.get_mut(sc as usize) {
                *span = (0, line.len());
            }
        }
        // (A Cyrillic line here has no Latin letter beyond ASCII: no first
        // byte `C3`–`C9`, nor `E1` of U+1E00–U+1EFF, by both quick passes.)
        let ascii_latin = other == Sc::Cyrillic;
        self.has_suspect_foreign_word_in(line, dominant, &spans, serbian, None, ascii_latin)
    }

    /// [`MixedScript::quick_scan`] for a line with a Greek letter or a
    /// further Cyrillic one: `None` but for Greek letters of U+0386–U+03CE
    /// with ASCII ([`letters::greek_line_counts`]), where no letter of
    /// another script sits between and layout keys stand only before a
    /// space or the like; then what [`MixedScript::review_letters`] answers
    /// from the full scan's counts, which are the same.
    fn quick_scan_greek(&self, line: &str) -> Option<bool> {
        let counts = letters::greek_line_counts(line.as_bytes())?;
        if counts.punct && !letters::layout_keys_end_words(line) {
            return None;
        }
        // Letters of two scripts touch: a word mixes them.
        if counts.touch {
            return Some(true);
        }
        if counts.latin == 0 {
            // Greek alone (or no letter): mistyped only with few vowels
            // (no Greek letter is a telltale one).
            let l = counts.greek;
            return Some(
                self.options.keyboard_layouts
                    && l >= 6
                    && letters::greek_vowels(line.as_bytes()) * 100 < l * 28,
            );
        }
        if counts.greek == 0 {
            return None; // (no Greek letter: not the shape asked for)
        }
        Some(self.quick_two_scripts(line, (Sc::Greek, counts.greek), counts.latin, false))
    }

    fn review(&self, line: &str, stats: &LineStats, context: Option<&DocumentContext>) -> bool {
        self.review_letters(line, stats, context) || self.key_slip_shape(line)
    }

    /// [`MixedScript::review`] but for keys typed in a Cyrillic word
    /// ([`MixedScript::key_slip_shape`]): all of it for an ASCII line.
    fn review_letters(
        &self,
        line: &str,
        stats: &LineStats,
        context: Option<&DocumentContext>,
    ) -> bool {
        if !self.options.homoglyphs && !self.options.keyboard_layouts {
            return false;
        }
        if stats.mixed_word || stats.odd_punct {
            return true;
        }
        let present = stats.letters.iter().filter(|&&n| n > 0).count();
        if present > 1 && self.has_suspect_foreign_word(line, stats, context) {
            return true;
        }
        self.options.keyboard_layouts && present <= 1 && stats.looks_mistyped()
    }

    /// Whether `line` may hold a word of its own script with a key typed on
    /// the Latin layout ([`keys::key_slip_shape`]).
    fn key_slip_shape(&self, line: &str) -> bool {
        self.options.keyboard_layouts && keys::key_slip_shape(line)
    }

    /// For a line with words in two scripts (a Russian sentence naming
    /// `Debian`): whether any word of the minority script could be a
    /// lookalike respelling or a layout slip at all. Brand names and
    /// acronyms are neither, so such lines cost one more scan, not a judge.
    fn has_suspect_foreign_word(
        &self,
        line: &str,
        stats: &LineStats,
        context: Option<&DocumentContext>,
    ) -> bool {
        let dominant = Sc::ALL
            .into_iter()
            .max_by_key(|s| stats.letters.get(*s as usize).copied().unwrap_or(0))
            .unwrap_or(Sc::Latin);
        self.has_suspect_foreign_word_in(line, dominant, &stats.span, stats.serbian, context, false)
    }

    /// [`MixedScript::has_suspect_foreign_word`] for a line of `dominant`
    /// script whose letters of each script lie in `spans`; `ascii_latin`:
    /// its Latin letters are all ASCII ones, found by a search for them
    /// alone ([`letters::next_ascii_letter`]).
    fn has_suspect_foreign_word_in(
        &self,
        line: &str,
        dominant: Sc,
        spans: &[(usize, usize); 3],
        serbian: bool,
        context: Option<&DocumentContext>,
        ascii_latin: bool,
    ) -> bool {
        // Only the words of the other scripts matter, and they lie where
        // those scripts' letters do: look there, not at every word.
        // A lone word of ASCII letters in a Cyrillic line (`Debian`
        // between spaces, most Latin words of a Russian manual) is first
        // looked for among the lone words this thread has cleared.
        let clearable = dominant == Sc::Cyrillic && context.is_none() && self.user_words.is_empty();
        // Whether the line may hold a Bulgarian slip ([`bulgarian_slip_line`]:
        // `ъ`, or Bulgarian's letters alone), asked once a line, at its
        // first lone word: part of the lone words' keys.
        let bg_line = std::cell::OnceCell::new();
        Sc::ALL.into_iter().filter(|&sc| sc != dominant).any(|sc| {
            let (first, last) = spans.get(sc as usize).copied().unwrap_or_default();
            let mut from = first;
            let next = |from: usize| {
                if ascii_latin && sc == Sc::Latin {
                    letters::next_ascii_letter(line.as_bytes(), from, last)
                } else {
                    letters::next_of_script(line, from, last, sc)
                }
            };
            while let Some(at) = next(from) {
                let lone = if clearable && sc == Sc::Latin {
                    let bg_line = *bg_line.get_or_init(|| bulgarian_slip_line(line));
                    self.separate_latin_key(line, at, serbian, bg_line)
                        .map(|(end, key)| (end, key, bg_line))
                } else {
                    None
                };
                if let Some((end, key, _)) = lone {
                    if CLEARED_LONE_WORDS.with(|t| t.try_borrow().is_ok_and(|t| t.holds(key))) {
                        from = end;
                        continue;
                    }
                }
                let Some(w) = words::word_around(line, at) else {
                    return false;
                };
                let protected = std::cell::OnceCell::new();
                let doc = context.map(|c| (c, None));
                if self.is_suspect_foreign(line, &w, (dominant, serbian), doc, &protected) {
                    return true;
                }
                // Cleared without asking whether it is protected: by its
                // letters and verdict alone, which are the same wherever
                // it stands alone in a Cyrillic line.
                // (In a [`bulgarian_slip_line`], not a word the Bulgarian
                // phonetic layout types a listed Bulgarian word with,
                // [`bulgarian_phonetic_word`], asked once a word as it is
                // remembered: whether it is suspect there depends on the
                // line, [`bulgarian_line_slip`]. Any other line never holds
                // such a slip, and its keys say so: they are remembered
                // without asking.)
                if let Some((_, key, _)) = lone.filter(|&(_, _, bg_line)| {
                    protected.get().is_none()
                        && !(bg_line
                            && line
                                .get(w.start..w.end)
                                .is_some_and(bulgarian_phonetic_word))
                }) {
                    CLEARED_LONE_WORDS.with(|t| {
                        if let Ok(mut t) = t.try_borrow_mut() {
                            t.put(key);
                        }
                    });
                }
                // `at` starts a letter of at least one byte.
                from = w.end.max(
                    at + line
                        .get(at..)
                        .and_then(|r| r.chars().next())
                        .map_or(1, char::len_utf8),
                );
                // A protected word protects every word of its chunk (the
                // text between the white space around it, which
                // [`words::is_protected`] reads for them all: `/usr/lib/gtk`),
                // and a protected word is never suspect: the rest of the
                // chunk is passed.
                if protected.get() == Some(&true) {
                    from = from.max(
                        line.get(w.end..)
                            .and_then(|tail| tail.find(char::is_whitespace))
                            .map_or(line.len(), |i| w.end + i),
                    );
                }
            }
            false
        })
    }

    /// For the ASCII letter at `at` of a line: when it starts a word of
    /// ASCII letters that stands apart, the word's end and its key in
    /// [`ClearedLoneWords`]; `None` for any other word. Apart: on each side
    /// the line's end, a digit, or a character that neither joins nor
    /// glues to it ([`apart_before`], [`apart_after`]: a space, a bracket,
    /// a dash, `«`), or one layout key (`.` `,` `"`) with such a character
    /// or a digit beyond it. Then the word is [`words::word_around`]'s word
    /// for `at` (its letters alone), and the chunk of [`chunk_bounds`] is
    /// the word with those keys, so its verdict is a function of the keys
    /// and the word (the memos' own keys: [`lone_span`]'s lone word, or the
    /// chunk), and whether [`MixedScript::is_suspect_foreign`] clears it in
    /// a Cyrillic line without a document is a function of the key (the
    /// keys and the word packed in 16 bytes, which of them are keys, which
    /// sides are digits, `serbian`, whether the line is a
    /// [`bulgarian_slip_line`] (`bg_line`: only there may a Latin word be a
    /// [`bulgarian_line_slip`]) and the channels), unless it asks whether
    /// the word is protected.
    fn separate_latin_key(
        &self,
        line: &str,
        at: usize,
        serbian: bool,
        bg_line: bool,
    ) -> Option<(usize, u128)> {
        let bytes = line.as_bytes();
        let head = bytes.get(..at)?;
        let rest = bytes.get(at..)?;
        let len = letters::ascii_letter_run(rest);
        let tail = rest.get(len..)?;
        // What stands on one side: nothing, a digit, or a key (then what
        // stands beyond it must be apart or a digit).
        // (Each test asked only when its answer is read: [`lone_side`].)
        let (digit_before, key_before) = lone_side(
            head.last().copied(),
            || apart_before(head),
            head.len().checked_sub(2).and_then(|i| head.get(i).copied()),
        )?;
        let (digit_after, key_after) = lone_side(
            tail.first().copied(),
            || apart_after(tail),
            tail.get(1).copied(),
        )?;
        let (lead, trail) = (usize::from(key_before), usize::from(key_after));
        if len == 0 || lead + len + trail > 16 {
            return None;
        }
        // The bytes (all ASCII) seven bits each, in the low 112 bits; the
        // tag above them. `len` is 1–16, so a key is never 0, the mark of
        // an empty slot.
        let packed = bytes
            .get(at - lead..at + len + trail)?
            .iter()
            .rev()
            .fold(0u128, |k, &b| (k << 7) | u128::from(b));
        let tag = u128::try_from(len).ok()?
            | (u128::from(key_before) << 5)
            | (u128::from(key_after) << 6)
            | (u128::from(digit_before) << 7)
            | (u128::from(digit_after) << 8)
            | (u128::from(serbian) << 9)
            | (u128::from(self.options.homoglyphs) << 10)
            | (u128::from(self.options.keyboard_layouts) << 11)
            | (u128::from(bg_line) << 12);
        Some((at + len, packed | (tag << 112)))
    }

    /// Whether `w`, a word of another script than the line's `dominant`
    /// one, could be a lookalike respelling or a layout slip: the gate of
    /// [`MixedScript::has_suspect_foreign_word`], and the judge looks at no
    /// other foreign word (what fails it has no candidate the judge could
    /// take). `protected` holds whether `w` is [`words::is_protected`]
    /// once that is known (given filled when the caller knows it already,
    /// filled here when it is asked). `context`: the document, with the
    /// line's words when the caller has split it ([`words::words`]), from
    /// which a document of this line alone is indexed if it is asked how
    /// often the line spells a word ([`DocumentContext::index_line`]).
    fn is_suspect_foreign(
        &self,
        line: &str,
        w: &Word,
        (dominant, serbian): (Sc, bool),
        context: Option<(&DocumentContext, Option<&[Word]>)>,
        protected: &std::cell::OnceCell<bool>,
    ) -> bool {
        let Some(source) = w.single().filter(|s| *s != dominant) else {
            return false;
        };
        let Some(word) = line.get(w.start..w.end) else {
            return false;
        };
        // Most Latin words of a Cyrillic line (`Debian`, `GNU`, `RAID`),
        // and the short acronyms of a Greek one (`BIOS`, `NTFS`), are ruled
        // out by their letters alone, before any verdict is looked up or
        // worked out.
        // (A `;` glued before it may be typed with it:
        // [`semicolon_word_around`].)
        let after_semicolon = || {
            w.start
                .checked_sub(1)
                .is_some_and(|i| line.as_bytes().get(i) == Some(&b';'))
        };
        if source == Sc::Latin
            && self.ascii_word_cleared(word, dominant, serbian, after_semicolon)
            && !(self.options.keyboard_layouts
                && dominant == Sc::Cyrillic
                && word.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                && bulgarian_line_slip(line, w.start, word))
        {
            return false;
        }
        self.is_suspect_foreign_by_verdict(
            line,
            w,
            word,
            (source, dominant, serbian),
            context,
            protected,
        )
    }

    /// For a word of ASCII letters in a line of `dominant` script, Cyrillic
    /// or Greek: whether its letters alone answer
    /// [`MixedScript::is_suspect_foreign`] with no (false when they do not
    /// tell, and for a Latin line). Neither channel can pass it:
    /// - the lookalike one when the word is too short or an acronym of
    ///   three letters or fewer (its shape), or when a letter has no
    ///   lookalike of its case in the line's script (`n`, `D` in Cyrillic:
    ///   the verdict's [`Lookalike::None`]);
    /// - the layout one when the word is too short or an acronym of four
    ///   letters or fewer (no layout key can sit in a word of ASCII letters,
    ///   so [`caps_slip_shape`] asks five), or, in a Cyrillic line, when it
    ///   has a capital, [`looks_mistyped_word`] says no and no `;` is glued
    ///   before it (`after_semicolon`, asked last; the verdict's layout
    ///   needs the yes or a `;` that opens the word's chunk,
    ///   [`semicolon_word_around`], and [`particle_slip`] a word in lower
    ///   case).
    ///   (Not so in a Greek line, where a word that re-types into one of
    ///   Greek's commonest words is a slip however it looks:
    ///   [`common_retyping`] takes a look-up.)
    ///
    /// A word in lower case is left to the verdict: whether it is mistyped
    /// takes a lexicon look-up, which the verdict remembers.
    fn ascii_word_cleared(
        &self,
        word: &str,
        dominant: Sc,
        serbian: bool,
        after_semicolon: impl FnOnce() -> bool,
    ) -> bool {
        if dominant == Sc::Latin {
            return false;
        }
        let Some(keys) = keyed::lookalike_keys(dominant) else {
            return false;
        };
        // (With the counts of [`looks_mistyped_word`], which for a word
        // of ASCII letters with a capital answers from them alone: vowels
        // but `y`, and the telltale `j` `f`, and in Serbian `q` `w` `x` `y`.)
        let (mut lower, mut unmatched, mut vowels, mut telltale) = (0usize, false, 0usize, false);
        for &b in word.as_bytes() {
            if !b.is_ascii_alphabetic() {
                return false;
            }
            lower += usize::from(b.is_ascii_lowercase());
            unmatched |= keys.get(usize::from(b)).is_none_or(|&k| k == '\0');
            let folded = b | 0x20;
            vowels += usize::from(is_vowel(char::from(b)) && folded != b'y');
            telltale |= matches!(folded, b'j' | b'f')
                || (serbian && matches!(folded, b'q' | b'w' | b'x' | b'y'));
        }
        let n = word.len();
        let acronym = lower == 0;
        let lookalike_ruled_out =
            !self.options.homoglyphs || n < 2 || (acronym && n <= 3) || unmatched;
        let mistyped = telltale || vowels * 100 < n * 25;
        let layout_ruled_out = !self.options.keyboard_layouts
            || n < 2
            || (acronym && n < 5)
            || (dominant == Sc::Cyrillic && lower < n && !mistyped && !after_semicolon());
        lookalike_ruled_out && layout_ruled_out
    }

    /// [`MixedScript::is_suspect_foreign`] for `word` (the text of `w`, a
    /// word of `source` in a line of `dominant`) by its verdict.
    fn is_suspect_foreign_by_verdict(
        &self,
        line: &str,
        w: &Word,
        word: &str,
        (source, dominant, serbian): (Sc, Sc, bool),
        context: Option<(&DocumentContext, Option<&[Word]>)>,
        protected: &std::cell::OnceCell<bool>,
    ) -> bool {
        let acronym = word.chars().all(|c| !c.is_lowercase());
        // Exotic letters (`ԁ һ ӏ ѕ ү`) or a Latin acronym respelled in
        // capitals ([`latin_acronym_spelt`]: `ТСР`) make a spoof's shape,
        // whatever the word's length.
        let spoof = word.chars().any(is_exotic_lookalike)
            || (dominant == Sc::Latin
                && (acronym || inner_capital(word))
                && latin_acronym_spelt(word, source, dominant, w.letters()));
        let homoglyph_shape = self.options.homoglyphs
            && w.letters() >= 2
            && (!(acronym && w.letters() <= 3) || spoof);
        let layout_shape = self.options.keyboard_layouts
            && (!acronym
                || caps_slip_shape(word, w.letters())
                || unlisted_caps_in_latin(word, source, dominant, w.letters()))
            && w.letters() >= 2;
        if !homoglyph_shape && !layout_shape {
            return false;
        }
        // A word in a protected chunk (a path, an option) is never
        // suspect: its verdict is not worked out for it (only looked up).
        // (Asked at most once: before a verdict is worked out, and last.)
        let is_protected = || *protected.get_or_init(|| words::is_protected(line, w));
        let Some(verdict) = word_verdict_unless(line, w, source, dominant, serbian, is_protected)
        else {
            return false;
        };
        // A lookalike respelling must be a word: of a lexicon, the user's
        // list or the document (`сор` for `cop`; `BIOS` is no Cyrillic
        // word).
        let homoglyph = homoglyph_shape
            && match verdict.lookalike {
                Lookalike::None => false,
                Lookalike::Listed => true,
                Lookalike::Unlisted => {
                    spoof
                        || ((!self.user_words.is_empty() || context.is_some())
                            && map_lookalikes(word, dominant).is_some_and(|(respelled, _)| {
                                let lower = lowercase(&respelled);
                                self.user_words.contains(&lower)
                                    || context.is_some_and(|(c, words)| {
                                        if let Some(words) = words {
                                            c.index_line(line, words);
                                        }
                                        c.count(&lower) > 0
                                    })
                            }))
                }
            };
        // In a Greek line, a Latin word that the Greek layout re-types into
        // one of Greek's commonest words (`toy` is `του`) is a slip however
        // English it looks: the judge's `common_retyping`, remembered with
        // the verdict (the verdict is the one for `dominant`).
        let layout = layout_shape
            && (source != Sc::Latin
                || verdict.layout
                || (dominant == Sc::Greek && verdict.greek_retyping)
                || particle_slip(word, source, dominant)
                || (dominant == Sc::Cyrillic && bulgarian_line_slip(line, w.start, word)));
        (homoglyph || layout) && !is_protected()
    }

    /// Repairs the mixed-script words of `text`, using `context` (the words
    /// of the whole document) as evidence. Never fails; borrows `text` when
    /// nothing changes.
    pub fn apply<'a>(&self, text: &'a str, context: &DocumentContext) -> Repaired<'a> {
        self.apply_rounds(text, context, false)
    }

    /// [`MixedScript::apply`] for a line [`MixedScript::needs_review`] has
    /// just said yes to, as it is: the judge's first round does not ask the
    /// gate again. The answer is the same: the gate with the document
    /// (what `apply` asks first) passes every line the gate without one
    /// passes, as a document only adds suspects (a lookalike respelling it
    /// spells), and `needs_review`'s quick answers are the full scan's
    /// (`quick_review_agrees_with_the_full_scan`). Call it on a line
    /// `needs_review` said no to, or on another text, and the answer may
    /// differ from `apply`'s.
    pub fn apply_passed<'a>(&self, text: &'a str, context: &DocumentContext) -> Repaired<'a> {
        self.apply_rounds(text, context, true)
    }

    /// [`MixedScript::apply`]'s rounds; `passed`: the gate has passed
    /// `text` ([`MixedScript::apply_passed`]), and the first round does not
    /// ask it again.
    fn apply_rounds<'a>(
        &self,
        text: &'a str,
        context: &DocumentContext,
        passed: bool,
    ) -> Repaired<'a> {
        // A repair can change the line's balance of scripts (a fixed word
        // makes the line Cyrillic, and another word now stands out), so run
        // to a fixed point: what comes out needs nothing more.
        self.rounds_from(Repaired::unchanged(text), context, passed)
    }

    /// [`MixedScript::apply`] on a line this stage or another has already
    /// repaired (a document's next round): the letters `repaired`'s changes
    /// wrote are not read as typed (a `/` glued after them is the Bulgarian
    /// layout's `б`, not a slash parting two words).
    pub fn apply_again<'a>(
        &self,
        repaired: Repaired<'a>,
        context: &DocumentContext,
    ) -> Repaired<'a> {
        self.rounds_from(repaired, context, false)
    }

    /// The rounds of [`MixedScript::apply_rounds`] from `result`.
    fn rounds_from<'a>(
        &self,
        mut result: Repaired<'a>,
        context: &DocumentContext,
        mut passed: bool,
    ) -> Repaired<'a> {
        for _ in 0..MAX_ROUNDS {
            let before = result.changes.len();
            // What earlier rounds (and stages) wrote is no part of the
            // line as typed.
            let retyped = result.written_spans();
            result = result.and_then(|t| self.apply_once(t, context, passed, &retyped));
            passed = false;
            if result.changes.len() == before {
                break;
            }
        }
        result
    }

    /// One round of [`MixedScript::apply`]; `passed`: the gate has passed
    /// `text` without a document, so it passes it with one.
    fn apply_once<'a>(
        &self,
        text: &'a str,
        context: &DocumentContext,
        passed: bool,
        retyped: &[(usize, usize)],
    ) -> Repaired<'a> {
        if text.len() > MAX_REVIEW_BYTES {
            return Repaired::unchanged(text);
        }
        let stats = LineStats::of(text);
        debug_assert!(
            !passed || self.review(text, &stats, Some(context)),
            "{text}"
        );
        if !passed && !self.review(text, &stats, Some(context)) {
            return Repaired::unchanged(text);
        }
        let words = words::words(text);
        // Whether each word is protected ([`words::is_protected`]), worked
        // out at most once per word: the weighing of the line's scripts, the
        // gate and the judge below all ask it of the same words.
        let protected: Vec<std::cell::OnceCell<bool>> =
            std::iter::repeat_with(std::cell::OnceCell::new)
                .take(words.len())
                .collect();
        let is_protected = |i: usize, w: &Word| {
            protected.get(i).map_or_else(
                || words::is_protected(text, w),
                |p| *p.get_or_init(|| words::is_protected(text, w)),
            )
        };
        let mut totals = [0u32; 3];
        let add = |totals: &mut [u32; 3], w: &Word| {
            for sc in Sc::ALL {
                if let Some(t) = totals.get_mut(sc as usize) {
                    *t += u32::from(w.count(sc));
                }
            }
        };
        for w in &words {
            add(&mut totals, w);
        }
        let all: u32 = totals.iter().sum();
        if all == 0 {
            return Repaired::unchanged(text);
        }
        let dominant = Sc::ALL
            .into_iter()
            .max_by_key(|s| totals.get(*s as usize).copied().unwrap_or(0))
            .unwrap_or(Sc::Latin);
        let line_share = totals.get(dominant as usize).copied().unwrap_or(0) as f32 / all as f32;
        // A line's script is that of its text, not of the options, paths
        // and format strings quoted in it: `Поддържат се опциите
        // „--term-good“/„--term-old“` is a Bulgarian line, and `се` in it
        // no lookalike of French `ce`. Those chunks can only make a line
        // less clearly of one script, never more: where its text and its
        // letters disagree, no word in it is judged foreign. (Asked only of
        // lines with letters of two scripts.)
        let text_share_at_least =
            |at_least: f32| text_share_at_least(&words, dominant, is_protected, at_least);
        let two_scripts = totals.iter().filter(|&&t| t > 0).count() > 1;
        // (`None`, a line of one script or of protected words only: the
        // share of the line's letters decides.)
        let text_share_60 = two_scripts.then(|| text_share_at_least(0.6)).flatten();
        let line = Line {
            text,
            words: &words,
            dominant,
            mostly_dominant: line_share >= 0.6 && text_share_60.unwrap_or(true),
            text_mostly_dominant: text_share_60.unwrap_or(line_share >= 0.6),
            letters: totals,
            serbian: stats.serbian,
            retyped,
            languages: Default::default(),
            possible: Default::default(),
            short_words: Default::default(),
            weights: std::cell::RefCell::default(),
            tallies: LineTallies::default(),
        };

        // The script the gate took for the line's (by letters, not words).
        let gate_dominant = Sc::ALL
            .into_iter()
            .max_by_key(|s| stats.letters.get(*s as usize).copied().unwrap_or(0))
            .unwrap_or(Sc::Latin);
        let mut edits = Vec::new();
        let whole_line_suspect = stats.odd_punct || stats.looks_mistyped();
        if self.options.keyboard_layouts
            && whole_line_suspect
            && line_share >= 0.9
            && (!two_scripts || text_share_at_least(0.9).unwrap_or(true))
        {
            if let Some(edit) = self.whole_line(&line, context) {
                edits.push(edit);
            }
        }
        // Words of another script judged one by one, with their index.
        let mut foreign = Vec::new();
        if edits.is_empty() {
            for (i, w) in words.iter().enumerate() {
                if w.other > 0 {
                    continue;
                }
                // A word of the line's own script with a key typed on the
                // Latin layout inside or after it (`нескольки[`).
                if self.options.keyboard_layouts && Self::has_key_slip(text, w, dominant) {
                    if is_protected(i, w) {
                        continue;
                    }
                    if let Some(edit) = self.keyed_word(&line, w, context) {
                        if edits.last().is_none_or(|e: &Edit| e.end <= edit.start) {
                            edits.push(edit);
                        }
                    }
                    continue;
                }
                // Most words are in the line's own script: nothing to judge.
                if !w.is_mixed() && w.single().is_none_or(|s| s == dominant) {
                    continue;
                }
                if is_protected(i, w) {
                    continue;
                }
                let Some(original) = text.get(w.start..w.end) else {
                    continue;
                };
                if !self.user_words.is_empty() && self.user_words.contains(&lowercase(original)) {
                    continue;
                }
                let edit = if w.is_mixed() {
                    self.mixed_word(&line, i, w, original, context)
                } else if self.is_suspect_foreign(
                    text,
                    w,
                    (gate_dominant, stats.serbian),
                    Some((context, Some(&words))),
                    protected.get(i).unwrap_or(&std::cell::OnceCell::new()),
                ) {
                    self.foreign_word(&line, i, w, original, context)
                } else {
                    None
                };
                if let Some(edit) = edit {
                    if edits.last().is_none_or(|e: &Edit| e.end <= edit.start) {
                        if !w.is_mixed() {
                            foreign.push((edits.len(), i));
                        }
                        edits.push(edit);
                    }
                }
            }
        }
        if !foreign.is_empty() {
            drop_vocabulary_edits(text, &words, &mut edits, &foreign);
        }
        finish(text, edits, self.options.min_confidence)
    }

    /// The evidence for a candidate spelling in script `sc`. `lang` is the
    /// language the candidate should belong to (the layout it was re-typed
    /// for, or the line's language): a word found only in another language's
    /// lexicon counts for less.
    fn evidence(
        &self,
        candidate: &str,
        sc: Sc,
        lang: Option<&str>,
        context: &DocumentContext,
    ) -> (f32, String, bool) {
        Self::evidence_of(&self.lexical(lowercase(candidate), sc, context), lang)
    }

    /// What [`MixedScript::evidence`] finds of the lower-case spelling
    /// `lower` in script `sc` whatever language it should belong to.
    fn lexical(&self, lower: String, sc: Sc, context: &DocumentContext) -> Lexical {
        let (zipfs, plaus) = lexicon_reading(&lower, sc);
        Lexical {
            user: self.user_words.contains(&lower),
            count: context.count(&lower),
            zipfs,
            plaus,
            lower,
            compounds: Compounds::Off,
            articles: false,
        }
    }

    /// Whether the lookalike respelling of `original` in script `target`
    /// is a word some lexicon of that script lists (extended ones too, with
    /// a mark capitals drop put back), the document writes, or the user
    /// listed.
    fn lookalike_reading_known(
        &self,
        original: &str,
        target: Sc,
        context: &DocumentContext,
    ) -> bool {
        map_lookalikes(original, target).is_some_and(|(text, _)| {
            let lower = lowercase(&text);
            self.user_words.contains(&lower)
                || context.count(&lower) > 0
                || listed_in_script(&lower, target)
        })
    }

    /// [`MixedScript::evidence`] from what its lexicons say of the spelling.
    fn evidence_of(lexical: &Lexical, lang: Option<&str>) -> (f32, String, bool) {
        let mut why = String::new();
        let (score, oov) = Self::evidence_into(lexical, lang, Some(&mut why));
        (score, why, oov)
    }

    /// [`MixedScript::evidence_of`]'s score and whether the spelling is in
    /// no lexicon, its words written into `why` if given (most candidates
    /// never clear the bar, and their words are never read).
    fn evidence_into(
        lexical: &Lexical,
        lang: Option<&str>,
        mut why: Option<&mut String>,
    ) -> (f32, bool) {
        let lower = lexical.lower.as_str();
        let mut oov = false;
        let mut score = 0f32;
        if lexical.user {
            score += 6.0;
            if let Some(why) = why.as_deref_mut() {
                why.push_str("; in the user's word list");
            }
        }
        let count = lexical.count;
        if count > 0 {
            score += 4.0 + (count as f32).ln();
            if let Some(why) = why.as_deref_mut() {
                let _ = write!(why, "; the document spells it so {count}×");
            }
        }
        let own = lang.and_then(|l| {
            let z = match lexical.zipfs.iter().find(|(known, _)| *known == l) {
                Some(&(_, z)) => z,
                None => zipf_ext(l, lower),
            };
            z.map(|z| (z, l))
        });
        let other = lexical
            .zipfs
            .iter()
            .filter_map(|&(l, z)| z.map(|z| (z, l)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        // A word the wanted language's lexicon lists as rare but a related
        // language uses constantly (`не`: the Belarusian list has no
        // frequencies) keeps most of that weight.
        // Belarusian entries carry no measured frequency (all 3.0), so a
        // word its neighbours share keeps nearly all of their weight.
        let related_off = if own.is_some_and(|o| o.1 == "be") {
            0.5
        } else {
            1.5
        };
        let best = match (own, other) {
            (Some(o), Some(b)) if b.1 != o.1 && b.0 - related_off > o.0 => {
                Some((b.0 - related_off, o.1))
            }
            (Some(o), _) => Some(o),
            (None, b) => b,
        };
        if let Some((z, l)) = best {
            let off = if lang.is_some_and(|want| want != l) {
                1.5
            } else {
                0.0
            };
            // A long string that spells a word is stronger evidence than a
            // short one: far fewer strings of its length are words.
            let letters = lower.chars().filter(|&c| letters::is_alphabetic(c)).count();
            let long = 0.2 * (letters.saturating_sub(5).min(6) as f32);
            score += z - off + long;
            if let Some(why) = why.as_deref_mut() {
                let _ = write!(why, "; {l} lexicon zipf {z:.1}");
                if off > 0.0 {
                    let _ = write!(why, " (not {})", lang.unwrap_or_default());
                }
            }
        } else if let Some((z, split)) = lang
            .filter(|l| lexical.compounds != Compounds::Off && *l == "de")
            .and_then(|_| german_compound(lower, lexical.compounds == Compounds::WithStems))
        {
            // German writes its compounds as one word, and a lexicon of
            // 20,000 words lists few of them: one of two listed words
            // (`such` `leiste`, `sicherung` `s` `methoden`) is a word of
            // the language, as rare as its rarer part and then some.
            let letters = lower.chars().count();
            let long = 0.2 * (letters.saturating_sub(5).min(6) as f32);
            score += z - COMPOUND_OFF + long;
            if let Some(why) = why {
                let _ = write!(
                    why,
                    "; de compound {}+{} (zipf {z:.1})",
                    lower.get(..split).unwrap_or_default(),
                    lower.get(split..).unwrap_or_default()
                );
            }
        } else if let Some((z, split)) = lang
            .filter(|l| lexical.articles && *l == "bg")
            .and_then(|_| bulgarian_article_form(lower))
        {
            // Bulgarian writes its definite article as a suffix, and a
            // lexicon of the commonest words lists only the commonest
            // nouns and adjectives with it (`мръсно` but not `мръсното`).
            let letters = lower.chars().count();
            let long = 0.2 * (letters.saturating_sub(5).min(6) as f32);
            score += z - ARTICLE_OFF + long;
            if let Some(why) = why {
                let _ = write!(
                    why,
                    "; bg {}+{} (zipf {z:.1})",
                    lower.get(..split).unwrap_or_default(),
                    lower.get(split..).unwrap_or_default()
                );
            }
        } else {
            // Out of every lexicon (a name, say): how much it looks like a word.
            let plaus = lexical.plaus;
            if plaus.is_finite() {
                score += ((plaus + 3.6) * 1.2).clamp(-3.0, 1.0);
                if let Some(why) = why {
                    let _ = write!(why, "; in no lexicon, letter bigrams {plaus:.2}");
                }
            }
            // The document's own spelling or the user's word is evidence
            // enough: only unattested spellings are judged by their shape.
            oov = count == 0 && !lexical.user;
        }
        (score, oov)
    }

    /// Scores candidates: their evidence plus the channel's prior, then, for
    /// the few that could beat `keep`, whether a re-typing layout fits the
    /// line's language (which costs a whatlang call, so comes last).
    ///
    /// `typed_plausibility`: how the word as typed reads, where a re-typing
    /// that reads much better may be floored, and whether any such
    /// re-typing may be (or only one a lexicon of its layout's language
    /// lists, of the word's own span with no key swallowed at its edges,
    /// by [`KNOWN_RETYPE`]). `compounds`: which German compounds of two
    /// listed words count as words of German ([`Lexical::compounds`]).
    /// `articles`: whether re-typings of whole words onto the BDS layout
    /// may read as Bulgarian forms with their article
    /// ([`Lexical::articles`]); not for a slip inside a word, whose rival
    /// lookalike respelling of the same letters would then lose to it
    /// (`наведетe` is Serbian `наведете`, no `наведе` and `те`).
    #[allow(clippy::too_many_arguments)]
    fn score_candidates(
        &self,
        line: &Line<'_>,
        candidates: &mut Vec<Candidate>,
        script: Option<Sc>,
        original: &str,
        prior: impl Fn(u8) -> f32,
        keep: f32,
        typed_plausibility: Option<(f32, bool)>,
        context: &DocumentContext,
        layout_floor: impl Fn(&Candidate) -> bool,
        compounds: Compounds,
        articles: bool,
        meant: Option<(&str, &str)>,
    ) {
        let script_of = |c: &Candidate| {
            script.unwrap_or_else(|| c.text.chars().find_map(sc_of).unwrap_or(line.dominant))
        };
        // Each candidate's total bigram log-probability, and which
        // candidates won on shape alone.
        let mut reads_total: Vec<(f32, bool)> = Vec::with_capacity(candidates.len());
        // Each distinct spelling, script and language: its score, whether it
        // is in no lexicon, and what its words are written from (its entry
        // in `lexicals` and the language it was read as).
        #[allow(clippy::type_complexity)]
        let mut seen: Vec<(String, Sc, Option<&str>, (f32, bool), (usize, Option<&str>))> =
            Vec::with_capacity(candidates.len());
        let mut shape_only: Vec<usize> = Vec::new();
        // Candidates only languages the line's letters rule out list: they
        // keep their score, but are no known word against a lookalike
        // spelling.
        let mut listed_elsewhere: Vec<usize> = Vec::new();
        // What depends only on a candidate's spelling and span, worked out
        // once per distinct pair: layout pairs re-type a word into the same
        // few spellings (36 candidates for `gtk`, 10 distinct).
        // (These lists get room for every candidate at once: they grew
        // one entry at a time, a realloc at each doubling.)
        let mut shapes: Vec<Shape> = Vec::with_capacity(candidates.len());
        // What the lexicons say of each lower-case spelling, whatever its
        // language.
        let mut lexicals: Vec<(Sc, Lexical)> = Vec::with_capacity(candidates.len());
        // Each candidate's evidence (its entry in `seen`) and what it adds
        // to it, written out only for the candidates that clear `keep`:
        // most do not, and their words are never read.
        let mut why_of: Vec<(usize, Vec<Note>)> = Vec::with_capacity(candidates.len());
        for (i, c) in candidates.iter_mut().enumerate() {
            let typed = line.text.get(c.start..c.end).unwrap_or(original);
            let known = shapes
                .iter()
                .position(|s| s.start == c.start && s.end == c.end && s.text == c.text);
            let shape_at = known.unwrap_or_else(|| {
                shapes.push(Shape::of(c, typed, script_of(c)));
                shapes.len() - 1
            });
            let Some(shape) = shapes.get(shape_at) else {
                continue; // just found or pushed
            };
            let lang = c.layouts.map(|(_, to)| layout_language(to));
            // Layout pairs often agree (`us`, `de`, `fr` differ in a few
            // keys): each spelling is looked up once per language.
            let sc = script_of(c);
            let articles = articles && article_may_read(line.text, c);
            let cached = seen.iter().position(|(t, s, l, _, (at, _))| {
                *t == c.text
                    && *s == sc
                    && *l == lang
                    && lexicals
                        .get(*at)
                        .is_some_and(|(_, x)| x.articles == articles)
            });
            let seen_at = if let Some(at) = cached {
                at
            } else {
                let at = lexicals
                    .iter()
                    .position(|(s, l)| *s == sc && l.lower == shape.lower && l.articles == articles)
                    .unwrap_or_else(|| {
                        let mut lexical = self.lexical(shape.lower.clone(), sc, context);
                        lexical.compounds = compounds;
                        lexical.articles = articles;
                        // Belarusian's closed-class tier is assumed, not
                        // measured ([`tables::zipf`]): where the line's
                        // letters rule Belarusian out (`и` of `архиве`), such
                        // a word counts as every Belarusian entry does, 3.0
                        // (`rels` in a Russian line is no `куды`).
                        if sc == Sc::Cyrillic
                            && tables::is_belarusian_closed_class(&lexical.lower)
                            && !line.possible_languages(sc).contains(&"be")
                        {
                            for (l, z) in &mut lexical.zipfs {
                                if *l == "be" && z.is_some() {
                                    *z = Some(3.0);
                                }
                            }
                        }
                        lexicals.push((sc, lexical));
                        lexicals.len() - 1
                    });
                let Some((_, lexical)) = lexicals.get(at) else {
                    continue; // just found or pushed
                };
                let mut found = Self::evidence_into(lexical, lang, None);
                let mut read_as = lang;
                // US QWERTY types Spanish too (no Spanish layout is
                // modelled): its re-typing is read as either language
                // (`уоусгеф` is `ejecuta`).
                if c.layouts.is_some_and(|(_, to)| to == "us") {
                    let spanish = Self::evidence_into(lexical, Some("es"), None);
                    if spanish.0 > found.0 {
                        found = spanish;
                        read_as = Some("es");
                    }
                }
                seen.push((c.text.clone(), sc, lang, found, (at, read_as)));
                seen.len() - 1
            };
            let Some(&(_, _, _, (score, oov), (lexical_at, _))) = seen.get(seen_at) else {
                continue; // just found or pushed
            };
            if !oov
                && lexicals
                    .get(lexical_at)
                    .is_some_and(|(sc, lexical)| line.listed_only_elsewhere(lexical, *sc))
            {
                listed_elsewhere.push(i);
            }
            // A swallowed punctuation key costs one point: it is usually
            // punctuation.
            let handicap = -f32::from(c.swallows_punct);
            let local = shape.local;
            let capital = if shape.new_capital { -2.0 } else { 0.0 };
            // An unknown lookalike spelling is weaker than a known one: the
            // visual-identity prior counts in full only for real words.
            let unknown_lookalike = if oov && c.kind == ChangeKind::Homoglyph {
                -1.0
            } else {
                0.0
            };
            // How common the pair of layouts is, whatever the line's language
            // (nothing for the pair the caller knows was `meant`).
            let pair = c
                .layouts
                .map_or(0.0, |(from, to)| pair_prior((from, to), meant));
            c.score =
                handicap + score + local + capital + prior(c.strength) + unknown_lookalike + pair;
            c.attested = !oov;
            why_of.push((seen_at, Vec::new()));
            // The notes are matched to candidates by position (the `continue`s
            // above never fire: each looks up what it just found or pushed).
            debug_assert_eq!(why_of.len(), i + 1);
            if oov {
                shape_only.push(i);
            }
            let (lower, reads) = (shape.lower.as_str(), shape.reads);
            reads_total.push((reads * shape.steps as f32, oov));
            // On a phonetic layout in a line of its language, a word with
            // keys the layout fills unlike their Latin namesakes (`w` is
            // `њ` on the Serbian one) is no Latin spelling of the language:
            // reading better than as typed is enough (`nadodavawe`, which
            // reads half like Serbian Latin, is `надодавање`). The same on
            // the Bulgarian phonetic layout in a Bulgarian line (`q` is `я`,
            // `w` is `в`, `y` is `ъ`: `nepriqtelite` is `неприятелите`),
            // asked of the line's language (a whatlang call) only for such a
            // word where the lesser gain decides.
            let phonetic_word =
                |to: &str| is_phonetic_layout(to) && typed.chars().any(is_phonetic_telltale);
            let bulgarian_phonetic = c.layouts.is_some_and(|(_, to)| {
                to == "bg-phonetic" && line.dominant == Sc::Cyrillic && phonetic_word(to)
            });
            let mut gain = match c.layouts {
                Some((_, to)) if line.serbian && to == "rs" && phonetic_word(to) => PHONETIC_GAIN,
                _ => 2.0,
            };
            // (The best reading of the script bounds the language's: most
            // re-typings fail on it without another look.)
            let (Some(lang), Some((typed, shape_floor))) = (lang, typed_plausibility) else {
                continue;
            };
            // A re-typing that a lexicon of its layout's language lists, on
            // a layout of the line's language, with no key swallowed at its
            // edges, is a word whatever the bigram model makes of its
            // letters: it need not read like the language, only better than
            // the word as typed (`fm[rr` is `опции` on the Bulgarian layout,
            // `afqkf` `файла` in a Ukrainian line, `Xejms` `Џејмс` in a
            // Serbian one). A word only another language lists (`re[b` is
            // `кухи`, Bulgarian, typed on ЙЦУКЕН in a Russian line) still
            // must.
            let (swallowed, to) = (c.swallows_punct, c.layouts.map(|(_, to)| to));
            let listed_here = || {
                swallowed == 0
                    && zipf_ext(lang, lower).is_some()
                    && to.is_some_and(|to| line.language(sc).is_some_and(|l| layout_serves(to, l)))
            };
            let reads_floor = |reads: f32| reads < -3.0 && (oov || !listed_here());
            if reads_floor(reads) || reads - typed < gain.min(PHONETIC_GAIN) {
                continue;
            }
            let Some(model) = bigrams(lang) else {
                continue;
            };
            let reads = model.score(lower);
            if reads_floor(reads) || reads - typed < gain.min(PHONETIC_GAIN) {
                continue;
            }
            if reads - typed < gain {
                // A word of the line's language that some lexicon lists is
                // evidence of its own: it needs to read only as much better
                // than the word as typed as an unlisted one must at the
                // gate (`n'rcn`, whose apostrophe reads like an English
                // one, is `тэкст` on the Belarusian layout in a Belarusian
                // line). Not on layouts that transliterate, where a word
                // re-types into its own transliteration (`агентин` on the
                // Serbian one is `agentin`), which reads as well as the
                // word; and only for a word typed on its script's commonest
                // layout, for a layout of the line's language: rivals typed
                // on rarer ones (`mduej` is `пакет` on the Bulgarian layout
                // typed from QWERTY, `макет` from AZERTY) would rise with it.
                // Nor for a span with letters glued to it, which would be
                // left half repaired (`rp/,dkrje`, `избраните`, must not
                // come out `грбраните`).
                let glued = || {
                    let before = line.text.get(..c.start).and_then(|t| t.chars().next_back());
                    let after = line.text.get(c.end..).and_then(|t| t.chars().next());
                    [before, after]
                        .into_iter()
                        .flatten()
                        .any(letters::is_alphabetic)
                };
                let listed_of_line = || {
                    !oov && reads - typed >= RETYPE_GAIN
                        && !glued()
                        && c.layouts.is_some_and(|(from, to)| {
                            layout_rarity(from) == 0.0
                                && !transliterates(from)
                                && !transliterates(to)
                                && line.language(sc).is_some_and(|l| layout_serves(to, l))
                        })
                };
                if bulgarian_phonetic && line.language(Sc::Cyrillic) == Some("bg") {
                    gain = PHONETIC_GAIN;
                } else if listed_of_line() {
                    gain = RETYPE_GAIN;
                } else {
                    continue;
                }
            }
            let handicap = -f32::from(c.swallows_punct);
            // The layout typed on keeps its odds: a Bulgarian line typed on
            // AZERTY is rarer than on QWERTY (`;,cikfjf` is `мръсното`, not
            // `;пъсното`).
            let typed_on = c.layouts.map_or(0.0, |(from, _)| layout_rarity(from));
            // A re-typed word no lexicon knows still wins when it reads like
            // its language and the word as typed reads like nothing at all
            // (lexicons hold 20,000 words; Belarusian ones only short forms).
            // So does one that only another language's lexicon lists
            // (`разметку` is a Belarusian form too, but not in the Russian
            // list): that listing is no reason to rank it lower. Capped
            // below a common lexicon word: shape is weaker evidence than
            // the word itself.
            if oov || zipf_ext(lang, lower).is_none() {
                if !shape_floor {
                    continue;
                }
                c.score = c
                    .score
                    .max(handicap + capital - typed_on + 3.0 + (reads - typed - gain).min(0.5));
                if let Some((_, notes)) = why_of.last_mut() {
                    notes.push(Note::ReadsAs(lang, reads, typed));
                }
            } else if shape_floor || c.swallows_punct == 0 {
                // A word of the layout's own language that reads so, re-typed
                // from a word that reads like nothing, is stronger evidence
                // still: it ranks above every spelling that only reads well
                // (`dytiy..` is `внешнюю`).
                let floor = handicap + capital - typed_on + KNOWN_RETYPE;
                if floor > c.score {
                    c.score = floor;
                    if let Some((_, notes)) = why_of.last_mut() {
                        notes.push(Note::AWord(lang, reads, typed));
                    }
                }
            }
        }
        // A spelling a lexicon, the document or the user knows outranks
        // unattested ones that only read well: `Хоча` for `{jxf` against
        // `оча` for `jxf` is a word against a guess. (Not one that would
        // leave letters of its token in the other script, which the judge
        // never takes ([`leaves_mixed_token`]): `support` for the letters
        // before `2ы` of `ыгззщке2ы` is half a repair, no rival of
        // `supportés`, AZERTY's `é` on `2`.)
        let known_word = candidates.iter().enumerate().any(|(i, c)| {
            !shape_only.contains(&i) && c.score >= 3.0 && !leaves_mixed_token(line.text, c)
        });
        if known_word {
            for &i in &shape_only {
                if let (Some(c), Some((_, notes))) = (candidates.get_mut(i), why_of.get_mut(i)) {
                    c.score -= 1.5;
                    notes.push(Note::KnownCompetes);
                }
            }
        }
        // Spellings that won on shape alone are judged against each other by
        // how likely their letters are: `скапіраваць` against `скапіраваяж`
        // is a log-likelihood ratio, not a tie.
        // (A re-typing for a language the line's letters rule out, `by` in
        // a line with `є`, sets no yardstick: `Апаратній` does not make
        // `Апаратний` look unlikely.)
        let possible = line.possible_languages(Sc::Cyrillic);
        let ruled_out = |c: &Candidate| {
            c.layouts.is_some_and(|(_, to)| {
                let lang = layout_language(to);
                sc_of_language(lang) == Some(Sc::Cyrillic) && !possible.contains(&lang)
            })
        };
        // (Nor does a re-typing that would leave a mixed token: `в4йгекуы`
        // re-typed from `й` on.)
        // For a word wholly in another script (`script` given), rivals are
        // the spellings of the same keys: a re-typing of a longer span of
        // its chunk sums more letters' log-probabilities, so against a
        // shorter one its total says nothing of its letters (`;,cikfjf`,
        // `мръсното`, is no less likely than `cikfjf`, `ъсното`; `[b,yscnm`
        // is `хибність`, not less likely than `b,yscnm`). (A mixed word's
        // spans, `script` None, are its own letters read apart or together:
        // there every candidate is a rival, `элекnропитание` is judged so.)
        // (Which candidates set a yardstick is asked once each.)
        let yardsticks: Vec<Option<(usize, usize, f32)>> = if shape_only.is_empty() {
            Vec::new()
        } else {
            reads_total
                .iter()
                .zip(candidates.iter())
                .map(|(r, c)| {
                    (!ruled_out(c) && !leaves_mixed_token(line.text, c))
                        .then_some((c.start, c.end, r.0))
                })
                .collect()
        };
        let rivals = |i: usize| {
            let at = candidates.get(i).map(|c| (c.start, c.end));
            yardsticks
                .iter()
                .flatten()
                .filter(|&&(start, end, _)| script.is_none() || Some((start, end)) == at)
                .map(|&(.., total)| total)
                .fold(f32::NEG_INFINITY, f32::max)
        };
        let best: Vec<f32> = shape_only.iter().map(|&i| rivals(i)).collect();
        for (&i, &best_reads) in shape_only.iter().zip(&best) {
            if let (Some(c), Some(&(total, _)), Some((_, notes))) =
                (candidates.get_mut(i), reads_total.get(i), why_of.get_mut(i))
            {
                let gap = (best_reads - total).max(0.0);
                if gap > 0.0 && gap.is_finite() {
                    // The bigram model is a crude judge of one letter:
                    // a quarter point per nat, two points at most.
                    c.score -= (0.4 * gap).min(2.0);
                    notes.push(Note::Nats(gap));
                }
            }
        }
        // Whether any spelling on offer is a known word, however it scored
        // (not one only languages the line rules out list: `синтаксису`,
        // Ukrainian, is no known word against the lookalike spelling
        // `синтаксисе` in a line whose `ё` leaves Russian or Belarusian).
        let known_any = (0..candidates.len())
            .any(|i| !shape_only.contains(&i) && !listed_elsewhere.contains(&i));
        // Only candidates that clear `keep` go on; and, as the line's
        // language below only lowers a re-typing's score, one that already
        // falls short of what the caller will take is dropped before the
        // language is asked for (a whatlang call). Their words are written
        // out only for those that go on (formatting the numbers of every
        // candidate that clears `keep` cost more than scoring them).
        let goes_on: Vec<bool> = candidates
            .iter()
            .map(|c| c.score > keep && (c.kind != ChangeKind::KeyboardLayout || layout_floor(c)))
            .collect();
        for ((c, (at, notes)), _) in candidates
            .iter_mut()
            .zip(&why_of)
            .zip(&goes_on)
            .filter(|(_, &on)| on)
        {
            c.why = seen
                .get(*at)
                .and_then(|&(.., (lexical_at, read_as))| {
                    let (_, lexical) = lexicals.get(lexical_at)?;
                    Some(Self::evidence_of(lexical, read_as).1)
                })
                .unwrap_or_default();
            for note in notes {
                note.write_to(&mut c.why);
            }
        }
        let mut on = goes_on.iter();
        candidates.retain(|_| on.next().copied().unwrap_or(false));
        // The Cyrillic languages the line's letters allow.
        let possible = if candidates.is_empty() {
            &[]
        } else {
            line.possible_languages(Sc::Cyrillic)
        };
        // Whether the line's letters leave `lang` the only language of `sc`
        // it can be (`ї` is Ukrainian only, `ў` Belarusian, `ђ` Serbian): a
        // language told by its alphabet, not guessed from its words (a
        // Serbian line whose only `ј` was typed Latin reads as Bulgarian).
        let settled =
            |sc: Sc, lang: &str| matches!(line.possible_languages(sc), [only] if *only == lang);
        // Spans a re-typing fills with a word of the line's own language,
        // where its letters settle it (what a lookalike spelling that only
        // another language lists competes with); and with `favoured`, also
        // where a short line's lexicons list more of its words in that
        // language than in any other its letters allow
        // ([`Line::lexicons_favour`]; what a re-typing of the same keys
        // into another language's word competes with): `файл уже содержит
        // … свойств` is Russian though no letter says so, and `nf,kbws`
        // there is `таблицы`, not `таблиці` (`s` is `ы` on ЙЦУКЕН, `і` on
        // the Ukrainian layout). (Not against a lookalike spelling: `кeш`
        // in a Russian line is `кеш`, which only Bulgarian lists, rather
        // than the listed re-typing `куш`.)
        let own_word_spans_by = |favoured: bool| -> Vec<(usize, usize)> {
            candidates
                .iter()
                .filter_map(|c| {
                    let (_, to) = c.layouts?;
                    let lang = layout_language(to);
                    let sc = script_of(c);
                    (line.language(sc) == Some(lang)
                        && zipf_ext(lang, &lowercase(&c.text)).is_some()
                        && (settled(sc, lang) || (favoured && line.lexicons_favour(sc, lang))))
                    .then_some((c.start, c.end))
                })
                .collect()
        };
        let own_word_spans = own_word_spans_by(false);
        let favoured_spans = own_word_spans_by(true);
        // Whether the spelling `text` of the span `at` is no word the line's
        // language, the user or the document knows, while a re-typing into
        // one of that language competes for the span.
        let outvoted =
            |spans: &[(usize, usize)], at: (usize, usize), text: &str, line_lang: &str| {
                let lower = lowercase(text);
                spans.contains(&at)
                    && zipf_ext(line_lang, &lower).is_none()
                    && !self.user_words.contains(&lower)
                    && context.count(&lower) == 0
            };
        for c in candidates.iter_mut() {
            let Some((_, to)) = c.layouts else {
                // A lookalike respelling should be a word of the line's language.
                if let Some(line_lang) = line.language(script_of(c)) {
                    let (mut score, mut why, oov) =
                        self.evidence(&c.text, script_of(c), Some(line_lang), context);
                    // One that only another language's lexicon lists
                    // (`виде`, Russian, in a line whose `ї` makes it
                    // Ukrainian) is no word of the line against a re-typing
                    // into one (`виду`).
                    if !oov && outvoted(&own_word_spans, (c.start, c.end), &c.text, line_lang) {
                        why.push_str("; not a word of the line's language, one competes");
                        score = 0.0;
                    }
                    // An unknown lookalike spelling against a spelling some
                    // lexicon knows (`скрирте` against `скрипте`, a Latin
                    // `p` typed on the Serbian layout) is a guess against
                    // a word, however the known one scored.
                    let unknown = if oov && known_any {
                        why.push_str("; a known word competes");
                        -2.5
                    } else {
                        0.0
                    };
                    c.score = score + prior(c.strength) + unknown;
                    c.why = why;
                    c.attested = !oov;
                }
                not_its_alphabet(c, possible);
                continue;
            };
            if let Some(line_lang) = line.language(script_of(c)) {
                // (Nor where a lexicon knows the re-typing and the line's
                // lexicons make the line its layout's language's as much.)
                let served = layout_serves(to, line_lang)
                    || (c.attested
                        && line.lexicons_allow(script_of(c), line_lang, layout_language(to)));
                if !served {
                    // A Russian line was not typed on a Serbian layout.
                    c.score -= 2.0;
                    let _ = write!(
                        c.why,
                        "; the line is {line_lang}, not {}",
                        layout_language(to)
                    );
                    // A re-typing into a word only another language lists
                    // is no word of a line whose letters settle its
                    // language, against a re-typing of the same keys into
                    // one of that language (`ноds` in a Belarusian line is
                    // `новы`, not the Ukrainian `нові`): as the lookalike
                    // spelling above, and as a letter the line's language
                    // does not write.
                    if c.attested && outvoted(&favoured_spans, (c.start, c.end), &c.text, line_lang)
                    {
                        c.score -= ALPHABET_COST;
                        c.why
                            .push_str("; not a word of the line's language, one competes");
                    }
                }
            }
            not_its_alphabet(c, possible);
        }
    }

    /// Candidates for a word that mixes scripts, and the judge's choice.
    fn mixed_word(
        &self,
        line: &Line<'_>,
        index: usize,
        w: &Word,
        original: &str,
        context: &DocumentContext,
    ) -> Option<Edit> {
        if glued_at_case(original) {
            return None;
        }
        let inflected = self.inflected_loanword(line, index, original, context);
        let two_words = two_word_runs(original);
        // Keys of the digit row glued after a French word whose last letters
        // were typed on a Cyrillic layout are AZERTY's `é è ç à` (`exécuе2`
        // is `exécuté`): the word ends after them, and a reading that leaves
        // them glued to its letters (`exécut` and `2`) is none.
        let azerty_tail = {
            let digits = line
                .text
                .get(w.end..)
                .unwrap_or_default()
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            (digits > 0
                && line
                    .text
                    .get(w.start..w.end + digits)
                    .is_some_and(words::azerty_digit_tail))
            .then_some(w.end + digits)
        };
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut exact_lookalikes = false;
        for target in w.scripts() {
            if let Some((_, 2)) = map_lookalikes(original, target) {
                exact_lookalikes = true;
            }
            // An in-word slip re-types the fewer letters to fit the more.
            let most = w.scripts().first().map_or(0, |s| w.count(*s));
            // Lookalikes likewise: respelling most of a word into the script
            // of its odd letters is no repair, unless that is the line's
            // script (`Toвa` in a Spanish line is not Bulgarian `Това`).
            if self.options.homoglyphs && (w.count(target) == most || target == line.dominant) {
                if let Some((text, strength)) = map_lookalikes(original, target) {
                    candidates.push(Candidate::homoglyph(text, strength, w.start, w.end));
                }
            }
            if self.options.keyboard_layouts && w.count(target) == most {
                for source in w.scripts().into_iter().filter(|s| *s != target) {
                    // The key after the word may be a letter too (`меy.` is
                    // `меню`).
                    for (start, end, cost) in
                        edge_spans(line.text, w.start, w.end, (w.start, line.text.len()))
                    {
                        let Some(span) = line.text.get(start..end) else {
                            continue;
                        };
                        // (Room for every layout pair's: the iterator cannot
                        // tell how many it gives, and the list grew one at a time.)
                        candidates.reserve(source.layouts().len() * target.layouts().len());
                        candidates.extend(Candidate::retypings(
                            span,
                            source,
                            target,
                            (start, end),
                            cost,
                        ));
                    }
                    // With the keys of the digit row glued after it that
                    // are AZERTY's `é è ç à` ([`words::azerty_digit_tail`]).
                    if let Some(end) = azerty_tail.filter(|_| source != Sc::Latin) {
                        let span = line.text.get(w.start..end).unwrap_or_default();
                        candidates.extend(
                            Candidate::retypings(span, source, target, (w.start, end), 0)
                                .filter(|c| !c.text.bytes().any(|b| b.is_ascii_digit())),
                        );
                    }
                }
            }
        }
        if let Some(end) = azerty_tail {
            candidates.retain(|c| c.end >= end);
        }
        // A word that mixes scripts reads like no word as it is; but where
        // its odd letters all have lookalikes, the respelling a reader sees
        // is not to be outranked by a re-typing's shape. By a word, it is,
        // unless that respelling is a word too: against `скрирте`, which no
        // lexicon lists, `скриpте` is `скрипте`, a Latin `p` typed on the
        // Serbian layout (a re-typing a lexicon of its layout's language
        // lists, floored as a whole foreign word's is; not one that swallows
        // a key beside the word, `стoi,` as `стоим` against `стои`).
        let lookalike = candidates.iter().any(|c| c.kind == ChangeKind::Homoglyph);
        let known_lookalike = candidates.iter().any(|c| {
            c.kind == ChangeKind::Homoglyph && {
                let lower = lowercase(&c.text);
                c.text
                    .chars()
                    .find_map(sc_of)
                    .is_some_and(|sc| lexicon_lists(sc, &lower))
                    || self.user_words.contains(&lower)
                    || context.count(&lower) > 0
            }
        });
        let mixed_reads = (!known_lookalike).then_some((MIXED_READS, !lookalike));
        drop_inner_stop_leavers(line.text, &mut candidates);
        // A German line writes its compounds as one word (asked only where
        // a re-typing is meant for German, of a word mostly in Latin). The
        // compound reading is credit only a re-typing gets, so it is fair
        // only where no lookalike respelling of the word reads as a word:
        // when one is listed, or reads as a compound or a listed word's
        // form ([`reads_as_german_compound`]: `Multibуte` is
        // `multi`+`byte`, `Syntаxfehler` `syntax`+`fehler`), a re-typing
        // that reads only as a compound (`multi`+`bete`) gets none, and the
        // judge weighs them as before it had compounds. (Crediting the
        // lookalike respelling's compound too did worse: one read so is
        // no longer judged by its letters, and lost 26 more of 2,500
        // lookalike repairs of real German catalogue lines.) Nor where a
        // re-typing for German is a listed word: a compound is a guess
        // beside it, and a close one leaves the word as typed
        // (`Eigenschaае` is `Eigenschaft`, not `eigen`+`schade`).
        let german_line = line.dominant == Sc::Latin
            && line.mostly_dominant
            && !known_lookalike
            && candidates
                .iter()
                .any(|c| c.layouts.is_some_and(|(_, to)| layout_language(to) == "de"))
            && line.language(Sc::Latin) == Some("de")
            && !candidates.iter().any(|c| {
                c.kind == ChangeKind::Homoglyph && reads_as_german_compound(&lowercase(&c.text))
            })
            && !candidates.iter().any(|c| {
                c.layouts.is_some_and(|(_, to)| layout_language(to) == "de")
                    && zipf_ext("de", &lowercase(&c.text)).is_some()
            });
        self.score_candidates(
            line,
            &mut candidates,
            None,
            original,
            |strength| match strength {
                2 => 3.0,
                1 => 0.5,
                // When every foreign letter is an exact lookalike, that
                // explains the word as well as a slip does.
                _ if exact_lookalikes => 0.0,
                _ => MIXED_LAYOUT_PRIOR,
            },
            UNKNOWN_MIXED,
            mixed_reads,
            context,
            |_| true,
            match (german_line, exact_lookalikes) {
                (false, _) => Compounds::Off,
                (true, true) => Compounds::Listed,
                (true, false) => Compounds::WithStems,
            },
            false,
            None,
        );
        if two_words {
            // Two word-sized runs are one word only when a candidate makes
            // a known word of the whole (`приdtn` is `привет`; `bfdиме`
            // re-typed is nothing).
            candidates.retain(|c| {
                let lower = lowercase(&c.text);
                c.text
                    .chars()
                    .find_map(sc_of)
                    .is_some_and(|sc| sc.languages().iter().any(|l| zipf_ext(l, &lower).is_some()))
            });
        }
        // An acronym of three letters or fewer (see `foreign_word`) mixing
        // scripts is a guess between them where no lexicon, the document or
        // the user knows its lookalike respelling: `EЕТ`, the time zone
        // `EET` in a Bulgarian line, is no `ЕЕТ`. Letters no language
        // writes (`ІЅC`) still say it is a spoof.
        if w.letters() <= 3 && original.chars().all(|c| !c.is_lowercase()) {
            candidates.retain(|c| {
                c.kind != ChangeKind::Homoglyph
                    || original.chars().any(is_exotic_lookalike)
                    || c.attested
            });
        }
        // A Latin word with an ending of the line's language glued on
        // (`Windowsы`, `driverів`, `Gitа`) is a loanword inflected, not a
        // slip or a spoof, though its last letters re-type (`Windowss`,
        // `servers`) or respell (`Gita`) into Latin: it stays unless the
        // document or the user writes the repair, or the English lexicon
        // lists the repair as a word as common as the stem or more (`codе`
        // is `code`, not `cod` inflected; `serverы` is no `servers`), or,
        // for a stem that is only capitalised, lists it at all (`Oraclу` is
        // `Oracle` typed with its `e` on ЙЦУКЕН; the Latin words of
        // Cyrillic text are English ones, and `Perlа` is no Spanish
        // `Perla`).
        // (Not an English inflection of the stem, `s`, `es`, `d`, `ed` or
        // `ing`: `issueы` and `techniqueі` are no `issues`, `techniques`,
        // their endings sitting on the keys of English ones.)
        if let Some((stem_zipf, stem)) = inflected {
            candidates.retain(|c| {
                let lower = lowercase(&c.text);
                let english_inflection = stem_zipf > 0.0
                    && lower
                        .strip_prefix(stem.as_str())
                        .is_some_and(|rest| matches!(rest, "s" | "es" | "d" | "ed" | "ing"));
                self.user_words.contains(&lower)
                    || context.count(&lower) > 0
                    || (!english_inflection
                        && zipf_ext("en", &lower).is_some_and(|z| z >= stem_zipf))
            });
        }
        // A word of the line's own script is likelier than one of the
        // script its few odd letters belong to (`Toвa` in a Spanish line is
        // `Toda`, not Bulgarian `Това`).
        for c in &mut candidates {
            let sc = c.text.chars().find_map(sc_of);
            if line.mostly_dominant && sc.is_some_and(|s| s != line.dominant) {
                c.score -= 2.0;
                let _ = write!(c.why, "; not the line's script");
            }
        }
        // A word written half in each script whose half in the other
        // script is a layout slip, re-typed into a word of the line's
        // language that its lexicon lists (`coву` in an English line is
        // `code`, its last two keys typed on ЙЦУКЕН): its lookalike
        // respelling into the other script (`сову`) is a guess against that
        // word and counts half. Not where no re-typing of the odd half is a
        // listed word of the line: `hоmе` in a Russian line is `home` (its
        // Latin half re-typed is `роье`, nothing).
        if line.mostly_dominant && Self::half_retyped_into_the_line(line, w, &candidates) {
            for c in &mut candidates {
                if c.kind == ChangeKind::Homoglyph
                    && c.text
                        .chars()
                        .find_map(sc_of)
                        .is_some_and(|s| s != line.dominant)
                {
                    c.score -= std::f32::consts::LN_2;
                    let _ = write!(c.why, "; a listed re-typing of its other half competes");
                }
            }
        }
        // A word that mixes scripts is no reading of itself: when the best
        // reading is a re-typing, whose keys explain every odd letter,
        // leaving the word counts for less than nothing.
        let best_is_layout = candidates
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .is_some_and(|c| c.kind == ChangeKind::KeyboardLayout);
        let keep = if best_is_layout {
            UNKNOWN_MIXED - MIXED_RETYPE_KEEP_OFF
        } else {
            UNKNOWN_MIXED
        };
        // Where that re-typing is a word some lexicon, the document or the
        // user knows, a rival spelling none of them knows is a guess
        // against a word (`сcпрузи` on the Bulgarian layout is `съпрузи`;
        // its lookalike respelling `сспрузи` is nothing): it counts half in
        // the confidence. (Against an unknown re-typing, an unknown rival
        // keeps its full weight: two guesses; unless the best is a slip
        // into the line's script of letters after the word's first, on
        // layouts that do not transliterate, and the rival is typed on a
        // rarer pair of layouts, a guess less likely than the best one as
        // well: `Сакаjd` is `Саката` on BDS, against `Сакайд` on the
        // phonetic layout; `визначатиметьcz` `визначатиметься` on QWERTY,
        // against `визначатиметьсн` on QWERTZ. Not a Latin word with a
        // Cyrillic ending re-typed away from a Cyrillic line, `Photoshopы`,
        // nor a letter glued before a word, `nизгледане`.)
        if best_is_layout {
            let starts_in_line = original
                .chars()
                .find(|c| letters::is_alphabetic(*c))
                .and_then(sc_of)
                == Some(line.dominant);
            let best = candidates
                .iter()
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .map(|c| {
                    // The best's pair of layouts, where it is such a slip
                    // into the line (a layout candidate always has one).
                    let into_line = starts_in_line
                        && line.mostly_dominant
                        && c.text.chars().find_map(sc_of) == Some(line.dominant);
                    let pair = c
                        .layouts
                        .filter(|(from, to)| {
                            into_line && !transliterates(from) && !transliterates(to)
                        })
                        .map(layout_prior);
                    (c.text.clone(), c.attested, pair)
                });
            for c in &mut candidates {
                let Some((text, attested, pair)) = &best else {
                    break;
                };
                let rarer = || {
                    c.kind == ChangeKind::KeyboardLayout
                        && pair
                            .zip(c.layouts)
                            .is_some_and(|(best, layouts)| layout_prior(layouts) < best)
                };
                if !c.attested && *text != c.text && (*attested || rarer()) {
                    c.score -= std::f32::consts::LN_2;
                }
            }
        }
        judge(line.text, candidates, keep, "mixes scripts")
    }

    /// Whether a re-typing of `w` alone (no key beside it swallowed) into
    /// the line's script is a word a lexicon of the line's language lists,
    /// on a layout of that language, neither layout one that transliterates
    /// (`ПOЛE` in a French line is no `POLE` typed on the Serbian layout),
    /// while a lookalike respelling into the other script competes (see
    /// [`MixedScript::mixed_word`]).
    fn half_retyped_into_the_line(line: &Line<'_>, w: &Word, candidates: &[Candidate]) -> bool {
        let retyped = |c: &&Candidate| {
            c.kind == ChangeKind::KeyboardLayout
                && c.attested
                && c.swallows_punct == 0
                && (c.start, c.end) == (w.start, w.end)
                && c.text.chars().find_map(sc_of) == Some(line.dominant)
        };
        let away = |c: &Candidate| {
            c.kind == ChangeKind::Homoglyph
                && c.text
                    .chars()
                    .find_map(sc_of)
                    .is_some_and(|s| s != line.dominant)
        };
        if !candidates.iter().any(away) {
            return false;
        }
        candidates.iter().filter(retyped).any(|c| {
            c.layouts.is_some_and(|(from, to)| {
                let lang = layout_language(to);
                !transliterates(from)
                    && !transliterates(to)
                    && zipf_ext(lang, &lowercase(&c.text)).is_some()
                    && line
                        .language(line.dominant)
                        .is_some_and(|l| layout_serves(to, l))
            })
        })
    }

    /// Whether `original`, the word at `index` of a line more of whose
    /// letters are Cyrillic than of any other script (though less of its
    /// text may be: in `Направи у Ethernetе _фасцикли:` the menu
    /// accelerator's word counts as no text), reads as a Latin word
    /// inflected in the line's language: a Latin run of three letters or
    /// more, then a lower-case Cyrillic run that is a
    /// case ending of a language the line's letters allow
    /// ([`is_case_ending`]), with no Latin word beside it (in a Latin phrase
    /// quoted in the line, `Open Filе`, a lookalike is a spoof), and whose
    /// stem is known or a name: the stem's zipf where the English lexicon
    /// lists it, its 20,000 commonest words or the extended list
    /// (`Windowsы`, `driverів`, `pluginаў`: the Latin words Cyrillic text
    /// inflects are English ones, and `tenuку` is `tenure`, not French
    /// `tenu`; a rare stem loses to a commoner repair, `shoку` is `shore`,
    /// see [`MixedScript::mixed_word`]); infinity where only the user or
    /// the document knows it; 0
    /// where it is only capitalised, a name (`Oracleаў`, `iPhoneа`); each
    /// with the stem in lower case. `None` where the word is no such
    /// reading.
    fn inflected_loanword(
        &self,
        line: &Line<'_>,
        index: usize,
        original: &str,
        context: &DocumentContext,
    ) -> Option<(f32, String)> {
        if line.dominant != Sc::Cyrillic {
            return None;
        }
        let [(Sc::Latin, stem), (Sc::Cyrillic, ending)] = two_script_runs(original)? else {
            return None;
        };
        if stem.len() < 3 || ending.len() > 3 || !ending.iter().all(|c| c.is_lowercase()) {
            return None;
        }
        let ending: String = ending.iter().collect();
        if !line
            .possible_languages(Sc::Cyrillic)
            .iter()
            .any(|l| is_case_ending(l, &ending))
            || latin_word_beside(line, index)
        {
            return None;
        }
        let stem: String = stem.iter().collect();
        let lower = lowercase(&stem);
        if let Some(z) = zipf_ext("en", &lower) {
            return Some((z, lower));
        }
        if self.user_words.contains(&lower) || context.count(&lower) > 0 {
            return Some((f32::INFINITY, lower));
        }
        let named = stem.starts_with(char::is_uppercase) || has_inner_capital(&stem);
        named.then_some((0.0, lower))
    }

    /// Candidates for a word written wholly in another script than its line.
    fn foreign_word(
        &self,
        line: &Line<'_>,
        index: usize,
        w: &Word,
        original: &str,
        context: &DocumentContext,
    ) -> Option<Edit> {
        let source = w.single()?;
        let target = line.dominant;
        // A word with a key between its letters that is never punctuation
        // there (`ograni;ewa`) is no word of its script at all: options and
        // paths quoted in the line (`--from-file`) then say nothing of it,
        // and the line's text alone must be of the other script; it may
        // only be re-typed, into a listed word (below).
        // (Each run of letters between the keys must be three letters or
        // more: `k`n`, `B,j`, `k`dst` are identifiers and abbreviations,
        // not a word with a key typed in it.)
        let keyed_letters = !line.mostly_dominant
            && line.text_mostly_dominant
            && source == Sc::Latin
            && keys::key_between_letters(original)
            && original
                .split(|c: char| !letters::is_alphabetic(c))
                .all(|run| run.chars().count() >= 3);
        // So is a Latin word holding keys the Serbian layout fills unlike
        // their Latin namesakes (`q w x y`: `љ њ џ з`) in a line whose
        // letters settle Serbian (`ђ ћ џ љ њ ј`): Serbian Latin writes no
        // such letter, so the word is no Serbian Latin spelling, and the
        // line's Latin options, quoted names and its own letters (`root`
        // and `brisawe` in `Датотека „root“ није за brisawe`) say nothing
        // of it.
        // The line must hold as many words of its script as Latin ones,
        // and the word may only be re-typed into a listed word (below).
        let serbian_keys = !line.mostly_dominant
            && line.serbian
            && source == Sc::Latin
            && target == Sc::Cyrillic
            && original.chars().any(|c| matches!(c, 'q' | 'w' | 'x' | 'y'))
            && line.words_of(Sc::Cyrillic) >= line.words_of(Sc::Latin);
        // So is a word of four letters or more alone in its script in a
        // line whose other words are all of the other script, two of them
        // at least: a long word typed on the wrong layout tips a short
        // line's letters (`файл: jncencndetn имя файла` is `отсутствует`,
        // `штмфдшв operand of ()+` `invalid`), and says nothing of its own
        // script by that. It too may only be re-typed into a listed word, and not on
        // a layout that types its own transliteration (below). (Not a word
        // in capitals: `АДМИН` beside `--administrators` is a placeholder
        // translated, not a slip.)
        let tipping = !line.mostly_dominant
            && source != target
            && w.letters() >= 4
            && original.chars().any(char::is_lowercase)
            && alone_in_its_script(line, index, source, target);
        // So is a long word (six letters or more, not in capitals) in a
        // line whose other letters are mostly (60%) of the other script:
        // the slip's own letters, not the line's, tip the share, and the
        // other words of its script (a path, a program's name: `Debian
        // предоставляет ljgjkybntkmyst команды`, `полезной ljrevtynfwbb в
        // каталоге /usr/share/doc`) may stand beside it. It is judged as a
        // tipping word is (below): re-typed into a listed word only.
        let outweighed = !line.mostly_dominant
            && source != target
            && w.letters() >= OUTWEIGHED_LETTERS
            && original.chars().skip(1).all(|c| !c.is_uppercase())
            && line.words_of(target) >= 2
            && line.mostly_dominant_without(w);
        let tipping = tipping || outweighed;
        let keyed_letters_of_their_own = keyed_letters || serbian_keys;
        let keyed_letters = keyed_letters_of_their_own || tipping;
        if source == target || (!line.mostly_dominant && !keyed_letters) {
            return None;
        }
        if target != Sc::Latin && source == Sc::Latin && is_roman_numeral(original) {
            return None;
        }
        // Letters no language of their script writes (`ԁ һ ӏ ѕ ү` in
        // `ԁһсрԁ`) are there to look like another script's letters. But
        // Kazakh, Mongolian and Tatar write `ү` ([`words::spoof_only_letter`]
        // leaves it out): a word whose only such letter it is makes a
        // spoof only where its lookalike reading is a word the lexicons,
        // the document or the user know (`Тһеү`, `ԝаү`); otherwise it is
        // judged as any word of its script (`Хүүраар`, a river, and `ТҮК`
        // in English lines are no `Xyypaap`, `TYK`).
        let exotic = original.chars().any(words::spoof_only_letter)
            || (original.chars().any(is_exotic_lookalike)
                && self.lookalike_reading_known(original, target, context));
        // A quoted literal (`«F»`, `'no'`) is left, unless such letters
        // make it a spoof (`«ѕԝар»`).
        if is_quoted(line.text, w.start, w.end) && !exotic {
            return None;
        }
        if w.letters() == 1 {
            // A one-letter word in another script is a label, variable or
            // option value ("Appendix E", "n (near copies)") more often than
            // a spoofed preposition.
            return None;
        }
        // Cheap tests first: most foreign words (brand names, acronyms,
        // quotations) can be neither a lookalike spelling nor a layout slip.
        // An acronym (`GNU`, `PC`) is far likelier than a slip typed with
        // Caps Lock on; and a word in capitals is an acronym or a name
        // (`TYPE`, `MAME` in a Ukrainian line) rather than a lookalike,
        // unless the line writes words of its own script in capitals:
        // placeholders (`ДАТОТЕКУ`, `НАЗИВ`: four letters or more, not
        // acronyms like `ФТП`) make a capitalised lookalike (`BPCTE`) one
        // of them. Three letters or fewer are an acronym whatever the line,
        // but for a Cyrillic or Greek word of three in a Latin line that no
        // lexicon of its script lists ([`unlisted_caps_in_latin`]): those
        // scripts' acronyms are rare in Latin text and the ones in use are
        // listed (`НАТО`, `СССР`), so beside the line's own words in
        // capitals it is one of them respelled (`PRIMARY ΚΕΥ`, `ΝΟΤ
        // NULL`); its respelling must still be a common short word (below).
        let acronym = original.chars().all(|c| !c.is_lowercase());
        let short_caps_spoof =
            w.letters() == 3 && unlisted_caps_in_latin(original, source, target, w.letters());
        // A Latin acronym respelled in capitals of another script (`ТСР` in
        // a Latin line, [`latin_acronym_spelt`]) is no acronym of its own
        // script but a spoof, judged as one with exotic letters is.
        // (So is one in the mixed case of a Latin acronym: `КіВ` is `KiB`.)
        let listed_acronym = target == Sc::Latin
            && (acronym || inner_capital(original))
            && !exotic
            && latin_acronym_spelt(original, source, target, w.letters());
        let spoof = exotic || listed_acronym;
        let lone_acronym = acronym
            && !spoof
            && ((w.letters() <= 3 && !short_caps_spoof) || !line.has_capitalised_word(target))
            && !spoofed_capitals(line, w, original, source, target);
        // (A word that tips its line's letters is otherwise only re-typed,
        // `tipping` above; one with letters few languages write and none
        // of polynorm's Cyrillic ones ([`words::spoof_only_letter`]: not
        // `ү`, which Kazakh, Mongolian and Tatar write) is a spoof however
        // much of a short line it is: `Еѕрасеѕ de nom de Git`, `Аӏіаѕ für
        // -j, --jobs.`.)
        let spoof_only = || original.chars().any(words::spoof_only_letter);
        let homoglyph_possible = self.options.homoglyphs
            && (!keyed_letters || (!keyed_letters_of_their_own && spoof_only()))
            && !lone_acronym
            && original
                .chars()
                .all(|c| sc_of(c) != Some(source) || lookalike(c, target).is_some());
        // A Cyrillic or Greek word in a Latin line is rare enough to judge
        // always (`еру` is `the` typed on ЙЦУКЕН, and its vowels look normal).
        // A two-letter Latin word between two Greek or Cyrillic words (or a
        // three-letter one between two Greek words) that the layout
        // re-types into one of the language's commonest words (`na` is
        // `να`, `yt` is `не`, `den` is `δεν`): a particle typed on QWERTY.
        let particle = particle_slip(original, source, target)
            && [index.checked_sub(1), Some(index + 1)]
                .into_iter()
                .all(|j| {
                    j.and_then(|j| line.words.get(j))
                        .is_some_and(|o| o.single() == Some(target))
                });
        // A Latin word the Bulgarian phonetic layout types one of
        // Bulgarian's commonest words with, in a Bulgarian line
        // ([`bulgarian_line_slip`]), alone in its script: Serbian Latin's
        // listing of it (`ili`) is no word of the line. (Beside a Latin
        // word it is part of a Latin phrase, `ili ne`, `dobre den`.)
        let bulgarian = source == Sc::Latin
            && target == Sc::Cyrillic
            && self.options.keyboard_layouts
            && bulgarian_line_slip(line.text, w.start, original)
            && !latin_word_beside(line, index)
            && line.language(Sc::Cyrillic) == Some("bg");
        let layout_possible = self.options.keyboard_layouts
            && (!acronym
                || caps_slip_shape(original, w.letters())
                || unlisted_caps_in_latin(original, source, target, w.letters()))
            && w.letters() >= 2
            && (source != Sc::Latin
                || word_verdict(line.text, w, source, target, line.serbian).layout
                || (target == Sc::Greek && common_retyping(original, source, target))
                || particle
                || bulgarian);
        if !homoglyph_possible && !layout_possible {
            return None;
        }
        let lower = lowercase(original);
        // Words of the same script around it make a genuine foreign phrase likely.
        // A foreign phrase is contiguous: only the words right before and
        // after count (a brand elsewhere in the line does not make `To` in a
        // Greek sentence English), and not across a bracket (`(rescue) toy`
        // in a Greek sentence is `του`).
        let same_script_neighbours = [index.checked_sub(1), Some(index + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| line.words.get(j))
            // (A one-letter word standing apart is a variable or a label,
            // `N` in `са N бајтова`: it makes no phrase.)
            .filter(|o| {
                o.single() == Some(source)
                    && (o.letters() >= 2 || !stands_apart(line.text, w, o))
                    && !words::is_protected(line.text, o)
                    && !bracket_between(line.text, w, o)
            })
            // Only a common word makes a phrase: `Linux` or `smarthost`
            // next to `To` or `co` does not make them English.
            .filter(|o| {
                line.text.get(o.start..o.end).is_some_and(|t| {
                    let lower = lowercase(t);
                    source
                        .languages()
                        .iter()
                        .any(|l| zipf(l, &lower).is_some_and(|z| z >= 4.5))
                })
            })
            .count();
        let target_words = line.words_of(target);
        // A piece of a word the Bulgarian layout types with `б` on `/`
        // (`of` of `of/,f`, `добро`) is no word of its own, and the letters
        // glued to it by the slash are no phrase around it.
        // So is a piece of a word typed on a Cyrillic layout with AZERTY
        // meant, split by a key of the digit row (`к` and `ыщдг` of
        // `к2ыщдг`, `résolu`).
        let azerty_word = words::azerty_digit_word_around(line.text, w);
        // Such a word is judged once, by its longest piece (the first of
        // those as long): a re-typing from any piece covers it all, and a
        // short piece's doubtful one would stand in the way of the rest.
        if let Some((start, end)) = azerty_word {
            let longest = line
                .words
                .iter()
                .filter(|o| o.start >= start && o.end <= end)
                .max_by_key(|o| (o.letters(), std::cmp::Reverse(o.start)));
            if longest.is_some_and(|o| o.start != w.start) {
                return None;
            }
        }
        let semicolon_word = (source == Sc::Latin)
            .then(|| semicolon_word_around(line.text, w))
            .flatten();
        // So is a word glued after a `;` that opens its chunk
        // ([`semicolon_word_around`]): re-typed with the key or not at all.
        let whole_word = words::bulgarian_slash_word_around(line.text, w)
            .or(azerty_word)
            .or(semicolon_word);
        let piece = whole_word.is_some();
        // A Latin word with a key between its letters that is never
        // punctuation there (`yf;vbnt` of `yf;vbnt Enter`, `нажмите`) is
        // no word of a Latin phrase, whatever stands beside it.
        let keyed_inside = source == Sc::Latin && keys::key_between_letters(original);
        let isolated = (same_script_neighbours == 0 || piece || keyed_inside) && target_words >= 2;

        // (The languages whose words it may be: not Serbian in a
        // Bulgarian line.)
        let own_languages = || {
            source
                .languages()
                .iter()
                .filter(|&&lang| !(bulgarian && lang == "sr"))
        };
        let mut keep_score = if piece {
            0.0
        } else {
            own_languages()
                .filter_map(|lang| zipf(lang, &lower))
                .fold(0f32, f32::max)
        };
        // (The first question to the document of most judged lines: a
        // document of this line alone is indexed from its words.)
        context.index_line(line.text, line.words);
        if context.count(&lower) > 1 {
            keep_score += 3.0;
        }
        if self.user_words.contains(&lower) {
            return None;
        }
        if isolated {
            keep_score -= 2.0;
        } else {
            keep_score += 2.0;
        }
        // A capitalised word inside a sentence is most often a name or a
        // brand (`Mac` in a Russian sentence), not a spoof; one that opens
        // a sentence or follows a colon says nothing by its capital.
        if !opens_sentence(line.text, w.start)
            && original.chars().next().is_some_and(char::is_uppercase)
        {
            keep_score += 1.0;
        }

        // Letters no language of their script writes (`ԁ һ ӏ ѕ ү` in
        // `ԁһсрԁ`) are there to look like another script's letters.
        // (And a Latin acronym respelled, `listed_acronym`.)
        if spoof {
            keep_score -= 4.0;
        }
        // Re-typing a word that is a word as typed (`no` in a Ukrainian line)
        // is a guess too far; one letter is too little to go on.
        // Unless, alone in its script, it is a rare word that re-types into
        // one of the line language's commonest (`Шые`, a Belarusian verb,
        // at the head of a German sentence is `Ist`; `toy` in a Greek one
        // is `του`). (A piece of a word typed with the Bulgarian `/`, `of`
        // of `of/,f`, is no word as typed.)
        let real_word = own_languages()
            .filter_map(|lang| zipf(lang, &lower))
            .any(|z| z >= 2.5)
            && !(isolated && common_retyping(original, source, target))
            && !particle;
        // (Nor, alone in its script, a rare word that re-types with a key
        // glued to it into one of the commonest words: `uc;` is `към`.)
        let real_word = real_word
            && !piece
            && !(isolated
                && edge_keyed_shape(line.text, w)
                && edge_key_retyping(
                    line.text,
                    w,
                    &chunk_spans(line.text, w, source),
                    (source, target),
                ));
        // An isolated word that reads like nothing in its own script leaves
        // little room for "something else".
        // (A key that is never punctuation between two letters, `;` of
        // `proikism;enoi`, makes it read like nothing, as a mix of scripts
        // does.)
        let typed = if keys::key_between_letters(original) {
            MIXED_READS
        } else {
            typed_plausibility(original, source)
        };
        // So does an isolated lower-case word no lexicon of its script
        // knows (`ctnrb` in a Belarusian line): no language claims it.
        // (A capital that only starts the sentence claims nothing either.)
        // Nor does Serbian Latin claim a word of a Bulgarian line
        // ([`bulgarian_line_slip`], whose word no other Latin lexicon
        // lists): Serbian never writes its `ъ`, and its listing of the
        // phonetic layout's re-typing (`napada`, `turci`, `izraz`) is the
        // Bulgarian word's letter-for-letter spelling, not a word of the
        // line.
        let sentence_start = opens_sentence(line.text, w.start);
        let capitals = original.chars().filter(|c| c.is_uppercase()).count();
        let initial_only = capitals == 1
            && sentence_start
            && original.chars().next().is_some_and(char::is_uppercase);
        let unclaimed = isolated
            && (capitals == 0 || initial_only)
            && (bulgarian || !lexicon_lists(source, &lower))
            && context.count(&lower) <= 1;
        let keep = if spoof && homoglyph_possible {
            // Nothing but a spoof writes `ԁ һ ӏ ѕ` in a Latin line: leaving
            // the word is worth what its (lowered) score says, no floor.
            keep_score
        } else if isolated && (typed < -5.0 || unclaimed || keys::no_vowel_word(original, source)) {
            keep_score.max(UNKNOWN_MIXED)
        } else {
            keep_score.max(UNKNOWN)
        };
        // A word whose candidates the bound below rejected before, in the
        // same chunk and with the same weight of leaving it, is rejected
        // again while the document counts each candidate spelling as it
        // did then (the one thing the bound reads that the key does not
        // hold): its candidates are not listed or bounded again.
        let spans = (layout_possible && !real_word).then(|| {
            let mut spans = chunk_spans(line.text, w, source);
            spans.retain(|&(start, _, _)| !slash_after_typed_word(line, start));
            spans
        });
        let rejection_key =
            (score_bound::enabled() && bound_memo::enabled() && self.user_words.is_empty())
                .then(|| {
                    bound_rejection_key(
                        line.text,
                        w,
                        (source, target),
                        homoglyph_possible,
                        spans.as_deref().unwrap_or_default(),
                        (whole_word, azerty_word.is_some()),
                        keep,
                    )
                })
                .flatten();
        if rejection_key
            .as_deref()
            .is_some_and(|key| bound_rejected_before(key, context))
        {
            score_bound::fired();
            bound_memo::fired();
            return None;
        }
        let mut candidates = Vec::new();
        if homoglyph_possible {
            if let Some((text, strength)) = map_lookalikes(original, target) {
                candidates.push(Candidate::homoglyph(text, strength, w.start, w.end));
            }
        }
        if layout_possible && !real_word {
            // Punctuation keys around the word may be letters too: `.`, `,`,
            // `;`, `[` are `ю б ж х` on ЙЦУКЕН (`k.,k.` is `люблю`,
            // `,elewm` is `будуць`, `ytf,[jlyft` is `неабходнае`).
            for &(start, end, swallowed) in spans.iter().flatten() {
                let Some(span) = line.text.get(start..end) else {
                    continue;
                };
                // (Room for every layout pair's: the iterator cannot
                // tell how many it gives, and the list grew one at a time.)
                candidates.reserve(source.layouts().len() * target.layouts().len());
                candidates.extend(Candidate::retypings(
                    span,
                    source,
                    target,
                    (start, end),
                    swallowed,
                ));
            }
            // A Cyrillic word in capitals in a Latin line, with a letter
            // no Latin letter looks like, that a phonetic layout re-types
            // into its own transliteration (no letter of it off its
            // namesake's key, [`off_namesake_key`]) is a name or a
            // heading written in Cyrillic, not a slip: that would take
            // Caps Lock on and the wrong layout both (`The newspaper ФОЛДЕР
            // reported ...`, `He shouted БАНКИНГ and left`, `АНТИГУА`: 19
            // wrong changes of session 26's caps sweep, the reviewer's
            // count). An all-lookalike word keeps the re-typing, which a
            // lookalike reading would otherwise win unopposed (`ТОМАТО`,
            // `la соја entrada`); so does a word in lower case (`Сеттингс`).
            if source == Sc::Cyrillic
                && target == Sc::Latin
                && acronym
                && map_lookalikes(original, target).is_none()
            {
                candidates.retain(|c| {
                    c.layouts.is_none_or(|(from, _)| {
                        !is_phonetic_layout(from)
                            || line
                                .text
                                .get(c.start..c.end)
                                .is_some_and(|t| t.chars().any(|l| off_namesake_key(from, l)))
                    })
                });
            }
        }
        // A Bulgarian slip ([`bulgarian_line_slip`]) was typed on US
        // QWERTY, the Latin layout both Bulgarian layouts are paired with
        // (the phonetic one puts its letters on QWERTY's namesakes): a
        // re-typing that takes the Latin layout for AZERTY or QWERTZ
        // (`цена` for `cenq`, `зола` for `wolq`, swapping `q a w z y`) is
        // no rival of the QWERTY one (`ценя`, `воля`).
        // And the phonetic layout's rarity among typists
        // ([`layout_rarity`]) is no doubt of it: the line has settled it.
        // (Then a re-typing that leaves a bracket glued to it, `удари[` for
        // `udari[`, is half the slip: that layout's `[` and `]` are `ш` and
        // `щ` ([`leaves_bracket`]).)
        let meant = bulgarian.then_some(("us", "bg-phonetic"));
        if bulgarian {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || (c.layouts.is_some_and(|(from, _)| from == "us")
                        && !leaves_bracket(line.text, c))
            });
        }
        // A piece of such a word is re-typed with the rest of it or not at
        // all (`rp` of `rp/,dkf` is no `из`).
        if let Some((start, end)) = whole_word {
            candidates.retain(|c| c.start <= start && c.end >= end);
        }
        // A re-typing that leaves a key of the digit row a digit glued to
        // its letters (`support2` for `ыгззўке2`, from US QWERTY) reads it
        // as the model code it is not: only AZERTY's letter repairs it
        // (`supporté`).
        if azerty_word.is_some() {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout || !c.text.chars().any(|d| d.is_ascii_digit())
            });
        }
        drop_inner_stop_leavers(line.text, &mut candidates);
        // Most judged words are false alarms of the gate that no candidate
        // can win: a bound of each candidate's score, checked before any
        // scoring (whatlang among it), spares their scoring.
        if score_bound::enabled() {
            // (Room for every candidate's readings at once.)
            let mut memo = BoundMemo {
                shapes: Vec::with_capacity(candidates.len()),
                lexicals: Vec::with_capacity(candidates.len()),
                spans: Vec::new(),
            };
            let may_take = |c: &Candidate, memo: &mut BoundMemo| {
                let at = (original, target, spoof, keep, typed);
                self.foreign_candidate_may_take(line, c, at, meant, context, memo)
            };
            if !candidates.iter().any(|c| may_take(c, &mut memo)) {
                score_bound::fired();
                if let Some(key) = rejection_key {
                    remember_bound_rejection(key, &memo.lexicals);
                }
                return None;
            }
        }
        if Self::left_as_serbian(
            line,
            (index, w),
            original,
            &lower,
            (source, target),
            context,
        ) || glossed(line, original, (source, target))
        {
            return None;
        }
        self.score_candidates(
            line,
            &mut candidates,
            Some(target),
            original,
            foreign_prior,
            keep,
            Some((typed, true)),
            context,
            |c: &Candidate| foreign_word_takes(line.text, c),
            Compounds::Off,
            true,
            meant,
        );
        // A spoof's respelling need not be a listed word (`ԁһсрԁ` is the
        // program `dhcpd`): its letters already say what it imitates.
        candidates.retain(|c| {
            foreign_word_takes(line.text, c) || (spoof && c.kind == ChangeKind::Homoglyph)
        });
        // A short lower-case ASCII word in a Cyrillic line is as often a
        // program's or a format's name (`nawk`, `jhsdb`, `ucfq`, `tomlq`)
        // as a slip, and a re-typing of five letters or fewer that no
        // lexicon lists is judged by the few bigrams of its letters alone,
        // which many such strings pass (`орыви`, `навк`, `гсай`, `томля`).
        // It stands only where it starts as some listed word of its
        // language starts (`сокет`, `патча`, `чата`, `фонов`: unlisted
        // jargon and forms, whose first three letters start `сокол`,
        // `патент`, `чат`, `фон`); and never on a layout that types its
        // own transliteration (`nawk` is `навк`, `tomlq` `томля` on the
        // Bulgarian phonetic one): there an unlisted re-typing is the
        // Latin word spelt in Cyrillic, as likely a name as a slip.
        if short_unlisted_asked(original, source, target) {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || c.attested
                    || c.layouts.is_some_and(|(_, to)| {
                        !transliterates(to) && starts_as_listed(layout_language(to), &c.text)
                    })
            });
        }
        // Cyrillic and Greek write common words in lower case inside a
        // sentence: a Latin word with a capital there is a name (`Tor` in
        // `пакет Tor на рачунар`), and a lookalike spelling that only a
        // lower-case word of the lexicon backs (`тог`, "that") is not it.
        // (Not at the head of a help line's description column, after a
        // column gap ([`after_column_gap`]): that capital opens a text, as
        // `Не` does in `--no-pager          He использовать пейджер`.)
        if matches!(target, Sc::Cyrillic | Sc::Greek)
            && capitals == 1
            && original.chars().next().is_some_and(char::is_uppercase)
            && !sentence_start
            && !after_column_gap(line.text, w.start)
        {
            for c in candidates
                .iter_mut()
                .filter(|c| c.kind == ChangeKind::Homoglyph)
            {
                let lower = lowercase(&c.text);
                if target.languages().iter().any(|l| zipf(l, &lower).is_some()) {
                    c.score -= NAME_CAPITAL;
                    c.why.push_str(
                        "; a listed word with a capital inside a sentence reads as a name",
                    );
                }
            }
        }
        // Far more short strings than long ones spell some listed word by
        // chance: `cp`, the copy command, spells `ср`, an abbreviation, and
        // `ror` a rare Bulgarian word. A lookalike spelling of two or three
        // letters must be one of its language's common words (`со`, `Не`,
        // `The`, `los`), not merely a listed one.
        // A short word of the other script written as a term, beside a
        // format specifier or as a usage placeholder in brackets (`рег: %u`,
        // `[арг ...]`), is as likely a label translated or left so as a
        // spoof.
        if w.letters() <= 3 {
            candidates.retain(|c| {
                c.kind != ChangeKind::Homoglyph
                    || spoof
                    || (common_short_word(
                        &c.text,
                        line.language(target),
                        line.possible_languages(target),
                    ) && !written_as_term(line.text, w.start, w.end))
            });
        }
        // A Latin word in a Cyrillic or Greek line is as often a word of
        // its own (an English word, a term no lexicon lists: `pacy`) as a
        // spoof, and a spoof imitates a word its readers know (`Вор`,
        // `МЕСНА`, `раса`: zipf 3.8 or more in the evaluation's lines). A
        // lookalike spelling the lexicons of the line's possible languages
        // list only as rare ([`LOOKALIKE_READING_ZIPF`]: `расу`, zipf 3.0 in
        // a Russian line) is then no better a reading than the word as
        // written, unless the document or the user spells it, or it is a
        // form of a common word ([`common_stem`]), or a word in capitals
        // that is one with the mark capitals drop (`APXEIO`, `αρχείο`).
        // (Belarusian entries carry no measured frequency: a word its list
        // holds passes. A Cyrillic or Greek word in a Latin line is rare
        // enough to judge as before, and a spelling no lexicon lists is
        // judged by its shape as before.)
        if source == Sc::Latin && target != Sc::Latin && !exotic {
            let possible = line.possible_languages(target);
            candidates.retain(|c| {
                if c.kind != ChangeKind::Homoglyph {
                    return true;
                }
                let lower = lowercase(&c.text);
                let mut listed = possible
                    .iter()
                    .filter_map(|&l| zipf_ext(l, &lower).map(|z| (l, z)))
                    .peekable();
                listed.peek().is_none()
                    || listed.any(|(l, z)| l == "be" || z >= LOOKALIKE_READING_ZIPF)
                    || common_stem(&lower, possible)
                    || (acronym && with_a_mark(&lower, |marked| common_reading(marked, possible)))
                    || context.count(&lower) > 0
                    || self.user_words.contains(&lower)
            });
        }
        // Typed with Caps Lock on, a slip must re-type into a listed word
        // (`PAZWA:` is `ПАЖЊА:`): acronyms read like nothing anyway. So
        // must a keyed word judged in a line whose letters are not mostly
        // of the other script (`ograni;ewa` is `ограничења`; two words glued
        // by a key, `streja;lakirer`, re-type into no word).
        if acronym || keyed_letters {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || c.layouts.is_some_and(|(_, to)| {
                        zipf_ext(layout_language(to), &lowercase(&c.text)).is_some()
                    })
            });
        }
        // A word alone in its script that tips its line's letters
        // (`tipping` above) and re-types on a layout that puts its letters
        // on their namesakes' keys is as likely the other alphabet's
        // spelling of the word (Serbian `alkoholna`), unless it holds a key
        // that layout fills unlike its namesake (`q w x y`: `Mewa` is
        // `Мења`). The same holds the other way: a Cyrillic word that
        // re-types from a phonetic layout is the Cyrillic spelling of what
        // it re-types into (`Антигуа` from the Serbian one is `Antigua`, a
        // name in `Antigua and Barbuda: Антигуа и Барбуда`), unless it
        // holds a letter on such a key ([`off_namesake_keys`]: `Њиндоњ` is
        // `Window`, `Ичпоссибле` AZERTY's `Impossible`). (Not a
        // Greek word from the Greek layout: that one puts `ψ θ ω ξ η` on
        // `c u v j h`, English typed on it spells no Greek (`ψαννοτ` is
        // `cannot`), and a Greek word in a Latin line is spelt in Greek,
        // not letter for letter.)
        if tipping && !keyed_letters_of_their_own {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || c.layouts.is_some_and(|(from, to)| {
                        if is_phonetic_layout(from) {
                            off_namesake_keys(original, from)
                        } else {
                            !transliterates(to)
                        }
                    })
                    || (source == Sc::Latin
                        && original
                            .chars()
                            .any(|ch| matches!(ch, 'q' | 'w' | 'x' | 'y')))
            });
        }
        // Nor is such a Latin word re-typed where it reads like a word of
        // its own script (`celt`, `cere`: real words and names read above
        // [`RETYPE_READS`]): the line's own letters, too few to settle its
        // script, cannot outweigh that, and about one English word of four
        // letters in a hundred re-types into some listed Cyrillic word by
        // chance (`celt` → `суде`, `cere` → `суку`, `kerf` → `лука`). A
        // slip's letters read like nothing (`jncencndetn`, `lbcr`, `jlyf`),
        // except on a layout that types its own transliteration, where a
        // slip reads like Latin by construction (`neprawilen` is
        // `неправилен` on the Bulgarian phonetic layout): its re-typings
        // there are judged as before (a short line's language is too
        // uncertain to ask it for the layout's). Only a word of
        // [`TIPPING_READS_LETTERS`] letters is asked: a longer English word
        // rarely re-types into a listed word (4 five-letter words of 4,389,
        // none longer), while a longer slip may read like English by chance
        // (`wimetek` is `успешен`, `gthis` `перші`).
        if tipping
            && !keyed_letters_of_their_own
            && source == Sc::Latin
            && w.letters() <= TIPPING_READS_LETTERS
            && typed >= RETYPE_READS
        {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || c.layouts.is_some_and(|(_, to)| transliterates(to))
            });
        }
        // A Latin word re-typed on a layout that types its own
        // transliteration (the phonetic ones, Greek) comes out as the same
        // word in the other alphabet (`taka` is `така` on the Bulgarian
        // phonetic layout, `dla` from AZERTY `для`): only a typist of the
        // layout's language would have meant that, so where the line's own
        // letters rule that language out ([`possible_languages`]: `і` in
        // `Перевірку пройдено. taka`, `ы` in a Russian line) it is the
        // Latin word as written (`dla`, the MIPS mnemonic, `sys`, `mova`).
        // (Not the line's guessed language, [`Line::language`]: a short
        // Bulgarian line of words Russian shares is often guessed Russian,
        // and its slips are real, `prekaleno много аргументи`.)
        if source == Sc::Latin {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || !c.layouts.is_some_and(|(_, to)| {
                        transliterates(to)
                            && !line
                                .possible_languages(target)
                                .contains(&layout_language(to))
                    })
            });
        }
        // A word in capitals too short for a slip's shape, taken as one only
        // because no lexicon lists it, needs the document to spell its
        // re-typing, on a layout that does not type its own
        // transliteration (`ТЕРМ` on the Serbian one is `TERM`, `ΙΝΤΟ` on
        // the Greek one `INTO`: names and unlisted words of those scripts
        // come out as Latin words).
        // Three letters or fewer must be spelt in capitals there: the slip
        // of an acronym is an acronym (`ЫЙД` beside `SQL`), while a large
        // document writes `tab`, `red`, `dim` somewhere whatever `ЕФИ`,
        // `КУВ`, `АСП` are.
        if acronym && !caps_slip_shape(original, w.letters()) {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || (c
                        .layouts
                        .is_some_and(|(from, _)| !is_phonetic_layout(from) && from != "gr")
                        && if w.letters() <= 3 {
                            context.count_in_capitals(&c.text) > 0
                        } else {
                            context.count(&lowercase(&c.text)) > 0
                        })
            });
        }
        // A Cyrillic word in a Latin line re-typed on a layout that puts
        // its letters on the keys of their Latin namesakes (`rs`,
        // `bg-phonetic`) comes out as its own transliteration: the word is
        // how Serbian or Bulgarian write that word or name (`Филтер`,
        // `Бристол`, `ХАНОВЕР`), quoted as likely as mistyped. Only a word
        // no lexicon of its script lists, that reads like no word of it
        // (`Сеттингс`), is taken for a slip there; for any other, reading
        // it so is reading it as written, and its score is what leaving the
        // word is worth (a lookalike reading, `Сога` as `Cora`, must still
        // beat it). A transliteration that spells what the word looks like
        // (`ТОМАТО`, all its letters lookalikes of their namesakes) is a
        // spoof as much as a slip, and stays.
        // The Greek layout does the same to a Greek word (`ΙΝΔΙΑ` is
        // `INDIA`, `ΑΡΑΒΙΑ` `ARABIA`), but English typed on it comes out as
        // no Greek word that yet reads like one (`τηε`), and the extended
        // Greek lexicon lists web slips of three letters (`τηε`, `φορ`):
        // there only a listed word of four letters or more is as written,
        // in capitals with the tonos they drop put back ([`with_a_mark`]).
        let spelt = match source {
            Sc::Cyrillic => typed >= RETYPE_READS || listed_in_script(&lower, source),
            Sc::Greek => {
                let listed = |w: &str| zipf_ext("el", w).is_some();
                w.letters() >= 4 && (listed(&lower) || (acronym && with_a_mark(&lower, listed)))
            }
            Sc::Latin => false,
        };
        let mut keep = keep;
        if target == Sc::Latin && spelt && candidates.iter().any(retyped_as_spelt) {
            let looks = map_lookalikes(original, target).map(|(text, _)| text);
            let as_written = |c: &Candidate| retyped_as_spelt(c) && looks.as_ref() != Some(&c.text);
            for c in candidates.iter().filter(|c| as_written(c)) {
                keep = keep.max(c.score);
            }
            candidates.retain(|c| !as_written(c));
        }
        // English words glued by a layout key (`data[len`, `node.name`)
        // are code, not a word of the line typed on the wrong layout: their
        // re-typing into a spelling no lexicon or document knows is
        // dropped. (Runs of one or two letters, `dsl;tn`, `l,e;elf`, are
        // as often a slip: `віджет`, `времево`.) On a phonetic layout one
        // English run of five letters is enough (`sturdy`egesta` →
        // `стурдъчегеста`): there the runs come out as their own
        // transliteration.
        if source == Sc::Latin {
            candidates.retain(|c| {
                c.kind != ChangeKind::KeyboardLayout
                    || c.attested
                    || !line.text.get(c.start..c.end).is_some_and(|span| {
                        glued_latin_words(span)
                            || (c.layouts.is_some_and(|(_, to)| is_phonetic_layout(to))
                                && glued_runs_with_an_english_word(span))
                    })
            });
        }
        let what = format!(
            "a {} word in a {} line{}",
            source.name(),
            target.name(),
            if isolated {
                ", alone in its script"
            } else {
                ""
            }
        );
        judge(line.text, candidates, keep, &what)
    }

    /// Whether [`MixedScript::foreign_word`] leaves the word `w`, `original`
    /// (lower case `lower`, of script `source`, the `index`th word of a
    /// line of script `target`) as Serbian written in its other alphabet.
    /// (Asked after the bound of its candidates' scores: `reads_serbian`
    /// weighs every word of the line in two lexicons.)
    fn left_as_serbian(
        line: &Line<'_>,
        (index, w): (usize, &Word),
        original: &str,
        lower: &str,
        (source, target): (Sc, Sc),
        context: &DocumentContext,
    ) -> bool {
        if line.serbian || (source == Sc::Latin && target == Sc::Cyrillic && line.reads_serbian()) {
            match (source, target) {
                // Serbian writes both alphabets: a Latin word that spells a
                // Serbian word in Serbian Latin is legitimate (`je` for
                // `је`, `kada`), and one that is a lookalike of a Cyrillic
                // word it does not spell (`ce` for `се`, `He` for `Не`) is
                // not. Serbian Latin has no q, w, x or y (they are `љ њ џ
                // з` on the Serbian layout) and no layout punctuation. (A
                // lookalike spelling with letters Serbian lacks, `persijski`
                // as `регѕіјѕкі`, is no Serbian word to spoof.)
                (Sc::Latin, Sc::Cyrillic) => {
                    let lookalike_word = map_lookalikes(original, target)
                        .map(|(t, _)| t)
                        .filter(|t| spelled_in_serbian_cyrillic(t));
                    let spells_it = lookalike_word
                        .as_deref()
                        .is_some_and(|t| is_serbian_latin_of(original, t));
                    let foreign_letters = semicolon_word_around(line.text, w).is_some()
                        || original.chars().any(|c| {
                            is_layout_punct(c)
                                || matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y')
                        });
                    // Typed on QWERTY for the Serbian layout, a Serbian word
                    // comes out as its own Latin spelling: nothing to repair.
                    // A line that reads Serbian only by its words' lexicons
                    // may be Russian or Bulgarian without its telltale
                    // letters (`Dsdjl индекса упакованного архива`): there
                    // the word must be Serbian Latin (`posrednici`, whose
                    // Cyrillic spelling `посредници` is listed, or `montira`
                    // in a document that writes `монтира`).
                    let own_spelling = !foreign_letters
                        && lookalike_word.is_none()
                        && (line.serbian
                            || zipf("sr", lower).is_some()
                            || serbian_cyrillic_known(lower, context));
                    if (spells_it && (line.serbian || latin_word_beside(line, index)))
                        || own_spelling
                    {
                        return true;
                    }
                }
                (Sc::Cyrillic, Sc::Latin) if zipf("sr", lower).is_some() => return true,
                _ => {}
            }
        }
        // Serbian (and Croatian, Bosnian) Latin text may hold words in
        // Cyrillic: the language is written in both alphabets. A listed
        // Serbian word, or one the Serbian alphabet spells, is left whatever
        // it reads as: the Serbian layout types a Latin word as its own
        // transliteration (`Десктоп` is `Desktop`, `Норфолк` `Norfolk`),
        // and the lookalike reading of a Serbian word (`Мара` as `Mapa`)
        // is a chance. (A word with letters Serbian lacks, `й ы щ я`, is
        // judged.)
        if source == Sc::Cyrillic
            && target == Sc::Latin
            && (zipf("sr", lower).is_some() || spelled_in_serbian_cyrillic(original))
            && line.is_serbian_latin()
        {
            return true;
        }
        false
    }

    /// Whether candidate `c` of [`MixedScript::foreign_word`] may survive
    /// its scoring: `false` only when an upper bound of the score
    /// [`MixedScript::score_candidates`] gives it falls short of `keep` or
    /// of what [`foreign_word_takes`] asks, so that no scoring can keep it.
    ///
    /// The bound, term by term of `score_candidates` (with the typed
    /// plausibility `typed` given and the shape floor on, as `foreign_word`
    /// asks): the swallowed keys' handicap, the shape's local fit and new
    /// capital, the prior of its strength and the layout pair as they are;
    /// a re-typing's evidence as it is (its layout's language, or Spanish
    /// for US QWERTY), a lookalike respelling's bounded by
    /// [`MixedScript::evidence_bound`] (it is scored again for the line's
    /// language, which takes a whatlang call to know); the unknown
    /// lookalike's point is a cost, left out. A re-typing's floors count
    /// only where the checks before them may let it through: its shape and
    /// its language's bigram model reading at least [`PHONETIC_GAIN`]
    /// better than the word as typed and, unlisted, no worse than −3, and,
    /// unlisted and reading less than 2 better, only on the layouts whose
    /// gain can be less (Serbian, Bulgarian phonetic). The floor is then at
    /// most [`KNOWN_RETYPE`] for a listed re-typing and 3 plus the gain
    /// over the least gain asked (0.5 at most) for an unlisted one, less
    /// the handicap, a new capital and the rarity of the layout typed on.
    /// Everything after only lowers a score, and a lookalike respelling
    /// must clear `keep` by its first score.
    ///
    /// `word`: the word as typed, the line's script, whether the word has
    /// exotic lookalikes, `keep` and the word's typed plausibility; `memo`
    /// holds the readings of the spellings already bounded (layout pairs
    /// re-type a word into the same few spellings).
    fn foreign_candidate_may_take(
        &self,
        line: &Line<'_>,
        c: &Candidate,
        (original, sc, exotic, keep, typed): (&str, Sc, bool, f32, f32),
        meant: Option<(&str, &str)>,
        context: &DocumentContext,
        memo: &mut BoundMemo,
    ) -> bool {
        // Sums taken in another order than the scoring's may round apart.
        const SLACK: f32 = 1e-3;
        // The most a shape's local fit adds (see `shape_reading`).
        const LOCAL_MAX: f32 = 2.0;
        let homoglyph = c.kind == ChangeKind::Homoglyph;
        if (exotic && homoglyph) || c.layouts.is_some() != (c.kind == ChangeKind::KeyboardLayout) {
            return true;
        }
        let typed_text = line.text.get(c.start..c.end).unwrap_or(original);
        let BoundMemo {
            shapes,
            lexicals,
            spans,
        } = memo;
        let articles = article_may_read(line.text, c);
        let lexical_at = lexicals
            .iter()
            .position(|(text, lexical, ..)| *text == c.text && lexical.articles == articles)
            .unwrap_or_else(|| {
                let lower = lowercase(&c.text);
                let (zipfs, plaus) = lexicon_reading(&lower, sc);
                let lexical = Lexical {
                    user: self.user_words.contains(&lower),
                    count: context.count(&lower),
                    zipfs,
                    plaus,
                    lower,
                    compounds: Compounds::Off,
                    articles,
                };
                let bound = Self::evidence_bound(&lexical);
                let letters = c
                    .text
                    .chars()
                    .filter(|&ch| letters::is_alphabetic(ch))
                    .count();
                lexicals.push((c.text.clone(), lexical, bound, letters));
                lexicals.len() - 1
            });
        let Some(&(_, ref lexical, evidence_bound, text_letters)) = lexicals.get(lexical_at) else {
            return true; // just found or pushed
        };
        // The shape's local fit, new capital (as its cost) and reading.
        let mut shape = || {
            let at = shapes
                .iter()
                .position(|&(start, end, at, _)| (start, end, at) == (c.start, c.end, lexical_at))
                .unwrap_or_else(|| {
                    let (local, new_capital, _, _, reads) = shape_reading(typed_text, &c.text, sc);
                    let capital = if new_capital { -2.0 } else { 0.0 };
                    shapes.push((c.start, c.end, lexical_at, (local, capital, reads)));
                    shapes.len() - 1
                });
            shapes.get(at).map_or((LOCAL_MAX, 0.0, f32::NAN), |s| s.3)
        };
        let handicap = -f32::from(c.swallows_punct);
        let prior = foreign_prior(c.strength);
        let Some((from, to)) = c.layouts else {
            // Kept past `keep` by its first score, then scored again.
            let evidence = evidence_bound;
            let takes = |first: f32| first > keep && first.max(evidence + prior + SLACK) >= 3.0;
            if !takes(handicap + evidence + LOCAL_MAX + prior + SLACK) {
                return false;
            }
            let (local, capital, _) = shape();
            return takes(handicap + evidence + local + capital + prior + SLACK);
        };
        // (What `foreign_word_takes` calls short, asked once per span.)
        let short = std::cell::OnceCell::new();
        let mut short = || {
            *short.get_or_init(|| {
                let letters = |t: &str| t.chars().filter(|&ch| letters::is_alphabetic(ch)).count();
                let typed_letters = spans
                    .iter()
                    .find(|&&(start, end, _)| (start, end) == (c.start, c.end))
                    .map_or_else(|| letters(typed_text), |&(.., n)| n);
                if !spans
                    .iter()
                    .any(|&(start, end, _)| (start, end) == (c.start, c.end))
                {
                    spans.push((c.start, c.end, typed_letters));
                }
                text_letters.max(typed_letters) <= 3
            })
        };
        let mut takes = |bound: f32| bound > keep && bound >= 3.0 && !(bound < 5.0 && short());
        let pair = pair_prior((from, to), meant);
        let typed_on = layout_rarity(from);
        let most_floor = handicap - typed_on + KNOWN_RETYPE.max(3.5) + SLACK;
        let most = |evidence: f32| handicap + evidence + LOCAL_MAX + prior + pair + SLACK;
        let lang = layout_language(to);
        // (The bound holds for the languages of the script.)
        let of_script = |l: &str| sc.languages().contains(&l);
        if of_script(lang)
            && (to != "us" || of_script("es"))
            && !takes(most(evidence_bound).max(most_floor))
        {
            return false;
        }
        let mut found = Self::evidence_into(lexical, Some(lang), None);
        if to == "us" {
            let spanish = Self::evidence_into(lexical, Some("es"), None);
            if spanish.0 > found.0 {
                found = spanish;
            }
        }
        let (evidence, oov) = found;
        if !takes(most(evidence).max(most_floor)) {
            return false;
        }
        let (local, capital, reads) = shape();
        if takes(handicap + evidence + local + capital + prior + pair + SLACK) {
            return true;
        }
        // The floors, where the checks before them may let it through.
        let lower = lexical.lower.as_str();
        let passes = |r: f32| !((r < -3.0 && oov) || r - typed < PHONETIC_GAIN.min(2.0));
        if !passes(reads) {
            return false;
        }
        let Some(m) = bigrams(lang).map(|model| model.score(lower)) else {
            return false;
        };
        if !passes(m) {
            return false;
        }
        // The gain asked: 2 but on the Serbian and the Bulgarian phonetic
        // layouts; else, short of 2, only a listed re-typing reading
        // [`RETYPE_GAIN`] better goes on, with that gain.
        let least_gain = if to == "rs" || to == "bg-phonetic" {
            PHONETIC_GAIN.min(RETYPE_GAIN)
        } else if m - typed >= 2.0 || (m - typed).is_nan() {
            2.0
        } else if !oov && m - typed >= RETYPE_GAIN {
            RETYPE_GAIN
        } else {
            return false;
        };
        let floor = if oov || zipf_ext(lang, lower).is_none() {
            3.0 + (m - typed - least_gain).min(0.5)
        } else {
            KNOWN_RETYPE
        };
        takes(handicap + capital - typed_on + floor + SLACK)
    }

    /// An upper bound of [`MixedScript::evidence_into`]'s score of
    /// `lexical` whatever language of its script it is asked for: the
    /// user's list, the document's count, and the best zipf any lexicon of
    /// the script gives it with the length bonus, or the most an unlisted
    /// spelling's letters can add.
    fn evidence_bound(lexical: &Lexical) -> f32 {
        let mut score = 0f32;
        if lexical.user {
            score += 6.0;
        }
        if lexical.count > 0 {
            score += 4.0 + (lexical.count as f32).ln();
        }
        let best = lexical
            .zipfs
            .iter()
            .filter_map(|&(_, z)| z)
            .reduce(f32::max)
            .or_else(|| {
                lexical
                    .articles
                    .then(|| bulgarian_article_form(&lexical.lower))
                    .flatten()
                    .map(|(z, _)| z - ARTICLE_OFF)
            });
        let letters = lexical
            .lower
            .chars()
            .filter(|&c| letters::is_alphabetic(c))
            .count();
        let long = 0.2 * (letters.saturating_sub(5).min(6) as f32);
        score + best.map_or(1.0, |z| (z + long).max(1.0))
    }

    /// A whole line typed with the wrong layout.
    fn whole_line(&self, line: &Line<'_>, context: &DocumentContext) -> Option<Edit> {
        let source = line.dominant;
        // (Of a word already lowercased: a re-typing's words are read in
        // one or two languages, lowercased once.)
        let known_lower = |lower: &str, sc: Sc, lang: Option<&str>| -> Option<f32> {
            if self.user_words.contains(lower) {
                return Some(5.0);
            }
            // A word the document repeats is known only if it reads like a
            // word at all: a line typed on the wrong layout repeats its
            // garbage too (`gfhjkzo … gfhjkzo`).
            if context.count(lower) > 1 && typed_plausibility(lower, sc) > -3.2 {
                return Some(5.0);
            }
            match lang {
                Some(l) => zipf_ext(l, lower),
                None => sc
                    .languages()
                    .iter()
                    .filter_map(|l| zipf(l, lower))
                    .reduce(f32::max),
            }
        };
        let known =
            |text: &str, sc: Sc, lang: Option<&str>| known_lower(&lowercase(text), sc, lang);
        // As typed: the share of words some lexicon of their script knows.
        let typed: Vec<&str> = line
            .words
            .iter()
            .filter(|w| w.letters() >= 2)
            .filter_map(|w| line.text.get(w.start..w.end))
            .collect();
        // Two words at least: `M. S. Gorbachev` is one word and two
        // initials, too little to call a line mistyped.
        if typed.len() < 2 {
            return None;
        }
        // (Each word looked up once, for both counts.)
        let typed_known: Vec<bool> = typed
            .iter()
            .map(|t| !t.chars().any(is_layout_punct) && known(t, source, None).is_some())
            .collect();
        let as_typed = typed_known.iter().filter(|k| **k).count();
        // The same count without the words phonetic layouts would explain
        // (`q w x y` or punctuation inside): the least the line can claim.
        let as_typed_phonetic = typed
            .iter()
            .zip(&typed_known)
            .filter(|(t, k)| **k && !t.contains(['q', 'w', 'x', 'y', 'Q', 'W', 'X', 'Y']))
            .count();
        // A re-typing must beat the line as typed by 0.4 of its words: a
        // line most of whose words are known as typed cannot lose, so it
        // costs no re-typing at all.
        if as_typed_phonetic.min(as_typed) as f32 / typed.len() as f32 > 0.6
            && !has_phonetic_telltale(line.text, |t| known(t, source, None).is_some())
        {
            return None;
        }
        // The same bound for the layouts that are not phonetic: with more
        // than 0.6 of the words known as typed, no re-typing on them can
        // gain 0.4, so only the phonetic layouts are tried.
        let phonetic_only = as_typed as f32 / typed.len() as f32 > 0.6;
        // Then a phonetic layout can win only through the words with keys
        // it fills differently (the line's other words already bound the
        // gain below 0.4), and those need (almost) none known as typed: a
        // line where such a word is plainly a word as typed (`with` beside
        // the typo `Overwritting`) and there are too few of them to
        // outweigh it costs no re-typing either. (`phonetic_tokens` counts
        // at most the tokens holding a telltale key, and counts every
        // all-letter one known as typed: the phonetic layouts type letters
        // for letters.)
        if phonetic_only
            && (as_typed_phonetic as f32 / typed.len() as f32) > 0.6 + f32::EPSILON
            && phonetic_bound::enabled()
        {
            let tokens = || {
                line.text
                    .split_whitespace()
                    .filter(|t| t.chars().any(is_phonetic_telltale))
            };
            let told_max = tokens().count();
            let known_as_typed = tokens()
                .filter(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
                .filter(|t| known(t, source, None).is_some())
                .count();
            if known_as_typed > 0 && (told_max < 4 || known_as_typed * 4 > told_max) {
                phonetic_bound::fired();
                return None;
            }
        }
        let addresses = words::address_chunks(line.text);
        // Measured once: every layout pair's re-typing is held to it.
        let line_symbols = Symbols::of(line.text);
        // [`known_lower`]'s answers for one re-typing's words in one language.
        let mut found: Vec<Option<f32>> = Vec::new();
        let mut best: Option<(f32, usize, usize, String, &'static str, &'static str)> = None;
        'pairs: for target in Sc::ALL.into_iter().filter(|s| *s != source) {
            for from in source.layouts() {
                for to in target.layouts() {
                    // A score is at most 1 (every word known and long; a
                    // word not known counts half at most, junk takes off),
                    // and a later pair must score higher to be chosen: once
                    // one scores 1, the rest cannot change the answer.
                    if best.as_ref().is_some_and(|b| b.0 >= 1.0) {
                        break 'pairs;
                    }
                    if phonetic_only && !is_phonetic_layout(to) {
                        continue;
                    }
                    // Text typed on a layout whose letters sit on their
                    // Latin namesakes is the transliteration of the keys,
                    // which is how Serbian, Bulgarian and Greek write
                    // foreign names and terms (`Монт Бакстон`, `хтмл`): no
                    // reader can tell such a line from one typed on
                    // purpose. And a line of one or two words re-typed onto
                    // such a layout reads as its language by construction
                    // (`Jawa Barat` is not `Јања Барат`, `Ede Ije` not
                    // `Еде Ије`): names, not a slip.
                    if transliterates(from) || (transliterates(to) && typed.len() < 3) {
                        continue;
                    }
                    let (Some(a), Some(b)) = (layout(from), layout(to)) else {
                        continue;
                    };
                    // Re-type everything but addresses.
                    let mut out = String::with_capacity(line.text.len() * 2);
                    let mut last = 0;
                    for &(start, end) in &addresses {
                        out.push_str(&convert_span(
                            line.text.get(last..start).unwrap_or_default(),
                            a,
                            b,
                        ));
                        out.push_str(line.text.get(start..end).unwrap_or_default());
                        last = end;
                    }
                    out.push_str(&convert_span(
                        line.text.get(last..).unwrap_or_default(),
                        a,
                        b,
                    ));
                    // A long line is judged by its first words: enough to tell
                    // layouts apart, and the cost stays bounded.
                    // (The symbols first: a pair they rule out costs no
                    // word split; the words are read only as far as needed.)
                    if Symbols::of(&out).more_than(&line_symbols) {
                        continue;
                    }
                    let new_words: Vec<&str> = words::Words::new(&out)
                        .filter(|w| w.letters() >= 2)
                        .filter_map(|w| out.get(w.start..w.end))
                        .take(WHOLE_LINE_SAMPLE)
                        .collect();
                    if new_words.is_empty() {
                        continue;
                    }
                    // Keys a layout pair leaves as digits or brackets glued to
                    // letters, or capitals inside words (`к4ша`, `дадзены[`,
                    // `лагіныЮ`), mark the wrong pair: the right one gives
                    // words (`кэша`, `дадзеных`, `лагіны.`).
                    let junk = out.split_whitespace().filter(|t| is_junk_token(t)).count();
                    // The most this pair can score (every word known and
                    // long, less its junk; the sums are exact in `f32`): when
                    // that is no higher than the best so far, it cannot be
                    // chosen, and its words need no look-up.
                    let n = new_words.len() as f32;
                    if best
                        .as_ref()
                        .is_some_and(|b| (n - 0.5 * junk as f32) / n <= b.0)
                    {
                        continue;
                    }
                    // US QWERTY types Spanish too (no Spanish layout is
                    // modelled): its re-typing is read as either language.
                    let langs: &[&'static str] = if *to == "us" { &["en", "es"] } else { &[] };
                    // The re-typing's words lowercased once for every
                    // language and both counts below.
                    let lowers: Vec<String> = new_words.iter().map(|t| lowercase(t)).collect();
                    let (score, hits) = std::iter::once(layout_language(to))
                        .chain(langs.iter().copied().filter(|l| *l != layout_language(to)))
                        .map(|lang| {
                            // Each word looked up once in the language, for
                            // the weight and the plausible count.
                            found.clear();
                            found.extend(lowers.iter().map(|l| known_lower(l, target, Some(lang))));
                            // A two-letter word is some word too easily (`ял`):
                            // unless very common, it counts half.
                            let weight: f32 = new_words
                                .iter()
                                .zip(&found)
                                .filter_map(|(t, z)| {
                                    z.map(|z| {
                                        if t.chars().count() > 2 || z >= 5.0 {
                                            1.0
                                        } else {
                                            0.5
                                        }
                                    })
                                })
                                .sum();
                            // Out-of-lexicon words still count if they look like the language.
                            let model = bigrams(lang);
                            let plausible = lowers
                                .iter()
                                .zip(&found)
                                .filter(|(_, z)| z.is_none())
                                .filter(|(l, _)| model.is_some_and(|m| m.score(l) > -3.2))
                                .count();
                            let score = (weight + 0.5 * plausible as f32 - 0.5 * junk as f32)
                                / new_words.len() as f32;
                            (score, weight.round() as usize)
                        })
                        .fold((f32::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
                    if best.as_ref().is_none_or(|b| score > b.0) {
                        best = Some((score, hits, new_words.len(), out, from, to));
                    }
                }
            }
        }
        let (score, hits, n, out, from, to) = best?;
        // Two words are too few for letter shape to tell a slip from a
        // pair of names (`Ede Ije` is not `Уву Шоу`): every word must be a
        // word once re-typed (`ghbdtn vbh` is `привет мир`).
        if typed.len() < 3 && hits < n {
            return None;
        }
        // Serbian is written in both alphabets, and Bulgarian is often
        // written in Latin letters, so Latin words count as known as typed —
        // but neither uses q, w, x or y or punctuation inside words: those
        // are the keys where phonetic layouts put `љ њ џ з` or `я в ь ъ ч
        // щ`, typed on QWERTY with the Cyrillic layout meant.
        // A word with such a key is doubted only while its re-typing is a
        // word too (`was` is Bulgarian `вас`): one that is a word as typed
        // and no word of the layout's language once re-typed (`Wenn` is
        // `Венн`, `Netzwerk` on the German layout `Нетъверк`) was typed as
        // meant, and a line of them (`werden Wenn Netzwerk`) is German.
        let as_typed = if is_phonetic_layout(to) {
            let lang = layout_language(to);
            let typed_as_meant = match (layout(from), layout(to)) {
                (Some(a), Some(b)) => typed
                    .iter()
                    .zip(&typed_known)
                    .filter(|(t, k)| **k && t.contains(['q', 'w', 'x', 'y', 'Q', 'W', 'X', 'Y']))
                    .filter(|(t, _)| zipf_ext(lang, &lowercase(&convert_span(t, a, b))).is_none())
                    .count(),
                _ => 0,
            };
            as_typed_phonetic + typed_as_meant
        } else {
            as_typed
        };
        let typed_share = as_typed as f32 / typed.len() as f32;
        let mut gain = score - typed_share;
        // On a phonetic layout most words re-type into their own
        // transliteration, known both ways: only the words with keys the
        // layout fills differently (`okupqawa`, `za]oto`) tell. When those
        // read as the layout's language and none as typed, the line was
        // typed on it, however few of its words they are.
        let mut telling = None;
        if is_phonetic_layout(to) && score >= 0.55 && score + f32::EPSILON >= typed_share {
            let lang = layout_language(to);
            let (told, read, typed_known) = phonetic_tokens(
                line.text,
                &out,
                |t| zipf_ext(lang, t).is_some() || context.count(t) > 1,
                |t| known(t, source, None).is_some(),
            );
            let enough = read >= 2 || (read == 1 && told == 1);
            // A short token may be a word as typed by chance (`ya`), one in
            // four of those that read at most.
            let typed_ok = typed_known == 0 || (read >= 4 && typed_known * 4 <= read);
            if typed_ok && enough && read * 2 >= told {
                gain = gain.max(0.4);
                telling = Some((read, told));
            }
        }
        // A line whose every word reads as the language once re-typed, and
        // none as typed, is typed on the wrong layout even where no lexicon
        // knows its words (Belarusian lists hold few inflected forms).
        let all_read = as_typed == 0 && n >= 3 && score >= 0.5 - f32::EPSILON;
        if (score < 0.55 && !all_read) || gain < 0.4 - f32::EPSILON || out == line.text {
            return None;
        }
        let confidence = (0.5 + gain * 0.5 + (n.min(6) as f32) * 0.05).min(0.99);
        let telling = telling.map_or(String::new(), |(read, told)| {
            format!(
                "; {read} of the {told} words with keys only {to} fills differently read as words"
            )
        });
        Some(Edit {
            start: 0,
            end: line.text.len(),
            after: out,
            kind: ChangeKind::KeyboardLayout,
            confidence,
            evidence: format!(
                "whole line typed with the {from} layout meant for {to}: {hits} of {n} words known after re-typing ({score:.2} with plausible ones), {as_typed} of {} as typed{telling}",
                typed.len()
            ),
        })
    }
}

/// Basic Cyrillic vowels а е и о у ы э ю я as bits of their offset from
/// U+0410 (uppercase) or U+0430 (lowercase).
const CYRILLIC_VOWELS: u32 = (1 << 0)
    | (1 << 5)
    | (1 << 8)
    | (1 << 14)
    | (1 << 19)
    | (1 << 27)
    | (1 << 29)
    | (1 << 30)
    | (1 << 31);

/// The telltale Cyrillic letters щ ш ф, as [`CYRILLIC_VOWELS`].
const CYRILLIC_TELLTALE: u32 = (1 << 20) | (1 << 24) | (1 << 25);

/// Classes of ASCII bytes for [`LineStats`]: letter, vowel (`y` too),
/// telltale (`j`, `f`), and layout punctuation odd between letters.
const LETTER: u8 = 1;
const VOWEL: u8 = 2;
const TELLTALE: u8 = 4;
const ODD: u8 = 8;
const SLAVIC: u8 = 16;
/// The least share of `k`, `v`, `j` among an ASCII line's letters, in
/// percent, that reads Slavic (English, French, Spanish prose has 2–4%,
/// German about 5%; Serbian and Bulgarian 8–12%). Dutch (`je`, `kunt`,
/// `vandaag`) often passes it too: its lines with `w` or `y` reach the judge,
/// which leaves them (a cost, not a change).
const SLAVIC_SHARE: u32 = 8;
/// The fewest words of a line [`SLAVIC_SHARE`] speaks for.
const SLAVIC_WORDS: usize = 5;
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] |= LETTER;
            if matches!(c | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                t[b] |= VOWEL;
            }
            if matches!(c | 0x20, b'j' | b'f') {
                t[b] |= TELLTALE;
            }
            if matches!(c | 0x20, b'k' | b'v' | b'j') {
                t[b] |= SLAVIC;
            }
        } else if matches!(c, b';' | b'[' | b']' | b'`' | b'{' | b'}') {
            t[b] |= ODD;
        }
        b += 1;
    }
    t
};

/// Counts gathered by the cheap scan of [`MixedScript::needs_review`].
#[derive(Default, Debug, PartialEq, Eq)]
struct LineStats {
    letters: [u32; 3],
    vowels: [u32; 3],
    /// Letters that are rare in the script's own languages but common when
    /// another script's text is typed on its layout: `j`, `f` in Latin
    /// (Cyrillic `о`, `а`); `щ`, `ш`, `ф` in Cyrillic (Latin `o`, `i`, `a`).
    telltale: [u32; 3],
    /// Letters of other scripts (Han, Arabic, …).
    other_letters: u32,
    word_scripts: u8,
    mixed_word: bool,
    odd_punct: bool,
    /// Letters only Serbian uses (`ђ ћ џ љ њ ј`, Latin `đ`).
    serbian: bool,
    /// A `q` followed by a letter other than `u` (ASCII lines).
    odd_q: bool,
    /// An ASCII line that reads Slavic with a key Serbian or Bulgarian Latin
    /// does not write (see [`LineStats::push_ascii_counted`]).
    slavic_keys: bool,
    prev_letter: bool,
    pending_punct: bool,
    /// Byte offsets of the first letter and past the last letter of each
    /// script (lines that are not pure ASCII): where its words can be.
    span: [(usize, usize); 3],
}

impl LineStats {
    /// Notes a letter of `sc` at `start..end`.
    #[inline]
    fn seen(&mut self, sc: Sc, start: usize, end: usize) {
        if let Some(span) = self.span.get_mut(sc as usize) {
            if span.1 == 0 {
                span.0 = start;
            }
            span.1 = end;
        }
    }

    /// The space between two words: what [`LineStats::push`] does for it.
    #[inline]
    fn space(&mut self) {
        self.pending_punct = false;
        self.word_scripts = 0;
        self.prev_letter = false;
    }

    /// [`LineStats::of`] a line known to be all ASCII.
    fn of_ascii(line: &str) -> LineStats {
        let mut stats = LineStats::default();
        stats.push_ascii(line.as_bytes());
        stats.seen(Sc::Latin, 0, line.len());
        stats
    }

    fn of(line: &str) -> LineStats {
        if line.is_ascii() {
            return LineStats::of_ascii(line);
        }
        let mut stats = LineStats::default();
        {
            let bytes = line.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                // Runs of basic Cyrillic letters by their bytes: most of a
                // Russian line, and each letter of a run does what the
                // first did to the word flags.
                let (mut letters, mut vowels, mut telltale) = (0u32, 0u32, 0u32);
                let end = letters::basic_cyrillic_run(bytes, at, |offset| {
                    let bit = 1u32 << (offset & 31);
                    letters += 1;
                    vowels += u32::from(CYRILLIC_VOWELS & bit != 0);
                    telltale += u32::from(CYRILLIC_TELLTALE & bit != 0);
                });
                if end > at {
                    stats.run_letters(Sc::Cyrillic, letters, vowels, telltale);
                    stats.seen(Sc::Cyrillic, at, end);
                    at = end;
                    if bytes.get(at) == Some(&b' ') {
                        // The space after a word (most words of Russian
                        // prose end so), as the space branch below takes
                        // it: no Cyrillic or Greek run starts at a space.
                        stats.space();
                        at += 1;
                    }
                    continue;
                }
                // Runs of Greek letters likewise (no Greek letter is a
                // telltale one).
                let (end, letters, vowels) = letters::greek_run(bytes, at);
                if end > at {
                    stats.run_letters(Sc::Greek, letters, vowels, 0);
                    stats.seen(Sc::Greek, at, end);
                    at = end;
                    continue;
                }
                if bytes.get(at) == Some(&b' ') {
                    stats.space();
                    at += 1;
                    continue;
                }
                let (cjk, n) = letters::cjk_run(bytes, at);
                if cjk > 0 {
                    // What `push` does for each: a letter of another script.
                    stats.other_letters += n;
                    stats.prev_letter = true;
                    at += cjk;
                    continue;
                }
                if let Some(&[lead, second, third]) = bytes.get(at..at + 3) {
                    // CJK punctuation (U+3000..U+303F) and fullwidth forms
                    // (U+FF00..U+FF65): neither letters nor layout keys, so
                    // what `push` does for them is what it does for a space.
                    if (lead == 0xE3 && second == 0x80)
                        || (lead == 0xEF && (second == 0xBC || (second == 0xBD && third <= 0xA5)))
                    {
                        stats.pending_punct = false;
                        stats.word_scripts = 0;
                        stats.prev_letter = false;
                        at += 3;
                        continue;
                    }
                }
                let ascii = bytes
                    .get(at..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| b.is_ascii())
                    .count();
                if ascii > 0 {
                    // Spaces, punctuation and Latin words between the runs.
                    stats.ascii_run(bytes.get(at..at + ascii).unwrap_or_default(), at);
                    at += ascii;
                    continue;
                }
                let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                stats.push(c);
                if let Some(sc) = sc_of(c) {
                    stats.seen(sc, at, at + c.len_utf8());
                }
                at += c.len_utf8();
            }
        }
        stats
    }

    /// What [`LineStats::push`] does for each byte of a run of ASCII
    /// characters at byte `offset` of a line that is not all ASCII (no `q`
    /// test: that is for ASCII lines), with the state in locals.
    fn ascii_run(&mut self, run: &[u8], offset: usize) {
        let (mut letters, mut vowels, mut telltale) = (0u32, 0u32, 0u32);
        let mut word_scripts = self.word_scripts;
        let (mut mixed_word, mut odd_punct) = (self.mixed_word, self.odd_punct);
        let (mut pending_punct, mut prev_letter) = (self.pending_punct, self.prev_letter);
        let (mut first, mut last) = (None, 0);
        let latin = 1u8 << (Sc::Latin as u8);
        for (i, &b) in run.iter().enumerate() {
            let class = ASCII_CLASS.get(usize::from(b)).copied().unwrap_or(0);
            if class & LETTER != 0 {
                letters += 1;
                vowels += u32::from(class & VOWEL != 0);
                telltale += u32::from(class & TELLTALE != 0);
                word_scripts |= latin;
                mixed_word |= word_scripts.count_ones() > 1;
                odd_punct |= pending_punct;
                pending_punct = false;
                prev_letter = true;
                first.get_or_insert(i);
                last = i + 1;
            } else if b == b'\'' {
                word_scripts = 0;
                prev_letter = true;
            } else {
                pending_punct = prev_letter && class & ODD != 0;
                word_scripts = 0;
                prev_letter = false;
            }
        }
        let i = Sc::Latin as usize;
        if let (Some(l), Some(v), Some(t)) = (
            self.letters.get_mut(i),
            self.vowels.get_mut(i),
            self.telltale.get_mut(i),
        ) {
            *l += letters;
            *v += vowels;
            *t += telltale;
        }
        self.word_scripts = word_scripts;
        self.mixed_word = mixed_word;
        self.odd_punct = odd_punct;
        self.pending_punct = pending_punct;
        self.prev_letter = prev_letter;
        if let Some(first) = first {
            self.seen(Sc::Latin, offset + first, offset + last);
        }
    }

    /// What [`LineStats::push`] does for a run of letters of `sc` (basic
    /// Cyrillic or Greek ones: no Serbian letter among them).
    #[inline]
    fn run_letters(&mut self, sc: Sc, letters: u32, vowels: u32, telltale: u32) {
        let i = sc as usize;
        if let (Some(l), Some(v), Some(t)) = (
            self.letters.get_mut(i),
            self.vowels.get_mut(i),
            self.telltale.get_mut(i),
        ) {
            *l += letters;
            *v += vowels;
            *t += telltale;
        }
        self.word_scripts |= 1 << i;
        self.mixed_word |= self.word_scripts.count_ones() > 1;
        self.odd_punct |= self.pending_punct;
        self.pending_punct = false;
        self.prev_letter = true;
    }

    /// The same counts as [`LineStats::push`] for an ASCII line.
    fn push_ascii(&mut self, bytes: &[u8]) {
        self.push_ascii_counted(bytes, ascii_counts(bytes));
    }

    /// [`LineStats::push_ascii`] with the line's [`ascii_counts`] in hand
    /// (or counts that decide as they do, of [`ascii_line_counts`]): the
    /// last, whether a layout key may be there, need only be true where a
    /// bracket or brace is (`;` and `` ` `` are searched for anyway).
    fn push_ascii_counted(
        &mut self,
        bytes: &[u8],
        (letters, vowels, telltale, slavic, brackets): (u32, u32, u32, u32, bool),
    ) {
        let (odd_q, odd_punct) = ascii_layout_keys(bytes, brackets);
        self.odd_q |= odd_q;
        self.odd_punct |= odd_punct;
        let class_at = |i: usize| {
            bytes
                .get(i)
                .and_then(|&b| ASCII_CLASS.get(usize::from(b)))
                .copied()
                .unwrap_or(0)
        };
        // A line dense in `k`, `v`, `j` (their Cyrillic namesakes sit on
        // those keys on the Serbian and Bulgarian layouts) reads Slavic, which
        // English, French, Spanish and German do not: typed on QWERTY, if a
        // letter neither Serbian nor Bulgarian Latin writes (`q w x y`, their
        // layouts' `љ њ џ з`, `я в ь ъ`) or a punctuation key between
        // letters (`]e`, `l.z/e`) tells. Such lines are rare, so the look at
        // each of their bytes costs little. Over a sentence, not a few words:
        // a short line dense in those letters is as likely a list of names
        // (`Avtonomna Respublika Krym`, `Kala Lagaw Ya`).
        if letters >= 6 && slavic * 100 >= letters * SLAVIC_SHARE {
            let words = bytes
                .split(|&b| b == b' ')
                .filter(|t| t.iter().any(u8::is_ascii_alphabetic))
                .count();
            self.slavic_keys |= words >= SLAVIC_WORDS
                && bytes.iter().enumerate().any(|(i, &b)| {
                    matches!(b | 0x20, b'q' | b'w' | b'x' | b'y')
                        || ((is_layout_punct(char::from(b)) || matches!(b, b'/' | b'\\' | b'?'))
                            && i.checked_sub(1).is_some_and(|j| class_at(j) & LETTER != 0)
                            && class_at(i + 1) & LETTER != 0)
                });
        }
        let latin = Sc::Latin as usize;
        if let (Some(l), Some(v), Some(t)) = (
            self.letters.get_mut(latin),
            self.vowels.get_mut(latin),
            self.telltale.get_mut(latin),
        ) {
            *l += letters;
            *v += vowels;
            *t += telltale;
        }
    }

    #[inline]
    fn push(&mut self, c: char) {
        // The basic Cyrillic block by bit mask: most non-ASCII prose here.
        if ('\u{0410}'..='\u{044F}').contains(&c) {
            let bit = 1u32 << ((c as u32 - 0x0410) & 31);
            self.run_letters(
                Sc::Cyrillic,
                1,
                u32::from(CYRILLIC_VOWELS & bit != 0),
                u32::from(CYRILLIC_TELLTALE & bit != 0),
            );
            return;
        }
        if let Some(sc) = sc_of(c) {
            self.serbian |= matches!(
                c,
                'ђ' | 'ћ'
                    | 'џ'
                    | 'љ'
                    | 'њ'
                    | 'ј'
                    | 'Ђ'
                    | 'Ћ'
                    | 'Џ'
                    | 'Љ'
                    | 'Њ'
                    | 'Ј'
                    | 'đ'
                    | 'Đ'
            );
            let i = sc as usize;
            if let (Some(l), Some(v), Some(t)) = (
                self.letters.get_mut(i),
                self.vowels.get_mut(i),
                self.telltale.get_mut(i),
            ) {
                *l += 1;
                *v += u32::from(is_vowel(c));
                *t += u32::from(matches!(
                    c,
                    'j' | 'f' | 'J' | 'F' | 'щ' | 'ш' | 'ф' | 'Щ' | 'Ш' | 'Ф'
                ));
            }
            self.word_scripts |= 1 << i;
            self.mixed_word |= self.word_scripts.count_ones() > 1;
            self.odd_punct |= self.pending_punct;
            self.pending_punct = false;
            self.prev_letter = true;
        } else if is_other_letter(c) {
            self.other_letters += 1;
            self.prev_letter = true;
        } else if matches!(c, '\'' | '\u{2019}') {
            // `Debian'у`: an inflection after an apostrophe may switch script.
            self.word_scripts = 0;
            self.prev_letter = true;
        } else {
            self.pending_punct = self.prev_letter && matches!(c, ';' | '[' | ']' | '`' | '{' | '}');
            self.word_scripts = 0;
            self.prev_letter = false;
        }
    }

    /// Too few vowels, or too many telltale letters, for real text, in a
    /// script that makes up most of the line's letters (Latin acronyms in a
    /// Chinese line are not a wrong-layout line).
    fn looks_mistyped(&self) -> bool {
        let all: u32 = self.letters.iter().sum::<u32>() + self.other_letters;
        if self.odd_q || self.slavic_keys {
            return true;
        }
        self.letters
            .iter()
            .zip(self.vowels)
            .zip(self.telltale)
            .enumerate()
            .any(|(i, ((&l, v), t))| {
                let telltale_limit = if i == Sc::Latin as usize { 10 } else { 8 };
                l >= 6
                    && l * 10 >= all * 8
                    && (v * 100 < l * 28
                        || (i != Sc::Greek as usize && t * 100 > l * telltale_limit))
            })
    }
}

/// For ASCII `bytes`, [`LineStats`]'s `odd_q` (a lower-case `q` before a
/// lower-case letter other than `u`, not after `s`) and `odd_punct` (a
/// layout punctuation key between two letters); `brackets` false says no
/// bracket or brace is there (see [`LineStats::push_ascii_counted`]).
fn ascii_layout_keys(bytes: &[u8], brackets: bool) -> (bool, bool) {
    let (mut odd_q, mut odd_punct) = (false, false);
    let class_at = |i: usize| {
        bytes
            .get(i)
            .and_then(|&b| ASCII_CLASS.get(usize::from(b)))
            .copied()
            .unwrap_or(0)
    };
    // The patterns are rare bytes looked at with their neighbours, found
    // by vectorized searches rather than a look at every byte.
    let mut look = |i: usize| {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b == b'q' {
            // `q` before a letter other than `u` is no English, French,
            // German or Spanish spelling, but `я`/`љ` on a phonetic
            // layout (`nqma` is `няма`); lower case only (`SQLite`,
            // `IQ` are acronyms), and not after `s` (`sqlite3`, `sqrt`).
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let before = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
            odd_q |= next.is_ascii_lowercase() && next != b'u' && before != Some(b's');
        } else if ASCII_CLASS
            .get(usize::from(b))
            .is_some_and(|c| c & ODD != 0)
        {
            // Layout punctuation between two letters (`j,hfnbkcz`).
            odd_punct |= i.checked_sub(1).is_some_and(|j| class_at(j) & LETTER != 0)
                && class_at(i + 1) & LETTER != 0;
        }
    };
    // `q` and the keys `;` `` ` `` in one search; brackets and braces
    // only where the line may hold one.
    memchr::memchr3_iter(b'q', b';', b'`', bytes).for_each(&mut look);
    if brackets {
        memchr::memchr3_iter(b'[', b']', b'{', bytes).for_each(&mut look);
        memchr::memchr_iter(b'}', bytes).for_each(&mut look);
    }
    (odd_q, odd_punct)
}

/// Whether `bytes` are all ASCII: [`str::is_ascii`] without its early exit
/// and byte-wise tail, which cost more than they save on lines of a few
/// hundred bytes (the OR of all bytes is read sixteen at a time).
fn is_ascii(bytes: &[u8]) -> bool {
    bytes.iter().fold(0u8, |any, &b| any | b) < 0x80
}

/// Latin letters, vowels (`y` too) and telltale letters (`j`, `f`) of
/// ASCII `bytes`, the counts of [`ASCII_CLASS`], and whether they hold a
/// layout punctuation key (its `ODD`: `;` `[` `]` `` ` `` `{` `}`): compares
/// the compiler turns into vector instructions ([`ascii_block_counts`]).
fn ascii_counts(bytes: &[u8]) -> (u32, u32, u32, u32, bool) {
    let (letters, vowels, telltale, slavic) = ascii_letter_counts(bytes, false).unwrap_or_default();
    (letters, vowels, telltale, slavic, has_layout_key(bytes))
}

/// Whether `bytes` hold a layout punctuation key, by searches (wider
/// vectors where the processor has them).
fn has_layout_key(bytes: &[u8]) -> bool {
    memchr::memchr3(b';', b'[', b']', bytes).is_some()
        || memchr::memchr3(b'`', b'{', b'}', bytes).is_some()
}

/// Counts of `bytes` that decide as [`ascii_counts`] would, if they are
/// all ASCII, else `None`: the ASCII test and the counts in one pass for
/// ASCII lines ([`glance::glance`]), and for others (most start with a
/// letter of their script) a look at the first 32 bytes. With another
/// `MODE` than [`glance::ASCII`], `None` also when hygiene would not leave
/// the bytes at a glance (see [`MixedScript::review_at_a_glance`]).
///
/// The pass counts the letters, at least how many are vowels (`a e i o`)
/// and at most how many are telltale or Slavic (`f v j k`), with fewer tests
/// a byte than the exact counts: where those bounds already settle
/// [`LineStats`]'s questions (few vowels, many `j f`, a line dense in `k v
/// j`; most prose has a third of its letters `a e i o` and a few percent
/// `f v j k`), they stand for the counts and answer as the counts would;
/// elsewhere the exact counts are taken in a second pass. The last count
/// tells whether a bracket or brace may be there, as
/// [`LineStats::push_ascii_counted`] takes it.
fn ascii_line_counts<const MODE: u8>(bytes: &[u8]) -> Option<(u32, u32, u32, u32, bool)> {
    let g = glance::glance::<MODE>(bytes)?;
    let (l, least_vowels, most_rare) = (g.letters, g.aeio, g.fvjk);
    // Vowels at least 28% of the letters (the least of `looks_mistyped`),
    // `f v j k` under 8% (`SLAVIC_SHARE`, below the 10% of `j f` too).
    let (letters, vowels, telltale, slavic) =
        if l < 6 || (least_vowels * 100 >= l * 28 && most_rare * 100 < l * SLAVIC_SHARE) {
            (l, least_vowels, most_rare, most_rare)
        } else {
            ascii_letter_counts(bytes, false)?
        };
    Some((letters, vowels, telltale, slavic, g.brackets))
}

/// The letter, vowel, telltale and Slavic counts of [`ascii_counts`];
/// `None` when `ascii_only` and a byte is not ASCII (bytes that are not
/// ASCII count as nothing). Whole vectors of sixteen bytes only: the last
/// few bytes go through the same code padded with zeros (which count as
/// nothing), not through a byte-wise tail that would cost as much as the
/// rest of a line.
// Inlined into each caller so that `ascii_only` is a constant there: left
// a call, the English gate took 60% longer.
#[allow(clippy::inline_always)]
#[inline(always)]
fn ascii_letter_counts(bytes: &[u8], ascii_only: bool) -> Option<(u32, u32, u32, u32)> {
    let whole = bytes.len() / 16 * 16;
    let (body, tail) = bytes.split_at_checked(whole)?;
    let mut pad = [0u8; 16];
    if let Some(room) = pad.get_mut(..tail.len()) {
        room.copy_from_slice(tail);
    }
    let (mut letters, mut vowels, mut telltale, mut slavic) = (0u32, 0u32, 0u32, 0u32);
    for block in body.chunks(240).chain([&pad[..]]) {
        let (l, v, t, s, high) = ascii_block_counts(block);
        if ascii_only && high >= 0x80 {
            return None;
        }
        letters += u32::from(l);
        vowels += u32::from(v);
        telltale += u32::from(t);
        slavic += u32::from(s);
    }
    Some((letters, vowels, telltale, slavic))
}

/// The counts of [`ascii_counts`] over a block of at most 255 bytes whose
/// length is a multiple of sixteen (the rest is not read), and the OR of
/// its bytes: sixteen lanes summed at the end, which the compiler keeps in
/// vector registers.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
#[allow(clippy::many_single_char_names)] // a lane per count, named by its letter
fn ascii_block_counts(block: &[u8]) -> (u8, u8, u8, u8, u8) {
    let (mut l, mut v, mut t, mut slavic, mut high) =
        ([0u8; 16], [0u8; 16], [0u8; 16], [0u8; 16], [0u8; 16]);
    for vector in block.chunks_exact(16) {
        for (i, &b) in vector.iter().enumerate() {
            // As in `ascii_counts`.
            let lower = b | 0x20;
            let (Some(l), Some(v), Some(t), Some(k), Some(h)) = (
                l.get_mut(i),
                v.get_mut(i),
                t.get_mut(i),
                slavic.get_mut(i),
                high.get_mut(i),
            ) else {
                continue;
            };
            *l = l.wrapping_add(u8::from(lower.wrapping_sub(b'a') < 26));
            *v = v.wrapping_add(u8::from(
                (lower == b'a')
                    | (lower == b'e')
                    | (lower == b'i')
                    | (lower == b'o')
                    | (lower == b'u')
                    | (lower == b'y'),
            ));
            *t = t.wrapping_add(u8::from((lower == b'j') | (lower == b'f')));
            *k = k.wrapping_add(u8::from(
                (lower == b'k') | (lower == b'v') | (lower == b'j'),
            ));
            *h |= b;
        }
    }
    let sum = |lanes: [u8; 16]| lanes.iter().fold(0u8, |a, &x| a.wrapping_add(x));
    (
        sum(l),
        sum(v),
        sum(t),
        sum(slavic),
        high.iter().fold(0, |a, &x| a | x),
    )
}

/// A letter of another script than Latin, Cyrillic or Greek. CJK, kana and
/// Hangul are answered by range (the general alphabetic test is a binary
/// search, and those scripts fill whole lines); their punctuation blocks are
/// not letters.
#[inline]
fn is_other_letter(c: char) -> bool {
    match c {
        '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}' | '\u{FE30}'..='\u{FE4F}' => false,
        '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' => true,
        _ => letters::is_alphabetic(c),
    }
}

/// Whether the share of `dominant` in the letters of `words` outside
/// protected chunks ([`words::is_protected`], as `is_protected` answers
/// it) is `at_least`; `None` when every word is protected. The judge asks
/// only which side of 0.6 or 0.9 the share is on
/// ([`MixedScript::apply`]): the words are asked whether they are
/// protected until the letters of those not asked cannot move it across
/// (an unprotected letter of `dominant` only raises the share, one of
/// another script only lowers it), those of `dominant` alone first (most
/// words are, and are quickly asked: a long Russian line with `gtk` in it
/// asks a few of its Russian words, not all of them).
fn text_share_at_least(
    words: &[Word],
    dominant: Sc,
    is_protected: impl Fn(usize, &Word) -> bool,
    at_least: f32,
) -> Option<bool> {
    let share = |part: u32, whole: u32| part as f32 / whole.max(1) as f32;
    // A word's letters of `dominant` and of the other scripts.
    let letters = |w: &Word| {
        let own = u32::from(w.count(dominant));
        let of_all: u32 = Sc::ALL.into_iter().map(|sc| u32::from(w.count(sc))).sum();
        (own, of_all - own)
    };
    // Unprotected letters of `dominant` and of the others among the words
    // asked, and the letters of the words not asked.
    let (mut own, mut others) = (0u32, 0u32);
    let (mut rest_own, mut rest_others) = words
        .iter()
        .map(letters)
        .fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let alone = |w: &&Word| letters(w).1 == 0;
    let order = (words.iter().enumerate())
        .filter(|(_, w)| alone(w))
        .chain(words.iter().enumerate().filter(|(_, w)| !alone(w)));
    for (i, w) in order {
        let (of_own, of_others) = letters(w);
        if of_own + of_others == 0 {
            continue;
        }
        if share(own, own + others + rest_others) >= at_least {
            return Some(true);
        }
        if own + others > 0 && share(own + rest_own, own + rest_own + others) < at_least {
            return Some(false);
        }
        rest_own -= of_own;
        rest_others -= of_others;
        if !is_protected(i, w) {
            own += of_own;
            others += of_others;
        }
    }
    (own + others > 0).then(|| share(own, own + others) >= at_least)
}

/// What the judge knows about the line.
struct Line<'t> {
    text: &'t str,
    words: &'t [Word],
    dominant: Sc,
    /// Whether the dominant script writes at least 60% of the line's
    /// letters and of its text's (see `text_mostly_dominant`).
    mostly_dominant: bool,
    /// Whether the dominant script writes at least 60% of the letters of
    /// the line's text: its words outside protected chunks (options,
    /// paths, format strings); of the line's letters where all are
    /// protected.
    text_mostly_dominant: bool,
    /// The line's letters of each script, by [`Sc`] index.
    letters: [u32; 3],
    serbian: bool,
    /// The spans earlier rounds of [`MixedScript::apply`] re-typed: the
    /// letters outside them are the line as it was typed (in `le.ruf/,rjdkiud`
    /// the first round makes `велико`, whose `о` was the Latin `f`).
    retyped: &'t [(usize, usize)],
    /// The line's language per script, by lexicon votes; computed once,
    /// only for lines that reach the judge.
    languages: [std::cell::OnceCell<Option<&'static str>>; 3],
    /// [`possible_languages`] of the line per script, computed once.
    possible: [std::cell::OnceCell<Vec<&'static str>>; 3],
    /// [`Line::short_line_words`] per script, computed once.
    short_words: [std::cell::OnceCell<Option<Vec<String>>>; 3],
    /// [`Line::lexicon_weight`]s asked so far, per script and language
    /// (each judged word may ask: worked out once a line, not once a word),
    /// each with the words of [`Line::short_line_words`] its lexicon lists
    /// (bit `i` for word `i`; none on a longer line), which the weight's
    /// look-ups find: [`Line::listed_words`] does not look them up again.
    weights: std::cell::RefCell<Vec<(Sc, &'static str, f32, u16)>>,
    /// Whole-line answers each judged word asks, worked out once a line.
    tallies: LineTallies,
}

/// What [`MixedScript::foreign_word`] asks of the whole line for each word
/// it judges, worked out on the first ask. Asked anew for each word, these
/// scans made the judge quadratic in the words of a line: a line of 248 KB
/// with 8,000 Latin slips (`Привет (когда слово ghbdtn) …`) took 0.6 s, or
/// of 8,000 Cyrillic lookalikes in English (`Hello (when word сор) …`)
/// 1 s, most of it spent counting and reading the line again per word.
#[derive(Default)]
struct LineTallies {
    /// How many of the line's words are of each script alone
    /// ([`Word::single`]), by [`Sc`] index.
    single: std::cell::OnceCell<[usize; 3]>,
    /// Per script, whether the line writes a word of it in capitals
    /// ([`Line::is_capitalised_word`]).
    capitalised: [std::cell::OnceCell<bool>; 3],
    /// [`serbian_latin_line`] of the line.
    serbian_latin: std::cell::OnceCell<bool>,
    /// How many of the line's words have two letters or more of each
    /// script, by [`Sc`] index ([`alone_in_its_script`]).
    two_of: std::cell::OnceCell<[usize; 3]>,
}

/// How many words the scans of [`LineTallies`] have read on this thread,
/// for the test that each is made once a line.
#[cfg(test)]
mod tally_scans {
    thread_local! {
        pub(super) static WORDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    pub(super) fn add(words: usize) {
        WORDS.with(|n| n.set(n.get() + words));
    }
}

impl Line<'_> {
    /// Whether the dominant script writes at least 60% of the line's
    /// letters outside word `w`.
    fn mostly_dominant_without(&self, w: &Word) -> bool {
        let outside = |sc: Sc| {
            (self.letters.get(sc as usize).copied().unwrap_or(0))
                .saturating_sub(u32::from(w.count(sc)))
        };
        let all: u32 = Sc::ALL.into_iter().map(outside).sum();
        all > 0 && outside(self.dominant) as f32 >= 0.6 * all as f32
    }

    /// How many of the line's words are of script `sc` alone
    /// ([`Word::single`]), counted once a line.
    fn words_of(&self, sc: Sc) -> usize {
        let counts = self.tallies.single.get_or_init(|| {
            #[cfg(test)]
            tally_scans::add(self.words.len());
            let mut counts = [0; 3];
            for w in self.words {
                if let Some(n) = w.single().and_then(|s| counts.get_mut(s as usize)) {
                    *n += 1;
                }
            }
            counts
        });
        counts.get(sc as usize).copied().unwrap_or(0)
    }

    /// How many of the line's words have two letters of script `sc` or
    /// more, counted once a line.
    fn words_with_two_of(&self, sc: Sc) -> usize {
        let counts = self.tallies.two_of.get_or_init(|| {
            #[cfg(test)]
            tally_scans::add(self.words.len());
            let mut counts = [0; 3];
            for w in self.words {
                for s in Sc::ALL {
                    if let Some(n) = counts.get_mut(s as usize) {
                        *n += usize::from(w.count(s) >= 2);
                    }
                }
            }
            counts
        });
        counts.get(sc as usize).copied().unwrap_or(0)
    }

    /// Whether any word of the line is a word of `sc` in capitals
    /// ([`Line::is_capitalised_word`]), worked out once a line.
    fn has_capitalised_word(&self, sc: Sc) -> bool {
        let scan = || {
            #[cfg(test)]
            tally_scans::add(self.words.len());
            self.words.iter().any(|o| self.is_capitalised_word(o, sc))
        };
        match self.tallies.capitalised.get(sc as usize) {
            Some(cell) => *cell.get_or_init(scan),
            None => scan(),
        }
    }

    /// [`serbian_latin_line`] of the line, worked out once.
    fn is_serbian_latin(&self) -> bool {
        *self.tallies.serbian_latin.get_or_init(|| {
            #[cfg(test)]
            tally_scans::add(self.words.len());
            serbian_latin_line(self)
        })
    }

    /// Whether `word` is a word of script `sc` in capitals, four letters or
    /// more: a placeholder or a phrase in capitals (`ДАТОТЕКУ`, `НИКАКИХ`),
    /// not an acronym like `ФТП`.
    fn is_capitalised_word(&self, word: &Word, sc: Sc) -> bool {
        word.single() == Some(sc)
            && word.letters() >= 4
            && self
                .text
                .get(word.start..word.end)
                .is_some_and(|t| t.chars().all(|c| !c.is_lowercase()))
    }

    /// [`possible_languages`] of the line's text in `sc`, worked out on the
    /// first ask (each judged word asks).
    fn possible_languages(&self, sc: Sc) -> &[&'static str] {
        match self.possible.get(sc as usize) {
            Some(cell) => cell.get_or_init(|| possible_languages(self.text, sc)),
            None => sc.languages(),
        }
    }

    /// The language whose lexicon knows most of the line's `sc` words.
    fn language(&self, sc: Sc) -> Option<&'static str> {
        *self.languages.get(sc as usize)?.get_or_init(|| {
            // The line's own script: ask whatlang, among our languages only
            // (tens of microseconds, spent only on lines that reach the judge),
            // unless a short Cyrillic line's lexicons settle what it would
            // give ([`Line::settled_by_lexicons`]).
            // Letters a language lacks rule it out: a line with `ы` is not
            // Bulgarian or Ukrainian, one with `і` not Russian.
            let possible = self.possible_languages(sc);
            if sc == self.dominant {
                let lowered = (sc == Sc::Cyrillic)
                    .then(|| self.short_line_words(sc))
                    .flatten();
                if let Some(lowered) = lowered {
                    if possible.len() > 1 && lexicon_language::enabled() {
                        if let Some(lang) = self.settled_by_lexicons(sc, lowered) {
                            lexicon_language::fired();
                            return Some(lang);
                        }
                    }
                }
                if let Some(lang) = whatlang_language(self.text, sc, possible) {
                    // On a short Cyrillic line whatlang's guess is often one
                    // of the related languages (`тип строки … отличается от
                    // типа строки-результата запроса` read as Bulgarian,
                    // `без претходног регуларног` as Ukrainian): a language
                    // whose lexicons list two of the line's words more than
                    // the guess's do is the line's. (Not in a Latin line:
                    // English terms quoted in French or Spanish text, `ON
                    // DELETE DO INSTEAD`, outnumber its words of the line's
                    // language.)
                    if sc != Sc::Cyrillic {
                        return Some(lang);
                    }
                    // (Only a short line: on a longer one whatlang has
                    // enough to go on, and the count would cost a lexicon
                    // look-up per word. Most lines' guess lists all their
                    // words but one at most: no other language can then
                    // list two more, and the other lexicons are not asked.)
                    let Some(lowered) = lowered else {
                        return Some(lang);
                    };
                    let guessed = self.listed_words(sc, lang, lowered);
                    if guessed + 2 > lowered.len() {
                        return Some(lang);
                    }
                    let better = possible
                        .iter()
                        .filter(|l| **l != lang)
                        .map(|l| (self.listed_words(sc, l, lowered), *l))
                        .filter(|(n, _)| *n >= guessed + 2)
                        .max_by_key(|(n, _)| *n);
                    return Some(better.map_or(lang, |(_, l)| l));
                }
            }
            self.language_by_votes(sc)
        })
    }

    /// [`Line::language`] where whatlang is not asked or has no guess:
    /// each known word votes with its frequency (Ukrainian web text knows
    /// many Russian words too, but rarely as well as Russian).
    fn language_by_votes(&self, sc: Sc) -> Option<&'static str> {
        let mut votes: Vec<(f32, &'static str)> = self
            .possible_languages(sc)
            .iter()
            .map(|lang| (self.lexicon_weight(sc, lang), *lang))
            .collect();
        votes.sort_by(|a, b| b.0.total_cmp(&a.0));
        match votes.as_slice() {
            [(best, lang), (second, _), ..] if *best > 0.0 && *best > *second * 1.1 => Some(*lang),
            [(best, lang)] if *best > 0.0 => Some(*lang),
            _ => None,
        }
    }

    /// The language of a short Cyrillic line of the dominant script that
    /// [`Line::language`] gives whatever whatlang guesses, if its lexicons
    /// settle it: the lexicons' votes ([`Line::language_by_votes`], what
    /// decides where whatlang has no guess) name a language `best`, and
    /// `best`'s lexicons list two more of the line's words (`lowered`, in
    /// lower case) than each other possible language's (of more than one).
    /// Then whatlang need not be asked (a call of about 100,000
    /// instructions on a line of 120 bytes): a guess `best` stands, as no
    /// other language lists two more words than it; any other guess `g`
    /// (whatlang guesses among the possible languages) gives way to the
    /// language listing the most words among those listing two more than
    /// `g`, which `best` is, alone listing the most. Another language's
    /// words are counted only until it lists too many for that, or too few
    /// are left to.
    fn settled_by_lexicons(&self, sc: Sc, lowered: &[String]) -> Option<&'static str> {
        let best = self.language_by_votes(sc)?;
        let most = self.listed_words(sc, best, lowered);
        // (The words each lexicon lists are known from the votes: only the
        // others are looked up in the extended lexicons, and only until
        // the count is settled.)
        let two_fewer = |lang: &'static str| {
            let (mut listed, rest) = self.listed_and_rest(sc, lang, lowered);
            let rest: Vec<&String> = rest.collect();
            for (i, word) in rest.iter().enumerate() {
                if listed + 2 > most {
                    return false;
                }
                if listed + (rest.len() - i) + 2 <= most {
                    return true;
                }
                listed += usize::from(zipf_ext_beyond(lang, word).is_some());
            }
            listed + 2 <= most
        };
        let possible = self.possible_languages(sc);
        possible
            .iter()
            .all(|l| *l == best || two_fewer(l))
            .then_some(best)
    }

    /// Whether the line's Cyrillic words read Serbian without a letter only
    /// Serbian writes (`датотеке`, `ништаван`): Serbian is among the
    /// languages their letters leave ([`possible_languages`]), and the
    /// Serbian lexicon knows them better than each other one
    /// ([`Line::lexicon_weight`]).
    fn reads_serbian(&self) -> bool {
        let possible = self.possible_languages(Sc::Cyrillic);
        if !possible.contains(&"sr") {
            return false;
        }
        let serbian = self.lexicon_weight(Sc::Cyrillic, "sr");
        serbian > 0.0
            && possible
                .iter()
                .filter(|lang| **lang != "sr")
                .all(|lang| serbian > self.lexicon_weight(Sc::Cyrillic, lang))
    }

    /// Whether only languages of `sc` the line's letters rule out
    /// ([`possible_languages`]) list the spelling `lexical` (`синтаксису`,
    /// listed Ukrainian, in a line whose `ё` leaves Russian or Belarusian),
    /// and neither the document nor the user knows it.
    fn listed_only_elsewhere(&self, lexical: &Lexical, sc: Sc) -> bool {
        if sc != Sc::Cyrillic
            || lexical.user
            || lexical.count > 0
            || lexical.zipfs.iter().all(|(_, z)| z.is_none())
        {
            return false;
        }
        let possible = self.possible_languages(sc);
        !(lexical.zipfs.iter()).any(|(lang, z)| z.is_some() && possible.contains(lang))
    }

    /// The line's words of `sc` (see [`Line::script_words`]) in lower case,
    /// if they are [`SHORT_LINE_WORDS`] at most; lowered on the first ask
    /// ([`Line::language`], [`Line::lexicon_weight`] and every candidate
    /// [`Line::lexicons_allow`] weighs ask).
    fn short_line_words(&self, sc: Sc) -> Option<&[String]> {
        let lower = || {
            (self.script_words(sc).count() <= SHORT_LINE_WORDS)
                .then(|| self.script_words(sc).map(lowercase).collect())
        };
        match self.short_words.get(sc as usize) {
            Some(cell) => cell.get_or_init(lower).as_deref(),
            None => None,
        }
    }

    /// Whether the lexicons make a short line of `sc` whose language is
    /// `lang` `rival`'s as much: the line's letters allow `rival`, and its
    /// lexicons list more of the line's words than any other language's
    /// (`оператор … номера не поддерживается`, which whatlang reads as
    /// Ukrainian, is Russian), or as many when `rival` is Russian, whose
    /// typists far outnumber the others' (`Зайти в … контейнер`). Only
    /// Cyrillic lines, as [`Line::language`] checks.
    fn lexicons_allow(&self, sc: Sc, lang: &str, rival: &str) -> bool {
        if sc != Sc::Cyrillic || sc != self.dominant || rival == lang {
            return false;
        }
        let possible = self.possible_languages(sc);
        // (`rival` as the possible languages name it.)
        let Some(rival) = possible.iter().copied().find(|l| *l == rival) else {
            return false;
        };
        self.short_line_words(sc).is_some_and(|lowered| {
            let listed = self.listed_words(sc, rival, lowered);
            possible.iter().filter(|l| **l != rival).all(|l| {
                let other = self.listed_words(sc, l, lowered);
                other < listed || (other == listed && rival == "ru")
            })
        })
    }

    /// Whether the lexicons of `lang` list more of a short Cyrillic line's
    /// words (of the dominant script) than those of each other language
    /// its letters allow: [`Line::lexicons_allow`] without Russian's tie.
    fn lexicons_favour(&self, sc: Sc, lang: &str) -> bool {
        if sc != Sc::Cyrillic || sc != self.dominant {
            return false;
        }
        let possible = self.possible_languages(sc);
        // (`lang` as the possible languages name it.)
        let lang = match possible.iter().copied().find(|l| *l == lang) {
            Some(lang) if possible.len() >= 2 => lang,
            _ => return false,
        };
        self.short_line_words(sc).is_some_and(|lowered| {
            let listed = self.listed_words(sc, lang, lowered);
            (possible.iter())
                .filter(|l| **l != lang)
                .all(|l| self.listed_words(sc, l, lowered) < listed)
        })
    }

    /// The line's words of `sc` alone, of two letters or more: the words
    /// its languages are told by.
    fn script_words(&self, sc: Sc) -> impl Iterator<Item = &str> + '_ {
        self.words
            .iter()
            .filter(move |w| w.single() == Some(sc) && w.letters() >= 2)
            .filter_map(|w| self.text.get(w.start..w.end))
    }

    /// How well `lang`'s lexicon knows the line's words of `sc` (of two
    /// letters or more): their word frequencies summed, each word voting
    /// with how common it is.
    fn lexicon_weight(&self, sc: Sc, lang: &'static str) -> f32 {
        self.weighed(sc, lang).0
    }

    /// [`Line::lexicon_weight`] of `lang`, with the short line's words its
    /// lexicon lists (see [`Line::weights`]).
    fn weighed(&self, sc: Sc, lang: &'static str) -> (f32, u16) {
        let known = self
            .weights
            .borrow()
            .iter()
            .find(|(s, l, _, _)| *s == sc && *l == lang)
            .map(|&(_, _, w, listed)| (w, listed));
        known.unwrap_or_else(|| {
            // (A short line's words are lowered once for every language.)
            let (w, listed) = match self.short_line_words(sc) {
                Some(lowered) => {
                    let mut listed = 0u16;
                    let mut w = 0.0;
                    for (i, t) in lowered.iter().enumerate() {
                        if let Some(z) = zipf(lang, t) {
                            w += z;
                            listed |= u32::try_from(i)
                                .ok()
                                .and_then(|i| 1u16.checked_shl(i))
                                .unwrap_or(0);
                        }
                    }
                    (w, listed)
                }
                None => (
                    self.script_words(sc)
                        .filter_map(|t| zipf(lang, &lowercase(t)))
                        .sum(),
                    0,
                ),
            };
            self.weights.borrow_mut().push((sc, lang, w, listed));
            (w, listed)
        })
    }

    /// How many of the short line's words of `sc` (`lowered`, its
    /// [`Line::short_line_words`]) `lang`'s lexicons list, the extended one
    /// included (those [`zipf_ext`] finds): the words its lexicon lists, found by
    /// the look-ups of [`Line::lexicon_weight`], and of the others those the
    /// rest of [`zipf_ext`] finds ([`zipf_ext_beyond`]).
    fn listed_words(&self, sc: Sc, lang: &'static str, lowered: &[String]) -> usize {
        let (listed, rest) = self.listed_and_rest(sc, lang, lowered);
        listed + rest.filter(|t| zipf_ext_beyond(lang, t).is_some()).count()
    }

    /// For [`Line::listed_words`]: how many of `lowered` `lang`'s lexicon
    /// lists, and the others.
    fn listed_and_rest<'w>(
        &self,
        sc: Sc,
        lang: &'static str,
        lowered: &'w [String],
    ) -> (usize, impl Iterator<Item = &'w String> + 'w) {
        let (_, listed) = self.weighed(sc, lang);
        let rest = (lowered.iter().enumerate())
            .filter(move |(i, _)| (listed >> i) & 1 == 0)
            .map(|(_, t)| t);
        (listed.count_ones() as usize, rest)
    }
}

/// The most words of its script a line may hold for [`Line::language`] to
/// check whatlang's guess against the lexicons.
const SHORT_LINE_WORDS: usize = 8;

/// The fewest letters of a word of another script that is judged in a line
/// whose letters outside it are mostly of the line's script
/// (`outweighed` in [`MixedScript::foreign_word`]): shorter words of
/// another script in such a line are as often abbreviations, names and
/// particles of a quoted phrase (`rj`, `ldi`, `regs`, `арг`) as slips.
const OUTWEIGHED_LETTERS: u16 = 6;

/// Whether the `index`th word, of script `source`, is the only word of the
/// line holding two letters or more of `source`, and at least two words of
/// `target` stand in the line (protected chunks count: a quoted `root` is
/// Latin text all the same).
fn alone_in_its_script(line: &Line<'_>, index: usize, source: Sc, target: Sc) -> bool {
    // (By the line's tallies, counted once a line: not a scan of the line
    // per word asked.)
    let own = line.words.get(index).is_some_and(|w| w.count(source) >= 2);
    line.words_with_two_of(source) == usize::from(own) && line.words_of(target) >= 2
}

/// How many of the words `lowered` `lang`'s lexicons list, the extended one
/// included (its inflected forms are what tell related languages apart):
/// what [`Line::listed_words`] counts.
#[cfg(test)]
fn listed_words(lowered: &[String], lang: &str) -> usize {
    lowered
        .iter()
        .filter(|t| zipf_ext(lang, t).is_some())
        .count()
}

/// How common a pair of layouts is, as a log-odds nudge: people who switch
/// between Latin and Cyrillic layouts mostly use US QWERTY and their
/// national layout; QWERTZ, AZERTY and phonetic layouts are rarer pairs.
fn layout_prior((from, to): (&str, &str)) -> f32 {
    -(layout_rarity(from) + layout_rarity(to))
}

/// What a candidate's layout pair adds to its score: [`layout_prior`], less
/// [`azerty_under_cyrillic`], or nothing for the pair the caller knows was
/// `meant` (a Bulgarian slip's QWERTY and phonetic layout,
/// [`bulgarian_line_slip`]: its rarity is what the line already settled).
fn pair_prior((from, to): (&str, &str), meant: Option<(&str, &str)>) -> f32 {
    if meant == Some((from, to)) {
        return 0.0;
    }
    layout_prior((from, to)) - azerty_under_cyrillic((from, to))
}

/// How much rarer than the commonest layout of its script a layout is, in
/// log-odds: QWERTZ, AZERTY and phonetic layouts are rarer than US QWERTY
/// and ЙЦУКЕН.
fn layout_rarity(id: &str) -> f32 {
    match id {
        "de" | "fr" => 0.7,
        "bg-phonetic" => 1.0,
        // Serbian and Bulgarian typists are far fewer than Russian ones.
        "rs" | "bg" => 0.5,
        _ => 0.0,
    }
}

/// How well the letters a candidate changed fit their neighbours: the mean
/// log-probability of the transitions into and out of each changed letter,
/// under the best language of `sc`. `None` when the lengths differ.
///
/// Most words fit [`LOCAL_ROOM`] characters: their letters are read on the
/// stack (a cold pass works this out for every new candidate spelling the
/// judge weighs, and four allocations were half its cost); longer ones, or
/// a candidate whose lower case takes more than one character at a time,
/// go to [`local_plausibility_by_vecs`], which is also its reference.
fn local_plausibility(original: &str, candidate: &str, sc: Sc) -> Option<f32> {
    let mut old = ['\0'; LOCAL_ROOM];
    let mut new = ['\0'; LOCAL_ROOM];
    let mut old_len = 0;
    for c in original.chars() {
        let Some(slot) = old.get_mut(old_len) else {
            return local_plausibility_by_vecs(original, candidate, sc);
        };
        *slot = c;
        old_len += 1;
    }
    let mut new_len = 0;
    for c in candidate.chars() {
        // (As [`lowercase`] maps a character by itself; any other goes to
        // the general walk, which lower-cases the whole word.)
        let Some(lower) = tables::lower_char(c) else {
            return local_plausibility_by_vecs(original, candidate, sc);
        };
        let Some(slot) = new.get_mut(new_len) else {
            return local_plausibility_by_vecs(original, candidate, sc);
        };
        *slot = lower;
        new_len += 1;
    }
    if old_len != new_len {
        return None;
    }
    let old = old.get(..old_len).unwrap_or_default();
    let new = new.get(..new_len).unwrap_or_default();
    let mut changed = [0usize; LOCAL_ROOM];
    let mut changed_len = 0;
    for i in (0..new.len())
        .filter(|&i| old.get(i).map(|c| c.to_lowercase().next()) != Some(new.get(i).copied()))
        .filter(|&i| new.get(i).is_some_and(|&c| letters::is_alphabetic(c)))
    {
        if let Some(slot) = changed.get_mut(changed_len) {
            *slot = i;
            changed_len += 1;
        }
    }
    local_mean(new, changed.get(..changed_len).unwrap_or_default(), sc)
}

/// The most characters [`local_plausibility`] reads on the stack.
const LOCAL_ROOM: usize = 32;

/// [`local_plausibility`] with its letters in vectors: for any word.
fn local_plausibility_by_vecs(original: &str, candidate: &str, sc: Sc) -> Option<f32> {
    let old: Vec<char> = original.chars().collect();
    let new: Vec<char> = lowercase(candidate).chars().collect();
    if old.len() != new.len() {
        return None;
    }
    // Only letters are judged; an apostrophe between them (`l'aide`) is a
    // word boundary to the model.
    let changed: Vec<usize> = (0..new.len())
        .filter(|&i| old.get(i).map(|c| c.to_lowercase().next()) != Some(new.get(i).copied()))
        .filter(|&i| new.get(i).is_some_and(|&c| letters::is_alphabetic(c)))
        .collect();
    local_mean(&new, &changed, sc)
}

/// [`local_plausibility`]'s mean over the letters `changed` (places in
/// `new`, the candidate in lower case), under the best language of `sc`;
/// `None` when none changed.
fn local_mean(new: &[char], changed: &[usize], sc: Sc) -> Option<f32> {
    if changed.is_empty() {
        return None;
    }
    sc.languages()
        .iter()
        .filter_map(|lang| bigrams(lang))
        .map(|model| {
            let total: f32 = changed
                .iter()
                .map(|&i| {
                    let letter =
                        |j: usize| new.get(j).copied().filter(|&c| letters::is_alphabetic(c));
                    let prev = i.checked_sub(1).and_then(letter);
                    let cur = letter(i);
                    let next = letter(i + 1);
                    model.transition(prev, cur) + model.transition(cur, next)
                })
                .sum();
            total / (2 * changed.len()) as f32
        })
        .reduce(f32::max)
}

/// Whether the word at byte `start` of `text` opens a sentence (or a
/// clause that may take a capital): nothing but punctuation and spaces since
/// the line's start or since `.`, `!`, `?`, `:` or `…` (`- Ha човека`,
/// `Напомена: He постоји`).
fn opens_sentence(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|head| {
            head.chars()
                .rev()
                .find(|c| c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | ':' | '…'))
        })
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the word at byte `start` of `text` opens a help line's
/// description column: it follows a column gap (two spaces or more, or a
/// tab) after one column of options, text opening with `-` and holding no
/// gap itself. That column opens its text as a sentence does
/// (`--no-pager          He использовать пейджер`, `-f --no-fail
/// He отказује`); a gap between the cells of a table does not (`Имя
/// Moe      Возраст 34`: `Moe` is a name, the reviewer's probe of session
/// 26).
fn after_column_gap(text: &str, start: usize) -> bool {
    text.get(..start).is_some_and(|head| {
        let body = head.trim_end_matches([' ', '\t']);
        let gap = head.get(body.len()..).unwrap_or_default();
        let options = body.trim_start();
        options.starts_with('-')
            && !options.contains('\t')
            && !options.contains("  ")
            && (gap.len() >= 2 || gap.contains('\t'))
    })
}

/// Whether a lowercase letter is followed by an uppercase one (`содерБит`).
fn has_inner_capital(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// How much `word` (with any layout punctuation in it) reads like a word
/// of `sc`'s languages: the best mean bigram log-probability.
fn typed_plausibility(word: &str, sc: Sc) -> f32 {
    best_reading(&lowercase(word), sc).max(-12.0)
}

/// Whether a whole word in `sc` could be another script typed on `sc`'s
/// layout: layout punctuation inside, too few vowels (Cyrillic vowels land
/// on QWERTY consonant keys — `а` on `f`, `о` on `j`, `е` on `t` — and Latin
/// vowels on ЙЦУКЕН consonants), or one of those telltale letters (`j`, `f`;
/// `щ`, `ш`, `ф`). A wide net: the judge decides.
///
/// With it, whether a lexicon of `sc` lists the word (lower-cased), where
/// the answer took that look-up (`None` where it did not).
fn looks_mistyped_word(word: &str, sc: Sc, serbian: bool) -> (bool, Option<bool>) {
    let (mut letters, mut vowels, mut telltale) = (0u32, 0u32, 0u32);
    for c in word.chars() {
        if is_layout_punct(c) {
            return (true, None);
        }
        if sc_of(c) == Some(sc) {
            letters += 1;
            // `y` is left out: it is what `н` becomes on QWERTY.
            vowels += u32::from(is_vowel(c) && !matches!(c, 'y' | 'Y'));
            telltale += u32::from(matches!(
                c,
                'j' | 'f' | 'J' | 'F' | 'щ' | 'ш' | 'ф' | 'Щ' | 'Ш' | 'Ф'
            ));
            // Serbian Latin has no q, w, x, y: on QWERTY they are the
            // Serbian layout's `љ њ џ з`.
            telltale +=
                u32::from(serbian && matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y'));
        }
    }
    if sc == Sc::Greek || telltale > 0 || vowels * 100 < letters * 25 {
        return (true, None);
    }
    // A lower-case word no lexicon of its script knows (`elewm`, which is
    // `уьуцм`, or `будуць` with its `б` on the comma key).
    if !word.chars().all(char::is_lowercase) {
        return (false, None);
    }
    // (An ASCII word in lower case is its own lower case.)
    let listed = if word.is_ascii() {
        lexicon_lists(sc, word)
    } else {
        lexicon_lists(sc, &lowercase(word))
    };
    (!listed, Some(listed))
}

/// What the gate needs to know of a word of script `source` in a line of
/// script `target`, beyond its shape: every part depends only on the text
/// of the word and the punctuation keys glued to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordVerdict {
    /// A Latin word that could be a slip: [`looks_mistyped_word`] and
    /// [`could_read_uncached`].
    layout: bool,
    /// Whether its letters all have lookalikes in `target`, and whether
    /// that respelling is a lexicon word.
    lookalike: Lookalike,
    /// A Latin word in a Greek line that the Greek layout re-types into one
    /// of Greek's commonest words ([`common_retyping`]: `toy` is `του`),
    /// which the gate asks of every Latin word of a Greek line that
    /// [`WordVerdict::layout`] does not pass.
    greek_retyping: bool,
}

impl WordVerdict {
    /// Neither a slip nor a lookalike.
    const NONE: WordVerdict = WordVerdict {
        layout: false,
        lookalike: Lookalike::None,
        greek_retyping: false,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lookalike {
    None,
    Unlisted,
    Listed,
}

/// The [`WordVerdict`] of `w`. The same foreign words come back line after
/// line (`grub`, `partman` in a Russian manual), so each thread remembers
/// its verdicts, keyed by exactly the text they depend on (the word with
/// the punctuation keys and letters glued to it) and the scripts: a
/// remembered verdict is the computed one.
fn word_verdict(text: &str, w: &Word, source: Sc, target: Sc, serbian: bool) -> WordVerdict {
    word_verdict_unless(text, w, source, target, serbian, || false).unwrap_or(WordVerdict::NONE)
}

/// [`word_verdict`], or `None` when it is neither remembered nor needed:
/// `moot` (asked only before a verdict is worked out) says the caller's
/// answer does not depend on it (the gate's for a word in a protected
/// chunk, a path or an option, which it never passes, whatever the word).
fn word_verdict_unless(
    text: &str,
    w: &Word,
    source: Sc,
    target: Sc,
    serbian: bool,
    moot: impl Fn() -> bool,
) -> Option<WordVerdict> {
    let compute = || {
        if moot() {
            return None;
        }
        let word = text.get(w.start..w.end).unwrap_or_default();
        // The spans a re-typing may cover are read only for a word that
        // may be one: most Latin words of a Cyrillic line look typed as
        // meant (`installer`, `root`), and a word of another source is
        // never re-typed here.
        let layout = source == Sc::Latin && {
            let (mistyped, listed) = looks_mistyped_word(word, source, serbian);
            // (A word glued after a `;` that opens its chunk is typed
            // with it: [`semicolon_word_around`].)
            // (So is a short word with a key glued to it that may re-type
            // with it into a common word: [`edge_key_retyping`].)
            (mistyped || semicolon_word_around(text, w).is_some() || edge_keyed_shape(text, w)) && {
                // Most foreign words stand alone (`Debian` between
                // spaces): their one span is known without
                // [`chunk_spans`]' walk and list.
                let lone;
                let chunk;
                let spans: &[(usize, usize, u8)] = if let Some(span) = lone_span(text, w, source) {
                    lone = [span];
                    &lone
                } else {
                    chunk = chunk_spans(text, w, source);
                    &chunk
                };
                could_read_uncached(text, w, spans, (source, target), serbian, listed)
            }
        };
        // (A word of ASCII letters respelled on the stack.)
        let lookalike = keyed::lookalike_of_ascii(word, target)
            .unwrap_or_else(|| lookalike_by_strings(word, target));
        // A Latin word whose lookalike respelling only an extended lexicon
        // lists, as often as the judge asks of such a reading
        // ([`LOOKALIKE_READING_ZIPF`]: `CTPOKA` is `СТРОКА`, zipf 3.5 in
        // the extended Russian one), is as suspect as one a lexicon lists.
        let lookalike = if lookalike == Lookalike::Unlisted
            && source == Sc::Latin
            && common_beyond_lexicons(word, target)
        {
            Lookalike::Listed
        } else {
            lookalike
        };
        let greek_retyping =
            source == Sc::Latin && target == Sc::Greek && common_retyping(word, source, target);
        Some(WordVerdict {
            layout,
            lookalike,
            greek_retyping,
        })
    };
    // A word of ASCII letters that nothing joins (`Debian` between spaces,
    // most foreign words) has a verdict that is a function of its letters
    // and the scripts alone: it is looked up by them packed into a number,
    // in a small table indexed by their hash, before the general memo
    // (whose key is a string built from the word's chunk).
    // A word whose verdict was moot when last asked is remembered as such
    // (`None`): it is worked out once it matters.
    let lone = lone_word_key(text, w, source, target, serbian);
    if let Some(key) = lone {
        match LONE_VERDICTS.with(|t| t.borrow().get(key)) {
            Recall::Known(known) => return Some(known),
            Recall::Moot if moot() => return None,
            Recall::Moot | Recall::Nothing => {}
        }
    }
    let verdict = remembered_verdict(text, w, source, target, serbian, compute);
    if let Some(key) = lone {
        LONE_VERDICTS.with(|t| {
            if let Ok(mut t) = t.try_borrow_mut() {
                t.put(key, verdict);
            }
        });
    }
    verdict
}

/// [`WordVerdict::lookalike`] of `word` by strings: its lookalike
/// respelling in `target`, and whether a lexicon of `target` lists it
/// ([`keyed::lookalike_of_ascii`] answers words of ASCII letters on the
/// stack, and is tested against this).
fn lookalike_by_strings(word: &str, target: Sc) -> Lookalike {
    match map_lookalikes(word, target) {
        None => Lookalike::None,
        Some((respelled, _)) => {
            let lower = lowercase(&respelled);
            if lexicon_lists(target, &lower) {
                Lookalike::Listed
            } else {
                Lookalike::Unlisted
            }
        }
    }
}

/// Whether the lookalike respelling of `word` in `target` is listed beyond
/// the lexicons ([`zipf_ext_beyond`]: the extended lexicons, and the
/// readings of `ё` and of French elision) at [`LOOKALIKE_READING_ZIPF`] or
/// more in some language of `target`, or, for a word in capitals, with a
/// mark capitals drop put back ([`with_a_mark`]: `APXEIO` is `ΑΡΧΕΙΟ`,
/// `αρχείο`, zipf 4.7, where the extended Greek lexicon lists the web's
/// `αρχειο` at 3.0). (Each language asked only where its trigrams allow:
/// most such respellings, `віоѕ` of `BIOS`, are listed nowhere, and a
/// first look-up decodes the language's extended lexicon.)
fn common_beyond_lexicons(word: &str, target: Sc) -> bool {
    map_lookalikes(word, target).is_some_and(|(respelled, _)| {
        let lower = lowercase(&respelled);
        target.languages().iter().any(|l| {
            tables::trigrams(l).is_none_or(|t| t.may_list_str(&lower))
                && zipf_ext_beyond(l, &lower).is_some_and(|z| z >= LOOKALIKE_READING_ZIPF)
        }) || (word.chars().all(|c| !c.is_lowercase())
            && with_a_mark(&lower, |marked| common_reading(marked, target.languages())))
    })
}

/// Whether a lexicon of a language of `langs` lists `lower` at
/// [`LOOKALIKE_READING_ZIPF`] or more.
fn common_reading(lower: &str, langs: &[&str]) -> bool {
    langs
        .iter()
        .any(|&l| zipf_ext(l, lower).is_some_and(|z| z >= LOOKALIKE_READING_ZIPF))
}

/// The key of a word of 1–16 ASCII letters that [`lone_span`] finds alone
/// for [`LoneVerdicts`]: its bytes, its length and the scripts; `None` for
/// any other word.
fn lone_word_key(
    text: &str,
    w: &Word,
    source: Sc,
    target: Sc,
    serbian: bool,
) -> Option<(u128, u16)> {
    let word = text.get(w.start..w.end)?;
    if word.len() > 16 {
        return None;
    }
    lone_span(text, w, source)?;
    let mut bytes = [0u8; 16];
    bytes
        .get_mut(..word.len())?
        .copy_from_slice(word.as_bytes());
    // `len` is 1–16, so the tag is never 0, the mark of an empty slot.
    let tag = u16::try_from(word.len()).ok()?
        | (u16::from(source as u8) << 5)
        | (u16::from(target as u8) << 7)
        | (u16::from(serbian) << 9);
    Some((u128::from_le_bytes(bytes), tag))
}

/// How many verdicts [`LoneVerdicts`] holds (32 bytes each).
const LONE_VERDICT_SLOTS: usize = 1 << 10;

/// [`word_verdict`]'s table for lone words of ASCII letters: one verdict per
/// slot, found by a hash of the key; a verdict whose key lands on a taken
/// slot replaces the one there. A remembered verdict is the computed one:
/// the slot keeps the whole key.
struct LoneVerdicts(Vec<(u128, u16, Option<WordVerdict>)>);

/// What [`LoneVerdicts`] remembers of a key.
enum Recall {
    /// The verdict.
    Known(WordVerdict),
    /// That the verdict was moot when last asked (see
    /// [`word_verdict_unless`]).
    Moot,
    /// Nothing.
    Nothing,
}

impl LoneVerdicts {
    fn slot((bytes, tag): (u128, u16)) -> usize {
        // The high bits of a multiply-mix of both halves and the tag.
        #[allow(clippy::cast_possible_truncation)] // the halves, by intent
        let (lo, hi) = (bytes as u64, (bytes >> 64) as u64);
        let h = (lo ^ hi.rotate_left(29) ^ u64::from(tag))
            .wrapping_mul(WordHasher::K)
            .rotate_left(17)
            .wrapping_mul(WordHasher::K);
        usize::try_from(h >> (64 - LONE_VERDICT_SLOTS.trailing_zeros())).unwrap_or(0)
    }

    /// What is remembered for `key`.
    fn get(&self, key: (u128, u16)) -> Recall {
        match self
            .0
            .get(Self::slot(key))
            .filter(|(bytes, tag, _)| (*bytes, *tag) == key)
        {
            Some(&(_, _, Some(verdict))) => Recall::Known(verdict),
            Some((_, _, None)) => Recall::Moot,
            None => Recall::Nothing,
        }
    }

    fn put(&mut self, key: (u128, u16), verdict: Option<WordVerdict>) {
        if self.0.is_empty() {
            self.0 = vec![(0, 0, None); LONE_VERDICT_SLOTS];
        }
        if let Some(slot) = self.0.get_mut(Self::slot(key)) {
            *slot = (key.0, key.1, verdict);
        }
    }
}

thread_local! {
    /// [`word_verdict`]'s table of lone ASCII words.
    static LONE_VERDICTS: std::cell::RefCell<LoneVerdicts> =
        const { std::cell::RefCell::new(LoneVerdicts(Vec::new())) };
}

/// An ASCII byte that is neither a word character nor glues to a Latin
/// word: no letter, digit, `/`, apostrophe or layout key.
#[inline]
fn apart_ascii(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'/' && !is_layout_punct(char::from(b))
}

/// What stands on one side of a word of ASCII letters for
/// [`MixedScript::separate_latin_key`], `near` the byte next to it and
/// `beyond` the one past that: nothing (`(false, false)`), a digit
/// (`(true, false)`), a layout key with nothing, a digit or an apart
/// ASCII byte beyond it (`(false, true)`), or a character apart from the
/// word (`(false, false)`); `None` for anything else. `apart` tells a
/// character that is not ASCII ([`apart_before`] or [`apart_after`]); an
/// ASCII byte, most often a space, is apart as [`apart_ascii`] says, which
/// is what those two answer for it.
#[inline]
fn lone_side(
    near: Option<u8>,
    apart: impl FnOnce() -> bool,
    beyond: Option<u8>,
) -> Option<(bool, bool)> {
    match near {
        None => Some((false, false)),
        Some(b) if b.is_ascii_digit() => Some((true, false)),
        Some(b) if b.is_ascii() && is_layout_punct(char::from(b)) => beyond
            .is_none_or(|b| b.is_ascii_digit() || apart_ascii(b))
            .then_some((false, true)),
        Some(b) if b.is_ascii() => apart_ascii(b).then_some((false, false)),
        Some(_) => apart().then_some((false, false)),
    }
}

/// Whether the character that ends `head` (not empty) is apart from a
/// Latin word after it: an ASCII byte [`apart_ascii`] tells, or one of the
/// few others that are neither letters, marks, apostrophes nor keys: a
/// no-break space, `«` `»` (`C2 A0`, `C2 AB`, `C2 BB`) or the punctuation
/// of U+2000–U+203F but `’` (`E2 80 xx`, not `E2 80 99`).
#[inline]
fn apart_before(head: &[u8]) -> bool {
    match head {
        [.., b] if b.is_ascii() => apart_ascii(*b),
        [.., 0xC2, b] => matches!(b, 0xA0 | 0xAB | 0xBB),
        [.., 0xE2, 0x80, b] => *b != 0x99,
        _ => false,
    }
}

/// [`apart_before`] for the character that starts `tail` (not empty).
#[inline]
fn apart_after(tail: &[u8]) -> bool {
    match tail {
        [b, ..] if b.is_ascii() => apart_ascii(*b),
        [0xC2, b, ..] => matches!(b, 0xA0 | 0xAB | 0xBB),
        [0xE2, 0x80, b, ..] => *b != 0x99,
        _ => false,
    }
}

/// How many keys [`ClearedLoneWords`] holds (16 bytes each).
const CLEARED_LONE_SLOTS: usize = 1 << 12;

/// The gate's table of ASCII words standing apart in Cyrillic lines that
/// [`MixedScript::is_suspect_foreign`] cleared without asking whether they
/// are protected, keyed as [`MixedScript::separate_latin_key`] says: one
/// key per slot, found by a hash of the key; a key that lands on a taken
/// slot replaces the one there. A word found here is cleared as it was
/// then: the slot keeps the whole key.
struct ClearedLoneWords(Vec<u128>);

impl ClearedLoneWords {
    fn slot(key: u128) -> usize {
        // The high bits of a multiply-mix of both halves.
        #[allow(clippy::cast_possible_truncation)] // the halves, by intent
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let h = (lo ^ hi.rotate_left(29))
            .wrapping_mul(WordHasher::K)
            .rotate_left(17)
            .wrapping_mul(WordHasher::K);
        usize::try_from(h >> (64 - CLEARED_LONE_SLOTS.trailing_zeros())).unwrap_or(0)
    }

    /// Whether `key` was cleared.
    fn holds(&self, key: u128) -> bool {
        self.0.get(Self::slot(key)) == Some(&key)
    }

    fn put(&mut self, key: u128) {
        if self.0.is_empty() {
            self.0 = vec![0; CLEARED_LONE_SLOTS];
        }
        if let Some(slot) = self.0.get_mut(Self::slot(key)) {
            *slot = key;
        }
    }
}

thread_local! {
    /// [`MixedScript::has_suspect_foreign_word_in`]'s cleared lone words.
    static CLEARED_LONE_WORDS: std::cell::RefCell<ClearedLoneWords> =
        const { std::cell::RefCell::new(ClearedLoneWords(Vec::new())) };
}

/// The key under which [`MixedScript::foreign_word`] remembers that the
/// score bound rejected every candidate of word `w` (see
/// [`bound_rejected_before`]); `None` when the word's text, its spans and
/// the piece it belongs to span more than [`MEMO_MAX_KEY_BYTES`] (then
/// nothing is remembered).
///
/// The bound's answer is a function of its candidates, of the word's
/// spelling, of `keep` (the weight of leaving the word), and of what the
/// document and the user say of each candidate spelling (only asked with
/// no user words). The candidates are a function of the word's spelling,
/// the scripts, which channels are open (`homoglyph`; `spans`, the spans
/// [`chunk_spans`] gave when the word is re-typed, none when it is not),
/// the texts and costs of those spans, the piece of a word it belongs to
/// and whether that is an AZERTY word (which candidates are kept), and of
/// whether a full stop after each candidate stands inside a sentence
/// ([`drop_inner_stop_leavers`], which reads past the spans). The key
/// holds all of these: the text from the first to the last byte any of
/// them covers, each offset into it, each cost and each full stop's
/// answer.
fn bound_rejection_key(
    text: &str,
    w: &Word,
    (source, target): (Sc, Sc),
    homoglyph: bool,
    spans: &[(usize, usize, u8)],
    (whole_word, azerty): (Option<(usize, usize)>, bool),
    keep: f32,
) -> Option<String> {
    let ends = || {
        std::iter::once((w.start, w.end))
            .chain(spans.iter().map(|&(a, b, _)| (a, b)))
            .chain(whole_word)
    };
    let lo = ends().map(|(a, _)| a).min().unwrap_or(w.start);
    let hi = ends().map(|(_, b)| b).max().unwrap_or(w.end);
    if hi.saturating_sub(lo) > MEMO_MAX_KEY_BYTES {
        return None;
    }
    let covered = text.get(lo..hi)?;
    // (Offsets, costs and halves of `keep`'s bits as characters past the
    // Basic Multilingual Plane: never a surrogate.)
    let mark = |n: u32| char::from_u32(0x10000 + (n & 0xFFFF));
    let offset = |at: usize| u32::try_from(at.checked_sub(lo)?).ok().and_then(mark);
    let mut key = String::with_capacity(covered.len() + 16 + 8 * spans.len());
    key.push(char::from(b'0' + source as u8));
    key.push(char::from(b'0' + target as u8));
    key.push(match (homoglyph, spans.is_empty(), azerty) {
        (false, false, false) => 'a',
        (false, false, true) => 'b',
        (false, true, false) => 'c',
        (false, true, true) => 'd',
        (true, false, false) => 'e',
        (true, false, true) => 'f',
        (true, true, false) => 'g',
        (true, true, true) => 'h',
    });
    let bits = keep.to_bits();
    key.push(mark(bits >> 16)?);
    key.push(mark(bits)?);
    key.push(offset(w.start)?);
    key.push(offset(w.end)?);
    // (The word's own end is where its lookalike respelling ends.)
    key.push(if is_inner_stop(text, w.end) { '.' } else { '-' });
    for &(start, end, cost) in spans {
        key.push(offset(start)?);
        key.push(offset(end)?);
        key.push(mark(u32::from(cost))?);
        key.push(if is_inner_stop(text, end) { '.' } else { '-' });
    }
    if let Some((start, end)) = whole_word {
        key.push('w');
        key.push(offset(start)?);
        key.push(offset(end)?);
    }
    key.push('|');
    key.push_str(covered);
    Some(key)
}

/// Whether [`MixedScript::foreign_word`]'s score bound rejected every
/// candidate of a word under `key` ([`bound_rejection_key`]) before, and
/// `context` counts each candidate spelling as the document it was
/// rejected in did: then it rejects them again.
fn bound_rejected_before(key: &str, context: &DocumentContext) -> bool {
    BOUND_REJECTIONS.with(|memo| {
        memo.try_borrow().is_ok_and(|memo| {
            memo.get(key).is_some_and(|counts| {
                counts
                    .iter()
                    .all(|(lower, count)| context.count(lower) == *count)
            })
        })
    })
}

/// Remembers that the score bound rejected every candidate of a word under
/// `key`, with the document's count of each spelling it read (`lexicals`,
/// the bound's readings).
fn remember_bound_rejection(key: String, lexicals: &[(String, Lexical, f32, usize)]) {
    BOUND_REJECTIONS.with(|memo| {
        if let Ok(mut memo) = memo.try_borrow_mut() {
            if memo.len() >= BOUND_REJECTION_ENTRIES {
                memo.clear();
            }
            let counts = lexicals
                .iter()
                .map(|(_, lexical, ..)| (lexical.lower.as_str().into(), lexical.count))
                .collect();
            memo.insert(key.into(), counts);
        }
    });
}

/// How many rejections [`remember_bound_rejection`] keeps (a key and a few
/// spellings each) before it starts over.
const BOUND_REJECTION_ENTRIES: usize = 1 << 12;

/// The rejections of [`remember_bound_rejection`] by key: each candidate
/// spelling with its document count.
type RejectionMap =
    HashMap<Box<str>, Box<[(Box<str>, u32)]>, std::hash::BuildHasherDefault<WordHasher>>;

thread_local! {
    /// [`remember_bound_rejection`]'s memory.
    static BOUND_REJECTIONS: std::cell::RefCell<RejectionMap> =
        std::cell::RefCell::new(RejectionMap::default());
}

/// [`word_verdict`] by its general memo, keyed by the word's chunk.
fn remembered_verdict(
    text: &str,
    w: &Word,
    source: Sc,
    target: Sc,
    serbian: bool,
    compute: impl Fn() -> Option<WordVerdict>,
) -> Option<WordVerdict> {
    VERDICT_MEMO.with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return compute();
        };
        // The spans' texts, and so the verdict, are a function of the
        // chunk [`chunk_spans`] reads and of where the word lies in it: the
        // key is that (a test holds the spans of a chunk alone to the
        // spans in its line), found without listing the spans.
        let (chunk_start, chunk_end) = chunk_bounds(text, w, source);
        if chunk_end.saturating_sub(chunk_start) > MEMO_MAX_KEY_BYTES {
            return compute();
        }
        let (Some(from), Some(to)) = (
            w.start
                .checked_sub(chunk_start)
                .and_then(|o| char::from_u32(u32::try_from(o).ok()?)),
            w.end
                .checked_sub(chunk_start)
                .and_then(|o| char::from_u32(u32::try_from(o).ok()?)),
        ) else {
            return compute();
        };
        let (key, verdicts) = &mut *memo;
        key.clear();
        key.push(char::from(b'0' + source as u8));
        key.push(char::from(b'0' + target as u8));
        key.push(if serbian { 's' } else { '-' });
        key.push(from);
        key.push(to);
        key.push_str(text.get(chunk_start..chunk_end).unwrap_or_default());
        let known = verdicts.get(key.as_str()).copied();
        if let Some(Some(known)) = known {
            return Some(known);
        }
        let verdict = compute();
        // (A moot verdict stays unknown; one worked out replaces it.)
        if known.is_none() || verdict.is_some() {
            if verdicts.len() >= VERDICT_MEMO_ENTRIES {
                verdicts.clear();
            }
            verdicts.insert(key.as_str().into(), verdict);
        }
        verdict
    })
}

/// How many verdicts of [`word_verdict`] a thread keeps (about 100 bytes
/// each) before it starts over.
const VERDICT_MEMO_ENTRIES: usize = 1 << 14;

thread_local! {
    /// [`word_verdict`]'s memory: a key buffer and the verdicts.
    static VERDICT_MEMO: std::cell::RefCell<(String, VerdictMap)> =
        std::cell::RefCell::new((String::new(), VerdictMap::default()));
}

/// [`word_verdict`]'s verdicts by key, hashed by [`WordHasher`]: the keys
/// are a few bytes of text the process itself builds, so a cheap hash
/// serves (the map still compares whole keys).
type VerdictMap = HashMap<Box<str>, Option<WordVerdict>, std::hash::BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash that reads eight bytes at a step (FNV-1a's
/// byte-wise chain was most of a remembered verdict's cost), with a final
/// mix so that the low bits the map's buckets use depend on every byte.
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl WordHasher {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(23) ^ v).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(Self::K) ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(rest) {
                *w = *b;
            }
            // The length keeps `a` and `a\0` apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }
}

/// A cheap test before any candidate is built: could re-typing the Latin
/// word `w` (with the punctuation keys glued to it, `spans`) on some layout
/// pair read as a word of `target`'s languages at all? `partman`, `grub` or
/// `udeb` in a Russian line re-type into strings no Russian word looks like
/// (`зфкеьфт`), so the line costs no judging.
///
/// `listed`: whether a lexicon of `source` lists the word, if the caller
/// looked (then no word it does not list is looked up again).
fn could_read_uncached(
    text: &str,
    w: &Word,
    spans: &[(usize, usize, u8)],
    (source, target): (Sc, Sc),
    serbian: bool,
    listed: Option<bool>,
) -> bool {
    // A common word of its own script is not re-typed (see `foreign_word`).
    // (Unless a rare one re-types into a very common word: the judge then
    // asks whether it stands alone in its script.)
    let word = text.get(w.start..w.end).unwrap_or_default();
    if listed != Some(false)
        && !words::in_bulgarian_slash_word(text, w)
        && semicolon_word_around(text, w).is_none()
    {
        let common = |lower: &str| script_zipf(source, lower).is_some_and(|z| z >= 2.5);
        if keyed::with_ascii_lower(word, common).unwrap_or_else(|| common(&lowercase(word))) {
            return common_retyping(word, source, target)
                || edge_key_retyping(text, w, spans, (source, target));
        }
    }
    // Spans of ASCII in a Cyrillic line: the same loop, key by key.
    if let Some(answer) = keyed::could_read_ascii(text, word, spans, (source, target), serbian) {
        return answer;
    }
    could_read_by_strings(text, word, spans, (source, target), serbian)
}

/// [`could_read_uncached`]'s loop over layout pairs, by strings: for every
/// word [`keyed::could_read_ascii`] leaves to it, and its reference.
fn could_read_by_strings(
    text: &str,
    word: &str,
    spans: &[(usize, usize, u8)],
    (source, target): (Sc, Sc),
    serbian: bool,
) -> bool {
    let mut typed: Option<f32> = None;
    // Layouts mostly agree (`us`, `de` and `fr` differ in a few keys): each
    // re-typed spelling is judged once per language.
    let mut judged: Vec<(&str, String)> = Vec::new();
    let layouts_before = |from: &'static str| {
        source
            .layouts()
            .iter()
            .take_while(move |f| **f != from)
            .filter_map(|f| layout(f))
    };
    for from in source.layouts() {
        for to in target.layouts() {
            let Some(model) = bigrams(layout_language(to)) else {
                continue;
            };
            let (Some(typed_on), Some(meant)) = (layout(from), layout(to)) else {
                continue;
            };
            for &(start, end, _) in spans {
                let Some(span) = text.get(start..end) else {
                    continue;
                };
                // A span an earlier layout of `source` types with the same
                // keys (`us` and `de` differ in `y`, `z` and some
                // punctuation) re-types into the same text on `to`: it
                // was judged then, the same way.
                if layouts_before(from)
                    .any(|earlier| same_ascii_retyping(span, earlier, typed_on, meant))
                {
                    continue;
                }
                // Phonetic layouts put Cyrillic letters on their Latin
                // namesakes: a Latin word re-typed on one always reads as
                // its own transliteration (`debian` → `дебиан`). Only the
                // keys they fill differently (`q w x y` and punctuation)
                // can show a slip.
                let phonetic_only = is_phonetic_layout(to)
                    && !span.chars().any(|c| {
                        is_layout_punct(c)
                            || matches!(c.to_ascii_lowercase(), 'q' | 'w' | 'x' | 'y')
                    });
                if phonetic_only {
                    // Serbian is written in Latin letters too; Bulgarian is
                    // not, so a lower-case Latin word that re-types into a
                    // Bulgarian word (`padenie` → `падение`) is a slip.
                    let lower_case = span.chars().all(|c| !c.is_uppercase());
                    if serbian || *to != "bg-phonetic" || !lower_case {
                        continue;
                    }
                    let known = retype_word(span, source, target, from, to).is_some_and(|out| {
                        zipf_ext(layout_language(to), &lowercase(&out)).is_some_and(|z| z >= 3.0)
                    });
                    if known {
                        return true;
                    }
                    continue;
                }
                if let Some(out) = retype_word(span, source, target, from, to) {
                    let lower = lowercase(&out);
                    let lang = layout_language(to);
                    if judged.iter().any(|(l, t)| *l == lang && *t == lower) {
                        continue;
                    }
                    let reads = model.score(&lower);
                    // It must read like a word, and either be one or read
                    // clearly better than the word as typed: `syslog`,
                    // `crypt`, `newt` re-type into strings that look
                    // Russian enough, but as typed they look like what they
                    // are, Latin words.
                    // A string of three letters or fewer re-types into
                    // some short word all too easily (`kbd` is `лив`): the
                    // judge takes only common words for them.
                    let short = lower.chars().filter(|&c| sc_of(c) == Some(target)).count() <= 3;
                    // On a phonetic layout only the keys it fills unlike
                    // their Latin namesakes are left in `span` (`okupqawa`):
                    // a Latin word does not re-type into a rare form of the
                    // layout's language by chance there.
                    // So does a long re-typing (six letters or more): few
                    // strings that long are words, rare or not
                    // (`ljcnbuibt` is `достигшие`).
                    let long = lower.chars().filter(|&c| sc_of(c) == Some(target)).count()
                        >= LONG_RETYPE_LETTERS;
                    let listed = if is_phonetic_layout(to) || long {
                        zipf_ext(lang, &lower)
                    } else {
                        zipf(lang, &lower)
                    };
                    // (Less on the Serbian layout in a Serbian line: see
                    // `PHONETIC_GAIN`.)
                    let gain = if serbian && *to == "rs" {
                        PHONETIC_GAIN
                    } else {
                        RETYPE_GAIN
                    };
                    let mut reads_better = || {
                        reads >= RETYPE_READS
                            && reads
                                - *typed.get_or_insert_with(|| typed_plausibility(word, source))
                                >= gain
                    };
                    if if short {
                        listed.is_some_and(|z| z >= SHORT_RETYPE_ZIPF)
                    } else {
                        listed.is_some() || reads_better()
                    } {
                        return true;
                    }
                    judged.push((lang, lower));
                }
            }
        }
    }
    false
}

/// Whether `word` (three letters or more), as typed a rare word of its
/// script (zipf 3.5 at most), re-types on some layout pair into one of the
/// commonest words of the layout's language (zipf 5.5 or more, and 2.5
/// above the word as typed): `шые` (a Belarusian verb) is German `ist`,
/// `toy` is Greek `του`. Such a word standing alone in its script is a
/// slip, not a quotation.
fn common_retyping(word: &str, source: Sc, target: Sc) -> bool {
    // (A word of ASCII letters re-typed on the stack.)
    keyed::common_retyping_ascii(word, source, target)
        .unwrap_or_else(|| common_retyping_by_strings(word, source, target))
}

/// [`common_retyping`] by strings: for every word
/// [`keyed::common_retyping_ascii`] leaves to it, and its reference.
fn common_retyping_by_strings(word: &str, source: Sc, target: Sc) -> bool {
    let lower = lowercase(word);
    let letters = lower.chars().filter(|c| sc_of(*c) == Some(source)).count();
    if letters < 3 || letters != lower.chars().count() {
        return false;
    }
    let typed = script_zipf(source, &lower).unwrap_or(0.0);
    if typed > COMMON_RETYPE_TYPED {
        return false;
    }
    source.layouts().iter().any(|from| {
        target.layouts().iter().any(|to| {
            retype_word(&lower, source, target, from, to).is_some_and(|out| {
                zipf(layout_language(to), &out)
                    .is_some_and(|z| z >= COMMON_RETYPE_ZIPF && z >= typed + 2.5)
            })
        })
    })
}

/// The most letters of a word [`edge_key_retyping`] asks: the keys of
/// a slip's edges leave two or three (`uc;`, `/ete` for `беше`); a longer
/// listed Latin word that re-types so is rare, and most words with a mark
/// glued to them are words followed by punctuation.
const EDGE_KEY_LETTERS: usize = 3;

/// Whether the word `w` of `text`, two or three ASCII letters in lower
/// case, has a layout key glued right before or after it: the shape
/// [`edge_key_retyping`] asks about, which the gate lets through to it
/// though the word as typed is a listed Latin word.
fn edge_keyed_shape(text: &str, w: &Word) -> bool {
    let bytes = text.as_bytes();
    (2..=EDGE_KEY_LETTERS).contains(&(w.end - w.start))
        && bytes
            .get(w.start..w.end)
            .is_some_and(|b| b.iter().all(u8::is_ascii_lowercase))
        && [
            w.start.checked_sub(1).and_then(|i| bytes.get(i)),
            bytes.get(w.end),
        ]
        .into_iter()
        .flatten()
        .any(|&b| is_layout_punct(char::from(b)))
}

/// Whether the Latin word `w` of `text`, a rare word of its script as
/// typed (zipf [`COMMON_RETYPE_TYPED`] at most), re-types together with one
/// layout key glued to it (one of `spans`, [`chunk_spans`]: the key right
/// before or after its letters) into one of the commonest words of a
/// layout's language ([`COMMON_RETYPE_ZIPF`], and 2.5 above the word as
/// typed): `uc;` is `към` and `ic;` `съм` on the Bulgarian layout, `,sk`
/// `был` and `'nj` `это` on ЙЦУКЕН. The keys of `ж б ю э х` and of the
/// Bulgarian `м р л ц` sit where punctuation does, so a slip of a short
/// word leaves a word of two letters and a mark, which as typed is often
/// some Latin abbreviation (`uc`, `sk`, `nj`): [`common_retyping`] of the
/// word alone finds nothing, and the word must not be left as a common
/// word of its script. The key's cost as punctuation is the scoring's.
fn edge_key_retyping(
    text: &str,
    w: &Word,
    spans: &[(usize, usize, u8)],
    (source, target): (Sc, Sc),
) -> bool {
    let Some(word) = text.get(w.start..w.end) else {
        return false;
    };
    if source != Sc::Latin
        || target == Sc::Latin
        || !(2..=EDGE_KEY_LETTERS).contains(&word.len())
        || !word.bytes().all(|b| b.is_ascii_alphabetic())
        || word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
    {
        return false;
    }
    let typed = script_zipf(source, &word.to_ascii_lowercase()).unwrap_or(0.0);
    if typed > COMMON_RETYPE_TYPED {
        return false;
    }
    spans
        .iter()
        .filter(|&&(start, end, _)| {
            (start, end) != (w.start, w.end) && end - start == word.len() + 1
        })
        .filter_map(|&(start, end, _)| text.get(start..end))
        .filter(|span| span.chars().any(is_layout_punct))
        .any(|span| {
            let lower = span.to_ascii_lowercase();
            // (Typed on US QWERTY, the commonest layout, as
            // [`particle_slip`] asks: the keys of QWERTZ and AZERTY put
            // other marks there.)
            target.layouts().iter().any(|to| {
                retype_word(&lower, source, target, "us", to).is_some_and(|out| {
                    zipf(layout_language(to), &out)
                        .is_some_and(|z| z >= COMMON_RETYPE_ZIPF && z >= typed + 2.5)
                })
            })
        })
}

/// Whether `word`, two lower-case Latin letters (three for Greek), is one
/// of the commonest words of a language of `target` script typed on US
/// QWERTY with its layout meant: particles, prepositions and articles, which
/// Greek and Cyrillic sentences are full of (`na` is `να`, `to` is `το`,
/// `ua` is `θα`; `yt` is `не`, `bp` is `из`). Greek takes any such word
/// (`me` is `με`, English or not: Latin words are rare in Greek text);
/// Cyrillic ones only a word that is itself no common Latin word (`yt`,
/// `kb`, not `vs`, which may stand for versus between Russian names).
fn particle_slip(word: &str, source: Sc, target: Sc) -> bool {
    // Greek's commonest words of three letters are particles too (`den`
    // is `δεν`, `sto` `στο`, `mia` `μια`, `kai` `και`).
    let letters = if target == Sc::Greek { 2..=3 } else { 2..=2 };
    if source != Sc::Latin
        || target == Sc::Latin
        || !letters.contains(&word.len())
        || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    if target == Sc::Greek {
        return retype_word(word, Sc::Latin, Sc::Greek, "us", "gr")
            .is_some_and(|out| zipf("el", &out).is_some_and(|z| z >= PARTICLE_ZIPF));
    }
    let typed = script_zipf(Sc::Latin, word).unwrap_or(0.0);
    typed <= COMMON_RETYPE_TYPED
        && target.layouts().iter().any(|to| {
            retype_word(word, Sc::Latin, target, "us", to).is_some_and(|out| {
                zipf(layout_language(to), &out)
                    .is_some_and(|z| z >= PARTICLE_ZIPF && z >= typed + 2.5)
            })
        })
}

/// How common (zipf) a two-letter word must be for [`particle_slip`].
const PARTICLE_ZIPF: f32 = 6.0;

/// Whether `word`, three letters or more of ASCII in lower case or with a
/// capital first only, is one of Bulgarian's commonest words (zipf 6 or
/// more, [`BULGARIAN_SLIP_ZIPF`]: `когато`, `или`, `това`) typed on the
/// Bulgarian phonetic layout's Latin namesakes (`Kogato`, `ili`), that no
/// lexicon of a Latin language but Serbian lists, extended ones included
/// (Serbian Latin spells `ili` too, and [`bulgarian_line_slip`] asks it
/// only of a line Serbian does not write; `edna`, `tam`, `sega`, `kato`
/// stay): 35 words. A function of the word alone.
fn bulgarian_phonetic_common(word: &str) -> bool {
    let bytes = word.as_bytes();
    // (Most words are ruled out by their first and last letters and
    // length, asked first; of the few words found, whether a Latin lexicon
    // lists it.)
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let (words, shapes) = bulgarian_phonetic_words();
    let bit = word_shape_bit(first | 0x20, last | 0x20, bytes.len());
    if bytes.len() < 3
        || shapes
            .get(bit / 64)
            .is_none_or(|m| m & (1 << (bit % 64)) == 0)
    {
        return false;
    }
    let mut lower = [0u8; 12];
    let Some(lower) = lower.get_mut(..bytes.len()) else {
        return false;
    };
    if !bytes.iter().all(u8::is_ascii_alphabetic)
        || bytes.iter().skip(1).any(u8::is_ascii_uppercase)
    {
        return false;
    }
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    words.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
        && std::str::from_utf8(lower).is_ok_and(|lower| {
            ["en", "de", "fr", "es"]
                .into_iter()
                .all(|l| zipf_ext(l, lower).is_none())
        })
}

/// A bit (0–1023) for a lower-case ASCII word by its first and last
/// letters and its length, for [`bulgarian_phonetic_words`]' filter
/// (`| 0x20` lower-cases an ASCII letter).
fn word_shape_bit(first: u8, last: u8, len: usize) -> usize {
    (usize::from(first) * 37 + usize::from(last) * 11 + len * 3) % 1024
}

/// The Latin spellings, sorted, of the Bulgarian words of zipf
/// [`BULGARIAN_SLIP_ZIPF`] or more and three letters or more that the
/// phonetic layout types with ASCII letters (`kogato`, `ili`), from the
/// Bulgarian lexicon once: a word's spelling re-typed on that layout is one
/// of those words exactly when it is one of these. With them, the
/// [`word_shape_bit`] of each, set in a 1024-bit mask.
fn bulgarian_phonetic_words() -> &'static (Vec<String>, [u64; 16]) {
    static WORDS: std::sync::OnceLock<(Vec<String>, [u64; 16])> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let Some(lex) = crate::mixed::tables::lexicon("bg") else {
            return (Vec::new(), [0; 16]);
        };
        let mut words: Vec<String> = (0..lex.offsets.len())
            .filter(|&i| {
                lex.zipf10
                    .get(i)
                    .is_some_and(|&z| f32::from(z) / 10.0 >= BULGARIAN_SLIP_ZIPF)
            })
            .filter_map(|i| crate::word_table::entry(lex, i))
            .filter(|w| w.chars().count() >= 3)
            .filter_map(|w| {
                let latin = retype_word(w, Sc::Cyrillic, Sc::Latin, "bg-phonetic", "us")?;
                (latin.bytes().all(|b| b.is_ascii_lowercase())
                    && retype_word(&latin, Sc::Latin, Sc::Cyrillic, "us", "bg-phonetic").as_deref()
                        == Some(w))
                .then_some(latin)
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut shapes = [0u64; 16];
        for w in &words {
            let b = w.as_bytes();
            let (first, last) = (b.first().copied(), b.last().copied());
            let bit = word_shape_bit(first.unwrap_or(0), last.unwrap_or(0), b.len());
            if let Some(m) = shapes.get_mut(bit / 64) {
                *m |= 1 << (bit % 64);
            }
        }
        (words, shapes)
    })
}

/// How common (zipf) a Bulgarian word must be for
/// [`bulgarian_phonetic_common`].
const BULGARIAN_SLIP_ZIPF: f32 = 6.0;

/// Whether `word`, a Latin word of `line` (a Cyrillic one), is a
/// [`bulgarian_phonetic_word`] in a line Serbian does not write
/// ([`bulgarian_slip_line`]: one holding `ъ`, or Bulgarian's letters
/// alone, `я` and no `ы`): Bulgarian typed on its phonetic
/// layout left switched to Latin, not a Serbian word in its Latin
/// alphabet nor a name (a capital inside the sentence is one).
fn bulgarian_line_slip(line: &str, start: usize, word: &str) -> bool {
    // (The word's shape first, then the line's letters, then the lexicons:
    // most Latin words of a Cyrillic line are ruled out by the first. The
    // letters are [`bulgarian_slip_line`]'s, its search for `ъ` made once.)
    bulgarian_phonetic_shape(word)
        && (word.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            || opens_sentence(line, start))
        && {
            let bytes = line.as_bytes();
            let hard_sign = holds_hard_sign(bytes);
            (hard_sign || bulgarian_letters_only(bytes))
                && bulgarian_phonetic_word(word)
                && (hard_sign || bulgarian_by_lexicons(line))
        }
}

/// Whether the lexicons read `line` as Bulgarian rather than Russian or
/// Ukrainian: the Bulgarian lexicons (extended ones included) list more of
/// its Cyrillic words than the Russian ones and more than the Ukrainian
/// ones. Asked of a line without `ъ` that [`bulgarian_letters_only`] lets
/// through, whose language whatlang often guesses wrong when it is short:
/// a short Russian line with `щ ю я й` and no `ы ь э ё` (`Текущая
/// глобални страница`, `Ориентация сребро панели уведомлений`, a Czech or
/// Croatian word put in) is no Bulgarian one, and its Latin word stays
/// (the reviewer's probes, session 26: 38 such wrong changes in Russian,
/// Ukrainian and Belarusian lines). Asked only of a word already found a
/// [`bulgarian_phonetic_word`], so seldom; it allocates a lower-case copy
/// of each word.
fn bulgarian_by_lexicons(line: &str) -> bool {
    let (mut bg, mut ru, mut uk) = (0u32, 0u32, 0u32);
    for word in line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.chars().all(|c| sc_of(c) == Some(Sc::Cyrillic)))
    {
        let lower = lowercase(word);
        bg += u32::from(zipf_ext("bg", &lower).is_some());
        ru += u32::from(zipf_ext("ru", &lower).is_some());
        uk += u32::from(zipf_ext("uk", &lower).is_some());
    }
    bg > ru && bg > uk
}

/// Whether `word` has the shape of a [`bulgarian_phonetic_word`]: ASCII
/// letters, lower case after the first, and four of them or more unless
/// it is one of [`bulgarian_phonetic_common`]'s.
fn bulgarian_phonetic_shape(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.iter().all(u8::is_ascii_alphabetic)
        && !bytes.iter().skip(1).any(u8::is_ascii_uppercase)
        && (bytes.len() >= 4 || bulgarian_phonetic_common(word))
}

/// Whether a Latin word of `line` may be a [`bulgarian_line_slip`]: the
/// line holds `ъ`, which Serbian never writes (and Russian seldom); or it
/// holds a letter Serbian lacks and none Bulgarian lacks
/// ([`bulgarian_letters_only`]: `я` and no `ы`): a Bulgarian sentence
/// without `ъ` (`Най-добрите politici са онези, които ...`), which
/// Serbian cannot be and Russian, Ukrainian and Belarusian seldom are.
/// (Whether it reads as Bulgarian rather than Russian is still the
/// judge's question, [`Line::language`].)
fn bulgarian_slip_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    holds_hard_sign(bytes) || bulgarian_letters_only(bytes)
}

/// Whether the UTF-8 `bytes` hold `ъ` or `Ъ`.
fn holds_hard_sign(bytes: &[u8]) -> bool {
    // (`ъ` is D1 8A in UTF-8, `Ъ` D0 AA: a search for their second bytes,
    // rare in Cyrillic text, not a walk by characters.)
    memchr::memchr2_iter(0x8A, 0xAA, bytes).any(|i| {
        i.checked_sub(1)
            .and_then(|j| bytes.get(j))
            .is_some_and(|&lead| {
                (lead, bytes.get(i).copied()) == (0xD1, Some(0x8A))
                    || (lead, bytes.get(i).copied()) == (0xD0, Some(0xAA))
            })
    })
}

/// Whether the UTF-8 `bytes` hold a lower-case Cyrillic letter Serbian
/// lacks and Bulgarian writes (`щ ю я й`, or `ь` before `о`, the one place
/// Bulgarian writes it) and none that Bulgarian lacks (`ы э ё є і ї ў`,
/// or `ь` before anything but `о`, as Russian, Ukrainian and Belarusian
/// write it: `быть`, `мова`'s `ться`): [`bulgarian_slip_line`]'s test.
/// (Searches for the letters' second bytes in UTF-8, each confirmed by
/// its lead byte, `D0` or `D1`, not a walk by characters: a Russian line
/// is ruled out at its first `ы` or `ь`.)
fn bulgarian_letters_only(bytes: &[u8]) -> bool {
    let led_by = |i: usize, lead: u8| {
        i.checked_sub(1)
            .and_then(|j| bytes.get(j))
            .is_some_and(|&b| b == lead)
    };
    // `ы ь э` are D1 8B, D1 8C, D1 8D; `о` is D0 BE.
    let mut soft_before_o = false;
    for i in memchr::memchr3_iter(0x8B, 0x8C, 0x8D, bytes) {
        if !led_by(i, 0xD1) {
            continue;
        }
        if bytes.get(i) == Some(&0x8C) && bytes.get(i + 1..i + 3) == Some(&[0xD0, 0xBE][..]) {
            soft_before_o = true;
        } else {
            return false;
        }
    }
    // `ё є і` are D1 91, D1 94, D1 96; `ї ў` D1 97, D1 9E.
    if memchr::memchr3_iter(0x91, 0x94, 0x96, bytes).any(|i| led_by(i, 0xD1))
        || memchr::memchr2_iter(0x97, 0x9E, bytes).any(|i| led_by(i, 0xD1))
    {
        return false;
    }
    // `щ ю я` are D1 89, D1 8E, D1 8F; `й` D0 B9.
    soft_before_o
        || memchr::memchr3_iter(0x89, 0x8E, 0x8F, bytes).any(|i| led_by(i, 0xD1))
        || memchr::memchr_iter(0xB9, bytes).any(|i| led_by(i, 0xD0))
}

/// Whether `word` is [`bulgarian_phonetic_common`], or a Latin word of
/// four letters or more (lower case after an initial) that no lexicon of a
/// Latin language but Serbian lists, extended ones included, and that the
/// Bulgarian phonetic layout re-types into a word Bulgarian's lexicons
/// list, extended one included (`naroda` is `народа`, `predali`
/// `предали`, `politici` `политици`): such a word reads as Latin, so the
/// layout gate passes it, but typed among Bulgarian words it is Bulgarian
/// typed with the phonetic layout switched to Latin. (Three letters or
/// fewer are left to the commonest words: `bez`, `pri`, `nad` are listed
/// Latin words, and short strings hit a listed word by chance.) A
/// function of the word alone; it allocates, and is asked only of a Latin
/// word of its shape in a [`bulgarian_slip_line`], and once of a lone word
/// the gate clears in such a line, which it then remembers unless this
/// says yes.
fn bulgarian_phonetic_word(word: &str) -> bool {
    if bulgarian_phonetic_common(word) {
        return true;
    }
    if word.len() < 4 || !bulgarian_phonetic_shape(word) {
        return false;
    }
    // (Re-typed letter by letter from a table of the layout's lower-case
    // letters, on the stack: a word of more than 32 letters is none.)
    let keys = bulgarian_phonetic_letters();
    let mut out = [0u8; 64];
    let mut len = 0;
    for b in word.bytes() {
        let Some(&ch) = keys.get(usize::from(b.to_ascii_lowercase())) else {
            return false;
        };
        let Some(slot) = out.get_mut(len..len + 2) else {
            return false;
        };
        if ch == '\0' {
            return false;
        }
        ch.encode_utf8(slot);
        len += 2;
    }
    out.get(..len)
        .is_some_and(|cyrillic| tables::zipf_ext_bytes("bg", cyrillic).is_some())
        && keyed::with_ascii_lower(word, |lower| {
            ["en", "de", "fr", "es"]
                .into_iter()
                .all(|l| zipf_ext(l, lower).is_none())
        })
        .unwrap_or(false)
}

/// The Bulgarian phonetic layout's letter on the key of each lower-case
/// ASCII letter (US QWERTY), `\0` where it types none of two bytes in
/// UTF-8: [`bulgarian_phonetic_word`]'s table, built once.
fn bulgarian_phonetic_letters() -> &'static [char; 128] {
    static TABLE: std::sync::OnceLock<[char; 128]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ['\0'; 128];
        for b in b'a'..=b'z' {
            let key = char::from(b).to_string();
            let ch = retype_word(&key, Sc::Latin, Sc::Cyrillic, "us", "bg-phonetic")
                .and_then(|c| {
                    let mut it = c.chars();
                    it.next().filter(|_| it.next().is_none())
                })
                .filter(|c| c.len_utf8() == 2);
            if let (Some(slot), Some(ch)) = (table.get_mut(usize::from(b)), ch) {
                *slot = ch;
            }
        }
        table
    })
}

/// The most a word as typed may be used (zipf) for [`common_retyping`].
const COMMON_RETYPE_TYPED: f32 = 4.5;

/// The least frequency (zipf) of the re-typing for [`common_retyping`].
const COMMON_RETYPE_ZIPF: f32 = 5.5;

/// Whether the key `open` glued before a word opens a quotation or a
/// bracket: one closes it in `text` after `end` (the rest of the line is
/// read only when such a key is there). Any other key opens nothing.
fn closed_after(text: &str, end: usize, open: char) -> bool {
    let close: &[char] = match open {
        '\'' => &['\'', '\u{2019}'],
        '"' => &['"'],
        '[' => &[']'],
        '{' => &['}'],
        '<' => &['>'],
        _ => return false,
    };
    text.get(end..).is_some_and(|rest| rest.contains(close))
}

/// The span `start..end` and its variants with the punctuation key right
/// before or after it (within `bounds`), each with its handicap: a key that
/// is common punctuation in that place (a comma or closing quote after a
/// word, an opening bracket before it) costs a point as a letter; one that
/// is not (`[` glued after a word, `,` glued before one) costs nothing.
fn edge_spans(
    text: &str,
    start: usize,
    end: usize,
    (lo, hi): (usize, usize),
) -> Vec<(usize, usize, u8)> {
    let before = text
        .get(..start)
        .and_then(|h| h.chars().next_back())
        .filter(|c| is_layout_punct(*c) && start > lo);
    let after = text
        .get(end..)
        .and_then(|t| t.chars().next())
        .filter(|c| is_layout_punct(*c) && end < hi);
    // An apostrophe, a quotation mark or a bracket opens something only if
    // it is closed later in the line (`'njn вариант` is `этот`, `[lejkfjf
    // колело.` is `цветното` on the Bulgarian layout).
    let before_cost = before.map_or(0, |c| u8::from(closed_after(text, end, c)));
    // A full stop where the sentence goes on in lower case is no full stop.
    let after_cost = after.map_or(0, |c| {
        u8::from(
            matches!(c, ',' | '.' | ';' | ':' | '\'' | '"' | ']' | '}' | '>')
                && !(c == '.' && is_inner_stop(text, end)),
        )
    });
    let b = before.map_or(0, char::len_utf8);
    let a = after.map_or(0, char::len_utf8);
    let mut out = vec![(start, end, 0)];
    if b > 0 {
        out.push((start - b, end, before_cost));
    }
    if a > 0 {
        out.push((start, end + a, after_cost));
    }
    if a > 0 && b > 0 {
        out.push((start - b, end + a, before_cost + after_cost));
    }
    out
}

/// Whether a word in capitals that would pass for an acronym
/// (`lone_acronym` in [`MixedScript::foreign_word`]) is rather a lookalike
/// spelling of a word of the line:
/// - a Latin word of five letters or more that no Latin lexicon lists and
///   whose lookalike spelling the line's language does (`аргументу YMOBA`;
///   acronyms are shorter, and names in capitals, `MAME`, are listed), or
///   does with a mark capitals drop put back ([`with_a_mark`]: `APXEIA` is
///   `ΑΡΧΕΙΑ`, `αρχεία`);
/// - a Cyrillic or Greek word of four letters or more in a Latin line that
///   no lexicon of its script lists ([`unlisted_caps_in_latin`]; the
///   acronyms in use are, `СССР`, `НАТО`) nor reads like a word of it (the
///   unlisted forms and names in capitals do, `СОРА`, `ΤΑΜΑΝ`), and whose
///   lookalike spelling a Latin lexicon lists (`НТТР`).
fn spoofed_capitals(line: &Line<'_>, w: &Word, original: &str, source: Sc, target: Sc) -> bool {
    let Some((looks, _)) = map_lookalikes(original, target) else {
        return false;
    };
    let looks = lowercase(&looks);
    let letters = w.letters();
    if source != Sc::Latin {
        return letters >= 4
            && unlisted_caps_in_latin(original, source, target, letters)
            && typed_plausibility(original, source) < RETYPE_READS
            && lexicon_lists(Sc::Latin, &looks);
    }
    // Two or three Latin capitals in a Cyrillic or Greek line stay an
    // acronym even where they spell one of the line's commonest words:
    // `РЕЖИМ HA ВКЛЮЧЁН`, `МАРКИРОВКА CE`, `УРОВЕНЬ CO` (session 13 took
    // out a rule for `HET НИКАКИХ` that changed these).
    letters >= 5
        && !listed_in_script(&lowercase(original), Sc::Latin)
        && line.language(target).is_some_and(|lang| {
            let listed = |w: &str| zipf_ext(lang, w).is_some();
            listed(&looks) || with_a_mark(&looks, listed)
        })
}

/// Whether `word` has a capital after its first letter and a small letter
/// (`КіВ`, `РРРоЕ`): the mixed case of a Latin acronym (`KiB`), which
/// [`latin_acronym_spelt`] asks about as it does a word in capitals.
/// Cyrillic writes it too, in names respelled from Latin (`МекОС`, `ТеКс`),
/// so the shape alone proves nothing: the list must name the acronym.
fn inner_capital(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether `word`, in capitals (or [`inner_capital`]'s mixed case) of a
/// Cyrillic or Greek `source` in a Latin line, is a Latin acronym respelled
/// in lookalikes: three to six letters,
/// all lookalikes of Latin capitals that spell an acronym of
/// [`crate::tables::acronyms::LATIN`] (`ТСР` is `TCP`, `ΝΤΡ` `NTP`, `ЈІТ` `JIT`),
/// and no lexicon of its own script lists it ([`listed_in_script`]: the
/// acronyms of those scripts in use are, `НАТО`, `СССР`). Such a word is
/// judged as a spoof, as one with exotic letters is: its respelling need
/// not be a listed word, the acronym list says what it imitates. The list
/// leaves out every acronym whose lookalike spelling the Cyrillic and Greek
/// catalogues or dictionaries write as a word of theirs (`АРІ`, `ОЕМ`,
/// `СРА`; the Mongolian acronym `САА` of hunspell `mn_MN`, which no lexicon
/// of ours lists: see data/curated/acronyms/README.md).
fn latin_acronym_spelt(word: &str, source: Sc, target: Sc, letters: u16) -> bool {
    if target != Sc::Latin || source == Sc::Latin || !(3..=6).contains(&letters) {
        return false;
    }
    let Some((latin, _)) = map_lookalikes(word, Sc::Latin) else {
        return false;
    };
    crate::tables::acronyms::LATIN
        .binary_search(&latin.as_str())
        .is_ok()
        && !listed_in_script(&lowercase(word), source)
}

/// Whether a word in capitals of another script than a Latin line's, of
/// three letters or more, is no word any lexicon of its script lists, and
/// so may be a slip typed with Caps Lock on (`ИДЩИ` is `BLOB` typed on
/// ЙЦУКЕН): Cyrillic and Greek acronyms are rare in Latin text, and the
/// ones in use are listed (`НАТО`, `СССР`). Two letters are an acronym or
/// a letter's name (`ΨΙ`, `ΝΔ`) whatever they re-type into. Capitals drop
/// the marks of the lower case: Greek the tonos (`ΡΕΑΛ` is the listed
/// `ρεάλ`, `ΤΡΙΟ` `τρίο`), Russian and Belarusian most often the dots of
/// `ё` (`МЕРЗ` is `мёрз`), so a word counts as listed when one of its
/// spellings with such a mark is.
fn unlisted_caps_in_latin(word: &str, source: Sc, target: Sc, letters: u16) -> bool {
    target == Sc::Latin
        && source != Sc::Latin
        && letters >= 3
        && !listed_in_script(&lowercase(word), source)
}

/// Whether a lexicon of script `sc` (extended lexicons included) lists the
/// lower-case word, or a spelling of it with a mark capitals drop
/// ([`with_a_mark`]).
fn listed_in_script(lower: &str, sc: Sc) -> bool {
    let listed = |w: &str| sc.languages().iter().any(|l| zipf_ext(l, w).is_some());
    listed(lower) || with_a_mark(lower, listed)
}

/// Whether `span` is English words glued by layout keys (`data[len`,
/// `node.name`): two runs of letters or more between the keys, each an
/// English word of three letters or more; or two runs joined by keys, one
/// of them a lower-case run of one or two letters (`db[fp`, `j;b.`,
/// `node'id`), the shape of code (`a.b`, `x[i`). A word typed on a layout
/// that puts letters on several punctuation keys (`uw,if,d` is `курсора`
/// on the Bulgarian one) splits into three runs or more, and a capital
/// opens a sentence (`Re]a` is `Ређа`).
fn glued_latin_words(span: &str) -> bool {
    let (mut runs, mut short) = (0, false);
    span.split(is_layout_punct)
        .filter(|run| !run.is_empty())
        .all(|run| {
            runs += 1;
            if run.len() <= 2 {
                short = true;
                run.chars().all(|c| c.is_ascii_lowercase())
            } else {
                run.chars().all(|c| c.is_ascii_alphabetic())
                    && zipf("en", &run.to_ascii_lowercase()).is_some()
            }
        })
        && if short { runs == 2 } else { runs >= 2 }
}

/// Whether `span` is runs of lower-case letters joined by layout keys, two
/// or more, one of them an English word of five letters or more
/// (`larine'asked`, `drove]anadem`): on a layout that puts Cyrillic
/// letters on the keys of their Latin namesakes, such a token re-types into
/// its own transliteration with a letter for each key (`ларинећаскед`),
/// the shape of code glued by punctuation. Shorter English runs are as
/// often a prefix or ending of a Serbian or Bulgarian word typed so
/// (`uti;nice` is `утичнице`, `pose'ena` `посећена`, `pod[ablona`
/// `подшаблона`).
fn glued_runs_with_an_english_word(span: &str) -> bool {
    let mut runs = span.split(is_layout_punct).filter(|run| !run.is_empty());
    runs.clone().count() >= 2
        && runs
            .clone()
            .all(|run| run.chars().all(|c| c.is_ascii_lowercase()))
        && runs.any(|run| run.len() >= 5 && zipf("en", run).is_some())
}

/// Whether a candidate re-types a Cyrillic or Greek word on a layout that
/// puts its letters on the keys of their Latin namesakes
/// ([`transliterates`]): the word's own transliteration.
fn retyped_as_spelt(c: &Candidate) -> bool {
    c.kind == ChangeKind::KeyboardLayout && c.layouts.is_some_and(|(from, _)| transliterates(from))
}

/// Whether `found` holds for some spelling of `lower` with one mark that
/// capitals drop put back: a tonos on a Greek vowel (a Greek word has at
/// most one: `ρεαλ` is `ρεάλ`; a vowel with a dialytika takes both, `ϊ` is
/// `ΐ`), or the dots on a Cyrillic `е` (`мерз` is `мёрз`).
fn with_a_mark(lower: &str, found: impl Fn(&str) -> bool) -> bool {
    lower.char_indices().any(|(at, c)| {
        let marked = match c {
            'α' => 'ά',
            'ε' => 'έ',
            'η' => 'ή',
            'ι' => 'ί',
            'ο' => 'ό',
            'υ' => 'ύ',
            'ω' => 'ώ',
            'ϊ' => 'ΐ',
            'ϋ' => 'ΰ',
            'е' => 'ё',
            _ => return false,
        };
        let mut spelling = String::with_capacity(lower.len() + 1);
        spelling.push_str(lower.get(..at).unwrap_or_default());
        spelling.push(marked);
        spelling.push_str(lower.get(at + c.len_utf8()..).unwrap_or_default());
        found(&spelling)
    })
}

/// Whether a word in capitals (`letters` of them) may still be a layout
/// slip typed with Caps Lock on rather than an acronym: acronyms are mostly
/// shorter than five letters (`XFCE` is no `ЧАСУ`) and have no punctuation
/// key between letters (`ODREDI{TE` is `ОДРЕДИШТЕ` on the Serbian layout).
fn caps_slip_shape(word: &str, letters: u16) -> bool {
    letters >= 5 || {
        let inner = word.trim_matches(|c: char| !letters::is_alphabetic(c));
        inner.chars().any(is_layout_punct)
    }
}

/// A Cyrillic letter that looks like a Latin one but belongs to none of the
/// Cyrillic languages polynorm knows (Russian, Ukrainian, Belarusian,
/// Bulgarian, Serbian): Komi `ԁ`, Bashkir `һ`, the palochka `ӏ`, Macedonian
/// `ѕ`, Kazakh `ү`. A word that has them among lookalikes is a spoof.
fn is_exotic_lookalike(c: char) -> bool {
    matches!(
        c,
        'ԁ' | 'Ԁ' | 'һ' | 'Һ' | 'ӏ' | 'Ӏ' | 'ѕ' | 'Ѕ' | 'ү' | 'Ү' | 'ԛ' | 'Ԛ' | 'ԝ' | 'Ԝ'
    )
}

/// Whether the phonetic layout `id` ([`is_phonetic_layout`]) puts the
/// letter `c` on a key other than its Latin namesake's. The Serbian one:
/// `љ њ џ` on `q w x`, `з` on QWERTY's `y` and `ж` on its `z` (it follows
/// QWERTZ), `ч ћ ш ђ` on punctuation keys. The Bulgarian phonetic one: `я
/// в ъ ь ж й` on `q w y x v j`, `ш щ ю ч` on punctuation keys. Every other
/// letter re-types off them into its Latin transliteration (`ц` `c`, `х`
/// `h`, Serbian `ј` `j`).
fn off_namesake_key(id: &str, c: char) -> bool {
    let c = c.to_lowercase().next().unwrap_or(c);
    match id {
        "rs" => matches!(c, 'љ' | 'њ' | 'џ' | 'з' | 'ж' | 'ч' | 'ћ' | 'ш' | 'ђ'),
        "bg-phonetic" => {
            matches!(
                c,
                'я' | 'в' | 'ъ' | 'ь' | 'ж' | 'й' | 'ш' | 'щ' | 'ю' | 'ч' | 'ѝ'
            )
        }
        _ => true,
    }
}

/// Whether a Latin key of `c` is one a phonetic layout fills with a letter
/// that has no Latin namesake: `q w x y` (`я в ь ъ` on Bulgarian phonetic,
/// `љ њ џ з` on Serbian) and layout punctuation.
fn is_phonetic_telltale(c: char) -> bool {
    matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y') || is_layout_punct(c)
}

/// Whether a whitespace-separated token of `line` holds a phonetic-layout
/// telltale inside its letters (`okupqawa`, `za]oto`, `]oto`) and is no
/// word as typed (`known`).
fn has_phonetic_telltale(line: &str, known: impl Fn(&str) -> bool) -> bool {
    line.split_whitespace().any(|token| {
        let core = token.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != ']' && c != '[');
        core.len() >= 2
            && core.chars().any(is_phonetic_telltale)
            && (core.chars().any(|c| !c.is_ascii_alphabetic()) || !known(core))
    })
}

/// For a line and its re-typing `out` on a phonetic layout (character for
/// character, token for token): how many tokens hold keys the layout fills
/// differently from their Latin namesakes, how many of those read as words
/// once re-typed (`read`, lower case), and how many are words as typed
/// (`typed`).
fn phonetic_tokens(
    line: &str,
    out: &str,
    read: impl Fn(&str) -> bool,
    typed: impl Fn(&str) -> bool,
) -> (usize, usize, usize) {
    let (mut told, mut reads, mut typed_known) = (0, 0, 0);
    for (old, new) in line.split_whitespace().zip(out.split_whitespace()) {
        let o: Vec<char> = old.chars().collect();
        let n: Vec<char> = new.chars().collect();
        if o.len() != n.len() {
            continue;
        }
        let Some(first) = n.iter().position(|&c| letters::is_alphabetic(c)) else {
            continue;
        };
        let last = n
            .iter()
            .rposition(|&c| letters::is_alphabetic(c))
            .unwrap_or(first);
        let (Some(core_old), Some(core_new)) = (o.get(first..=last), n.get(first..=last)) else {
            continue;
        };
        if core_new.len() < 2 || !core_old.iter().copied().any(is_phonetic_telltale) {
            continue;
        }
        told += 1;
        let new_lower: String = core_new.iter().flat_map(|c| c.to_lowercase()).collect();
        if read(&new_lower) {
            reads += 1;
        }
        if core_old.iter().all(char::is_ascii_alphabetic) {
            let old_text: String = core_old.iter().collect();
            if typed(&old_text) {
                typed_known += 1;
            }
        }
    }
    (told, reads, typed_known)
}

/// Whether `word`, a Cyrillic word typed on the phonetic layout `from`,
/// holds a letter on a key whose US QWERTY letter is no namesake of a
/// Cyrillic letter (`q w x y`: `љ њ џ з` on the Serbian layout, `я в ь ъ`
/// on the Bulgarian one) or that types no letter there (`ч` on `;`, `ш`
/// on `[`): such a word is no letter-for-letter spelling of a Latin word,
/// whatever Latin layout was meant (`Ичпоссибле` is `Impossible` on
/// AZERTY, `Љффицхе` `Affiche`). Keys are named by US QWERTY since the
/// phonetic layouts follow its letters.
fn off_namesake_keys(word: &str, from: &str) -> bool {
    let (Some(from), Some(us)) = (layout(from), layout("us")) else {
        return false;
    };
    word.chars()
        .filter(|&c| letters::is_alphabetic(c))
        .any(|c| {
            tables::retype(c, from, us).is_none_or(|k| {
                !k.is_ascii_alphabetic() || matches!(k.to_ascii_lowercase(), 'q' | 'w' | 'x' | 'y')
            })
        })
}

/// Layouts that put Cyrillic letters on the keys of their Latin namesakes.
fn is_phonetic_layout(id: &str) -> bool {
    matches!(id, "bg-phonetic" | "rs")
}

/// Layouts whose letters sit on the keys of their Latin namesakes (the
/// phonetic ones and Greek): typing on them transliterates.
fn transliterates(id: &str) -> bool {
    is_phonetic_layout(id) || id == "gr"
}

/// Whether the Cyrillic word `original`, alone in its script in a Latin
/// line, glosses a word of that line: re-typed off a phonetic layout
/// ([`is_phonetic_layout`], which puts Cyrillic letters on their Latin
/// namesakes' keys) it is a word the line writes. Encyclopaedias and news
/// give a name with its spelling in another script (`Tokmok (Kyrgyz:
/// Токмок) is a town.`, `Pejovski (Serbian Cyrillic: Пејовски)`); such a
/// word is left as it is, neither re-typed into the name the line already
/// writes nor respelled in lookalikes into another (`Kare (Serbian: Каре)`
/// is no `Kape`). The reviewer's probes of real names so written (session
/// 27): 109 of 5,000 Serbian and 34 of 1,471 Bulgarian lines had been
/// changed, all wrongly; none is now. Not the other way (a Latin word in a Cyrillic line): a Serbian
/// line that writes a word and slips on it too is as common as a gloss
/// (`Ако кључ није дат, користи цео ред као kqu;.` is `кључ`); nor on the
/// Greek layout, whose keys spell few names as their Latin transliterations
/// do (`θ` is on `u`) and whose slips repeat their line's words (`(never
/// log) and 1.0 (always λογ)`).
fn glossed(line: &Line<'_>, original: &str, (source, target): (Sc, Sc)) -> bool {
    if source != Sc::Cyrillic || target != Sc::Latin {
        return false;
    }
    ["rs", "bg-phonetic"].into_iter().any(|from| {
        retype_word(original, source, target, from, "us").is_some_and(|latin| {
            let key = word_key(&latin);
            line.words.iter().any(|w| {
                line.text
                    .get(w.start..w.end)
                    .is_some_and(|t| word_key(t) == key)
            })
        })
    })
}

/// The most letters of a lower-case ASCII word in a Cyrillic line whose
/// unlisted re-typing must start as a listed word starts
/// ([`short_unlisted_asked`]): at five letters, an unlisted re-typing's
/// bigrams are four or five log-probabilities, too few to tell a word
/// from a name (`jhsdb` re-types into `орыви`, which reads like Russian);
/// longer program names rarely re-type into anything that reads at all.
const SHORT_UNLISTED_LETTERS: usize = 5;

/// The letters of a re-typing's start that some listed word of its
/// language must start with ([`starts_as_listed`]): three, as `сок`,
/// `пат`, `фон` of unlisted `сокет`, `патча`, `фонов` (four would lose
/// them: no listed word starts `соке`).
const LISTED_START_LETTERS: usize = 3;

/// Whether the re-typings of the foreign word `original` (of script
/// `source` in a line of `target`) that no lexicon lists are asked
/// [`starts_as_listed`]: a Latin word in a Cyrillic line, in lower-case
/// ASCII letters only, of [`SHORT_UNLISTED_LETTERS`] letters or fewer.
fn short_unlisted_asked(original: &str, source: Sc, target: Sc) -> bool {
    source == Sc::Latin
        && target == Sc::Cyrillic
        && original.len() <= SHORT_UNLISTED_LETTERS
        && original.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether some listed word of `lang` starts with the first
/// [`LISTED_START_LETTERS`] letters of `retyped` (lower-cased).
fn starts_as_listed(lang: &str, retyped: &str) -> bool {
    let start: String = lowercase(retyped)
        .chars()
        .take(LISTED_START_LETTERS)
        .collect();
    tables::lists_prefix(lang, &start)
}

/// The most letters of a Latin word that tips its line whose re-typings
/// are dropped where it reads like a word of its script (`typed` at least
/// [`RETYPE_READS`], in [`MixedScript::foreign_word`]): four. Re-typed from
/// US QWERTY onto the Russian, Ukrainian, Belarusian and Bulgarian layouts,
/// 25 of 2,775 `en_US` four-letter words come out as some listed word, 4 of
/// 4,389 five-letter ones and none longer (session 22), while a longer
/// slip may read like English (`wimetek` for `успешен`, `ufilekr` for
/// `косвени`, `gthis` for `перші`).
const TIPPING_READS_LETTERS: u16 = 4;

/// The mean bigram log-probability below which a re-typed word reads like
/// no word of its language (real words, names included, score above −3.2).
const RETYPE_READS: f32 = -3.2;

/// How much better (mean bigram log-probability) an unlisted re-typing must
/// read than the word as typed for the line to reach the judge.
const RETYPE_GAIN: f32 = 1.0;

/// The length (letters) from which a re-typing found only in a language's
/// extended lexicon (rare words and forms) lets a line reach the judge.
const LONG_RETYPE_LETTERS: usize = 6;

/// How much better a re-typing on the Serbian layout must read than the
/// word as typed, in a Serbian line, when the word holds keys that layout
/// fills unlike their Latin namesakes (`q w x y`, punctuation): such a word
/// is no Serbian Latin spelling, yet mostly reads like one.
const PHONETIC_GAIN: f32 = 0.4;

/// The least lexicon frequency (zipf) of a re-typing of three letters or
/// fewer for the line to reach the judge.
const SHORT_RETYPE_ZIPF: f32 = 3.0;

/// The chunk of [`chunk_spans`] around word `w`: the word with the
/// punctuation keys and `source` letters (and digits in a non-Latin word,
/// `/` in a Latin one) glued to it without a space.
fn chunk_bounds(text: &str, w: &Word, source: Sc) -> (usize, usize) {
    // `/` is the `б` key of the Bulgarian layout: it joins only in a token
    // that is no path (see `words::is_protected_chunk`).
    let joins = |c: char| {
        is_layout_punct(c)
            || sc_of(c) == Some(source)
            || (source != Sc::Latin && c.is_ascii_digit())
            || (source == Sc::Latin && c == '/')
    };
    let head = text.get(..w.start).unwrap_or_default();
    let tail = text.get(w.end..).unwrap_or_default();
    let chunk_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| joins(*c))
        .last()
        .map_or(w.start, |(i, _)| i);
    // `?` is `Б` there (Shift and `/`): it joins where it opens the chunk,
    // after white space or at the line's start (`?c.hd,rs` is
    // `България`); after a word it ends a question.
    let chunk_start = match text.get(..chunk_start).and_then(|h| h.strip_suffix('?')) {
        Some(before)
            if source == Sc::Latin
                && before.chars().next_back().is_none_or(char::is_whitespace) =>
        {
            before.len()
        }
        _ => chunk_start,
    };
    let chunk_end = w.end
        + tail
            .char_indices()
            .find(|(_, c)| !joins(*c))
            .map_or(tail.len(), |(i, _)| i);
    (chunk_start, chunk_end)
}

/// The span of a Latin word `w` and the `;` glued before it that opens its
/// chunk ([`chunk_bounds`]: nothing but white space, a bracket or the
/// line's start before the key), when there is one: `;` opens no word in
/// prose (it follows one), so it is a key typed with the word, `ч` on the
/// Serbian layout (`;vrste` is `чврсте`), `ж` on ЙЦУКЕН, the tonos on the
/// Greek one (`;Otan` is `Όταν`); the word as typed is no word of its own.
fn semicolon_word_around(text: &str, w: &Word) -> Option<(usize, usize)> {
    let (chunk_start, _) = chunk_bounds(text, w, Sc::Latin);
    (chunk_start + 1 == w.start && text.get(chunk_start..w.start) == Some(";"))
        .then_some((chunk_start, w.end))
}

/// The spans a layout candidate for word `w` may cover: the word, and the
/// word joined with the punctuation keys and `source` words glued to it
/// without a space (`,elewm`, `ytf,[jlyft`, `k.,k.`), with and without the
/// punctuation at each edge. Each span comes with how many edge keys it
/// swallowed.
fn chunk_spans(text: &str, w: &Word, source: Sc) -> Vec<(usize, usize, u8)> {
    let (chunk_start, chunk_end) = chunk_bounds(text, w, source);
    let Some(chunk) = text.get(chunk_start..chunk_end) else {
        return vec![(w.start, w.end, 0)];
    };
    // The chunk's letters run from its first to its last `source` letter.
    let first = chunk
        .char_indices()
        .find(|(_, c)| sc_of(*c) == Some(source))
        .map_or(0, |(i, _)| i);
    let last = chunk
        .char_indices()
        .rev()
        .find(|(_, c)| sc_of(*c) == Some(source))
        .map_or(chunk.len(), |(i, c)| i + c.len_utf8());
    let (mut core_start, mut core_end) = (chunk_start + first, chunk_start + last);
    // Digits at its edges are letters of a word that re-types into a French
    // one on AZERTY (`екщгм2` is `trouvé`: [`words::azerty_digit_word`]).
    if source != Sc::Latin {
        let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let before = text.get(chunk_start..core_start).map_or(0, |h| {
            h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len()
        });
        let after = text.get(core_end..chunk_end).map_or(0, digits);
        if (before > 0 || after > 0)
            && text
                .get(core_start - before..core_end + after)
                .is_some_and(words::azerty_digit_word)
        {
            core_start -= before;
            core_end += after;
        }
    }
    // The word alone, when letters of its script are glued to it, leaves
    // them behind (`к2` of `к2штыейддйешщты`): two points; a key that is
    // seldom punctuation right after a word (`[`, `;` of `vfkjktnyb[`) left
    // behind costs one.
    let odd_after = text
        .get(w.end..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| {
            matches!(c, '[' | ']' | '{' | '}' | '`' | '<' | '>' | ';')
                && text
                    .get(w.end + c.len_utf8()..)
                    .and_then(|t| t.chars().next())
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | '!' | '?'))
        });
    let leaves = if core_start < w.start || core_end > w.end || odd_after {
        2
    } else {
        0
    };
    let mut out = vec![(w.start, w.end, leaves)];
    if chunk.len() > 64 {
        return out; // a path or a blob, not a word
    }
    let edges = edge_spans(text, core_start, core_end, (chunk_start, chunk_end));
    for &span in &edges {
        if !out.iter().any(|&(a, b, _)| a == span.0 && b == span.1) {
            out.push(span);
        }
    }
    // Every key glued before the letters with them, ended as each edge span
    // ends short of the chunk's end: the punctuation after a word stays
    // punctuation when the keys before it are letters (`/f.eij,` is
    // `болест,` on the Bulgarian layout, whose `б` is on `/`; `;,cikfjf.`
    // is `мръсното.`). The keys before cost as the whole chunk's do
    // (below), the key after as in [`edge_spans`]; a key seldom
    // punctuation right after a word (a bracket, a backquote, a `;`) is
    // never left behind where the chunk ends with it or a full stop or
    // comma follows it (`/shd;.` is `бягам.`, not `бяга;.`).
    if chunk_start < core_start {
        // (Read in the chunk alone, as every span is: the chunk ends, or
        // a full stop or comma follows the key.)
        let odd_tail = text.get(core_end..chunk_end).is_some_and(|t| {
            let mut keys = t.chars();
            keys.next()
                .is_some_and(|c| matches!(c, '[' | ']' | '{' | '}' | '`' | '<' | '>' | ';'))
                && keys.next().is_none_or(|n| matches!(n, '.' | ','))
        });
        let head = u8::from(
            chunk
                .chars()
                .next()
                .is_some_and(|c| closed_after(text, chunk_end, c)),
        );
        let tails: Vec<(usize, u8)> = edges
            .iter()
            .filter(|&&(a, b, _)| a == core_start && b < chunk_end && !(b == core_end && odd_tail))
            .map(|&(_, b, cost)| (b, cost))
            .collect();
        for (end, tail) in tails {
            if !out.iter().any(|&(a, b, _)| a == chunk_start && b == end) {
                out.push((chunk_start, end, head + tail));
            }
        }
    }

    // Keys left glued before the letters that cannot open a word there (a
    // comma or dot with a space before it: `,hfopthf.` is `браўзера.`; an
    // apostrophe, quotation mark or bracket nothing later closes: `'njn` is
    // `этот`, `[lejkfjf` is not `[ветното`) are no punctuation: a span that
    // leaves them out costs three points.
    if chunk_start < core_start {
        for span in &mut out {
            let Some(left) = text.get(chunk_start..span.0).filter(|l| !l.is_empty()) else {
                continue;
            };
            let mut keys = left.chars();
            let opens = match (keys.next(), keys.next()) {
                (Some(key), None) => closed_after(text, core_end, key),
                _ => false,
            };
            if !opens {
                span.2 = span.2.saturating_add(3);
            }
        }
    }
    // The whole chunk, when it has more than one key at an edge (`;,cikfjf`
    // is `мръсното` on the Bulgarian layout): its outer keys cost as in
    // [`edge_spans`].
    if !out
        .iter()
        .any(|&(a, b, _)| a == chunk_start && b == chunk_end)
    {
        let first = chunk.chars().next();
        let last = chunk.chars().next_back();
        let before = u8::from(
            chunk_start < core_start && first.is_some_and(|c| closed_after(text, chunk_end, c)),
        );
        // Keys after the letters that would be odd punctuation left alone
        // (`..` of `dytiy..`, `внешнюю`) cost nothing as letters.
        let after = u8::from(
            chunk_end > core_end
                && last.is_some_and(|c| {
                    matches!(c, ',' | '.' | ';' | ':' | '\'' | '"' | ']' | '}' | '>')
                })
                && text.get(core_end..chunk_end).is_some_and(is_plain_trailer),
        );
        out.push((chunk_start, chunk_end, before + after));
    }
    out
}

/// [`chunk_spans`] of a word of ASCII letters that nothing joins on either
/// side (no layout key, letter of `source`, or what else [`chunk_spans`]
/// glues to it): the word alone, with no cost. `None` when the word needs
/// the general walk.
fn lone_span(text: &str, w: &Word, source: Sc) -> Option<(usize, usize, u8)> {
    let word = text.get(w.start..w.end)?;
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let apart = |c: Option<char>| {
        c.is_none_or(|c| {
            !is_layout_punct(c) && sc_of(c) != Some(source) && !c.is_ascii_digit() && c != '/'
        })
    };
    let before = text.get(..w.start)?.chars().next_back();
    let after = text.get(w.end..)?.chars().next();
    (apart(before) && apart(after)).then_some((w.start, w.end, 0))
}

/// Whether `keys`, the punctuation glued after a word, reads as ordinary
/// punctuation there: one mark, an ellipsis, or a mark and a quote.
fn is_plain_trailer(keys: &str) -> bool {
    let quote = |c: char| matches!(c, '"' | '\'' | ')' | ']' | '}' | '>');
    let mark = |c: char| matches!(c, '.' | ',' | ';' | ':');
    let mut chars = keys.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(_), None, _) => true,
        (Some(a), Some(b), None) => (quote(a) && mark(b)) || (mark(a) && quote(b)),
        _ => keys == "...",
    }
}

/// Whether a line's Latin text is Serbian (or Croatian, Bosnian) Latin: it
/// holds a letter of their alphabet other languages of the judge lack
/// (`č ć đ š ž`), or the Serbian lexicon knows its Latin words better than
/// any other. (Not `Line::serbian`: a `ј` or `ђ` is in the Cyrillic
/// words, which are the question.)
fn serbian_latin_line(line: &Line<'_>) -> bool {
    line.text
        .chars()
        .any(|c| matches!(c, 'č' | 'ć' | 'đ' | 'š' | 'ž' | 'Č' | 'Ć' | 'Đ' | 'Š' | 'Ž'))
        || {
            // Its Latin words vote with their frequencies, as in
            // [`Line::language`] (whatlang does not tell Serbian Latin).
            let serbian = line.lexicon_weight(Sc::Latin, "sr");
            serbian > 0.0
                && ["en", "de", "fr", "es"]
                    .into_iter()
                    .all(|lang| serbian > line.lexicon_weight(Sc::Latin, lang))
        }
}

/// Whether a word is written in letters of the Serbian Cyrillic alphabet
/// only ([`tables::in_alphabet`]).
fn spelled_in_serbian_cyrillic(word: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .all(|c| tables::in_alphabet("sr", c) == Some(true))
}

/// Whether the nearest word before or after word `index` of the line,
/// past options, paths and format strings ([`words::is_protected`]), is a
/// Latin one: the word is part of a Latin phrase (`Metod „%s“ je`).
fn latin_word_beside(line: &Line<'_>, index: usize) -> bool {
    let unprotected = |o: &&Word| !words::is_protected(line.text, o);
    let before = line
        .words
        .get(..index)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(unprotected);
    let after = line
        .words
        .get(index + 1..)
        .unwrap_or_default()
        .iter()
        .find(unprotected);
    [before, after]
        .into_iter()
        .flatten()
        .any(|o| o.single() == Some(Sc::Latin))
}

/// The Latin letter or digraph of a lower-case Serbian Cyrillic letter
/// (`љ` → `lj`, `ж` → `ž`), from the generated `sr-latin` table
/// ([`SERBIAN_LATIN`](crate::tables::serbian::SERBIAN_LATIN)), the one
/// table both directions read.
fn serbian_latin(c: char) -> Option<&'static str> {
    use crate::tables::serbian::SERBIAN_LATIN;
    SERBIAN_LATIN
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .and_then(|i| SERBIAN_LATIN.get(i))
        .map(|&(_, latin)| latin)
}

/// The Serbian Cyrillic letter whose Latin spelling is `latin` (one letter
/// or a digraph: `lj` → `љ`), or, when `ascii` is set, whose spelling
/// without diacritics it is and no other letter's is (`dj` → `ђ`,
/// `dz` → `џ`: `c`, `s`, `z` and `d` are letters of their own).
fn serbian_cyrillic(latin: &str, ascii: bool) -> Option<char> {
    use crate::tables::serbian::SERBIAN_LATIN;
    let exact = SERBIAN_LATIN.iter().find(|&&(_, l)| l == latin);
    exact
        .or_else(|| {
            (ascii && latin.chars().count() == 2).then(|| {
                SERBIAN_LATIN
                    .iter()
                    .find(|&&(_, l)| serbian_without_marks(l, true).eq(latin.chars()))
            })?
        })
        .map(|&(c, _)| c)
}

/// A Serbian Latin letter or digraph as keyboards without its diacritics
/// type it: the marks dropped (`ž` → `z`, `dž` → `dz`, `ć` → `c`), and
/// `đ`, whose stroke is no mark, as `dj` (`dj` set) or `d`.
fn serbian_without_marks(latin: &str, dj: bool) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::UnicodeNormalization as _;
    latin.chars().flat_map(move |c| {
        let (base, j) = match c {
            'đ' => ('d', dj.then_some('j')),
            _ => (std::iter::once(c).nfd().next().unwrap_or(c), None),
        };
        std::iter::once(base).chain(j)
    })
}

/// Whether the Serbian lexicon (with its extension, [`zipf_ext`]) lists,
/// or the document writes, the Cyrillic word whose Serbian Latin spelling
/// is `lower` (lower case), read letter by letter with [`serbian_cyrillic`]:
/// `lj`, `nj`, `dž` and `dj` read as `љ`, `њ`, `џ`, `ђ` or as two letters
/// (`injekcija` is `инјекција`). A letter Serbian Latin lacks (`q`, `w`,
/// `x`, `y`, `ä`) answers no.
fn serbian_cyrillic_known(lower: &str, context: &DocumentContext) -> bool {
    let mut letters = String::with_capacity(lower.len() * 2);
    let mut digraphs = String::with_capacity(lower.len() * 2);
    let mut chars = lower.char_indices().peekable();
    let mut buf = [0u8; 4];
    while let Some((i, c)) = chars.next() {
        let Some(one) = serbian_cyrillic(c.encode_utf8(&mut buf), false) else {
            return false;
        };
        letters.push(one);
        let digraph = chars.peek().and_then(|&(j, next)| {
            let pair = lower.get(i..j + next.len_utf8())?;
            Some((next, serbian_cyrillic(pair, true)?))
        });
        match digraph {
            Some((next, d)) => {
                let Some(second) = serbian_cyrillic(next.encode_utf8(&mut buf), false) else {
                    return false;
                };
                digraphs.push(d);
                letters.push(second);
                chars.next();
            }
            None => digraphs.push(one),
        }
    }
    let known = |word: &str| zipf_ext("sr", word).is_some() || context.count(word) > 0;
    known(&digraphs) || (letters != digraphs && known(&letters))
}

/// Whether `latin` is a Serbian Latin spelling of the Cyrillic word
/// `cyrillic`: the official one (`љ` → `lj`, `ж` → `ž`) or the one without
/// diacritics that QWERTY keyboards give (`ž` → `z`, `đ` → `dj` or `d`),
/// from the same table as [`serbian_cyrillic_known`]. Letter case is
/// ignored.
fn is_serbian_latin_of(latin: &str, cyrillic: &str) -> bool {
    let mut plain = String::with_capacity(cyrillic.len());
    let mut djs = String::with_capacity(cyrillic.len());
    let mut exact = String::with_capacity(cyrillic.len());
    for c in cyrillic.chars().flat_map(char::to_lowercase) {
        let Some(e) = serbian_latin(c) else {
            return false;
        };
        exact.push_str(e);
        plain.extend(serbian_without_marks(e, false));
        djs.extend(serbian_without_marks(e, true));
    }
    let lower = lowercase(latin);
    lower == exact || lower == plain || lower == djs
}

/// The language of `text` by whatlang, restricted to the languages with a
/// lexicon in script `sc`; `None` when whatlang is unsure.
fn whatlang_language(text: &str, sc: Sc, possible: &[&'static str]) -> Option<&'static str> {
    use polynorm_script::Lang;
    let all: &[Lang] = match sc {
        Sc::Latin => &[Lang::Eng, Lang::Deu, Lang::Fra, Lang::Spa],
        Sc::Cyrillic => &[Lang::Rus, Lang::Ukr, Lang::Bel, Lang::Bul, Lang::Srp],
        Sc::Greek => return Some("el"),
    };
    let code = |l: Lang| match l {
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        _ => "",
    };
    let narrowed: Vec<Lang>;
    let allow: &[Lang] = if sc == Sc::Cyrillic && possible.len() < all.len() {
        narrowed = all
            .iter()
            .copied()
            .filter(|l| possible.contains(&code(*l)))
            .collect();
        if let [only] = narrowed.as_slice() {
            return possible.iter().copied().find(|p| *p == code(*only));
        }
        &narrowed
    } else {
        all
    };
    let guess = polynorm_script::detect_language_among(text, allow)?;
    if guess.confidence < 0.2 {
        return None;
    }
    Some(match guess.lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        _ => return None,
    })
}

/// Whether white space separates words `a` and `b` of `text` (in either
/// order), rather than only punctuation.
fn stands_apart(text: &str, a: &Word, b: &Word) -> bool {
    let (start, end) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    text.get(start..end)
        .is_some_and(|between| between.chars().any(char::is_whitespace))
}

/// Whether a bracket stands between the words `a` and `b` (`(rescue) toy`):
/// a word inside brackets and one outside them make no phrase.
fn bracket_between(text: &str, a: &Word, b: &Word) -> bool {
    let (start, end) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    text.get(start..end).is_some_and(|between| {
        between
            .chars()
            .any(|c| matches!(c, '(' | ')' | '[' | ']' | '{' | '}'))
    })
}

/// The letters of `word` as two runs, each of one script (`тамилска` and
/// `Net`); `None` for any other shape.
fn two_script_runs(word: &str) -> Option<[(Sc, Vec<char>); 2]> {
    let letters = || word.chars().filter_map(|c| sc_of(c).map(|s| (s, c)));
    let (first_sc, _) = letters().next()?;
    let head: Vec<char> = letters()
        .take_while(|(s, _)| *s == first_sc)
        .map(|(_, c)| c)
        .collect();
    let (tail_sc, _) = letters().nth(head.len())?;
    let mut tail = Vec::new();
    for (s, c) in letters().skip(head.len()) {
        if s != tail_sc {
            return None; // more than two runs
        }
        tail.push(c);
    }
    Some([(first_sc, head), (tail_sc, tail)])
}

/// Whether `word`, letters of two scripts, is two words glued where the
/// case changes: a lower-case letter then a capital (`тамилскаNet`,
/// `МетодHTTP`, `КаннадаKannada`), a capitalised word after the first
/// script's letters (`YІнтервал`), or a placeholder in capitals with its
/// lower-case suffix (`ПРЕФИКСaa`, the files `split` writes). A slip or a
/// lookalike keeps the case of the word it is in (`Sergeн`, `CЕРГЕЙ`,
/// `Cервер`).
fn glued_at_case(word: &str) -> bool {
    let Some([(_, head), (_, tail)]) = two_script_runs(word) else {
        return false;
    };
    let (Some(&last), Some(&next)) = (head.last(), tail.first()) else {
        return false;
    };
    let hump = last.is_lowercase() && next.is_uppercase();
    let titled = next.is_uppercase() && tail.get(1).is_some_and(|c| c.is_lowercase());
    let caps_then_lower = head.len() >= 2
        && tail.len() >= 2
        && head.iter().all(|c| c.is_uppercase())
        && tail.iter().all(|c| c.is_lowercase());
    hump || titled || caps_then_lower
}

/// Whether `word` is two runs of three letters or more, one of them a word
/// by itself (`bfdиме`: `bfd` and Bulgarian `име`, "name"). Such a word is
/// two words glued unless a candidate makes one known word of the whole
/// (`приdtn`, `при` and a slip, is `привет`): a slip inside a word changes
/// a letter or two where the layout switched, and a word that starts with
/// a listed word is common.
fn two_word_runs(word: &str) -> bool {
    let Some(runs) = two_script_runs(word) else {
        return false;
    };
    let listed = |(sc, run): &(Sc, Vec<char>)| {
        let lower: String = run.iter().flat_map(|c| c.to_lowercase()).collect();
        lexicon_lists(*sc, &lower)
    };
    runs.iter().all(|(_, run)| run.len() >= 3) && runs.iter().any(listed)
}

/// Zipf frequency below which a lexicon's listing of a Latin word's
/// lookalike spelling in a Cyrillic or Greek line is too rare to stand for
/// a spoof ([`MixedScript::foreign_word`]): the evaluation's spoofed words
/// of those scripts are listed at 3.8 or more where their frequency is
/// measured, while an English word may re-spell a rare form by chance
/// (`pacy` is `расу`, zipf 3.0).
const LOOKALIKE_READING_ZIPF: f32 = 3.5;

/// The fewest letters of a stem [`common_stem`] reads: `ресурс` of
/// `ресурсе`.
const STEM_LETTERS: usize = 5;

/// Whether `lower`, a lookalike spelling some lexicon lists only as rare,
/// is a form of a common word: it drops one or two letters of ending (a
/// stem of [`STEM_LETTERS`] letters or more left) to a word a lexicon of a
/// language of `possible` lists at [`LOOKALIKE_READING_ZIPF`] or more
/// (`ресурсе`, zipf 3.0 in Russian, is a case form of `ресурс`, 4.0). The
/// frequency of a form is not its word's: a spoof of a common word in a
/// rare case reads as well as one in its commonest.
fn common_stem(lower: &str, possible: &[&str]) -> bool {
    let letters = lower.chars().count();
    (1..=2)
        .filter(|&cut| letters >= STEM_LETTERS + cut)
        .filter_map(|cut| lower.char_indices().nth(letters - cut).map(|(at, _)| at))
        .filter_map(|at| lower.get(..at))
        .any(|stem| {
            stem.chars().all(letters::is_alphabetic)
                && possible
                    .iter()
                    .any(|&l| zipf_ext(l, stem).is_some_and(|z| z >= LOOKALIKE_READING_ZIPF))
        })
}

/// Zipf frequency a lookalike spelling of two letters must reach to be taken
/// for a word (the twenty-odd commonest words of a language: `на`, `to`,
/// `de`, `Αν`); three letters need less.
const SHORT_WORD_ZIPF: [f32; 2] = [4.5, 4.0];

/// Whether `candidate`, a lookalike spelling of two or three letters, is a
/// common word of the line's language `lang` or, two points lower, of
/// another language the line's letters allow (`possible`): a Serbian word
/// in a line whatlang takes for Bulgarian still counts, a Serbian one in a
/// Russian line (`тог` for `Tor`) hardly. Belarusian entries carry no
/// measured frequency, so a word its list holds passes in a line that may be
/// Belarusian.
fn common_short_word(candidate: &str, lang: Option<&str>, possible: &[&str]) -> bool {
    let lower = lowercase(candidate);
    let letters = lower.chars().filter(|&c| letters::is_alphabetic(c)).count();
    let Some(&floor) = SHORT_WORD_ZIPF.get(letters.saturating_sub(2)) else {
        return true;
    };
    possible.iter().chain(lang.as_ref()).any(|&l| {
        zipf(l, &lower).is_some_and(|z| {
            let off = if lang.is_some_and(|want| want != l) {
                2.0
            } else {
                0.0
            };
            l == "be" || z - off >= floor
        })
    })
}

/// Maps every letter not in `target` to its lookalike in `target`; `None`
/// if one has none. Returns the text and the weakest pair's strength.
fn map_lookalikes(word: &str, target: Sc) -> Option<(String, u8)> {
    let mut out = String::with_capacity(word.len());
    let mut strength = 2u8;
    for c in word.chars() {
        match sc_of(c) {
            Some(sc) if sc != target => {
                let (to, s) = lookalike(c, target)?;
                if to.is_uppercase() != c.is_uppercase() {
                    return None; // `b` → `Ь` changes what a reader sees
                }
                strength = strength.min(s);
                out.push(to);
            }
            _ => out.push(c),
        }
    }
    Some((out, strength))
}

/// Re-types the `source`-script letters (and, into a non-Latin target, the
/// punctuation keys) of `word` from layout `from` to layout `to`; `None` if
/// a character is not on the layout or does not become a `target` letter.
fn retype_word(word: &str, source: Sc, target: Sc, from: &str, to: &str) -> Option<String> {
    let (a, b) = (layout(from)?, layout(to)?);
    // Digits glued to a Cyrillic or Greek word are keys too: AZERTY puts
    // `é è ç à` on the digit row (`к2штыейддйешщты` is `réinstallations`).
    let out = retype_text(word, a, b, true, |c| {
        sc_of(c) == Some(source)
            || (source == Sc::Latin && (is_layout_punct(c) || c == '/'))
            || (source != Sc::Latin && c.is_ascii_digit())
    })?;
    // Every letter must now be the target script's.
    out.chars()
        .all(|c| sc_of(c).is_none_or(|s| s == target) || !letters::is_alphabetic(c))
        .then_some(out)
        .filter(|o| o.chars().any(|c| sc_of(c) == Some(target)))
}

/// Re-types every character of `span` that the layout has; others stay.
fn convert_span(
    span: &str,
    a: &crate::tables::layouts::LayoutTable,
    b: &crate::tables::layouts::LayoutTable,
) -> String {
    retype_text(span, a, b, false, |c| c != ' ').unwrap_or_else(|| span.to_owned())
}

/// Whether a candidate for a foreign-script word has the evidence it
/// needs: a common word or the document's own spelling, not just a
/// plausible shape. Short strings re-type into some short word all too
/// easily (`gtk` is `пел`): they need a very common one. What is short is
/// the typed string: a dead key makes four keys three letters (`ыхгк` is
/// `sûr` on AZERTY), and four keys land on a word by chance no more often
/// than four letters do.
fn foreign_word_takes(text: &str, c: &Candidate) -> bool {
    let letters = |t: &str| t.chars().filter(|&ch| letters::is_alphabetic(ch)).count();
    let typed = text.get(c.start..c.end).map_or(0, letters);
    let short = letters(&c.text).max(typed) <= 3;
    c.score >= 3.0 && !(short && c.kind == ChangeKind::KeyboardLayout && c.score < 5.0)
}

/// Drops the changes of whole words of another script (`foreign`: index in
/// `edits`, index in `words`) that a word of the same script left as typed
/// in the line explains: the other half of a hyphenated compound (`plt` of
/// the option `pac-plt`), or, for a re-typing, a word one letter apart
/// (`%ld` and `ldf`, `ivtp` and `tvtp`, `fds` and `fd`). Identifiers come
/// in such families; a slip's keys land that close to a word of its line
/// only by chance, and a spoof replaces the whole compound.
fn drop_vocabulary_edits(
    text: &str,
    words: &[Word],
    edits: &mut Vec<Edit>,
    foreign: &[(usize, usize)],
) {
    // Which words no edit touches, and their lower case when asked: worked
    // out once for the line, not once per foreign word (a line of
    // thousands of re-typed words took seconds: the edits were scanned for
    // every word for every foreign word). The edits are in order and apart
    // (the judge keeps an edit only after the last one's end), so the one
    // edit that may overlap a word is the first ending after its start:
    // a binary search, not a scan of the edits per word.
    debug_assert!(edits.windows(2).all(|p| p
        .first()
        .zip(p.get(1))
        .is_some_and(|(a, b)| a.end <= b.start)));
    let untouched: Vec<bool> = words
        .iter()
        .map(|o| {
            let first = edits.partition_point(|x| x.end <= o.start);
            edits.get(first).is_none_or(|x| x.start >= o.end)
        })
        .collect();
    // The words that may explain a foreign word, per script: of it alone,
    // of two letters or more, untouched (listed once, not sought among all
    // the line's words for each foreign word).
    let mut stays: [Vec<usize>; 3] = Default::default();
    for (j, o) in words.iter().enumerate() {
        if o.letters() >= 2 && untouched.get(j).copied().unwrap_or(false) {
            if let Some(list) = o.single().and_then(|s| stays.get_mut(s as usize)) {
                list.push(j);
            }
        }
    }
    let lower_of: Vec<std::cell::OnceCell<Option<String>>> =
        words.iter().map(|_| std::cell::OnceCell::new()).collect();
    let mut drop = Vec::new();
    for &(e, i) in foreign {
        let (Some(edit), Some(w)) = (edits.get(e), words.get(i)) else {
            continue;
        };
        let Some(source) = w.single() else {
            continue;
        };
        let lower = text.get(w.start..w.end).map(lowercase).unwrap_or_default();
        let mut stays = stays
            .get(source as usize)
            .into_iter()
            .flatten()
            .filter(|&&j| j != i)
            .filter_map(|&j| Some((j, words.get(j)?)));
        let explained = stays.any(|(j, o)| {
            hyphen_joined(text, w, o)
                || (edit.kind == ChangeKind::KeyboardLayout
                    && lower_of
                        .get(j)
                        .and_then(|cell| {
                            cell.get_or_init(|| text.get(o.start..o.end).map(lowercase))
                                .as_deref()
                        })
                        .is_some_and(|t| one_letter_apart(&lower, t)))
        });
        if explained {
            drop.push(e);
        }
    }
    for e in drop.into_iter().rev() {
        edits.remove(e);
    }
}

/// Whether `a` and `b` (lower case) are one letter apart, of two letters
/// or more each: one is the other with a letter added at the end (`ld`,
/// `ldf`), or they have the same length and differ in one letter (`ivtp`,
/// `tvtp`). Identifiers come in such families; a slip's keys match a word
/// of the line that closely only by chance.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (na, nb) = (a.chars().count(), b.chars().count());
    if na < 2 || nb < 2 {
        return false;
    }
    if na == nb {
        na >= 3 && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1
    } else {
        let (short, long, ns, nl) = if na < nb {
            (a, b, na, nb)
        } else {
            (b, a, nb, na)
        };
        nl == ns + 1 && long.starts_with(short)
    }
}

/// Whether `chunk` is a printf format specifier (`%u`, `%ld`, `%-8s`),
/// with punctuation after it.
fn is_format_spec(chunk: &str) -> bool {
    let Some(rest) = chunk.strip_prefix('%') else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '#' | 'l' | 'h' | 'z' | 'j')
    });
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| {
        matches!(
            c,
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 's' | 'c' | 'f' | 'g' | 'e' | 'p'
        )
    }) && chars.all(|c| c.is_ascii_punctuation() && c != '%')
}

/// Whether the word at `start..end` of `line` is written as a term: a
/// label for a format specifier's value (`рег: %u`, `тип=%d`), an
/// abbreviation labelling what follows (`Арг.:`, `Ід.:`), or a usage
/// placeholder, alone in its brackets but for spaces and an ellipsis
/// (`[арг ...]`, `[ арг... ]`, `<файл>`).
fn written_as_term(line: &str, start: usize, end: usize) -> bool {
    if line.get(end..).is_some_and(|rest| rest.starts_with(".:")) {
        return true;
    }
    let before = line.get(..start).unwrap_or_default().trim_end();
    let closer = match before.chars().next_back() {
        Some('[') => Some(']'),
        Some('<') => Some('>'),
        _ => None,
    };
    if let Some(closer) = closer {
        let rest = line.get(end..).unwrap_or_default();
        if rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…'))
            .starts_with(closer)
        {
            return true;
        }
    }
    line.get(end..)
        .and_then(|rest| rest.strip_prefix([':', '=']))
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(is_format_spec)
}

/// Whether words `a` and `b` are joined by a hyphen into one compound.
fn hyphen_joined(text: &str, a: &Word, b: &Word) -> bool {
    let between = |x: &Word, y: &Word| text.get(x.end..y.start) == Some("-");
    between(a, b) || between(b, a)
}

/// Picks the best candidate against leaving the word (`keep`) and the other
/// candidates; confidence is its softmax share.
fn judge(text: &str, mut candidates: Vec<Candidate>, keep: f32, what: &str) -> Option<Edit> {
    candidates.retain(|c| {
        text.get(c.start..c.end).is_some_and(|o| c.text != o) && !leaves_mixed_token(text, c)
    });
    // A re-typing that leaves a bracket key glued to the word (`программа[.`)
    // loses to one that types it as the letter it is (`программах.`).
    if candidates.iter().any(|c| !leaves_bracket(text, c)) {
        candidates.retain(|c| !leaves_bracket(text, c));
    }
    // One that re-types an opening bracket whose closing one it leaves
    // glued after it re-types half a pair: the pair holds an index or a
    // key of code (`` `line[elem]` `` is no `линешелем]`), not a slip.
    candidates.retain(|c| !splits_bracket_pair(text, c));
    // One entry per distinct spelling, the best-scored channel kept.
    candidates.sort_by(|a, b| a.text.cmp(&b.text).then(b.score.total_cmp(&a.score)));
    candidates.dedup_by(|a, b| a.text == b.text);
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.text.cmp(&b.text)));
    let best = candidates.first()?;
    if best.score <= keep {
        return None;
    }
    let original = text.get(best.start..best.end).unwrap_or_default();
    // The best against its strongest rival and against leaving the word:
    // weaker rivals are variations of the same guess, not extra doubt.
    let rival = candidates
        .get(1)
        .map_or(f32::NEG_INFINITY, |c| c.score)
        .max(f32::NEG_INFINITY);
    let total = best.score.exp() + rival.exp() + keep.exp();
    let confidence = best.score.exp() / total;
    let runner_up = candidates.get(1).map_or(String::new(), |c| {
        format!("; next best {:?} ({:.1})", c.text, c.score)
    });
    let channel = match (best.kind, best.layouts) {
        (ChangeKind::KeyboardLayout, Some((from, to))) => {
            let describe =
                |id: &str| layout(id).map_or(String::new(), |l| format!(" ({})", l.description));
            let keys: Vec<String> = original
                .chars()
                .zip(best.text.chars())
                .filter(|(a, b)| a != b)
                .filter_map(|(a, b)| {
                    Some(format!("{a}→{b} on key {}", key_name(a, layout(from)?)?))
                })
                .take(3)
                .collect();
            format!(
                "typed with the {from} layout{}, meant {to}{}: {}",
                describe(from),
                describe(to),
                keys.join(", ")
            )
        }
        _ => format!("lookalike letters (strength {})", best.strength),
    };
    Some(Edit {
        start: best.start,
        end: best.end,
        after: best.text.clone(),
        kind: best.kind,
        confidence,
        evidence: format!(
            "{what}; {channel}{}; score {:.1} against {:.1} for leaving it{runner_up}",
            best.why, best.score, keep
        ),
    })
}

/// Whether a re-typed token still holds a key the layout pair left as
/// typed: a digit or bracket between or next to letters, or a capital after
/// a small letter.
fn is_junk_token(token: &str) -> bool {
    let core = token.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | '!' | '?' | ':' | ';' | '"' | '\'' | '(' | ')' | '«' | '»'
        )
    });
    if !core.chars().any(letters::is_alphabetic) {
        return false;
    }
    has_inner_capital(core)
        || core.chars().any(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '[' | ']' | '{' | '}' | '<' | '>' | '|' | '\\' | '`' | '~'
                )
        }) && !core
            .chars()
            .all(|c| c.is_ascii_digit() || !letters::is_alphabetic(c))
}

/// The symbols of a text, to tell whether a whole-line re-typing of a line
/// turns letters into symbols no writer puts among words
/// ([`Symbols::more_than`]): a symbol such as `#`, `+`, `=` or `*` the line
/// does not already hold as often, parentheses the line balances
/// left unbalanced, or punctuation glued before a word's first letter or
/// piled up between letters (`с завершающим нулем` is not `s yawerüa#+im
/// nulem`, `фанг (Камерун)` not `fang )Kamerun=`, `Луар і Шэр` not
/// `:wd, і Tv,`). Text typed on the wrong layout gives such symbols back as
/// letters, not the other way round.
struct Symbols {
    /// How often each of `# + = * | \ < > [ ] { } @ $ % ^ & ~ _` occurs.
    counts: [u32; Symbols::LIST.len()],
    /// Whether the parentheses pair up.
    balanced: bool,
    /// [`glued_punctuation`].
    glued: usize,
}

impl Symbols {
    const LIST: [u8; 19] = *b"#+=*|\\<>[]{}@$%^&~_";

    /// Each byte's place in [`Symbols::LIST`] plus one (0: not listed), so
    /// that a byte is counted by one look-up rather than a search of the
    /// list (the whole-line judge measures every layout pair's re-typing).
    // Indexing in a const block cannot panic at run time.
    #[allow(clippy::indexing_slicing)]
    const SLOT: [u8; 256] = {
        let mut slot = [0u8; 256];
        let mut k = 0;
        while k < Symbols::LIST.len() {
            slot[Symbols::LIST[k] as usize] = k as u8 + 1;
            k += 1;
        }
        slot
    };

    fn of(text: &str) -> Symbols {
        let mut counts = [0u32; Symbols::LIST.len()];
        let mut depth = 0i32;
        let mut balanced = true;
        for b in text.bytes() {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    balanced &= depth >= 0;
                }
                _ => {}
            }
            let slot = Symbols::SLOT.get(usize::from(b)).copied().unwrap_or(0);
            if let Some(n) = counts.get_mut(usize::from(slot).wrapping_sub(1)) {
                *n += 1;
            }
        }
        Symbols {
            counts,
            balanced: balanced && depth == 0,
            glued: glued_punctuation(text),
        }
    }

    /// Whether `self` (a re-typing) holds a symbol more often than `line`,
    /// unbalances its parentheses, or glues more punctuation to letters.
    fn more_than(&self, line: &Symbols) -> bool {
        self.counts.iter().zip(&line.counts).any(|(a, b)| a > b)
            || (line.balanced && !self.balanced)
            || self.glued > line.glued
    }
}

/// Tokens with `.` `,` `;` `:` before their first letter (`:wd`) or a run of
/// two or more of `.` `,` `;` `:` `-` between letters (`td..-pld`).
fn glued_punctuation(text: &str) -> usize {
    let punct = |c: char| matches!(c, '.' | ',' | ';' | ':');
    text.split_whitespace()
        .filter(|token| {
            // (Read twice from the token rather than collected: this runs
            // on every token of every layout pair's re-typing.)
            let mut head = token.chars().peekable();
            let mut leading = 0;
            while head.next_if(|&c| punct(c)).is_some() {
                leading += 1;
            }
            if leading > 0 && head.peek().is_some_and(|&c| letters::is_alphabetic(c)) {
                return true;
            }
            let mut run = 0;
            let mut after_letter = false;
            for c in token.chars() {
                if letters::is_alphabetic(c) {
                    if after_letter && run >= 2 {
                        return true;
                    }
                    after_letter = true;
                    run = 0;
                } else if punct(c) || c == '-' {
                    run += 1;
                } else {
                    after_letter = false;
                    run = 0;
                }
            }
            false
        })
        .count()
}

/// Whether applying `c` would leave a token that still mixes scripts: the
/// characters glued to the span (up to whitespace or a hyphen) hold a letter
/// of another script than the candidate's (`в4йгекуы` re-typed only from
/// `й` on gives `в4autres`, half a repair).
fn leaves_mixed_token(text: &str, c: &Candidate) -> bool {
    let Some(sc) = c.text.chars().find_map(sc_of) else {
        return false;
    };
    let stop = |ch: &char| ch.is_whitespace() || matches!(ch, '-' | '\u{2010}' | '/');
    let before = text.get(..c.start).unwrap_or_default().chars().rev();
    let after = text.get(c.end..).unwrap_or_default().chars();
    let other = |ch: char| sc_of(ch).is_some_and(|s| s != sc);
    before.take_while(|ch| !stop(ch)).any(other) || after.take_while(|ch| !stop(ch)).any(other)
}

/// Whether a layout span starting at `start` opens with a `/` glued after a
/// letter the line was typed with ([`Line::retyped`]): after a word of the
/// line's own script the slash parts two words (`режими/roekjrbrudjf,r` is
/// `режими/идентификатори`, no `режимибидентификатори`), as no one types
/// half a word on one layout and its `б` on the other. (After letters an
/// earlier round re-typed it is the Bulgarian layout's `б`:
/// `le.ruf/,rjdkiud` is `великобританска`.)
fn slash_after_typed_word(line: &Line<'_>, start: usize) -> bool {
    let Some(head) = line.text.get(..start) else {
        return false;
    };
    line.text.get(start..).is_some_and(|t| t.starts_with('/'))
        && head.chars().next_back().is_some_and(|c| {
            let at = start - c.len_utf8();
            letters::is_alphabetic(c) && !line.retyped.iter().any(|&(a, b)| a <= at && at < b)
        })
}

/// Whether `c` re-types a span holding an opening bracket (`[`, `{`) that
/// the closing one glued right after the span closes, with letters between
/// (`line[elem` of `line[elem]`), where no such bracket before the span
/// could be the one it closes (in `[fm[rr]` the inner `[` may be `ц`, a
/// letter, on the Bulgarian layout).
fn splits_bracket_pair(text: &str, c: &Candidate) -> bool {
    let (Some(typed), Some(after)) = (
        text.get(c.start..c.end),
        text.get(c.end..).and_then(|t| t.chars().next()),
    ) else {
        return false;
    };
    let open = match after {
        ']' => '[',
        '}' => '{',
        _ => return false,
    };
    !text.get(..c.start).is_some_and(|head| head.contains(open))
        && typed.rfind(open).is_some_and(|i| {
            typed
                .get(i + 1..)
                .is_some_and(|inside| inside.chars().any(letters::is_alphabetic))
        })
}

/// Whether applying `c` would leave a bracket facing the wrong way glued to
/// it (`программа[`, `]оставить`), or a closing bracket glued after it that
/// no bracket of the line opens (`зворотно]` for `зворотнj]`: `]` is `ї` on
/// the Ukrainian layout), or an opening one glued before it that no
/// bracket after it closes (`[ветното` for `[lejkfjf`: `[` is `ц` on the
/// Bulgarian layout): a key typed on the wrong layout, not punctuation.
fn leaves_bracket(text: &str, c: &Candidate) -> bool {
    let head = text.get(..c.start).unwrap_or_default();
    let tail = text.get(c.end..).unwrap_or_default();
    let before = head.chars().next_back();
    let after = tail.chars().next();
    let letter = |ch: Option<char>| ch.is_some_and(letters::is_alphabetic);
    let unopened = |close: char| {
        let open = if close == ']' { '[' } else { '{' };
        !head.contains(open)
    };
    let unclosed = |open: char| {
        let close = if open == '[' { ']' } else { '}' };
        !tail.contains(close)
    };
    (before.is_some_and(|b| matches!(b, ']' | '}' | '>')) && letter(c.text.chars().next()))
        || (after.is_some_and(|a| matches!(a, '[' | '{' | '<'))
            && letter(c.text.chars().next_back()))
        || (after.is_some_and(|a| matches!(a, ']' | '}') && unopened(a))
            && letter(c.text.chars().next_back()))
        || (before.is_some_and(|b| matches!(b, '[' | '{') && unclosed(b))
            && letter(c.text.chars().next()))
}

/// The languages of script `sc` whose alphabet holds every letter of
/// `text` in that script (only Cyrillic alphabets differ enough to tell);
/// all of them when none does (a quotation in a related language).
fn possible_languages(text: &str, sc: Sc) -> Vec<&'static str> {
    let all = sc.languages();
    if sc != Sc::Cyrillic {
        return all.to_vec();
    }
    // The languages still possible as bits of `all`, narrowed letter by
    // letter (no list per letter).
    let mut out = (1u32 << all.len()) - 1;
    // Read by the bytes (a judged line's first ask read every character
    // of it, about 15,000 instructions on a line of 600 bytes): ASCII is
    // skipped, the letters of U+0400–U+045F (`D0 80`–`D1 9F` in UTF-8,
    // every letter of a Russian line) go by table, the other characters
    // are decoded and, if Cyrillic, asked.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        if lead.is_ascii() {
            at += 1;
            continue;
        }
        let trail = bytes.get(at + 1).map_or(0, |&t| u32::from(t & 0x3F));
        let basic = match lead {
            0xD0 => Some(0x400 + trail),
            0xD1 if trail < 0x20 => Some(0x440 + trail),
            _ => None,
        };
        let allows = if let Some(c) = basic.and_then(char::from_u32) {
            at += 2;
            tables::cyrillic_alphabets(c).map_or(0, u32::from)
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            if sc_of(c) != Some(Sc::Cyrillic) {
                continue;
            }
            // (The table's letters came by their bytes: the rest by asking.)
            tables::cyrillic_alphabets(c).map_or_else(
                || {
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    all.iter()
                        .enumerate()
                        .filter(|(_, l)| tables::in_alphabet(l, lower) != Some(false))
                        .fold(0u32, |bits, (i, _)| bits | 1 << i)
                },
                u32::from,
            )
        };
        if out & allows == 0 {
            return all.to_vec();
        }
        out &= allows;
    }
    all.iter()
        .enumerate()
        .filter(|(i, _)| out >> i & 1 == 1)
        .map(|(_, l)| *l)
        .collect()
}

/// Marks down candidate `c` when it spells a Cyrillic letter that none of
/// the `possible` languages of its line writes (`Основні` in a line with
/// `ј` and `љ`, so Serbian; `гледај` in a line with `ъ`; `закладки` in one
/// with `ў`): whichever lexicon lists the word, a reader of that line's
/// language does not write it.
fn not_its_alphabet(c: &mut Candidate, possible: &[&str]) {
    let foreign = c.text.chars().flat_map(char::to_lowercase).find(|&ch| {
        !possible.is_empty()
            && possible
                .iter()
                .all(|l| tables::in_alphabet(l, ch) == Some(false))
    });
    if let Some(ch) = foreign {
        c.score -= ALPHABET_COST;
        let _ = write!(c.why, "; no language of the line writes `{ch}`");
    }
}

/// How much less than [`UNKNOWN_MIXED`] leaving a word that mixes scripts
/// counts when its best reading is a re-typing.
const MIXED_RETYPE_KEEP_OFF: f32 = 1.0;

/// The script a lexicon language is written in (Serbian counts as
/// Cyrillic).
fn sc_of_language(lang: &str) -> Option<Sc> {
    Sc::ALL
        .into_iter()
        .find(|sc| sc.languages().contains(&lang) && (lang != "sr" || *sc == Sc::Cyrillic))
}

/// The extra rarity of AZERTY as the Latin layout under a Cyrillic or
/// Greek one: people who write those languages pair their layout with US
/// QWERTY, or with QWERTZ where Serbian Latin is written, hardly ever with
/// the French layout (the French who write Russian do, so a Cyrillic
/// word in a French line keeps the plain odds).
fn azerty_under_cyrillic((from, to): (&str, &str)) -> f32 {
    if from == "fr" && Sc::Latin.layouts().iter().all(|l| *l != to) {
        1.0
    } else {
        0.0
    }
}

/// What a letter outside the line language's alphabet costs a candidate.
const ALPHABET_COST: f32 = 4.0;

/// Drops the candidates that leave a full stop glued to them where the
/// sentence goes on in lower case (`меy. partman`: `мен.` against `меню`)
/// when some candidate types that dot as the letter it is: there it is a
/// key, not the end of a sentence. (Before scoring, so the spelling that
/// stops short does not make the whole one look long.)
fn drop_inner_stop_leavers(text: &str, candidates: &mut Vec<Candidate>) {
    if candidates.iter().any(|c| swallows_inner_stop(text, c)) {
        candidates.retain(|c| !leaves_inner_stop(text, c));
    }
}

/// Whether a full stop at byte `at` of `text` stands inside a sentence: a
/// lower-case word follows it after a space (and maybe an opening bracket
/// or quote).
fn is_inner_stop(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..).and_then(|t| t.strip_prefix('.')) else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    rest.trim_start()
        .trim_start_matches(['(', '«', '"', '\'', '„', '“'])
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether candidate `c` would leave a full stop right after it that
/// stands inside a sentence ([`is_inner_stop`]).
fn leaves_inner_stop(text: &str, c: &Candidate) -> bool {
    text.get(..c.end).is_some_and(|h| {
        h.chars()
            .next_back()
            .is_some_and(|ch| letters::is_alphabetic(ch) || ch == '\'')
    }) && is_inner_stop(text, c.end)
}

/// Whether candidate `c` reads a full stop inside a sentence, its last
/// typed key, as a letter.
fn swallows_inner_stop(text: &str, c: &Candidate) -> bool {
    c.end > c.start
        && text.get(c.start..c.end).is_some_and(|t| t.ends_with('.'))
        && c.text
            .chars()
            .next_back()
            .is_some_and(letters::is_alphabetic)
        && is_inner_stop(text, c.end - 1)
}

/// Applies the edits at or above the threshold.
fn finish(text: &str, edits: Vec<Edit>, min_confidence: f32) -> Repaired<'_> {
    let edits: Vec<Edit> = edits
        .into_iter()
        .filter(|e| e.confidence >= min_confidence)
        .collect();
    if edits.is_empty() {
        return Repaired::unchanged(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changes = Vec::with_capacity(edits.len());
    let mut copied = 0;
    for e in edits {
        out.push_str(text.get(copied..e.start).unwrap_or_default());
        out.push_str(&e.after);
        copied = e.end;
        changes.push(Change {
            kind: e.kind,
            start: e.start,
            end: e.end,
            before: text.get(e.start..e.end).unwrap_or_default().to_owned(),
            after: e.after,
            confidence: (e.confidence * 1000.0).round() / 1000.0,
            evidence: Cow::Owned(e.evidence),
        });
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    sort_changes(&mut changes);
    Repaired {
        text: Cow::Owned(out),
        changes,
    }
}

/// A shape's local fit, new capital's cost and reading, as
/// [`MixedScript::foreign_candidate_may_take`] bounds a score with them.
type ShapeBound = (f32, f32, f32);

/// What [`MixedScript::foreign_candidate_may_take`] has read of the
/// candidates of one word: each span and spelling's shape, each lower-case
/// spelling's lexicons.
#[derive(Default)]
struct BoundMemo {
    /// Span, spelling (its entry in `lexicals`): local fit, new capital's
    /// cost, reading.
    shapes: Vec<(usize, usize, usize, ShapeBound)>,
    /// Spelling: what the lexicons, the document and the user say of it,
    /// [`MixedScript::evidence_bound`] of that, and its letters.
    lexicals: Vec<(String, Lexical, f32, usize)>,
    /// Span: its letters.
    spans: Vec<(usize, usize, usize)>,
}

/// The prior of a lookalike respelling's strength in
/// [`MixedScript::foreign_word`]: an exact lookalike counts one point.
fn foreign_prior(strength: u8) -> f32 {
    if strength == 2 {
        1.0
    } else {
        0.0
    }
}

/// A module `$name` with the switch and counter of one of the judge's
/// early exits, for the test that runs the judge with it and without it
/// (outside tests the exit is always on and counts nothing).
macro_rules! early_exit_switch {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        mod $name {
            #[cfg(test)]
            thread_local! {
                /// (switched off, times it returned early)
                pub(super) static STATE: std::cell::Cell<(bool, usize)> =
                    const { std::cell::Cell::new((false, 0)) };
            }

            #[inline]
            pub(super) fn enabled() -> bool {
                #[cfg(test)]
                {
                    !STATE.with(|s| s.get().0)
                }
                #[cfg(not(test))]
                {
                    true
                }
            }

            #[inline]
            pub(super) fn fired() {
                #[cfg(test)]
                STATE.with(|s| {
                    let (off, n) = s.get();
                    s.set((off, n + 1));
                });
            }
        }
    };
}

pub(crate) use early_exit_switch;

early_exit_switch!(
    /// [`MixedScript::foreign_candidate_may_take`]'s early exit.
    score_bound
);
early_exit_switch!(
    /// [`MixedScript::foreign_word`]'s remembered rejections by the score
    /// bound ([`bound_rejected_before`]).
    bound_memo
);
early_exit_switch!(
    /// [`Line::language`] settled by a short line's lexicons
    /// ([`Line::settled_by_lexicons`]) without asking whatlang.
    lexicon_language
);
early_exit_switch!(
    /// The early exit of [`MixedScript::whole_line`] for lines no phonetic
    /// layout can win, which the tests hold to the full judge.
    phonetic_bound
);

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The lines the exactness tests run over: `extra`, then every line of
    /// `fixtures/bench/{corpus}.txt` for each of `corpora`, then the input
    /// of every record of the evaluation `sets` (`fixtures/eval/{set}`).
    pub(crate) fn check_lines(extra: &[&str], corpora: &[&str], sets: &[&str]) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut lines: Vec<String> = extra.iter().map(|&l| l.to_owned()).collect();
        for name in corpora {
            let text = std::fs::read_to_string(root.join(format!("fixtures/bench/{name}.txt")))
                .expect("corpus");
            lines.extend(text.lines().map(str::to_owned));
        }
        for set in sets {
            for entry in std::fs::read_dir(root.join("fixtures/eval").join(set)).expect("set") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "jsonl") {
                    let text = std::fs::read_to_string(&path).expect("jsonl");
                    for line in text.split('\n').filter(|l| !l.is_empty()) {
                        let record: serde_json::Value = serde_json::from_str(line).expect("json");
                        lines.push(record["input"].as_str().expect("input").to_owned());
                    }
                }
            }
        }
        lines
    }

    /// The judge's work on one line grows with the line's words, not
    /// their square: on lines of many judged words (Latin slips in Russian
    /// and Bulgarian, Cyrillic lookalikes in English), doubling the line
    /// at most doubles (and a little) the words the judge asks the script
    /// of ([`Word::single`], what a scan of the line per judged word asks
    /// of each word), and the whole-line tallies ([`LineTallies`]) read the
    /// line once a round of the judge each.
    #[test]
    fn judge_work_grows_linearly_with_a_line() {
        let stage = MixedScript::default();
        for (head, unit, changed) in [
            ("Привет", " (когда слово ghbdtn)", true),
            ("ъ", " (когато дума ili)", true),
            ("Hello", " (when word сор)", false),
        ] {
            let work = |n: usize| {
                let line = format!("{head}{}", unit.repeat(n));
                let mut context = DocumentContext::new();
                context.add(&line);
                words::SINGLE_ASKED.with(|c| c.set(0));
                tally_scans::WORDS.with(|c| c.set(0));
                let r = stage.apply(&line, &context);
                let asked = words::SINGLE_ASKED.with(std::cell::Cell::get);
                let scanned = tally_scans::WORDS.with(std::cell::Cell::get);
                assert_eq!(r.changes.len() >= n, changed, "{head}{unit}");
                (asked, scanned, words::words(&line).len())
            };
            let (asked, scanned, words) = work(200);
            let (asked2, scanned2, words2) = work(400);
            assert!(scanned > 0, "{head}{unit}: no tally asked");
            // (Each tally reads every word once; a round of the judge may
            // ask all six, and the judge goes over a line a few rounds.)
            assert!(scanned <= 6 * 4 * words, "{head}{unit}: {scanned}");
            assert!(scanned2 <= 6 * 4 * words2, "{head}{unit}: {scanned2}");
            assert!(
                asked2 * 10 <= asked * 22,
                "{head}{unit}: {asked} then {asked2} asks of a word's script"
            );
        }
    }

    /// Runs the judge over every line of the `bench` corpora and of both
    /// mixed-script evaluation inputs with an early exit on and off
    /// (`switch`: its module's `STATE`), each line in an empty document or,
    /// with `line_context`, in a document of itself, and asserts the same
    /// text and changes both ways and that the exit fired.
    fn assert_early_exit_changes_nothing(
        switch: &'static std::thread::LocalKey<std::cell::Cell<(bool, usize)>>,
        bench: &[&str],
        line_context: bool,
    ) {
        let lines = check_lines(&[], bench, &["mixed-script", "mixed-script-heldout"]);
        let stage = MixedScript::default();
        let run = |off: bool, line: &str| {
            switch.with(|s| s.set((off, s.get().1)));
            let mut context = DocumentContext::new();
            if line_context {
                context.add(line);
            }
            let r = stage.apply(line, &context);
            (r.text.into_owned(), r.changes)
        };
        for line in &lines {
            assert_eq!(run(false, line), run(true, line), "{line}");
        }
        let fired = switch.with(|s| s.get().1);
        assert!(fired > 0, "the early exit never fired");
    }

    /// A rejection the score bound remembered ([`bound_rejected_before`])
    /// changes nothing: each line the gate passes in the bench corpora and
    /// the check lines, judged in its own document, in its whole corpus
    /// (where other counts of its candidates' spellings hold) and in its own
    /// again, once from the memo and once without it, comes out the same
    /// (text and changes); the memo is asked first, so that a rejection
    /// remembered in one document meets the other's counts. A document
    /// that spells a rejected word's re-typing (`пел`, `gtk` typed on
    /// ЙЦУКЕН) is no rejection's: the word is judged afresh.
    #[test]
    fn remembered_bound_rejections_change_no_output() {
        let stage = MixedScript::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut documents = vec![(
            check_lines(&[], &[], &["mixed-script", "mixed-script-heldout"]),
            None,
        )];
        for name in ["en", "ru", "zh", "mixed", "dirty"] {
            let text = std::fs::read_to_string(root.join(format!("fixtures/bench/{name}.txt")))
                .expect("corpus");
            let lines: Vec<String> = text.lines().map(str::to_owned).collect();
            documents.push((lines, Some(DocumentContext::from_text(&text))));
        }
        let run = |off: bool, line: &str, context: &DocumentContext| {
            bound_memo::STATE.with(|s| s.set((off, s.get().1)));
            let r = stage.apply(line, context);
            (r.text.into_owned(), r.changes)
        };
        forget_memos();
        bound_memo::STATE.with(|s| s.set((false, 0)));
        let mut judged = 0;
        for (lines, whole) in &documents {
            for line in lines.iter().filter(|l| stage.needs_review(l)) {
                judged += 1;
                let own = DocumentContext::from_text(line);
                for context in [Some(&own), whole.as_ref(), Some(&own)]
                    .into_iter()
                    .flatten()
                {
                    assert_eq!(
                        run(false, line, context),
                        run(true, line, context),
                        "{line}"
                    );
                }
            }
        }
        let fired = || bound_memo::STATE.with(|s| s.get().1);
        assert!(
            judged > 100 && fired() > 0,
            "{judged} lines, {} hits",
            fired()
        );
        let gtk = (documents.iter().flat_map(|(lines, _)| lines))
            .find(|l| l.contains("netboot gtk.") && stage.needs_review(l))
            .expect("a line of ru.txt");
        let own = DocumentContext::from_text(gtk);
        let spelt = DocumentContext::from_text(&format!("{gtk}\nпел пел пел"));
        let hits = fired();
        let alone = run(false, gtk, &own);
        assert_eq!(fired(), hits + 1, "{gtk}");
        let in_spelt = run(false, gtk, &spelt);
        assert_eq!(fired(), hits + 1, "{gtk}");
        assert_eq!(in_spelt, run(true, gtk, &spelt));
        assert_eq!(alone.0, *gtk);
    }

    /// The early exit for lines no phonetic layout can win changes nothing.
    #[test]
    fn phonetic_bound_changes_no_output() {
        assert_early_exit_changes_nothing(
            &phonetic_bound::STATE,
            &["en", "ru", "mixed", "dirty"],
            false,
        );
    }

    /// [`MixedScript::apply_passed`] is [`MixedScript::apply`] on every
    /// line the gate passes: the gate with the line's document (its own, or
    /// its whole corpus) passes it too, and the judge's answer (text and
    /// changes) is the same. And a document of one line indexed from the
    /// judge's words ([`DocumentContext::index_line`]) is indexed as when
    /// it splits the line itself, and so is a document of more lines.
    #[test]
    fn a_passed_line_is_judged_as_by_apply() {
        let stage = MixedScript::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut documents = vec![(
            check_lines(&[], &[], &["mixed-script", "mixed-script-heldout"]),
            None,
        )];
        for name in ["en", "ru", "zh", "mixed", "dirty"] {
            let text = std::fs::read_to_string(root.join(format!("fixtures/bench/{name}.txt")))
                .expect("corpus");
            let lines: Vec<String> = text.lines().map(str::to_owned).collect();
            documents.push((lines, Some(DocumentContext::from_text(&text))));
        }
        let (mut passed, mut indexed) = (0, 0);
        for (lines, whole) in &documents {
            for line in lines {
                let own = DocumentContext::from_text(line);
                let split = DocumentContext::from_text(line);
                let words = words::words(line);
                split.index_line(line, &words);
                indexed += usize::from(split.index.get().is_some());
                assert_eq!(split.index(), own.index(), "{line}");
                // A line of a longer document (between the lines around it
                // in its corpus, as a record's fields make one): the line
                // is indexed from its words, the rest split, and the index
                // is the one of the whole text.
                let i = lines.iter().position(|l| l == line).unwrap_or(0);
                let around = [i.checked_sub(1), Some(i), Some(i + 1), Some(i + 2)];
                let mut more = DocumentContext::new();
                for l in around.into_iter().flatten().filter_map(|k| lines.get(k)) {
                    more.add(l);
                }
                let whole_split = more.clone();
                more.index_line(line, &words);
                assert!(more.index.get().is_some(), "{line}");
                assert_eq!(more.index(), whole_split.index(), "{line}");
                // Not where the line is only part of a line.
                for glued in [format!("{line}x"), format!("x{line}")] {
                    let part = DocumentContext::from_text(&glued);
                    part.index_line(line, &words);
                    assert!(part.index.get().is_none(), "{line}");
                }
                if !stage.needs_review(line) {
                    continue;
                }
                passed += 1;
                for context in [Some(&own), whole.as_ref()].into_iter().flatten() {
                    assert!(
                        stage.review(line, &LineStats::of(line), Some(context)),
                        "{line}"
                    );
                    let (a, b) = (
                        stage.apply(line, context),
                        stage.apply_passed(line, context),
                    );
                    assert_eq!(a.text, b.text, "{line}");
                    assert_eq!(a.changes, b.changes, "{line}");
                }
            }
        }
        assert!(passed > 100 && indexed > 1000, "{passed} {indexed}");
    }

    /// [`Line::language`] of a line whose lexicons settle its language
    /// ([`Line::settled_by_lexicons`]) is the one it gives by asking
    /// whatlang: the Cyrillic language of every line of the bench corpora
    /// and of both evaluation inputs, read as a line of Cyrillic script
    /// (the shortcut's only case) with the shortcut on and off; and the
    /// judge's output is the same both ways.
    #[test]
    fn a_line_its_lexicons_settle_reads_as_whatlang_reads_it() {
        let lines = check_lines(
            &[],
            &["en", "ru", "zh", "mixed", "dirty"],
            &["mixed-script", "mixed-script-heldout"],
        );
        let language = |off: bool, text: &str| {
            lexicon_language::STATE.with(|s| s.set((off, s.get().1)));
            let words = words::words(text);
            let line = Line {
                text,
                words: &words,
                dominant: Sc::Cyrillic,
                mostly_dominant: true,
                text_mostly_dominant: true,
                letters: [0; 3],
                serbian: false,
                retyped: &[],
                languages: Default::default(),
                possible: Default::default(),
                short_words: Default::default(),
                weights: std::cell::RefCell::default(),
                tallies: LineTallies::default(),
            };
            line.language(Sc::Cyrillic)
        };
        let mut asked = 0;
        for line in &lines {
            let before = lexicon_language::STATE.with(|s| s.get().1);
            assert_eq!(language(false, line), language(true, line), "{line}");
            asked += usize::from(lexicon_language::STATE.with(|s| s.get().1) > before);
        }
        assert!(asked > 300, "{asked}");
        lexicon_language::STATE.with(|s| s.set((false, 0)));
        assert_early_exit_changes_nothing(
            &lexicon_language::STATE,
            &["en", "ru", "zh", "mixed", "dirty"],
            true,
        );
    }

    /// [`Line::listed_words`], which takes the words a lexicon lists from
    /// the look-ups of [`Line::lexicon_weight`], counts what
    /// [`listed_words`] counts, asked before the weights and after them;
    /// and [`Line::settled_by_lexicons`], which looks up only the other
    /// words and only until the count is settled, settles the language
    /// exactly when every other possible language's whole count is two
    /// short of the best's: over the short Cyrillic lines of the bench
    /// corpora and both evaluation inputs.
    #[test]
    fn listed_words_from_the_weights_are_the_looked_up_ones() {
        let lines = check_lines(
            &[],
            &["en", "ru", "zh", "mixed", "dirty"],
            &["mixed-script", "mixed-script-heldout"],
        );
        let (mut short, mut settled) = (0, 0);
        for text in &lines {
            let words = words::words(text);
            let line = |words| Line {
                text,
                words,
                dominant: Sc::Cyrillic,
                mostly_dominant: true,
                text_mostly_dominant: true,
                letters: [0; 3],
                serbian: false,
                retyped: &[],
                languages: Default::default(),
                possible: Default::default(),
                short_words: Default::default(),
                weights: std::cell::RefCell::default(),
                tallies: LineTallies::default(),
            };
            let (before, after) = (line(&words), line(&words));
            let Some(lowered) = before.short_line_words(Sc::Cyrillic) else {
                continue;
            };
            short += 1;
            let possible = before.possible_languages(Sc::Cyrillic).to_vec();
            for &lang in &possible {
                let counted = listed_words(lowered, lang);
                assert_eq!(
                    before.listed_words(Sc::Cyrillic, lang, lowered),
                    counted,
                    "{lang} {text}"
                );
            }
            for &lang in &possible {
                let _ = after.lexicon_weight(Sc::Cyrillic, lang);
            }
            for &lang in &possible {
                let counted = listed_words(lowered, lang);
                assert_eq!(
                    after.listed_words(Sc::Cyrillic, lang, lowered),
                    counted,
                    "{lang} {text}"
                );
            }
            if possible.len() > 1 {
                let expected = before.language_by_votes(Sc::Cyrillic).filter(|&best| {
                    let most = listed_words(lowered, best);
                    (possible.iter()).all(|l| *l == best || listed_words(lowered, l) + 2 <= most)
                });
                let got = line(&words).settled_by_lexicons(Sc::Cyrillic, lowered);
                assert_eq!(got, expected, "{text}");
                settled += usize::from(got.is_some());
            }
        }
        assert!(short > 300 && settled > 100, "{short} {settled}");
    }

    /// The early exit for foreign words no candidate can win changes
    /// nothing.
    #[test]
    fn score_bound_changes_no_output() {
        assert_early_exit_changes_nothing(
            &score_bound::STATE,
            &["en", "ru", "zh", "mixed", "dirty"],
            true,
        );
    }

    /// [`MixedScript::ascii_word_cleared`] never clears a word its verdict
    /// would pass: every word of up to three letters over lookalike and
    /// other letters in both cases, real words and slips, with each channel
    /// on and off, in a Russian, a Serbian and a Greek line.
    fn cleared_words_agree(words: impl Iterator<Item = String>) -> (usize, usize) {
        let (mut cleared, mut suspect) = (0, 0);
        for word in words {
            for (homoglyphs, keyboard_layouts) in [(true, true), (true, false), (false, true)] {
                let stage = MixedScript::new(MixedScriptOptions {
                    homoglyphs,
                    keyboard_layouts,
                    ..MixedScriptOptions::default()
                });
                for (line, serbian, dominant) in [
                    (format!("Это слово {word} в тексте"), false, Sc::Cyrillic),
                    (format!("Ово је {word} за њих"), true, Sc::Cyrillic),
                    (format!("Αυτό το {word} είναι εδώ"), false, Sc::Greek),
                ] {
                    // (The word's first letter: layout keys may be glued
                    // before it.)
                    let at = line.find(&word).unwrap_or_default()
                        + word
                            .find(|c: char| c.is_ascii_alphabetic())
                            .unwrap_or_default();
                    let w = words::word_around(&line, at).expect("a word");
                    let text = &line[w.start..w.end];
                    let by_verdict = stage.is_suspect_foreign_by_verdict(
                        &line,
                        &w,
                        text,
                        (Sc::Latin, dominant, serbian),
                        None,
                        &std::cell::OnceCell::new(),
                    );
                    suspect += usize::from(by_verdict);
                    let after_semicolon = || line.get(..w.start).is_some_and(|h| h.ends_with(';'));
                    if stage.ascii_word_cleared(text, dominant, serbian, after_semicolon) {
                        cleared += 1;
                        assert!(
                            !by_verdict,
                            "{word:?} in {line:?}, {homoglyphs} {keyboard_layouts}"
                        );
                    }
                }
            }
        }
        (cleared, suspect)
    }

    proptest::proptest! {
        /// The stack walk of [`local_plausibility`] against the walk by
        /// vectors, bit for bit: words of ASCII and Cyrillic letters,
        /// capitals and keys (which the stack walk lower-cases itself), at
        /// times with one character it leaves to the general walk (Greek,
        /// whose `Σ` depends on its place; `İ`, whose lower case is two;
        /// `ґ`), words longer than the stack's room, against a respelling
        /// of the same length or not.
        #[test]
        fn local_plausibility_on_the_stack_is_the_walk_by_vectors(
            typed in "([a-zA-Z;,.'`\\[\\]]|[а-яА-ЯёЁ]|[α-ωΑ-Ω]|İ){1,36}",
            candidate in "([a-zA-Z;,.'`]|[а-яА-ЯёЁіІўЎїЇєЄјЈљЉњЊђЂћЋџЏ]){0,36}",
            odd in proptest::option::of("[α-ωΑ-ΩΣςİẞґҐ]"),
            same_length in proptest::bool::ANY,
        ) {
            // (Half the time the candidate takes the typed word's length.)
            let mut candidate: Vec<char> = if same_length {
                candidate.chars().cycle().take(typed.chars().count()).collect()
            } else {
                candidate.chars().collect()
            };
            let mid = candidate.len() / 2;
            let odd = odd.and_then(|o| o.chars().next());
            if let (Some(odd), Some(slot)) = (odd, candidate.get_mut(mid)) {
                *slot = odd;
            }
            let candidate: String = candidate.into_iter().collect();
            for sc in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
                let stack = local_plausibility(&typed, &candidate, sc);
                let vecs = local_plausibility_by_vecs(&typed, &candidate, sc);
                proptest::prop_assert_eq!(stack.map(f32::to_bits), vecs.map(f32::to_bits));
            }
        }
    }

    #[test]
    fn local_plausibility_reads_the_judges_candidates_as_by_vectors() {
        // Slips and their re-typings from the bench corpora's judged lines.
        for (typed, candidate) in [
            ("ghbdtn", "привет"),
            ("Ghbdtn", "Привет"),
            ("gtk", "пел"),
            ("dhcpd", "вржсв"),
            ("j,hfnbnm", "обратить"),
            ("cnfhsq", "старый"),
            ("yt", "не"),
            ("toy", "του"),
            ("Cop", "Сор"),
            ("padenie", "падение"),
        ] {
            for sc in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
                assert_eq!(
                    local_plausibility(typed, candidate, sc).map(f32::to_bits),
                    local_plausibility_by_vecs(typed, candidate, sc).map(f32::to_bits),
                    "{typed} {candidate}"
                );
            }
        }
        // Something is read, where a letter changed.
        assert!(local_plausibility("ghbdtn", "привет", Sc::Cyrillic).is_some());
    }

    #[test]
    fn ascii_words_cleared_by_their_letters_are_not_suspect() {
        let letters: Vec<char> = "acopxyeACEKMOTHBnkmtfjNIZYviu".chars().collect();
        let mut words: Vec<String> = Vec::new();
        for &a in &letters {
            words.push(a.to_string());
            for &b in &letters {
                words.push(format!("{a}{b}"));
                for &c in &letters {
                    words.push(format!("{a}{b}{c}"));
                }
            }
        }
        for w in [
            "Cop", "COP", "Kot", "KOT", "Debian", "GNU", "PATA", "Sudo", "sudo", "Mac", "BIOS",
            "MAKE", "TEXT", "Taxi", "Pop", "Hem", "OKEAN", "CEKTOP", "Ckopo", "HOMEP", "Tema",
            "Bepx", "BEPX", "Mope", "Kapta", "KAPTA", "Ghbdtn", "GHBDTN", "Cnfhsq", "Yt", "YT",
            "Ntrcn", "Hfpltk", "Jxtym", "Vfvf", "Ldf", "Dhcpd", "LsPci", "ZXCV", "Xbckj", "CKJDJ",
            "RFHNF", "DJLRF", "Ajnj", "Ajhev", "Ytn", "Ytnyt", "NTFS", "SATA", "RAID", "UEFI",
            "ABEH", "IKMN", "OPTX", "KAI", "TOY", "MIA", "STO", "EINAI", "STOUS", "TOUS", "Kai",
            "Einai", "Stous", "Toy", "PRIN", "Prin", "Kalhmera", "KALHMERA",
        ] {
            words.push(w.to_owned());
        }
        // Layout keys glued before and after (`;Nayk`: a word glued after
        // a `;` that opens its chunk is typed with it).
        for w in [
            "Nayk", "Debian", "Sudo", "sudo", "Cop", "Kot", "Ghbdtn", "Ytn", "Mac", "Tema",
            "Hfpltk", "GNU", "BIOS", "RFHNF", "Kai", "Toy", "Einai", "Vfvf", "Dhcpd", "Bepx", "N",
            "Ab", "NTFS", "OKEAN",
        ] {
            for key in [";", "[", "]", "{", "}", "'", "`", "<", ">", ","] {
                words.push(format!("{key}{w}"));
                words.push(format!("{w}{key}"));
                words.push(format!("{key}{w}{key}"));
            }
        }
        let (cleared, suspect) = cleared_words_agree(words.into_iter());
        // Both answers occur: the test could fail.
        assert!(cleared > 10_000 && suspect > 100, "{cleared} {suspect}");
    }

    proptest::proptest! {
        #[test]
        fn longer_ascii_words_cleared_are_not_suspect(word in "[;\\[\\]{}'`<>,]?[aceopxyACEKMOTHBPXnkmtfjdsuiNDSIUZYvw]{4,9}[;\\[\\]{}'`<>,]?") {
            cleared_words_agree(std::iter::once(word));
        }
    }

    proptest::proptest! {
        /// [`text_share_at_least`], which asks only some words whether
        /// they are protected, answers as the share of every unprotected
        /// word's letters does (the judge's weighing of a line's scripts
        /// before it: each word asked), for either threshold the judge
        /// asks and every script taken as the dominant one.
        #[test]
        fn text_share_at_least_is_the_share_of_all_words(
            words in proptest::collection::vec(
                (0u16..6, 0u16..40, 0u16..4, proptest::bool::ANY),
                0..24,
            )
        ) {
            let (words, protected): (Vec<Word>, Vec<bool>) = words
                .into_iter()
                .map(|(latin, cyrillic, greek, protected)| {
                    let w = Word {
                        start: 0,
                        end: 0,
                        latin,
                        cyrillic,
                        greek,
                        other: 0,
                        inner_punct: false,
                    };
                    (w, protected)
                })
                .unzip();
            let is_protected = |i: usize, _: &Word| protected.get(i).copied().unwrap_or(false);
            for dominant in Sc::ALL {
                let (mut own, mut all) = (0u32, 0u32);
                for (i, w) in words.iter().enumerate() {
                    if !is_protected(i, w) {
                        own += u32::from(w.count(dominant));
                        all += Sc::ALL.into_iter().map(|sc| u32::from(w.count(sc))).sum::<u32>();
                    }
                }
                for at_least in [0.5, 0.6, 0.9] {
                    let whole = (all > 0).then(|| own as f32 / all.max(1) as f32 >= at_least);
                    proptest::prop_assert_eq!(
                        text_share_at_least(&words, dominant, is_protected, at_least),
                        whole
                    );
                }
            }
        }
    }

    /// [`LineStats::of`] the slow way: every character through `push`.
    fn stats_one_by_one(line: &str) -> LineStats {
        let mut stats = LineStats::default();
        if line.is_ascii() {
            stats.push_ascii(line.as_bytes());
            stats.seen(Sc::Latin, 0, line.len());
            return stats;
        }
        for (at, c) in line.char_indices() {
            stats.push(c);
            if let Some(sc) = sc_of(c) {
                stats.seen(sc, at, at + c.len_utf8());
            }
        }
        stats
    }

    proptest::proptest! {
        #[test]
        fn line_stats_by_runs_equal_one_by_one(
            line in "[a-zA-Zа-яА-ЯёЁђјα-ω\u{0370}-\u{03FF}é ,.;'’\\[\\]`{}0-9\u{301}ا-ي一-龥ぁ-ゖ、。\u{3000}-\u{3040}\u{9FF0}-\u{A010}\u{FEFF}-\u{FF70}-]{0,48}"
        ) {
            proptest::prop_assert_eq!(LineStats::of(&line), stats_one_by_one(&line));
        }
    }

    #[test]
    fn a_remembered_lexicon_reading_is_the_computed_one() {
        let words = [
            ("пел", Sc::Cyrillic),
            ("гтк", Sc::Cyrillic),
            ("the", Sc::Latin),
            ("xqzv", Sc::Latin),
            ("пелк", Sc::Cyrillic),
            ("thee", Sc::Latin),
            ("των", Sc::Greek),
            ("пел", Sc::Cyrillic),
        ];
        // This thread's memory, filled and then read back, against a fresh
        // thread's for each word alone.
        let here: Vec<_> = words
            .iter()
            .chain(words.iter())
            .map(|&(w, sc)| lexicon_reading(w, sc))
            .collect();
        for (i, &(w, sc)) in words.iter().chain(words.iter()).enumerate() {
            let fresh = std::thread::spawn(move || lexicon_reading(w, sc))
                .join()
                .unwrap_or_default();
            assert_eq!(here.get(i), Some(&fresh), "{w}");
        }
        assert!(here
            .first()
            .is_some_and(|r| r.0.iter().any(|(_, z)| z.is_some())));
        assert!(here
            .get(3)
            .is_some_and(|r| r.0.iter().all(|(_, z)| z.is_none())));
        assert_ne!(here.first(), here.get(4), "a spelling and a longer one");
    }

    #[test]
    fn a_remembered_lone_verdict_is_the_computed_one() {
        // The same Latin words in lines of other scripts and of Serbian:
        // the verdict of a word remembered for one pair of scripts must
        // not answer for another.
        let lines = [
            "Установите Debian и sudo, затем ghbdtn и ytn",
            "Инсталирајте Debian и sudo, затим ghbdtn и ytn",
            "Εγκαταστήστε Debian και sudo, toy ghbdtn και ytn",
        ];
        let verdicts = |afresh: bool| {
            let mut out = Vec::new();
            for line in lines {
                for w in words::words(line) {
                    if w.single() != Some(Sc::Latin) {
                        continue;
                    }
                    for target in [Sc::Cyrillic, Sc::Greek] {
                        for serbian in [false, true] {
                            if afresh {
                                forget_memos();
                            }
                            out.push(word_verdict(line, &w, Sc::Latin, target, serbian));
                        }
                    }
                }
            }
            out
        };
        let fresh = verdicts(true);
        forget_memos();
        assert_eq!(verdicts(false), fresh);
        assert_eq!(verdicts(false), fresh, "remembered");
        assert!(fresh.iter().any(|v| v.layout) && fresh.iter().any(|v| !v.layout));
    }

    #[test]
    fn a_remembered_greek_retyping_is_common_retyping() {
        // Latin words of Greek lines, alone and glued to keys, fresh and
        // remembered: the verdict's `greek_retyping` is `common_retyping`
        // of the word, for Greek only.
        let lines = [
            "Η προσοχή toy Debian στη λεπτομέρεια και kai sudo",
            "Το toy, kai. nai και tou/Linux και toy",
        ];
        for remembered in [false, true] {
            let mut seen = [false; 2];
            for line in lines {
                for w in words::words(line) {
                    if w.single() != Some(Sc::Latin) {
                        continue;
                    }
                    let word = &line[w.start..w.end];
                    for target in [Sc::Greek, Sc::Cyrillic] {
                        if !remembered {
                            forget_memos();
                        }
                        let verdict = word_verdict(line, &w, Sc::Latin, target, false);
                        let expected =
                            target == Sc::Greek && common_retyping(word, Sc::Latin, target);
                        assert_eq!(verdict.greek_retyping, expected, "{word} {target:?}");
                        if let Some(s) = seen.get_mut(usize::from(expected)) {
                            *s = true;
                        }
                    }
                }
            }
            assert_eq!(seen, [true, true], "both answers asked");
        }
    }

    #[test]
    fn a_verdict_moot_in_a_path_is_worked_out_where_it_matters() {
        // `ghbdtn` alone and with a full stop, and the same in a chunk the
        // gate never passes (`x=ghbdtn`): the gate does not work the
        // verdict out there, and must not answer with that elsewhere (the
        // word alone has its own table, the word with the stop the memo).
        let stage = stage();
        let plain = ["Он сказал ghbdtn и ушёл", "Он сказал ghbdtn. И ушёл"];
        let moot = ["Он задал x=ghbdtn и ушёл", "Он задал x=ghbdtn. И ушёл"];
        forget_memos();
        let fresh: Vec<bool> = plain.iter().map(|l| stage.needs_review(l)).collect();
        assert_eq!(fresh, [true, true]);
        forget_memos();
        for line in moot {
            assert!(!stage.needs_review(line), "{line}");
        }
        let after: Vec<bool> = plain.iter().map(|l| stage.needs_review(l)).collect();
        assert_eq!(after, fresh);
    }

    /// The gate's table of cleared words standing apart
    /// ([`ClearedLoneWords`]) changes no answer: every line of the bench
    /// corpora and the evaluation's dev inputs, and words beside digits,
    /// keys and paths, is answered as with nothing remembered, whatever was
    /// asked before (forwards, backwards, with each channel off between).
    #[test]
    fn cleared_words_change_no_answer() {
        let lines = check_lines(
            &[
                "Он задал x=ghbdtn и ушёл",
                "Он сказал ghbdtn и ушёл",
                "Он задал /ghbdtn и ушёл",
                "Он сказал ghbdtn. И ушёл",
                "Он сказал 5ghbdtn и ушёл",
                "Он сказал ghbdtn5 и ушёл",
                "Он сказал (ghbdtn) и ушёл",
                "Он сказал «ghbdtn» и ушёл",
                "Он сказал ,ghbdtn и ушёл",
                "Он сказал 'ghbdtn' и ушёл",
                "Он сказал ghbdtn.ru и ушёл",
                "Он сказал Ghbdtn и ушёл",
                "Пакет gtk и пакет sudo, а также gtk.",
                "Файл /usr/lib/gtk и gtk",
                "Он сказал hjccbz и ушёл",
                "Он рекао Praw и bak",
                "Он је рекао Praw и bak",
            ],
            &["ru", "mixed", "dirty"],
            &["mixed-script"],
        );
        let stages = [(true, true), (true, false), (false, true)].map(|(h, k)| {
            MixedScript::new(MixedScriptOptions {
                homoglyphs: h,
                keyboard_layouts: k,
                ..MixedScriptOptions::default()
            })
        });
        let fresh: Vec<[bool; 3]> = lines
            .iter()
            .map(|l| {
                stages.each_ref().map(|s| {
                    forget_memos();
                    s.needs_review(l)
                })
            })
            .collect();
        forget_memos();
        let mut cleared = 0;
        for order in [false, true, false] {
            let mut at: Vec<usize> = (0..lines.len()).collect();
            if order {
                at.reverse();
            }
            for i in at {
                let answers = stages.each_ref().map(|s| s.needs_review(&lines[i]));
                assert_eq!(Some(&answers), fresh.get(i), "{}", lines[i]);
            }
            cleared = CLEARED_LONE_WORDS.with(|t| t.borrow().0.iter().filter(|&&k| k != 0).count());
        }
        assert!(cleared > 500, "{cleared}");
    }

    /// [`MixedScript::has_suspect_foreign_word_in`], which walks only the
    /// words of other scripts than the line's and passes the rest of a
    /// protected word's chunk, answers as asking every word of the line
    /// does: the bench corpora, the dev inputs and lines of paths.
    #[test]
    fn the_foreign_word_walk_asks_what_every_word_answers() {
        let lines = check_lines(
            &[
                "Файл /usr/lib/gtk и gtk",
                "Файл /usr/lib/ghbdtn и ghbdtn",
                "Файл ghbdtn/usr/lib и ghbdtn",
                "Файл x=ghbdtn,sudo и gtk",
                "Файл «/usr/gtk» и «ghbdtn»",
                "Файл\u{a0}/usr/gtk\u{a0}ghbdtn",
            ],
            &["ru", "mixed", "dirty"],
            &["mixed-script"],
        );
        let stage = MixedScript::default();
        let mut passed = 0;
        for line in &lines {
            let stats = LineStats::of(line);
            if stats.letters.iter().filter(|&&n| n > 0).count() < 2 {
                continue;
            }
            let dominant = Sc::ALL
                .into_iter()
                .max_by_key(|s| stats.letters.get(*s as usize).copied().unwrap_or(0))
                .unwrap_or(Sc::Latin);
            let walked = stage.has_suspect_foreign_word_in(
                line,
                dominant,
                &stats.span,
                stats.serbian,
                None,
                false,
            );
            // The search for ASCII letters alone, in a line whose Latin
            // letters are all ASCII ones.
            if line
                .chars()
                .all(|c| c.is_ascii() || sc_of(c) != Some(Sc::Latin))
            {
                assert_eq!(
                    stage.has_suspect_foreign_word_in(
                        line,
                        dominant,
                        &stats.span,
                        stats.serbian,
                        None,
                        true,
                    ),
                    walked,
                    "{line}"
                );
            }
            let every = words::words(line).iter().any(|w| {
                let protected = std::cell::OnceCell::new();
                stage.is_suspect_foreign(line, w, (dominant, stats.serbian), None, &protected)
            });
            assert_eq!(walked, every, "{line}");
            passed += usize::from(!walked);
        }
        assert!(passed > 500, "{passed}");
    }

    #[test]
    fn a_remembered_shape_reading_is_the_computed_one() {
        let pairs = [
            ("gtk", "пел", Sc::Cyrillic),
            ("gtk.", "пелю", Sc::Cyrillic),
            ("Sergeн", "Sergey", Sc::Latin),
            ("Sergeн", "Sergeу", Sc::Latin),
            ("gt", "kпел", Sc::Cyrillic),
            ("Sergyy", "Sergey", Sc::Latin),
            ("Serdey", "Sergey", Sc::Latin),
            ("gtk", "пел", Sc::Cyrillic),
        ];
        let here: Vec<_> = pairs
            .iter()
            .chain(pairs.iter())
            .map(|&(typed, text, sc)| shape_reading(typed, text, sc))
            .collect();
        for (i, &(typed, text, sc)) in pairs.iter().chain(pairs.iter()).enumerate() {
            let fresh = std::thread::spawn(move || shape_reading(typed, text, sc))
                .join()
                .unwrap_or_default();
            assert_eq!(here.get(i), Some(&fresh), "{typed} {text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(4096), ..Default::default() })]
        #[test]
        fn quick_review_agrees_with_the_full_scan(
            line in proptest::prop_oneof![
                // Cyrillic with ASCII, and what the quick answer gives up on.
                "([a-zA-Z ,.'’0-9]|[а-яА-Я]|[а-яА-ЯёЁ ]{1,8}|[ѐЀђЂјЈ]|[Ѐ-ѿ]|[;\\[\\]`{}]|[\u{0080}-\u{00BF}]|[\u{2000}-\u{203F}]|(gtk|ghbdtn|Mac|PATA|sudo|ntrcn|cop|hfpvtnre|Пpивет|сор|руддщ|Debian|iPhone-ом)|( программа | установки | поддерживает | ещё | шашки | щиф | щащащаща ))*",
                // Serbian Cyrillic with Latin words (keys `q w x y` the
                // Serbian layout fills unlike their namesakes).
                "([a-z ,.]|[а-я ]{1,6}|[ђЂјЈљЉњЊћЋџЏ]|( ћирилица | шта | љубав | њега | џеп | јесте | ђак )|( sudo | qwerty | wxyz | ghbdtn | Debian | cop | yt | ODREDI\\{TE | pfhflf | bey | adviwe | basq ))*",
                // Greek with ASCII (`toy` the Greek layout re-types into
                // `του`; `KAI`, `ΤΟΡ` lookalikes), and what the quick
                // answer gives up on.
                "([a-zA-Z ,.'’0-9]|[α-ωΑ-Ω]|[ά-ώΆ-Ώ ]{1,8}|[ΐΰϊϋ·ϐ]|[Ͱ-Ͽ]|[;\\[\\]`{}]|[\u{0080}-\u{00BF}]|[\u{2000}-\u{203F}]|(toy|kai|KAI|Debian|GNU|firewalls|sudo|cop|ghbdtn|ABC|nai)|( του | και | ελευθερία | ββββββ | στστστ | ΤΟΡ | ΗΟΜΕ | Νο | ναι ))*",
                // Greek and Latin words of as many letters (the tie of
                // scripts the gate breaks for Greek).
                "((toy|kai|nai|cop|tou|Linux|ABC|sudo|ghbdtn) (του|και|ναι|ΤΟΡ|Νο|Linux|ελλάδα|ΗΟΜΕ|στα))+",
                // Greek words alone (about 29% of `α`–`ω` are vowels, by
                // the gate's limit of 28%).
                "( ββββββ | στα |[α-ω]{1,8}|[ά-ώ])*",
                // Latin acronyms and consonants among CJK and Hangul
                // letters, about one to four.
                "([A-Z]{1,4}|[a-z ,.]|(bcdfgh|USB|PC|jjjjjjjj|BIOS/UEFI|CD-ROM)|[一-龥]|[가-힣]|[ぁ-ヿ]|[・、。\\u{3000}-\\u{303F}\\u{4DC0}-\\u{4DFF}\\u{D7A4}-\\u{D7FF}ꀀ-ꀅ])*",
                // Consonants and CJK or Hangul letters four to one, give
                // or take one.
                "(bcdfgh|bcdfghk|bcdfghkl|bcdfghklm|bcdfghklmn|bcdfghklmnp|bcdfghklmnpq)( )?(一|一二|一二三|가|가나|가나다|あ|あい)",
                // Cyrillic words alone.
                "( щащащаща | программа | ещё | установки| шшш | фото |[а-я]{1,6})*",
                // Latin letters beyond ASCII.
                "([a-zA-Z ,.'0-9]|[;\\[`]|[À-ɏ×÷ɐ-ʯḀ-ỿ]|[\\u{2000}-\\u{203F}]|[ا-ي一-龥]|( zażółć | gęślą | jaźń | być | déjà | naïve | jjjjjjj | bcdfgh | fff ))*",
                // Other scripts with ASCII.
                "([a-zA-Z ,.'0-9]|[\u{0080}-\u{00BF}]|[\u{2000}-\u{2190}]|[ا-ي一-龥ა-ჰ\u{0E01}-\u{0E3A}\u{0900}-\u{0963}]|(jjjjjjjj|bcdfgh|nqma|ghbdtn|journal file))*",
                // Layout keys before letters of other scripts.
                "([a-zA-Z ']|[;\\[\\]`{}]|[ا-ي一-龥\u{0E01}-\u{0E3A}가-힣、。]|[’\u{0301}\u{0345}]|[а-яα-ω])*",
                // Anything.
                "([a-zA-Z ,.'0-9]|[а-яА-ЯёЁ]|[ёЁѐЀђЂјЈ]|[\u{0080}-\u{00BF}]|[\u{2000}-\u{203F}]|[\u{2040}-\u{2190}]|[;\\[`]|[éÀɏḀἀΆω]|[ا-ي一-龥ა-ჰ\u{0E01}-\u{0E3A}\u{0900}-\u{0963}]|(gtk|ghbdtn|Mac|PATA|sudo|ntrcn|cop|jjjjjjjj|bcdfgh|Пpивет|сор|руддщ|nqma))*",
            ],
            layouts: bool,
            homoglyphs: bool,
        ) {
            let stage = MixedScript::new(MixedScriptOptions {
                homoglyphs,
                keyboard_layouts: layouts,
                ..MixedScriptOptions::default()
            });
            // Only lines that are not all ASCII are asked (ASCII lines have
            // their own scan, with the `q` test).
            if let Some(quick) = stage.quick_review(&line).filter(|_| !line.is_ascii()) {
                proptest::prop_assert_eq!(quick, stage.review(&line, &LineStats::of(&line), None));
            }
            // A line the quick scan finds no Cyrillic letter in needs no
            // search for a key slip.
            if let Some((_, false)) = stage.quick_scan(&line) {
                proptest::prop_assert!(!stage.key_slip_shape(&line));
            }
        }
    }

    /// [`MixedScript::quick_review`] by [`MixedScript::quick_scan`] and the
    /// key slip's own search alone: the reference of its one-pass answer
    /// for Cyrillic lines.
    fn quick_review_by_passes(stage: &MixedScript, line: &str) -> Option<bool> {
        stage
            .quick_scan(line)
            .map(|(answer, _)| answer || stage.key_slip_shape(line))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(4096), ..Default::default() })]
        #[test]
        fn the_one_pass_cyrillic_answer_is_the_answer_of_the_passes(
            line in proptest::prop_oneof![
                // Cyrillic prose with ASCII words, keys glued to letters
                // (`,` `;` `]` between Cyrillic letters, `[` `'` after
                // them), and what the one pass gives up on.
                "[а-я]([a-zA-Z ,.'’0-9<>]|[а-яА-Я]|[а-яА-ЯёЁ ]{1,8}|[ѐЀђЂјЈ]|[Ѐ-ѿ]|[;\\[\\]`{}]|[\u{0080}-\u{00BF}]|[\u{2000}-\u{203F}]|[éΆω]|(gtk|ghbdtn|Mac|PATA|sudo|cop|Пpивет|сор|iPhone-ом)|( программа | установки | ещё | шашки | щиф | щащащаща )|( нескольки\\[ | а,араняе | невъз;ожни | Вказу' | развіцц` | Брайля,например | еще]ё | а<б | в>г | 'я' | об}явление | ра<ота | л>бовь | ра,ота | ра;ота | ра]ота ))*",
                // Serbian Cyrillic with Latin words.
                "[а-я]([a-z ,.]|[а-я ]{1,6}|[ђЂјЈљЉњЊћЋџЏ]|( ћирилица | шта | љубав | јесте | ђак )|( sudo | qwerty | ghbdtn | Debian | cop | yt | ODREDI\\{TE | bey | basq ))*",
                // Cyrillic words alone, and Cyrillic late in the line.
                "( щащащаща | программа | ещё | установки| шшш | фото |[а-я]{1,6})*",
                "[a-z ]{0,40}[а-я ,;\\]\\[]{0,20}",
            ],
            layouts: bool,
            homoglyphs: bool,
        ) {
            let stage = MixedScript::new(MixedScriptOptions {
                homoglyphs,
                keyboard_layouts: layouts,
                ..MixedScriptOptions::default()
            });
            if let Some(summary) = stage.cyrillic_summary(&line) {
                proptest::prop_assert_eq!(
                    stage.quick_review_cyrillic(&line, &summary),
                    quick_review_by_passes(&stage, &line)
                );
            }
            let bytes = line.as_bytes();
            let s = letters::cyrillic_summary(bytes);
            if !s.rare {
                // Every field is the separate passes' (or rules out what
                // they would find).
                let b = letters::summarize(bytes);
                proptest::prop_assert_eq!(
                    (s.latin, s.cyrillic, false, s.punct, false),
                    (b.latin, b.cyrillic, b.latin_other > 0, b.punct, b.greek_or_more_cyrillic)
                );
                proptest::prop_assert_eq!(
                    (s.unusual, s.touch, s.serbian),
                    letters::cyrillic_line_flags(bytes)
                );
                if !s.key_slip {
                    proptest::prop_assert!(!keys::key_slip_shape(&line));
                }
            }
        }
    }

    #[test]
    fn the_one_pass_cyrillic_answer_is_given_and_rules_out_key_slips() {
        let stage = stage();
        for line in [
            "Это руководство является свободным программным обеспечением; вы можете его менять.",
            "Программа установки Debian поддерживает несколько интерфейсов.",
            "Пример вывода команды lspci -nn для карты Ethernet",
        ] {
            let summary = stage.cyrillic_summary(line);
            assert_eq!(
                summary.map(|s| stage.quick_review_cyrillic(line, &s)),
                Some(Some(false)),
                "{line}"
            );
            assert!(
                !letters::cyrillic_summary(line.as_bytes()).key_slip,
                "{line}"
            );
        }
        // Keys the key slip looks at: the one pass leaves them to it.
        for (line, slip) in [
            ("Это было нескольки[ лет назад и потом", true),
            ("Этот а,араняе закон принят давно", true),
            ("Мы пишем Брайля,например так и дальше", false),
            ("Это текст СХЕМА[:ПУТЬ] и так далее", false),
        ] {
            assert!(
                letters::cyrillic_summary(line.as_bytes()).key_slip,
                "{line}"
            );
            assert_eq!(keys::key_slip_shape(line), slip, "{line}");
            assert_eq!(
                stage
                    .cyrillic_summary(line)
                    .map(|s| stage.quick_review_cyrillic(line, &s)),
                Some(quick_review_by_passes(&stage, line)),
                "{line}"
            );
        }
        // Lines of Cyrillic letters alone, around the gate's limits of
        // vowels (28%) and `ш щ ф` (8%).
        // (A hundred letters in words of ten: the limits fall on whole
        // letters.)
        for vowels in 0..=40 {
            for telltale in [0, 7, 8, 9] {
                let line: String = (0..100)
                    .map(|i| match i {
                        i if i < vowels => 'а',
                        i if i < vowels + telltale => 'ш',
                        _ => 'т',
                    })
                    .collect::<Vec<char>>()
                    .chunks(10)
                    .map(|w| w.iter().collect::<String>())
                    .collect::<Vec<String>>()
                    .join(" ");
                for layouts in [true, false] {
                    let stage = MixedScript::new(MixedScriptOptions {
                        keyboard_layouts: layouts,
                        ..MixedScriptOptions::default()
                    });
                    assert_eq!(
                        stage
                            .cyrillic_summary(&line)
                            .map(|s| stage.quick_review_cyrillic(&line, &s)),
                        Some(quick_review_by_passes(&stage, &line)),
                        "{line}"
                    );
                }
            }
        }
        // A Greek or further Cyrillic letter, or none in the first 32
        // bytes: not the one pass's shape.
        for line in [
            "Он видел ґанок и ещё",
            "Ελληνικά και русский",
            "Debian GNU/Linux 12 bookworm amd64 — это система",
        ] {
            assert_eq!(stage.cyrillic_summary(line), None, "{line}");
        }
        // Then `quick_scan` answers, and the key slip is searched only in
        // a line it finds a Cyrillic letter in (the first two hold a slip;
        // `toy` is `του` on the Greek layout).
        for (line, review) in [
            ("Debian GNU/Linux 12 bookworm amd64: нескольки[ лет", true),
            ("Debian GNU/Linux 12 bookworm amd64: а,араняе закон", true),
            (
                "Debian GNU/Linux 12 bookworm amd64: мы пишем по Брайля,например так и дальше",
                false,
            ),
            (
                "Debian GNU/Linux 12 bookworm amd64, déjà vu; voilà [1]",
                false,
            ),
            ("Το Debian GNU/Linux 12 bookworm; «toy»", true),
        ] {
            assert_eq!(stage.cyrillic_summary(line), None, "{line}");
            let quick = stage.quick_scan(line);
            let cyrillic = line.chars().any(|c| ('а'..='я').contains(&c));
            assert_eq!(quick.map(|(_, c)| c), Some(cyrillic), "{line}");
            assert_eq!(stage.quick_review(line), Some(review), "{line}");
            assert_eq!(quick_review_by_passes(&stage, line), Some(review), "{line}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(1024), ..Default::default() })]
        #[test]
        fn lone_spans_are_the_chunk_spans(
            line in "([a-zA-Z]{1,6}|[ а-яé«»()=/0-9_-]|[,.;:'\"\\[\\]{}<>`~’]|\u{301})*"
        ) {
            for w in words::words(&line) {
                for source in Sc::ALL {
                    if let Some(span) = lone_span(&line, &w, source) {
                        proptest::prop_assert_eq!(vec![span], chunk_spans(&line, &w, source));
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(1024), ..Default::default() })]
        #[test]
        fn chunk_spans_are_a_function_of_the_chunk(
            line in "([a-zA-Z]{1,6}|[ а-яé«»()=/0-9_-]|[,.;:'\"\\[\\]{}<>`~’]|\u{301})*"
        ) {
            // What the verdict memo's key rests on: the same spans (as
            // texts, at the same places) when the chunk stands alone.
            for w in words::words(&line) {
                for source in Sc::ALL {
                    let (start, end) = chunk_bounds(&line, &w, source);
                    let chunk = &line[start..end];
                    let alone = Word { start: w.start - start, end: w.end - start, ..w.clone() };
                    let texts = |text: &str, spans: Vec<(usize, usize, u8)>, shift: usize| {
                        spans
                            .into_iter()
                            .map(|(a, b, _)| (a - shift, text[a..b].to_owned()))
                            .collect::<Vec<_>>()
                    };
                    proptest::prop_assert_eq!(
                        texts(&line, chunk_spans(&line, &w, source), start),
                        texts(chunk, chunk_spans(chunk, &alone, source), 0)
                    );
                }
            }
        }
    }

    #[test]
    fn lone_spans_are_the_common_case() {
        let line = "Установите Debian (или GNU) с «grub» и sudo";
        let spans: Vec<_> = words::words(line)
            .iter()
            .filter(|w| w.single() == Some(Sc::Latin))
            .map(|w| lone_span(line, w, Sc::Latin).map(|(a, b, _)| &line[a..b]))
            .collect();
        assert_eq!(
            spans,
            [Some("Debian"), Some("GNU"), Some("grub"), Some("sudo")]
        );
        // Keys and slashes glue: the general walk.
        for line in ["в Debian, а", "GNU/Linux", "gtk;", "[gtk", "fooé"] {
            let w = words::words(line)
                .into_iter()
                .find(|w| w.single() == Some(Sc::Latin));
            let w = w.unwrap_or_else(|| panic!("{line}"));
            assert_eq!(lone_span(line, &w, Sc::Latin), None, "{line}");
        }
    }

    #[test]
    fn ascii_line_counts_are_the_counts_of_ascii_lines() {
        // Every length across the first look and the 255-byte blocks, one
        // non-ASCII character at every place (or none).
        for n in (0..80).chain([254, 255, 256, 300, 509, 510, 511, 600]) {
            for at in (0..=n).filter(|&at| n < 80 || at % 7 == 0 || at + 2 >= n) {
                for odd in ["", "é", "€", "\u{80}"] {
                    let line = "Jaf[e ".repeat(n).get(..at).unwrap_or_default().to_owned()
                        + odd
                        + &"joy;q ".repeat(n)[..n - at];
                    // (`j f` are half the letters: past five letters the
                    // bounds do not settle the line, and the counts are
                    // taken; below, the bounds answer as the counts do.)
                    let got = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes());
                    assert_eq!(got.is_some(), line.is_ascii(), "{n} {at} {odd:?}");
                    let exact = ascii_counts(line.as_bytes());
                    if let Some(got) = got {
                        // (The last says only whether a bracket may be
                        // there: the search looks for `;` anyway.)
                        assert_eq!(ascii_review(&line, got), ascii_review(&line, exact));
                        if got.0 >= 6 {
                            assert_eq!(
                                (got.0, got.1, got.2, got.3),
                                (exact.0, exact.1, exact.2, exact.3),
                                "{n} {at} {odd:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// What the gate makes of an ASCII line with `counts` (of
    /// [`ascii_line_counts`] or [`ascii_counts`]): its flags and its answer.
    fn ascii_review(line: &str, counts: (u32, u32, u32, u32, bool)) -> (bool, bool, bool) {
        let mut stats = LineStats::default();
        stats.push_ascii_counted(line.as_bytes(), counts);
        stats.seen(Sc::Latin, 0, line.len());
        let review =
            MixedScript::new(MixedScriptOptions::default()).review_letters(line, &stats, None);
        (stats.looks_mistyped(), stats.slavic_keys, review)
    }

    proptest::proptest! {
        #[test]
        fn ascii_line_bounds_decide_as_the_counts_do(
            line in "(e|a|o|i|u|y|t|n|s|r|h|l|[a-zA-Z]| |q|j|f|k|v|w|;|\\.){0,300}"
        ) {
            // Letters near the bounds' limits both ways (a vowel share about
            // 28%, `f v j k` about 8%), through one block and several.
            let bounded = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes());
            proptest::prop_assert!(bounded.is_some());
            let b = bounded.unwrap_or_default();
            let exact = ascii_counts(line.as_bytes());
            proptest::prop_assert_eq!(ascii_review(&line, b), ascii_review(&line, exact));
            // Each test of `LineStats` on the counts, as the counts answer it.
            let tests = |(l, v, t, s, _): (u32, u32, u32, u32, bool)| {
                (l >= 6 && v * 100 < l * 28, l >= 6 && t * 100 > l * 10, l >= 6 && s * 100 >= l * SLAVIC_SHARE)
            };
            proptest::prop_assert_eq!(tests(b), tests(exact));
        }
    }

    proptest::proptest! {
        #[test]
        fn review_ascii_answers_as_the_line_stats_do(
            line in "([a-zA-Z ]|[eaoiufvjkqswxy;:&,.'`\\[\\]{}|~^_\\\\]){0,300}"
        ) {
            // Its shortcut for counts that make no line look mistyped or
            // Slavic against `LineStats` and `review_letters`, with the
            // glance's counts and the exact ones (keys, `q` before a
            // letter, `s` before `q`, few letters and many).
            let stage = stage();
            let bounded = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes());
            proptest::prop_assert!(bounded.is_some());
            for counts in [bounded.unwrap_or_default(), ascii_counts(line.as_bytes())] {
                proptest::prop_assert_eq!(
                    stage.review_ascii(&line, counts),
                    ascii_review(&line, counts).2
                );
            }
        }
    }

    #[test]
    fn review_ascii_answers_the_bench_lines_as_the_line_stats_do() {
        // Every ASCII line of the bench corpora, and each with a layout
        // key between letters and an odd `q` put in its middle.
        let stage = stage();
        let mut lines = 0;
        for line in check_lines(&[], &["en", "mixed", "dirty"], &[]) {
            if !line.is_ascii() {
                continue;
            }
            let mid = line.len() / 2;
            for odd in ["", "a;b", "nqma", "a]b"] {
                let line = format!("{}{odd}{}", &line[..mid], &line[mid..]);
                let counts = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes()).unwrap();
                assert_eq!(
                    stage.review_ascii(&line, counts),
                    ascii_review(&line, counts).2,
                    "{line}"
                );
                lines += 1;
            }
        }
        assert!(lines > 2000, "{lines}");
    }

    /// [`MixedScript::review_at_a_glance`] as its parts answer it.
    fn review_at_a_glance_by_parts(
        stage: &MixedScript,
        line: &str,
        hygiene: &crate::Hygiene,
    ) -> Option<bool> {
        hygiene
            .leaves_at_a_glance(line)
            .then(|| stage.needs_review(line))
    }

    proptest::proptest! {
        #[test]
        fn one_glance_answers_as_hygiene_and_the_gate_do(
            ascii in r"([a-zA-Z ]|[eaoiufvjkqwxy;:&,.'`\[\]{}|~^_\\]){0,400}",
            odd in r"[\t\x00\x1f\x7f&éж]?",
            at in 0usize..400,
        ) {
            // Mostly printable ASCII, with at most one byte or character
            // that fails hygiene's glance, anywhere.
            let mut line = ascii;
            line.insert_str(at.min(line.len()), &odd);
            let stages = [
                MixedScript::new(MixedScriptOptions::default()),
                MixedScript::new(MixedScriptOptions { homoglyphs: false, ..Default::default() }),
                MixedScript::new(MixedScriptOptions { keyboard_layouts: false, ..Default::default() }),
            ];
            for hygiene in [crate::HygieneOptions::default(), crate::HygieneOptions::all()] {
                let hygiene = crate::Hygiene::new(hygiene);
                for stage in &stages {
                    proptest::prop_assert_eq!(
                        stage.review_at_a_glance(&line, &hygiene),
                        review_at_a_glance_by_parts(stage, &line, &hygiene)
                    );
                }
            }
        }
    }

    #[test]
    fn one_glance_answers_the_bench_lines_as_the_parts_do() {
        // Every line of the bench corpora, and each with a `&`, a tab and
        // a bracket key between letters put in its middle.
        let stage = stage();
        let hygiene = crate::Hygiene::new(crate::HygieneOptions::all());
        let mut reviewed = 0;
        for line in check_lines(&[], &["en", "mixed", "dirty"], &[]) {
            let mut mid = line.len() / 2;
            while !line.is_char_boundary(mid) {
                mid -= 1;
            }
            for odd in ["", "&", "\t", "a[b"] {
                let line = format!("{}{odd}{}", &line[..mid], &line[mid..]);
                let got = stage.review_at_a_glance(&line, &hygiene);
                assert_eq!(
                    got,
                    review_at_a_glance_by_parts(&stage, &line, &hygiene),
                    "{line}"
                );
                reviewed += usize::from(got == Some(true));
            }
        }
        assert!(reviewed > 0);
    }

    #[test]
    fn ascii_line_bounds_settle_prose_and_leave_the_rest() {
        // Prose is settled by the bounds (they differ from the counts)
        // and answers as the counts do; a line near a limit takes the counts.
        let prose = "The installer asks a few questions before it copies the system to the disk.";
        let bounded = ascii_line_counts::<{ glance::ASCII }>(prose.as_bytes()).unwrap_or_default();
        assert_ne!(bounded, ascii_counts(prose.as_bytes()));
        assert_eq!(
            ascii_review(prose, bounded),
            ascii_review(prose, ascii_counts(prose.as_bytes()))
        );
        // Lines of 100 letters across both limits: `a`, `u` or `y` as the
        // vowels, `k`, `f` or `j` as the rare letters.
        let tests = |(l, v, t, s, _): (u32, u32, u32, u32, bool)| {
            (
                v * 100 < l * 28,
                t * 100 > l * 10,
                s * 100 >= l * SLAVIC_SHARE,
            )
        };
        for vowel in ['a', 'u', 'y'] {
            for rare in ['k', 'f', 'j'] {
                for vowels in 20..36 {
                    for rares in 0..14 {
                        let letters: String = std::iter::repeat_n(vowel, vowels)
                            .chain(std::iter::repeat_n(rare, rares))
                            .chain(std::iter::repeat_n('t', 100 - vowels - rares))
                            .collect();
                        let line = letters
                            .as_bytes()
                            .chunks(5)
                            .map(|w| String::from_utf8_lossy(w).into_owned())
                            .collect::<Vec<_>>()
                            .join(" ");
                        let exact = ascii_counts(line.as_bytes());
                        let got = ascii_line_counts::<{ glance::ASCII }>(line.as_bytes())
                            .unwrap_or_default();
                        assert_eq!(tests(got), tests(exact), "{line}");
                        assert_eq!(
                            ascii_review(&line, got),
                            ascii_review(&line, exact),
                            "{line}"
                        );
                    }
                }
            }
        }
        for near in [
            "rhythm crypts lynx gypsy",
            "Kak vi ste, jako dobro vidjeti",
            "fjfjfjfj kvkvkv",
        ] {
            let counts = |c: (u32, u32, u32, u32, bool)| (c.0, c.1, c.2, c.3);
            assert_eq!(
                ascii_line_counts::<{ glance::ASCII }>(near.as_bytes()).map(counts),
                Some(counts(ascii_counts(near.as_bytes()))),
                "{near}"
            );
        }
    }

    /// [`possible_languages`] as first written, a list per letter.
    fn possible_languages_by_lists(text: &str, sc: Sc) -> Vec<&'static str> {
        let all = sc.languages();
        if sc != Sc::Cyrillic {
            return all.to_vec();
        }
        let mut out: Vec<&'static str> = all.to_vec();
        for c in text.chars().filter(|c| sc_of(*c) == Some(Sc::Cyrillic)) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let kept: Vec<&'static str> = out
                .iter()
                .copied()
                .filter(|l| tables::in_alphabet(l, lower) != Some(false))
                .collect();
            if kept.is_empty() {
                return all.to_vec();
            }
            out = kept;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn possible_languages_by_bits_equal_lists(
            text in "[а-яА-ЯёЁґҐєЄіІїЇўЎђЂјЈљЉњЊћЋџЏѝЍѐЀѢѣӕҷԁԀ a-zé,αΩ€中]{0,30}"
        ) {
            for sc in Sc::ALL {
                proptest::prop_assert_eq!(
                    possible_languages(&text, sc),
                    possible_languages_by_lists(&text, sc)
                );
            }
        }
    }

    #[test]
    fn is_ascii_is_the_standard_one() {
        // Every length across the vector blocks, one non-ASCII character
        // at every place (or none).
        for n in 0..80 {
            for at in 0..=n {
                for odd in ["", "é", "€", "😀", "\u{80}"] {
                    let line = "a".repeat(at) + odd + &"\u{7f}".repeat(n - at);
                    assert_eq!(is_ascii(line.as_bytes()), line.is_ascii(), "{line:?}");
                }
            }
        }
    }

    #[test]
    fn cjk_hangul_letters_are_letters_to_the_full_scan() {
        // Every character of three bytes that the count takes is a letter
        // of another script to the full scan, and the count misses none of
        // kana, CJK or Hangul in between.
        for c in ('\u{0800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            let s = format!("a{c}b");
            let n = letters::cjk_hangul_letters(s.as_bytes());
            if n > 0 {
                assert_eq!((n, LineStats::of(&s).other_letters), (1, 1), "{c}");
            }
            let inside =
                ('\u{3040}'..='\u{9FFF}').contains(&c) || ('\u{AC00}'..='\u{D77F}').contains(&c);
            assert_eq!(n == 1, inside, "{c}");
        }
        let stage = MixedScript::default();
        for line in [
            "USB 하드웨어는 보통 잘 동작합니다. 일부 아주 오래된 PC 시스템에서는 USB 키보드 사용에 추가 설정이 필요합니다.",
            "BIOS/UEFI 为启动机器提供了基本的功能，并允许您的操作系统可以访问硬件。",
            "DVD でインストールしている場合、インストールに必要なパッケージは、1 枚目の DVD イメージで提供されているはず",
        ] {
            assert_eq!(stage.quick_review(line), Some(false), "{line}");
            assert!(!stage.review(line, &LineStats::of(line), None), "{line}");
        }
    }

    #[test]
    fn quick_review_answers_the_common_lines() {
        let stage = MixedScript::default();
        for line in [
            "Программа установки Debian поддерживает несколько интерфейсов.",
            "Для установки GRUB выполните «grub-install» — это всё.",
            "汉字和 Debian 的安装",
            "Overwriting a journal file — “quoted”",
            "ทุกคนมีสิทธิ;ในการ [ภาษาไทย] 中文；和`汉字`",
            "Thư mục /var: dữ liệu có thể thay đổi, như bài tin, thư điện tử",
            "Η προσοχή του Debian στη λεπτομέρεια μας επιτρέπει — «high-end» servers;",
            "Τι κάνεις; Καλά.",
        ] {
            assert!(stage.quick_review(line).is_some(), "{line}");
        }
        // Greek lines: the full scan's answer, a Latin word the Greek
        // layout re-types into a common Greek word (`toy`) among them.
        for line in [
            "Η προσοχή του Debian στη λεπτομέρεια",
            "Η προσοχή toy Debian στη λεπτομέρεια",
            "Debian GNU Linux toy firewalls",
            "Debian GNU Linux ΤΟΡ firewalls",
            "Τoυ",
            "ββββββ γγγ",
        ] {
            let full = stage.review(line, &LineStats::of(line), None);
            assert_eq!(stage.quick_review(line), Some(full), "{line}");
        }
        assert_eq!(
            stage.quick_review("Η προσοχή toy Debian στη λεπτομέρεια"),
            Some(true)
        );
        // Serbian letters tell the gate that the line's Latin words may be
        // Serbian Latin: the quick answer takes them as the full scan does.
        // (`bey` holds a key the Serbian layout fills unlike its Latin
        // namesake: in a Serbian line it may be a slip, in a Russian one it
        // is a foreign word.)
        for line in [
            "Он је рекао wow",
            "ЂАК и xyz",
            "њега qwerty",
            "Ја сам рекао yt",
            "Он је рекао данас добро bey",
        ] {
            let full = stage.review(line, &LineStats::of(line), None);
            assert!(LineStats::of(line).serbian, "{line}");
            assert_eq!(stage.quick_review(line), Some(full), "{line}");
        }
        assert_eq!(
            stage.quick_review("Он је рекао данас добро bey"),
            Some(true)
        );
        assert_eq!(
            stage.quick_review("Он не рекао данас добро bey"),
            Some(false)
        );
    }

    proptest::proptest! {
        #[test]
        fn ascii_counts_equal_the_class_table(
            line in "[a-zA-Z@\\[\\]`{|}~;:'., 0-9\t\x00-\x1f\x7f^_éжΩ€-]{0,600}"
        ) {
            let (mut letters, mut vowels, mut telltale, mut slavic, mut punct) =
                (0u32, 0u32, 0u32, 0u32, false);
            for &b in line.as_bytes() {
                let class = ASCII_CLASS.get(usize::from(b)).copied().unwrap_or(0);
                letters += u32::from(class & LETTER != 0);
                vowels += u32::from(class & VOWEL != 0);
                telltale += u32::from(class & TELLTALE != 0);
                slavic += u32::from(class & SLAVIC != 0);
                punct |= class & ODD != 0;
            }
            proptest::prop_assert_eq!(
                ascii_counts(line.as_bytes()),
                (letters, vowels, telltale, slavic, punct)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_patterns_found_by_search_equal_a_byte_loop(line in "[a-zA-Z ;\\[\\]`{}q'.,0-9]{0,64}") {
            let bytes = line.as_bytes();
            let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            let (mut odd_q, mut odd_punct) = (false, false);
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'q' {
                    let next = bytes.get(i + 1).copied().unwrap_or(0);
                    let before = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
                    odd_q |= next.is_ascii_lowercase() && next != b'u' && before != Some(b's');
                } else if matches!(b, b';' | b'[' | b']' | b'`' | b'{' | b'}') {
                    odd_punct |= i.checked_sub(1).is_some_and(letter) && letter(i + 1);
                }
            }
            let stats = LineStats::of(&line);
            proptest::prop_assert_eq!((stats.odd_q, stats.odd_punct), (odd_q, odd_punct));
        }
    }

    #[test]
    fn caseless_blocks_have_no_lowercase() {
        for c in ('\u{0}'..='\u{10FFFF}').filter(|&c| is_caseless(c)) {
            assert!(
                c.to_lowercase().eq([c]),
                "U+{:04X} has a lowercase",
                c as u32
            );
        }
    }

    #[test]
    fn the_context_counts_words_whatever_their_case() {
        let ctx = DocumentContext::from_text(
            "Sergey met SERGEY. Сергей и СЕРГЕЙ. ΚΑΛΟΣ καλος. j,hfnbkcz Sergeн don't",
        );
        assert_eq!(ctx.count("sergey"), 2);
        assert_eq!(ctx.count("Sergey"), 2);
        assert_eq!(ctx.count("сергей"), 2);
        assert_eq!(ctx.count("καλος"), 2, "final sigma is sigma");
        assert_eq!(ctx.count("j,hfnbkcz"), 0, "layout keys inside: not a word");
        assert_eq!(ctx.count("sergeн"), 0, "mixed scripts: not counted");
        assert_eq!(ctx.count("don't"), 0, "an ASCII apostrophe is a layout key");
        assert_eq!(ctx.count("met"), 1);
        assert_eq!(ctx.count("meet"), 0);
    }

    fn stage() -> MixedScript {
        MixedScript::new(MixedScriptOptions::default())
    }

    fn fix(text: &str) -> String {
        stage()
            .apply(text, &DocumentContext::from_text(text))
            .text
            .into_owned()
    }

    #[test]
    fn a_closing_bracket_no_bracket_opens_is_a_key() {
        // `]` is `ї` on the Ukrainian layout: `зворотно` (listed) would
        // leave it glued to the word with no `[` before it.
        let line = "якщо перед ним вказати символ зворотнj] похилої риски.";
        assert_eq!(fix(line), line.replace("зворотнj]", "зворотної"));
        // A bracket the line opens closes there.
        let quoted = "[див. символ зворотнj] похилої риски.";
        assert!(!fix(quoted).contains("зворотної"), "{}", fix(quoted));
    }

    #[test]
    fn a_bracket_pair_around_letters_is_code_not_a_slip() {
        // `[` is `ш` on the Bulgarian layout, `х` on ЙЦУКЕН: re-typing
        // `sys[e` would leave the `]` that closes it glued (`съсше]`).
        for line in [
            "не може да се създаде изходен (sys[e]) файл",
            "табулациите (a[elem]) са твърде отдалечени",
            "Отмест.  Начало     `line[elem]`       Край             Израз",
            "Дазволіць праграмам перашкаджаць сістэме апрацоўваць (f[dst]) кнопку прыпынення",
        ] {
            assert_eq!(fix(line), line);
        }
        // A closing bracket alone is a key still (`]` is `ї`).
        assert_eq!(
            fix("якщо перед ним вказати символ зворотнj] похилої риски."),
            "якщо перед ним вказати символ зворотної похилої риски."
        );
    }

    #[test]
    fn an_opening_key_nothing_closes_is_typed_with_the_word() {
        // `[` is `ц` and `"` is `Ч` on the Bulgarian layout: no `]` or `"`
        // closes them, so `ветното` (unlisted) no longer leaves `[` glued,
        // and the whole word is `цветното` (`цветно` with its article).
        assert_eq!(
            fix("Позиция върху [lejkfjf колело."),
            "Позиция върху цветното колело."
        );
        assert_eq!(
            fix("Чехословакия, \"enfi.fldtud социалистическа република"),
            "Чехословакия, Чехословашка социалистическа република"
        );
        // `[` opens a bracket a `]` later closes: `ветното` is no slip
        // there either (unlisted, it reads too little like a word).
        let closed = "Позиция върху [lejkfjf] колело.";
        assert_eq!(fix(closed), closed);
    }

    #[test]
    fn a_spelling_only_a_ruled_out_language_lists_is_no_known_word() {
        // `ё` leaves Russian or Belarusian: `синтаксису`, listed only
        // Ukrainian, does not outrank the lookalike spelling `синтаксисе`
        // (neither is listed where the line allows; the word is left).
        let line = "условные инфиксы устарели в объединённом синтаксисe";
        assert!(!fix(line).contains("синтаксису"), "{}", fix(line));
    }

    #[test]
    fn a_layout_of_a_language_the_lexicons_allow_as_much_is_not_doubted() {
        // whatlang reads this short Russian line as Ukrainian; the Russian
        // lexicons list more of its words, so the Russian re-typing is
        // not one of a line of another language.
        assert_eq!(
            fix("оператор cthbqyjuj номера «&» не поддерживается"),
            "оператор серийного номера «&» не поддерживается"
        );
        // Russian and Ukrainian lexicons list both words of this line:
        // the Russian layout is not doubted, and neither `локальный` nor
        // `локальній` is then sure enough.
        let even = "Зайти в kjrfkmysq контейнер";
        assert!(!fix(even).contains("локальній"), "{}", fix(even));
    }

    #[test]
    fn a_line_whose_words_another_lexicon_lists_is_of_that_language() {
        // whatlang reads this short Serbian line as Ukrainian; the Serbian
        // lexicons list all three words, the Ukrainian one only `без`.
        assert_eq!(
            fix("без претходног регуларног iyraya"),
            "без претходног регуларног израза"
        );
    }

    #[test]
    fn a_serbian_keyed_word_under_the_script_share_floor_is_judged() {
        // `root` and `brisawe` outweigh the Cyrillic letters, but `ј`
        // settles Serbian and `w` is `њ` on its layout.
        assert_eq!(
            fix("Датотека „root“ није за brisawe"),
            "Датотека „root“ није за брисање"
        );
        // Without a letter only Serbian writes the line is not settled.
        assert_eq!(fix("Неуспело pokretawe:"), "Неуспело pokretawe:");
    }

    #[test]
    fn a_word_glued_after_a_semicolon_is_typed_with_it() {
        // `;` is `ч` on the Serbian layout, `ж` on ЙЦУКЕН, the tonos on the
        // Greek one; `vrste` alone would be Serbian Latin.
        assert_eq!(
            fix("Када прави ;vrste везе, свака мора постојати."),
            "Када прави чврсте везе, свака мора постојати."
        );
        assert_eq!(
            fix(";Otan η εγκατάσταση ολοκληρωθεί, επανεκκινήστε το σύστημα."),
            "Όταν η εγκατάσταση ολοκληρωθεί, επανεκκινήστε το σύστημα."
        );
        // An English word after it re-types into nothing and stays.
        assert_eq!(fix("Ово је ;test за вас"), "Ово је ;test за вас");
    }

    #[test]
    fn a_short_slip_with_a_key_at_its_edge_is_retyped_with_it() {
        // `;` is `м` on the Bulgarian layout, `,` is `б` and `'` is `э` on
        // ЙЦУКЕН: the word as typed is a Latin abbreviation (`uc`, `tp`,
        // `nj`), the word with its key one of the commonest of the line.
        assert_eq!(
            fix("Заявките uc; Х да са синхронни"),
            "Заявките към Х да са синхронни"
        );
        assert_eq!(
            fix("Откомпилирован ,tp поддержки 64-битной арифметики."),
            "Откомпилирован без поддержки 64-битной арифметики."
        );
        assert_eq!(
            fix("'nj сообщение не переведено"),
            "это сообщение не переведено"
        );
        // A Latin word with a comma after it that re-types with the comma
        // into no common word, or one common as typed (`id`), stays.
        for line in [
            "Поле id; затем имя файла.",
            "Это поле rf, а не другое.",
            "Режим ok, все работает.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_retyping_that_leaves_a_mixed_token_is_no_rival() {
        // A listed word re-typed from a piece of `зк2сщташпгк2ы` would
        // leave the rest glued to it in Cyrillic: it is no known word
        // against the whole re-typing, which AZERTY's `é` on `2` makes
        // `préconfigurés`. (So is `support` of `ыгззщке2ы`, `supportés`.)
        assert_eq!(
            fix("Vous pouvez garder les scripts зк2сщташпгк2ы pour la suite."),
            "Vous pouvez garder les scripts préconfigurés pour la suite."
        );
    }

    #[test]
    fn greek_particles_of_three_letters() {
        assert_eq!(fix("Η ρύθμιση sto σύστημα"), "Η ρύθμιση στο σύστημα");
        // A bracket ends a foreign phrase: `rescue` does not make `toy`
        // English.
        assert_eq!(
            fix("Η κατάσταση (update) toy συστήματος"),
            "Η κατάσταση (update) του συστήματος"
        );
        // Between a Greek and a Latin word a three-letter word stays.
        assert_eq!(
            fix("θα είναι sto pager σήμερα"),
            "θα είναι sto pager σήμερα"
        );
    }

    #[test]
    fn layout_slip_inside_a_word_is_repaired_with_document_evidence() {
        let doc = "Sergey Shoigu spoke. Later Sergeн Shoigu left. Sergey Shoigu returned.";
        let r = stage().apply(doc, &DocumentContext::from_text(doc));
        assert_eq!(r.text, doc.replace("Sergeн", "Sergey"));
        let change = &r.changes[0];
        assert_eq!(change.kind, ChangeKind::KeyboardLayout);
        assert_eq!(&doc[change.start..change.end], "Sergeн");
        assert!(change.confidence >= 0.9 && change.confidence <= 1.0);
        assert!(
            change.evidence.contains("н→y on key AD06"),
            "{}",
            change.evidence
        );
    }

    #[test]
    fn without_evidence_a_layout_guess_is_not_made() {
        let line = "Minister Sergeн Shoigu said.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn half_repairs_and_junk_tokens_are_recognised() {
        // `ж4` stays glued to the repaired `word`: a token mixing scripts.
        let c = Candidate::homoglyph("word".to_owned(), 2, 3, 8);
        assert!(leaves_mixed_token("ж4wоrd", &c));
        assert!(!leaves_mixed_token("ab wоrd cd", &c));
        // A hyphen ends the token (`iPhone-ом`).
        assert!(!leaves_mixed_token("ж-wоrd", &c));
        assert!(is_junk_token("к4ша"));
        assert!(is_junk_token("дадзены["));
        assert!(is_junk_token("лагіныЮ"));
        assert!(!is_junk_token("лагіны."));
        assert!(!is_junk_token("(2024)"));
        assert!(!is_junk_token("«кэша»"));
    }

    #[test]
    fn an_unlisted_cyrillic_word_in_capitals_in_a_latin_line_may_be_a_caps_slip() {
        // `ЗФЕР` is `PATH` typed on ЙЦУКЕН; no Cyrillic lexicon lists it,
        // and the document spells `PATH`.
        assert_eq!(
            fix("Add the directory to your ЗФЕР variable: PATH lists them."),
            "Add the directory to your PATH variable: PATH lists them."
        );
        // Without the document spelling it, four letters are too few.
        let line = "Add the directory to your ЗФЕР variable.";
        assert_eq!(fix(line), line);
        // A phonetic layout types a word's own transliteration: `ТЕРМ` on
        // the Serbian one is `TERM`, however often the document says term.
        let line = "He shouted ТЕРМ at the end of the term.";
        assert_eq!(fix(line), line);
        // A listed Cyrillic acronym stays.
        let line = "The СССР collapsed in 1991.";
        assert_eq!(fix(line), line);
        // So do listed words whose capitals dropped a mark: the tonos of
        // Greek (`ρεάλ`, `τρίο`; unfolded, `REAL` and `TRIO` on the Greek
        // layout) and the dots of `ё` (`вёрз`; unfolded, `VERY` on the
        // Serbian layout).
        for line in [
            "Greek sports papers wrote ΡΕΑΛ across the front page after the final.",
            "The Greek band ΤΡΙΟ played in Berlin.",
            "The report mentions ВЕРЗ twice in the summary.",
        ] {
            assert_eq!(fix(line), line);
        }
        // Two letters are an acronym or a letter's name, not `CI`.
        let line = "Selon le journal, ΨΙ a perdu des voix.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_serbian_cyrillic_word_in_serbian_latin_text_is_left() {
        // Serbian is written in both alphabets. The Serbian layout types
        // `Alta` as `Алта`, its own transliteration, and `Мара` only looks
        // like `Mapa`; the document spelling `Desktop` makes `Десктоп` no
        // slip either. The line reads Serbian by its words or its `š`.
        for text in [
            "Podacima Алта o programu nedostaje identifikator",
            "Nisam Мара uspeo da saznam osobine datoteke",
            "Otvori fasciklu Desktop u prozoru.\n\
             Greška dobavljanja podataka o sistemu datoteka Десктоп za „%s“: %s",
        ] {
            assert_eq!(fix(text), text);
        }
        // A word with letters Serbian lacks (`ь`, `щ`) is still a slip.
        assert_eq!(
            fix("Popuna oko stavki u ьщвгду prikazu ikonica"),
            "Popuna oko stavki u module prikazu ikonica"
        );
        assert!(spelled_in_serbian_cyrillic("Десктоп"));
        assert!(!spelled_in_serbian_cyrillic("ьщвгду"));
    }

    #[test]
    fn a_serbian_latin_word_in_a_serbian_cyrillic_line_is_left() {
        // Serbian Cyrillic lines without a letter only Serbian writes read
        // Serbian by their words. A Serbian Latin word there is the other
        // alphabet, not a slip: typed on QWERTY for the Serbian layout it
        // would be its own transliteration (`posrednici` is
        // `посредници`), and `je` spells `је`. In a Latin phrase (`Metod
        // „%s“ je`, past the format string) even a lookalike stays.
        for text in [
            "нема више ручки датотеке: не могу posrednici да удвостручим стандардни излаз",
            "Неподржана врста persijski слике за ГДИ+",
            "Назив одредишта на коме треба позвати метод (Ikona je širine nula",
            "ажурира само унос за je skraćen ову датотеку",
            "оператор „=~“, Metod „%s“ je ниска са десне стране оператора се поклапа као регуларни",
            "Не могу да направим montira привремену датотеку\nНе могу да монтирам, монтира",
        ] {
            assert_eq!(fix(text), text);
        }
        // Alone among Cyrillic words, a lookalike that spells the word in
        // Cyrillic is a stray letter pair, as translators type it
        // (`Документ je завршен`, a real catalogue line).
        assert_eq!(
            fix("Документ je завршен неочекивано усред вредности атрибута"),
            "Документ је завршен неочекивано усред вредности атрибута"
        );
        // Read Serbian by its words only, a Russian line stays Russian:
        // the slip's Serbian Cyrillic spelling (`Дсдјл`) is no word.
        assert_eq!(
            fix("Dsdjl индекса упакованного архива"),
            "Вывод индекса упакованного архива"
        );
    }

    #[test]
    fn serbian_latin_and_cyrillic_read_one_table() {
        use crate::tables::serbian::SERBIAN_LATIN;
        for &(c, latin) in SERBIAN_LATIN {
            assert_eq!(serbian_latin(c), Some(latin));
            assert_eq!(serbian_cyrillic(latin, false), Some(c));
        }
        // Without diacritics: `đ` is `dj` or `d`, `dž` `dz`.
        for (latin, cyrillic) in [
            ("međa", "међа"),
            ("medja", "међа"),
            ("meda", "међа"),
            ("džep", "џеп"),
            ("dzep", "џеп"),
            ("ljubav", "љубав"),
            ("Čaša", "чаша"),
            ("casa", "чаша"),
        ] {
            assert!(is_serbian_latin_of(latin, cyrillic), "{latin} {cyrillic}");
        }
        assert!(!is_serbian_latin_of("medza", "међа"));
        assert_eq!(serbian_cyrillic("dj", true), Some('ђ'));
        assert_eq!(serbian_cyrillic("dj", false), None);
        assert_eq!(serbian_cyrillic("c", true), Some('ц'));
        // Both directions: `medju` is the listed `међу`, `injekcija` the
        // listed `инјекција` (two letters, not `ињекција`).
        let context = DocumentContext::default();
        for known in ["među", "medju", "injekcija", "ljudi"] {
            assert!(serbian_cyrillic_known(known, &context), "{known}");
        }
        assert!(!serbian_cyrillic_known("dsdjl", &context));
        assert!(!serbian_cyrillic_known("window", &context));
    }

    #[test]
    fn a_word_spelt_as_its_transliteration_in_a_latin_line_is_left() {
        // On the Serbian and Bulgarian phonetic layouts a Latin word comes
        // out as its own transliteration, which is how those languages
        // write the word or name: a quoted word as likely as a slip
        // (listed, `Бристол`, `Ворд`, `ХАНОВЕР`, or reading like a word of
        // its script, `Вермонт`).
        for text in [
            "configuración Бристол regional inválida; revise las variables de entorno",
            "Palabra clave %s desconocida en Ворд .netrc",
            "La pantalla Вермонт donde se mostrará esta ventana",
            "The newspaper ХАНОВЕР reported the news on Monday.",
        ] {
            assert_eq!(fix(text), text);
        }
        // One that no lexicon lists and reads like no word of its script
        // is still a slip.
        assert_eq!(
            fix("Click the Сеттингс button to open the dialog."),
            "Click the Settings button to open the dialog."
        );
        assert!(listed_in_script("бристол", Sc::Cyrillic));
        assert!(!listed_in_script("сеттингс", Sc::Cyrillic));
        // The Greek layout too, for a listed Greek word of four letters or
        // more (in capitals with its tonos put back: `ΙΝΔΙΑ` is `Ινδία`).
        for text in [
            "He shouted ΙΝΔΙΑ and left the room.",
            "El periódico ΑΡΑΒΙΑ publicó la noticia el lunes.",
        ] {
            assert_eq!(fix(text), text);
        }
        // Unlisted, or of three letters (the extended Greek lexicon lists
        // web slips such as `τηε`), it is still a slip.
        assert_eq!(
            fix("THIS IS A DEVELOPMENT VERSION NOT ΙΝΤΕΝΔΕΔ FOR PRODUCTION USE."),
            "THIS IS A DEVELOPMENT VERSION NOT INTENDED FOR PRODUCTION USE."
        );
        assert_eq!(
            fix("don't truncate empty pages at the end of τηε table"),
            "don't truncate empty pages at the end of the table"
        );
    }

    #[test]
    fn english_words_glued_by_a_key_are_code() {
        // `data[len` is `даташлен` on the Serbian layout, `name;int`
        // `намечинт`: spellings nobody knows, of code.
        for text in [
            "достигнут data[len је лимит рекурзије",
            "Не могу да name;int затворим стандардни улаз",
        ] {
            assert_eq!(fix(text), text);
        }
        // Runs of one or two letters are as often a slip.
        assert_eq!(
            fix("Чим може dsl;tn бути \"типовим елементом\""),
            "Чим може віджет бути \"типовим елементом\""
        );
        assert!(glued_latin_words("node.name"));
        assert!(!glued_latin_words(",elewm"));
        // Two identifiers joined by a key, one of one or two letters, are
        // code too (`j;b.` would be `ожию`, `db[fp` `віхаз`); three runs or
        // more (`uw,if,d` is `курсора` on the Bulgarian layout), or a
        // capital (`Re]a` is `Ређа`), are a word. On the Serbian and
        // Bulgarian phonetic layouts such a token re-types into its own
        // transliteration with a letter for each key (`стурдъчегеста`):
        // with an English word of five letters or more in it, it is code
        // whatever its other runs. Shorter ones are as often part of a
        // Serbian or Bulgarian word typed so (`pro`eten` is `прочетен`,
        // `uti;nice` `утичнице`), and a word with no English run
        // (`dobavqaju'i` is `добављајући`) is left to the judge.
        for text in [
            "В этом j;b. файле нет перемещений.",
            "Становішча рэгулятару (db[fp) адносна віджэта-нашчадка.",
            "назив (node'id) албума при ређању",
            "Главни текст наслова укључује Панго larine'asked, ознаке.",
            "Изходният поток вече sturdy`egesta е затворен",
        ] {
            assert_eq!(fix(text), text);
        }
        assert_eq!(
            fix("Истекло време за У/И uti;nice"),
            "Истекло време за У/И утичнице"
        );
        assert!(glued_latin_words("j;b."));
        assert!(glued_latin_words("node'id"));
        assert!(!glued_latin_words("uw,if,d"));
        assert!(!glued_latin_words("Re]a"));
        assert!(glued_runs_with_an_english_word("sturdy`egesta"));
        assert!(!glued_runs_with_an_english_word("dobavqaju'i"));
        assert!(!glued_runs_with_an_english_word("o[elem"));
        assert!(!glued_runs_with_an_english_word("pro`eten"));
    }

    #[test]
    fn a_short_caps_slip_needs_the_document_to_write_its_retyping_in_capitals() {
        // `ЫЙД` is `SQL` typed on ЙЦУКЕН: the slip of an acronym is an
        // acronym, and the document writes it so.
        let doc = "The SQL function is fast.\n\
                   Improve the performance of the replace() ЫЙД function.";
        assert_eq!(fix(doc), doc.replace("ЫЙД", "SQL"));
        // A document that writes `sql`, or `tab`, in lower case says
        // nothing of three capitals (`ЕФИ` is `TAB` typed on ЙЦУКЕН).
        for doc in [
            "Use sql here.\nImprove the performance of the replace() ЫЙД function.",
            "Press the tab key to move between fields.\n\
             Définir les paramètres de clavier du ЕФИ système",
        ] {
            assert_eq!(fix(doc), doc);
        }
    }

    #[test]
    fn a_word_in_capitals_may_spell_a_word_of_the_line_in_lookalikes() {
        // Five capitals or more: no Latin lexicon lists it, the line's
        // language does. no Latin lexicon lists it, the line's language does.
        let spoof = "Типовим значенням аргументу YMOBA є «always» (завжди).";
        assert_eq!(fix(spoof), spoof.replace("YMOBA", "УМОВА"));
        // A Cyrillic word in capitals in a Latin line that no lexicon of its
        // script lists and that reads like none of its words.
        let spoof = "Enables the proxy settings when accessing НТТР over the Internet.";
        assert_eq!(fix(spoof), spoof.replace("НТТР", "HTTP"));
        // Two or three capitals are an acronym, even spelling a common word
        // of the line and beside words in capitals; words of Cyrillic
        // languages in capitals (`СОРА`).
        for line in [
            "РЕЖИМ HA ВКЛЮЧЁН",
            "СЕРТИФИКАТЪТ CA НЕ Е ВАЛИДЕН",
            "МАРКИРОВКА CE НА ПРОДУКТА",
            "УРОВЕНЬ CO В ВОЗДУХЕ",
            "Включете режим HA за клъстера.",
            "Режим HA на сървъра е изключен.",
            "Кластер HA не працює.",
            "Маркировката CE на продукта е задължителна.",
            "Уровень CO в воздухе превышен.",
            "Модулът OT за индустриални системи.",
            "Ця помилка HE означає, що на диску немає місця.",
            "Загружен сертификат CA «%s»",
            "Έγγραφο εντολών troff ME",
            "Нажмите кнопку OK для продолжения.",
            "возможно, вам следует обновить OC.",
            "Запустите MAME и выберите игру.",
            "The newspaper СОРА reported the news on Monday.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn the_context_counts_words_written_in_capitals_apart() {
        let ctx = DocumentContext::from_text("SQL and sql, Sql. ΚΑΛΟΣ Tab tab");
        assert_eq!(ctx.count("sql"), 3);
        assert_eq!(ctx.count_in_capitals("sql"), 1);
        assert_eq!(ctx.count_in_capitals("SQL"), 1);
        assert_eq!(ctx.count_in_capitals("καλος"), 1);
        assert_eq!(ctx.count_in_capitals("TAB"), 0);
    }

    #[test]
    fn the_extended_lexicon_is_evidence_for_a_candidate() {
        // `скрипте` is no word of the 20,000-word Serbian lexicon but of the
        // extended one: the unknown lookalike spelling `скрирте` loses.
        let line = "Проверава да ли има грешака синтаксе у датотеке подешавања скриpте ГРУБ-а.";
        assert_ne!(fix(line), line.replace('p', "р"));
    }

    #[test]
    fn homoglyphs_both_ways() {
        assert_eq!(fix("Пpивет всем, как дела?"), "Привет всем, как дела?");
        assert_eq!(
            fix("The minister said hello to Kоvalenko today."),
            "The minister said hello to Kovalenko today."
        );
        assert_eq!(
            fix("The сор said hello to the crowd."),
            "The cop said hello to the crowd."
        );
        // A quoted literal is left, unless letters no language of its
        // script writes make it a spoof.
        assert_eq!(
            fix("Set the partition type to «ѕԝар» and reboot."),
            "Set the partition type to «swap» and reboot."
        );
        let quoted = "The option is called «сор» in the old manual.";
        assert_eq!(fix(quoted), quoted);
    }

    #[test]
    fn wrong_layout_words_and_lines() {
        assert_eq!(
            fix("Он сказал ghbdtn и ушёл домой."),
            "Он сказал привет и ушёл домой."
        );
        assert_eq!(fix("ghbdtn rfr ltkf"), "привет как дела");
        assert_eq!(fix("руддщ цщкдв"), "hello world");
    }

    #[test]
    fn rare_forms_glued_keys_and_other_layouts() {
        // `ё` looked up as `е`; a form only the extended lexicon lists.
        assert_eq!(
            fix("Параметр pflf`ncz при создании раздела."),
            "Параметр задаётся при создании раздела."
        );
        assert_eq!(
            fix("Вы можете выбрать hfpvtnre диска."),
            "Вы можете выбрать разметку диска."
        );
        // `/` is `б` on the Bulgarian layout, but paths and pairs stay.
        assert_eq!(fix("Купи n.s/ от магазина."), "Купи хляб от магазина.");
        assert_eq!(fix("Това е .z/r;rs ми град."), "Това е любимия ми град.");
        for line in [
            "Вижте /usr/bin и a/b за подробности.",
            "Файлът е в docs/README.md, а скоростта в km/h.",
        ] {
            assert_eq!(fix(line), line);
        }
        // The Serbian layout's `w` (`њ`) in a Serbian line.
        assert_eq!(
            fix("Исписује поређано nadodavawe свих ставки."),
            "Исписује поређано надодавање свих ставки."
        );
        // Four capitals are an acronym's length.
        let line = "Установите пакет XFCE и GNOME, а также WINE.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_chunk_the_bulgarian_layout_types_with_its_slash_is_one_word() {
        // No other key needed: the chunk re-types into a listed word.
        assert_eq!(
            fix("Журналистиката не може да служи за увеселение и удоволствие, да /coe комфорт на деня."),
            "Журналистиката не може да служи за увеселение и удоволствие, да бъде комфорт на деня."
        );
        assert_eq!(
            fix("Уважението към правата на човека и основните ilf/for."),
            "Уважението към правата на човека и основните свободи."
        );
        // A common English word as a piece of it (`of` of `добро`) is no
        // word of its own, and is re-typed with the rest or not at all.
        assert_eq!(
            fix("Бий of/,f - по-добро, бий лошо - по-лошо."),
            "Бий добро - по-добро, бий лошо - по-лошо."
        );
        for line in [
            "Изберете and/or за условието.",
            "Файловете са в /usr и /opt на системата.",
            "Скоростта е в km/h, а не в m/s.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_slip_with_keys_at_its_edge_is_judged_against_spellings_of_the_same_keys() {
        // The keys at the edges are letters (`[` is `х`, `,` is `б`), and
        // the longer span's summed bigrams are no mark against it.
        assert_eq!(
            fix("Використання -L спричиняє те, що ключі -lname і -ilname завжди повертають логічну [b,yscnm у цьому разі."),
            "Використання -L спричиняє те, що ключі -lname і -ilname завжди повертають логічну хибність у цьому разі."
        );
        assert_eq!(
            fix("Папярэджанне: гэтым ,hfopthfv друк не падтрымліваецца цалкам."),
            "Папярэджанне: гэтым браўзерам друк не падтрымліваецца цалкам."
        );
        // `?` opening a chunk is the Bulgarian layout's `Б`: a re-typing
        // that leaves it glued (`?лагороден`) is no repair.
        let line = "?.dhf,foek е доброделецът, а не болярецът.";
        assert!(!fix(line).contains("?лагороден"));
    }

    #[test]
    fn a_slip_before_a_trailing_key_ends_where_its_letters_do() {
        // `.` is `ю` on the Belarusian layout: `браўзерамю` reads like a
        // word too, but a slip before a full stop ends where its letters
        // do. (The same reading makes the Bulgarian `,dptr,rje.`
        // `разширите.` where `разширител` was meant, `.` being `л`: only a
        // lexicon listing one of them could tell; session 28's rule that
        // took neither lost more right repairs than it saved.)
        assert_eq!(
            fix("Папярэджанне: друк не падтрымліваецца цалкам гэтым ,hfopthfv."),
            "Папярэджанне: друк не падтрымліваецца цалкам гэтым браўзерам."
        );
    }

    #[test]
    fn a_slash_glued_after_a_word_as_typed_parts_two_words() {
        // `режими` was typed Cyrillic: its `/` is a slash, not the
        // Bulgarian layout's `б` (`режимибидентификатори`).
        let line = "извеждане на имената на файлове без режими/roekjrbrudjf,r на обекти/етапи";
        assert!(!fix(line).contains("режимиб"), "{}", fix(line));
        let line = "позициите на байтовете/pkd[rje се броят от 1";
        assert!(!fix(line).contains("байтоветеб"), "{}", fix(line));
        // After letters an earlier round re-typed (`le.ruf`, `велико`) it
        // is `б`.
        assert_eq!(
            fix("английска — le.ruf/,rjdkiud, многоезична, с мъртви клавиши"),
            "английска — великобританска, многоезична, с мъртви клавиши"
        );
    }

    #[test]
    fn keys_before_a_slip_are_letters_where_the_mark_after_it_is_punctuation() {
        // The slash (`б`) and the letters are the word, the comma after
        // them punctuation: `болест,`, not `болестр` nor nothing.
        assert_eq!(
            fix("Досадата е /f.eij, позната само на ленивците."),
            "Досадата е болест, позната само на ленивците."
        );
        assert_eq!(
            fix("Или човекът напуска /fhdjijlfjf, или богатството напуска човека."),
            "Или човекът напуска богатството, или богатството напуска човека."
        );
        // A semicolon glued after the letters with a full stop after it is
        // no punctuation of its own: the word is not repaired without it
        // (`бяга;.`).
        let line = "А от него и аз /shd;.";
        assert!(!fix(line).contains("бяга;"));
        // Paths keep their slash.
        let line = "Файловете са в /usr, /opt и /srv на системата.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_bulgarian_form_with_its_article_is_a_word_of_a_bds_slip() {
        // No lexicon lists `мръсното` or `лечебното`; `мръсно` and
        // `лечебно` it does, and Bulgarian writes the article as a suffix.
        assert_eq!(
            fix("На своята улица и ;,cikfjf куче е тигър."),
            "На своята улица и мръсното куче е тигър."
        );
        assert_eq!(
            fix("Медицината е изкуство да се подражава на .e'e/kfjf въздействие на природата."),
            "Медицината е изкуство да се подражава на лечебното въздействие на природата."
        );
        assert_eq!(
            bulgarian_article_form("досадата").map(|(_, at)| at),
            Some("досада".len())
        );
        assert!(bulgarian_article_form("козелът").is_some());
        assert_eq!(
            bulgarian_article_form("победеният").map(|(_, at)| at),
            Some("победен".len())
        );
        // The article after the wrong letter is none (`донате` is `дона`
        // and `те` only on the phonetic layout's transliteration of
        // `donate`), and a stem of three letters is too short to tell.
        assert_eq!(bulgarian_article_form("донате"), None);
        assert_eq!(bulgarian_article_form("умата"), None);
        // A form the phonetic layout spells of an English word is read so
        // nowhere: `sprite` would be `спри` and `те`.
        assert!(bulgarian_article_form("сприте").is_some());
        let line = "Можете да смените sprite на героя в настройките на играта.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_digit_at_the_edge_of_a_word_typed_for_azerty_is_a_letter() {
        // AZERTY types `é` on `2`: a word typed on ЙЦУКЕН with it meant
        // keeps a digit at its end, at its start, or between its pieces.
        assert_eq!(
            fix("Le fichier demandé n'a pas été екщгм2 sur le serveur."),
            "Le fichier demandé n'a pas été trouvé sur le serveur."
        );
        assert_eq!(
            fix("Voulez-vous 2скйыук le fichier existant ?"),
            "Voulez-vous écraser le fichier existant ?"
        );
        assert_eq!(
            fix("Le lien est cassé et le problème n'est pas к2ыщдг pour l'instant."),
            "Le lien est cassé et le problème n'est pas résolu pour l'instant."
        );
        // (Its longest piece judges it: the short one first would not.)
        assert_eq!(
            fix("Le script уч2сгеу les commandes une par une."),
            "Le script exécute les commandes une par une."
        );
        // Model codes and units re-type into no French word.
        for line in [
            "Le camion зил130 et l'avion Ту154 sont exposés au musée.",
            "Le МиГ29 et le Су-35 volent, le мм2 est une unité.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn digits_after_a_french_word_ending_typed_for_azerty_are_letters() {
        // The last letters of a French word typed on ЙЦУКЕН with AZERTY
        // meant: `е` is `t`, `т` is `n`, and `2` is `é`.
        assert_eq!(
            fix("Le script est exécuе2 au démarrage du système."),
            "Le script est exécuté au démarrage du système."
        );
        assert_eq!(
            fix("Le paquet abandonт2 sera supprimé au démarrage."),
            "Le paquet abandonné sera supprimé au démarrage."
        );
        assert!(super::words::azerty_digit_tail("exécuе2"));
        // No Cyrillic letter, no Latin one, or no French word: a name with
        // a number, a model code.
        for core in ["limit2", "ext2", "еч2", "Ту154", "fooыв2"] {
            assert!(!super::words::azerty_digit_tail(core), "{core}");
        }
    }

    #[test]
    fn a_long_slip_that_tips_a_short_line_is_judged() {
        // The slip holds most of the line's letters; the rest of the line
        // is of the other script.
        assert_eq!(
            fix("файл: jncencndetn имя файла"),
            "файл: отсутствует имя файла"
        );
        assert_eq!(fix("штмфдшв operand of ()+"), "invalid operand of ()+");
        for kept in [
            // A placeholder in capitals, translated.
            "-A, --administrators АДМИН,…",
            // Serbian Latin, re-typed only on the Serbian layout.
            "Пример: alkoholna август 2006.",
            // Another Latin word in the line: Latin text, not one slip.
            "Пример: Пон, 07. alkoholna pića август 2006.",
            // One word of the line's script only.
            "допустимые pyfxtybz: 0.939000, 2.0",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn a_latin_word_that_reads_as_one_does_not_tip_a_short_line() {
        // Real English words no lexicon lists, whose re-typing is a listed
        // Russian word (`суде`, `суку`), in lines a path, a one-letter word
        // or markup leave under 60% Cyrillic: they read like English.
        for kept in [
            "импортировать/объединить ключи celt",
            "celt Арч Д",
            "*не cere оброблено*",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // A slip of four letters reads like nothing, and still tips it.
        assert_eq!(
            fix("і дія_при_конфлікті jlyf з:"),
            "і дія_при_конфлікті одна з:"
        );
        // A slip on the Bulgarian phonetic layout reads like Latin, and
        // still tips a Bulgarian line.
        assert_eq!(fix("Списък на awtorite"), "Списък на авторите");
        // So does a slip of five letters or more that happens to read
        // like English: few English words that long re-type into a word.
        assert_eq!(
            fix("*Връщане на wimetek резултат.*"),
            "*Връщане на успешен резултат.*"
        );
        assert_eq!(fix("gthis Н2 байтів у ФАЙЛ2"), "перші Н2 байтів у ФАЙЛ2");
    }

    #[test]
    fn a_long_slip_beside_other_latin_words_is_judged_by_the_rest_of_the_line() {
        // Without the slip, the line's letters are mostly Cyrillic; with it,
        // under 60%.
        assert_eq!(
            fix("Debian предоставляет ljgjkybntkmyst команды."),
            "Debian предоставляет дополнительные команды."
        );
        assert_eq!(
            fix("Также, есть много полезной ljrevtynfwbb в каталоге /usr/share/doc."),
            "Также, есть много полезной документации в каталоге /usr/share/doc."
        );
        for kept in [
            // Short words of another script beside Latin text stay.
            "Пример: Пон, 07. alkoholna pića август 2006.",
            "Используйте ldi и regs вместе с опцией",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn a_cyrillic_word_from_a_phonetic_layout_that_tips_a_latin_line_is_its_own_spelling() {
        // `Антигуа` is `Antigua` on the Serbian layout, letter for letter:
        // with the rest of its Cyrillic phrase, it is the Cyrillic name.
        for kept in [
            "Antigua and Barbuda: Антигуа и Барбуда",
            "balneology Антигуа Debian и Барбуда",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // A key the layout fills unlike its Latin namesake (`w` is `њ`)
        // spells no name: a slip. So is a letter on a key that types no
        // letter on US QWERTY (`ч` on `;`, AZERTY's `m`), or on `q`
        // (AZERTY's `a`), whatever Latin layout was meant.
        assert_eq!(fix("Open Њиндоњ now"), "Open Window now");
        assert_eq!(
            fix("Ичпоссибле de renommer %s en %s"),
            "Impossible de renommer %s en %s"
        );
        assert_eq!(
            fix("--help     Љффицхе cette aide"),
            "--help     Affiche cette aide"
        );
        // And a slip from a layout that puts no letter on its namesake's
        // key is judged as before.
        assert_eq!(fix("штмфдшв operand of ()+"), "invalid operand of ()+");
    }

    #[test]
    fn a_word_with_a_key_between_its_letters_makes_no_latin_phrase() {
        // `Enter` beside it is a common English word; `yf;vbnt` is no
        // English word at all.
        assert_eq!(
            fix("Чтобы вернуться в меню, введите в приглашении к загрузке и yf;vbnt Enter."),
            "Чтобы вернуться в меню, введите в приглашении к загрузке и нажмите Enter."
        );
    }

    #[test]
    fn a_transliterating_layout_is_not_asked_where_the_lines_letters_rule_its_language_out() {
        // `taka` is `така` (Bulgarian, zipf 6.3) on the Bulgarian phonetic
        // layout, letter for letter: `і` rules Bulgarian out of the line,
        // and the word is the Latin word as written. So is `dla` (`для`
        // from AZERTY on that layout) in a Russian line with `ы`, even in
        // a document that spells `для` elsewhere.
        for kept in [
            "Перевірку пройдено. taka",
            "dla используется для загрузки регистра; вместо неё используйте la\n\
             файл для вывода\n\
             ключ для записи",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // A short Bulgarian line whose letters leave Bulgarian possible
        // keeps its phonetic-layout slip repaired, whatever language it
        // is guessed to be.
        assert_eq!(
            fix("prekaleno много аргументи"),
            "прекалено много аргументи"
        );
        assert_eq!(
            fix("Няма такъв ключ в papkata"),
            "Няма такъв ключ в папката"
        );
    }

    #[test]
    fn a_short_line_its_lexicons_settle_outvotes_a_related_languages_retyping() {
        // Russian lists all four words, Ukrainian two: `s` is `ы` on
        // ЙЦУКЕН, `і` on the Ukrainian layout, and `таблиці` loses.
        assert_eq!(
            fix("файл уже содержит nf,kbws свойств"),
            "файл уже содержит таблицы свойств"
        );
        // Not against a lookalike spelling only a related language lists:
        // the re-typing `куш` does not outvote `кеш`.
        assert_eq!(
            fix("Не включать изображения в кeш"),
            "Не включать изображения в кеш"
        );
    }

    #[test]
    fn a_german_compound_of_listed_words_is_a_word_in_a_german_line() {
        // The lexicon lists `such` and `leiste`, `sicherung` and
        // `methoden`, not the compounds; the slip's `у` and `т` are `e` and
        // `n` on QWERTZ.
        assert_eq!(
            fix("Die Suchleistу wird beim Start des Systems gezeigt."),
            "Die Suchleiste wird beim Start des Systems gezeigt."
        );
        assert_eq!(
            fix("Weitere Sicherungsmethodут werden im Anhang beschrieben."),
            "Weitere Sicherungsmethoden werden im Anhang beschrieben."
        );
        assert_eq!(
            super::german_compound("sicherungsmethoden", true).map(|(_, at)| at),
            Some("sicherungs".len())
        );
        assert_eq!(
            super::german_compound("anmeldebildschirm", true).map(|(_, at)| at),
            Some("anmelde".len())
        );
        // Short strings and spellings with no listed last word are none.
        for lower in ["suchle", "suchleisty", "xqzwvbnmlk"] {
            assert!(super::german_compound(lower, true).is_none(), "{lower}");
        }
        // A lookalike respelling that reads as a compound or a listed
        // word's form is the likelier repair, and a re-typing gets no
        // compound credit against it (`multi`+`bete` for `у` as `e` on
        // ЙЦУКЕН, `direktore`+`rand` for `р` as `r` on the Serbian
        // layout, `direktore` a stem only by the plural `direktoren`).
        for (typed, meant) in [
            (
                "%s:%d: Ungültige Multibуte-Sequenz.",
                "%s:%d: Ungültige Multibyte-Sequenz.",
            ),
            (
                "Ein Direktoрerand kann kein Register sein",
                "Ein Direktoperand kann kein Register sein",
            ),
            (
                "Syntаxfehler, »FOR« erwartet",
                "Syntaxfehler, »FOR« erwartet",
            ),
        ] {
            assert_eq!(fix(typed), meant);
        }
        for lower in [
            "multibyte",
            "syntaxfehler",
            "verschlüsselungstyp",
            "westliches",
        ] {
            assert!(super::reads_as_german_compound(lower), "{lower}");
        }
        for lower in ["suchleisty", "paketlisey", "metadatendatew"] {
            assert!(!super::reads_as_german_compound(lower), "{lower}");
        }
        // Nor against a re-typing the lexicon lists (`eigen`+`schade`
        // came too close to `Eigenschaft` and left the word as typed).
        assert_eq!(
            fix("Die Eigenschaае `height` muss vorhanden sein."),
            "Die Eigenschaft `height` muss vorhanden sein."
        );
        assert!(super::german_compound("direktorerand", true).is_some());
        assert!(super::german_compound("direktorerand", false).is_none());
    }

    #[test]
    fn a_full_stop_inside_a_sentence_is_a_key() {
        // `.` is `ю` on ЙЦУКЕН: the sentence goes on in lower case, so the
        // dot was typed for the word's last letter, not to end it.
        assert_eq!(
            fix("Нажмите на кнопку с помощm. мыши."),
            "Нажмите на кнопку с помощью мыши."
        );
        assert_eq!(
            fix("Откройте меy. и выберите пункт."),
            "Откройте меню и выберите пункт."
        );
        // Before a capital it may end the sentence: `помощь.` stays a
        // rival, and the dot is not taken for a letter.
        assert!(!fix("Нажмите на кнопку с помощm. Мыши нет.").contains("помощью"));
    }

    #[test]
    fn azerty_is_rare_under_a_cyrillic_layout() {
        // In the dirty bench corpus (a Debian manual's Russian line), `sudo,`
        // re-typed from AZERTY for the Serbian layout is `судом`, a word the
        // document uses elsewhere; in a Russian line that pair of layouts is
        // too unlikely for it to decide.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let text = std::fs::read_to_string(root.join("fixtures/bench/dirty.txt")).expect("corpus");
        let context = DocumentContext::from_text(&text);
        let line = text
            .lines()
            .find(|l| l.contains("пакет sudo, позволяющий"))
            .expect("the line");
        assert!(context.count("судом") > 0);
        assert_eq!(stage().apply(line, &context).text, line);
        assert!(azerty_under_cyrillic(("fr", "ru")) > 0.0);
        assert!(azerty_under_cyrillic(("ru", "fr")) == 0.0);
        assert!(azerty_under_cyrillic(("de", "rs")) == 0.0);
    }

    #[test]
    fn us_qwerty_types_spanish_and_dead_keys_count_as_keys() {
        // No Spanish layout is modelled: a US re-typing may be Spanish.
        assert_eq!(
            fix("El programa se уоусгеф cada vez que se inicia el sistema."),
            "El programa se ejecuta cada vez que se inicia el sistema."
        );
        // Four keys, one of them AZERTY's dead circumflex, are no
        // three-letter guess.
        assert_eq!(
            fix("Je ne suis pas ыхгк de vouloir continuer."),
            "Je ne suis pas sûr de vouloir continuer."
        );
    }

    #[test]
    fn a_layout_the_line_rules_out_sets_no_yardstick() {
        // `є` makes the line Ukrainian: the Belarusian `Апаратній` does not
        // make the Ukrainian `Апаратний` look unlikely.
        assert_eq!(
            fix("Fgfhfnybq ключ зберігає всі паролі, і він є надійним."),
            "Апаратний ключ зберігає всі паролі, і він є надійним."
        );
        assert_eq!(sc_of_language("sr"), Some(Sc::Cyrillic));
        assert_eq!(sc_of_language("de"), Some(Sc::Latin));
        assert_eq!(sc_of_language("el"), Some(Sc::Greek));
    }

    #[test]
    fn a_mixed_word_whose_best_reading_is_a_retyping() {
        // No lexicon lists `кратно`, but it reads as Russian, and a word
        // that mixes scripts is no reading of itself.
        assert_eq!(
            fix("Программа работает кратнj быстрее, чем раньше."),
            "Программа работает кратно быстрее, чем раньше."
        );
        // A lookalike respelling no lexicon knows still needs the full
        // confidence (`Sprachausgabр` could be `Sprachausgabp`).
        let line = "Die Sprachausgabр ist ziemlich leise.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn an_unknown_rival_counts_half_against_a_known_retyping() {
        // `c` is `ъ` on the Bulgarian layout (UDHR, article 16): the
        // lexicon knows `съпрузи`; the lookalike respelling `сспрузи` only
        // reads like a word.
        assert_eq!(
            fix("и пълно съгласие на бъдещите сcпрузи."),
            "и пълно съгласие на бъдещите съпрузи."
        );
    }

    #[test]
    fn a_half_typed_on_the_other_layout_is_no_lookalike_of_the_other_script() {
        // `ву` is `de` typed on ЙЦУКЕН: `code` is an English word, so the
        // Russian respelling `сову` of the Latin half counts half.
        let line = "containing an error coву and a terse error message";
        assert_eq!(fix(line), line.replace("coву", "code"));
        // `e` is `е` on the Bulgarian layout: the Latin respelling `ce`
        // competes no more (a real catalogue line).
        assert_eq!(
            fix("за да сe изключат съответните управляващи знаци."),
            "за да се изключат съответните управляващи знаци."
        );
        // The Serbian layout transliterates: `POLE` typed on it is no slip,
        // and `ПOЛE` stays the Cyrillic word its letters show.
        assert_eq!(
            fix("San ПOЛE Pedro de Macorís"),
            "San ПОЛЕ Pedro de Macorís"
        );
    }

    #[test]
    fn an_unknown_rival_on_a_rarer_pair_of_layouts_counts_half() {
        // `jd` is `ов` on ЙЦУКЕН, `та` on the Bulgarian layout (a rarer
        // pair): neither `макросов` nor `макроста` is listed.
        assert_eq!(
            fix("Допустимые имена макросjd перечислены в ISO C 99, раздел 7.8.1."),
            "Допустимые имена макросов перечислены в ISO C 99, раздел 7.8.1."
        );
        // Not away from the line's script, nor a letter glued before a word.
        for line in [
            "Колькасьць прасторы паміж двума Photoshopы суседнімі радкамі.",
            "метка домена Oracleы больше 63 символов",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_keyed_word_is_judged_whatever_options_the_line_quotes() {
        // `;` is `ч` and `w` `њ` on the Serbian layout: options make the
        // line's letters half Latin, its text is Serbian.
        assert_eq!(
            fix("Нема ograni;ewa за ДАТОТЕКЕ када је --from-file или --to-file."),
            "Нема ограничења за ДАТОТЕКЕ када је --from-file или --to-file."
        );
        // Two words glued by a key re-type into no word: they stay.
        let line = "--copy-contents   умножава садржај streja;lakirer датотека када су дубинске";
        assert_eq!(fix(line), line);
        // A run of fewer than three letters is an identifier or an
        // abbreviation, whatever it re-types into (`лёт`, `Ибо`).
        for line in [
            "Не ўдалося злучыцца: k`n --format=%s --format=%s",
            "$HOME/.config/app /usr/share/doc/ --ignore-case Использую B,j индекс для реконструкции базового дерева...",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_lookalike_only_another_language_writes_loses_to_a_word_of_the_line() {
        // `e` is `у` on the Ukrainian layout: `виду` is Ukrainian, the
        // lookalike respelling `виде` only Russian, and `ї` makes the line
        // Ukrainian.
        assert_eq!(
            fix("Це залежить від видe програми, яку ви встановили."),
            "Це залежить від виду програми, яку ви встановили."
        );
        // In a Russian line both are Russian words: no way to tell.
        let line = "Данные выводятся в видe таблицы на экране.";
        assert_eq!(fix(line), line);
        // A line whose letters do not settle its language is not judged
        // so on a guess: this Serbian one, whose only `ј` was typed Latin,
        // reads as Bulgarian, where the lookalike respelling `је` is no
        // word; it must not become the Latin `je`.
        let line = "лош ред j\u{435} занемарен";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_retyping_only_another_language_lists_loses_to_a_word_of_the_line() {
        // `ds` is `ві` on the Ukrainian layout and `вы` on the Belarusian
        // one: `нові` is Ukrainian only, and `ў`-less `і` with `ы` makes
        // the line Belarusian, whose word is `новы`.
        assert_eq!(
            fix("Націсніце Зроблена, каб стварыць гэты ноds профіль."),
            "Націсніце Зроблена, каб стварыць гэты новы профіль."
        );
        // The same for a whole word: `працы`, not the Ukrainian `праці`.
        assert_eq!(
            fix("Няма праграм, зарэгістраваных для ghfws з гэтым файлам"),
            "Няма праграм, зарэгістраваных для працы з гэтым файлам"
        );
    }

    #[test]
    fn a_listed_retyping_of_the_lines_language_need_not_read_well() {
        // `опции` and `Џејмс` read poorly to the letter-bigram models, but
        // their lexicons list them, on a layout of the line's language.
        assert_eq!(
            fix("противоречиви fm[rr за размера на табулацията"),
            "противоречиви опции за размера на табулацията"
        );
        assert_eq!(
            fix("Написали су Мајк Паркер, Xejms Јангмен и Пол Егерт."),
            "Написали су Мајк Паркер, Џејмс Јангмен и Пол Егерт."
        );
        // Not a word only another language lists: `re[b` typed on ЙЦУКЕН
        // is `кухи`, which only the Bulgarian list knows, in a Russian line.
        let line = "Расстояние между кнопками re[b перемещения и указателем";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_listed_retyping_beats_an_unknown_lookalike_respelling() {
        // A Latin `p` in a Serbian word: its lookalike respelling `скрирте`
        // is no word, `p` on the Serbian layout gives `скрипте`, which is.
        assert_eq!(
            fix("Проверава да ли има грешака синтаксе у датотеке подешавања скриpте ГРУБ-а."),
            "Проверава да ли има грешака синтаксе у датотеке подешавања скрипте ГРУБ-а."
        );
        // A re-typing that swallows the comma after the word (`стоим`) is
        // no rival to one of the word alone (`стои`).
        assert_eq!(
            fix("Изворът на всяко величие във волята стoi, не във външното отличие."),
            "Изворът на всяко величие във волята стои, не във външното отличие."
        );
    }

    #[test]
    fn a_rare_word_alone_that_retypes_into_a_common_one() {
        // `шые` is a Belarusian verb, `thw` a German acronym, `bey` a title:
        // alone in a line of another script they are its commonest words.
        assert_eq!(
            fix("Шые das wirklich so einfach, wie es aussieht?"),
            "Ist das wirklich so einfach, wie es aussieht?"
        );
        assert_eq!(
            fix("Η αρχή thw εβδομάδας ήταν πολύ δύσκολη για όλους."),
            "Η αρχή της εβδομάδας ήταν πολύ δύσκολη για όλους."
        );
        assert_eq!(
            fix("Bey обзира на то, посао је завршен на време."),
            "Без обзира на то, посао је завршен на време."
        );
        // Names and commands with a word beside them in their script stay,
        // and so do common words of the script typed.
        for line in [
            "Der Dichter Вук Караџић hat das Serbische reformiert.",
            "Нажмите кнопку Fix, затем Set и Get.",
            "Установите пакет fmt и утилиту sed, затем awk.",
            "Η εταιρεία Box έχει γραφείο στην Αθήνα.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_belarusian_closed_class_word_typed_on_latin_keys() {
        // Belarusian has no frequencies: its commonest words counted as
        // rare ones (3.0), too rare for a slip of three letters, until its
        // closed classes got a tier of their own (`tables::zipf`).
        for (line, want) in [
            (
                "Не страцьце свае дадаткі ghs абнаўленні з Windows 10.",
                "Не страцьце свае дадаткі пры абнаўленні з Windows 10.",
            ),
            (
                "Паспрабуйце прымацаваць іх, каб zys заставаліся ў верхняй частцы.",
                "Паспрабуйце прымацаваць іх, каб яны заставаліся ў верхняй частцы.",
            ),
            (
                "Пераканайцеся, што ён адпавядае месцу, lpt вы ўваходзіце.",
                "Пераканайцеся, што ён адпавядае месцу, дзе вы ўваходзіце.",
            ),
        ] {
            assert_eq!(fix(line), want);
        }
    }

    #[test]
    fn the_belarusian_tier_counts_only_where_belarusian_may_be() {
        // The tier is assumed: a line whose letters rule Belarusian out
        // (`и` here) gets none of it (the reviewer's probe: `rels` became
        // `куды` in a Russian line).
        for line in [
            "Папка rels в архиве документа",
            "Каталог rels содержит связи",
        ] {
            assert_eq!(fix(line), line);
        }
        // Where the letters leave Belarusian, the tier counts (a Ukrainian
        // line's `і` and `ь` are Belarusian letters too).
        assert_eq!(fix("Збережіть nsv у папці"), "Збережіть тым у папці");
    }

    #[test]
    fn a_common_bulgarian_word_typed_on_the_phonetic_layouts_latin_keys() {
        // `Kogato` opens the sentence and `ili` is Serbian Latin too, but
        // a line with `ъ` is no Serbian one: both are Bulgarian typed with
        // the phonetic layout switched to Latin.
        assert_eq!(
            fix("Kogato слънцето изгрее, ще тръгнем към планината."),
            "Когато слънцето изгрее, ще тръгнем към планината."
        );
        assert_eq!(
            fix("Ще дойда в събота ili в неделя, ако бъде възможно."),
            "Ще дойда в събота или в неделя, ако бъде възможно."
        );
        for line in [
            // A name inside the sentence; a Serbian line, which writes
            // either alphabet; an English word.
            "Играта от Sega излезе на пазара през зимата на същата година.",
            "Sega пусна нова игра през същата година.",
            "Ово је test ili пример за Србију.",
            "Търсене на ili ne в списъка на пакетите.",
            "Той каза: Sega ще бъде първа.",
            "Натиснете бутона next, за да продължите към следващата стъпка.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn a_bulgarian_slip_pays_no_rarity_of_the_phonetic_layout() {
        // `подвиг` and `горд` are listed at zipf 3.4 and 3.7: with the
        // phonetic layout's rarity charged they scored under the bar.
        assert_eq!(
            fix("Страданието издига човека над звяра, защото го събужда за героизъм, за podwig, за жертва."),
            "Страданието издига човека над звяра, защото го събужда за героизъм, за подвиг, за жертва."
        );
        assert_eq!(
            fix("Само глупавият има право да бъде gord."),
            "Само глупавият има право да бъде горд."
        );
        for line in [
            // Half the slip (`стори[`) is no repair; an English word.
            "Лесно е да говориш, мъчно е да го stori[.",
            "Натиснете бутона cancel, за да се върнете към предишната стъпка.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn a_bulgarian_slip_was_typed_on_qwerty() {
        // AZERTY would make `cenq` `цена` and `wolq` `зола`; a Bulgarian
        // typist's Latin layout is QWERTY: `ценя`, `воля`.
        assert_eq!(
            fix("Аз cenq живота на човека не по годините, а по изпълнения дълг."),
            "Аз ценя живота на човека не по годините, а по изпълнения дълг."
        );
        assert_eq!(
            fix("Където има wolq, там има и път към целта."),
            "Където има воля, там има и път към целта."
        );
        // A French line is no Bulgarian one.
        let line = "Il faut cenq fois le répéter.";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_bulgarian_line_without_the_hard_sign_is_no_serbian_one() {
        // No `ъ`, but `я` and `й`, which Serbian lacks, and no `ы`, `э`,
        // `ё`, `і`: Bulgarian typed with the phonetic layout on Latin.
        assert_eq!(
            fix("Най-добрите politici са онези, които са се предали в служба на народа безкористно, искрено и всецяло."),
            "Най-добрите политици са онези, които са се предали в служба на народа безкористно, искрено и всецяло."
        );
        for line in [
            // Russian lines with `я`, `й` (read as Russian, or holding
            // `ы`); a Ukrainian one (`і`); a Serbian one; a name inside
            // the sentence.
            "Настройка naroda для ядра Linux.",
            "Папка naroda лежит в каталоге.",
            "Це nauka про мову і її історію.",
            "Ово је nauka и пример за Србију.",
            "Играта от Nauka излезе на пазара през зимата на същата година.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn serbian_latin_claims_no_word_of_a_bulgarian_line() {
        // `turci` and `napada` are Serbian Latin words, but Serbian never
        // writes the line's `ъ`: its listing is the Bulgarian word's
        // letter-for-letter spelling, which claims the word no more than
        // an unlisted one.
        assert_eq!(
            fix("Българи, turci, евреи и прочее ще бъдат равноправни във всяко отношение."),
            "Българи, турци, евреи и прочее ще бъдат равноправни във всяко отношение."
        );
        assert_eq!(
            fix("Мръсен и нечист народ се е настанил отвъд Дунав и napada близките земи."),
            "Мръсен и нечист народ се е настанил отвъд Дунав и напада близките земи."
        );
        for line in [
            // A Serbian line; a name inside the sentence.
            "Ово је napada и пример за Србију.",
            "Пакетът от Turci излезе на пазара през зимата на същата година.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn a_listed_bulgarian_word_typed_on_the_phonetic_layouts_latin_keys() {
        // Not among the commonest words, and read as Latin (no `q w y`), but
        // listed in Bulgarian and in no Latin language but Serbian, in a
        // line with `ъ`: Bulgarian typed with the phonetic layout on Latin.
        assert_eq!(
            fix("Добрите политици са онези, които са се predali в служба на народа, без да търсят слава."),
            "Добрите политици са онези, които са се предали в служба на народа, без да търсят слава."
        );
        assert_eq!(
            fix("Няма изкуство за изкуството, както няма nauka за самата наука в тъмното."),
            "Няма изкуство за изкуството, както няма наука за самата наука в тъмното."
        );
        for line in [
            // An English word; a name inside the sentence; a Serbian line.
            "Натиснете бутона cancel, за да се върнете към предишната стъпка.",
            "Пакетът от Nauka излезе на пазара през зимата на същата година.",
            "Ово је nauka и пример за Србију.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn a_listed_word_of_the_line_needs_to_read_only_somewhat_better() {
        // The apostrophe of `n'rcn` reads like an English one; `тэкст` is a
        // listed Belarusian word, on the Belarusian layout, in a Belarusian
        // line (the dev set's); the others are real gettext lines with a
        // slip typed in.
        assert_eq!(
            fix("Калі ласка, улучыце n'rcn, каб дадаць элемент."),
            "Калі ласка, улучыце тэкст, каб дадаць элемент."
        );
        assert_eq!(
            fix("Модуль ddjle, що використовується"),
            "Модуль вводу, що використовується"
        );
        // A rival typed on AZERTY does not rise with it (`макет`).
        assert_eq!(
            fix("Следният mduej е бил инсталиран автоматично и вече не е необходим:"),
            "Следният пакет е бил инсталиран автоматично и вече не е необходим:"
        );
        // Not on a layout that transliterates (the Serbian one types
        // `агентин` as `agentin`), nor for a span letters are glued to
        // (`rp/,dkrje` is `избраните`; `/,dkrje` alone would leave
        // `гр` glued to `браните`: the chunk is re-typed whole or not at
        // all, see `a_chunk_the_bulgarian_layout_types_with_its_slash_is_one_word`).
        let line = "impossible de verrouiller агентин HEAD";
        assert_eq!(fix(line), line);
        let glued =
            fix("Извеждане на rp/,dkrje части от редовете на всеки ФАЙЛ на стандартния изход.");
        assert!(!glued.contains("грбраните"), "{glued}");
        assert!(!glued.contains("rp"), "{glued}");
    }

    #[test]
    fn a_compound_part_retyped_into_a_word_of_the_other_part_is_no_brand() {
        // A piece of a two-script hyphen compound that re-types into a word
        // of the other piece's language (`ir.kf` is `силно` beside `по`,
        // `думуд` `level` beside `higher`) is a slip, not an inflected
        // brand; a name and an ending or a word of the line stay.
        for (line, want) in [
            (
                "В природата на злото е да усещаме по-ir.kf и да помним по-дълго време.",
                "В природата на злото е да усещаме по-силно и да помним по-дълго време.",
            ),
            (
                "But there are advantages to using a higher-думуд interface based on SQL.",
                "But there are advantages to using a higher-level interface based on SQL.",
            ),
            (
                "Компьютер-шлюз должен быть подключён к сети, где есть cthdth-зеркало Debian.",
                "Компьютер-шлюз должен быть подключён к сети, где есть сервер-зеркало Debian.",
            ),
        ] {
            assert_eq!(fix(line), want);
        }
        for line in [
            "Установите Debian-пакет из репозитория.",
            "Откройте web-сайт проекта.",
            "Запишите iso-образ на флешку.",
            "На экране iPhone-а видно окно.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_compound_part_that_reads_like_nothing_is_no_brand() {
        assert_eq!(
            fix("The куфв-only mode is set by the -r flag."),
            "The read-only mode is set by the -r flag."
        );
        assert_eq!(
            fix("Starten Sie danach den Boot-Ьфтфпук neu."),
            "Starten Sie danach den Boot-Manager neu."
        );
        // Inflected brands and tools stay: their parts read as words.
        for line in [
            "Установите Wi-Fi-адаптер и перезапустите systemd-сервис.",
            "Новая Xbox-консоль и nginx-сервер работают, а zsh-скрипт нет.",
            "Мы использовали mdadm-массив и lvm-том на btrfs-разделе.",
            "Der Autor Пётр-Иван hat das geschrieben.",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_letter_the_line_never_writes_loses() {
        // `ј` and `љ` make the line Serbian, which has no `і`: the `i` key
        // was typed for `и`, not as a lookalike of the Ukrainian letter.
        assert_eq!(
            fix("Ово је основнi део програма који људи често користе."),
            "Ово је основни део програма који људи често користе."
        );
        // `ъ` rules out Serbian: `j` is `т` on BDS, not Serbian `ј`.
        assert_eq!(
            fix("Това е най-хубавият живоj, който съм виждал някога."),
            "Това е най-хубавият живот, който съм виждал някога."
        );
        assert_eq!(
            possible_languages("Това съм аз", Sc::Cyrillic),
            ["ru", "bg"]
        );
        assert_eq!(possible_languages("Вук и Јован", Sc::Cyrillic), ["sr"]);
        // Letters no single language writes together rule out none.
        assert_eq!(possible_languages("ўјъ", Sc::Cyrillic).len(), 5);
    }

    #[test]
    fn french_elision_reads_as_the_word_after_it() {
        // AZERTY's `4` key is the apostrophe: `d'autre`, `l'aide`.
        assert_eq!(
            fix("Nous n'avons pas trouvé в4йгеку solution pour le moment."),
            "Nous n'avons pas trouvé d'autre solution pour le moment."
        );
        assert_eq!(
            fix("Consultez la page de manuel pour obtenir д4йшву sur cette commande."),
            "Consultez la page de manuel pour obtenir l'aide sur cette commande."
        );
    }

    #[test]
    fn legitimately_mixed_text_stays() {
        for line in [
            "Я купил iPhone-ом и Су-35 на https://example.com/путь сегодня.",
            "Новая Windows-версия вышла в XXI веке, при Петре I.",
            "Пишите на user@mail.ru или @sergey, тег #шойгу.",
            "Ово је test за Србију.",
            "Используйте параметр -l или --zone, см. «F» и 'no'.",
            "Установите Debian GNU/Linux на ноутбук Mac.",
            "Файл отчёт.docx лежит в /usr/share/doc.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    fn makes_symbols(line: &str, out: &str) -> bool {
        Symbols::of(out).more_than(&Symbols::of(line))
    }

    #[test]
    fn short_lines_of_names_and_transliterations_stay() {
        // Real translated strings (gettext catalogues of Debian packages):
        // place names, terms transliterated into Cyrillic, short phrases.
        for line in [
            "с завершающим нулем",
            "фанг (Камерун)",
            "Луар і Шэр",
            "шалл-звалл",
            "Монт Бакстон",
            "Аин Дефла",
            "Неисправан ДНС ТТЛ",
            "хтмл садржалац",
            "Алт+Ктрл",
            "Jawa Barat",
            "Wadi Fira",
            "Ede Ije",
            "Aja (Benin)",
            "West-Krahn",
            "%13lld tics cpu IRQ soft",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // Slips still are slips, short or not.
        assert_eq!(fix("ghbdtn vbh"), "привет мир");
        assert_eq!(fix("руддщ цщкдв"), "hello world");
        assert!(makes_symbols("фанг (Камерун)", "fang )Kamerun="));
        assert!(makes_symbols("с завершающим", "s yawerüa#+im"));
        assert!(makes_symbols("Луар і Шэр", ":wd, і Tv,"));
        assert!(makes_symbols("шалл-звалл", "td..-pld.."));
        assert!(!makes_symbols("ghbdtn, rfr ltkf?", "привет, как дела?"));
        assert!(!makes_symbols("Руддщб цщкдвю", "Hello, world."));
        assert_eq!(glued_punctuation("z.B. read-only e.g."), 0);
    }

    #[test]
    fn a_capitalised_latin_name_inside_a_cyrillic_sentence_stays() {
        // `Tor` reads letter for letter as Serbian `Тог`, but `тог` ("that")
        // is not written with a capital inside a sentence: the capital makes
        // it a name.
        for line in [
            "Инсталирајте пакет Tor на рачунар.",
            "Програм Tor је доступан за преузимање.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // Where the capital opens the sentence, the lookalike word is still
        // the word.
        assert_eq!(
            fix("He постоји НИКАКВА ГАРАНЦИЈА, у оквирима дозвољеним законом."),
            "Не постоји НИКАКВА ГАРАНЦИЈА, у оквирима дозвољеним законом."
        );
        assert!(opens_sentence("- Ha", 2));
        assert!(opens_sentence("Напомена: He", "Напомена: ".len()));
        assert!(!opens_sentence("пакет Tor", "пакет ".len()));
    }

    #[test]
    fn a_latin_word_with_an_ending_of_the_line_is_inflected_not_mistyped() {
        // Gettext lines (the reviewer's session-18 probe) where a Latin
        // word carries a case ending of the line's language glued on: no
        // `Windowss`, `updatere`, `driversd`, `Oraclefo`, `Gita`, `commita`
        // or `Excela`.
        for line in [
            "Пакет содержит Windowsы полную историю.",
            "Неверное имя класса serverы знаков",
            "Установлено, если принтер updateку принимает новые задания",
            "Вказано driverів порожню назву схеми",
            "СХЕМА[:ШЛЯХ] КЛЮЧ Oracleаў ЗНАЧЭННЕ",
            "ПАМЫЛКА Gitа ДЫНАМІЧНАГА ЛІНКЕРА!!!",
            "Това прави commitа двоичните",
            "Най-голямата Excelа възможна стойност за „позиция“",
            "мрежов Perlа специален файл",
            "Неправилна високосна fileа година",
            // Serbian endings (the reviewer's session-18 fresh probe, real
            // catalogue lines): no `providera`, `Gmaila`, `Vibera`,
            // `threade`, `tablete`.
            "БРОЈ providerа бајта сваке датотеке",
            "Датотека извоза је Gmailа створена",
            "Међумеморија Viberа аргумента је премала",
            "Кореја, Демократска threadе Народна Република",
            "ШАБЛОН\tШаблон који наводи tabletу тему помоћи",
            "Направи у Ethernetе _фасцикли:",
            // A stem outside the 20,000 commonest English words that the
            // extended English list holds is a stem too: no `pluginfo`,
            // `kilos`, `beecha`, `bleacheda`.
            "вычарпана абмежаваньне pluginаў на час ЦП",
            "Дэмакратычная Сацыялістычная Рэспубліка kiloы Шры-Ланка",
            "откриване на разликите между архива и beechа файловата система",
            "Для bleachedа вас есть почтовые сообщения.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // Such a stem (`sho`) loses to a repair English writes more often
        // (`shore`), and a stem only French lists (`tenu`) is none: the
        // slip is repaired.
        assert_eq!(
            fix("не shoку удалось переместиться во временном файле"),
            "не shore удалось переместиться во временном файле"
        );
        // A capitalised stem no lexicon lists is a name, unless English
        // lists the repair: `Oraclу` is `Oracle` with its `e` typed on
        // ЙЦУКЕН.
        assert_eq!(
            fix("Установите Oraclу на сервер."),
            "Установите Oracle на сервер."
        );
        // A repair English writes more often than the stem is the word:
        // `codе`, a lookalike `е`, is `code`, no `cod` inflected.
        assert_eq!(
            fix("Введите codе подтверждения из письма."),
            "Введите code подтверждения из письма."
        );
        // Not an English inflection of the stem, however common: `ы` and
        // `і` sit on the `s` key.
        for line in [
            "Включить techniqueы комбинации клавиш",
            "не techniqueі вдалося прочитати",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // The document may spell the repair: `NOPы` is `NOPs`.
        let doc = "вставлять NOPs в код\nне предупреждать/ вставлять NOPы";
        let r = stage().apply(doc, &DocumentContext::from_text(doc));
        assert_eq!(r.text, doc.replace("NOPы", "NOPs"));
        // In a Latin line the ending is no ending: `Sergeн` is `Sergey`.
        let doc = "Sergey Shoigu spoke. Later Sergeн Shoigu left. Sergey Shoigu returned.";
        let r = stage().apply(doc, &DocumentContext::from_text(doc));
        assert_eq!(r.text, doc.replace("Sergeн", "Sergey"));
    }

    #[test]
    fn a_short_lookalike_must_be_a_common_word() {
        // Real lines from the gettext catalogues (coreutils, binutils,
        // mutt): `cp`, `cc`, `ror` and `pac` are a command, a header, an
        // instruction and an option; their lookalike spellings `ср`, `сс`,
        // `гог` and `рас` are rare words at best.
        for line in [
            "Как исключение, cp создает резервную копию ИСТОЧНИКА, если заданы",
            "(body) Добавление cc: %s со строки «%s»",
            "ror #imm не поддерживается",
            "підтримки ror #imm не передбачено",
            "-z pac-plt                    захистити PLT за допомогою розпізнавання вказівників.",
            "Tor не работает",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // The commonest words still are (`су` is Serbian even where
        // whatlang hears Bulgarian).
        assert_eq!(
            fix("Написали cy Пете ТерМат и Роланд Хуебнер."),
            "Написали су Пете ТерМат и Роланд Хуебнер."
        );
        assert_eq!(
            fix("Bop может получить физический доступ к жёсткому диску."),
            "Вор может получить физический доступ к жёсткому диску."
        );
        assert!(common_short_word("со", Some("ru"), &["ru"]));
        assert!(!common_short_word("ср", Some("ru"), &["ru", "uk", "bg"]));
        assert!(common_short_word("су", Some("bg"), &["bg", "sr"]));
        assert!(!common_short_word("тог", Some("ru"), &["ru", "sr"]));
        // Four letters and more are long enough to be words by themselves.
        assert!(common_short_word("сорт", Some("ru"), &["ru"]));
    }

    #[test]
    fn a_word_of_the_lines_own_foreign_vocabulary_stays() {
        // Real lines from the gettext catalogues (binutils `gas` ru and uk,
        // `ld` sr, coreutils bg, wget ru): an instruction one letter from a
        // format specifier (`ldf`, `%ld`), a register next to its sibling
        // (`ivtp`, `tvtp`), an option glued to a Latin word (`pac-plt`), a
        // time zone mixing scripts (`EЕТ`), a name next to its plural
        // (`fd`, `fds`). Their re-typings `два`, `емез` and lookalikes
        // `рас`, `ЕЕТ` are not what was written.
        for line in [
            "Непосредственное значение %ld слишком велико для ldf",
            "Стале значення %ld є надто великим для ldf",
            "Регистром должен быть ivtp или tvtp",
            "-z pac-plt                                 Штити „PLT“-ове потврђивањем идентитета показивача.",
            "%c   дата и час според локала (напр. „сб ное  4 12:02:33 EЕТ 1989“)",
            "Слишком много открытых fds. Невозможно использовать select для fd >= %d",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // A slip far from any such word is still one, and an acronym whose
        // lookalike respelling is a known word is still respelled.
        assert_eq!(
            fix("Он сказал ghbdtn и ушёл, а ldf раза повторил."),
            "Он сказал привет и ушёл, а два раза повторил."
        );
        assert_eq!(fix("Страна: CША"), "Страна: США");
        assert!(one_letter_apart("ldf", "ld"));
        assert!(one_letter_apart("tvtp", "ivtp"));
        assert!(!one_letter_apart("ldf", "dl"));
        assert!(!one_letter_apart("ab", "ac"));
        assert!(!one_letter_apart("tvtp", "iv"));
    }

    #[test]
    fn a_short_word_written_as_a_term_stays() {
        // Real lines from the gettext catalogues (binutils `bfd` uk, a label for
        // a value; bash sr, a usage placeholder): their lookalikes `per`
        // and `apr` are not what was written.
        for line in [
            "(рег: %u, disp: %u, indir: %u, тип:",
            "command [-pVv] command [арг ...]",
            // (iptables bg, with a Latin word beside it that makes the
            // line Latin; an abbreviation labelling a value.)
            "libxtables [ арг... ]",
            "Арг.: Teleology",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        assert!(written_as_term("(рег: %u, disp", 1, 7));
        assert!(written_as_term("[арг ...]", 1, 7));
        assert!(written_as_term("[ арг... ]", 2, 8));
        assert!(written_as_term("Арг.: x", 0, 6));
        assert!(written_as_term("<арг>", 1, 7));
        // A word opening a bracketed phrase, or after a value, is no term.
        assert!(!written_as_term("[арг и ещё]", 1, 7));
        assert!(!written_as_term("%s: рег", 4, 10));
        assert!(is_format_spec("%-8ld,"));
        assert!(!is_format_spec("%%"));
        assert!(!is_format_spec("%uz"));
        // A spoof elsewhere in such lines still is one.
        assert_eq!(
            fix("%s: He удалось открыть файл"),
            "%s: Не удалось открыть файл"
        );
    }

    #[test]
    fn a_latin_word_whose_lookalike_spelling_is_rare_stays() {
        // `pacy` spells `расу` (zipf 3.0): too rare a form for a spoof.
        for kept in [
            "-предупреждение, pacy возможно вам потребуется повторно разрешить",
            "ограничения внешнего ключа для сторонних таблиц pacy не поддерживаются",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // A spoof of a word readers know is undone (`Вор`, zipf 4.0), and
        // so is the rare form where the document spells it.
        assert_eq!(
            fix("Bop может получить физический доступ к диску."),
            "Вор может получить физический доступ к диску."
        );
        let line = "Он увидел pacy людей.";
        let document = DocumentContext::from_text("Он увидел расу людей.\nОн увидел pacy людей.");
        assert_eq!(stage().apply(line, &document).text, "Он увидел расу людей.");
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_lookalike_spelling_only_an_extended_lexicon_lists_is_judged() {
        // `строка` is listed only in the extended Russian lexicon (zipf
        // 3.5): the gate passes its spoof to the judge, which takes it.
        assert_eq!(
            fix("Не удалось открыть CTPOKA для чтения."),
            "Не удалось открыть СТРОКА для чтения."
        );
        // A rarer reading still stays (`pacy`, `расу` at 3.0).
        let kept = "ограничения внешнего ключа для сторонних таблиц pacy не поддерживаются";
        assert_eq!(fix(kept), kept);
    }

    #[test]
    fn a_rare_form_of_a_common_word_in_lookalikes_is_a_spoof() {
        // `ресурсе` is listed at zipf 3.0, `ресурс` at 4.0.
        assert_eq!(
            fix("Не удалось произвести позиционирование в pecypce."),
            "Не удалось произвести позиционирование в ресурсе."
        );
        // `расу`: too short to take a stem from.
        let kept = "-предупреждение, pacy возможно вам потребуется повторно разрешить";
        assert_eq!(fix(kept), kept);
    }

    #[test]
    fn a_greek_word_in_capitals_reads_with_its_dropped_tonos() {
        // A real Greek catalogue line, its placeholder `ΑΡΧΕΙΟ` ("FILE")
        // in Latin lookalikes: capitals drop the tonos of `αρχείο`.
        assert_eq!(
            fix("Αν ένα APXEIO είναι «-», τότε ανάγνωση από την τυπική είσοδο."),
            "Αν ένα ΑΡΧΕΙΟ είναι «-», τότε ανάγνωση από την τυπική είσοδο."
        );
        // An acronym in capitals stays.
        let kept = "Το σύστημα BIOS δεν βρέθηκε στο δίσκο.";
        assert_eq!(fix(kept), kept);
    }

    #[test]
    fn a_short_unlisted_word_in_capitals_beside_capitals_is_a_spoof() {
        // An SQLite manual sentence, `KEY` in Greek lookalikes beside the
        // line's own words in capitals.
        assert_eq!(
            fix("A PRIMARY ΚΕΥ column only becomes an integer primary key if the declared type name is exactly \"INTEGER\"."),
            "A PRIMARY KEY column only becomes an integer primary key if the declared type name is exactly \"INTEGER\"."
        );
        // Without words in capitals it is an acronym; and a listed Cyrillic
        // acronym stays beside them.
        for kept in [
            "Your system has the ΚΕΥ installed.",
            "The PRIMARY СОМ port is used.",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn exotic_lookalikes_in_an_option_or_a_compound_are_a_spoof() {
        // Real catalogue lines (dpkg, apt, PostgreSQL, GStreamer) with one
        // word respelled in Cyrillic lookalikes, among them letters no
        // language of the script writes (`һ ӏ ԝ ѕ`): inside an option, a
        // hyphenated compound or a chunk with digits they are as much a
        // spoof as between spaces.
        for (spoofed, right) in [
            (
                "Use --һеӏр para obtener información del uso de este programa.",
                "Use --help para obtener información del uso de este programa.",
            ),
            (
                "Des paquets ont été rétrogradés et -y a été employé sans --аӏӏоԝ-downgrades.",
                "Des paquets ont été rétrogradés et -y a été employé sans --allow-downgrades.",
            ),
            (
                "Le serveur est-іӏ en cours d'exécution ?",
                "Le serveur est-il en cours d'exécution ?",
            ),
            (
                "Le client a sélectionné SCRAM-ЅНА-256-PLUS, mais le message SCRAM n'inclut pas de données de channel-binding.",
                "Le client a sélectionné SCRAM-SHA-256-PLUS, mais le message SCRAM n'inclut pas de données de channel-binding.",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
        // An address is a link whose target is its letters: it stays, and
        // an option of ordinary Cyrillic letters stays protected. Kazakh,
        // Mongolian and Tatar write `ү`: their words in a path or an
        // identifier (`үс` hair, `үсу`, `хүс`, `АҮК`, `сүрі`), an option or
        // a compound (`сорсү`, `үер` earth, `үе`) stay (the reviewer's
        // probes of real de/fr/es lines, session 26).
        for kept in [
            "Die Seite https://раураӏ.example.com ist nicht erreichbar.",
            "Use --ехес para obtener información del uso de este programa.",
            "Die Datei /srv/үс/data.csv wurde nicht gefunden.",
            "los operandos C:\\Users\\АҮК\\Documents no son reducibles en el momento del ensamblado",
            "Las sumas de verificación en ~/хүс/ páginas de datos han sido activadas.",
            "Setze $сүрі frozenxid und minmxid im neuen Cluster",
            "Le dépôt n'a pas les C:\\Users\\үе\\Documents blobs nécessaires.",
            "Use --сорсү para obtener información del uso de este programa.",
            "Le domaine --үер n'est pas délimité",
            "mehrere COLLATE-Klauseln sind ҮЕР-256 nicht erlaubt",
            "se Kazakh-үе descarta la opción seccional",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn a_russian_line_of_bulgarian_letters_is_no_bulgarian_one() {
        // Real Russian and Ukrainian catalogue lines with `щ ю я й` and no
        // `ы ь э ё і ї є`, and a real Croatian or Czech word put in that the
        // Bulgarian phonetic layout would type a Bulgarian word with: the
        // lexicons read the lines as Russian or Ukrainian, so the word
        // stays (the reviewer's probe, session 26).
        for kept in [
            "Текущая globalni страница",
            "Ориентация srebro панели уведомлений",
            "Отсутствует тип отношения republika предиката",
            "Неподходящий тип или platforma формат файла",
            "Некоректна часова peto позначка файла",
        ] {
            assert_eq!(fix(kept), kept);
        }
        assert!(!bulgarian_by_lexicons("Текущая globalni страница"));
        assert!(bulgarian_by_lexicons(
            "Най-добрите politici са онези, които са се предали в служба на народа безкористно, искрено и всецяло."
        ));
    }

    #[test]
    fn a_gloss_beside_its_latin_spelling_is_left_alone() {
        // Real names with their Cyrillic spelling in parentheses, as
        // encyclopaedias write them: the Serbian layout puts Cyrillic
        // letters on their Latin namesakes' keys, so `Токмок` re-typed on
        // it is `Tokmok`, but that the line writes `Tokmok` too makes it a
        // gloss, not a slip; nor is `Каре` a spoof of `Kape` (the
        // reviewer's probes, session 27).
        for kept in [
            "Tokmok (Kyrgyz: Токмок) is a town.",
            "Ulaanbaatar (Mongolian: Улаанбаатар) is the capital.",
            "The name Hradec (Храдец) is common.",
            "Pejovski (Serbian Cyrillic: Пејовски) is a Serbian surname.",
            "Kare (Serbian: Каре) is a town in Serbia.",
            "Gergin (Bulgarian: Гергин) is a village.",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // A Latin word in a Serbian line that writes the word it slips
        // into is still a slip (dev sr-0216).
        assert_eq!(
            fix("Ако кључ није дат, користи цео ред као kqu;."),
            "Ако кључ није дат, користи цео ред као кључ."
        );
    }

    #[test]
    fn a_word_whose_only_exotic_letter_is_ue_needs_a_known_reading() {
        // Kazakh, Mongolian and Tatar write `ү`: their words in Latin
        // lines (names, glosses, paths) are no spoofs of the unknown
        // spellings their lookalikes make (the reviewer's probes, session
        // 27: 934 such lines changed, all wrong).
        for kept in [
            "The river is called Хүүраар in the local dialect.",
            "Kazakh: үсу (to freeze)",
            "The ТҮК team won the cup.",
            "Licence GPLv3+ : МСҮТ GNU GPL version 3 ou ultérieure",
            "Impossible de corriger ./АҮК les problèmes.",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // One whose lookalike reading is a listed word is still a spoof,
        // as is one with a letter only spoofs write beside it.
        assert_eq!(fix("I will раү you tomorrow."), "I will pay you tomorrow.");
        assert_eq!(fix("The ТОҮ store."), "The TOY store.");
        assert_eq!(fix("The Тһеү said so."), "The They said so.");
    }

    #[test]
    fn a_cyrillic_name_in_capitals_is_no_phonetic_layout_slip() {
        // Real Cyrillic words in capitals in Latin lines (session 26's caps
        // sweep): the Serbian and Bulgarian phonetic layouts re-type them
        // into their own transliteration, which would take Caps Lock on
        // and the wrong layout both; they stay.
        for kept in [
            "The newspaper ФОЛДЕР reported the news on Monday.",
            "He shouted БАНКИНГ and left the room.",
            "See also: СУРФИНГ (band), a group from the nineties.",
        ] {
            assert_eq!(fix(kept), kept);
        }
        // In lower case it is still a slip.
        assert_eq!(
            fix("Click the Сеттингс button to open the dialog."),
            "Click the Settings button to open the dialog."
        );
    }

    #[test]
    fn a_capital_after_a_column_gap_opens_a_sentence() {
        // Real help lines of the Russian and Ukrainian catalogues
        // with `Не` respelled in Latin lookalikes at the head of the
        // description column: it opens that text as a sentence does, so
        // its capital makes no name of it.
        for (spoofed, right) in [
            (
                "--no-pager                       He использовать пейджер",
                "--no-pager                       Не использовать пейджер",
            ),
            (
                "-h, -H                  He выполнять, показать этот текст. Устарел.",
                "-h, -H                  Не выполнять, показать этот текст. Устарел.",
            ),
            (
                "-n\tHe додавати символ нового рядку в кінці.",
                "-n\tНе додавати символ нового рядку в кінці.",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
        assert!(after_column_gap("-q\tНе виводити нічого.", 3));
        assert!(after_column_gap("--no-pager   Не использовать", 13));
        // One space inside a sentence is no gap: there a capital still
        // reads as a name's.
        assert!(!after_column_gap("Он сказал, что He придёт завтра.", 26));
        // A gap between a table's cells opens no description: a name
        // there keeps its capital's weight.
        assert!(!after_column_gap("Имя      Moe      Возраст 34", 12));
        for kept in [
            "Имя      Moe      Возраст 34",
            "Персонаж     Moe   появляется в сериале",
        ] {
            assert_eq!(fix(kept), kept);
        }
        let kept = "Он сказал, что He придёт завтра.";
        assert_eq!(fix(kept), kept);
    }

    #[test]
    fn a_lookalike_word_in_a_latin_compound_is_judged() {
        // Real German catalogue lines with the first part of a
        // hyphenated compound respelled in Cyrillic lookalikes: spelt in
        // Latin the compound is protected by nothing, so neither is it.
        for (spoofed, right) in [
            (
                "Zur Legitimation verwendetes Passwort für НТТР-Proxy.",
                "Zur Legitimation verwendetes Passwort für HTTP-Proxy.",
            ),
            (
                "Speichern hindert ältere Тор-Versionen am Lesen, trotzdem fortsetzen?",
                "Speichern hindert ältere Top-Versionen am Lesen, trotzdem fortsetzen?",
            ),
            // A slip typed on the Greek layout (git's German catalogue).
            (
                "Merge von Submodul %s fehlgeschlagen (keine Merge-Βασισ)",
                "Merge von Submodul %s fehlgeschlagen (keine Merge-Basis)",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
        // An inflected brand keeps its ending, an option its letters; a
        // word with Kazakh `ү`, or one its own script's lexicons list more
        // often than the Latin ones list its Latin spelling (Greek
        // `κάντε`, German `Kante`), is a word of its script.
        for kept in [
            "Обновите iPhone-ом и Windows-у сегодня же.",
            "Die Option --ехес-Pfad ist veraltet.",
            "Das kasachische Magazin ТҮРЕ-Verlag erscheint monatlich.",
            "Der griechische Slogan ΚΑΝΤΕ-Klick steht auf dem Plakat.",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn a_latin_acronym_respelled_in_capitals_is_a_spoof() {
        // Real Spanish, German and French catalogue lines with a Latin
        // acronym respelled in Cyrillic or Greek capitals: no lexicon of those scripts lists `тср`, `τρμ`,
        // `јіт`, and the acronym list names `TCP`, `TPM`, `JIT`.
        for (spoofed, right) in [
            (
                "Puerto ТСР en el cual escuchará el servidor.",
                "Puerto TCP en el cual escuchará el servidor.",
            ),
            (
                "Fehler im übergebenen Passwort für ΤΡΜ.",
                "Fehler im übergebenen Passwort für TPM.",
            ),
            (
                "Effectuer une compilation ЈІТ si la requête est plus coûteuse.",
                "Effectuer une compilation JIT si la requête est plus coûteuse.",
            ),
            // In a hyphenated compound too (words::latin_namesake).
            (
                "ЈІТ-Inlining durchführen, wenn die Anfrage teurer ist.",
                "JIT-Inlining durchführen, wenn die Anfrage teurer ist.",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
        // An acronym of the word's own script that a lexicon lists stays,
        // and so does one whose lookalike spelling the Cyrillic catalogues
        // write (`АРІ` in Ukrainian ones: `API` is left out of the list).
        // The Mongolian acronym `САА` (hunspell `mn_MN` lists it; no
        // lexicon of ours does) is left out of the list too, alone and in a
        // compound.
        for kept in [
            "Die Nachrichtenagentur ТАСС meldete das am Montag.",
            "Le journal АРІ a publié la nouvelle lundi.",
            "The party, known as САА in Mongolian, won the election.",
            "Monate haben Daten-САА gewöhnlich partielle Wochen.",
        ] {
            assert_eq!(fix(kept), kept);
        }
    }

    #[test]
    fn a_latin_acronym_in_mixed_case_respelled_is_a_spoof() {
        // Real English and French catalogue lines with a mixed-case Latin
        // acronym of the list respelled in Cyrillic lookalikes: `КіВ`,
        // `МіВ` are in no lexicon.
        for (spoofed, right) in [
            ("Maximum memory size in КіВ", "Maximum memory size in KiB"),
            (
                "la taille limite minimale d'un paquet est 1 МіВ",
                "la taille limite minimale d'un paquet est 1 MiB",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
        // Names respelled into Cyrillic in mixed case, on no list, stay
        // (`МекОС`, Serbian for Mac OS; `ТеКс`), and so does a spelling its
        // script's lexicons list in any case (`ТеХ` is Russian `тех`).
        for kept in [
            "mktree lieferte keinen МекОС Objektnamen zurück",
            "Ne peut ajouter une locale « %s » une seconde ТеКс fois",
            "Der Ausgabe-Treiber für ТеХ ist nicht verfügbar.",
        ] {
            assert_eq!(fix(kept), kept);
        }
        assert!(inner_capital("КіВ") && inner_capital("РРРоЕ"));
        assert!(!inner_capital("Ком") && !inner_capital("ТСР"));
    }

    #[test]
    fn exotic_lookalikes_are_a_spoof_in_a_short_line_too() {
        // Short real catalogue lines (French and German)
        // with one word respelled with letters no language of its script
        // writes: the word tips the line's letters, which leaves a
        // word of four letters or more only its re-typings, but those
        // letters are no layout's.
        for (spoofed, right) in [
            ("Еѕрасеѕ de nom de Git", "Espaces de nom de Git"),
            ("Аӏіаѕ für -j, --jobs.", "Alias für -j, --jobs."),
            (
                "Тѕсһесһіѕсһ (QWERTY, Macintosh)",
                "Tschechisch (QWERTY, Macintosh)",
            ),
        ] {
            assert_eq!(fix(spoofed), right);
        }
    }

    #[test]
    fn words_glued_where_the_case_changes_stay() {
        // Real lines from the gettext catalogues (coreutils `split`, wget,
        // xkeyboard-config): a placeholder and its suffix, two words run
        // together, a layout name and its English original.
        for line in [
            "Выводит части ФАЙЛА фиксированного размера в файлы ПРЕФИКСaa, ПРЕФИКСab, ...",
            "--method=МетодHTTP      використовувати у запиті спосіб «МетодHTTP»",
            "тамилска (тамилскаNet '99, „TAB“ кодирање)",
            "КаннадаKannada",
            "YІнтервал",
            "-O --output-target <bfdиме>      Създава изходящ файл във формат <bfdиме>",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        assert!(glued_at_case("тамилскаNet"));
        assert!(glued_at_case("ПРЕФИКСaa"));
        assert!(glued_at_case("YІнтервал"));
        assert!(two_word_runs("bfdиме"));
        assert!(!two_word_runs("Шоigu"));
        // A slip whose first letters spell a word is still one word.
        assert_eq!(
            fix("Он сказал приdtn и ушёл домой."),
            "Он сказал привет и ушёл домой."
        );
        // A slip or a lookalike keeps the case of its word.
        for word in ["Sergeн", "CЕРГЕЙ", "Cервер", "мoглo", "Ѕergey"] {
            assert!(!glued_at_case(word), "{word}");
        }
        assert_eq!(
            fix("Li said at the meeting with Sergey Shoigu; Sergeн Shoigu said."),
            "Li said at the meeting with Sergey Shoigu; Sergey Shoigu said."
        );
    }

    #[test]
    fn a_word_in_capitals_is_an_acronym_unless_the_line_writes_capitals() {
        // Real lines from the gettext catalogues: a command, a program and
        // an instruction in capitals, their lookalikes `ТУРЕ`, `МАМЕ`,
        // `СМЕМ` rare words.
        for line in [
            "TYPE невдало, сервер мовив: %s",
            "стиснений образ жорсткого диска MAME",
            "неисправна вредност за „CMEM ld/st“ непосредног",
            // An acronym of the line's script is no placeholder.
            "TYPE невдало, сервер ФТП мовив: %s",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // Among placeholders in capitals, a capitalised lookalike is one.
        assert_eq!(
            fix("Прави посебан НАЗИВ датотеке дате BPCTE."),
            "Прави посебан НАЗИВ датотеке дате ВРСТЕ."
        );
    }

    #[test]
    fn a_spoof_in_exotic_lookalikes_is_undone_even_into_an_unlisted_word() {
        // Komi `ԁ`, Shha `һ`, palochka `ӏ` and Macedonian `ѕ` are written
        // by no language of the line: the word imitates a Latin one, listed
        // or not (program names, identifiers).
        assert_eq!(
            fix("Restart the ԁһсрԁ service after editing its configuration."),
            "Restart the dhcpd service after editing its configuration."
        );
        assert_eq!(
            fix("The integer ԁосіԁ column is the rowid of the table."),
            "The integer docid column is the rowid of the table."
        );
        // In a line of a language that writes them (Bashkir `һ`), they are
        // letters, and a word of them beside Latin text stays.
        for line in [
            "Башҡортостан Республикаһының башҡалаһы — Өфө ҡалаһы.",
            "The Bashkir word һыу means water.",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
    }

    #[test]
    fn a_lone_letter_makes_no_phrase() {
        // `N` is a variable: `ca` beside it is still alone in its script.
        assert_eq!(
            fix("Чита ca N бајтова из улазне датотеке."),
            "Чита са N бајтова из улазне датотеке."
        );
    }

    #[test]
    fn a_capital_after_a_colon_claims_no_name() {
        // In `Напомена: He ...` the capital opens the clause; it makes
        // `He` no likelier a name than at the head of the line.
        assert_eq!(
            fix("Напомена: He постоји ниједан начин да се то поправи."),
            "Напомена: Не постоји ниједан начин да се то поправи."
        );
        // Inside a sentence it still does (`пакет Tor`).
        assert_eq!(
            fix("Инсталирајте пакет Tor на рачунар."),
            "Инсталирајте пакет Tor на рачунар."
        );
    }

    #[test]
    fn quoted_options_do_not_make_a_line_latin() {
        // Bulgarian and Serbian lines whose Latin letters are options and
        // placeholders: their Cyrillic words are no lookalikes of English
        // or French ones.
        for line in [
            "Поддържат се опциите „--term-good“/„--term-old“ и „--term-bad„/„--term-new“.",
            "echo [-n] [арг ...]",
            "Не найден ldah !gpdisp!%ld",
        ] {
            assert_eq!(fix(line), line, "{line}");
        }
        // Where the text itself is English, a lookalike word in it is not.
        assert_eq!(
            fix("Use --force only if Тhе disk is empty."),
            "Use --force only if The disk is empty."
        );
    }

    #[test]
    fn brand_names_in_another_script_cost_no_judging() {
        let s = stage();
        assert!(!s.needs_review("Установите Debian GNU/Linux на ноутбук."));
        assert!(!s.needs_review("The Kremlin and the Duma; no Cyrillic here."));
        assert!(!s.needs_review("本手册属于自由软件，您可以在 GNU 通用公共授权（GPL）下重新发布。"));
        assert!(s.needs_review("Он сказал ghbdtn и ушёл."));
        assert!(s.needs_review("Sergeн"));
        assert!(s.needs_review("руддщ цщкдв"));
    }

    #[test]
    fn huge_lines_are_not_judged() {
        let line = "ghbdtn ".repeat(MAX_REVIEW_BYTES / 7 + 1);
        assert!(line.len() > MAX_REVIEW_BYTES);
        assert!(!stage().needs_review(&line));
        assert!(stage().needs_review("ghbdtn ghbdtn ghbdtn"));
        assert_eq!(stage().apply(&line, &DocumentContext::new()).text, line);
    }

    #[test]
    fn the_memos_keep_no_long_key() {
        // A line of one long token (no spaces) and a long spelling: read
        // the same as ever, but not remembered.
        for long in [
            format!("Он сказал {}dtn и ушёл.", "при".repeat(40)),
            format!("Он сказал {} и ушёл.", "ghbdtn".repeat(30)),
        ] {
            let first = fix(&long);
            assert_eq!(fix(&long), first);
        }
        let spelling = "а".repeat(100);
        assert_eq!(
            lexicon_reading(&spelling, Sc::Cyrillic),
            lexicon_reading(&spelling, Sc::Cyrillic)
        );
        let longest = |keys: Vec<usize>| keys.into_iter().max().unwrap_or(0);
        let reading =
            READING_MEMO.with(|m| longest(m.borrow().1.keys().map(|k| k.len()).collect()));
        let shape = SHAPE_MEMO.with(|m| longest(m.borrow().1.keys().map(|k| k.len()).collect()));
        let verdict =
            VERDICT_MEMO.with(|m| longest(m.borrow().1.keys().map(|k| k.len()).collect()));
        let chunk =
            PROTECTED_CHUNKS.with(|m| longest(m.borrow().keys().map(|k| k.len()).collect()));
        // A key holds the spelling or chunk and a few bytes of prefix.
        for (memo, len) in [
            ("reading", reading),
            ("shape", shape),
            ("verdict", verdict),
            ("chunk", chunk),
        ] {
            assert!(len <= MEMO_MAX_KEY_BYTES + 16, "{memo}: {len}");
        }
    }

    #[test]
    fn forgotten_memos_are_empty_and_change_no_answer() {
        let memo_sizes = || {
            (
                READING_MEMO.with(|m| m.borrow().1.len()),
                SHAPE_MEMO.with(|m| m.borrow().1.len()),
                VERDICT_MEMO.with(|m| m.borrow().1.len()),
                PROTECTED_CHUNKS.with(|m| m.borrow().len()),
                LONE_VERDICTS.with(|t| {
                    t.borrow()
                        .0
                        .iter()
                        .filter(|(bytes, tag, _)| (*bytes, *tag) != (0, 0))
                        .count()
                }),
            )
        };
        let lines = [
            "Li said at the meeting With Russian Defense Minister Sergeн Shoigu.",
            "Он сказал ghbdtn и ушёл, а gtk и sudo остались.",
        ];
        let first: Vec<String> = lines.iter().map(|l| fix(l)).collect();
        let (reading, shape, verdict, chunks, lone) = memo_sizes();
        assert!(reading > 0 && shape > 0 && verdict > 0 && chunks > 0 && lone > 0);
        forget_memos();
        assert_eq!(memo_sizes(), (0, 0, 0, 0, 0));
        let again: Vec<String> = lines.iter().map(|l| fix(l)).collect();
        assert_eq!(again, first);
    }

    #[test]
    fn channels_can_be_switched_off() {
        let off = MixedScript::new(MixedScriptOptions {
            homoglyphs: false,
            keyboard_layouts: false,
            ..MixedScriptOptions::default()
        });
        let text = "Пpивет ghbdtn";
        assert!(!off.needs_review(text));
        assert_eq!(off.apply(text, &DocumentContext::new()).text, text);
        let no_layouts = MixedScript::new(MixedScriptOptions {
            keyboard_layouts: false,
            ..MixedScriptOptions::default()
        });
        assert_eq!(
            no_layouts
                .apply("Он сказал ghbdtn и ушёл.", &DocumentContext::new())
                .text,
            "Он сказал ghbdtn и ушёл."
        );
    }

    #[test]
    fn user_words_are_never_changed() {
        let mut s = stage();
        s.add_words(["ghbdtn"]);
        let line = "Он сказал ghbdtn и ушёл домой.";
        assert_eq!(s.apply(line, &DocumentContext::new()).text, line);
    }

    #[test]
    fn a_higher_threshold_repairs_less() {
        let strict = MixedScript::new(MixedScriptOptions {
            min_confidence: 1.0,
            ..MixedScriptOptions::default()
        });
        let line = "Он сказал ghbdtn и ушёл домой.";
        assert_eq!(strict.apply(line, &DocumentContext::new()).text, line);
    }

    #[test]
    fn word_lists_parse_and_reject_bad_lines() {
        let words =
            MixedScript::parse_word_list("# brands\nShoigu\n\n  iPhone  # phone\n").unwrap();
        assert_eq!(words, ["Shoigu", "iPhone"]);
        let err = MixedScript::parse_word_list("ok\ntwo words\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2:"), "{err}");
    }

    #[test]
    fn a_slavic_line_typed_on_qwerty_with_only_y_to_tell() {
        // PackageKit's Serbian catalogue, typed with the Serbian layout
        // meant on US QWERTY: only `y` (`з`) tells, and no vowel is missing.
        let typed = "Nemojte instalirati ovaj paket osim ako niste sigurni da je beybedno.";
        assert!(stage().needs_review(typed));
        assert_eq!(
            fix(typed),
            "Немојте инсталирати овај пакет осим ако нисте сигурни да је безбедно."
        );
        // Short lines of names dense in `k`, `v`, `j` (language and region
        // names in the catalogues) are not read as Slavic, nor is German
        // prose with its `w` and `k`.
        for line in [
            "Avtonomna Respublika Krym",
            "Kala Lagaw Ya",
            "naga de Konyak",
            "Ubuntu 9.04 'Jaunty Jackalope",
        ] {
            assert!(!stage().needs_review(line), "{line}");
            assert_eq!(fix(line), line);
        }
        let german = "Dieses Werkzeug konnte das Paket nicht finden: %s";
        assert_eq!(fix(german), german);
        // Dutch passes the share and reaches the judge, which leaves it.
        let dutch = "Je kunt vandaag je verjaardag vieren, zei hij vrolijk.";
        assert_eq!(fix(dutch), dutch);
    }

    #[test]
    fn words_with_phonetic_keys_that_re_type_into_nothing_are_as_meant() {
        // Lines of German words the property test of shuffled evaluation
        // sentences drew (session 22): every word holds `w` or `z`, keys the
        // Bulgarian phonetic layout fills with `в` and `ъ`, so none counted
        // as a word as typed, and the re-typing (`Венн вир Нетъверк`) read
        // well enough to win. They are words as typed and re-type into
        // none: the lines are German.
        for line in [
            "werden Wenn Netzwerk",
            "Netzwerk Wenn werden,",
            "Wenn wir Netzwerk",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn a_word_typed_on_the_bulgarian_phonetic_layout_in_a_bulgarian_line() {
        // Bash's Bulgarian catalogue, one word typed on QWERTY with the
        // phonetic layout meant: `w` is `в`, `q` is `я`. The re-typing is in
        // no lexicon and reads only a little better than the Latin letters.
        assert_eq!(
            fix("задава на името преди zadawaneto му като константно."),
            "задава на името преди задаването му като константно."
        );
        assert_eq!(
            fix("в стека и влиза в новата последна direktoriq."),
            "в стека и влиза в новата последна директория."
        );
    }

    #[test]
    fn a_latin_word_in_a_greek_line_that_retypes_into_a_common_greek_word() {
        // PackageKit's Greek catalogue with `του` typed on QWERTY: `toy` is
        // an English word, but alone in a Greek line and one of Greek's
        // commonest words on the Greek layout.
        assert_eq!(
            fix("Αποτυχία φόρτωσης toy αρχείου ρύθμισης"),
            "Αποτυχία φόρτωσης του αρχείου ρύθμισης"
        );
        // A Latin term that re-types into nothing common stays.
        let line = "Αποτυχία φόρτωσης του αρχείου rescue";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_greek_particle_typed_on_qwerty_between_greek_words() {
        // PackageKit's Greek catalogue with one two-letter word typed on
        // QWERTY: `na` is `να`, `me` (an English word too) is `με`.
        assert_eq!(
            fix("Πρέπει na οριστεί έγκυρη ενέργεια"),
            "Πρέπει να οριστεί έγκυρη ενέργεια"
        );
        assert_eq!(
            fix("Αποτυχία επικοινωνίας me το PackageKit"),
            "Αποτυχία επικοινωνίας με το PackageKit"
        );
        // Not next to a Greek word on both sides, it may be Latin text.
        let line = "Αποτυχία επικοινωνίας to PackageKit";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_cyrillic_particle_typed_on_qwerty_between_cyrillic_words() {
        // The Russian gettext catalogues with `не` typed on QWERTY: `yt`
        // is in the English lexicon (an abbreviation), but rare there.
        assert_eq!(
            fix("Службе паролей yt удалось выполнить предварительную проверку"),
            "Службе паролей не удалось выполнить предварительную проверку"
        );
        // A common Latin word stays, even where it re-types into `мы`.
        let line = "Матч Спартак vs Зенит перенесли на воскресенье";
        assert_eq!(fix(line), line);
    }

    #[test]
    fn a_short_program_name_is_no_unlisted_retyping() {
        // Catalogue lines with a program's name put in (session 20's
        // `progs.txt` sweep): each name re-types into a string no lexicon
        // lists that reads like the line's language (`орыви`, `навк`,
        // `гсай`, `томля`), and stays.
        for line in [
            "Указанные неотслеживаемые файлы в рабочем каталоге будут jhsdb перезаписаны",
            "Задайте директорията изрично nawk на командния ред",
            "Умоўная разліковая ucfq адзінка Чілі",
            "Минимална tomlq височина на дъщерен елемент",
        ] {
            assert_eq!(fix(line), line);
        }
        // Unlisted jargon typed on the wrong layout is still repaired: its
        // start is some listed word's (`сок`, `пат`).
        assert_eq!(fix("Не удалось создать cjrtn"), "Не удалось создать сокет");
        assert_eq!(
            fix("вместо применения gfnxf вывести статистику добавлений и удалений для ввода"),
            "вместо применения патча вывести статистику добавлений и удалений для ввода"
        );
    }

    #[test]
    fn initials_and_one_name_are_not_a_mistyped_line() {
        for line in ["M. S. Gorbachev", "S. K. Shoigu", "V. V. Putin"] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn repair_is_a_fixed_point() {
        for text in [
            "а\u{a0}еpухB a",
            "fо fщ",
            "Пpивет ghbdtn руддщ",
            "ш\u{301}Bарaα",
        ] {
            let once = fix(text);
            assert_eq!(fix(&once), once, "{text:?}");
        }
    }
}
