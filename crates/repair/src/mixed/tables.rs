//! Lookups over the generated tables: lookalike letters, keyboard layouts
//! and lexicons. Everything here is a binary search over sorted static data;
//! what allocates is built once, on first use (the bigram models' indexes
//! over their generated tables, the lexicons' hash tables, the FSTs).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::bigram_model::DenseIndex;
use crate::tables::bigrams::{BigramTable, BIGRAMS};
use crate::tables::layouts::{LayoutTable, KEY_NAMES, LAYOUTS};
use crate::tables::lexicon::{LexiconTable, LEXICONS};
use crate::tables::lookalikes::{
    CYRILLIC_TO_LATIN, GREEK_TO_LATIN, LATIN_TO_CYRILLIC, LATIN_TO_GREEK,
};
use crate::word_table::{entry, WordFilter, WordTable};

/// The three scripts whose letters are confused with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Sc {
    Latin,
    Cyrillic,
    Greek,
}

impl Sc {
    pub(crate) const ALL: [Sc; 3] = [Sc::Latin, Sc::Cyrillic, Sc::Greek];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Sc::Latin => "Latin",
            Sc::Cyrillic => "Cyrillic",
            Sc::Greek => "Greek",
        }
    }

    /// The languages whose lexicons judge words of this script.
    pub(crate) fn languages(self) -> &'static [&'static str] {
        match self {
            Sc::Latin => &["en", "de", "fr", "es", "sr"],
            Sc::Cyrillic => &["ru", "uk", "be", "bg", "sr"],
            Sc::Greek => &["el"],
        }
    }

    /// The keyboard layouts that type this script.
    pub(crate) fn layouts(self) -> &'static [&'static str] {
        match self {
            Sc::Latin => &["us", "de", "fr"],
            Sc::Cyrillic => &["ru", "ua", "by", "bg", "bg-phonetic", "rs"],
            Sc::Greek => &["gr"],
        }
    }
}

/// The language a keyboard layout is made for (its lexicon id).
pub(crate) fn layout_language(id: &str) -> &'static str {
    match id {
        "de" => "de",
        "fr" => "fr",
        "ru" => "ru",
        "ua" => "uk",
        "by" => "be",
        "bg" | "bg-phonetic" => "bg",
        "rs" => "sr",
        "gr" => "el",
        _ => "en",
    }
}

/// Whether layout `id` is one that writers of `lang` use: its own language,
/// and US QWERTY for Spanish too (no Spanish layout is modelled).
pub(crate) fn layout_serves(id: &str, lang: &str) -> bool {
    layout_language(id) == lang || (id == "us" && lang == "es")
}

/// The confusable script of a letter, by block; `None` for anything else
/// (digits, punctuation, marks, other scripts).
#[inline]
pub(crate) fn sc_of(c: char) -> Option<Sc> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(Sc::Latin),
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' if c != '\u{00D7}' && c != '\u{00F7}' => {
            Some(Sc::Latin)
        }
        '\u{0400}'..='\u{0482}' | '\u{048A}'..='\u{052F}' => Some(Sc::Cyrillic),
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' if super::letters::is_alphabetic(c) => {
            Some(Sc::Greek)
        }
        _ => None,
    }
}

/// Whether lowercase letter `c` belongs to the alphabet of Cyrillic
/// language `lang` (the standard alphabets: Russian 33 letters, Ukrainian
/// 33, Belarusian 32, Bulgarian 30 and `ѝ`, Serbian 30); `None` for a
/// character of no Cyrillic block or another language.
pub(crate) fn in_alphabet(lang: &str, c: char) -> Option<bool> {
    if sc_of(c) != Some(Sc::Cyrillic) {
        return None;
    }
    let (bits, ghe) = match lang {
        "ru" => ALPHABET_BITS[0],
        "uk" => ALPHABET_BITS[1],
        "be" => ALPHABET_BITS[2],
        "bg" => ALPHABET_BITS[3],
        "sr" => ALPHABET_BITS[4],
        _ => return None,
    };
    let offset = (c as u32).wrapping_sub(0x430);
    Some(if offset < 64 {
        bits >> offset & 1 == 1
    } else {
        ghe && c == 'ґ'
    })
}

/// For a letter of U+0400–U+045F, the alphabets of [`ALPHABETS`] (bit `i`
/// for the `i`-th of `Sc::Cyrillic.languages()`: Russian, Ukrainian,
/// Belarusian, Bulgarian, Serbian) that hold its lowercase form; `None`
/// for other characters.
#[inline]
pub(crate) fn cyrillic_alphabets(c: char) -> Option<u8> {
    LOWER_ALPHABETS
        .get((c as usize).wrapping_sub(0x400))
        .copied()
}

/// [`cyrillic_alphabets`] by code point from U+0400: `Ѐ`–`Џ` lowercase to
/// `ѐ`–`џ` (+0x50), `А`–`Я` to `а`–`я` (+0x20), the rest are lowercase.
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const LOWER_ALPHABETS: [u8; 0x60] = {
    let mut out = [0u8; 0x60];
    let mut i = 0;
    while i < 0x60 {
        let lower = match i {
            0x00..=0x0F => i + 0x50,
            0x10..=0x2F => i + 0x20,
            _ => i,
        } as u32;
        let offset = lower + 0x400 - 0x430;
        let mut k = 0;
        while k < 5 {
            if ALPHABET_BITS[k].0 >> offset & 1 == 1 {
                out[i] |= 1 << k;
            }
            k += 1;
        }
        i += 1;
    }
    out
};

/// The alphabets of [`in_alphabet`]: Russian, Ukrainian, Belarusian,
/// Bulgarian and Serbian.
const ALPHABETS: [&str; 5] = [
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "абвгдђежзијклљмнњопрстћуфхцчџш",
];

