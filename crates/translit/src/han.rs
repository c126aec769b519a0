//! Han → Hanyu Pinyin (`zh-pinyin`), Simplified and Traditional.
//!
//! Source: *Hanyu Pinyin Fang'an* (1958) and GB/T 16159-2012 *Basic rules of
//! the Chinese phonetic alphabet orthography* for spelling, capitals and the
//! apostrophe; GB/T 28039-2011 *The Chinese phonetic alphabet spelling rules
//! for Chinese names* for name mode. Readings come from tables generated
//! from `data/curated/translit/` (see its README): every Han character's
//! most common reading (pinyin-data, via pypinyin 0.55.0, MIT, with a few
//! overrides of ours), about 8,000 words whose reading differs from their
//! characters' defaults (phrase-pinyin-data, MIT; 银行 yín háng, 重庆 chóng
//! qìng, 音乐 yīn yuè), and curated surname and given-name readings.
//!
//! **Text mode**: at each Han character the longest listed word starting
//! there is taken (greedy, no segmentation model), otherwise the character's
//! default reading. Syllables are written lower case, separated by spaces,
//! and a space separates them from neighbouring letters and digits
//! (`Debian 系统` → `Debian xi tong`); punctuation (，。) is left as it is.
//! Tone sandhi of 一 and 不 is not written (dictionaries write citation
//! tones).
//!
//! **Name mode** reads each run of Han as one personal name: the longest
//! family name of the surname table at its start (two-character surnames
//! such as 欧阳, 司马, 诸葛 in names of three or more characters; 曾 Zēng,
//! 单 Shàn, 仇 Qiú, 解 Xiè, 区 Ōu, 朴 Piáo, 查 Zhā, 盖 Gě …), otherwise its
//! first character; then the given name's syllables joined as one word, with
//! an apostrophe before a syllable starting with a, o or e (`Chen Min'er`).
//! Both parts are capitalized: 习近平 → `Xi Jinping`.
//!
//! Han characters without a pinyin reading in the data (about 800 rare
//! ones, mostly in Extension A, and Japanese-made characters such as 桛)
//! get the `any-ascii` reading, lower-cased, or nothing.
//!
//! **Tones**: [`Options::tones`] writes tone marks (`Xí Jìnpíng`); without
//! them the output is ASCII except `ü`, which is kept (lü/lu and nü/nu are
//! different syllables, and the names 吕 Lü and 鲁 Lu differ only there).
//! Pass the output through `any-ascii` for `u`; the Chinese passport
//! spelling `yu` (LYU) is not offered.

use std::borrow::Cow;

use crate::scheme::SchemeDef;
use crate::tables::translit_han::{
    DENSE, DENSE_START, GIVEN, PLAIN, SPARSE, STARTERS, STARTS_WORD, SURNAMES, TONED, WORDS,
};
use crate::{Mode, Options};

pub(crate) static SCHEMES: &[SchemeDef] = &[SchemeDef {
    name: "zh-pinyin",
    language: "zh",
    title: "Chinese, Hanyu Pinyin",
    standard: "Hanyu Pinyin (1958); GB/T 16159-2012 orthography; GB/T 28039-2011 personal names",
    from: &["Hani"],
    to: "Latn",
    forward: pinyin,
    reverse: None,
    reversible: false,
}];

/// A character's table entry: syllable index + 1 (0 = not Han), flag bit.
fn entry(c: char) -> u16 {
    let cp = c as u32;
    if let Some(i) = cp.checked_sub(DENSE_START) {
        if let Some(&e) = DENSE.get(i as usize) {
            return e;
        }
    }
    if !matches!(cp, 0x3007 | 0xF900..=0xFAFF | 0x20000..=0x323AF) {
        return 0;
    }
    SPARSE
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .and_then(|i| SPARSE.get(i))
        .map_or(0, |&(_, e)| e)
}

/// Whether `c` is a Han ideograph (with or without a reading in our tables).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{323AF}')
}

/// The reading of a Han character the tables do not cover: anyascii's,
/// lower-cased (it may be empty). Rare, so it may allocate.
fn fallback_syllable(c: char) -> Cow<'static, str> {
    let s = any_ascii::any_ascii_char(c);
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The syllable string for an index, toned or plain.
fn syllable(index: u16, tones: bool) -> &'static str {
    let table: &[&str] = if tones { &TONED } else { &PLAIN };
    table.get(index as usize).copied().unwrap_or("")
}

