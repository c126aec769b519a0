//! HTML character references: `&name;`, `&#NNN;`, `&#xHHH;`.
//!
//! Only references closed by `;` are decoded (HTML also accepts a few legacy
//! names without it, as in `&copy 2020`, but in scraped text `AT&T` or
//! `&notit` are far more often literal). Numeric references follow the HTML
//! standard's mapping of 0x80..0x9F to windows-1252; a reference to NUL, a
//! surrogate, a code point above U+10FFFF, a noncharacter or a control other
//! than tab, LF and CR is left as it is. LF and CR (`&#10;`, `&NewLine;`)
//! decode to U+0020 SPACE so that one line stays one line.
//!
//! # Idempotence
//!
//! Decoding once must leave nothing that decodes again: `clean(clean(x))`
//! must equal `clean(x)`. A stateless function cannot turn `&amp;lt;` into
//! `&lt;` and also `&lt;` into `<`, so a reference is decoded only when its
//! result cannot become part of a new reference:
//!
//! - `&amp;` (or `&#38;`) stays as it is when the text after it is itself a
//!   reference we would decode: `&amp;lt;` and `&amp;#60;` are unchanged,
//!   while `AT&amp;T`, `&amp;nosuch;` and `&amp;&amp;` decode;
//! - a reference whose value starts with a letter, digit, `#` or `;` stays as
//!   it is when the output so far ends in an unfinished `&name`: `&lt&#59;`
//!   is unchanged (decoding would spell `&lt;`).
//!
//! A decoded `&` is followed in the output by the same name characters that
//! followed it in the input (a reference there either stays, starting with
//! `&`, or decodes to something that ends the name), so the second pass
//! parses the same thing after it and again finds no reference; every other
//! decoded value cannot start or extend one. So a second pass makes the same
//! decisions.

use std::borrow::Cow;

use crate::edit::Editor;
use crate::names;
use crate::tables::html_entities::HTML_ENTITIES;
use crate::{ChangeKind, Repaired};

/// Longest name in the table (`CounterClockwiseContourIntegral`).
const MAX_NAME: usize = 31;

/// Decodes the HTML character references in `text`.
// Kept out of line: inlined into `Hygiene::run` (as some builds did,
// by code layout alone) it gave every stage run through it a larger
// frame, about 26 instructions a call on the bench corpora whichever
// stage it ran (session 21, helper E).
#[inline(never)]
pub(crate) fn apply(text: &str) -> Repaired<'_> {
    let Some(first) = text.find('&') else {
        return Repaired::unchanged(text);
    };
    let mut edits = Editor::new(text);
    // Whether the output so far ends in `&` followed by name characters.
    let mut open = false;
    let mut literal_from = 0;
    let mut at = first;
    while let Some(amp) = text
        .get(at..)
        .and_then(|rest| rest.find('&'))
        .map(|k| at + k)
    {
        open = extend_open(open, text.get(literal_from..amp).unwrap_or_default());
        let rest = text.get(amp..).unwrap_or_default();
        let Some(reference) = parse(rest) else {
            open = true; // a literal '&'
            literal_from = amp + 1;
            at = amp + 1;
            continue;
        };
        let end = amp + reference.len;
        let next = text.as_bytes().get(end).copied();
        let value = reference.value.as_str();
        let starts_name = value
            .bytes()
            .next()
            .is_some_and(|b| is_name_byte(b) || b == b';');
        let completes_next = value == "&"
            && next.is_some_and(is_name_byte)
            && text.get(end..).and_then(parse_body).is_some();
        let decline = (open && starts_name) || completes_next;
        if decline {
            open = false; // the output ends with the reference's ';'
        } else {
            let source = text.get(amp..end).unwrap_or_default();
            let evidence = evidence(source, &reference);
            edits.edit(
                amp,
                end,
                value,
                ChangeKind::HtmlEntity,
                Cow::Owned(evidence),
            );
            open = extend_open(open, value);
        }
        literal_from = end;
        at = end;
    }
    edits.finish()
}

/// The reference at the start of `s` (which starts with `&`) that this rule
/// would decode: its length in bytes and its value. Used by the escapes
/// stage for references escaped more than once.
pub(crate) fn decode_one(s: &str) -> Option<(usize, String)> {
    let reference = parse(s)?;
    Some((reference.len, reference.value.as_str().to_owned()))
}

/// A letter, digit or `#`: a byte that can continue `&…` into a reference.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'#'
}

