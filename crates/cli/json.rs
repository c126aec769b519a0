//! JSON output that a person can read: invisible and control characters in
//! strings are written as `\uXXXX` escapes (a zero-width space would
//! otherwise print as nothing at all), everything else as UTF-8. The JSON
//! is the same value either way.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// Writes `value` as one line of JSON followed by a newline.
pub(crate) fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, VisibleFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Writes `value` as compact JSON, with no newline.
pub(crate) fn write_value(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, VisibleFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// serde_json's compact formatter, but escaping invisible characters.
struct VisibleFormatter;

impl Formatter for VisibleFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while let Some((at, c)) = next_invisible(fragment, i) {
            writer.write_all(&bytes[start..at])?;
            write_unicode_escape(writer, c)?;
            i = at + c.len_utf8();
            start = i;
        }
        writer.write_all(&bytes[start..])
    }
}

/// Writes `text` as a JSON string literal, exactly as [`write_value`]
/// does, but directly into a byte buffer and without visiting the
/// characters that need nothing (the batch jobs' hot path).
pub(crate) fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| ATTENTION[usize::from(b)]))
    {
        let at = i + k;
        let b = bytes[at];
        if b < 0x80 {
            out.extend_from_slice(&bytes[start..at]);
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x09 => out.extend_from_slice(b"\\t"),
                0x0A => out.extend_from_slice(b"\\n"),
                0x0C => out.extend_from_slice(b"\\f"),
                0x0D => out.extend_from_slice(b"\\r"),
                _ => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xF)]);
                }
            }
            i = at + 1;
            start = i;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i = at + c.len_utf8();
        if is_invisible(c) {
            out.extend_from_slice(&bytes[start..at]);
            // Writing to a Vec cannot fail.
            let _ = write_unicode_escape(out, c);
            start = i;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Bytes [`write_str`] stops at: what JSON escapes, and the lead bytes of
/// every character [`is_invisible`] may be true of.
static ATTENTION: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    let leads = [
        0xC2, 0xCD, 0xD8, 0xDB, 0xDC, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3,
    ];
    let mut k = 0;
    while k < leads.len() {
        table[leads[k]] = true;
        k += 1;
    }
    table
};

/// The next invisible character of `text` at or after byte `from`.
fn next_invisible(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let k = bytes
            .get(i..)?
            .iter()
            .position(|&b| b >= 0x80 && ATTENTION[usize::from(b)])?;
        let at = i + k;
        let c = text.get(at..)?.chars().next()?;
        if is_invisible(c) {
            return Some((at, c));
        }
        i = at + c.len_utf8();
    }
}

fn write_unicode_escape<W: ?Sized + Write>(writer: &mut W, c: char) -> io::Result<()> {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        write!(writer, "\\u{unit:04x}")?;
    }
    Ok(())
}

/// Characters that show as nothing, or as a plain-looking space, in a
/// terminal: C1 controls, format characters (General_Category Cf), line and
/// paragraph separators, spaces other than U+0020, variation selectors, the
/// combining grapheme joiner and Hangul fillers. serde_json already escapes
/// C0 controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{0080}'..='\u{00A0}'
            | '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{1680}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2000}'..='\u{200F}'
            | '\u{2028}'..='\u{202F}'
            | '\u{205F}'..='\u{206F}'
            | '\u{3000}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_line(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn invisible_characters_are_escaped_and_the_value_is_unchanged() {
        let text = "a\u{200B}b\u{00A0}c\u{85}d\u{E0041}é \"q\"\tСергей";
        let json = line(&text);
        assert_eq!(
            json,
            "\"a\\u200bb\\u00a0c\\u0085d\\udb40\\udc41é \\\"q\\\"\\tСергей\"\n"
        );
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn every_invisible_character_has_an_attention_lead_byte() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            if is_invisible(c) {
                let mut buf = [0u8; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(ATTENTION[usize::from(lead)], "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::proptest_cases(3000)))]

        /// The fast writer and serde_json with the visible formatter
        /// write the same bytes.
        #[test]
        fn write_str_is_write_value(text in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}-\u{a0}\u{ad}\u{34f}\u{600}-\u{605}\u{200b}-\u{200f}\u{2028}-\u{202f}\u{2060}-\u{206f}\u{3000}\u{3164}\u{fe00}-\u{fe0f}\u{feff}\u{e0000}-\u{e0fff}é李Ж😀])*") {
            let mut fast = Vec::new();
            write_str(&mut fast, &text);
            let mut slow = Vec::new();
            write_value(&mut slow, &text).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(slow).unwrap());
        }
    }

    #[test]
    fn visible_text_is_written_as_utf8() {
        assert_eq!(line(&"Шойгу 李尚福"), "\"Шойгу 李尚福\"\n");
    }
}