/// Each of [`ALPHABETS`] as bits of U+0430–U+046F (every letter of them
/// but `ґ`), and whether it has `ґ` (U+0491).
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const ALPHABET_BITS: [(u64, bool); 5] = {
    let mut out = [(0u64, false); 5];
    let mut k = 0;
    while k < 5 {
        // Two-byte UTF-8 letters only.
        let bytes = ALPHABETS[k].as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() {
            let cp = ((bytes[i] as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
            if cp >= 0x430 && cp < 0x470 {
                out[k].0 |= 1 << (cp - 0x430);
            } else if cp == 0x491 {
                out[k].1 = true;
            }
            i += 2;
        }
        k += 1;
    }
    out
};

/// Vowels of the three scripts, lowercase or uppercase; used by the cheap
/// wrong-layout line test: one bit look-up below U+0530 (Latin, Greek,
/// Cyrillic), a range test for Vietnamese U+1EA0–U+1EF9.
#[inline]
pub(crate) fn is_vowel(c: char) -> bool {
    let cp = c as u32;
    match VOWEL_BITS.get((cp >> 6) as usize) {
        Some(word) => word >> (cp & 63) & 1 == 1,
        None => ('\u{1EA0}'..='\u{1EF9}').contains(&c),
    }
}

/// [`vowel_by_match`] for U+0000–U+052F, one bit per code point.
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const VOWEL_BITS: [u64; 0x530 / 64 + 1] = {
    let mut bits = [0u64; 0x530 / 64 + 1];
    let mut cp = 0u32;
    while cp < 0x530 {
        if let Some(c) = char::from_u32(cp) {
            if vowel_by_match(c) {
                bits[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        }
        cp += 1;
    }
    bits
};

/// The vowels of [`is_vowel`], spelled out.
pub(super) const fn vowel_by_match(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    }
    // Both cases spelled out: no case mapping on the hot path.
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
            | 'À'..='Æ'
            | 'È'..='Ï'
            | 'Ò'..='Ö'
            | 'Ø'..='Ý'
            | 'à'..='æ'
            | 'è'..='ï'
            | 'ò'..='ö'
            | 'ø'..='ý'
            | 'ÿ'
            | 'Œ'
            | 'œ'
            | 'Ā'..='ą'
            | 'Ē'..='ě'
            | 'Ĩ'..='ı'
            | 'Ō'..='ő'
            | 'Ũ'..='ų'
            | 'Ơ'
            | 'ơ'
            | 'Ư'
            | 'ư'
            | 'Ǎ'..='ǜ'
            | '\u{1EA0}'..='\u{1EF9}'
            | 'А'
            | 'Е'
            | 'И'
            | 'О'
            | 'У'
            | 'Ы'
            | 'Э'
            | 'Ю'
            | 'Я'
            | 'а'
            | 'е'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'Ё'
            | 'Є'
            | 'І'
            | 'Ї'
            | 'Ў'
            | 'ё'
            | 'є'
            | 'і'
            | 'ї'
            | 'ў'
            | 'Α'
            | 'Ε'
            | 'Η'
            | 'Ι'
            | 'Ο'
            | 'Υ'
            | 'Ω'
            | 'Ά'
            | 'Έ'..='Ί'
            | 'Ό'
            | 'Ύ'
            | 'Ώ'
            | 'α'
            | 'ε'
            | 'η'
            | 'ι'
            | 'ο'
            | 'υ'
            | 'ω'
            | 'ά'..='ί'
            | 'ό'..='ώ'
            | 'ϊ'
            | 'ϋ'
            | 'ΐ'
            | 'ΰ'
    )
}

/// The lookalike of `c` in script `to`, with its strength (2: same UTS #39
/// prototype; 1: curated near pair), or `None`.
pub(crate) fn lookalike(c: char, to: Sc) -> Option<(char, u8)> {
    let table: &[(char, char, u8)] = match (sc_of(c)?, to) {
        (Sc::Cyrillic, Sc::Latin) => CYRILLIC_TO_LATIN,
        (Sc::Greek, Sc::Latin) => GREEK_TO_LATIN,
        (Sc::Latin, Sc::Cyrillic) => LATIN_TO_CYRILLIC,
        (Sc::Latin, Sc::Greek) => LATIN_TO_GREEK,
        _ => return None,
    };
    let i = table.binary_search_by(|e| e.0.cmp(&c)).ok()?;
    table.get(i).map(|&(_, to, strength)| (to, strength))
}

/// A keyboard layout by id (`"us"`, `"ru"`, …).
pub(crate) fn layout(id: &str) -> Option<&'static LayoutTable> {
    LAYOUTS.iter().find(|l| l.id == id)
}

/// The character the same key and level gives on `to` that `c` is on `from`.
pub(crate) fn retype(c: char, from: &LayoutTable, to: &LayoutTable) -> Option<char> {
    let i = from.by_char.binary_search_by(|e| e.0.cmp(&c)).ok()?;
    let &(_, key, level) = from.by_char.get(i)?;
    let out = *to.keys.get(usize::from(key))?.get(usize::from(level))?;
    if out == c {
        // A character `from` has on two keys (`<` on Shift+comma and on the
        // ISO key of 105-key keyboards) that the first gives back unchanged:
        // typed there, it needed no other layout, so the other key is the
        // one meant (`«` on the Greek layout's ISO key).
        let iso = KEY_NAMES.iter().position(|k| *k == "LSGT")?;
        if usize::from(key) != iso {
            let other = from
                .keys
                .get(iso)
                .and_then(|levels| levels.iter().position(|&x| x == c))
                .and_then(|l| to.keys.get(iso)?.get(l).copied());
            if let Some(o) = other.filter(|&o| o != '\0' && o != c) {
                return Some(o);
            }
        }
    }
    (out != '\0').then_some(out)
}

/// Dead keys of the layouts, as the `# Dead keys` header lines of
/// `data/curated/layouts/*.toml` record them (xkb-data): layout, XKB key
/// name, and the combining mark each level adds to the next letter typed
/// (`'\0'` where that level is not a dead key). A test checks this list
/// against those headers.
pub(crate) const DEAD_KEYS: &[(&str, &str, [char; 2])] = &[
    ("de", "AE12", ['\u{301}', '\u{300}']),
    ("de", "TLDE", ['\u{302}', '\0']),
    ("fr", "AD11", ['\u{302}', '\u{308}']),
    ("gr", "AC10", ['\u{301}', '\u{308}']),
];

/// The combining mark the dead key at (`key`, `level`) of `layout` puts on
/// the next letter, if that key is dead there.
fn dead_mark(layout: &LayoutTable, key: u8, level: u8) -> Option<char> {
    let name = KEY_NAMES.get(usize::from(key))?;
    let (_, _, marks) = DEAD_KEYS
        .iter()
        .find(|(id, k, _)| *id == layout.id && k == name)?;
    marks
        .get(usize::from(level))
        .copied()
        .filter(|m| *m != '\0')
}

/// The endings a Russian, Ukrainian, Belarusian, Bulgarian or Serbian
/// writer glues to a Latin word to inflect it without a hyphen (`Linuxом`,
/// `iPhoneа`, `driverів`, `Oracleаў`, `fileът`, `providerа`): the case
/// endings of the noun declensions (and Bulgarian's plural and definite
/// article), three letters at most, per language; no adjective endings (a
/// Latin stem takes an adjective suffix, `Windows-овский`, not a bare
/// ending). Written out from the declension tables of the standard
/// grammars (Russian: Zaliznyak's *Grammatical Dictionary*, noun types
/// 1–8; Ukrainian, Belarusian: the academic grammars' noun declensions;
/// Bulgarian: the plural and article forms; Serbian: Stanojčić and
/// Popović's *Gramatika srpskoga jezika*, the three noun declensions, with
/// the long plural `-ови`/`-еви` of one-syllable masculines, which loanwords
/// take, `Qt-ови`; not the vocative `-о`, whose Latin lookalike ends many
/// English words), not generated; Russian adds the forms of the colloquial
/// `-ка` nouns (`флешку`), which are as often glued to an English stem.
/// Sorted, for a binary search.
const CASE_ENDINGS: [(&str, &[&str]); 5] = [
    (
        "be",
        &[
            "а", "ай", "ам", "амі", "ах", "аў", "е", "ем", "ой", "ом", "ою", "оў", "у", "ы", "ю",
            "я", "ям", "ямі", "ях", "яў", "ёй", "ёю", "ёў", "і",
        ],
    ),
    (
        "bg",
        &["а", "и", "ите", "ове", "та", "те", "то", "ът", "я", "ят"],
    ),
    (
        "ru",
        &[
            "а", "ам", "ами", "ах", "е", "ев", "ей", "ем", "ею", "и", "ка", "ке", "ки", "кой",
            "ку", "ов", "ой", "ом", "ою", "у", "ы", "ю", "я", "ям", "ями", "ях", "ём",
        ],
    ),
    (
        "sr",
        &[
            "а", "ама", "е", "ева", "еве", "еви", "ем", "и", "има", "ова", "ове", "ови", "ом", "у",
            "ју",
        ],
    ),
    (
        "uk",
        &[
            "а", "ам", "ами", "ах", "е", "еві", "ем", "ею", "и", "ові", "ом", "ою", "у", "ю", "я",
            "ям", "ями", "ях", "є", "єві", "єм", "єю", "і", "ів", "ї", "їв",
        ],
    ),
];

/// Whether `ending`, lower case, is one of [`CASE_ENDINGS`] of `lang`.
pub(crate) fn is_case_ending(lang: &str, ending: &str) -> bool {
    CASE_ENDINGS
        .iter()
        .find(|(l, _)| *l == lang)
        .is_some_and(|(_, endings)| endings.binary_search(&ending).is_ok())
}

/// `s` in lower case, as [`str::to_lowercase`] has it: letters of ASCII and
/// of the basic Cyrillic block (U+0400–U+045F, what Russian, Ukrainian,
/// Belarusian, Bulgarian and Serbian words are made of) by arithmetic, any
/// other text by the standard function (whose table search was a tenth of
/// the cost of judging a foreign word).
pub(crate) fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let Some(lower) = lower_char(c) else {
            return s.to_lowercase();
        };
        out.push(lower);
    }
    out
}

/// The lower case of `c` as [`lowercase`] maps it by itself (ASCII and the
/// basic Cyrillic block), or `None` for any other character: then
/// [`lowercase`] lower-cases the whole text by the standard function (a
/// final `Σ` depends on its place, `İ` takes two characters).
#[inline]
pub(crate) fn lower_char(c: char) -> Option<char> {
    Some(match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\u{7F}' | 'а'..='џ' => c,
        // `А`–`Я` are `а`–`я` 32 code points on, `Ѐ`–`Џ` are `ѐ`–`џ` 80 on.
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(u32::from(c) + 0x50).unwrap_or(c),
        _ => return None,
    })
}

/// What an ASCII character re-types into on a pair of layouts, for
/// [`retype_text`]: a character, [`NO_RETYPE`] (not on the first layout, or
/// nothing on the second), or [`DEAD_RETYPE`] (a dead key on the second).
type AsciiRetypes = [u32; 128];

/// See [`AsciiRetypes`]. (No character is U+0000 or above U+10FFFF.)
pub(crate) const NO_RETYPE: u32 = 0;
/// See [`AsciiRetypes`].
pub(crate) const DEAD_RETYPE: u32 = u32::MAX;

/// The [`AsciiRetypes`] of every ordered pair of [`LAYOUTS`], the pair
/// (`i`, `j`) at `i * LAYOUTS.len() + j`, worked out once from
/// [`retype`] and [`dead_mark`] themselves.
pub(crate) fn ascii_retypes(from: &LayoutTable, to: &LayoutTable) -> Option<&'static AsciiRetypes> {
    static TABLES: std::sync::OnceLock<Vec<AsciiRetypes>> = std::sync::OnceLock::new();
    let index = |l: &LayoutTable| LAYOUTS.iter().position(|x| std::ptr::eq(x, l));
    let (i, j) = (index(from)?, index(to)?);
    let tables = TABLES.get_or_init(|| {
        let mut all = Vec::with_capacity(LAYOUTS.len() * LAYOUTS.len());
        for a in LAYOUTS {
            for b in LAYOUTS {
                let mut t = [NO_RETYPE; 128];
                for (byte, slot) in (0u8..).zip(t.iter_mut()) {
                    let c = char::from(byte);
                    let Some(&(_, key, level)) = a
                        .by_char
                        .binary_search_by(|e| e.0.cmp(&c))
                        .ok()
                        .and_then(|i| a.by_char.get(i))
                    else {
                        continue;
                    };
                    *slot = if dead_mark(b, key, level).is_some() {
                        DEAD_RETYPE
                    } else {
                        retype(c, a, b).map_or(NO_RETYPE, u32::from)
                    };
                }
                all.push(t);
            }
        }
        all
    });
    tables.get(i * LAYOUTS.len() + j)
}

/// Whether ASCII `text` re-types on `to` from layout `a` exactly as from
/// layout `b`, by their [`AsciiRetypes`]: every byte the same entry, and
/// no dead key. (`false` is no claim that they differ.)
pub(crate) fn same_ascii_retyping(
    text: &str,
    a: &LayoutTable,
    b: &LayoutTable,
    to: &LayoutTable,
) -> bool {
    let (Some(from_a), Some(from_b)) = (ascii_retypes(a, to), ascii_retypes(b, to)) else {
        return false;
    };
    text.bytes().all(|x| {
        let entry = from_a.get(usize::from(x));
        entry.is_some() && entry == from_b.get(usize::from(x)) && entry != Some(&DEAD_RETYPE)
    })
}

/// What [`retype_ascii`] makes of a text: [`retype_text`]'s answer, or
/// that the general walk must give it.
enum AsciiRetyped {
    Done(Option<String>),
    NeedsWalk,
}

