//! The plausibility measure: how much a piece of text looks like damage.
//!
//! `cost` adds up, lower being more plausible:
//!
//! - **characters** that real text rarely holds and mojibake is made of: C1
//!   controls and U+FFFD (6), box drawing, blocks and math operators (2.5),
//!   IPA and spacing modifier letters (2), Latin-1 symbols such as `¤ ¦ ¨ ¬ ¯
//!   ± ² ³ ´ µ ¸ ¹ º ¼ ½ ¾` (1.5), `† ‡ ‰ ‹ ›` (1.2), Latin Extended-B and
//!   rare Cyrillic letters; ASCII, the letters of European alphabets and
//!   common punctuation cost nothing or little;
//! - **pairs** inside a word: letters of two scripts side by side (3), a
//!   capital that is not ASCII after a small letter (`cafÃ©`: 2), a letter
//!   next to a symbol (1.5), a letter before a no-break space (1, `Â` 3), a
//!   combining mark after a non-letter (3), a letter beside a digit of
//!   another script's numerals (`p٦` in a Cyrillic word: 3);
//! - **words**: each run of letters is looked up in the lexicons of its
//!   script: a known word earns 0.6 × its Zipf frequency (`её` in Russian:
//!   about −4); an unknown one of three letters or more pays for letter pairs
//!   its script's bigram model finds unlikely (`птйчеф` but not `Шойгу`); a
//!   run with non-ASCII letters in another script than the line's pays 1.5.
//!
//! A candidate repair must lower the cost of its word by a margin (see the
//! driver); the difference is also the confidence's input.

use super::lexicon::{self, Sc};

/// What a character is, for the pair rules.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Space,
    Letter { sc: Sc, upper: bool, lower: bool },
    Digit,
    Punct,
    Symbol,
    Mark,
    Bad,
}

// Arms with equal costs are kept apart: each is a class of its own, priced
// on its own.
#[allow(clippy::match_same_arms)]
#[inline]
fn info(c: char) -> (f32, Kind) {
    let letter = |cost: f32| {
        let (upper, lower) = case(c);
        (
            cost,
            Kind::Letter {
                sc: lexicon::letter_script(c),
                upper,
                lower,
            },
        )
    };
    match c {
        ' ' | '\t' | '\n' | '\r' => (0.0, Kind::Space),
        'a'..='z' | 'A'..='Z' => letter(0.0),
        '0'..='9' => (0.0, Kind::Digit),
        '\u{21}'..='\u{7E}' => (0.0, Kind::Punct),
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => (6.0, Kind::Bad),
        '\u{A0}' => (0.5, Kind::Space),
        '«' | '»' => (0.3, Kind::Punct),
        '¡' | '¿' => (0.6, Kind::Punct),
        '°' | '·' => (0.6, Kind::Symbol),
        '©' | '®' | '£' | '¥' | '¢' | '§' | '€' | '№' => (1.0, Kind::Symbol),
        '\u{A1}'..='\u{BF}' | '×' | '÷' => (1.5, Kind::Symbol),
        'Š' | 'š' | 'Ž' | 'ž' | 'Œ' | 'œ' => letter(0.8),
        'Ÿ' => letter(1.5),
        // The florin sign and function symbol, rarely a letter of a word.
        'ƒ' => (1.5, Kind::Symbol),
        '\u{C0}'..='\u{FF}' => letter(0.3),
        // Latin Extended-A letters of few languages (Sami, Maltese,
        // Greenlandic, the long s): what a Cyrillic pair such as `еі` read
        // as UTF-8 comes out as (`Ŧ`), not what a word is spelled with.
        'Ħ' | 'ħ' | 'Ŧ' | 'ŧ' | 'Ŋ' | 'ŋ' | 'Ŀ' | 'ŀ' | 'ĸ' | 'ŉ' | 'Ĳ' | 'ĳ' | 'ſ' => {
            letter(1.5)
        }
        '\u{0100}'..='\u{017F}' | 'Ș' | 'ș' | 'Ț' | 'ț' => letter(0.4),
        '\u{0180}'..='\u{024F}' => letter(1.2),
        '\u{0250}'..='\u{02FF}' => {
            if c.is_alphabetic() {
                letter(2.0)
            } else {
                (2.0, Kind::Symbol)
            }
        }
        // Marks that European spellings use in decomposed text.
        '\u{0300}'..='\u{0308}' | '\u{030A}'..='\u{030C}' | '\u{0327}' | '\u{0328}' => {
            (0.8, Kind::Mark)
        }
        '\u{0309}'..='\u{036F}' => (2.5, Kind::Mark),
        '\u{0386}' | '\u{0388}'..='\u{03CE}' => letter(0.0),
        '\u{0370}'..='\u{03FF}' => {
            if c.is_alphabetic() {
                letter(1.0)
            } else {
                (1.5, Kind::Symbol)
            }
        }
        '\u{0410}'..='\u{044F}' | 'Ё' | 'ё' => letter(0.0),
        '\u{0400}'..='\u{045F}' | 'Ґ' | 'ґ' => letter(0.4),
        '\u{0460}'..='\u{052F}' => {
            if c.is_alphabetic() {
                letter(1.5)
            } else {
                (2.0, Kind::Mark)
            }
        }
        '–' | '—' | '‘' | '’' | '“' | '”' | '„' | '…' | '•' => (0.3, Kind::Punct),
        '\u{2010}' | '\u{2011}' => (0.3, Kind::Punct),
        '\u{2012}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => (1.2, Kind::Symbol),
        '™' => (1.0, Kind::Symbol),
        '\u{2190}'..='\u{21FF}' => (1.2, Kind::Symbol),
        '\u{2200}'..='\u{22FF}' => (2.0, Kind::Symbol),
        '\u{2300}'..='\u{2BFF}' => (2.5, Kind::Symbol),
        '\u{FFFD}' => (6.0, Kind::Bad),
        '\u{E000}'..='\u{F8FF}' => (4.0, Kind::Bad),
        _ if polynorm_script::is_alphabetic(c) => letter(1.0),
        _ if c.is_numeric() => (0.5, Kind::Digit),
        _ if c.is_whitespace() => (0.5, Kind::Space),
        _ => (1.5, Kind::Symbol),
    }
}