/// The open state after appending `s` to an output whose state was `open`.
fn extend_open(open: bool, s: &str) -> bool {
    for b in s.bytes().rev() {
        if b == b'&' {
            return true;
        }
        if !is_name_byte(b) {
            return false;
        }
    }
    open
}

/// A parsed reference.
struct Reference {
    /// Length in bytes, `&` and `;` included.
    len: usize,
    /// What it decodes to (after the LF/CR-to-space rule).
    value: Value,
    /// What the reference named, before that rule (for the evidence).
    named: Option<char>,
}

/// A decoded value: one or two characters.
enum Value {
    Static(&'static str),
    Char([u8; 4], usize),
}

impl Value {
    fn as_str(&self) -> &str {
        match self {
            Value::Static(s) => s,
            Value::Char(bytes, len) => bytes
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }

    fn from_char(c: char) -> Self {
        let mut bytes = [0; 4];
        let len = c.encode_utf8(&mut bytes).len();
        Value::Char(bytes, len)
    }
}

/// Parses a reference at the start of `s` (which starts with `&`); `None` if
/// there is none or it is one we leave alone.
fn parse(s: &str) -> Option<Reference> {
    parse_body(s.get(1..)?)
}

/// Parses the part of a reference after its `&`.
fn parse_body(text: &str) -> Option<Reference> {
    let body = text.as_bytes();
    if body.first() == Some(&b'#') {
        return parse_numeric(body);
    }
    let name_len = body
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > MAX_NAME || body.get(name_len) != Some(&b';') {
        return None;
    }
    let name = text.get(..name_len)?;
    let idx = HTML_ENTITIES.binary_search_by(|&(n, _)| n.cmp(name)).ok()?;
    let &(_, value) = HTML_ENTITIES.get(idx)?;
    let (value, named) = if value == "\n" {
        (" ", Some('\n'))
    } else {
        (value, None)
    };
    Some(Reference {
        len: name_len + 2,
        value: Value::Static(value),
        named,
    })
}

/// Parses `#NNN;` or `#xHHH;` (the body after `&`).
fn parse_numeric(body: &[u8]) -> Option<Reference> {
    let (radix, digits_from) = match body.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = body
        .get(digits_from..)?
        .iter()
        .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
        .count();
    if digits == 0 || body.get(digits_from + digits) != Some(&b';') {
        return None;
    }
    let mut code: u32 = 0;
    for &b in body.get(digits_from..digits_from + digits)? {
        let d = char::from(b).to_digit(radix)?;
        code = code.saturating_mul(radix).saturating_add(d);
    }
    let c = decode_code_point(code)?;
    let (value, named) = match c {
        '\n' | '\r' => (Value::Static(" "), Some(c)),
        _ => (Value::from_char(c), None),
    };
    Some(Reference {
        len: 1 + digits_from + digits + 1,
        value,
        named,
    })
}

/// The character a numeric reference stands for, per the HTML standard's
/// table for 0x80..0x9F; `None` for what we leave undecoded.
fn decode_code_point(code: u32) -> Option<char> {
    let mapped = match code {
        0x80 => 0x20AC,
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x8E => 0x017D,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9E => 0x017E,
        0x9F => 0x0178,
        other => other,
    };
    let c = char::from_u32(mapped)?;
    let is_control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let is_noncharacter = ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (mapped & 0xFFFE) == 0xFFFE;
    (!is_control && !is_noncharacter).then_some(c)
}

fn evidence(source: &str, reference: &Reference) -> String {
    let mut s = String::with_capacity(64);
    s.push_str("HTML character reference ");
    s.push_str(source);
    if let Some(c) = reference.named {
        s.push_str(" (");
        s.push_str(&names::describe(c));
        s.push_str(") decoded as U+0020 SPACE to keep one line");
    } else {
        s.push_str(" decoded to ");
        names::push_code_points(&mut s, reference.value.as_str(), 4);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> String {
        apply(text).text.into_owned()
    }

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in HTML_ENTITIES.windows(2) {
            let [(a, _), (b, _)] = pair else {
                unreachable!()
            };
            assert!(a < b, "{a} before {b}");
        }
        assert_eq!(HTML_ENTITIES.len(), 2125);
        assert!(HTML_ENTITIES.iter().all(|(n, _)| n.len() <= MAX_NAME));
    }

    #[test]
    fn no_ampersand_is_borrowed() {
        assert!(matches!(apply("plain text").text, Cow::Borrowed(_)));
        assert!(matches!(apply("AT&T & co").text, Cow::Borrowed(_)));
    }

    #[test]
    fn named_references() {
        assert_eq!(decode("a &lt; b &amp; c &gt; d"), "a < b & c > d");
        assert_eq!(decode("caf&eacute; &copy;"), "café ©");
        assert_eq!(decode("&NotEqualTilde;"), "\u{2242}\u{338}");
        assert_eq!(decode("&nbsp;"), "\u{A0}");
    }

    #[test]
    fn needs_a_semicolon_and_a_known_name() {
        for text in [
            "&copy 2020",
            "&amp",
            "&nosuch;",
            "&;",
            "& x",
            "&#;",
            "&#x;",
            "&#12",
        ] {
            assert_eq!(decode(text), text);
        }
    }

    #[test]
    fn numeric_references() {
        assert_eq!(decode("&#65;&#x42;&#X43;"), "ABC");
        assert_eq!(decode("it&#39;s &#x27;"), "it's '");
        assert_eq!(decode("&#0000233;"), "é");
        assert_eq!(decode("&#x1F600;"), "\u{1F600}");
    }

    #[test]
    fn windows_1252_range() {
        assert_eq!(decode("&#150; &#146; &#128;"), "\u{2013} \u{2019} \u{20AC}");
        // Unassigned in windows-1252: left alone.
        assert_eq!(decode("&#129;"), "&#129;");
    }

    #[test]
    fn invalid_code_points_stay() {
        for text in [
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&#99999999999999999999;",
            "&#1;",
            "&#x7F;",
            "&#xFFFF;",
            "&#xFDD0;",
        ] {
            assert_eq!(decode(text), text);
        }
    }

    #[test]
    fn line_breaks_become_spaces() {
        let r = apply("a&#10;b&#13;c&NewLine;d&Tab;e");
        assert_eq!(r.text, "a b c d\te");
        assert_eq!(
            r.changes[0].evidence,
            "HTML character reference &#10; (U+000A LINE FEED) decoded as U+0020 SPACE to keep one line"
        );
    }

    #[test]
    fn change_records_the_reference() {
        let r = apply("x &amp; y");
        assert_eq!(r.changes.len(), 1);
        let c = &r.changes[0];
        assert_eq!((c.start, c.end), (2, 7));
        assert_eq!((c.before.as_str(), c.after.as_str()), ("&amp;", "&"));
        assert_eq!(
            c.evidence,
            "HTML character reference &amp; decoded to U+0026"
        );
    }

    #[test]
    fn double_escaped_references_are_left_alone() {
        assert_eq!(decode("&amp;lt;"), "&amp;lt;");
        assert_eq!(decode("&amp;#60;"), "&amp;#60;");
        assert_eq!(decode("&#38;lt;"), "&#38;lt;");
        assert_eq!(decode("&amp;&amp;"), "&&");
        assert_eq!(decode("&amp; &amp;;"), "& &;");
    }

    #[test]
    fn ampersand_before_plain_text_decodes() {
        assert_eq!(decode("AT&amp;T R&amp;D"), "AT&T R&D");
        assert_eq!(decode("&amp;nosuch;"), "&nosuch;");
        assert_eq!(decode("&amp;copy 2020"), "&copy 2020");
        assert_eq!(decode("&amp;#0;"), "&#0;");
        assert_eq!(decode("&amp;#&#54;0;"), "&#&#54;0;");
    }

    #[test]
    fn never_completes_a_reference() {
        assert_eq!(decode("&lt&#59;"), "&lt&#59;");
        assert_eq!(decode("&&#108;t;"), "&&#108;t;");
        assert_eq!(decode("&amp;&#108;t;"), "&&#108;t;");
        assert_eq!(decode("&amp;&semi;"), "&&semi;");
        assert_eq!(decode("&l&#8203;t;"), "&l\u{200B}t;");
    }

    #[test]
    fn decoding_twice_changes_nothing() {
        for text in [
            "&amp;lt;",
            "&amp;&#108;t;",
            "&&#108;t;",
            "&amp;&amp;lt;",
            "&lt&#59;",
            "&#38;&#35;60;",
            "a &amp; b &lt; c",
            "&fjlig;lig;",
            "&&fjlig;lig;",
            "AT&amp;T",
            "&amp;lt&#59;",
            "&amp;#&#54;0;",
            "&amp;amp&#59;",
        ] {
            let once = decode(text);
            assert_eq!(decode(&once), once, "input {text:?}");
        }
    }
}