/// [`retype_text`] for ASCII `text` by the pair's [`AsciiRetypes`];
/// [`AsciiRetyped::NeedsWalk`] where a dead key or a pair outside
/// [`LAYOUTS`] needs the general walk.
fn retype_ascii(
    text: &str,
    from: &LayoutTable,
    to: &LayoutTable,
    strict: bool,
    convert: &impl Fn(char) -> bool,
) -> AsciiRetyped {
    let Some(table) = ascii_retypes(from, to) else {
        return AsciiRetyped::NeedsWalk;
    };
    let mut out = String::with_capacity(text.len() * 2);
    for &b in text.as_bytes() {
        let c = char::from(b);
        if !convert(c) {
            out.push(c);
            continue;
        }
        match table.get(usize::from(b)).copied().unwrap_or(NO_RETYPE) {
            DEAD_RETYPE => return AsciiRetyped::NeedsWalk,
            NO_RETYPE if strict => return AsciiRetyped::Done(None),
            NO_RETYPE => out.push(c),
            r => out.push(char::from_u32(r).unwrap_or(c)),
        }
    }
    AsciiRetyped::Done(Some(out))
}

/// Re-types `text` typed on layout `from` as if `to` had been active,
/// dead keys included (`;a` on QWERTY is `ά` on the Greek layout). Each
/// character is re-typed when `convert` says so; with `strict`, a character
/// that cannot be re-typed makes the whole result `None`, otherwise it stays.
pub(crate) fn retype_text(
    text: &str,
    from: &LayoutTable,
    to: &LayoutTable,
    strict: bool,
    convert: impl Fn(char) -> bool,
) -> Option<String> {
    // Most re-typed words are ASCII (Latin words read on a Cyrillic or
    // Greek layout): one table look-up per character.
    if text.is_ascii() {
        if let AsciiRetyped::Done(out) = retype_ascii(text, from, to, strict, &convert) {
            return out;
        }
    }
    retype_text_by_keys(text, from, to, strict, convert)
}

/// [`retype_text`] by the layouts' key lists, character by character.
fn retype_text_by_keys(
    text: &str,
    from: &LayoutTable,
    to: &LayoutTable,
    strict: bool,
    convert: impl Fn(char) -> bool,
) -> Option<String> {
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !convert(c) {
            out.push(c);
            continue;
        }
        let at = from
            .by_char
            .binary_search_by(|e| e.0.cmp(&c))
            .ok()
            .and_then(|i| from.by_char.get(i));
        let Some(&(_, key, level)) = at else {
            if strict {
                return None;
            }
            out.push(c);
            continue;
        };
        if let Some(mark) = dead_mark(to, key, level) {
            // The next key's letter takes the mark.
            let next = chars.peek().and_then(|&n| retype(n, from, to));
            if let Some(composed) = next.and_then(|n| unicode_normalization::char::compose(n, mark))
            {
                chars.next();
                out.push(composed);
                continue;
            }
        }
        match retype(c, from, to) {
            Some(r) => out.push(r),
            None if strict => return None,
            None => out.push(c),
        }
    }
    Some(out)
}

/// The XKB name of the key that types `c` on `layout` (`"AD06"`).
pub(crate) fn key_name(c: char, layout: &LayoutTable) -> Option<&'static str> {
    let i = layout.by_char.binary_search_by(|e| e.0.cmp(&c)).ok()?;
    let &(_, key, _) = layout.by_char.get(i)?;
    KEY_NAMES.get(usize::from(key)).copied()
}

/// `a == b` for language ids: two-letter ids compared as one 16-bit
/// number (the look-ups by id run for every candidate the judge scores,
/// and a string compare there was a library call).
#[inline]
fn same_lang(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        (&[a0, a1], &[b0, b1]) => u16::from_le_bytes([a0, a1]) == u16::from_le_bytes([b0, b1]),
        _ => a == b,
    }
}

/// A language's lexicon.
pub(crate) fn lexicon(lang: &str) -> Option<&'static LexiconTable> {
    LEXICONS.iter().find(|l| same_lang(l.lang, lang))
}

/// Zipf frequency (0–9.9) of a lowercase word in a language, if listed.
/// Belarusian words outside the lexicon that hunspell-be knows in some
/// inflection count as dictionary words of unknown frequency (3.0, as
/// every Belarusian lexicon entry), but for its closed-class words
/// ([`BELARUSIAN_CLOSED_CLASS`]).
pub(crate) fn zipf(lang: &str, lower: &str) -> Option<f32> {
    zipf_bytes(lang, lower.as_bytes())
}

/// [`zipf`] of the bytes of a spelling (the re-typings built on the stack
/// are looked up without a UTF-8 check).
pub(crate) fn zipf_bytes(lang: &str, lower: &[u8]) -> Option<f32> {
    let found = lexicon_zipf(lang, lower);
    if lang == "be" {
        if found.is_none() {
            return is_belarusian_form(lower).then_some(3.0);
        }
        if is_belarusian_closed_class_bytes(lower) {
            return Some(BELARUSIAN_CLOSED_CLASS_ZIPF);
        }
    }
    found
}

/// Whether [`zipf`] gives `lower` in Belarusian the assumed tier of its
/// closed-class words ([`BELARUSIAN_CLOSED_CLASS_ZIPF`]) rather than the
/// lexicon's own 3.0.
pub(crate) fn is_belarusian_closed_class(lower: &str) -> bool {
    is_belarusian_closed_class_bytes(lower.as_bytes())
}

/// [`is_belarusian_closed_class`] of a spelling's bytes.
fn is_belarusian_closed_class_bytes(lower: &[u8]) -> bool {
    BELARUSIAN_CLOSED_CLASS
        .binary_search_by(|w| w.as_bytes().cmp(lower))
        .is_ok()
}

/// Belarusian's closed-class words of three to five letters that its
/// lexicon lists (prepositions, conjunctions, particles, pronouns and the
/// pronominal adverbs, the forms of `быць`), sorted by bytes. The lexicon
/// has no frequencies for Belarusian (every entry is 3.0: hunspell-be has
/// none, and wordfreq no Belarusian list), so a slip of three letters never
/// scored as a common word does: `gfl` stayed where `пад` was meant, `ghs`
/// for `пры`, `zuj` for `яго`, while Russian `tuj` became `его`.
/// A language's closed classes are its commonest words: the Russian and
/// Ukrainian lexicons put these words' counterparts (`под`/`під`,
/// `чтобы`/`щоб`, `был`/`був`, `его`/`його`, `где`/`де`) at zipf 5.7 to
/// 6.6, and so these get [`BELARUSIAN_CLOSED_CLASS_ZIPF`]: an assumed
/// tier, not a measured frequency. Open-class words (`можна`, `зараз`,
/// `вельмі`) stay at 3.0 however common.
///
/// Left out: a word whose keys type a common Russian or Ukrainian word
/// (zipf 4.5 or more) on those layouts, where the Belarusian `і` and `ў`
/// are `и` and `щ` and the Ukrainian `і` is `ы` (`якім` is `яким`, `былі`
/// `были`, `кім` `ким`, and `вамі`, `намі`, `самі`, `якіх`, `імі`): there
/// the assumed tier would outweigh a measured word of the line's language
/// (the fix-layout-cyr sweep, whole file: `zrbv` in a Ukrainian line
/// became `якім` for `яким`).
const BELARUSIAN_CLOSED_CLASS: &[&str] = &[
    "або",
    "але",
    "альбо",
    "без",
    "будзе",
    "буду",
    "была",
    "было",
    "быць",
    "быў",
    "вакол",
    "вам",
    "вас",
    "ваш",
    "ваша",
    "вось",
    "гэта",
    "гэтае",
    "гэтай",
    "гэтая",
    "гэты",
    "гэтым",
    "гэтых",
    "гэтыя",
    "дзе",
    "дзеля",
    "для",
    "затое",
    "каб",
    "каго",
    "каля",
    "калі",
    "каму",
    "куды",
    "мае",
    "маю",
    "мая",
    "маё",
    "мной",
    "мною",
    "мой",
    "мяне",
    "міма",
    "нават",
    "над",
    "нам",
    "нас",
    "наш",
    "наша",
    "няхай",
    "нібы",
    "пад",
    "паміж",
    "пасля",
    "перад",
    "праз",
    "пры",
    "сабе",
    "сабой",
    "сам",
    "сама",
    "само",
    "свае",
    "сваю",
    "свая",
    "сваё",
    "сваім",
    "сваіх",
    "свой",
    "сябе",
    "сярод",
    "табе",
    "табой",
    "таго",
    "тады",
    "так",
    "там",
    "таму",
    "тая",
    "твая",
    "твой",
    "тое",
    "той",
    "туды",
    "тут",
    "тую",
    "тым",
    "тымі",
    "тых",
    "тыя",
    "увесь",
    "ужо",
    "усе",
    "уся",
    "усё",
    "усім",
    "усіх",
    "хай",
    "хаця",
    "хоць",
    "хто",
    "цябе",
    "чаго",
    "чаму",
    "чым",
    "што",
    "яго",
    "якая",
    "якое",
    "якой",
    "які",
    "якія",
    "яму",
    "яна",
    "яно",
    "яны",
    "яшчэ",
    "ёсць",
    "ўжо",
    "ўсе",
    "ўсё",
    "ўсім",
    "ўсіх",
];

/// The zipf [`zipf`] gives a word of [`BELARUSIAN_CLOSED_CLASS`]: a
/// little under the least of its Russian and Ukrainian counterparts'
/// (`над` 5.67, `тим` 5.69), so that a short re-typing into one counts as
/// a common word, and under `COMMON_RETYPE_ZIPF` (5.5): the commonest
/// words, which make a rare word as typed a slip by themselves
/// (`common_retyping`), are measured ones.
const BELARUSIAN_CLOSED_CLASS_ZIPF: f32 = 5.4;