/// [`info`] of the characters below U+0530 (Latin, Greek, Cyrillic and
/// their neighbours) and of U+2000..U+25FF (punctuation, signs, box
/// drawing), with their [`flags`], computed once: what mojibake and the
/// text it hides are made of.
struct InfoTable {
    low: Vec<Entry>,
    punct: Vec<Entry>,
}

/// What [`cost_in`] asks of a character: [`info`] and [`flags`].
#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    cost: f32,
    kind: Kind,
    flags: u8,
}

impl Entry {
    fn of(c: char) -> Entry {
        let (cost, kind) = info(c);
        Entry {
            cost,
            kind,
            flags: flags(c),
        }
    }
}

const INFO_LOW_END: u32 = 0x530;
const INFO_PUNCT: std::ops::Range<u32> = 0x2000..0x2600;

impl InfoTable {
    fn get() -> &'static InfoTable {
        static TABLE: std::sync::OnceLock<InfoTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let of = |cp: u32| Entry::of(char::from_u32(cp).unwrap_or('\u{FFFD}'));
            InfoTable {
                low: (0..INFO_LOW_END).map(of).collect(),
                punct: INFO_PUNCT.map(of).collect(),
            }
        })
    }
}

/// [`InfoTable::entry`] (tests).
#[cfg(test)]
fn entry_fast(c: char) -> Entry {
    InfoTable::get().entry(c)
}

impl InfoTable {
    /// [`info`], from the table where it has the character (a caller that
    /// reads many characters asks [`InfoTable::get`] once).
    #[inline]
    fn info(&self, c: char) -> (f32, Kind) {
        let e = self.entry(c);
        (e.cost, e.kind)
    }

    /// [`Entry::of`], from the table where it has the character.
    #[inline]
    fn entry(&self, c: char) -> Entry {
        let cp = u32::from(c);
        let entry = if cp < INFO_LOW_END {
            self.low.get(cp as usize)
        } else if INFO_PUNCT.contains(&cp) {
            self.punct.get((cp - INFO_PUNCT.start) as usize)
        } else {
            None
        };
        match entry {
            Some(&e) => e,
            None => Entry::of(c),
        }
    }
}

/// [`flags`]: [`is_latin1_lead`].
const LATIN1_LEAD: u8 = 1;
/// [`flags`]: [`is_cp1252_tail`].
const CP1252_TAIL: u8 = 2;
/// [`flags`]: a capital of the basic Cyrillic alphabet (`А`..`Я`).
const CYRILLIC_CAPITAL: u8 = 4;
/// [`flags`]: [`is_sign_after_capital`].
const SIGN_AFTER_CAPITAL: u8 = 8;
/// [`flags`]: an opening or closing quotation mark that a word may be
/// glued around (`“ ” ‘ „ ‟`).
const QUOTE: u8 = 16;
/// [`flags`]: `char::is_ascii_punctuation`.
const ASCII_PUNCT: u8 = 32;

/// The tests [`pair`] and [`cost_in`] put to every character, answered
/// once per character of [`InfoTable`] rather than once per pair.
fn flags(c: char) -> u8 {
    let mut f = 0;
    if is_latin1_lead(c) {
        f |= LATIN1_LEAD;
    }
    if is_cp1252_tail(c) {
        f |= CP1252_TAIL;
    }
    if ('А'..='Я').contains(&c) {
        f |= CYRILLIC_CAPITAL;
    }
    if is_sign_after_capital(c) {
        f |= SIGN_AFTER_CAPITAL;
    }
    if matches!(c, '“' | '”' | '‘' | '„' | '‟') {
        f |= QUOTE;
    }
    if c.is_ascii_punctuation() {
        f |= ASCII_PUNCT;
    }
    f
}

/// A run of letters being collected for the lexicon.
#[derive(Default)]
struct Run {
    /// The run's letters in lowercase, written only when the lexicon is
    /// asked (most runs of a damaged word are glued to a symbol and never
    /// are): see [`Run::lowercase`].
    lower: String,
    /// Where the run's first letter starts in the text and its last one
    /// ends (bytes): the letters, with the combining marks among them.
    start: usize,
    end: usize,
    /// A combining mark came after a letter of the run.
    marks: bool,
    letters: usize,
    script: Option<Sc>,
    mixed: bool,
    non_ascii: bool,
    /// Capitals that are not ASCII after the first letter.
    inner_caps: usize,
    has_lower: bool,
    /// A symbol, control or mark touches the run: it is not a word of its own.
    glued: bool,
    /// The run starts the text or follows a space or ASCII punctuation.
    open: bool,
}

impl Run {
    /// Adds the letter `c`, which ends at byte `end` of the text.
    fn push(&mut self, c: char, end: usize, sc: Sc, upper: bool, lower: bool) {
        if self.letters == 0 {
            self.start = end - c.len_utf8();
        }
        self.end = end;
        match self.script {
            None => self.script = Some(sc),
            Some(s) if s != sc => self.mixed = true,
            Some(_) => {}
        }
        self.non_ascii |= !c.is_ascii();
        if self.letters > 0 && upper && !c.is_ascii() {
            self.inner_caps += 1;
        }
        self.has_lower |= lower;
        self.letters += 1;
    }