/// The listed words starting with `first`.
fn words_starting_with(first: char) -> &'static [(&'static str, &'static [u16])] {
    STARTERS
        .binary_search_by_key(&(first as u32), |&(c, _, _)| c)
        .ok()
        .and_then(|i| STARTERS.get(i))
        .and_then(|&(_, start, end)| WORDS.get(usize::from(start)..usize::from(end)))
        .unwrap_or(&[])
}

/// The longest listed word at the start of `text` (which starts with
/// `first`): its byte length and syllable indices. Walks the prefixes of
/// `text` (2, 3, … characters) through the words starting with `first`,
/// binary-searching each, and stops as soon as no word starts with the
/// prefix.
fn longest_word(text: &str, first: char) -> Option<(usize, &'static [u16])> {
    let mut words = words_starting_with(first);
    let mut best = None;
    for end in text.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1) {
        let prefix = text.get(..end)?;
        let at = words.partition_point(|(w, _)| *w < prefix);
        words = words.get(at..)?;
        let &(w, idx) = words.first()?;
        if !w.starts_with(prefix) {
            break;
        }
        if w.len() == prefix.len() {
            best = Some((end, idx));
        }
    }
    best
}

fn pinyin<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    let Some(start) = text
        .char_indices()
        .find_map(|(i, c)| is_han(c).then_some(i))
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() * 2);
    let (head, rest) = text.split_at(start);
    out.push_str(head);
    if options.mode == Mode::Name {
        names(rest, options.tones, &mut out);
    } else {
        running_text(rest, options.tones, &mut out);
    }
    Cow::Owned(out)
}

/// Whether a space is wanted between a syllable and this neighbour.
fn needs_space(c: char) -> bool {
    c.is_alphanumeric()
}

fn running_text(mut rest: &str, tones: bool, out: &mut String) {
    // Whether the last thing written was a syllable.
    let mut after_syllable = false;
    while let Some(c) = rest.chars().next() {
        let e = entry(c);
        if e == 0 && !is_han(c) {
            if after_syllable && needs_space(c) {
                out.push(' ');
            }
            out.push(c);
            after_syllable = false;
            rest = rest.get(c.len_utf8()..).unwrap_or("");
            continue;
        }
        if after_syllable || out.chars().next_back().is_some_and(needs_space) {
            out.push(' ');
        }
        if e & STARTS_WORD != 0 {
            if let Some((len, idx)) = longest_word(rest, c) {
                for (k, &i) in idx.iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    out.push_str(syllable(i, tones));
                }
                after_syllable = true;
                rest = rest.get(len..).unwrap_or("");
                continue;
            }
        }
        if e == 0 {
            out.push_str(&fallback_syllable(c));
        } else {
            out.push_str(syllable((e & !STARTS_WORD) - 1, tones));
        }
        after_syllable = true;
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
}

/// The longest surname at the start of `run` (at most `max_chars` chars).
fn surname(run: &str, max_chars: usize) -> Option<(usize, &'static [u16])> {
    let mut best = None;
    for (i, c) in run.char_indices().take(max_chars) {
        let key = run.get(..i + c.len_utf8())?;
        if let Ok(k) = SURNAMES.binary_search_by(|(s, _)| (*s).cmp(key)) {
            best = SURNAMES.get(k).map(|&(s, idx)| (s.len(), idx)).or(best);
        }
    }
    best
}

/// Reading of a character in a given name.
fn given_reading(c: char, tones: bool) -> Cow<'static, str> {
    if let Ok(k) = GIVEN.binary_search_by_key(&c, |&(g, _)| g) {
        if let Some(&(_, i)) = GIVEN.get(k) {
            return Cow::Borrowed(syllable(i, tones));
        }
    }
    default_reading(c, tones)
}

/// A character's default reading (anyascii's for Han without one).
fn default_reading(c: char, tones: bool) -> Cow<'static, str> {
    match entry(c) {
        0 => fallback_syllable(c),
        e => Cow::Borrowed(syllable((e & !STARTS_WORD) - 1, tones)),
    }
}