/// [`zipf`], and for words it does not know, the extended lexicon of the
/// language (rarer words and inflected forms). Evidence *for* a candidate
/// spelling: a word as typed is judged by [`zipf`] alone, since strings
/// typed on the wrong layout hit some rare word all too often.
///
/// Russian writes `ё` as `е` more often than not, and wordfreq mostly lists
/// the `е` spelling (`задается`): a Russian spelling with `ё` that is not
/// listed counts as its `е` spelling.
///
/// French elides `le`, `de`, `se`, … before a vowel or mute `h`
/// (`l'aide`, `d'autres`), and wordfreq lists the word without its elided
/// article: such a spelling counts as the word after the apostrophe.
pub(crate) fn zipf_ext(lang: &str, lower: &str) -> Option<f32> {
    zipf_ext_bytes(lang, lower.as_bytes())
}

/// [`zipf_ext`] of the bytes of a spelling (UTF-8, as every spelling
/// asked is).
pub(crate) fn zipf_ext_bytes(lang: &str, lower: &[u8]) -> Option<f32> {
    zipf_bytes(lang, lower).or_else(|| zipf_ext_beyond_bytes(lang, lower))
}

/// [`zipf_ext`] of a spelling [`zipf`] does not know (for one it knows,
/// [`zipf_ext`] is [`zipf`]'s answer): what the extended lexicon and the
/// readings of `ё` and of French elision find.
pub(crate) fn zipf_ext_beyond(lang: &str, lower: &str) -> Option<f32> {
    zipf_ext_beyond_bytes(lang, lower.as_bytes())
}

/// [`zipf_ext_beyond`] of the bytes of a spelling.
fn zipf_ext_beyond_bytes(lang: &str, lower: &[u8]) -> Option<f32> {
    // `ё` is `D1 91`, `е` is `D0 B5` (in UTF-8 a `D1` byte only ever
    // starts a character).
    const YO: [u8; 2] = [0xD1, 0x91];
    more_zipf(lang, lower).or_else(|| {
        if lang == "fr" {
            let rest = french_elided(std::str::from_utf8(lower).ok()?)?;
            return zipf(lang, rest).or_else(|| more_zipf(lang, rest.as_bytes()));
        }
        if lang != "ru" || !lower.windows(2).any(|w| w == YO) {
            return None;
        }
        let mut plain = Vec::with_capacity(lower.len());
        let mut rest = lower;
        while let Some((&b, after)) = rest.split_first() {
            if rest.starts_with(&YO) {
                plain.extend_from_slice(&[0xD0, 0xB5]);
                rest = after.get(1..).unwrap_or_default();
            } else {
                plain.push(b);
                rest = after;
            }
        }
        zipf_bytes(lang, &plain).or_else(|| more_zipf(lang, &plain))
    })
}

/// Whether a lexicon of `lang` (the lexicon, the extended lexicon, the
/// Belarusian hunspell forms: what [`zipf_ext`] asks) lists a word that
/// starts with `prefix` (`сок` starts `сокол`; no Russian word starts
/// with `оры`). Each source is searched from the first listed word not
/// below `prefix` in byte order: every word that starts with it follows.
pub(crate) fn lists_prefix(lang: &str, prefix: &str) -> bool {
    if let Some(lex) = lexicon(lang) {
        let at = first_not_below(lex, prefix.as_bytes());
        if entry(lex, at).is_some_and(|word| word.starts_with(prefix)) {
            return true;
        }
    }
    let in_fst = |fst: &fst::raw::Fst<Vec<u8>>| {
        use fst::{IntoStreamer, Streamer};
        let mut from = fst.range().ge(prefix.as_bytes()).into_stream();
        from.next()
            .is_some_and(|(word, _)| word.starts_with(prefix.as_bytes()))
    };
    more_map(lang).is_some_and(|(map, _)| in_fst(map.as_fst()))
        || (lang == "be" && belarusian_forms().is_some_and(|(set, _)| in_fst(set.as_fst())))
        // (Russian lists `е` where `ё` is meant, as [`zipf_ext`] reads it.)
        || (lang == "ru" && prefix.contains('ё') && lists_prefix(lang, &prefix.replace('ё', "е")))
}

/// The word after a French elided article or pronoun (`c' d' j' l' m' n'
/// s' t' qu'`, apostrophe straight or typographic), when it starts with a
/// vowel or `h` as elision wants: `autres` of `d'autres`.
fn french_elided(lower: &str) -> Option<&str> {
    let (head, rest) = lower.split_once(['\'', '\u{2019}'])?;
    let elides = matches!(head, "c" | "d" | "j" | "l" | "m" | "n" | "s" | "t" | "qu");
    let vowel = rest.chars().next().is_some_and(|c| {
        matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'à' | 'â' | 'é' | 'è' | 'ê' | 'î' | 'ô' | 'û'
        )
    });
    (elides
        && vowel
        && rest.chars().count() >= 2
        && rest.chars().all(super::letters::is_alphabetic))
    .then_some(rest)
}

/// The extended lexicon of a language (words beyond its 20,000-word
/// lexicon: wordfreq's larger lists, hunspell forms), decoded on first use,
/// with a [`LazyFilter`] of its words (most strings looked up are none).
fn more_map(lang: &str) -> Option<&'static (fst::Map<Vec<u8>>, LazyFilter)> {
    use crate::tables::{
        more_bg, more_de, more_el, more_en, more_es, more_fr, more_ru, more_sr, more_uk,
    };
    type Cell = OnceLock<Option<(fst::Map<Vec<u8>>, LazyFilter)>>;
    static MAPS: [(&str, &str, Cell); 9] = [
        ("bg", more_bg::FST_BASE64, OnceLock::new()),
        ("de", more_de::FST_BASE64, OnceLock::new()),
        ("el", more_el::FST_BASE64, OnceLock::new()),
        ("en", more_en::FST_BASE64, OnceLock::new()),
        ("es", more_es::FST_BASE64, OnceLock::new()),
        ("fr", more_fr::FST_BASE64, OnceLock::new()),
        ("ru", more_ru::FST_BASE64, OnceLock::new()),
        ("sr", more_sr::FST_BASE64, OnceLock::new()),
        ("uk", more_uk::FST_BASE64, OnceLock::new()),
    ];
    let (_, encoded, cell) = MAPS.iter().find(|(l, _, _)| same_lang(l, lang))?;
    cell.get_or_init(|| {
        let bytes = decode_base64(encoded);
        debug_assert!(bytes.is_some(), "the generated base64 is valid");
        let map = bytes.and_then(|b| fst::Map::new(b).ok())?;
        Some((map, LazyFilter::default()))
    })
    .as_ref()
}

/// A [`WordFilter`] of the keys of an FST, built once the FST has been
/// asked as many times as it has keys. Listing the keys costs about 100–250
/// ns a key (60 ms for the 690,000 Belarusian forms, 8 ms for the 40,000
/// Russian words), and the filter saves about as much on each string it
/// rules out (most strings asked are no word): so a short run does not pay
/// for a filter it would not use, and a long one pays at most about twice
/// what the better choice would have cost.
#[derive(Default)]
struct LazyFilter {
    filter: OnceLock<WordFilter>,
    asked: std::sync::atomic::AtomicUsize,
}

impl LazyFilter {
    /// Whether `fst` surely has no key `key` (`false`: it may have it).
    #[inline]
    fn rules_out(&self, fst: &fst::raw::Fst<Vec<u8>>, key: &[u8]) -> bool {
        if let Some(filter) = self.filter.get() {
            return !filter.may_contain(key);
        }
        let asked = self
            .asked
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        asked >= fst.len() && !self.filter.get_or_init(|| fst_filter(fst)).may_contain(key)
    }
}

/// A [`WordFilter`] of every key of `fst`.
fn fst_filter(fst: &fst::raw::Fst<Vec<u8>>) -> WordFilter {
    use fst::Streamer;
    let mut filter = WordFilter::with_capacity(fst.len());
    let mut keys = fst.stream();
    while let Some((key, _)) = keys.next() {
        filter.insert(key);
    }
    filter
}

/// Zipf frequency of a word from the extended lexicon of `lang`.
fn more_zipf(lang: &str, lower: &[u8]) -> Option<f32> {
    let (map, filter) = more_map(lang)?;
    if filter.rules_out(map.as_fst(), lower) {
        return None;
    }
    let z = map.get(lower)?;
    Some(f32::from(u8::try_from(z).ok()?) / 10.0)
}

/// The letter trigrams of every word a look-up of a Cyrillic or Greek
/// layout's language can find ([`zipf_bytes`], [`zipf_ext_bytes`]: the
/// lexicon, the extended lexicon, the Belarusian hunspell forms), generated
/// by `polynorm-gen` (`tables/trigrams.rs`): a spelling with a character
/// none of those words has, or a trigram (with a boundary at each end) none
/// of them has, is listed nowhere, and needs no look-up. Most re-typings of a
/// Latin word are such (`ищщлцщкь`, `bookworm` on ЙЦУКЕН, has `щщл`).
pub(crate) struct Trigrams {
    /// Symbol − 1 of each character (symbol 0 is the boundary).
    index: DenseIndex,
    /// Symbols: the alphabet and the boundary.
    n: usize,
    bits: Vec<u8>,
    /// Russian: `ё` is read as `е` (as [`zipf_ext_bytes`] reads an
    /// unlisted `ё` spelling).
    yo_as_e: bool,
}

/// [`Trigrams::symbol`] of a character in no listed word.
pub(crate) const NO_SYMBOL: u8 = u8::MAX;

impl Trigrams {
    /// The symbol of lower-case `c` (1 on; 0 is the boundary), or
    /// [`NO_SYMBOL`] when no listed word has it.
    pub(crate) fn symbol(&self, c: char) -> u8 {
        let c = if self.yo_as_e && c == 'ё' { 'е' } else { c };
        self.index
            .get(c)
            .and_then(|i| u8::try_from(i + 1).ok())
            .filter(|&s| s != NO_SYMBOL)
            .unwrap_or(NO_SYMBOL)
    }