    /// Writes the run's letters of `text` in lowercase into `lower` (the
    /// combining marks among them left out, as [`cost_in`] leaves them out
    /// of the run's letters).
    fn lowercase(&mut self, text: &str) {
        self.lower.clear();
        let letters = text.get(self.start..self.end).unwrap_or_default();
        if !self.non_ascii && !self.marks {
            // Letters and nothing else, all ASCII: their lowercase by the
            // bytes, as [`push_lower`] maps them (`A`..`Z` one offset away,
            // the rest as they are), not a call per letter.
            self.lower.push_str(letters);
            self.lower.make_ascii_lowercase();
            return;
        }
        if self.marks {
            for c in letters.chars() {
                if matches!(info(c).1, Kind::Letter { .. }) {
                    push_lower(&mut self.lower, c);
                }
            }
            return;
        }
        for c in letters.chars() {
            // ASCII and the Cyrillic block's first six rows (every letter
            // of a damaged Russian word's re-readings, `РџСЂРё`) mapped
            // here as [`push_lower`] maps them, without a call; the rest
            // through it.
            let lower = match c {
                'A'..='Z' | 'А'..='Я' => char::from_u32(u32::from(c) + 32),
                'Ѐ'..='Џ' => char::from_u32(u32::from(c) + 80),
                '\0'..='\x7F' | 'а'..='џ' => Some(c),
                _ => None,
            };
            match lower {
                Some(l) => self.lower.push(l),
                None => push_lower(&mut self.lower, c),
            }
        }
    }

    /// Ends the run of `text`; `closed`: it ends the text or a space or
    /// ASCII punctuation follows; `next`: the character after it.
    fn finish(&mut self, text: &str, context: Option<Sc>, closed: bool, next: Option<char>) -> f32 {
        let mut cost = 0.0;
        // A lone capital glued to a guillemet (`Β«` is `«` read as
        // windows-1253, `В«` as windows-1251).
        if self.letters == 1 && self.open && matches!(next, Some('«' | '»')) {
            cost += 2.0;
        }
        if self.has_lower {
            cost += self.inner_caps as f32;
        }
        // A single letter counts as a word only standing alone (`и`, `à`).
        let word = !self.glued && (self.letters > 1 || (self.open && closed));
        if let (Some(sc), false) = (self.script, self.mixed) {
            if word {
                self.lowercase(text);
                // Single letters count only as the common words they are
                // (`и`, `в`, `à`), not as abbreviations (`р`, `п`).
                let z = if self.letters > 1 || is_one_letter_word(&self.lower) {
                    lexicon::zipf(sc, &self.lower)
                } else {
                    None
                };
                if let Some(z) = z {
                    cost -= 0.6 * z;
                } else if self.letters >= 3 {
                    if let Some(model) = lexicon::bigrams(sc) {
                        // No opinion on letters the lexicons never use
                        // (Turkish `ı`, `ş`): no model of that language.
                        if model.knows_all(&self.lower) {
                            let mean = model.score(&self.lower);
                            cost += (-mean - 3.5).clamp(0.0, 4.0);
                        }
                    }
                }
            }
            if self.non_ascii && context.is_some_and(|ctx| ctx != sc) {
                cost += if self.letters == 1 { 2.5 } else { 1.5 };
            }
        }
        self.lower.clear();
        self.marks = false;
        self.letters = 0;
        self.script = None;
        self.mixed = false;
        self.non_ascii = false;
        self.inner_caps = 0;
        self.has_lower = false;
        self.glued = false;
        self.open = false;
        cost
    }
}

/// `char::is_alphabetic`, with the alphabets the lexicons hold told by
/// range.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º' => true,
        '\u{0}'..='\u{BF}' | '×' | '÷' => false,
        '\u{C0}'..='\u{024F}' | 'Ѐ'..='ҁ' | 'Α'..='Ρ' | 'Σ'..='ώ' => true,
        _ => polynorm_script::is_alphabetic(c),
    }
}

/// Whether a letter is uppercase and whether it is lowercase
/// (`char::is_uppercase`, `char::is_lowercase`, with the alphabets the
/// lexicons hold told by range).
#[inline]
fn case(c: char) -> (bool, bool) {
    match c {
        'A'..='Z'
        | '\u{C0}'..='\u{D6}'
        | '\u{D8}'..='\u{DE}'
        | 'Ѐ'..='Я'
        | 'Α'..='Ρ'
        | 'Σ'..='Ϋ' => (true, false),
        'a'..='z' | '\u{DF}'..='\u{F6}' | '\u{F8}'..='\u{FF}' | 'а'..='џ' | 'ά'..='ώ' => {
            (false, true)
        }
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// Appends the lowercase of `c` (`char::to_lowercase`, with the alphabets
/// the lexicons hold mapped directly: their capitals are one offset away
/// from their small letters).
#[inline]
fn push_lower(out: &mut String, c: char) {
    let offset = match c {
        'A'..='Z'
        | '\u{C0}'..='\u{D6}'
        | '\u{D8}'..='\u{DE}'
        | 'А'..='Я'
        | 'Α'..='Ρ'
        | 'Σ'..='Ϋ' => 32,
        'Ѐ'..='Џ' => 80,
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' | 'ά'..='ώ' | '\u{DF}'..='\u{FF}' => 0,
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(char::from_u32(u32::from(c) + offset).unwrap_or(c));
}

/// [`cost_in`] with a buffer of its own (tests and tools).
#[cfg(test)]
pub(crate) fn cost(text: &str, context: Option<Sc>) -> f32 {
    cost_in(text, context, &mut String::new())
}

/// The cost of `text` (lower is more plausible) in a line whose letters are
/// mostly of script `context`, with `lower` lent as the buffer of the runs'
/// lowercase (a caller that costs many words keeps one, rather than an
/// allocation per word).
pub(crate) fn cost_in(text: &str, context: Option<Sc>, lower: &mut String) -> f32 {
    let mut total = 0.0;
    // Room for the longest run at once (a lowercase letter is as long as
    // its capital in the alphabets the lexicons hold), not a reallocation
    // at every doubling.
    lower.clear();
    lower.reserve(text.len());
    let mut run = Run {
        lower: std::mem::take(lower),
        ..Run::default()
    };
    let table = InfoTable::get();
    // The previous character with its entry, and the kind of the one
    // before it.
    let mut prev: Option<(char, Entry)> = None;
    let mut prev2: Option<Kind> = None;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // (`char_indices`, the characters of one and two bytes read
        // straight from the bytes: the text is UTF-8.)
        let c = match b {
            0..=0x7F => char::from(b),
            0xC2..=0xDF => {
                let next = bytes.get(at + 1).copied().unwrap_or(0);
                char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F))
                    .unwrap_or('\u{FFFD}')
            }
            _ => match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) => c,
                None => break,
            },
        };
        let end = at + c.len_utf8();
        let e = table.entry(c);
        let kind = e.kind;
        total += e.cost;
        if let Kind::Letter { sc, upper, lower } = kind {
            if run.letters == 0 {
                run.glued = prev.is_some_and(|(_, p)| matches!(p.kind, Kind::Symbol | Kind::Bad));
                run.open =
                    prev.is_none_or(|(_, p)| p.kind == Kind::Space || p.flags & ASCII_PUNCT != 0);
            }
            run.push(c, end, sc, upper, lower);
        } else if run.letters > 0 {
            run.glued |= matches!(kind, Kind::Symbol | Kind::Bad | Kind::Mark) || c == '„';
            if kind == Kind::Mark {
                run.marks = true;
            } else {
                let closed = kind == Kind::Space || e.flags & ASCII_PUNCT != 0;
                total += run.finish(text, context, closed, Some(c));
            }
        } else if prev.is_none() && kind == Kind::Mark {
            total += 3.0; // a combining mark with nothing to combine with
        }
        if let Some((p, pe)) = prev {
            total += pair((p, pe), (c, e));
            // A quotation mark between two letters (`non”political`).
            if pe.flags & QUOTE != 0
                && prev2.is_some_and(|k| matches!(k, Kind::Letter { .. }))
                && matches!(kind, Kind::Letter { .. })
            {
                total += 1.5;
            }
        }
        prev2 = prev.map(|(_, p)| p.kind);
        prev = Some((c, e));
        at = end;
    }
    if run.letters > 0 {
        total += run.finish(text, context, true, None);
    }
    *lower = run.lower;
    total
}