/// Appends `s` with its first letter upper-cased.
fn push_capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Whether a syllable starts with a, o or e (toned or not): it takes an
/// apostrophe after another syllable of the same word.
fn starts_with_aoe(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(
            c,
            'a' | 'o'
                | 'e'
                | 'ā'
                | 'á'
                | 'ǎ'
                | 'à'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
        )
    })
}

fn write_name(run: &str, tones: bool, out: &mut String) {
    let n_chars = run.chars().count();
    // A two-character surname only when a given name follows it.
    let max = if n_chars >= 3 { 2 } else { 1 };
    let given = if let Some((len, idx)) = surname(run, max) {
        push_word(idx.iter().map(|&i| Cow::Borrowed(syllable(i, tones))), out);
        run.get(len..).unwrap_or("")
    } else {
        let first = run.chars().next();
        if let Some(c) = first {
            push_capitalized(out, &default_reading(c, tones));
        }
        run.get(first.map_or(0, char::len_utf8)..).unwrap_or("")
    };
    if given.is_empty() {
        return;
    }
    out.push(' ');
    push_word(given.chars().map(|c| given_reading(c, tones)), out);
}

/// Writes syllables as one capitalized word, with an apostrophe before a
/// syllable (other than the first) that starts with a, o or e.
fn push_word(syllables: impl Iterator<Item = Cow<'static, str>>, out: &mut String) {
    for (k, s) in syllables.enumerate() {
        if k == 0 {
            push_capitalized(out, &s);
        } else {
            if starts_with_aoe(&s) {
                out.push('\'');
            }
            out.push_str(&s);
        }
    }
}

fn names(mut rest: &str, tones: bool, out: &mut String) {
    while let Some(c) = rest.chars().next() {
        if !is_han(c) {
            out.push(c);
            rest = rest.get(c.len_utf8()..).unwrap_or("");
            continue;
        }
        let run_len = rest
            .char_indices()
            .find(|&(_, c)| !is_han(c))
            .map_or(rest.len(), |(i, _)| i);
        let (run, after) = rest.split_at(run_len);
        if out.chars().next_back().is_some_and(needs_space) {
            out.push(' ');
        }
        write_name(run, tones, out);
        if after.chars().next().is_some_and(needs_space) {
            out.push(' ');
        }
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        pinyin(s, &Options::default()).into_owned()
    }

    fn name(s: &str) -> String {
        pinyin(s, &Options::new().mode(Mode::Name)).into_owned()
    }

    #[test]
    fn default_readings_and_words() {
        assert_eq!(text("中国"), "zhong guo");
        assert_eq!(text("银行"), "yin hang");
        assert_eq!(text("重庆"), "chong qing");
        assert_eq!(text("音乐"), "yin yue");
        assert_eq!(text("長江"), "chang jiang");
    }

    #[test]
    fn spacing_with_latin_and_punctuation() {
        assert_eq!(text("Debian 系统"), "Debian xi tong");
        assert_eq!(text("安装Debian。"), "an zhuang Debian。");
        assert_eq!(text("12个"), "12 ge");
    }

    #[test]
    fn tones() {
        let o = Options::new().tones(true);
        assert_eq!(pinyin("中国", &o), "zhōng guó");
        let o = Options::new().tones(true).mode(Mode::Name);
        assert_eq!(pinyin("习近平", &o), "Xí Jìnpíng");
    }

    #[test]
    fn names_and_surnames() {
        assert_eq!(name("习近平"), "Xi Jinping");
        assert_eq!(name("曾国藩"), "Zeng Guofan");
        assert_eq!(name("单田芳"), "Shan Tianfang");
        assert_eq!(name("欧阳修"), "Ouyang Xiu");
        assert_eq!(name("万俟卨"), "Moqi Xie");
        assert_eq!(name("诸葛亮"), "Zhuge Liang");
        assert_eq!(name("陈敏尔"), "Chen Min'er");
        assert_eq!(name("刘恩"), "Liu En");
        assert_eq!(name("吕小军"), "Lü Xiaojun");
    }

    #[test]
    fn non_han_is_borrowed() {
        assert!(matches!(
            pinyin("plain, ひらがな, 한글", &Options::default()),
            Cow::Borrowed(_)
        ));
    }
}