    /// Whether some listed word has the trigram of symbols `first second
    /// third` (a [`NO_SYMBOL`] among them: none has).
    #[inline]
    pub(crate) fn has(&self, first: u8, second: u8, third: u8) -> bool {
        let n = self.n;
        let symbols = [first, second, third].map(usize::from);
        if symbols.iter().any(|&s| s >= n) {
            return false;
        }
        let [first, second, third] = symbols;
        let bit = (first * n + second) * n + third;
        self.bits
            .get(bit / 8)
            .is_some_and(|byte| byte >> (bit % 8) & 1 == 1)
    }

    /// Whether every trigram of the symbols `symbols` (the boundary added
    /// at each end) is one some listed word has: false rules out every
    /// look-up of the spelling.
    #[inline]
    pub(crate) fn may_list(&self, symbols: impl Iterator<Item = u8>) -> bool {
        // The two symbols before `c` (the first trigram ends at the
        // second character, or at the closing boundary).
        let (mut a, mut b): (Option<u8>, u8) = (None, 0);
        for c in symbols.chain(std::iter::once(0)) {
            if c == NO_SYMBOL || a.is_some_and(|a| !self.has(a, b, c)) {
                return false;
            }
            (a, b) = (Some(b), c);
        }
        true
    }

    /// [`Trigrams::may_list`] of a lower-case spelling.
    pub(crate) fn may_list_str(&self, lower: &str) -> bool {
        self.may_list(lower.chars().map(|c| self.symbol(c)))
    }

    /// The symbols `third` of every trigram `first second third` some
    /// listed word has, as bits (`1 << third`), when the alphabet and the
    /// boundary fit in them (`None` when not): [`Trigrams::has`] of a whole
    /// row at once.
    pub(crate) fn row(&self, first: u8, second: u8) -> Option<u64> {
        let n = self.n;
        let (first, second) = (usize::from(first), usize::from(second));
        if n > 64 || first >= n || second >= n {
            return None;
        }
        let start = (first * n + second) * n;
        // The row's bits start `start % 8` bits into its first byte and
        // span at most nine bytes.
        let mut word = 0u128;
        for (i, &byte) in self.bits.iter().skip(start / 8).take(9).enumerate() {
            word |= u128::from(byte) << (8 * i);
        }
        let mask = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        u64::try_from(word >> (start % 8) & u128::from(mask)).ok()
    }
}

/// The [`Trigrams`] of `lang`, decoded on first use; `None` for a language
/// without them (then anything may be listed).
pub(crate) fn trigrams(lang: &str) -> Option<&'static Trigrams> {
    use crate::tables::trigrams::TRIGRAMS;
    static SETS: OnceLock<Vec<Option<Trigrams>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        TRIGRAMS
            .iter()
            .map(|&(lang, alphabet, bits)| {
                let alphabet: Vec<char> = alphabet.chars().collect();
                let n = alphabet.len() + 1;
                let bits = decode_base64(bits)?;
                debug_assert!(bits.len() * 8 >= n * n * n, "the generated bits fit");
                Some(Trigrams {
                    index: DenseIndex::new(&alphabet),
                    n,
                    bits,
                    yo_as_e: lang == "ru",
                })
            })
            .collect()
    });
    let i = TRIGRAMS.iter().position(|(l, _, _)| same_lang(l, lang))?;
    sets.get(i)?.as_ref()
}

/// Whether `lower` is a Belarusian word form: every inflection of every
/// hunspell-be entry, as an FST set decoded on first use (with a
/// [`LazyFilter`] of its forms, asked first).
pub(crate) fn is_belarusian_form(lower: &[u8]) -> bool {
    belarusian_forms()
        .is_some_and(|(set, filter)| !filter.rules_out(set.as_fst(), lower) && set.contains(lower))
}

/// The set of [`is_belarusian_form`], decoded on first use.
fn belarusian_forms() -> Option<&'static (fst::Set<Vec<u8>>, LazyFilter)> {
    static SET: OnceLock<Option<(fst::Set<Vec<u8>>, LazyFilter)>> = OnceLock::new();
    SET.get_or_init(|| {
        let bytes = decode_base64(crate::tables::be_forms::BE_FORMS_FST_BASE64);
        debug_assert!(bytes.is_some(), "the generated base64 is valid");
        let set = bytes.and_then(|b| fst::Set::new(b).ok())?;
        Some((set, LazyFilter::default()))
    })
    .as_ref()
}

/// Decodes standard padded base64; `None` on a malformed input.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    /// Each byte's 6-bit value; 0xFF for a byte outside the alphabet.
    // Indexing in a const block cannot panic at run time.
    #[allow(clippy::indexing_slicing)]
    const VALUE: [u8; 256] = {
        let mut t = [0xFFu8; 256];
        let mut i = 0u8;
        while i < 26 {
            t[(b'A' + i) as usize] = i;
            t[(b'a' + i) as usize] = i + 26;
            i += 1;
        }
        let mut d = 0u8;
        while d < 10 {
            t[(b'0' + d) as usize] = d + 52;
            d += 1;
        }
        t[b'+' as usize] = 62;
        t[b'/' as usize] = 63;
        t
    };
    let value = |b: u8| VALUE.get(usize::from(b)).copied().filter(|&v| v != 0xFF);
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let (body, last) = bytes.split_at(bytes.len().saturating_sub(4));
    // Every quad but the last has no padding: four look-ups, three bytes,
    // written into their place. A byte outside the alphabet (its value
    // 0xFF) sets a bit above the six of every valid value: or-ed together
    // and tested once at the end, not one branch per byte (the FSTs are
    // decoded while the first line waits: 1.9 MB of base64 for a Russian
    // text).
    out.resize(body.len() / 4 * 3, 0);
    let mut outside = 0u8;
    let six = |b: u8| VALUE.get(usize::from(b)).copied().unwrap_or(0xFF);
    for (quad, three) in body.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        if let (&[q0, q1, q2, q3], [x, y, z]) = (quad, three) {
            let (v0, v1, v2, v3) = (six(q0), six(q1), six(q2), six(q3));
            outside |= v0 | v1 | v2 | v3;
            *x = v0 << 2 | v1 >> 4;
            *y = v1 << 4 | v2 >> 2;
            *z = v2 << 6 | v3;
        }
    }
    if outside & 0xC0 != 0 {
        return None;
    }
    let pad = last.iter().rev().take_while(|&&b| b == b'=').count();
    let mut n = 0u32;
    for (i, &b) in last.iter().enumerate() {
        let v = if i >= 4 - pad { 0 } else { value(b)? };
        n = n << 6 | u32::from(v);
    }
    if !last.is_empty() {
        let [_, x, y, z] = n.to_be_bytes();
        out.push(x);
        if pad < 2 {
            out.push(y);
        }
        if pad < 1 {
            out.push(z);
        }
    }
    Some(out)
}

/// The lexicon's own Zipf frequency of a lowercase word.
fn lexicon_zipf(lang: &str, lower: &[u8]) -> Option<f32> {
    let z10 = match word_table(lang)? {
        Asked::Table(table) => table.get_bytes(lower),
        Asked::Search(lex) => lexicon_search(lex, lower),
    };
    z10.map(|z| f32::from(z) / 10.0)
}

/// The Zipf frequency × 10 of `lower` in `lex` by binary search of its
/// words (sorted by bytes, each once): the [`WordTable`]'s answer.
fn lexicon_search(lex: &LexiconTable, lower: &[u8]) -> Option<u8> {
    let at = first_not_below(lex, lower);
    (entry(lex, at)?.as_bytes() == lower)
        .then(|| lex.zipf10.get(at).copied())
        .flatten()
}

/// The index of the first word of `lex` (sorted by bytes) not below
/// `key` in byte order (`lex.offsets.len()` when every word is below it):
/// where `key` is listed if it is, and where the words that start with it
/// begin ([`lexicon_search`], [`lists_prefix`]).
fn first_not_below(lex: &LexiconTable, key: &[u8]) -> usize {
    let (mut lo, mut hi) = (0usize, lex.offsets.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match entry(lex, mid) {
            Some(word) if word.as_bytes() < key => lo = mid + 1,
            _ => hi = mid,
        }
    }
    lo
}

/// The highest Zipf frequency of a lowercase word among the lexicons of
/// the languages of script `sc` (`None` when none lists it): what
/// `sc.languages()` folds [`zipf`] to. Once asked often enough
/// ([`latin_table`]), the Latin languages' answer comes from one hash table
/// of all their words: one probe where one per language cost five (the
/// gate asks it of every Latin word in a Cyrillic or Greek line it works
/// out a verdict for, and most such words are listed in none). The other
/// scripts' lexicons are asked one language at a time (Belarusian counts
/// its hunspell forms, which no table holds).
pub(crate) fn script_zipf(sc: Sc, lower: &str) -> Option<f32> {
    if sc == Sc::Latin {
        if let Some(table) = latin_table(false) {
            return table.get(lower).map(|z| f32::from(z) / 10.0);
        }
    }
    sc.languages()
        .iter()
        .filter_map(|l| zipf(l, lower))
        .reduce(f32::max)
}

/// How often [`script_zipf`] asks the Latin languages one by one before it
/// builds [`latin_table`]: the table's 119,000 words cost about as much to
/// insert as 15,000 asks save (four probes each), so a short run (one
/// command over a page) does not pay for a table it would not use, and a
/// long one pays at most about twice what the better choice would have
/// cost.
const LATIN_TABLE_AFTER: usize = 15_000;