/// A lower bound of [`cost_in`] of `word` in any context, where one is
/// cheap to know (`lower`: a buffer for its lowercase), else `None`. Every
/// character, pair of neighbours and run of letters costs zero or more but
/// for a run a lexicon lists, which takes 0.6 of its zipf off: so a word
/// without letters costs at least 0, and one run of the basic Cyrillic
/// alphabet (`А`..`я`) between ASCII punctuation at least its own lexicon
/// credit (f32 sums round monotonically, so adding costs of zero or more
/// never takes a sum below it).
pub(crate) fn cost_floor(word: &str, lower: &mut String) -> Option<f32> {
    let core = word.trim_matches(|c: char| c.is_ascii_punctuation());
    if let Some((buf, n)) = basic_cyrillic_lower(core.as_bytes()) {
        return Some(lexicon_floor(buf.get(..n).unwrap_or_default()));
    }
    if !core.is_empty() && core.chars().all(|c| ('А'..='я').contains(&c)) {
        lower.clear();
        for c in core.chars() {
            push_lower(lower, c);
        }
        return Some(-0.6 * lexicon::zipf(Sc::Cyrillic, lower).unwrap_or(0.0));
    }
    if word.chars().all(|c| !is_cost_letter(c)) {
        return Some(0.0);
    }
    None
}

/// [`cost_floor`] of a word of `А`..`я` whose lowercase is `lowered` (its
/// UTF-8 bytes): the lexicon's credit.
pub(crate) fn lexicon_floor(lowered: &[u8]) -> f32 {
    -0.6 * lexicon::zipf_bytes(Sc::Cyrillic, lowered).unwrap_or(0.0)
}

/// Whether [`cost_in`] reads `c` as a letter (of a run).
pub(crate) fn is_cost_letter(c: char) -> bool {
    matches!(InfoTable::get().info(c).1, Kind::Letter { .. })
}

/// The lowercase of `core` (its UTF-8 bytes and their number) when it is
/// one to [`FLOOR_WORD`] letters of `А`..`я`, by the bytes
/// ([`push_lower`]'s lowercase of those letters: `А`..`П` are D0 90..9F,
/// `а`..`п` D0 B0..BF, `Р`..`Я` D0 A0..AF, `р`..`я` D1 80..8F); else
/// `None`, for [`cost_floor`]'s reading by characters.
#[inline]
pub(crate) fn basic_cyrillic_lower(core: &[u8]) -> Option<([u8; 2 * FLOOR_WORD], usize)> {
    if core.is_empty() || core.len() > 2 * FLOOR_WORD || core.len() % 2 != 0 {
        return None;
    }
    let mut buf = [0u8; 2 * FLOOR_WORD];
    for (pair, out) in core.chunks_exact(2).zip(buf.chunks_exact_mut(2)) {
        let lowered = match *pair {
            [0xD0, b @ 0x90..=0x9F] => [0xD0, b + 0x20],
            [0xD0, b @ 0xA0..=0xAF] => [0xD1, b - 0x20],
            [0xD0, b @ 0xB0..=0xBF] => [0xD0, b],
            [0xD1, b @ 0x80..=0x8F] => [0xD1, b],
            _ => return None,
        };
        out.copy_from_slice(&lowered);
    }
    Some((buf, core.len()))
}

/// The longest word, in letters, [`basic_cyrillic_lower`] lowers.
pub(crate) const FLOOR_WORD: usize = 32;

