//! Escapes left by bad JSON or HTML handling: `\uXXXX` (with UTF-16
//! surrogate pairs) and HTML references escaped more than once
//! (`&amp;lt;`, `&amp;#1089;`, `&amp;amp;nbsp;`).
//!
//! Off by default: text that talks about escapes (`use \u00e9 in JSON`)
//! would be rewritten. Single HTML references (`&lt;`) are the hygiene rule
//! `html_entities`; this stage decodes only the nested ones, all levels at
//! once.
//!
//! # What stays
//!
//! - `\uXXXX` after a backslash that is itself escaped (`\\u0041` is the
//!   text `\u0041` written in JSON), lone surrogates, NUL and other controls
//!   than tab, LF and CR (LF and CR decode to a space, to keep one line);
//! - nested references whose innermost reference is not one the hygiene
//!   rule would decode (`&amp;nosuch;` decodes to `&nosuch;` only when that
//!   is not a reference).
//!
//! The stage runs to a fixed point (each decoding shortens the text), so its
//! output holds nothing it would decode again.

use std::borrow::Cow;

use crate::edit::Editor;
use crate::{entities, ChangeKind, Repaired};

/// At most this many passes; real text needs one or two.
const MAX_PASSES: usize = 4;

/// Decodes `\uXXXX` escapes and nested HTML references (see the module
/// documentation).
///
/// ```
/// use polynorm_repair::{decode_escapes, ChangeKind};
///
/// let r = decode_escapes(r"\u0421\u0435\u0440\u0433\u0435\u0439 &amp;lt;3 &amp;amp;#1089;");
/// assert_eq!(r.text, "Сергей <3 с");
/// assert!(r.changes.iter().all(|c| c.kind == ChangeKind::Escape));
/// // An escaped backslash keeps what follows it literal.
/// assert_eq!(decode_escapes(r"\\u0041").text, r"\\u0041");
/// ```
pub fn decode_escapes(text: &str) -> Repaired<'_> {
    if !text.contains("\\u") && !text.contains("&amp;") && !text.contains("&#38;") {
        return Repaired::unchanged(text);
    }
    let mut result = Repaired::unchanged(text);
    for _ in 0..MAX_PASSES {
        let before = result.changes.len();
        result = result.and_then(pass);
        if result.changes.len() == before {
            break;
        }
    }
    result
}

fn pass(text: &str) -> Repaired<'_> {
    let bytes = text.as_bytes();
    let mut edits = Editor::new(text);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => {
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2; // an escaped backslash: what follows is literal
                    continue;
                }
                if let Some((len, value, evidence)) = json_escape(text.get(i..).unwrap_or_default())
                {
                    edits.edit(i, i + len, &value, ChangeKind::Escape, Cow::Owned(evidence));
                    i += len;
                    continue;
                }
                i += 1;
            }
            b'&' => {
                if let Some((len, value)) = nested_reference(text.get(i..).unwrap_or_default()) {
                    let source = text.get(i..i + len).unwrap_or_default();
                    let evidence =
                        format!("HTML reference escaped more than once: {source} decoded");
                    edits.edit(i, i + len, &value, ChangeKind::Escape, Cow::Owned(evidence));
                    i += len;
                    continue;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    edits.finish()
}

fn hex4(s: &str) -> Option<u32> {
    let digits = s.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// A `\uXXXX` escape (or a surrogate pair of them) at the start of `s`:
/// its length, its value and the evidence.
fn json_escape(s: &str) -> Option<(usize, String, String)> {
    let rest = s.strip_prefix("\\u")?;
    let first = hex4(rest)?;
    let (code, len) = match first {
        0xD800..=0xDBFF => {
            let low = hex4(rest.get(4..)?.strip_prefix("\\u")?)?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return None;
            }
            (0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00), 12)
        }
        0xDC00..=0xDFFF => return None,
        other => (other, 6),
    };
    let c = char::from_u32(code)?;
    let value = match c {
        '\n' | '\r' => " ".to_owned(),
        '\t' => "\t".to_owned(),
        _ if c.is_control() => return None,
        // A backslash that would start another escape stays escaped.
        '\\' if s
            .get(len..)
            .is_some_and(|t| t.starts_with('u') || t.starts_with('\\')) =>
        {
            return None
        }
        _ => c.to_string(),
    };
    let evidence = format!(
        "JSON escape {} decoded to U+{code:04X}",
        s.get(..len).unwrap_or_default()
    );
    Some((len, value, evidence))
}

/// A reference escaped at least twice at the start of `s` (`&amp;lt;`):
/// its length and the innermost reference's value.
fn nested_reference(s: &str) -> Option<(usize, String)> {
    // `&lt;` escaped again is `&amp;lt;`, and again `&amp;amp;lt;`.
    let mut rest = s
        .strip_prefix("&amp;")
        .or_else(|| s.strip_prefix("&#38;"))?;
    while let Some(r) = rest
        .strip_prefix("amp;")
        .or_else(|| rest.strip_prefix("#38;"))
    {
        rest = r;
    }
    let inner = format!("&{rest}");
    let (len, value) = entities::decode_one(&inner)?;
    if value == "&" {
        return None; // `&amp;amp;` alone: a literal ampersand escaped twice
    }
    Some((s.len() - rest.len() + len - 1, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        decode_escapes(s).text.into_owned()
    }

    #[test]
    fn json_escapes() {
        assert_eq!(decode(r"caf\u00e9"), "café");
        assert_eq!(decode(r"\uD83D\uDE00!"), "\u{1F600}!");
        assert_eq!(decode(r"a\u000Ab"), "a b");
        assert_eq!(decode(r"\u00c3\u00a9"), "Ã©");
    }

    #[test]
    fn what_stays() {
        for s in [
            r"\\u0041",
            r"\uD83D alone",
            r"\uDE00",
            r"\u0000",
            r"\u12",
            r"\u005cu0041",
            "plain",
        ] {
            assert_eq!(decode(s), s);
        }
    }

    #[test]
    fn nested_references() {
        assert_eq!(decode("&amp;lt;b&amp;gt;"), "<b>");
        assert_eq!(decode("&amp;#1089;&amp;amp;#x441;"), "сс");
        assert_eq!(decode("&amp;amp;nbsp;"), "\u{A0}");
        assert_eq!(decode("AT&amp;T &lt;"), "AT&amp;T &lt;");
        assert_eq!(decode("&amp;amp; &amp;nosuch;"), "&amp;amp; &amp;nosuch;");
        assert_eq!(decode("&#38;amp;quot;"), "\"");
    }

    #[test]
    fn idempotent() {
        for s in [
            r"\u0026amp;lt;",
            r"\u005c\u0075\u0030\u0030\u0034\u0031",
            "&amp;amp;amp;lt;",
            r"&amp;\u0061mp;lt;",
        ] {
            let once = decode(s);
            assert_eq!(decode(&once), once, "{s:?}");
        }
    }
}