/// The [`WordTable`] of the lexicons of every Latin language, each word
/// with its highest frequency among them: built once asked
/// [`LATIN_TABLE_AFTER`] times (or when `now`), `None` before.
fn latin_table(now: bool) -> Option<&'static WordTable> {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    static ASKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if let Some(table) = TABLE.get() {
        return Some(table);
    }
    let asked = ASKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    (now || asked >= LATIN_TABLE_AFTER).then(|| {
        TABLE.get_or_init(|| {
            let lexicons: Vec<&'static LexiconTable> = Sc::Latin
                .languages()
                .iter()
                .filter_map(|l| lexicon(l))
                .collect();
            WordTable::build(&lexicons)
        })
    })
}

/// Whether a lexicon of a language of script `sc` lists the lowercase
/// word: [`script_zipf`] is some (the other scripts' languages asked until
/// one does).
pub(crate) fn lexicon_lists(sc: Sc, lower: &str) -> bool {
    if sc == Sc::Latin {
        if let Some(table) = latin_table(false) {
            return table.get(lower).is_some();
        }
    }
    sc.languages().iter().any(|l| zipf(l, lower).is_some())
}

/// How [`lexicon_zipf`] asks a language's lexicon.
enum Asked {
    /// By its hash table.
    Table(&'static WordTable),
    /// By binary search, the table not built yet.
    Search(&'static LexiconTable),
}

/// How a language's lexicon is asked: by binary search until asked as
/// often as half its words, then by its hash table, built then (one pass
/// over its 20,000 words, about 220 instructions each; a binary search
/// costs about twice that per word looked up, a dozen string comparisons,
/// and the judge looks up many). A short run, one command over a line or a
/// page, does not pay for tables it would ask a few times (building the
/// eight a Russian line reached cost 37M instructions, more than half of
/// the whole run), and a long one pays at most about twice what the better
/// choice would have cost. Either way the answer is the same (the test
/// `word_tables_agree_with_binary_search`).
fn word_table(lang: &str) -> Option<Asked> {
    static TABLES: OnceLock<Vec<(OnceLock<WordTable>, AtomicUsize)>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        LEXICONS
            .iter()
            .map(|_| (OnceLock::new(), AtomicUsize::new(0)))
            .collect()
    });
    let i = LEXICONS.iter().position(|l| same_lang(l.lang, lang))?;
    let lex = LEXICONS.get(i)?;
    let (table, asked) = tables.get(i)?;
    if let Some(table) = table.get() {
        return Some(Asked::Table(table));
    }
    if asked.fetch_add(1, Ordering::Relaxed) < lex.offsets.len() / 2 {
        return Some(Asked::Search(lex));
    }
    Some(Asked::Table(table.get_or_init(|| WordTable::build(&[lex]))))
}

/// Binary search of a language's lexicon: the reference the hash tables
/// are tested against.
#[cfg(test)]
fn lexicon_zipf_by_search(lang: &str, lower: &str) -> Option<f32> {
    lexicon_search(lexicon(lang)?, lower.as_bytes()).map(|z| f32::from(z) / 10.0)
}

/// A character bigram model of one language, worked out from its lexicon
/// (each word weighted by its frequency) by the table generator
/// ([`super::bigram_model::lexicon_model`], in `tables::bigrams`), used to rank
/// out-of-lexicon candidates such as names.
pub(crate) struct Bigrams {
    /// Positions of the alphabet's characters; the boundary is `size`.
    index: DenseIndex,
    size: usize,
    /// log P(next | prev), (alphabet + boundary)² entries, row-major.
    logp: &'static [f32],
}

impl Bigrams {
    /// The model of a generated table: its alphabet indexed, its
    /// log-probabilities as they are (building them from the lexicon cost
    /// about ten million instructions a language, while the first line
    /// waited).
    fn of_table(table: &'static BigramTable) -> Bigrams {
        let alphabet: Vec<char> = table.alphabet.chars().collect();
        Bigrams {
            index: DenseIndex::new(&alphabet),
            size: alphabet.len(),
            logp: table.logp,
        }
    }

    /// log P(`next` | `prev`), `None` standing for the word boundary;
    /// characters outside the alphabet score as the rarest transitions.
    pub(crate) fn transition(&self, prev: Option<char>, next: Option<char>) -> f32 {
        let n = self.size + 1;
        let index = |c: Option<char>| match c {
            None => Some(n - 1),
            Some(c) => self.index.get(c),
        };
        match (index(prev), index(next)) {
            (Some(p), Some(q)) => self.logp.get(p * n + q).copied().unwrap_or(-12.0),
            _ => -12.0,
        }
    }

    /// Mean log-probability per transition of `lower` (a lowercase word),
    /// boundaries included; characters outside the alphabet score as the
    /// model's rarest transitions.
    pub(crate) fn score(&self, lower: &str) -> f32 {
        self.score_positions(lower.chars().map(|c| self.index.get(c)))
    }

    /// The position of `c` in the model's alphabet, if it is there.
    pub(crate) fn position(&self, c: char) -> Option<usize> {
        self.index.get(c)
    }

    /// [`Bigrams::score`] of a word given as the [`Bigrams::position`]s
    /// of its characters.
    pub(crate) fn score_positions(&self, positions: impl Iterator<Item = Option<usize>>) -> f32 {
        let boundary = Some(self.boundary());
        let mut prev = boundary;
        let mut total = 0f32;
        let mut steps = 0u32;
        for c in positions.map(Some).chain(std::iter::once(None)) {
            let cur = c.unwrap_or(boundary);
            total += self.step(prev, cur);
            steps += 1;
            prev = cur;
        }
        total / steps.max(1) as f32
    }

    /// The position that stands for the word boundary in
    /// [`Bigrams::step`].
    pub(crate) fn boundary(&self) -> usize {
        self.size
    }

    /// One step of [`Bigrams::score_positions`]: log P(`cur` | `prev`) by
    /// positions ([`Bigrams::boundary`] for the boundary, `None` for a
    /// character outside the alphabet, which scores as the rarest
    /// transition).
    #[inline]
    pub(crate) fn step(&self, prev: Option<usize>, cur: Option<usize>) -> f32 {
        let n = self.size + 1;
        match (prev, cur) {
            (Some(p), Some(q)) => self.logp.get(p * n + q).copied().unwrap_or(-12.0),
            _ => -12.0,
        }
    }
}

/// The best bigram reading (mean log-probability per step) of the
/// lower-case spelling `lower` among the languages of script `sc`: how much
/// it looks like a word of the script. Negative infinity without a model.
pub(crate) fn best_reading(lower: &str, sc: Sc) -> f32 {
    sc.languages()
        .iter()
        .filter_map(|l| bigrams(l))
        .map(|m| m.score(lower))
        .fold(f32::NEG_INFINITY, f32::max)
}

