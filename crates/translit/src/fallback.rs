//! `any-ascii`: every script to ASCII, for the scripts without a scheme of
//! their own (Arabic, Hebrew, Armenian, Georgian, Devanagari, Thai, …).
//!
//! The tables are those of the [`any_ascii`] crate (anyascii 0.3.3, ISC
//! licence), chosen over `deunicode` after measuring both on the real
//! sentences of `fixtures/samples.json` and on the bench corpora (see
//! `peers/results/translit-other.md`): anyascii follows the modern national
//! romanizations more closely (Greek `η` → `i` not `e`, Serbian `ć` → `c`
//! not `tsh`, Devanagari without doubled vowel letters) and is faster on
//! mostly-ASCII text.
//!
//! Every non-ASCII character is replaced by its anyascii string (possibly
//! empty, e.g. for combining marks, so NFD and NFC input give the same
//! letters); ASCII passes through unchanged and ASCII-only text is returned
//! borrowed. Han, kana and Hangul get anyascii's readings here too (one
//! syllable per character, no context rules): use `zh-pinyin`, `ja-hepburn`
//! or `ko-rr` for those scripts.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization as _};

use crate::scheme::SchemeDef;
use crate::Options;

pub(crate) static SCHEMES: &[SchemeDef] = &[SchemeDef {
    name: "any-ascii",
    language: "und",
    title: "Any script to ASCII (anyascii tables)",
    standard: "anyascii 0.3.3 tables (no formal standard; best-effort romanization per script)",
    // `Zzzz` (ISO 15924 "uncoded script") stands for "any script" here.
    from: &["Zzzz"],
    to: "Latn",
    forward: to_ascii,
    reverse: None,
    reversible: false,
}];

/// Appends the ASCII transliteration of one character.
///
/// Other schemes use it for letters of their script that their standard
/// does not cover (archaic Greek letters, say).
pub(crate) fn push_ascii(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
    } else {
        out.push_str(any_ascii::any_ascii_char(c));
    }
}

/// The `any-ascii` scheme: borrowed when `text` is ASCII already.
fn to_ascii<'a>(text: &'a str, _options: &Options) -> Cow<'a, str> {
    let Some(first) = text.bytes().position(|b| !b.is_ascii()) else {
        return Cow::Borrowed(text);
    };
    let (head, tail) = text.split_at(first);
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    out.push_str(head);
    // Compose first, so that NFD input (か + U+3099) reads like NFC (が).
    if is_nfc_quick(tail.chars()) == IsNormalized::Yes {
        push_converted(tail, &mut out);
    } else {
        let composed: String = tail.nfc().collect();
        push_converted(&composed, &mut out);
    }
    Cow::Owned(out)
}

/// Appends the transliteration of `rest` to `out`.
fn push_converted(text: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c);
            prev = Some(c);
            continue;
        }
        let ascii = any_ascii::any_ascii_char(c);
        // An upper-case letter that becomes several letters (`Ш` → `Sh`)
        // is written in capitals inside an ALL-CAPS word (`ШОЙГУ` →
        // `SHOYGU`, not `ShOYGU`): when the next letter is upper case, or
        // the word ends and the letter before was upper case.
        let next = chars.peek().copied().filter(|n| n.is_alphabetic());
        let all_caps = c.is_uppercase()
            && ascii.bytes().any(|b| b.is_ascii_lowercase())
            && match next {
                Some(n) => n.is_uppercase(),
                None => prev.is_some_and(char::is_uppercase),
            };
        if all_caps {
            out.extend(ascii.chars().map(|a| a.to_ascii_uppercase()));
        } else {
            out.push_str(ascii);
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        to_ascii(s, &Options::default()).into_owned()
    }

    #[test]
    fn ascii_is_borrowed() {
        assert!(matches!(
            to_ascii("plain ASCII 123", &Options::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn scripts_become_ascii() {
        assert_eq!(t("Ճանապարհ"), "Chanaparh");
        assert_eq!(t("თბილისი"), "tbilisi");
        assert_eq!(t("Straße"), "Strasse");
        for s in ["שלום", "مرحبا", "नमस्ते", "สวัสดี"] {
            let out = t(s);
            assert!(out.is_ascii() && !out.is_empty(), "{s} -> {out}");
        }
    }

    #[test]
    fn nfd_gives_the_same_letters() {
        assert_eq!(t("e\u{301}te\u{301}"), t("été"));
    }

    #[test]
    fn nfd_kana_gives_the_same_letters() {
        assert_eq!(t("\u{30BD}\u{3099}"), t("ゾ"));
    }

    #[test]
    fn all_caps_words_keep_their_digraphs_in_capitals() {
        assert_eq!(t("ШОЙГУ Шойгу Ш"), "SHOYGU Shoygu Sh");
        assert_eq!(t("ЩУКИН"), "SHCHUKIN");
        assert_eq!(t("ЖЖ"), "ZHZH");
    }

    #[test]
    fn push_ascii_keeps_ascii() {
        let mut s = String::new();
        push_ascii('a', &mut s);
        push_ascii('ж', &mut s);
        assert_eq!(s, "azh");
    }
}