/// The cost of two neighbours, each with its [`Entry`].
#[inline]
fn pair((p, pe): (char, Entry), (c, ce): (char, Entry)) -> f32 {
    let (pk, ck) = (pe.kind, ce.kind);
    if pe.flags & LATIN1_LEAD != 0 && ce.flags & CP1252_TAIL != 0 {
        return if matches!(p, 'Â' | 'Ã') { 3.0 } else { 2.5 };
    }
    // What UTF-8 Cyrillic looks like read as windows-1251: `Р`/`С` (the
    // lead bytes 0xD0, 0xD1) before signs no word has there (`Р“`, `С–`).
    if pe.flags & CYRILLIC_CAPITAL != 0 && ce.flags & SIGN_AFTER_CAPITAL != 0 {
        return 2.0;
    }
    match (pk, ck) {
        (Kind::Letter { sc: a, lower, .. }, Kind::Letter { sc: b, upper, .. }) => {
            let mut cost = 0.0;
            if a != b {
                cost += 3.0;
            }
            if lower && upper && !c.is_ascii() {
                cost += 2.0;
            }
            cost
        }
        // A digit of another script's numerals (`٦`, Arabic-Indic six)
        // beside a letter of an alphabet that writes none of its own is two
        // scripts side by side, as two letters are: `дырэктоpыі` read as
        // KOI8-U is not `дырэктоp٦`.
        (Kind::Letter { sc, .. }, Kind::Digit) if is_foreign_digit(c, sc) => 3.0,
        (Kind::Digit, Kind::Letter { sc, .. }) if is_foreign_digit(p, sc) => 3.0,
        (Kind::Letter { .. }, Kind::Symbol)
            if matches!(c, '€' | '†' | '‡' | '‹' | '›' | '‚' | 'ƒ' | 'ˆ' | '˜') =>
        {
            2.5
        }
        (Kind::Letter { .. }, Kind::Symbol | Kind::Bad)
        | (Kind::Symbol | Kind::Bad, Kind::Letter { .. }) => 1.5,
        (Kind::Symbol, Kind::Symbol) => 0.5,
        (Kind::Letter { .. }, Kind::Space) if c == '\u{A0}' => {
            if p == 'Â' {
                3.0
            } else {
                1.0
            }
        }
        (Kind::Space | Kind::Punct | Kind::Symbol | Kind::Digit | Kind::Bad, Kind::Mark) => 3.0,
        // A mark no European spelling puts on a letter (`i̤`).
        (Kind::Letter { .. }, Kind::Mark) if !matches!(c, '\u{0300}'..='\u{0308}' | '\u{030A}'..='\u{030C}' | '\u{0327}' | '\u{0328}') => {
            1.5
        }
        (Kind::Letter { .. }, Kind::Punct) if c == '„' => 1.5,
        // A hyphen belongs between letters, not next to a space.
        (Kind::Punct, Kind::Space) if matches!(p, '\u{2010}' | '\u{2011}') => 1.0,
        (Kind::Space, Kind::Punct) if matches!(c, '\u{2010}' | '\u{2011}') => 1.0,
        _ => 0.0,
    }
}

/// Whether `digit` belongs to the numerals of a script, not the one of
/// `sc` (Latin, Cyrillic and Greek words use the ASCII digits, Common to
/// every script; so do fullwidth and mathematical digits): the Arabic-Indic,
/// Devanagari, Thai … digits. A letter of no script the lexicons hold
/// (`Sc::Other`) may be of the digit's own script: it is not asked.
#[inline]
fn is_foreign_digit(digit: char, sc: Sc) -> bool {
    let own = match sc {
        Sc::Latin => polynorm_script::Script::Latin,
        Sc::Cyrillic => polynorm_script::Script::Cyrillic,
        Sc::Greek => polynorm_script::Script::Greek,
        Sc::Other => return false,
    };
    if digit.is_ascii() {
        return false;
    }
    let scx = polynorm_script::script_extensions(digit);
    !scx.contains(polynorm_script::Script::Common) && !scx.contains(own)
}

/// The signs after `Р`/`С` that [`pair`] prices: what the second byte of
/// a Cyrillic letter's UTF-8 looks like read as windows-1251, where no
/// word of any language has it.
#[inline]
fn is_sign_after_capital(c: char) -> bool {
    matches!(
        c,
        '‚' | '„'
            | '†'
            | '‡'
            | '€'
            | '‰'
            | '‹'
            | '›'
            | '‘'
            | '“'
            | '•'
            | '–'
            | '—'
            | '™'
            | '¤'
            | '¦'
            | '§'
            | '©'
            | '¬'
            | '®'
            | '°'
            | '±'
            | 'µ'
            | '¶'
            | '·'
            | '№'
    )
}

/// The one-letter words of the languages the lexicons cover (prepositions,
/// conjunctions, articles, pronouns), lowercase.
fn is_one_letter_word(lower: &str) -> bool {
    matches!(
        lower,
        "а" | "в"
            | "е"
            | "з"
            | "и"
            | "й"
            | "к"
            | "о"
            | "с"
            | "у"
            | "я"
            | "і"
            | "ў"
            | "є"
            | "a"
            | "à"
            | "e"
            | "é"
            | "i"
            | "o"
            | "ó"
            | "u"
            | "y"
            | "ο"
            | "η"
            | "ή"
            | "ω"
    )
}

/// A capital of Latin-1 (`À`..`Þ`): what UTF-8 lead bytes 0xC0..0xDF look
/// like in windows-1252 and ISO-8859-1.
#[inline]
fn is_latin1_lead(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{DE}') && c != '×'
}

/// What continuation bytes 0x80..0xBF look like in windows-1252 and
/// ISO-8859-1: U+0080..U+00BF and the windows-1252 characters of 0x80..0x9F.
#[inline]
fn is_cp1252_tail(c: char) -> bool {
    matches!(
        c,
        '\u{80}'
            ..='\u{BF}'
                | '–'
                | '—'
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '†'
                | '‡'
                | '•'
                | '…'
                | '‰'
                | '‹'
                | '›'
                | '€'
                | '™'
                | 'Œ'
                | 'œ'
                | 'Š'
                | 'š'
                | 'Ÿ'
                | 'Ž'
                | 'ž'
                | 'ƒ'
                | 'ˆ'
                | '˜'
    )
}