/// The bigram model of a language with a lexicon (indexed on first use,
/// then shared).
pub(crate) fn bigrams(lang: &str) -> Option<&'static Bigrams> {
    static MODELS: OnceLock<Vec<(&'static str, OnceLock<Bigrams>)>> = OnceLock::new();
    let models =
        MODELS.get_or_init(|| LEXICONS.iter().map(|l| (l.lang, OnceLock::new())).collect());
    let (_, cell) = models.iter().find(|(l, _)| same_lang(l, lang))?;
    let lex = lexicon(lang)?;
    let table = BIGRAMS.iter().find(|t| t.lang == lex.lang)?;
    Some(cell.get_or_init(|| Bigrams::of_table(table)))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(2048), ..Default::default() })]
        #[test]
        fn lowercase_is_the_standard_one(
            text in "([a-zA-Z0-9 ,.;'\\[\\]]|[\u{0400}-\u{04FF}]|[ΣσςΑ-ω]|[ÀİẞǅⅫ])*"
        ) {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }

        #[test]
        fn ascii_retyping_is_the_key_walk(text in "[ -~]{0,12}", strict in proptest::bool::ANY) {
            for a in LAYOUTS {
                for b in LAYOUTS {
                    let convert = |c: char| c.is_ascii_alphabetic() || c == ';' || c == '[';
                    proptest::prop_assert_eq!(
                        retype_text(&text, a, b, strict, convert),
                        retype_text_by_keys(&text, a, b, strict, convert),
                        "{} -> {}", a.id, b.id
                    );
                }
            }
        }
    }

    /// The generated models against the lexicons they come from: every
    /// language with a lexicon has one, the alphabet and every
    /// log-probability (bit for bit) as [`super::super::bigram_model::lexicon_model`]
    /// works them out from the lexicon the judge reads.
    #[test]
    fn generated_bigram_models_are_the_lexicons_own() {
        assert_eq!(BIGRAMS.len(), LEXICONS.len());
        for lex in LEXICONS {
            let words = (0..lex.offsets.len()).map(|i| {
                let z10 = lex.zipf10.get(i).copied().unwrap_or(10);
                (entry(lex, i).unwrap(), z10)
            });
            let (alphabet, logp) = super::super::bigram_model::lexicon_model(words);
            let table = BIGRAMS.iter().find(|t| t.lang == lex.lang).unwrap();
            assert_eq!(
                table.alphabet.chars().collect::<Vec<_>>(),
                alphabet,
                "{}",
                lex.lang
            );
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(table.logp), bits(&logp), "{}", lex.lang);
            // Every character of the lexicon is in the alphabet.
            let model = bigrams(lex.lang).unwrap();
            assert!(lex
                .words
                .chars()
                .all(|c| c == '\n' || model.position(c).is_some()));
        }
    }

    #[test]
    fn case_endings_are_sorted_for_their_search() {
        for (lang, endings) in CASE_ENDINGS {
            assert!(endings.windows(2).all(|p| p[0] < p[1]), "{lang}");
            assert!(endings.iter().all(|e| is_case_ending(lang, e)), "{lang}");
        }
        assert!(!is_case_ending("ru", "т") && !is_case_ending("sr", "ы"));
        assert!(is_case_ending("sr", "ом") && !is_case_ending("el", "а"));
    }

    #[test]
    fn every_ascii_key_retypes_as_by_the_key_walk() {
        let mut dead = 0;
        for a in LAYOUTS {
            for b in LAYOUTS {
                for byte in 0u8..128 {
                    let c = char::from(byte);
                    for text in [c.to_string(), format!("{c}a"), format!("a{c}e")] {
                        assert_eq!(
                            retype_text(&text, a, b, true, |_| true),
                            retype_text_by_keys(&text, a, b, true, |_| true),
                            "{text:?} {} -> {}",
                            a.id,
                            b.id
                        );
                    }
                    dead += usize::from(
                        ascii_retypes(a, b).and_then(|t| t.get(usize::from(byte)).copied())
                            == Some(DEAD_RETYPE),
                    );
                }
            }
        }
        // The dead keys of German, French and Greek take the general walk.
        assert!(dead > 0);
    }

    #[test]
    fn word_tables_agree_with_binary_search() {
        // Both ways `lexicon_zipf` asks (the table, and the byte search it
        // asks before the table is built) against the search by strings.
        for lex in LEXICONS {
            let lang = lex.lang;
            let table = WordTable::build(&[lex]);
            let agree = |w: &str| {
                let by_search = lexicon_zipf_by_search(lang, w);
                let z = |z10: Option<u8>| z10.map(|z| f32::from(z) / 10.0);
                assert_eq!(z(table.get_bytes(w.as_bytes())), by_search, "{lang} {w}");
                assert_eq!(
                    z(lexicon_search(lex, w.as_bytes())),
                    by_search,
                    "{lang} {w}"
                );
                assert_eq!(lexicon_zipf(lang, w.as_bytes()), by_search, "{lang} {w}");
            };
            for i in 0..lex.offsets.len() {
                let word = entry(lex, i).unwrap();
                agree(word);
                let shorter: String = word.chars().skip(1).collect();
                agree(&shorter);
                agree(&format!("{word}q"));
            }
            agree("");
            // The language's own table was built once asked enough.
            assert!(matches!(word_table(lang), Some(Asked::Table(_))), "{lang}");
        }
        assert_eq!(lexicon_zipf("xx", b"the"), None);
    }

    #[test]
    fn script_zipf_is_the_highest_zipf_of_the_script_languages() {
        let by_language = |sc: Sc, w: &str| {
            sc.languages()
                .iter()
                .filter_map(|l| zipf(l, w))
                .reduce(f32::max)
        };
        // Latin both before its table is built and by the table.
        let latin = latin_table(true).unwrap();
        let by_table = |w: &str| latin.get(w).map(|z| f32::from(z) / 10.0);
        for sc in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
            for lang in sc.languages() {
                let lex = lexicon(lang).unwrap();
                for i in 0..lex.offsets.len() {
                    let word = entry(lex, i).unwrap();
                    // (Cyrillic and Greek only sampled: they ask language by language.)
                    if sc != Sc::Latin && i % 50 != 0 {
                        continue;
                    }
                    let longer = format!("{word}q");
                    let shorter: String = word.chars().skip(1).collect();
                    for w in [word, &longer, &shorter] {
                        assert_eq!(script_zipf(sc, w), by_language(sc, w), "{lang} {w}");
                        assert_eq!(by_table(w), by_language(Sc::Latin, w), "{w}");
                    }
                }
            }
            for w in ["", "the", "xqzj", "пел", "будуць", "και"] {
                assert_eq!(script_zipf(sc, w), by_language(sc, w), "{w}");
            }
        }
        for w in ["", "the", "xqzj", "пел", "будуць", "και", "in"] {
            for sc in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
                assert_eq!(lexicon_lists(sc, w), by_language(sc, w).is_some(), "{w}");
            }
        }
        // Words several Latin lexicons list take the highest of them.
        assert!(["en", "de", "fr"].iter().all(|l| zipf(l, "in").is_some()));
        assert_eq!(script_zipf(Sc::Latin, "in"), by_language(Sc::Latin, "in"));
    }

    /// Every word a look-up of a Cyrillic or Greek layout's language can
    /// find passes its [`Trigrams`]: the lexicon's words, the extended
    /// lexicon's keys, the Belarusian forms, and Russian spellings with `ё`
    /// where the extended look-up reads `е`. (What rules the others out.)
    #[test]
    fn trigrams_never_rule_out_a_listed_word() {
        use fst::Streamer;
        let be = decode_base64(crate::tables::be_forms::BE_FORMS_FST_BASE64)
            .and_then(|b| fst::Set::new(b).ok())
            .unwrap();
        let mut checked = 0usize;
        for lang in ["be", "bg", "el", "ru", "sr", "uk"] {
            let tri = trigrams(lang).unwrap();
            let mut words: Vec<String> = lexicon(lang)
                .unwrap()
                .words
                .lines()
                .map(str::to_owned)
                .collect();
            let mut fsts = Vec::new();
            if let Some((map, _)) = more_map(lang) {
                fsts.push(map.as_fst());
            }
            if lang == "be" {
                fsts.push(be.as_fst());
            }
            for fst in fsts {
                let mut keys = fst.stream();
                while let Some((key, _)) = keys.next() {
                    words.push(String::from_utf8(key.to_vec()).unwrap());
                }
            }
            for word in &words {
                assert!(tri.may_list_str(word), "{lang} {word:?}");
                assert!(zipf_ext(lang, word).is_some(), "{lang} {word:?}");
                if lang == "ru" && word.contains('е') {
                    assert!(tri.may_list_str(&word.replace('е', "ё")), "{word:?}");
                }
                checked += 1;
            }
        }
        assert!(checked > 900_000, "{checked}");
        // Re-typings of Latin words on ЙЦУКЕН (`bookworm`, `partman`).
        let ru = trigrams("ru").unwrap();
        for s in ["ищщлцщкь", "зфкеьфт", "ъ.", "привет", "ёлка"] {
            assert_eq!(ru.may_list_str(s), ["привет", "ёлка"].contains(&s), "{s}");
        }
        assert!(trigrams("en").is_none());
    }

    #[test]
    fn fst_filters_never_rule_out_a_key() {
        use fst::Streamer;
        let be = decode_base64(crate::tables::be_forms::BE_FORMS_FST_BASE64)
            .and_then(|b| fst::Set::new(b).ok())
            .unwrap();
        let mut fsts = vec![be.as_fst()];
        for lang in ["bg", "de", "el", "en", "es", "fr", "ru", "sr", "uk"] {
            fsts.push(more_map(lang).unwrap().0.as_fst());
        }
        for fst in fsts {
            // Built on the first look-up once asked as often as there are keys.
            let lazy = LazyFilter::default();
            lazy.asked
                .store(fst.len(), std::sync::atomic::Ordering::Relaxed);
            let (mut keys, mut ruled_out) = (fst.stream(), 0usize);
            while let Some((key, _)) = keys.next() {
                assert!(!lazy.rules_out(fst, key), "{key:?}");
                let mut other = key.to_vec();
                other.push(b'q');
                if lazy.rules_out(fst, &other) {
                    assert!(!fst.contains_key(&other));
                    ruled_out += 1;
                }
            }
            assert!(lazy.filter.get().is_some());
            // The filter rules out most strings that are no key.
            assert!(
                ruled_out * 10 > fst.len() * 9,
                "{ruled_out} of {}",
                fst.len()
            );
        }
    }

    #[test]
    fn french_elision_only_before_a_vowel() {
        assert_eq!(french_elided("d'autres"), Some("autres"));
        assert_eq!(french_elided("l\u{2019}aide"), Some("aide"));
        assert_eq!(french_elided("qu'il"), Some("il"));
        assert_eq!(french_elided("d'bord"), None);
        assert_eq!(french_elided("x'aide"), None);
        assert_eq!(french_elided("l'a"), None);
        assert!(zipf_ext("fr", "d'autres").is_some());
        assert!(zipf_ext("en", "d'autres").is_none());
    }

    #[test]
    fn russian_yo_counts_as_its_ye_spelling() {
        // The `ё` → `е` respelling by bytes, against `str::replace`.
        let by_strings = |w: &str| {
            zipf("ru", w)
                .or_else(|| more_zipf("ru", w.as_bytes()))
                .or_else(|| {
                    let plain = w.replace('ё', "е");
                    (plain != w)
                        .then(|| zipf("ru", &plain).or_else(|| more_zipf("ru", plain.as_bytes())))
                        .flatten()
                })
        };
        let ru = lexicon("ru").unwrap();
        let mut respelled = 0;
        for i in 0..ru.offsets.len() {
            let word = entry(ru, i).unwrap();
            for w in [
                word.replace('е', "ё"),
                word.replacen('е', "ё", 1),
                word.to_owned(),
            ] {
                assert_eq!(zipf_ext("ru", &w), by_strings(&w), "{w}");
                respelled += usize::from(w.contains('ё') && zipf_ext("ru", &w).is_some());
            }
        }
        assert!(respelled > 1000, "{respelled}");
        for w in ["ёё", "ё", "задаётся", "ещё", "всё", "ёлка", "qё"] {
            assert_eq!(zipf_ext("ru", w), by_strings(w), "{w}");
        }
    }

    #[test]
    fn belarusian_forms_beyond_the_lexicon() {
        for w in ["забаронена", "канкрэтны", "нарыхтоўкі", "скапіраваць"]
        {
            assert!(
                lexicon_zipf("be", w.as_bytes()).is_none(),
                "{w} is in the lexicon already"
            );
            assert_eq!(zipf("be", w), Some(3.0), "{w}");
        }
        assert_eq!(zipf("be", "скапіраваяж"), None);
        assert_eq!(zipf("ru", "забаронена"), None);
    }

    #[test]
    fn belarusian_closed_class_words_are_common_lexicon_words() {
        // Sorted for the binary search, each a word the lexicon lists (no
        // spelling made up), of three to five letters.
        assert!(BELARUSIAN_CLOSED_CLASS
            .windows(2)
            .all(|p| matches!(p, [a, b] if a.as_bytes() < b.as_bytes())));
        for w in BELARUSIAN_CLOSED_CLASS {
            assert!(lexicon_zipf("be", w.as_bytes()).is_some(), "{w}");
            assert!((3..=5).contains(&w.chars().count()), "{w}");
            assert_eq!(zipf("be", w), Some(BELARUSIAN_CLOSED_CLASS_ZIPF), "{w}");
        }
        // Open-class words keep the unknown frequency, and other languages
        // are not asked.
        for w in ["можна", "рукой", "сеанс"] {
            assert_eq!(zipf("be", w), Some(3.0), "{w}");
        }
        assert_eq!(zipf("ru", "каб"), None);
        assert_eq!(zipf("be", "каба"), lexicon_zipf("be", "каба".as_bytes()));
        // No word whose keys type a common Russian or Ukrainian word there
        // (`і` and `ў` are `и` and `щ`, Ukrainian `і` is `ы`), and the tier
        // stays under the commonest words'.
        for w in BELARUSIAN_CLOSED_CLASS {
            let ru: String = w
                .chars()
                .map(|c| match c {
                    'і' => 'и',
                    'ў' => 'щ',
                    c => c,
                })
                .collect();
            let uk: String = ru
                .chars()
                .map(|c| match c {
                    'ы' => 'і',
                    'э' => 'є',
                    c => c,
                })
                .collect();
            for (lang, twin) in [("ru", &ru), ("uk", &uk)] {
                assert!(
                    twin == w || zipf(lang, twin).is_none_or(|z| z < 4.5),
                    "{w} types {lang} {twin}"
                );
            }
        }
        assert_eq!(zipf("be", "якім"), Some(3.0));
        const { assert!(BELARUSIAN_CLOSED_CLASS_ZIPF < super::super::COMMON_RETYPE_ZIPF) };
    }

    #[test]
    fn base64_decodes() {
        assert_eq!(decode_base64("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(decode_base64("TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(decode_base64("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(
            decode_base64("TWFuTWFuTQ==").as_deref(),
            Some(&b"ManManM"[..])
        );
        assert_eq!(decode_base64("TW=uTWFu"), None);
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(decode_base64("T!=="), None);
        assert_eq!(decode_base64("TQ="), None);
        assert_eq!(decode_base64("TW!uTWFu"), None);
        assert_eq!(decode_base64("TWF\u{e9}TWFu"), None);
        // Every generated table against a decoder of one byte at a time.
        let by_bytes = |text: &str| -> Option<Vec<u8>> {
            let six = |b: u8| match b {
                b'A'..=b'Z' => Some(b - b'A'),
                b'a'..=b'z' => Some(b - b'a' + 26),
                b'0'..=b'9' => Some(b - b'0' + 52),
                b'+' => Some(62),
                b'/' => Some(63),
                _ => None,
            };
            let body = text.trim_end_matches('=');
            let mut bits = 0u32;
            let mut have = 0;
            let mut out = Vec::new();
            for b in body.bytes() {
                bits = bits << 6 | u32::from(six(b)?);
                have += 6;
                if have >= 8 {
                    have -= 8;
                    out.push((bits >> have) as u8);
                }
            }
            Some(out)
        };
        let mut tables = vec![crate::tables::be_forms::BE_FORMS_FST_BASE64];
        tables.extend(crate::tables::trigrams::TRIGRAMS.iter().map(|t| t.2));
        {
            use crate::tables::{more_bg, more_de, more_el, more_en, more_es};
            use crate::tables::{more_fr, more_ru, more_sr, more_uk};
            tables.extend([
                more_bg::FST_BASE64,
                more_de::FST_BASE64,
                more_el::FST_BASE64,
                more_en::FST_BASE64,
                more_es::FST_BASE64,
                more_fr::FST_BASE64,
                more_ru::FST_BASE64,
                more_sr::FST_BASE64,
                more_uk::FST_BASE64,
            ]);
        }
        for text in tables {
            let decoded = decode_base64(text);
            assert!(decoded.is_some());
            assert_eq!(decoded, by_bytes(text));
        }
    }

    #[test]
    fn scripts_of_letters() {
        assert_eq!(sc_of('a'), Some(Sc::Latin));
        assert_eq!(sc_of('é'), Some(Sc::Latin));
        assert_eq!(sc_of('н'), Some(Sc::Cyrillic));
        assert_eq!(sc_of('ω'), Some(Sc::Greek));
        assert_eq!(sc_of('1'), None);
        assert_eq!(sc_of('×'), None);
        assert_eq!(sc_of(';'), None);
    }

    #[test]
    fn vowels_in_both_cases() {
        for c in "aeiouyAEIOUYéÉœаеиоуыэюяАЕИОУЫЭЮЯёЁіІїЇєЄўЎαεηιουωΑΕΗΙΟΥΩάέήίόύώΆΈΉΊΌΎΏ".chars()
        {
            assert!(is_vowel(c), "{c}");
        }
        for c in "bcdfgBCDбвгдБВГДβγδΒΓΔ;1 ".chars() {
            assert!(!is_vowel(c), "{c}");
        }
    }

    #[test]
    fn alphabet_bits_are_the_alphabets() {
        let langs = ["ru", "uk", "be", "bg", "sr"];
        for (lang, alphabet) in langs.iter().zip(ALPHABETS) {
            assert_eq!(alphabet.chars().count() * 2, alphabet.len(), "{lang}");
            for c in '\u{0}'..='\u{10FFFF}' {
                let want = (sc_of(c) == Some(Sc::Cyrillic)).then(|| alphabet.contains(c));
                assert_eq!(in_alphabet(lang, c), want, "{lang} U+{:04X}", c as u32);
            }
        }
        assert_eq!(in_alphabet("en", 'а'), None);
        // The table by code point agrees, through each letter's lowercase.
        let cyrillic = Sc::Cyrillic.languages();
        assert_eq!(cyrillic, langs);
        for c in '\u{0}'..='\u{10FFFF}' {
            let Some(bits) = cyrillic_alphabets(c) else {
                assert!(!('\u{400}'..='\u{45F}').contains(&c), "{c}");
                continue;
            };
            let lower = c.to_lowercase().next().unwrap_or(c);
            for (i, lang) in cyrillic.iter().enumerate() {
                let want = in_alphabet(lang, lower) == Some(true);
                assert_eq!(bits >> i & 1 == 1, want, "{lang} {c}");
            }
        }
    }

    #[test]
    fn language_ids_compare_as_strings() {
        let ids = [
            "",
            "e",
            "en",
            "eN",
            "ne",
            "de",
            "en-US",
            "bg-phonetic",
            "ру",
            "sr",
            "s",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(same_lang(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn vowel_bits_are_the_match() {
        for c in '\u{0}'..='\u{10FFFF}' {
            assert_eq!(is_vowel(c), vowel_by_match(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lookalikes_both_ways() {
        assert_eq!(lookalike('о', Sc::Latin), Some(('o', 2)));
        assert_eq!(lookalike('o', Sc::Cyrillic), Some(('о', 2)));
        assert_eq!(lookalike('Ο', Sc::Latin), Some(('O', 2)));
        assert_eq!(lookalike('f', Sc::Cyrillic), None);
    }

    #[test]
    fn retyping_across_layouts() {
        let (us, ru) = (layout("us").unwrap(), layout("ru").unwrap());
        assert_eq!(retype('н', ru, us), Some('y'));
        assert_eq!(retype('Н', ru, us), Some('Y'));
        assert_eq!(retype('g', us, ru), Some('п'));
        assert_eq!(retype(';', us, ru), Some('ж'));
        assert_eq!(key_name('н', ru), Some("AD06"));
        assert!(ru.description.contains("ЙЦУКЕН"));
    }

    #[test]
    fn dead_keys_match_the_layout_headers() {
        let headers = [
            (
                "de",
                include_str!("../../../../data/curated/layouts/de.toml"),
            ),
            (
                "fr",
                include_str!("../../../../data/curated/layouts/fr.toml"),
            ),
            (
                "gr",
                include_str!("../../../../data/curated/layouts/gr.toml"),
            ),
        ];
        for (id, text) in headers {
            let line = text.lines().find(|l| l.starts_with("# Dead keys")).unwrap();
            for (layout_id, key, _) in DEAD_KEYS.iter().filter(|d| d.0 == id) {
                assert!(
                    line.contains(&format!("{key} = dead_")),
                    "{layout_id} {key}: {line}"
                );
            }
            let listed = line.matches("= dead_").count();
            assert_eq!(
                listed,
                DEAD_KEYS.iter().filter(|d| d.0 == id).count(),
                "{line}"
            );
        }
    }

    #[test]
    fn dead_keys_compose() {
        let (us, gr, ru, fr) = (
            layout("us").unwrap(),
            layout("gr").unwrap(),
            layout("ru").unwrap(),
            layout("fr").unwrap(),
        );
        assert_eq!(
            retype_text("Kalhm;era", us, gr, true, |_| true).as_deref(),
            Some("Καλημέρα")
        );
        assert_eq!(
            retype_text("ху", ru, fr, true, |_| true).as_deref(),
            Some("ê")
        );
    }

    #[test]
    fn lexicon_lookup() {
        assert!(zipf("en", "the").unwrap() > 7.0);
        assert!(zipf("ru", "привет").is_some());
        assert_eq!(zipf("en", "qzxv"), None);
        assert_eq!(zipf("xx", "the"), None);
    }

    #[test]
    fn bigrams_prefer_real_looking_words() {
        let en = bigrams("en").unwrap();
        assert!(en.score("sergey") > en.score("sergqz"));
        let ru = bigrams("ru").unwrap();
        assert!(ru.score("привет") > ru.score("ghbdtn"));
    }
}