/// How unlikely the letters of `text` are: the sum over its runs of letters
/// of the negated mean bigram log-probability (a finer tie-breaker than
/// [`cost_in`], which ignores all but very unlikely words).
pub(crate) fn letter_badness(text: &str) -> f32 {
    let mut total = 0.0;
    let mut run = String::new();
    let mut script = None;
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_letter(c) {
            let sc = lexicon::letter_script(c);
            if script.is_some_and(|s| s != sc) {
                total += 9.0;
            }
            script = Some(sc);
            push_lower(&mut run, c);
        } else if let Some(sc) = script.take() {
            if let Some(model) = lexicon::bigrams(sc) {
                total -= model.score(&run);
            }
            run.clear();
        }
    }
    total
}

/// How many of the words (runs of letters of one script, two letters or
/// more, or the one-letter words) of `text` the lexicons know, and how many
/// words there are; for the evidence.
pub(crate) fn known_words(text: &str) -> (usize, usize) {
    let (mut known, mut words) = (0, 0);
    for word in text.split(|c: char| !is_letter(c)) {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        let sc = lexicon::letter_script(first);
        if word.chars().any(|c| lexicon::letter_script(c) != sc) {
            continue;
        }
        let lower = word.to_lowercase();
        if chars.next().is_none() && !is_one_letter_word(&lower) {
            continue;
        }
        words += 1;
        known += usize::from(lexicon::zipf(sc, &lower).is_some());
    }
    (known, words)
}

/// The dominant script among the letters of `text`, if letters of one
/// script are most.
///
/// Read by bytes: an ASCII byte is a letter or not, a character of two
/// bytes (up to U+07FF: Latin, Greek, Cyrillic) is classed by a table of
/// [`dominant_class`] made once, a longer one by [`dominant_class`] itself
/// (a damaged line's contexts are taken at every level of its repair, so
/// this runs several times a line).
pub(crate) fn dominant(text: &str) -> Option<Sc> {
    let table = dominant_table();
    let bytes = text.as_bytes();
    let mut counts = ScriptCounts::default();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let class = if b < 0x80 {
            at += 1;
            if !b.is_ascii_alphabetic() {
                continue;
            }
            0
        } else if b < 0xE0 {
            // A lead of two bytes (the text is UTF-8: 0xC2..0xDF).
            let next = bytes.get(at + 1).copied().unwrap_or(0);
            at += 2;
            let cp = (usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F);
            table.get(cp).copied().unwrap_or(NOT_COUNTED)
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            dominant_class(c).unwrap_or(NOT_COUNTED)
        };
        counts.count_class(class);
    }
    counts.dominant()
}

/// The dominant script among the letters of `text` that are not ASCII,
/// when it has such letters; else [`dominant`] of all its letters.
///
/// The context of a line's UTF-8 repairs, read on the line they make: a
/// wrong decoding mangles only what is not ASCII, and the letters it
/// mangled are the text's own, while its ASCII words are as often terms
/// and names in any script (`Linux Windows пока UUID-ы`, where the
/// Cyrillic `ы` is no stray letter in a Latin line).
pub(crate) fn dominant_beyond_ascii(text: &str) -> Option<Sc> {
    let mut counts = ScriptCounts::default();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        counts.count(c);
    }
    counts.dominant().or_else(|| dominant(text))
}

/// The letters of a text counted by the script [`dominant`] counts them
/// for, one character at a time: for a caller that writes the text itself
/// (a legacy re-reading) and so need not read it again.
#[derive(Clone, Copy, Default)]
pub(crate) struct ScriptCounts([usize; 4]);

impl ScriptCounts {
    /// Counts `c` as [`dominant`] counts it.
    #[inline]
    pub(crate) fn count(&mut self, c: char) {
        let class = if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                return;
            }
            0
        } else {
            match dominant_table().get(u32::from(c) as usize) {
                Some(&class) => class,
                None => dominant_class(c).unwrap_or(NOT_COUNTED),
            }
        };
        self.count_class(class);
    }

    #[inline]
    fn count_class(&mut self, class: u8) {
        if let Some(n) = self.0.get_mut(usize::from(class)) {
            *n += 1;
        }
    }

    /// [`dominant`] of the text counted.
    pub(crate) fn dominant(&self) -> Option<Sc> {
        let (best, n) = self
            .0
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
        if *n == 0 {
            return None;
        }
        Some(match best {
            0 => Sc::Latin,
            1 => Sc::Cyrillic,
            2 => Sc::Greek,
            _ => Sc::Other,
        })
    }
}

/// [`dominant_class`]'s mark of a character [`dominant`] does not count.
const NOT_COUNTED: u8 = 4;

/// [`dominant_class`] of U+0000..U+07FF (the characters of one and two
/// bytes in UTF-8), [`NOT_COUNTED`] where it is `None`; computed once.
fn dominant_table() -> &'static [u8; 0x800] {
    static TABLE: std::sync::OnceLock<[u8; 0x800]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [NOT_COUNTED; 0x800];
        for (cp, class) in (0u32..).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32(cp) {
                *class = dominant_class(c).unwrap_or(NOT_COUNTED);
            }
        }
        table
    })
}

/// The script a letter counts for in [`dominant`] (0 Latin, 1 Cyrillic, 2
/// Greek, 3 other), `None` for what is no letter.
fn dominant_class(c: char) -> Option<u8> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => 0,
        // Below U+00C0 only ASCII letters; punctuation, arrows,
        // mathematical and technical signs, box drawing: no letters (a
        // test checks).
        '\u{0}'..='\u{BF}'
        | '×'
        | '÷'
        | '\u{2000}'..='\u{206F}'
        | '\u{2190}'..='\u{23FF}'
        | '\u{2500}'..='\u{25FF}' => return None,
        '\u{C0}'..='\u{024F}' => 0,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => 1,
        '\u{0386}' | '\u{0388}'..='\u{03FF}' => 2,
        _ if polynorm_script::is_alphabetic(c) => match lexicon::letter_script(c) {
            Sc::Latin => 0,
            Sc::Cyrillic => 1,
            Sc::Greek => 2,
            Sc::Other => 3,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`basic_cyrillic_lower`] lowers as [`push_lower`] does, and leaves
    /// to the characters what is not one to [`FLOOR_WORD`] letters of
    /// `А`..`я`.
    /// No ASCII punctuation is a letter to [`cost_in`]: a word of
    /// non-letters between ASCII punctuation has no letter at all (what
    /// `no_pair_reads_better`'s reading of re-read words assumes).
    #[test]
    fn ascii_punctuation_is_no_cost_letter() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            if c.is_ascii_punctuation() {
                assert!(!is_cost_letter(c), "{c:?}");
            }
        }
    }

    #[test]
    fn basic_cyrillic_lower_as_push_lower() {
        let letters: Vec<char> = ('\u{3FF}'..='\u{451}').chain(['a', 'Z', '-']).collect();
        let lowered = |word: &str| {
            basic_cyrillic_lower(word.as_bytes())
                .map(|(buf, n)| String::from_utf8(buf[..n].to_vec()).unwrap())
        };
        for &x in &letters {
            for &y in &letters {
                let word: String = [x, y].into_iter().collect();
                let basic = word.chars().all(|c| ('А'..='я').contains(&c));
                let mut want = String::new();
                word.chars().for_each(|c| push_lower(&mut want, c));
                assert_eq!(lowered(&word), basic.then_some(want), "{word}");
            }
        }
        let long = "Я".repeat(FLOOR_WORD);
        assert_eq!(lowered(&long), Some("я".repeat(FLOOR_WORD)));
        assert_eq!(lowered(&format!("{long}Я")), None);
        assert_eq!(lowered(""), None);
    }

    fn gain(bad: &str, good: &str, ctx: Option<Sc>) -> f32 {
        cost(bad, ctx) - cost(good, ctx)
    }

    #[test]
    fn mojibake_costs_more_than_its_repair() {
        assert!(gain("cafÃ©", "café", Some(Sc::Latin)) > 3.0);
        assert!(gain("РЎРµСЂРіРµР№", "Сергей", Some(Sc::Cyrillic)) > 5.0);
        assert!(gain("Ð¡ÐµÑ€Ð³ÐµÐ¹", "Сергей", Some(Sc::Cyrillic)) > 5.0);
        assert!(gain("â€œquotedâ€\u{9D}", "“quoted”", Some(Sc::Latin)) > 5.0);
        assert!(gain("ÅŸehir", "şehir", Some(Sc::Latin)) > 2.5);
    }

    #[test]
    fn clean_words_cost_less_than_chance_decodings() {
        assert!(gain("ţ", "её", Some(Sc::Cyrillic)) > 3.0);
        assert!(gain("Φ", "ні", Some(Sc::Cyrillic)) > 2.0);
        assert!(gain("«ÉTɻ", "«ÉTÉ»", Some(Sc::Latin)) > 1.0);
        // A digit of another script's numerals glued to a letter.
        assert!(gain("дырэктоp٦", "дырэктоpыі", Some(Sc::Cyrillic)) > 0.0);
        assert!(gain("ы٦", "ыі", Some(Sc::Cyrillic)) > 2.5);
        // Digits every script uses (fullwidth `２`) cost nothing beside
        // letters, and one of another script's numerals nothing beside that
        // script's letters (Arabic `ب`).
        let (latin, none) = (Some(Sc::Latin), None);
        assert!((cost("x٢", latin) - cost("x２", latin) - 3.0).abs() < 1e-4);
        assert!((cost("ب٢", none) - cost("ب２", none)).abs() < 1e-4);
        assert!(!is_foreign_digit('٦', Sc::Other));
        assert!(is_foreign_digit('٦', Sc::Cyrillic));
        assert!(is_foreign_digit('७', Sc::Latin));
        assert!(!is_foreign_digit('7', Sc::Greek));
        assert!(!is_foreign_digit('𝟕', Sc::Latin));
    }

    /// `MOJIBAKE_DEBUG="a|b|ctx" cargo test -p polynorm-repair --lib debug_costs -- --ignored --nocapture`
    #[test]
    #[ignore = "a tool: prints costs"]
    #[allow(clippy::print_stdout)] // a tool
    fn debug_costs() {
        let spec = std::env::var("MOJIBAKE_DEBUG").unwrap_or_default();
        for item in spec.split(';') {
            let mut f = item.split('|');
            let (a, b) = (f.next().unwrap_or(""), f.next().unwrap_or(""));
            let ctx = match f.next() {
                Some("cyr") => Some(Sc::Cyrillic),
                Some("el") => Some(Sc::Greek),
                Some("none") => None,
                _ => Some(Sc::Latin),
            };
            println!("{a:?} {:.2}  {b:?} {:.2}", cost(a, ctx), cost(b, ctx));
        }
    }

    #[test]
    fn info_table_as_info() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let (a, b) = (entry_fast(c), Entry::of(c));
            assert!(
                a.cost.to_bits() == b.cost.to_bits() && a.kind == b.kind,
                "{c:?}"
            );
            assert_eq!(a.flags, b.flags, "{c:?}");
            let (cost, kind) = info(c);
            assert!(
                a.cost.to_bits() == cost.to_bits() && a.kind == kind,
                "{c:?}"
            );
        }
    }

    /// Every flag stands for the test it names, and each is set for some
    /// character (a flag no character has would leave a rule of [`pair`]
    /// dead).
    #[test]
    fn flags_as_their_tests() {
        let mut seen = 0;
        for c in (0..0x3000).filter_map(char::from_u32) {
            let f = flags(c);
            seen |= f;
            assert_eq!(f & LATIN1_LEAD != 0, is_latin1_lead(c), "{c:?}");
            assert_eq!(f & CP1252_TAIL != 0, is_cp1252_tail(c), "{c:?}");
            assert_eq!(f & CYRILLIC_CAPITAL != 0, ('А'..='Я').contains(&c), "{c:?}");
            assert_eq!(
                f & SIGN_AFTER_CAPITAL != 0,
                is_sign_after_capital(c),
                "{c:?}"
            );
            assert_eq!(f & ASCII_PUNCT != 0, c.is_ascii_punctuation(), "{c:?}");
        }
        assert_eq!(seen, 63);
        assert_eq!(flags('„') & QUOTE, QUOTE);
        assert_eq!(flags('"') & QUOTE, 0);
    }

    #[test]
    fn letters_as_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn case_as_the_standard_library() {
        for c in (0..0x3000)
            .filter_map(char::from_u32)
            .filter(|c| c.is_alphabetic())
        {
            assert_eq!(case(c), (c.is_uppercase(), c.is_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn lowercase_as_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lower(&mut ours, c);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    /// A run is lowercased (its ASCII letters by the bytes, its letters of
    /// `Ѐ`..`џ` without a call) as [`push_lower`] lowercases each of its
    /// letters, the marks left out: every character up to U+3000 alone and
    /// after an ASCII and a Cyrillic letter, with and without marks, and
    /// runs of both alphabets.
    #[test]
    fn run_lowercase_as_push_lower() {
        let ascii: String = (0u8..0x80).map(char::from).collect();
        let mut texts: Vec<String> = vec![
            ascii,
            "Hello".into(),
            "WORLD".into(),
            "РџСЂРёРІРµС‚".into(),
            "ЁЖИК ѐЀЏџ".into(),
            "Ґрунт ÀÉÎ Ωμέγα Ά".into(),
            "й\u{301}Й\u{306}".into(),
        ];
        texts.extend(
            (0..0x3000)
                .filter_map(char::from_u32)
                .map(|c| format!("{c}")),
        );
        texts.extend(
            (0..0x3000)
                .filter_map(char::from_u32)
                .map(|c| format!("aЯ{c}")),
        );
        for text in &texts {
            for marks in [false, true] {
                let mut run = Run {
                    start: 0,
                    end: text.len(),
                    marks,
                    non_ascii: !text.is_ascii(),
                    ..Run::default()
                };
                run.lowercase(text);
                let mut want = String::new();
                text.chars()
                    .filter(|&c| !marks || matches!(info(c).1, Kind::Letter { .. }))
                    .for_each(|c| push_lower(&mut want, c));
                assert_eq!(run.lower, want, "{text:?} {marks}");
            }
        }
    }

    /// [`dominant`] by bytes counts every character as [`dominant_class`]
    /// does: one character at a time across the planes, and lines that mix
    /// one-, two-, three- and four-byte characters.
    #[test]
    fn dominant_by_bytes_as_by_characters() {
        let by_chars = |text: &str| {
            let mut counts = [0usize; 4];
            for c in text.chars() {
                if let Some(class) = dominant_class(c) {
                    counts[usize::from(class)] += 1;
                }
            }
            counts
        };
        let expect = |counts: [usize; 4]| {
            let (best, n) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
                .unwrap();
            (*n > 0).then_some([Sc::Latin, Sc::Cyrillic, Sc::Greek, Sc::Other][best])
        };
        for cp in (0u32..0x3000)
            .chain(0x1_0000..0x1_0100)
            .chain(0x2_0000..0x2_0010)
        {
            if let Some(c) = char::from_u32(cp) {
                let text = c.to_string();
                assert_eq!(dominant(&text), expect(by_chars(&text)), "{c:?}");
            }
        }
        for text in [
            "Debian и GRUB, установка системы",
            "ÃÅ¸ÃÂ¾ÃÂ´Ã‘â‚¬ÃÂ¾ÃÂ± Ã‘â€“ semctl(2) ΞΒ¤ΞΞ",
            "中文 ок ab 𝔘𝔫 ἀλλά ĦŦ × ÷ ẞ ﬁ",
            "Ελληνικά και ΑΒΓ abc",
            "",
        ] {
            assert_eq!(dominant(text), expect(by_chars(text)), "{text}");
        }
    }

    /// [`ScriptCounts`], fed one character at a time, finds what
    /// [`dominant`] finds by the bytes: every character alone, and lines.
    #[test]
    fn script_counts_as_dominant() {
        let counted = |text: &str| {
            let mut counts = ScriptCounts::default();
            text.chars().for_each(|c| counts.count(c));
            counts.dominant()
        };
        for cp in (0u32..0x3000).chain(0x1_0000..0x1_0100) {
            if let Some(c) = char::from_u32(cp) {
                let text = c.to_string();
                assert_eq!(counted(&text), dominant(&text), "{c:?}");
            }
        }
        for text in [
            "Debian и GRUB, установка системы",
            "ÃÅ¸ÃÂ¾ÃÂ´Ã‘â‚¬ÃÂ¾ÃÂ± Ã‘â€“ semctl(2) ΞΒ¤ΞΞ",
            "中文 ок ab 𝔘𝔫 ἀλλά ĦŦ × ÷ ẞ ﬁ",
            "Ελληνικά και ΑΒΓ abc",
            "abc абв",
            "",
        ] {
            assert_eq!(counted(text), dominant(text), "{text}");
        }
    }

    #[test]
    fn no_letters_where_dominant_skips_them() {
        for c in ('\u{2000}'..='\u{206F}')
            .chain('\u{2190}'..='\u{23FF}')
            .chain('\u{2500}'..='\u{25FF}')
        {
            assert!(!c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn dominant_script() {
        assert_eq!(
            dominant("Debian и GRUB, установка системы"),
            Some(Sc::Cyrillic)
        );
        assert_eq!(dominant("1 2 3"), None);
    }
}
